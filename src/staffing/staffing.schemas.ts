// Request and response shapes of the staffing API, shared by routes, the CLI and the web app
// (which imports types only: nothing here may import server code).
import { z } from 'zod';
import { Day, Headcount, IsoDate, MessageOut, Timestamp, decimal } from '../platform/schemas.ts';

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

/** A sentence in both languages with a code saying which check or limit it is about. */
const CodedMessage = { code: z.string(), vi: z.string(), en: z.string() };

/** GET /staffing/available (quotas/quotas.service.ts available): one unit's or agency's figures per category. */
export const AvailableAnswer = z.object({
  period: z.string(),
  /** Null until something was allocated or recorded for it in the period. */
  nodeId: z.number().int().nullable(),
  name: z.string(),
  items: z.array(
    z.object({
      category: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      quota: z.number(),
      reserve: z.number(),
      allocatedBelow: z.number(),
      available: z.number(),
      present: z.number().nullable(),
      presentAsOf: Day.nullable(),
      presentTotal: z.number().nullable(),
      vacancies: z.number().nullable(),
      redundant: z.number().nullable(),
    }),
  ),
  total: z.object({ quota: z.number(), reserve: z.number(), allocatedBelow: z.number(), available: z.number() }),
});

/** The figures of one node after an allocation (quotas/quotas.service.ts AllocationOutcome). */
const NodeFigures = {
  nodeId: z.number().int(),
  name: z.string(),
  quota: z.number(),
  reserve: z.number(),
  allocatedBelow: z.number(),
  available: z.number(),
};
/** Past the period's warning share of a quota (quotas/quotas.messages.ts toleranceWarning): used of quota. */
export const ToleranceWarningOut = z.object({ ...CodedMessage, used: z.number(), quota: z.number() });
/** POST /staffing/allocations: the node and its parent after the change, with the warnings it raised. */
export const AllocationAnswer = z.object({
  ...NodeFigures,
  category: z.string(),
  parent: z.object(NodeFigures).nullable(),
  warnings: z.array(ToleranceWarningOut),
});

/** POST /staffing/present (headcount/headcount.service.ts): the recorded figure against the node's quota. */
export const PresentAnswer = z.object({
  nodeId: z.number().int(),
  category: z.string(),
  asOf: Day,
  present: z.number(),
  /** False when an older date was recorded: history, the latest figure did not move. */
  latest: z.boolean(),
  quota: z.number(),
  vacancies: z.number(),
  redundant: z.number(),
});
/** GET /staffing/present-history: the stored rows (snake_case as_of: a debt, as periods). */
export const PresentHistoryAnswer = z.object({
  items: z.array(z.object({ as_of: Day, present: z.number(), source: z.string().nullable() })),
});

/** POST /staffing/merges (quotas/quotas.merge.ts): per category, the successor's allocation and how it was reached. */
export const MergeAnswer = z.object({
  successorNodeId: z.number().int(),
  rule: z.string(),
  categories: z.array(
    AllocationAnswer.extend({
      predecessorsTotal: z.number(),
      predecessors: z.array(z.object({ unit: z.string(), linkKind: z.string(), quota: z.number() })),
      aboveTotalByDecision: z.string().nullable().optional(),
    }),
  ),
});

