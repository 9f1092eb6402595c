// The calculator against published examples and hand-computed cases, clause by clause, to the đồng.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { calculateBenefit } from './benefits.calculate.ts';
import { addMonths, fullMonths, halfYears, pay, withinFirst12Months } from './benefits.arithmetic.ts';
import { parseBenefitInput, type BenefitInput } from './benefits.schemas.ts';

const S = 10_000_000; // a round salary so each clause is months × 10 million
const base: BenefitInput = {
  kind: 'early-retirement',
  salary: S,
  birthDate: '1966-01-15',
  sex: 'm',
  leaveDate: '2025-05-01',
  decisionDate: '2025-03-01',
  insurance: { years: 22, months: 0 },
};
const calc = (over: Partial<BenefitInput>) => calculateBenefit(parseBenefitInput({ ...base, ...over }));
const amounts = (over: Partial<BenefitInput>) => calc(over).clauses.map((c) => [c.code, c.months, c.amount]);
const refusal = (over: Partial<BenefitInput> | unknown) => {
  try {
    calculateBenefit(parseBenefitInput(typeof over === 'object' ? { ...base, ...over } : over));
  } catch (e) {
    if (e instanceof AppError) return e.detail;
    throw e;
  }
  throw new Error('not refused');
};

describe('published examples', () => {
  it('issue 12: resignation within 12 months, salary 10,705,500, 15 years of insurance → 786,854,250', () => {
    const r = calc({
      kind: 'resignation',
      salary: 10_705_500,
      birthDate: '1985-06-20',
      insurance: { years: 15, months: 0 },
    });
    expect(r.clauses.map((c) => [c.code, c.months, c.amount])).toEqual([
      ['resign-severance', '48', 513_864_000], // 0.8 × 60 months (15 years of insurance, capped at 60)
      ['resign-insurance', '22.5', 240_873_750], // 1.5 × 15
      ['resign-job-search', '3', 32_116_500],
    ]);
    expect(r.total).toBe(786_854_250);
    expect(r.clauses[0].citation.vi).toContain('Điều 9 khoản 1 NĐ 178/2024/NĐ-CP');
  });

  it('MOHA letter 1814 (2025), Mr C: salary from its parts, 30 months early, 22 years → each clause as published', () => {
    // coefficient 4.65 and position 0.6 × 2,340,000 base salary, public-service allowance 25 %; a regional
    // allowance (not counted by Art. 5(6)) is added to show it is left out.
    const r = calc({
      salary: undefined,
      salaryParts: [
        { kind: 'rank-salary', amount: 10_881_000 },
        { kind: 'leadership', amount: 1_404_000 },
        { kind: 'public-service', amount: 3_071_250 },
        { kind: 'regional', amount: 468_000 },
      ],
    });
    expect(r.salary.amount).toBe(15_356_250);
    expect(r.salary.notCounted.map((c) => c.kind)).toEqual(['regional']);
    expect(r.facts.monthsEarly).toBe(30);
    expect(r.clauses.map((c) => c.amount)).toEqual([460_687_500, 191_953_125, 92_137_500]);
    // The press copy of the letter prints the total as 744,788,125; its own three clauses add up to this:
    expect(r.total).toBe(744_778_125);
  });
});

