// The benefit of one person leaving because of the reorganisation: early retirement (Decree 178/2024 Art. 7)
// or resignation (Art. 9 for cadres and civil servants, Art. 10 for public employees and contract workers),
// clause by clause, each with its article, its formula in figures and its amount in đồng. Pure and
// synchronous: the register recomputes hundreds of thousands of people with it (bench/people-benefits.ts).
// Every figure of the law comes from the rule set (benefits.rules.ts); the arithmetic and the counting rules
// are in benefits.arithmetic.ts; the retirement age in retirement-age.ts.
import { badRequest } from '../../platform/errors.ts';
import { dong, fullMonths, halfYears, monthsText, pay, withinFirst12Months, yearsText } from './benefits.arithmetic.ts';
import { RULE_SETS, SALARY_WORDS, SI_LAW_2024_FROM, ruleSetById, ruleSetFor } from './benefits.rules.ts';
import type { BenefitRuleSet, ClauseCode } from './benefits.rules.ts';
import type { BenefitClause, BenefitInputParsed, BenefitResult } from './benefits.schemas.ts';
import { retirementAge } from './retirement-age.ts';

type Text = { vi: string; en: string };

const LABELS: Record<ClauseCode, Text> = {
  'early-months': {
    vi: 'Trợ cấp hưu trí một lần cho số tháng nghỉ sớm',
    en: 'One-time pension allowance for the months retired early',
  },
  'early-years': { vi: 'Trợ cấp cho số năm nghỉ sớm', en: 'Allowance per year retired early' },
  'early-insurance': {
    vi: 'Trợ cấp theo thời gian công tác có đóng BHXH bắt buộc',
    en: 'Allowance for the years of compulsory social insurance',
  },
  'resign-severance': { vi: 'Trợ cấp thôi việc', en: 'Severance allowance' },
  'resign-insurance': {
    vi: 'Trợ cấp theo số năm công tác có đóng BHXH bắt buộc',
    en: 'Allowance per year of compulsory social insurance',
  },
  'resign-job-search': { vi: 'Trợ cấp để tìm việc làm', en: 'Job-search allowance' },
};

/** The rule set named, or the one in force on the settling decision's date (default: the leave date). */
export function chooseRuleSet(input: Pick<BenefitInputParsed, 'ruleSet' | 'settledOn' | 'leaveDate'>): BenefitRuleSet {
  if (input.ruleSet) {
    const named = ruleSetById(input.ruleSet);
    if (named) return named;
  }
  const on = input.settledOn ?? input.leaveDate;
  const found = ruleSetFor(on);
  if (!found)
    throw badRequest({
      vi: `Không có bộ quy tắc cho ngày ${on}: Nghị định 178/2024/NĐ-CP áp dụng từ ${RULE_SETS[0].validFrom}.`,
      en: `No rule set for ${on}: Decree 178/2024/NĐ-CP applies from ${RULE_SETS[0].validFrom}.`,
    });
  return found;
}

function salaryBasis(input: BenefitInputParsed, rs: BenefitRuleSet): BenefitResult['salary'] {
  if (input.salaryParts === undefined) {
    const label = { vi: 'Tiền lương tháng hiện hưởng (đã cộng)', en: 'Current monthly salary (summed)' };
    return {
      amount: input.salary ?? 0,
      counted: [{ kind: 'given', label, amount: input.salary ?? 0 }],
      notCounted: [],
    };
  }
  const counted: BenefitResult['salary']['counted'] = [];
  const notCounted: BenefitResult['salary']['notCounted'] = [];
  let amount = 0;
  for (const p of input.salaryParts) {
    const row = { kind: p.kind, label: SALARY_WORDS[p.kind], amount: p.amount };
    if (rs.countedSalary.includes(p.kind)) {
      counted.push(row);
      amount += p.amount;
    } else notCounted.push(row);
  }
  if (amount <= 0)
    throw badRequest({
      vi: 'Không có khoản lương nào được tính (Điều 5 khoản 6 NĐ 178/2024): tiền lương tính chế độ bằng 0.',
      en: 'No salary part counts (Decree 178/2024 Art. 5(6)): the salary basis is zero.',
    });
  return { amount, counted, notCounted };
}

