// How a handover's figures are written on screen: money in đồng as vi-VN writes it (exact: the API sends
// digits as a string, so a 20-digit balance never passes through a floating-point number), state colours.
import i18n from '../i18n';
import type { CountState, HandoverState } from './types';

/** "1234567" → "1.234.567 ₫" (vi) or "1,234,567 ₫" (en); null → "—". */
export function formatMoney(digits: string | null | undefined): string {
  if (digits === null || digits === undefined || !/^-?\d+$/.test(digits)) return '—';
  const locale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  return `${BigInt(digits).toLocaleString(locale)} ₫`;
}

export const STATE_COLOR: Record<HandoverState, string> = {
  draft: 'default',
  submitted: 'processing',
  counted: 'warning',
  signed: 'success',
  closed: 'purple',
};

export const COUNT_COLOR: Record<CountState, string> = {
  pending: 'default',
  received: 'success',
  missing: 'error',
  damaged: 'warning',
  disputed: 'magenta',
};

/** SHA-256 of bytes, in hex, by the browser itself (SubtleCrypto: secure contexts only, i.e. https or localhost). */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  if (!globalThis.crypto?.subtle) throw new Error(i18n.t('handover.verify.noCrypto'));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
