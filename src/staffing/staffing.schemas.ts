// Request shapes of the staffing API, shared by routes and the CLI.
import { z } from 'zod';
import { Headcount, IsoDate, decimal } from '../platform/schemas.ts';

export const PeriodCode = z.string().regex(/^\d{4}-\d{4}$/, 'thời kỳ dạng NNNN-NNNN / a period written YYYY-YYYY');
export const CategoryCode = z.enum([
  'cadre_civil_servant',
  'public_employee',
  'commune_cadre',
  'association',
  'trade_union',
  'labour_contract',
]);
// Quotas, reserves, headcounts and targets of one node: platform/schemas.ts says why 5 million bounds them.
const Count = Headcount;

export const PeriodBody = z
  .object({
    code: PeriodCode,
    name: z.string().trim().min(1).max(300),
    startDate: IsoDate,
    endDate: IsoDate,
    legalBasis: z.string().trim().max(500).optional(),
    toleranceShare: decimal(0, 1, 4, { positive: true }).optional(),
    /** Shown above every staffing screen of the period: where its figures come from, what they are not. */
    dataNote: z.string().trim().max(1000).optional(),
  })
  .strict();
export type PeriodInput = z.infer<typeof PeriodBody>;

const TargetFields = {
  unitId: z.number().int().positive().optional(),
  agencyId: z.number().int().positive().optional(),
};

export const AllocateBody = z
  .object({
    period: PeriodCode,
    category: CategoryCode,
    quota: Count,
    reserve: Count.optional(),
    decisionRef: z.string().trim().min(1).max(300).optional(),
    ...TargetFields,
  })
  .strict()
  .refine(
    (b) => (b.unitId === undefined) !== (b.agencyId === undefined),
    'unitId hoặc agencyId, đúng một / exactly one of unitId, agencyId',
  );
export type AllocateInput = z.infer<typeof AllocateBody>;

export const PresentBody = z
  .object({
    period: PeriodCode,
    category: CategoryCode,
    asOf: IsoDate,
    present: Count,
    source: z.string().trim().max(300).optional(),
    ...TargetFields,
  })
  .strict()
  .refine(
    (b) => (b.unitId === undefined) !== (b.agencyId === undefined),
    'unitId hoặc agencyId, đúng một / exactly one of unitId, agencyId',
  );
export type PresentInput = z.infer<typeof PresentBody>;

export const MergeBody = z
  .object({
    period: PeriodCode,
    successorUnitId: z.number().int().positive(),
    category: CategoryCode,
    quota: Count.optional(),
    decisionRef: z.string().trim().min(1).max(300).optional(),
    effectiveDate: IsoDate.optional(),
  })
  .strict();
export type MergeInput = z.infer<typeof MergeBody>;

export const AvailableQuery = z.object({
  period: PeriodCode,
  unitId: z.coerce.number().int().positive().optional(),
  agencyId: z.coerce.number().int().positive().optional(),
});
export const RollupQuery = z.object({ period: PeriodCode, unitId: z.coerce.number().int().positive().optional() });

// Streamlining targets and the national reports (targets/targets.*.ts, reports/reports.service.ts, reports/reports.trend.ts).
const OneTarget = (b: { unitId?: number; agencyId?: number }) =>
  (b.unitId === undefined) !== (b.agencyId === undefined);
export const TargetBody = z
  .object({
    period: PeriodCode,
    category: CategoryCode,
    ...TargetFields,
    share: decimal(0, 100, 3).optional(),
    targetHeadcount: Count.optional(),
    baselineDate: IsoDate.optional(),
    targetDate: IsoDate.optional(),
    basis: z.string().trim().min(1).max(500),
  })
  .strict()
  .refine(OneTarget, 'unitId hoặc agencyId, đúng một / exactly one of unitId, agencyId')
  .refine(
    (b) => (b.share === undefined) !== (b.targetHeadcount === undefined),
    'tỷ lệ (share) hoặc số mục tiêu (targetHeadcount), đúng một / exactly one of share, targetHeadcount',
  );
export type TargetInput = z.infer<typeof TargetBody>;

export const RuleSetTargetsBody = z
  .object({
    period: PeriodCode,
    ruleSet: z.string().min(1).max(100).optional(),
    baselineDate: IsoDate.optional(),
    targetDate: IsoDate.optional(),
    basis: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type RuleSetTargetsInput = z.infer<typeof RuleSetTargetsBody>;

export const TargetsQuery = z.object({
  period: PeriodCode,
  category: CategoryCode.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  agencyId: z.coerce.number().int().positive().optional(),
  asOf: IsoDate.optional(),
});
export const BlocksQuery = z.object({ period: PeriodCode });
export const TrendQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  agencyId: z.coerce.number().int().positive().optional(),
  category: CategoryCode.optional(),
});

// ---- Responses ----
// Periods and categories are the stored rows (snake_case: a debt against "camelCase everywhere", kept as the web
// and the CLI read them today).
export const PeriodOut = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  start_date: z.string(),
  end_date: z.string(),
  legal_basis: z.string().nullable(),
  tolerance_share: z.number(),
  data_note: z.string().nullable(),
});
export const PeriodsAnswer = z.object({ items: z.array(PeriodOut) });
export const CategoriesAnswer = z.object({
  items: z.array(z.object({ code: z.string(), name_vi: z.string(), name_en: z.string(), sort: z.number().int() })),
});

/** One row's figures (quotas/quotas.figures.ts): null quota = not assigned, null present = nothing recorded. */
export const FiguresOut = z.object({
  quota: z.number().nullable(),
  reserve: z.number(),
  allocatedBelow: z.number(),
  available: z.number().nullable(),
  present: z.number().nullable(),
  /** The quota's decision marks it illustrative (demo or scenario), not official. */
  illustrative: z.boolean(),
});
const ByCategory = { byCategory: z.record(z.string(), FiguresOut), total: FiguresOut };
export const RollupItemOut = z.object({
  nodeId: z.number().int(),
  unitId: z.number().int(),
  agencyId: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  ...ByCategory,
});
export const RollupAnswer = z.object({
  period: z.string(),
  note: z.string().nullable(),
  toleranceShare: z.number(),
  node: z.object({
    nodeId: z.number().int(),
    unitId: z.number().int(),
    code: z.string(),
    name: z.string(),
    level: z.number().int(),
    ...ByCategory,
  }),
  items: z.array(RollupItemOut),
});
