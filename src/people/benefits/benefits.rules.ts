// Versioned rule sets for the one-time benefits of people leaving because of the reorganisation:
// Decree 178/2024/NĐ-CP (31/12/2024, in force 01/01/2025) and the same decree as amended by Decree
// 67/2025/NĐ-CP (15/03/2025). Every figure a decree sets lives here, with the article that sets it; the
// calculator (benefits.calculate.ts) holds only arithmetic. A rule set is chosen by the date of the decision
// that settles the person's benefit (`settledOn`, by default the leave date): see ruleSetFor.
//
// Multipliers are whole hundredths of a month ("×100"), so that every clause is integer arithmetic
// (0.45 × 60 months = 2,700 hundredths). Sources checked with the search tool (corpus pages, 12/2026):
//  - lawnet.vn "decree-178-what-are-policies-and-benefits-for-officials-retiring-before-the-prescribed-age"
//    and news.laodong.vn 1444967: Art. 7(1) one-time pension for the months retired early — within the first
//    12 months after the reorganisation decision 1.0 month's salary × months early (≤ 5 years early), 0.9 ×
//    60 months (5–10 years early); from the 13th month 0.5 × those amounts.
//  - news.laodong.vn 1451485, 1505080: Art. 7(2)(a) 2–5 years early: 5 months per year early; Art. 7(2)(b)
//    5–10 years early: 4 months per year early; both: 5 months for the first 20 years of compulsory social
//    insurance, 0.5 month per year from the 21st.
//  - news.laodong.vn 1479449, 1505080: Decree 67 (Art. 1 cl. 6, amending Art. 7(2)) adds: with 15 years or
//    more of compulsory insurance and entitled to a pension at leaving, 4 months for the first 15 years and
//    0.5 month per year from the 16th.
//  - news.laodong.vn 1519852 (MOHA letter 1814/BNV-TCBC, 2025, section II.6; Circular 01/2025/TT-BNV Art. 4
//    as amended by Circular 002/2025/TT-BNV): for people leaving from 01/07/2025 (Law on Social Insurance
//    2024 in force, pension from 15 years) the 15-year formula is the one used. Before that date only
//    female commune-level cadres and civil servants drew a pension with 15 to < 20 years (laodong 1491115,
//    "except for female cadres and civil servants"; Decree 29/2023 Art. 8(2) for the same group).
//  - news.laodong.vn 1444357, 1477421 (Circular 01/2025/TT-BNV Art. 5): resignation (Art. 9 for cadres and
//    civil servants, Art. 10 for public employees and contract workers): 0.8 month's salary × the months
//    counted for severance within the first 12 months, 0.4 from the 13th; 1.5 months per year of compulsory
//    insurance; 3 months to look for a job; the insurance period kept or paid once under the SI law.
//  - news.laodong.vn 1446703, 1444694: Art. 5(1) months early counted from the leave date in the decision to
//    the retirement age of Decree 135/2020, at most 60; Art. 5(2) the months counted for severance are the
//    months of work WITH COMPULSORY SOCIAL INSURANCE in Party/State/organisation bodies, at most 60 (all of
//    them when under 5 years) — not the months to retirement; Art. 5(3) years of insurance not yet paid out,
//    odd months: 1–6 months = half a year, over 6 = a full year. Art. 5(3) names where the per-insured-year
//    allowances sit: "Point a, b and c, Clause 2, Article 7, Clause 2, Article 9 and Clause 2, Article 10" — so
//    the 1.5 months per year of resignation is cited as Art. 9(2)/10(2), and the severance and job-search
//    allowances as Art. 9(1)/10(1) (the press lists the four benefits of resignation as one list; point letters
//    are not cited, as no stored copy quoted them).
//  - news.laodong.vn 1477525 (Art. 5(6), salary): the salary of the month before leaving: the rank/grade,
//    position or professional-title salary (or the contract's), plus the leadership, seniority-beyond-grade,
//    professional-seniority, professional-preference, professional-responsibility, public-service,
//    Party/mass-organisation-work and armed-forces allowances; Decree 67 adds the salary-retention
//    difference (if any). Anything else (regional, hazard, attraction, Party-committee member,
//    chief-accountant allowances…) does not count.
//  - news.laodong.vn 1478231 ("Decree 67/2025/ND-CP dated March 15, 2025") and 1478608 (benefits settled
//    under Decree 178 below Decree 67's levels are topped up to them). The effective date 15/03/2025 is taken
//    as the signing date: the stored copies did not quote the decree's article on its entry into force.

export type SalaryKind =
  | 'rank-salary'
  | 'leadership'
  | 'seniority-beyond-grade'
  | 'professional-seniority'
  | 'professional-preference'
  | 'professional-responsibility'
  | 'public-service'
  | 'party-union-work'
  | 'armed-forces'
  | 'salary-retention'
  | 'regional'
  | 'hazard'
  | 'attraction'
  | 'party-committee'
  | 'chief-accountant'
  | 'other';

