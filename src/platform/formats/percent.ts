// Shares as the State publishes them. Data and the API keep a share exact, as
// its two whole numbers (6,714 of 10,035 communes), never as a rounded
// percentage; only text for a person is rounded: two decimals, half up, the way
// the Ministry of Home Affairs writes "giảm 66,91%". The rounding is done in
// integers, so 76.045 exactly gives 76.05 (a float division can land just under).
export interface Ratio {
  numerator: number;
  denominator: number;
}

export const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator });

/** The percentage in hundredths of a percent (6691 for 66.91 %), rounded half away from zero; null without a denominator. Whole numbers only. */
export function percentHundredths(r: Ratio): number | null {
  if (r.denominator === 0) return null;
  const n = BigInt(r.numerator) * 10_000n,
    d = BigInt(r.denominator);
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n,
    b = d < 0n ? -d : d;
  const q = (2n * a + b) / (2n * b);
  return Number(negative ? -q : q);
}

/** "66,91%" (vi) or "66.91%" (en): at most two decimals, trailing zeros dropped ("100%", "5,5%"); "—" without a denominator. */
export function percentText(r: Ratio, lang: 'vi' | 'en' = 'vi'): string {
  const h = percentHundredths(r);
  if (h === null) return '—';
  return `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 }).format(h / 100)}%`;
}
