// The benefit calculator's input and answer, in zod: one definition for the web app, the API and the CLI.
// Messages are "Vietnamese / English" (platform/http/validation.ts splits them).
import { z } from 'zod';
import { IsoDate, wholeNumber } from '../../platform/schemas.ts';
import { badRequest } from '../../platform/errors.ts';
import { fieldProblems, validationDetail } from '../../platform/http/validation.ts';
import { RULE_SETS, SALARY_KINDS } from './benefits.rules.ts';

/**
 * A month's salary in đồng. The highest State salary scale is far below 1 billion đồng a month; the bound
 * keeps salary × the largest multiplier (75 hundredths × 100 half-years = 7,500) below 2^53, so every clause
 * is exact in integer arithmetic (benefits.calculate.ts).
 */
export const SALARY_MAX_VND = 1_000_000_000;
const Salary = wholeNumber(1, SALARY_MAX_VND);

export const BenefitKind = z.enum(['early-retirement', 'resignation'], {
  error: 'loại chế độ phải là early-retirement hoặc resignation / kind must be early-retirement or resignation',
});
export type BenefitKind = z.infer<typeof BenefitKind>;

export const Category = z.enum(['cadre', 'civil-servant', 'public-employee', 'contract-worker'], {
  error:
    'đối tượng phải là cadre, civil-servant, public-employee hoặc contract-worker / category must be cadre, civil-servant, public-employee or contract-worker',
});

export const SalaryPart = z.strictObject({
  kind: z.enum(SALARY_KINDS, { error: `loại khoản lương không có / unknown salary part (${SALARY_KINDS.join(', ')})` }),
  amount: wholeNumber(0, SALARY_MAX_VND),
});

export const BenefitInput = z
  .strictObject({
    kind: BenefitKind,
    /** The salary of the month before leaving, already summed (đồng). Give this or `salaryParts`. */
    salary: Salary.optional(),
    /** The same salary by parts; the parts Art. 5(6) does not count are listed and left out. */
    salaryParts: z.array(SalaryPart).min(1).max(30).optional(),
    birthDate: IsoDate,
    sex: z.enum(['m', 'f'], { error: 'giới tính phải là m (nam) hoặc f (nữ) / sex must be m or f' }),
    leaveDate: IsoDate,
    /** Date of the reorganisation decision: the 12 months after it are paid in full. */
    decisionDate: IsoDate,
    /** Compulsory social insurance not yet paid out (years and months). */
    insurance: z.strictObject({ years: wholeNumber(0, 50), months: wholeNumber(0, 11) }),
    /** Overrides the months early (or, for resignation, the months to retirement) computed from Decree 135. */
    monthsEarly: wholeNumber(0, 600).optional(),
    /** Date of the decision settling the benefit: chooses the rule set (default: the leave date). */
    settledOn: IsoDate.optional(),
    ruleSet: z
      .enum(RULE_SETS.map((r) => r.id) as [string, ...string[]], {
        error: `bộ quy tắc không có / unknown rule set (${RULE_SETS.map((r) => r.id).join(', ')})`,
      })
      .optional(),
    category: Category.default('civil-servant'),
    /** Commune-level cadre or civil servant: before 01/07/2025 a woman among them drew a pension from 15 years. */
    communeLevel: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if ((v.salary === undefined) === (v.salaryParts === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['salary'],
        message:
          'cho tiền lương tháng hoặc các khoản lương (một trong hai) / give the monthly salary or its parts (one of the two)',
      });
    if (v.leaveDate < v.decisionDate)
      ctx.addIssue({
        code: 'custom',
        path: ['leaveDate'],
        message: `ngày nghỉ việc ${v.leaveDate} trước ngày quyết định sắp xếp ${v.decisionDate} / the leave date ${v.leaveDate} is before the reorganisation decision ${v.decisionDate}`,
      });
    if (v.birthDate >= v.leaveDate)
      ctx.addIssue({
        code: 'custom',
        path: ['birthDate'],
        message: 'ngày sinh phải trước ngày nghỉ việc / the birth date must be before the leave date',
      });
  });
export type BenefitInput = z.input<typeof BenefitInput>;
export type BenefitInputParsed = z.output<typeof BenefitInput>;

const Text = z.object({ vi: z.string(), en: z.string() });

export const BenefitClause = z.object({
  code: z.string(),
  citation: Text,
  label: Text,
  /** How the amount was computed, in words with its figures. */
  formula: Text,
  /** Months of salary paid by this clause, exact (e.g. "22.5"). */
  months: z.string(),
  amount: z.number().int(),
});
export type BenefitClause = z.infer<typeof BenefitClause>;

export const BenefitResult = z.object({
  kind: BenefitKind,
  ruleSet: z.object({
    id: z.string(),
    title: Text,
    legalBasis: z.array(z.string()),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  }),
  salary: z.object({
    amount: z.number().int(),
    counted: z.array(z.object({ kind: z.string(), label: Text, amount: z.number().int() })),
    notCounted: z.array(z.object({ kind: z.string(), label: Text, amount: z.number().int() })),
  }),
  retirement: z.object({
    years: z.number().int(),
    months: z.number().int(),
    reachedMonth: z.string(),
    pensionStart: z.string(),
  }),
  facts: z.object({
    monthsEarly: z.number().int(),
    monthsEarlySource: z.enum(['decree-135', 'given']),
    withinFirst12Months: z.boolean(),
    halfYearsEarly: z.number().int(),
    insuranceHalfYears: z.number().int(),
    insuranceMonths: z.number().int(),
  }),
  clauses: z.array(BenefitClause),
  total: z.number().int(),
  notes: z.array(Text),
});
export type BenefitResult = z.infer<typeof BenefitResult>;

/** The benefit stored with a leaving outcome, as everyone in scope sees it (amounts, no personal data). */
export const BenefitSummary = z.object({
  ruleSet: z.string(),
  total: z.number().int(),
  baseSalary: z.number().int(),
  leaveDate: z.string(),
  reorganisationDate: z.string(),
});

/** Parses the input, or refuses it naming every field and what is wrong with it, in both languages. */
export function parseBenefitInput(raw: unknown): BenefitInputParsed {
  const parsed = BenefitInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = fieldProblems(
    parsed.error.issues.map(({ code, path, message, ...params }) => ({
      keyword: code,
      instancePath: `/${path.join('/')}`,
      message,
      params,
    })),
    'body',
  );
  throw badRequest(validationDetail(problems), {
    errors: problems.map((f) => ({ field: f.field, label: f.label, message: f.message })),
  });
}
