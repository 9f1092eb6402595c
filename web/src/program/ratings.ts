// One colour per rating level and per status, used by every card, tag, table
// cell and chart, so "amber/red" looks the same wherever it appears.
import i18n from '../i18n';
import type { Bilingual, Rating, TaskStatus } from './types';

export const RATING_COLORS: Record<Rating, string> = {
  green: '#2e7d32',
  amber_green: '#9ccc65',
  amber: '#fbc02d',
  amber_red: '#f57c00',
  red: '#c62828',
};
/** Text on a rating colour: dark on the light ones, white on the dark ones. */
export const RATING_TEXT: Record<Rating, string> = {
  green: '#fff',
  amber_green: '#1b3d00',
  amber: '#3e2c00',
  amber_red: '#fff',
  red: '#fff',
};

export const STATUS_COLORS: Record<TaskStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  done_late: 'cyan',
  overdue: 'error',
  suspended: 'warning',
  cancelled: 'default',
};

/** The sentence in the chosen language, falling back to the other one. */
export function pick(text: Bilingual | null | undefined): string {
  if (!text) return '';
  return (i18n.language === 'en' ? (text.en ?? text.vi) : (text.vi ?? text.en)) ?? '';
}

/** A task's or section's title in the chosen language. */
export function titleOf(t: { titleVi?: string | null; titleEn?: string | null }): string {
  return pick({ vi: t.titleVi ?? null, en: t.titleEn ?? null });
}