// ---- Rule sets: data/staffing/rule-sets/*.json, validated on load (norms/norms.rulesets.ts) and answered as read.
const RuleSetCommon = {
  id: z.string(),
  version: z.number().int().positive(),
  title: MessageOut,
  legalBasis: z.array(z.string()).min(1),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  status: z.string().optional(),
};
const Classes = z.object({ I: z.number(), II: z.number(), III: z.number() });
const Standard = z.object({ population: z.number().positive(), areaKm2: z.number().positive() });
export const CommuneByType = z.object({
  ...RuleSetCommon,
  kind: z.literal('commune_by_type'),
  parameters: z.object({
    base: z.object({ ward: Classes, commune: Classes, township: Classes }),
    nonProfessional: Classes,
    standards: z.object({
      commune_mountainous: Standard,
      commune: Standard,
      township: Standard,
      ward_urban_district: Standard,
      ward_city: Standard,
      ward_town: Standard,
    }),
    populationStepShare: z.object({ ward_urban_district: z.number().positive(), default: z.number().positive() }),
    areaStepShare: z.number().positive(),
  }),
});
export const ProvinceDistribution = z.object({
  ...RuleSetCommon,
  kind: z.literal('province_distribution'),
  parameters: z.object({
    averagePerCommune: z.number().positive(),
    weights: z.object({
      equal: z.number().min(0),
      population: z.number().min(0),
      area: z.number().min(0),
      special: z.number().min(0),
    }),
    specialFactorScores: z.record(z.string(), z.number().min(0)),
    unitTypesWithFactor: z.record(z.string(), z.string()),
  }),
});
export const ProvinceReduction = z.object({
  ...RuleSetCommon,
  kind: z.literal('province_reduction'),
  parameters: z.object({
    baselinePeriod: z.string(),
    baselineCategory: z.string(),
    cutPercentByProvincesFormedFrom: z.record(z.string(), z.number().min(0).max(100)),
    centralBody: z.object({ merged: z.number(), notMerged: z.number() }),
    rounding: z.string(),
  }),
});
export const RuleSet = z.discriminatedUnion('kind', [CommuneByType, ProvinceDistribution, ProvinceReduction]);
export type RuleSet = z.infer<typeof RuleSet>;
export const RuleSetsAnswer = z.object({ items: z.array(RuleSet) });

/** A rule set as an evaluation names it (norms/norms.service.ts header). */
const RuleSetHeader = z.object({
  id: z.string(),
  version: z.number().int(),
  kind: z.enum(['commune_by_type', 'province_distribution', 'province_reduction']),
  title: MessageOut,
  legalBasis: z.array(z.string()),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  status: z.string().nullable(),
});
/** One term of an evaluation, with its value and the sentence that explains it (norms/norms.arithmetic.ts Step). */
export const StepOut = z.object({ term: z.string(), value: z.number().nullable(), vi: z.string(), en: z.string() });
/** A province's required cut (norms.arithmetic.ts reduction): null figures when the rule or the base is missing. */
const ReductionFigures = {
  formedFrom: z.array(z.string()),
  baseCategory: z.string(),
  basePeriod: z.string(),
  baseIllustrative: z.boolean(),
  percent: z.number().nullable(),
  base: z.number().nullable(),
  cut: z.number().nullable(),
  proposed: z.number().nullable(),
  steps: z.array(StepOut),
};
export const NormUnitOut = z.object({
  code: z.string(),
  name: z.string(),
  /** Of the province's total, exact (the screen rounds). */
  share: z.number(),
  exact: z.number(),
  value: z.number(),
  steps: z.array(StepOut),
  /** The quota recorded in the compared period, if any. */
  current: z.number().nullable(),
  currentIllustrative: z.boolean(),
});
/** GET /staffing/norms: a rule set evaluated on a unit; the shape follows the rule set's kind. */
export const NormCommuneAnswer = z.object({
  ruleSet: RuleSetHeader,
  asOf: Day,
  unit: z.object({ code: z.string(), name: z.string(), type: z.string(), parent: z.string().nullable() }),
  inputs: z.object({
    class: z.enum(['I', 'II', 'III']),
    mountainous: z.boolean(),
    /** For a ward: what it lies in, urban_district, town or city; null for a commune or township. */
    wardContext: z.string().nullable(),
    population: z.number().nullable(),
    areaKm2: z.number().nullable(),
  }),
  value: z.number(),
  nonProfessional: z.number(),
  steps: z.array(StepOut),
});
export const NormDistributionAnswer = z.object({
  ruleSet: RuleSetHeader,
  asOf: Day,
  province: z.object({ code: z.string(), name: z.string(), communes: z.number().int() }),
  total: z.number(),
  weights: z.object({ equal: z.number(), population: z.number(), area: z.number(), special: z.number() }),
  sums: z.object({ population: z.number(), areaKm2: z.number(), special: z.number() }),
  redistributedShare: z.number(),
  units: z.array(NormUnitOut),
  value: z.number(),
  steps: z.array(StepOut),
});
export const NormReductionAnswer = z.object({
  ruleSet: RuleSetHeader,
  asOf: Day,
  unit: z.object({ code: z.string(), name: z.string() }),
  ...ReductionFigures,
  value: z.number().nullable(),
});
export const NormAnswer = z.union([NormCommuneAnswer, NormDistributionAnswer, NormReductionAnswer]);

