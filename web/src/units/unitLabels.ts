// Labels and colours shared by the unit pages, the lookup and the stats.
import type { TFunction } from 'i18next';
import type { EventKind, LinkKind } from '../types';

export function unitTypeLabel(t: TFunction, type: string): string {
  return t(`unitType.${type}`, { defaultValue: type });
}

/** Colours follow the meaning: whole = complete (green), part = caution (orange). */
export const LINK_KIND_COLOR: Record<LinkKind, string> = {
  whole: 'green',
  part: 'orange',
  unchanged: 'blue',
  renamed: 'purple',
  retyped: 'cyan',
};

export const EVENT_KIND_COLOR: Record<EventKind, string> = {
  merge: 'red',
  split: 'volcano',
  rename: 'purple',
  retype: 'cyan',
  reassign: 'geekblue',
  dissolve: 'magenta',
  create: 'green',
};

export function linkKindColor(kind: string): string {
  return LINK_KIND_COLOR[kind as LinkKind] ?? 'default';
}

export function eventKindColor(kind: string): string {
  return EVENT_KIND_COLOR[kind as EventKind] ?? 'default';
}

/** "Quận Ba Đình, Thành phố Hà Nội" without empty parts. */
export function joinPlaces(...parts: (string | null | undefined)[]): string {
  return parts.filter((p): p is string => Boolean(p && p.trim())).join(', ');
}

// The source's note often just repeats the link kind ("Nhập toàn bộ"); only other notes add information.
const REDUNDANT_NOTE = /^(nhập toàn bộ|nhập một phần|giữ nguyên|đổi tên)$/i;
export const isRedundantNote = (note: string) => REDUNDANT_NOTE.test(note.trim());
