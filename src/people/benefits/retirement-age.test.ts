// Retirement ages across the roadmap of Decree 135/2020 Art. 4 (Appendix I rows, computed by hand from
// "men 60y3m in 2021 + 3 months a year to 62 in 2028; women 55y4m + 4 months a year to 60 in 2035").
import { describe, expect, it } from 'vitest';
import { ageForYear, retirementAge } from './retirement-age.ts';

const row = (birth: string, sex: 'm' | 'f') => {
  const r = retirementAge(birth, sex);
  return `${r.years}y${r.months}m ${r.reachedMonth} → ${r.pensionStart}`;
};

describe('retirement age (Decree 135/2020 Art. 3, 4)', () => {
  it('follows the yearly steps of the roadmap', () => {
    expect([2020, 2021, 2022, 2027, 2028, 2040].map((y) => ageForYear('m', y))).toEqual([720, 723, 726, 741, 744, 744]);
    expect([2020, 2021, 2022, 2034, 2035, 2040].map((y) => ageForYear('f', y))).toEqual([660, 664, 668, 716, 720, 720]);
  });

  it('men: each step of the roadmap at its first and last birth month', () => {
    expect(row('1960-11-05', 'm')).toBe('60y0m 2020-11 → 2020-12-01'); // reached 60 before 2021
    expect(row('1961-01-01', 'm')).toBe('60y3m 2021-04 → 2021-05-01');
    expect(row('1961-09-30', 'm')).toBe('60y3m 2021-12 → 2022-01-01');
    expect(row('1961-10-01', 'm')).toBe('60y6m 2022-04 → 2022-05-01');
    expect(row('1962-06-15', 'm')).toBe('60y6m 2022-12 → 2023-01-01');
    expect(row('1962-07-15', 'm')).toBe('60y9m 2023-04 → 2023-05-01');
    expect(row('1963-03-15', 'm')).toBe('60y9m 2023-12 → 2024-01-01');
    expect(row('1963-04-15', 'm')).toBe('61y0m 2024-04 → 2024-05-01');
    expect(row('1966-03-15', 'm')).toBe('61y9m 2027-12 → 2028-01-01');
    expect(row('1966-04-15', 'm')).toBe('62y0m 2028-04 → 2028-05-01');
    expect(row('1980-02-29', 'm')).toBe('62y0m 2042-02 → 2042-03-01');
  });

  it("MOHA letter 1814's example: a man born 15/01/1966 draws his pension from November 2027", () => {
    expect(row('1966-01-15', 'm')).toBe('61y9m 2027-10 → 2027-11-01');
  });

  it('women: each step of the roadmap at its first and last birth month', () => {
    expect(row('1966-01-10', 'f')).toBe('55y4m 2021-05 → 2021-06-01');
    expect(row('1966-08-10', 'f')).toBe('55y4m 2021-12 → 2022-01-01');
    expect(row('1966-09-10', 'f')).toBe('55y8m 2022-05 → 2022-06-01');
    expect(row('1967-04-10', 'f')).toBe('55y8m 2022-12 → 2023-01-01');
    expect(row('1967-05-10', 'f')).toBe('56y0m 2023-05 → 2023-06-01');
    expect(row('1975-04-10', 'f')).toBe('59y8m 2034-12 → 2035-01-01');
    expect(row('1975-05-10', 'f')).toBe('60y0m 2035-05 → 2035-06-01');
    expect(row('1975-09-02', 'f')).toBe('60y0m 2035-09 → 2035-10-01');
    expect(row('1990-12-31', 'f')).toBe('60y0m 2050-12 → 2051-01-01');
  });

  it('a birth year alone counts as 1 January (Art. 3(3)): the caller passes YYYY-01-01', () => {
    expect(row('1970-01-01', 'f')).toBe(row('1970-01-31', 'f'));
  });
});