/** GET /staffing/reductions: the required cut of every province in force, with its reason. */
export const ReductionItemOut = z.object({ code: z.string(), name: z.string(), ...ReductionFigures });
export const ReductionsAnswer = z.object({
  ruleSet: RuleSetHeader,
  asOf: Day,
  /** How many provinces were formed from 1, 2, 3… provinces (key: the count). */
  provincesByFormedFrom: z.record(z.string(), z.number()),
  items: z.array(ReductionItemOut),
});

// ---- Appendix IA tables (tables/tables.service.ts, tables/tables.check.ts) ----
/** A column key of the table (tables/tables.layout.ts FIGURES): snake_case, as the file's header row writes it. */
const TableFigure = z.enum([
  'assigned_total',
  'assigned_civil_servants',
  'assigned_contracts',
  'reserve',
  'present_total',
  'present_civil_servants',
  'present_contracts',
  'plan_total',
  'plan_civil_servants',
  'plan_contracts',
  'change',
]);
export const TableIssueOut = z.object({
  check: z.enum([
    'invalid_number',
    'bad_stt',
    'duplicate_stt',
    'orphan_stt',
    'parts_sum',
    'assigned_plus_reserve',
    'children_sum',
    'child_exceeds_parent',
    'change_column',
    'unknown_code',
    'differs_from_recorded',
    'out_of_scope',
  ]),
  severity: z.enum(['error', 'warning']),
  /** File rows involved: the row itself first, then the rows it was compared with. */
  rows: z.array(z.number().int()),
  column: TableFigure.optional(),
  expected: z.number().optional(),
  actual: z.number().optional(),
  difference: z.number().optional(),
  vi: z.string(),
  en: z.string(),
});
/** POST /staffing/tables/check: counts exact, the list of issues capped (issuesShown of errors + warnings). */
export const TableCheckAnswer = z.object({
  source: z.string(),
  rows: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  issues: z.array(TableIssueOut),
  issuesShown: z.number().int(),
});
/** POST /staffing/tables/import: what was written, and the warnings the table carried. */
export const TableImportAnswer = z.object({
  source: z.string(),
  rows: z.number().int(),
  allocations: z.number().int(),
  presents: z.number().int(),
  warnings: z.array(TableIssueOut),
});

