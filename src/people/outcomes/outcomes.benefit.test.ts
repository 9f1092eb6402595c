// The benefit computed from a stored record (pure): the base salary by date, coefficient × base exactly, the
// counted and not counted allowances, and the refusals naming what the record lacks. Figures checked by hand:
// 4.98 × 2,340,000 = 11,653,200; 0.2 × 2,340,000 = 468,000; salary 12,121,200 (the 1,500,000 "other" not counted).
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { baseSalaryOn, coefficientAmount } from '../benefits/base-salary.ts';
import { benefitOf, type StoredFacts } from './outcomes.benefit.ts';

const person: StoredFacts = {
  category: 'civil_servant',
  birth_date: '1970-03-15',
  sex: 'm',
  salary_coef: '4.98',
  position_allowance_coef: '0.20',
  other_allowances_vnd: 1_500_000,
  si_months: 25 * 12 + 6,
  unit_level: 3,
};
const leaving = { leaveDate: '2025-08-01', reorganisationDate: '2025-06-16', decisionDate: '2025-07-15' };

describe('base salary table (data/people/base-salary.csv)', () => {
  it('gives the amount in force on a date, with its decree', () => {
    expect(baseSalaryOn('2024-06-30')).toMatchObject({ amount: 1_800_000, legalBasis: 'Nghị định 24/2023/NĐ-CP' });
    expect(baseSalaryOn('2024-07-01')).toMatchObject({ amount: 2_340_000, legalBasis: 'Nghị định 73/2024/NĐ-CP' });
    expect(baseSalaryOn('2023-06-30')).toBeUndefined();
  });
  it('multiplies a two-decimal coefficient exactly', () => {
    expect(coefficientAmount('4.98', 2_340_000)).toBe(11_653_200);
    expect(coefficientAmount(2.34, 2_340_000)).toBe(5_475_600); // 2.34 is 2.3399999… as a float
    expect(coefficientAmount('0.00', 2_340_000)).toBe(0);
  });
});

describe('benefit of a stored record', () => {
  it('early retirement 6 years 8 months early, within 12 months, 25.5 years of insurance', () => {
    const { result, baseSalary } = benefitOf(person, { kind: 'early_retirement', ...leaving });
    expect(baseSalary.amount).toBe(2_340_000);
    expect(result.ruleSet.id).toBe('nd178-2024-nd67-2025');
    expect(result.salary.amount).toBe(12_121_200);
    expect(result.salary.notCounted).toEqual([expect.objectContaining({ kind: 'other', amount: 1_500_000 })]);
    // men born 03/1970 retire at 62 (from 2028): pension from 01/04/2032, 80 months after 01/08/2025
    expect(result.facts.monthsEarly).toBe(80);
    expect(result.clauses.map((c) => [c.code, c.months, c.amount])).toEqual([
      ['early-months', '54', 654_544_800], // 0.9 × 60 months × 12,121,200
      ['early-years', '28', 339_393_600], // 4 months × 7 years (6 y 8 m: over 6 odd months = a year)
      ['early-insurance', '9.25', 112_121_100], // 4 for 15 years + 0.5 × 10.5 years (Decree 67, from 15 years)
    ]);
    expect(result.total).toBe(1_106_059_500);
    expect(result.notes[0].vi).toContain('2.340.000');
  });

  it('resignation of the same person', () => {
    const { result } = benefitOf(person, { kind: 'resignation', ...leaving });
    expect(result.clauses.map((c) => c.amount)).toEqual([581_817_600, 463_635_900, 36_363_600]); // 48, 38.25, 3 months
    expect(result.total).toBe(1_081_817_100);
  });

  it('uses the base salary of the leave date: 1,800,000 before 01/07/2024 is outside the decree anyway', () => {
    expect(() => benefitOf(person, { kind: 'resignation', ...leaving, leaveDate: '2023-01-01' })).toThrow(AppError);
    try {
      benefitOf(person, { kind: 'resignation', ...leaving, leaveDate: '2023-01-01', reorganisationDate: '2022-12-01' });
    } catch (e) {
      expect((e as AppError).type).toBe('benefit-record-incomplete');
      expect((e as AppError).detail.vi).toContain('không có mức lương cơ sở cho ngày nghỉ 01/01/2023');
    }
  });

  it('refuses a record without what the calculator needs, naming each lack', () => {
    const bad = { ...person, category: 'commune_part_time', salary_coef: null, si_months: null };
    try {
      benefitOf(bad, { kind: 'early_retirement', ...leaving });
      expect.unreachable();
    } catch (e) {
      const err = e as AppError;
      expect(err.status).toBe(422);
      expect(err.detail.vi).toContain('không chuyên trách');
      expect(err.detail.vi).toContain('thiếu hệ số lương');
      expect(err.detail.vi).toContain('thiếu thời gian đóng BHXH');
    }
  });
});
