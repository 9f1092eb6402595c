// Shares written as the State publishes them: from the exact numerator and
// denominator the API sends (never a percentage it rounded), two decimals,
// rounded half up in whole numbers, in the chosen language: "66,91%" in
// Vietnamese, "66.91%" in English. The same rule as the server's
// src/platform/formats/percent.ts (the CLI's text); the two bundles cannot share a file.
import i18n from '../i18n';

export interface Ratio {
  numerator: number;
  denominator: number;
}

/** Hundredths of a percent, half away from zero; null without a denominator. Whole numbers only. */
export function percentHundredths(numerator: number, denominator: number): number | null {
  if (!denominator || !Number.isInteger(numerator) || !Number.isInteger(denominator)) {
    return denominator ? Math.round((numerator / denominator) * 10_000) : null;
  }
  const n = BigInt(numerator) * 10_000n,
    d = BigInt(denominator);
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n,
    b = d < 0n ? -d : d;
  const q = (2n * a + b) / (2n * b);
  return Number(negative ? -q : q);
}

/** The share as a number of percent with two decimals (for colour scales and sorting, not for text). */
export function percentValue(numerator: number, denominator: number): number | null {
  const h = percentHundredths(numerator, denominator);
  return h === null ? null : h / 100;
}

/** "66,91%": at most two decimals, trailing zeros dropped ("100%"); "—" when there is no share to give. */
export function formatShare(numerator: number | null | undefined, denominator: number | null | undefined): string {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) return '—';
  const h = percentHundredths(numerator, denominator);
  if (h === null) return '—';
  return `${new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 }).format(h / 100)}%`;
}

export const formatRatio = (r: Ratio | null | undefined) => (r ? formatShare(r.numerator, r.denominator) : '—');