// ---- Targets (targets/targets.service.ts, targets/targets.progress.ts) ----
/** POST /staffing/targets: the target as set, with the baseline headcount it was measured from. */
export const TargetSetAnswer = z.object({
  nodeId: z.number().int(),
  name: z.string(),
  category: z.string(),
  baselineDate: Day,
  /** The date of the recorded headcount used as the baseline (on or before baselineDate). */
  baselineAsOf: Day,
  baselineHeadcount: z.number(),
  targetDate: Day,
  targetHeadcount: z.number(),
  requiredCut: z.number(),
  cutPercent: z.number().nullable(),
  basis: z.string(),
  ruleSetId: z.string().nullable(),
  ruleSetVersion: z.number().int().nullable(),
  setBy: z.string(),
});
/** POST /staffing/targets/from-rule-set: the provinces set, and those skipped with the reason. */
export const RuleSetTargetsAnswer = z.object({
  period: z.string(),
  ruleSet: z.object({ id: z.string(), version: z.number().int(), title: MessageOut, legalBasis: z.array(z.string()) }),
  category: z.string(),
  baselineDate: Day,
  targetDate: Day,
  set: z.array(TargetSetAnswer.extend({ code: z.string(), formedFrom: z.array(z.string()), percent: z.number() })),
  skipped: z.array(
    z.object({ code: z.string(), name: z.string(), formedFrom: z.number().int(), vi: z.string(), en: z.string() }),
  ),
});
const PointStatus = z.enum(['before_baseline', 'on_track', 'behind']);
/** A recorded headcount against the straight line (targets/targets.path.ts): planned values exact, unrounded. */
export const TargetPointOut = z.object({
  asOf: Day,
  present: z.number(),
  source: z.string().nullable(),
  planned: z.number().nullable(),
  plannedCut: z.number().nullable(),
  /** Of the required cut: the share achieved is achieved / requiredCut. */
  achieved: z.number().nullable(),
  /** Above zero: that many more people than the line allows. */
  gap: z.number().nullable(),
  status: PointStatus,
});
export const TargetItemOut = z.object({
  nodeId: z.number().int(),
  unitId: z.number().int(),
  agencyId: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  isRoot: z.boolean(),
  category: z.string(),
  baselineDate: Day,
  baselineAsOf: Day,
  baselineHeadcount: z.number(),
  targetDate: Day,
  targetHeadcount: z.number(),
  cutPercent: z.number().nullable(),
  ruleSetId: z.string().nullable(),
  ruleSetVersion: z.number().int().nullable(),
  basis: z.string(),
  setBy: z.string(),
  setAt: Timestamp,
  illustrative: z.boolean(),
  requiredCut: z.number(),
  latest: TargetPointOut.nullable(),
  status: z.enum(['no_data', 'reached', 'on_track', 'behind']),
  remainingCut: z.number(),
  plannedNow: z.number(),
  elapsed: z.object({ days: z.number().int(), of: z.number().int() }),
  subtreePresent: z.number().nullable(),
  recordedBelow: z.boolean(),
  points: z.array(TargetPointOut),
});
/** GET /staffing/targets. */
export const TargetsAnswer = z.object({ period: z.string(), asOf: Day, items: z.array(TargetItemOut) });

// ---- National reports (reports/reports.service.ts, reports/reports.trend.ts) ----
/** What is not in any block: the country's reserve and what it has not given out, and headcount outside the blocks. */
export const OutsideOut = z.object({
  quota: z.number(),
  reserve: z.number(),
  unallocated: z.number(),
  present: z.number(),
  mismatch: z.number(),
});
export const BlockRowOut = z.object({
  block: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  members: z.array(
    z.object({ nodeId: z.number().int(), code: z.string(), name: z.string(), kind: z.string().nullable() }),
  ),
  ...ByCategory,
});
/** GET /staffing/blocks. */
export const BlocksAnswer = z.object({
  period: z.string(),
  country: z.object({ unitId: z.number().int(), name: z.string(), nodeId: z.number().int() }),
  categories: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
  national: z.object(ByCategory),
  blocks: z.array(BlockRowOut),
  outside: z.object({ byCategory: z.record(z.string(), OutsideOut), total: OutsideOut }),
  /** Children closed by a merger: their quota moved to their successor. */
  closedChildren: z.number().int(),
});
/** A change and the figure it is measured from: the share is abs of from. */
export const ChangeOut = z.object({ abs: z.number(), from: z.number() });
export const TrendItemOut = z.object({
  period: z.string(),
  name: z.string(),
  startDate: Day,
  endDate: Day,
  /** Whose rows the figures are: the unit's own, the predecessors' summed, or none in that period. */
  source: z.enum(['own', 'predecessors']).nullable(),
  sources: z.array(z.string()),
  quota: z.number().nullable(),
  reserve: z.number().nullable(),
  allocatedBelow: z.number().nullable(),
  present: z.number().nullable(),
  illustrative: z.boolean(),
  change: z
    .object({ quota: ChangeOut.nullable(), reserve: ChangeOut.nullable(), present: ChangeOut.nullable() })
    .nullable(),
});
/** GET /staffing/trend. */
export const TrendAnswer = z.object({
  unit: z.object({
    key: z.string(),
    unitId: z.number().int(),
    agencyId: z.number().int().nullable(),
    name: z.string(),
  }),
  category: z.string().nullable(),
  items: z.array(TrendItemOut),
});