/** Years of insurance needed for a pension at the leave date (MOHA 1814 II.6; SI Law 2014 for women at commune level). */
function pensionYears(input: BenefitInputParsed): number {
  if (input.leaveDate >= SI_LAW_2024_FROM) return 15;
  return input.sex === 'f' && input.communeLevel ? 15 : 20;
}

/** What every clause needs: the person, the rule set, the counted facts and the sheet being filled. */
interface Sheet {
  input: BenefitInputParsed;
  rs: BenefitRuleSet;
  salary: number;
  monthsEarly: number;
  halves: number;
  first12: boolean;
  siMonths: number;
  siHalves: number;
  /** Resignation: Art. 9 for cadres and civil servants, Art. 10 for public employees and contract workers. */
  article: '9' | '10';
  clauses: BenefitClause[];
  notes: Text[];
}

function add(sh: Sheet, code: ClauseCode, m100: number, formula: Text): void {
  const c = sh.rs.cite[code];
  const vi = code.startsWith('resign') ? c.vi.replace('9/10', sh.article) : c.vi;
  const en = code.startsWith('resign') ? c.en.replace('9/10', sh.article) : c.en;
  const months = monthsText(m100, 'en');
  sh.clauses.push({
    code,
    citation: { vi, en },
    label: LABELS[code],
    formula: {
      vi: `${formula.vi} = ${monthsText(m100, 'vi')} tháng × ${dong(sh.salary, 'vi')} đ`,
      en: `${formula.en} = ${months} months × ${dong(sh.salary, 'en')} VND`,
    },
    months,
    amount: pay(sh.salary, m100),
  });
}

export function calculateBenefit(input: BenefitInputParsed): BenefitResult {
  const rs = chooseRuleSet(input);
  const salary = salaryBasis(input, rs);
  const retirement = retirementAge(input.birthDate, input.sex);
  const monthsEarly = input.monthsEarly ?? fullMonths(input.leaveDate, retirement.pensionStart);
  if (monthsEarly <= 0)
    throw badRequest({
      vi: `Đã đến tuổi nghỉ hưu (${retirement.years} tuổi ${retirement.months} tháng, hưởng lương hưu từ ${retirement.pensionStart}): không thuộc diện nghỉ hưu trước tuổi hay thôi việc.`,
      en: `Retirement age already reached (${retirement.years}y ${retirement.months}m, pension from ${retirement.pensionStart}): neither early retirement nor resignation applies.`,
    });
  const siMonths = input.insurance.years * 12 + input.insurance.months;
  const sh: Sheet = {
    input,
    rs,
    salary: salary.amount,
    monthsEarly,
    halves: halfYears(monthsEarly),
    first12: withinFirst12Months(input.decisionDate, input.leaveDate),
    siMonths,
    siHalves: halfYears(siMonths),
    article: input.category === 'cadre' || input.category === 'civil-servant' ? '9' : '10',
    clauses: [],
    notes: [],
  };
  if (input.kind === 'early-retirement') earlyRetirement(sh);
  else resignation(sh);
  let total = 0;
  for (const c of sh.clauses) total += c.amount;
  if (rs.validTo !== null) topUpNote(sh, total);
  return {
    kind: input.kind,
    ruleSet: { id: rs.id, title: rs.title, legalBasis: rs.legalBasis, validFrom: rs.validFrom, validTo: rs.validTo },
    salary,
    retirement,
    facts: {
      monthsEarly,
      monthsEarlySource: input.monthsEarly === undefined ? 'decree-135' : 'given',
      withinFirst12Months: sh.first12,
      halfYearsEarly: sh.halves,
      insuranceHalfYears: sh.siHalves,
      insuranceMonths: siMonths,
    },
    clauses: sh.clauses,
    total,
    notes: sh.notes,
  };
}

