// Normal retirement age by sex and birth month: Labour Code 2019 Art. 169(2) and Decree 135/2020/NĐ-CP
// Art. 4 (normal working conditions; the month-by-month table is its Appendix I). Pure.
//
// Checked (search, corpus pages, 12/2026) against the decree's text as published by vanbanphapluat.co and
// english.luatvietnam.vn ("decree-135-2020-nd-cp-on-retirement-age"):
//   - Art. 4: from 1 Jan 2021 men 60 years 3 months, women 55 years 4 months; then +3 months a year for men
//     until 62 in 2028, +4 months a year for women until 60 in 2035.
//   - Art. 3(1): the retirement date is the last day of the month in which the age is reached;
//     Art. 3(2): the pension starts on the first day of the following month;
//     Art. 3(3): a birth date with the year only counts as 1 January of that year (callers pass YYYY-01-01).
// The roadmap is by the calendar YEAR in which a person reaches the age, so a person's age is the one of the
// first year Y in which birth + age(Y) falls in Y (a man born 01/1966 reaches 61y9m in 10/2027, the age of
// 2027: retires end of 10/2027, pension from 11/2027 — the Ministry of Home Affairs' example in letter
// 1814/BNV-TCBC, 2025, says "November 2027"). Appendix II (harder conditions, up to 5 years lower) is not modelled.

export type Sex = 'm' | 'f';

export interface RetirementAge {
  /** Age at retirement, in whole years and months (60y3m → 60, 3). */
  years: number;
  months: number;
  /** The month in which the age is reached (YYYY-MM); the retirement date is its last day (Art. 3(1)). */
  reachedMonth: string;
  /** First day of the following month: the pension starts then (Art. 3(2)); early months are counted up to it. */
  pensionStart: string;
}

interface Roadmap {
  base: number; // months of age before 2021
  step: number; // months added per calendar year from 2021
  cap: number; // months of age at the end of the roadmap
}

/** Decree 135/2020 Art. 4: the figures of the law, in months of age. */
export const ROADMAP: Record<Sex, Roadmap> = {
  m: { base: 60 * 12, step: 3, cap: 62 * 12 },
  f: { base: 55 * 12, step: 4, cap: 60 * 12 },
};

/** The age that applies to people reaching it in calendar year `year`. */
export function ageForYear(sex: Sex, year: number): number {
  const r = ROADMAP[sex];
  if (year <= 2020) return r.base;
  return Math.min(r.cap, r.base + r.step * (year - 2020));
}

/** Month index (year × 12 + month − 1) ↔ text. */
export const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
export const monthText = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

export function retirementAge(birthDate: string, sex: Sex): RetirementAge {
  const born = monthIndex(birthDate);
  const r = ROADMAP[sex];
  const firstYear = Math.floor((born + r.base) / 12);
  // The year bucket of birth + age(Y) moves by at most one per step of Y while Y moves by one, so the first
  // matching year exists within the span of the roadmap (at most cap − base months later).
  for (let year = firstYear; year <= firstYear + 1 + Math.ceil((r.cap - r.base) / 12); year++) {
    const age = ageForYear(sex, year);
    const reached = born + age;
    if (Math.floor(reached / 12) === year) {
      return {
        years: Math.floor(age / 12),
        months: age % 12,
        reachedMonth: monthText(reached),
        pensionStart: `${monthText(reached + 1)}-01`,
      };
    }
  }
  // Unreachable for any real date: the loop above covers the whole roadmap.
  throw new Error(`no retirement age found for ${birthDate}`);
}
