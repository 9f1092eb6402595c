// A scoring period: a year ('2026') or a quarter ('2026-Q2'), as Decree 335/2025 grades monthly or quarterly
// and then for the year. Half-open date span [start, end).
import { badRequest } from '../../platform/errors.ts';

export interface PeriodSpan {
  period: string;
  start: string;
  end: string;
  year: string;
  quarters: string[];
}

export function periodSpan(period: string): PeriodSpan {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(period);
  if (!m)
    throw badRequest({
      vi: `Kỳ đánh giá «${period}» không hợp lệ: hãy ghi năm (2026) hoặc quý (2026-Q2).`,
      en: `Period «${period}» is not valid: give a year (2026) or a quarter (2026-Q2).`,
    });
  const y = Number(m[1]);
  if (!m[2])
    return {
      period,
      start: `${y}-01-01`,
      end: `${y + 1}-01-01`,
      year: String(y),
      quarters: [1, 2, 3, 4].map((q) => `${y}-Q${q}`),
    };
  const q = Number(m[2]);
  const mm = (n: number) => String(n).padStart(2, '0');
  const start = `${y}-${mm(q * 3 - 2)}-01`;
  const end = q === 4 ? `${y + 1}-01-01` : `${y}-${mm(q * 3 + 1)}-01`;
  return { period, start, end, year: String(y), quarters: [period] };
}

/** The day `months` months before `day` (first of month precision is enough for the disruption window). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