describe('early retirement, Decree 178 Art. 7', () => {
  it('≤ 5 years early, within 12 months: 1.0 × months, 5 months per year, 5 + 0.5 × 2 for 22 insured years', () => {
    expect(amounts({})).toEqual([
      ['early-months', '30', 300_000_000],
      ['early-years', '12.5', 125_000_000],
      ['early-insurance', '6', 60_000_000],
    ]);
  });

  it('from the 13th month after the decision only the months clause is halved', () => {
    // decision 01/05/2024: 01/05/2025 starts the 13th month; 30/04/2025 is still within the first 12
    expect(amounts({ decisionDate: '2024-05-01' })[0]).toEqual(['early-months', '15', 150_000_000]);
    expect(amounts({ decisionDate: '2024-05-01' })[1]).toEqual(['early-years', '12.5', 125_000_000]);
    expect(amounts({ decisionDate: '2024-05-01', leaveDate: '2025-04-30' })[0]).toEqual([
      'early-months',
      '30',
      300_000_000,
    ]);
    expect(withinFirst12Months('2025-01-31', '2026-01-30')).toBe(true);
    expect(withinFirst12Months('2025-01-31', '2026-01-31')).toBe(false);
  });

  it('years early: 1–6 odd months count as half a year, more than 6 as a full year', () => {
    const years = (m: number) => calc({ monthsEarly: m }).clauses[1].months;
    expect([24, 25, 30, 31, 35, 36].map(years)).toEqual(['10', '12.5', '12.5', '15', '15', '15']);
  });

  it('5 to 10 years early: 0.9 × 60 months (0.45 × 60 from the 13th month), 4 months per year', () => {
    expect(amounts({ monthsEarly: 61 })).toEqual([
      ['early-months', '54', 540_000_000],
      ['early-years', '22', 220_000_000], // 4 × 5.5 years (5 years 1 month)
      ['early-insurance', '6', 60_000_000],
    ]);
    expect(amounts({ monthsEarly: 61, decisionDate: '2024-04-01' })[0]).toEqual(['early-months', '27', 270_000_000]);
    expect(amounts({ monthsEarly: 120 })[1]).toEqual(['early-years', '40', 400_000_000]);
    expect(amounts({ monthsEarly: 60 }).slice(0, 2)).toEqual([
      ['early-months', '60', 600_000_000],
      ['early-years', '25', 250_000_000],
    ]);
  });

  it('under 2 years early: the months clause only, with a note', () => {
    const r = calc({ monthsEarly: 23 });
    expect(r.clauses.map((c) => c.code)).toEqual(['early-months']);
    expect(r.notes[0].vi).toContain('dưới 2 năm');
  });

  it('insurance years: 5 months for 20 years, 0.5 per further year, odd months by half years', () => {
    const si = (years: number, months: number) => calc({ insurance: { years, months } }).clauses[2].months;
    expect([si(20, 0), si(20, 6), si(20, 7), si(30, 0)]).toEqual(['5', '5.25', '5.5', '10']);
  });

  it("Decree 67's case: from 01/07/2025 (SI Law 2024) 4 months for the first 15 years, 0.5 per year from the 16th", () => {
    const after = (years: number, months: number) =>
      calc({ leaveDate: '2025-08-01', insurance: { years, months } }).clauses[2];
    expect(after(15, 0).months).toBe('4');
    expect(after(17, 3).months).toBe('5.25'); // 17.5 years → 4 + 0.5 × 2.5
    expect(after(22, 0).months).toBe('7.5'); // MOHA 1814 II.6: the 15-year formula from 01/07/2025
    expect(after(17, 3).citation.vi).toContain('sửa đổi, bổ sung bởi NĐ 67/2025');
  });

  it('before 01/07/2025 only women at commune level draw a pension with 15 to < 20 years', () => {
    expect(
      calc({ sex: 'f', birthDate: '1970-03-01', communeLevel: true, insurance: { years: 18, months: 0 } }).clauses[2]
        .months,
    ).toBe('5.5');
    expect(refusal({ insurance: { years: 18, months: 0 } }).vi).toContain('Chưa đủ 20 năm đóng BHXH');
  });

  it('refuses more than 10 years early and people already at retirement age', () => {
    expect(refusal({ monthsEarly: 121 }).vi).toContain('hơn 10 năm');
    expect(refusal({ birthDate: '1963-01-01' }).en).toContain('Retirement age already reached');
  });
});

describe('resignation, Decree 178 Art. 9 and 10', () => {
  const resign = (over: Partial<BenefitInput>) => amounts({ kind: 'resignation', birthDate: '1985-06-20', ...over });

  it('months counted are the insured months, at most 60 (Art. 5(2)); 0.4 from the 13th month', () => {
    expect(resign({ insurance: { years: 3, months: 2 } })).toEqual([
      ['resign-severance', '30.4', 304_000_000], // 0.8 × 38 months
      ['resign-insurance', '5.25', 52_500_000], // 1.5 × 3.5 years (3 years 2 months)
      ['resign-job-search', '3', 30_000_000],
    ]);
    expect(resign({ insurance: { years: 15, months: 0 }, decisionDate: '2024-04-01' })[0]).toEqual([
      'resign-severance',
      '24',
      240_000_000,
    ]);
  });

  it('cites Art. 10 for public employees and contract workers', () => {
    const r = calc({ kind: 'resignation', birthDate: '1985-06-20', category: 'public-employee' });
    expect(r.clauses[0].citation.vi).toContain('Điều 10 khoản 1');
  });

  it('refuses resignation with less than 2 years to retirement age', () => {
    expect(refusal({ kind: 'resignation', monthsEarly: 23 }).vi).toContain('dưới 2 năm');
  });
});