function earlyRetirement(sh: Sheet): void {
  const { input, rs, monthsEarly, halves, first12, siMonths } = sh;
  const e = rs.early;
  if (monthsEarly > e.maxMonthsEarly)
    throw badRequest({
      vi: `Còn ${monthsEarly} tháng (hơn 10 năm) đến tuổi nghỉ hưu: không thuộc diện nghỉ hưu trước tuổi (Điều 7 NĐ 178/2024); xem chính sách thôi việc (Điều 9, 10).`,
      en: `${monthsEarly} months (more than 10 years) to retirement age: not eligible for early retirement (Decree 178/2024 Art. 7); see resignation (Art. 9, 10).`,
    });
  const need = pensionYears(input);
  if (siMonths < need * 12)
    throw badRequest({
      vi: `Chưa đủ ${need} năm đóng BHXH bắt buộc để hưởng lương hưu tại ngày nghỉ ${input.leaveDate} (có ${input.insurance.years} năm ${input.insurance.months} tháng): không thuộc diện nghỉ hưu trước tuổi; xem chính sách thôi việc.`,
      en: `Fewer than ${need} years of compulsory social insurance needed for a pension on ${input.leaveDate} (has ${input.insurance.years}y ${input.insurance.months}m): not eligible for early retirement; see resignation.`,
    });
  // Art. 7(1): ≤ 5 years early: 1.0 × months early (Art. 5(1): at most 60); 5–10 years: 0.9 × 60 months.
  const firstBand = monthsEarly <= e.bandLimitMonths;
  const counted = Math.min(monthsEarly, e.maxMonthsCounted);
  const full = firstBand ? e.firstBandFactorX100 * counted : e.secondBandMonthsX100;
  const m1 = first12 ? full : (full * e.after12PercentOfAmount) / 100;
  const base = firstBand
    ? { vi: `1,0 × ${counted} tháng nghỉ sớm`, en: `1.0 × ${counted} months early` }
    : { vi: '0,9 × 60 tháng (nghỉ sớm trên 5 năm)', en: '0.9 × 60 months (more than 5 years early)' };
  add(
    sh,
    'early-months',
    m1,
    first12
      ? { vi: `${base.vi}, nghỉ trong 12 tháng đầu`, en: `${base.en}, leaving within the first 12 months` }
      : {
          vi: `0,5 × (${base.vi}), nghỉ từ tháng thứ 13 sau quyết định sắp xếp`,
          en: `0.5 × (${base.en}), leaving from the 13th month after the reorganisation decision`,
        },
  );
  if (monthsEarly < e.minMonthsForYearsClause) {
    sh.notes.push({
      vi: 'Nghỉ sớm dưới 2 năm: không có trợ cấp theo số năm nghỉ sớm và theo thời gian đóng BHXH (Điều 7 khoản 2 áp dụng từ đủ 2 năm).',
      en: 'Less than 2 years early: no allowance per year early or for insurance years (Art. 7(2) applies from 2 full years).',
    });
    return;
  }
  // Art. 7(2)(a)/(b): 5 (or 4) months per year early, odd months as half or full years.
  const perYear = firstBand ? e.perYearEarlyFirstBandX100 : e.perYearEarlySecondBandX100;
  add(sh, 'early-years', (perYear * halves) / 2, {
    vi: `${perYear / 100} tháng × ${yearsText(halves, 'vi')} năm nghỉ sớm (${Math.floor(monthsEarly / 12)} năm ${monthsEarly % 12} tháng; lẻ 1–6 tháng tính ½ năm, trên 6 tháng tính 1 năm)`,
    en: `${perYear / 100} months × ${yearsText(halves, 'en')} years early (${Math.floor(monthsEarly / 12)}y ${monthsEarly % 12}m; 1–6 odd months = ½ year, over 6 = 1 year)`,
  });
  insuranceClause(sh);
}

function insuranceClause(sh: Sheet): void {
  const { input, rs, siHalves } = sh;
  const e = rs.early;
  const f15 = e.si15;
  const use15 =
    f15 !== null &&
    siHalves >= f15.firstYears * 2 &&
    (input.leaveDate >= SI_LAW_2024_FROM ||
      (input.sex === 'f' && input.communeLevel && siHalves < e.si20.firstYears * 2));
  const f = use15 && f15 ? f15 : e.si20;
  const extra = Math.max(0, siHalves - f.firstYears * 2);
  const m100 = f.firstX100 + (f.perYearAfterX100 * extra) / 2;
  add(sh, 'early-insurance', m100, {
    vi: `${f.firstX100 / 100} tháng cho ${f.firstYears} năm đầu + 0,5 tháng × ${yearsText(extra, 'vi')} năm tiếp theo (đóng BHXH ${yearsText(siHalves, 'vi')} năm)`,
    en: `${f.firstX100 / 100} months for the first ${f.firstYears} years + 0.5 month × ${yearsText(extra, 'en')} further years (insured ${yearsText(siHalves, 'en')} years)`,
  });
  if (use15)
    sh.notes.push({
      vi:
        input.leaveDate >= SI_LAW_2024_FROM
          ? 'Nghỉ từ 01/7/2025 (Luật BHXH 2024): tính 4 tháng cho 15 năm đầu (NĐ 67/2025; Công văn 1814/BNV-TCBC mục II.6).'
          : 'Nữ cán bộ, công chức cấp xã có 15 đến dưới 20 năm đóng BHXH: tính 4 tháng cho 15 năm đầu (NĐ 67/2025).',
      en:
        input.leaveDate >= SI_LAW_2024_FROM
          ? 'Leaving from 01/07/2025 (SI Law 2024): 4 months for the first 15 years (Decree 67/2025; MOHA letter 1814 II.6).'
          : 'Female commune-level cadre or civil servant with 15 to < 20 insured years: 4 months for the first 15 years (Decree 67/2025).',
    });
  else if (siHalves < e.si20.firstYears * 2)
    sh.notes.push({
      vi: `Đóng BHXH dưới 20 năm: bộ quy tắc ${rs.id} chỉ có mức 5 tháng cho 20 năm đầu.`,
      en: `Fewer than 20 insured years: rule set ${rs.id} only has 5 months for the first 20 years.`,
    });
}

