// The calculator's exact arithmetic and the counting rules of Decree 178/2024 Art. 5, kept apart from the
// clauses so each rule is tested alone. Pure.
//
// Money: a clause pays salary × m months, where m is a whole number of hundredths of a month (the decrees'
// factors 1.0, 0.9, 0.5, 0.45, 0.8, 0.4, 1.5 and half years make every m a whole hundredth). The product
// salary × m100 is a whole number below 2^53 (salary ≤ 1e9 đồng, m100 ≤ 7,500), so it is exact in a JS
// number; it is divided by 100 ONCE, rounding half up to the đồng (the smallest unit in use), per clause.
// The total is the sum of the rounded clauses, so the sheet adds up to the total shown.

/** salary × m100 / 100, rounded half up to the đồng, in exact integer steps. */
export function pay(salary: number, m100: number): number {
  const p = salary * m100 + 50;
  if (!Number.isSafeInteger(p)) throw new Error(`amount out of exact range: ${salary} × ${m100}`);
  return (p - (p % 100)) / 100;
}

/**
 * Art. 5(3) (and MOHA letter 1814's example for years retired early, 2 years 6 months = 2.5 years): a period in
 * months as half years; odd months from 1 to 6 count as half a year, over 6 as a full year.
 */
export function halfYears(months: number): number {
  const years = Math.floor(months / 12);
  const odd = months % 12;
  return years * 2 + (odd === 0 ? 0 : odd <= 6 ? 1 : 2);
}

const daysIn = (year: number, month0: number) =>
  month0 === 1
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month0];

/** `iso` plus `n` months, the day kept or clamped to the month's last day (31/01 + 1 month = 28/02 or 29/02). */
export function addMonths(iso: string, n: number): string {
  const m = Number(iso.slice(5, 7)) - 1 + n;
  const year = Number(iso.slice(0, 4)) + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const day = Math.min(Number(iso.slice(8, 10)), daysIn(year, month));
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whole months from `from` to `to` (a part month does not count); negative when `to` is earlier. In numbers,
 * not text: the register recomputes hundreds of thousands of people with it.
 */
export function fullMonths(from: string, to: string): number {
  if (to < from) return -fullMonths(to, from);
  const fy = Number(from.slice(0, 4));
  const fd = Number(from.slice(8, 10));
  const ty = Number(to.slice(0, 4));
  const tm = Number(to.slice(5, 7)) - 1;
  const diff = (ty - fy) * 12 + tm - (Number(from.slice(5, 7)) - 1);
  // from + diff months lands in to's month on day min(fd, its length): past `to` means one month less.
  return Math.min(fd, daysIn(ty, tm)) > Number(to.slice(8, 10)) ? diff - 1 : diff;
}

/**
 * "Within the first 12 months from the reorganisation decision" (Art. 7(1), 9(1), 10(1)): the leave date is
 * before the same day 12 months later; that day starts the 13th month, from which the amount is halved.
 */
export const withinFirst12Months = (decisionDate: string, leaveDate: string) => leaveDate < addMonths(decisionDate, 12);

/** Hundredths of a month written exactly: 2250 → "22.5" (en) or "22,5" (vi). */
export function monthsText(m100: number, lang: 'vi' | 'en'): string {
  const whole = Math.floor(m100 / 100);
  const frac = m100 % 100;
  if (frac === 0) return String(whole);
  const digits = String(frac).padStart(2, '0').replace(/0$/, '');
  return `${whole}${lang === 'vi' ? ',' : '.'}${digits}`;
}

/** Đồng with thousands grouped: 786.854.250 (vi), 786,854,250 (en). */
export function dong(n: number, lang: 'vi' | 'en'): string {
  const s = String(Math.abs(n));
  const sep = lang === 'vi' ? '.' : ',';
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += sep;
    out += s[i];
  }
  return (n < 0 ? '-' : '') + out;
}

/** Half years written as years: 5 → "2,5" / "2.5". */
export const yearsText = (halves: number, lang: 'vi' | 'en') => monthsText(halves * 50, lang);