export const SALARY_KINDS = [
  'rank-salary',
  'leadership',
  'seniority-beyond-grade',
  'professional-seniority',
  'professional-preference',
  'professional-responsibility',
  'public-service',
  'party-union-work',
  'armed-forces',
  'salary-retention',
  'regional',
  'hazard',
  'attraction',
  'party-committee',
  'chief-accountant',
  'other',
] as const satisfies readonly SalaryKind[];

/** What each part of the salary is called, for the calculation sheet. */
export const SALARY_WORDS: Record<SalaryKind, { vi: string; en: string }> = {
  'rank-salary': {
    vi: 'Lương theo ngạch, bậc, chức vụ, chức danh (hoặc theo hợp đồng)',
    en: 'Rank/grade or contract salary',
  },
  leadership: { vi: 'Phụ cấp chức vụ lãnh đạo', en: 'Leadership position allowance' },
  'seniority-beyond-grade': { vi: 'Phụ cấp thâm niên vượt khung', en: 'Seniority-beyond-grade allowance' },
  'professional-seniority': { vi: 'Phụ cấp thâm niên nghề', en: 'Professional seniority allowance' },
  'professional-preference': { vi: 'Phụ cấp ưu đãi theo nghề', en: 'Professional preference allowance' },
  'professional-responsibility': { vi: 'Phụ cấp trách nhiệm theo nghề', en: 'Professional responsibility allowance' },
  'public-service': { vi: 'Phụ cấp công vụ', en: 'Public-service allowance' },
  'party-union-work': {
    vi: 'Phụ cấp công tác đảng, đoàn thể chính trị - xã hội',
    en: 'Party and mass-organisation work allowance',
  },
  'armed-forces': { vi: 'Phụ cấp đặc thù lực lượng vũ trang', en: 'Armed-forces special allowance' },
  'salary-retention': { vi: 'Hệ số chênh lệch bảo lưu lương', en: 'Salary-retention difference' },
  regional: { vi: 'Phụ cấp khu vực', en: 'Regional allowance' },
  hazard: { vi: 'Phụ cấp độc hại, nguy hiểm', en: 'Hazard allowance' },
  attraction: { vi: 'Phụ cấp thu hút', en: 'Attraction allowance' },
  'party-committee': { vi: 'Phụ cấp cấp ủy viên', en: 'Party-committee member allowance' },
  'chief-accountant': { vi: 'Phụ cấp kế toán trưởng', en: 'Chief-accountant allowance' },
  other: { vi: 'Khoản khác', en: 'Other' },
};

/** A rule set's citation of one clause, printed beside its amount. */
export interface Citation {
  vi: string;
  en: string;
}

export interface BenefitRuleSet {
  id: string;
  title: { vi: string; en: string };
  legalBasis: string[];
  validFrom: string;
  /** Exclusive; null = open. */
  validTo: string | null;
  /** Art. 5(6): the salary parts that make up "tiền lương hiện hưởng". */
  countedSalary: readonly SalaryKind[];
  early: {
    /** Art. 5(1): months early counted at most this many. */
    maxMonthsCounted: number;
    /** Up to this many months early: band "≤ 5 years"; above: band "5–10 years" (Art. 7(1)(a), 7(2)(a)/(b)). */
    bandLimitMonths: number;
    /** More than this many months early is not early retirement (more than 10 years). */
    maxMonthsEarly: number;
    /** Art. 7(2) applies from 2 years early. */
    minMonthsForYearsClause: number;
    firstBandFactorX100: number; // 1.0 month's salary per month early
    secondBandMonthsX100: number; // 0.9 × 60 months
    after12PercentOfAmount: number; // Art. 7(1)(b): 0.5 × the amount of point a
    perYearEarlyFirstBandX100: number; // 5 months per year early
    perYearEarlySecondBandX100: number; // 4 months per year early
    si20: { firstYears: number; firstX100: number; perYearAfterX100: number };
    /** Decree 67's 15-year case; null before it. */
    si15: { firstYears: number; firstX100: number; perYearAfterX100: number } | null;
  };
  resignation: {
    /** Art. 9(1)/10(1): at least 2 years to retirement age. */
    minMonthsToRetirement: number;
    /** Art. 5(2): months of compulsory insurance counted, at most this many. */
    maxSeveranceMonths: number;
    first12FactorX100: number; // 0.8
    after12FactorX100: number; // 0.4
    perSiYearX100: number; // 1.5 months per year
    jobSearchX100: number; // 3 months
  };
  cite: Record<ClauseCode, Citation>;
}

export type ClauseCode =
  'early-months' | 'early-years' | 'early-insurance' | 'resign-severance' | 'resign-insurance' | 'resign-job-search';

