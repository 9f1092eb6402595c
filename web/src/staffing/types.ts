// Shapes of the /api/staffing answers the pages read: the server's response schemas, never hand-written copies.
import type { Answer } from '../../../src/platform/schemas.ts';
import type {
  AllocationAnswer,
  FiguresOut,
  NormDistributionAnswer,
  NormUnitOut,
  PeriodOut,
  ReductionItemOut,
  ReductionsAnswer,
  RollupAnswer,
  RollupItemOut,
} from '../../../src/staffing/staffing.schemas.ts';
/** One row's figures as the server defines them (src/staffing/quotas/quotas.figures.ts): null quota = not assigned, null present = nothing recorded. */
export type Figures = Answer<typeof FiguresOut>;
export type RollupItem = Answer<typeof RollupItemOut>;
export type Rollup = Answer<typeof RollupAnswer>;
export type Period = Answer<typeof PeriodOut>;
export type AllocationOutcome = Answer<typeof AllocationAnswer>;
export type ReductionItem = Answer<typeof ReductionItemOut>;
export type Reductions = Answer<typeof ReductionsAnswer>;
/** GET /staffing/norms with a province distribution rule set (the only kind the scenario screen asks for). */
export type NormScenario = Answer<typeof NormDistributionAnswer>;
export type NormUnit = Answer<typeof NormUnitOut>;
export const NO_FIGURES: Figures = {
  quota: null,
  reserve: 0,
  allocatedBelow: 0,
  available: null,
  present: null,
  illustrative: false,
};
/** The figures of one category, or of all together. */
export const figuresFor = (f: { byCategory: Record<string, Figures>; total: Figures }, category: string) =>
  category === 'all' ? f.total : (f.byCategory[category] ?? NO_FIGURES);
export const CATEGORIES = [
  'cadre_civil_servant',
  'public_employee',
  'commune_cadre',
  'association',
  'trade_union',
  'labour_contract',
] as const;
