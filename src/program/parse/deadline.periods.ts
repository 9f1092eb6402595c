// Calendar arithmetic for deadline periods: every period is a first day and a
// last day (inclusive), both 'YYYY-MM-DD'. Pure functions, UTC only, so the
// result never depends on the machine's time zone.
import type { Period } from '../program.types.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const isRealDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

export const isIsoDate = (value: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
};

export const yearPeriod = (y: number): Period => ({ kind: 'year', start: iso(y, 1, 1), end: iso(y, 12, 31) });

export const halfPeriod = (y: number, half: 1 | 2): Period =>
  half === 1
    ? { kind: 'half', start: iso(y, 1, 1), end: iso(y, 6, 30) }
    : { kind: 'half', start: iso(y, 7, 1), end: iso(y, 12, 31) };

export const quarterPeriod = (y: number, q: number): Period => {
  const first = q * 3 - 2;
  return { kind: 'quarter', start: iso(y, first, 1), end: iso(y, first + 2, daysInMonth(y, first + 2)) };
};

export const monthPeriod = (y: number, m: number): Period => ({
  kind: 'month',
  start: iso(y, m, 1),
  end: iso(y, m, daysInMonth(y, m)),
});

export const datePeriod = (y: number, m: number, d: number): Period => ({
  kind: 'date',
  start: iso(y, m, d),
  end: iso(y, m, d),
});

export const rangePeriod = (start: string, end: string): Period => ({ kind: 'range', start, end });