const BASE_178 = {
  countedSalary: [
    'rank-salary',
    'leadership',
    'seniority-beyond-grade',
    'professional-seniority',
    'professional-preference',
    'professional-responsibility',
    'public-service',
    'party-union-work',
    'armed-forces',
  ] as SalaryKind[],
  early: {
    maxMonthsCounted: 60,
    bandLimitMonths: 60,
    maxMonthsEarly: 120,
    minMonthsForYearsClause: 24,
    firstBandFactorX100: 100,
    secondBandMonthsX100: 90 * 60,
    after12PercentOfAmount: 50,
    perYearEarlyFirstBandX100: 500,
    perYearEarlySecondBandX100: 400,
    si20: { firstYears: 20, firstX100: 500, perYearAfterX100: 50 },
    si15: null,
  },
  resignation: {
    minMonthsToRetirement: 24,
    maxSeveranceMonths: 60,
    first12FactorX100: 80,
    after12FactorX100: 40,
    perSiYearX100: 150,
    jobSearchX100: 300,
  },
};

const CITE_178: Record<ClauseCode, Citation> = {
  'early-months': { vi: 'Điều 7 khoản 1 NĐ 178/2024/NĐ-CP', en: 'Decree 178/2024 Art. 7(1)' },
  'early-years': { vi: 'Điều 7 khoản 2 NĐ 178/2024/NĐ-CP', en: 'Decree 178/2024 Art. 7(2)' },
  'early-insurance': { vi: 'Điều 7 khoản 2 NĐ 178/2024/NĐ-CP', en: 'Decree 178/2024 Art. 7(2)' },
  'resign-severance': { vi: 'Điều 9/10 khoản 1 NĐ 178/2024/NĐ-CP', en: 'Decree 178/2024 Art. 9/10(1)' },
  'resign-insurance': { vi: 'Điều 9/10 khoản 2 NĐ 178/2024/NĐ-CP', en: 'Decree 178/2024 Art. 9/10(2)' },
  'resign-job-search': { vi: 'Điều 9/10 khoản 1 NĐ 178/2024/NĐ-CP', en: 'Decree 178/2024 Art. 9/10(1)' },
};

const AMENDED = ' (sửa đổi, bổ sung bởi NĐ 67/2025/NĐ-CP)';
const AMENDED_EN = ' as amended by Decree 67/2025';

export const RULE_SETS: readonly BenefitRuleSet[] = [
  {
    id: 'nd178-2024',
    title: {
      vi: 'Nghị định 178/2024/NĐ-CP (bản gốc)',
      en: 'Decree 178/2024/NĐ-CP (original text)',
    },
    legalBasis: ['Nghị định 178/2024/NĐ-CP Điều 5, 7, 9, 10', 'Nghị định 135/2020/NĐ-CP Điều 3, 4, Phụ lục I'],
    validFrom: '2025-01-01',
    validTo: '2025-03-15',
    ...BASE_178,
    cite: CITE_178,
  },
  {
    id: 'nd178-2024-nd67-2025',
    title: {
      vi: 'Nghị định 178/2024/NĐ-CP, sửa đổi, bổ sung bởi Nghị định 67/2025/NĐ-CP',
      en: 'Decree 178/2024/NĐ-CP as amended by Decree 67/2025/NĐ-CP',
    },
    legalBasis: [
      'Nghị định 178/2024/NĐ-CP Điều 5, 7, 9, 10',
      'Nghị định 67/2025/NĐ-CP Điều 1 khoản 6 (Điều 7 khoản 2)',
      'Công văn 1814/BNV-TCBC (2025) mục II.6; Thông tư 01/2025/TT-BNV, 002/2025/TT-BNV',
      'Nghị định 135/2020/NĐ-CP Điều 3, 4, Phụ lục I',
    ],
    validFrom: '2025-03-15',
    validTo: null,
    ...BASE_178,
    countedSalary: [...BASE_178.countedSalary, 'salary-retention'],
    early: { ...BASE_178.early, si15: { firstYears: 15, firstX100: 400, perYearAfterX100: 50 } },
    cite: Object.fromEntries(
      Object.entries(CITE_178).map(([k, c]) => [k, { vi: c.vi + AMENDED, en: c.en + AMENDED_EN }]),
    ) as Record<ClauseCode, Citation>,
  },
];

/** The rule set in force on `date` (the settling decision's date), or undefined before 01/01/2025. */
export function ruleSetFor(date: string): BenefitRuleSet | undefined {
  return RULE_SETS.find((r) => r.validFrom <= date && (r.validTo === null || date < r.validTo));
}

export const ruleSetById = (id: string) => RULE_SETS.find((r) => r.id === id);

/** Law on Social Insurance 2024 in force: pension from 15 years of contributions (MOHA 1814 II.6). */
export const SI_LAW_2024_FROM = '2025-07-01';