describe('rule sets by the date of the settling decision', () => {
  it('Decree 178 alone before 15/03/2025, as amended by Decree 67 from then, nothing before 2025', () => {
    expect(calc({ settledOn: '2025-03-14' }).ruleSet.id).toBe('nd178-2024');
    expect(calc({ settledOn: '2025-03-15' }).ruleSet.id).toBe('nd178-2024-nd67-2025');
    expect(calc({}).ruleSet.id).toBe('nd178-2024-nd67-2025');
    expect(refusal({ settledOn: '2024-12-31' }).vi).toContain('Không có bộ quy tắc cho ngày 2024-12-31');
  });

  it('under Decree 178 alone there is no 15-year case, and the top-up to Decree 67 is stated', () => {
    const r = calc({ settledOn: '2025-02-01', leaveDate: '2025-08-01', insurance: { years: 17, months: 3 } });
    expect(r.clauses[2].months).toBe('5');
    expect(r.notes.map((n) => n.en).join(' ')).toContain('the difference of 2,500,000 VND is topped up');
  });

  it('the salary-retention difference counts only as amended by Decree 67', () => {
    const parts = {
      salary: undefined,
      salaryParts: [
        { kind: 'rank-salary' as const, amount: S },
        { kind: 'salary-retention' as const, amount: 500_000 },
      ],
    };
    expect(calc({ ...parts }).salary.amount).toBe(10_500_000);
    expect(calc({ ...parts, settledOn: '2025-02-01' }).salary.amount).toBe(S);
  });
});

describe('exact arithmetic', () => {
  it('rounds each clause half up to the đồng, once', () => {
    expect([pay(2, 25), pay(1, 49), pay(3, 50), pay(10_705_500, 2250)]).toEqual([1, 0, 2, 240_873_750]);
    const r = calc({ salary: 10_000_001, insurance: { years: 20, months: 6 } });
    expect(r.clauses[2].amount).toBe(52_500_005); // 5.25 × 10,000,001 = 52,500,005.25
    expect(r.total).toBe(r.clauses.reduce((a, c) => a + c.amount, 0));
  });

  it('stays exact at the largest salary', () => {
    const r = calc({
      kind: 'resignation',
      birthDate: '1985-06-20',
      salary: 1_000_000_000,
      insurance: { years: 50, months: 0 },
    });
    expect(r.total).toBe(48_000_000_000 + 75_000_000_000 + 3_000_000_000);
  });

  it('counts months and half years as the decree says', () => {
    expect([0, 1, 6, 7, 12, 13].map(halfYears)).toEqual([0, 1, 1, 2, 2, 3]);
    expect(fullMonths('2025-05-01', '2027-11-01')).toBe(30);
    expect(fullMonths('2025-05-15', '2027-11-01')).toBe(29);
  });

  it('fullMonths is the largest m with from + m months ≤ to, on every pair of days of two years', () => {
    const days: string[] = [];
    for (let d = Date.UTC(2027, 0, 1); d < Date.UTC(2029, 0, 1); d += 86_400_000 * 3)
      days.push(new Date(d).toISOString().slice(0, 10));
    days.push('2028-02-29', '2028-01-31', '2027-01-31');
    for (const from of days)
      for (const to of days) {
        if (to < from) continue;
        const m = fullMonths(from, to);
        expect(addMonths(from, m) <= to && addMonths(from, m + 1) > to, `${from} → ${to}: ${m}`).toBe(true);
      }
  });
});

describe('bad input is refused in Vietnamese and English', () => {
  it('names each field and what is wrong', () => {
    const d = refusal({ sex: 'x', insurance: { years: 15, months: 12 }, leaveDate: '2025-02-30' });
    expect(d.vi).toContain('«sex» giới tính phải là m (nam) hoặc f (nữ)');
    expect(d.en).toContain('"sex" sex must be m or f');
    expect(d.vi).toContain('«insurance.months» tối đa 11');
    expect(d.vi).toContain('ngày 2025-02-30 không có thật');
  });

  it('wants one salary, a leave date after the decision, and a known kind', () => {
    expect(refusal({ salary: undefined }).vi).toContain('cho tiền lương tháng hoặc các khoản lương');
    expect(refusal({ leaveDate: '2025-02-01' }).en).toContain('is before the reorganisation decision');
    expect(refusal({ kind: 'bonus' as never }).en).toContain('kind must be early-retirement or resignation');
    expect(refusal({ salary: 0 }).en).toContain('"salary" at least 1');
  });
});
