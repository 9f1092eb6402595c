// Periods as statistics offices write them, per period type: '2024-03' (month), '2024-Q1' (quarter),
// '2024-H1' (half), '2024' (year), '2026-2030' (a plan period). The dates let the rebuild decide whether
// a period lies before a unit existed (every day of it before the unit's valid_from).
import { badRequest } from '../../platform/errors.ts';

export type PeriodType = 'month' | 'quarter' | 'half' | 'year' | 'period';

const PATTERNS: Record<PeriodType, { re: RegExp; example: string }> = {
  month: { re: /^(\d{4})-(0[1-9]|1[0-2])$/, example: '2024-03' },
  quarter: { re: /^(\d{4})-Q([1-4])$/, example: '2024-Q1' },
  half: { re: /^(\d{4})-H([12])$/, example: '2024-H1' },
  year: { re: /^(\d{4})$/, example: '2024' },
  period: { re: /^(\d{4})-(\d{4})$/, example: '2026-2030' },
};

export interface PeriodSpan {
  code: string;
  /** first day */
  start: string;
  /** the day after the last one */
  end: string;
  /** calendar years from the first to the last, for trajectories */
  firstYear: number;
  lastYear: number;
}

const iso = (y: number, m: number) => (m > 12 ? `${y + 1}-01-01` : `${y}-${String(m).padStart(2, '0')}-01`);

export function periodSpan(type: PeriodType, code: string): PeriodSpan {
  const p = PATTERNS[type];
  const m = p.re.exec(code);
  const bad = () =>
    badRequest({
      vi: `Kỳ "${code}" không đúng dạng kỳ ${VI_TYPE[type]} (ví dụ ${p.example}).`,
      en: `Period "${code}" is not a ${type} period (write e.g. ${p.example}).`,
    });
  if (!m) throw bad();
  const y = Number(m[1]);
  switch (type) {
    case 'month':
      return { code, start: iso(y, Number(m[2])), end: iso(y, Number(m[2]) + 1), firstYear: y, lastYear: y };
    case 'quarter': {
      const q = Number(m[2]);
      return { code, start: iso(y, 3 * q - 2), end: iso(y, 3 * q + 1), firstYear: y, lastYear: y };
    }
    case 'half': {
      const h = Number(m[2]);
      return { code, start: iso(y, 6 * h - 5), end: iso(y, 6 * h + 1), firstYear: y, lastYear: y };
    }
    case 'year':
      return { code, start: `${y}-01-01`, end: `${y + 1}-01-01`, firstYear: y, lastYear: y };
    case 'period': {
      const last = Number(m[2]);
      if (last <= y) throw bad();
      return { code, start: `${y}-01-01`, end: `${last + 1}-01-01`, firstYear: y, lastYear: last };
    }
  }
}

export const VI_TYPE: Record<PeriodType, string> = {
  month: 'tháng',
  quarter: 'quý',
  half: '6 tháng',
  year: 'năm',
  period: 'giai đoạn',
};

/** The period type a code is written in, from its shape alone; null when it matches none. */
export function periodTypeOf(code: string): PeriodType | null {
  for (const type of Object.keys(PATTERNS) as PeriodType[]) if (PATTERNS[type].re.test(code)) return type;
  return null;
}