function resignation(sh: Sheet): void {
  const { input, rs, monthsEarly, first12, siMonths, siHalves } = sh;
  const r = rs.resignation;
  if (monthsEarly < r.minMonthsToRetirement)
    throw badRequest({
      vi: `Còn ${monthsEarly} tháng (dưới 2 năm) đến tuổi nghỉ hưu: không thuộc diện thôi việc theo Điều 9, 10 NĐ 178/2024.`,
      en: `${monthsEarly} months (under 2 years) to retirement age: not eligible for resignation under Decree 178/2024 Art. 9, 10.`,
    });
  // Art. 5(2): months counted = months of compulsory insurance, at most 60 (the issue said "months to
  // retirement"; the decree's text says insurance months — it is followed here).
  const sev = Math.min(siMonths, r.maxSeveranceMonths);
  const factor = first12 ? r.first12FactorX100 : r.after12FactorX100;
  add(sh, 'resign-severance', factor * sev, {
    vi: `${monthsText(factor, 'vi')} × ${sev} tháng (thời gian đóng BHXH bắt buộc, tối đa 60), ${first12 ? 'nghỉ trong 12 tháng đầu' : 'nghỉ từ tháng thứ 13 sau quyết định sắp xếp'}`,
    en: `${monthsText(factor, 'en')} × ${sev} months (compulsory insurance, at most 60), ${first12 ? 'leaving within the first 12 months' : 'leaving from the 13th month after the reorganisation decision'}`,
  });
  add(sh, 'resign-insurance', (r.perSiYearX100 * siHalves) / 2, {
    vi: `1,5 tháng × ${yearsText(siHalves, 'vi')} năm đóng BHXH (${input.insurance.years} năm ${input.insurance.months} tháng)`,
    en: `1.5 months × ${yearsText(siHalves, 'en')} insured years (${input.insurance.years}y ${input.insurance.months}m)`,
  });
  add(sh, 'resign-job-search', r.jobSearchX100, { vi: '3 tháng để tìm việc làm', en: '3 months to look for a job' });
  sh.notes.push({
    vi: `Được bảo lưu thời gian đóng BHXH hoặc hưởng BHXH một lần theo pháp luật về BHXH (Điều ${sh.article}); không tính tiền ở đây.`,
    en: `The insurance period is kept or paid once under the social insurance law (Art. ${sh.article}); not computed here.`,
  });
}

function topUpNote(sh: Sheet, total: number): void {
  const { input, rs } = sh;
  const later = RULE_SETS.find((x) => x.validFrom === rs.validTo);
  if (!later) return;
  let other: number;
  try {
    other = calculateBenefit({ ...input, ruleSet: later.id }).total;
  } catch {
    return;
  }
  if (other > total)
    sh.notes.push({
      vi: `Theo ${later.title.vi}: ${dong(other, 'vi')} đ; phần chênh lệch ${dong(other - total, 'vi')} đ được bổ sung cho người đã giải quyết theo NĐ 178.`,
      en: `Under ${later.title.en}: ${dong(other, 'en')} VND; the difference of ${dong(other - total, 'en')} VND is topped up for people settled under Decree 178.`,
    });
}
