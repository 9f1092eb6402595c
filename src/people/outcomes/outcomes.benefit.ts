// From a person's stored record and a leaving outcome to the calculator's input (people/benefits/), pure.
// Salary basis (Decree 178/2024 Art. 5(6)): rank coefficient × base salary and leadership-position coefficient
// × base salary count; the record's "other allowances" are listed as not counted, because the register does not
// say which allowance they are and Art. 5(6) excludes regional, hazard, attraction, Party-committee and
// chief-accountant allowances. The base salary is the one in force on the leave date (data/people/).
import { AppError, type Message } from '../../platform/errors.ts';
import { baseSalaryOn, coefficientAmount, BASE_SALARIES } from '../benefits/base-salary.ts';
import { calculateBenefit } from '../benefits/benefits.calculate.ts';
import { parseBenefitInput } from '../benefits/benefits.schemas.ts';
import type { BenefitResult } from '../benefits/benefits.schemas.ts';

export interface StoredFacts {
  category: string;
  birth_date: string | null;
  sex: string | null;
  salary_coef: number | string | null;
  position_allowance_coef: number | string | null;
  other_allowances_vnd: number | string | null;
  si_months: number | null;
  unit_level: number;
}

export interface Leaving {
  kind: 'early_retirement' | 'resignation';
  leaveDate: string;
  reorganisationDate: string;
  decisionDate: string;
}

const CATEGORY: Record<string, 'cadre' | 'civil-servant' | 'public-employee' | 'contract-worker' | undefined> = {
  cadre: 'cadre',
  civil_servant: 'civil-servant',
  public_employee: 'public-employee',
  contract_worker: 'contract-worker',
  // Full-time Party-committee members are cadres (Law on Cadres and Civil Servants, Art. 4).
  party_committee: 'cadre',
};

const dmy = (iso: string) => iso.split('-').reverse().join('/');

function incomplete(missing: Message[]) {
  return new AppError(
    422,
    'benefit-record-incomplete',
    { vi: 'Hồ sơ chưa đủ để tính chế độ', en: 'The record is not complete enough to compute the benefit' },
    {
      vi: `Chưa tính được chế độ theo NĐ 178/2024: ${missing.map((m) => m.vi).join('; ')}. Hãy bổ sung hồ sơ (nhập lại danh sách) rồi ghi lại kết quả.`,
      en: `The Decree 178/2024 benefit cannot be computed: ${missing.map((m) => m.en).join('; ')}. Complete the record (import the register again), then record the outcome again.`,
    },
    { missing },
  );
}

export interface PersonBenefit {
  baseSalary: { amount: number; validFrom: string; legalBasis: string };
  result: BenefitResult;
}

/** The benefit of a person leaving, or 422 naming what the record lacks. */
export function benefitOf(p: StoredFacts, o: Leaving): PersonBenefit {
  const missing: Message[] = [];
  const category = CATEGORY[p.category];
  if (!category)
    missing.push({
      vi: 'người hoạt động không chuyên trách cấp xã không thuộc công thức nghỉ hưu trước tuổi, thôi việc của Điều 7, 9, 10 (chọn kết quả "chấm dứt hoạt động không chuyên trách")',
      en: 'non-specialised commune workers are outside the early-retirement and resignation formulas of Art. 7, 9, 10 (choose "part-time service ended")',
    });
  if (!p.birth_date) missing.push({ vi: 'thiếu ngày sinh', en: 'no birth date' });
  if (p.sex !== 'm' && p.sex !== 'f') missing.push({ vi: 'thiếu giới tính', en: 'no sex' });
  if (p.salary_coef === null || !(Number(p.salary_coef) > 0))
    missing.push({ vi: 'thiếu hệ số lương', en: 'no salary coefficient' });
  if (p.si_months === null) missing.push({ vi: 'thiếu thời gian đóng BHXH bắt buộc', en: 'no social-insurance time' });
  const base = baseSalaryOn(o.leaveDate);
  if (!base)
    missing.push({
      vi: `không có mức lương cơ sở cho ngày nghỉ ${dmy(o.leaveDate)} (bảng bắt đầu từ ${dmy(BASE_SALARIES[0].validFrom)})`,
      en: `no base salary for the leave date ${o.leaveDate} (the table starts on ${BASE_SALARIES[0].validFrom})`,
    });
  if (missing.length > 0 || !base || !category) throw incomplete(missing);
  const rank = coefficientAmount(p.salary_coef!, base.amount);
  const leadership = coefficientAmount(p.position_allowance_coef ?? 0, base.amount);
  const other = Number(p.other_allowances_vnd ?? 0);
  const parts = [
    { kind: 'rank-salary' as const, amount: rank },
    ...(leadership > 0 ? [{ kind: 'leadership' as const, amount: leadership }] : []),
    ...(other > 0 ? [{ kind: 'other' as const, amount: other }] : []),
  ];
  const si = p.si_months!;
  const input = parseBenefitInput({
    kind: o.kind === 'early_retirement' ? 'early-retirement' : 'resignation',
    salaryParts: parts,
    birthDate: p.birth_date,
    sex: p.sex,
    leaveDate: o.leaveDate,
    decisionDate: o.reorganisationDate,
    settledOn: o.decisionDate,
    insurance: { years: Math.floor(si / 12), months: si % 12 },
    category,
    communeLevel: p.unit_level === 3,
  });
  const result = calculateBenefit(input);
  result.notes.unshift({
    vi: `Tiền lương tính theo mức lương cơ sở ${base.amount.toLocaleString('vi-VN')} đồng (${base.legalBasis}, từ ${dmy(base.validFrom)}): hệ số lương ${Number(p.salary_coef)} → ${rank.toLocaleString('vi-VN')} đồng${leadership > 0 ? `, hệ số phụ cấp chức vụ ${Number(p.position_allowance_coef)} → ${leadership.toLocaleString('vi-VN')} đồng` : ''}.${other > 0 ? ' Phụ cấp khác trong hồ sơ không rõ loại nên không tính (Điều 5 khoản 6).' : ''}`,
    en: `Salary at the base salary of ${base.amount} đ (${base.legalBasis}, from ${base.validFrom}): coefficient ${Number(p.salary_coef)} → ${rank} đ${leadership > 0 ? `, position allowance ${Number(p.position_allowance_coef)} → ${leadership} đ` : ''}.${other > 0 ? " The record's other allowances are of no stated kind and are not counted (Art. 5(6))." : ''}`,
  });
  return { baseSalary: base, result };
}
