// Number formatting for warning messages, by hand rather than Intl: messages are
// built for every warned task in a national re-evaluation, and Intl formatters
// are an order of magnitude slower than this.

/** A percentage with at most one decimal: vi "74,8%", en "74.8%". */
export function pct(value: number, lang: 'vi' | 'en'): string {
  const rounded = Math.round(value * 10) / 10;
  const text = String(rounded);
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`;
}

/**
 * A progress figure as stored (at most two decimals) and as the screens show it: vi "33,33%", en "33.33%".
 * Warning texts quote progress with this, so a text never rounds a figure the task page shows exactly.
 */
export function progressPct(value: number, lang: 'vi' | 'en'): string {
  const text = String(Math.round(value * 100) / 100);
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`;
}

/** A whole amount with thousands separators: vi "5.000.000", en "5,000,000". */
export function amount(value: number, lang: 'vi' | 'en'): string {
  const sign = value < 0 ? '-' : '';
  const whole = String(Math.round(Math.abs(value)));
  const sep = lang === 'vi' ? '.' : ',';
  let out = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) out += sep;
    out += whole[i];
  }
  return sign + out;
}

/** "1 day" / "3 days"; Vietnamese has no plural. */
export const days = (n: number, lang: 'vi' | 'en'): string =>
  lang === 'vi' ? `${n} ngày` : `${n} day${n === 1 ? '' : 's'}`;

/** The message or explanation of a verdict judged without text (the daily run's first pass). */
export const NO_TEXT = Object.freeze({ vi: '', en: '' });
