// Shapes of the /api/staffing answers the pages read: the server's response schemas where it declares them.
import type { Answer } from '../../../src/platform/schemas.ts';
import type { FiguresOut, PeriodOut, RollupAnswer, RollupItemOut } from '../../../src/staffing/staffing.schemas.ts';
/** One row's figures as the server defines them (src/staffing/quotas/quotas.figures.ts): null quota = not assigned, null present = nothing recorded. */
export type Figures = Answer<typeof FiguresOut>;
export type RollupItem = Answer<typeof RollupItemOut>;
export type Rollup = Answer<typeof RollupAnswer>;
export type Period = Answer<typeof PeriodOut>;
// Not declared by the server yet (POST /staffing/allocations, GET /staffing/reductions are on the openapi.test debt list): hand-written until they are.
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
export interface Warning {
  code: string;
  vi: string;
  en: string;
}
export interface AllocationOutcome {
  name: string;
  category: string;
  quota: number;
  reserve: number;
  available: number;
  parent: { name: string; available: number } | null;
  warnings: Warning[];
}
export interface ReductionItem {
  code: string;
  name: string;
  formedFrom: string[];
  percent: number | null;
  base: number | null;
  baseCategory: string;
  basePeriod: string;
  baseIllustrative: boolean;
  cut: number | null;
  proposed: number | null;
  steps: { vi: string; en: string }[];
}
export interface Reductions {
  ruleSet: { title: { vi: string; en: string }; legalBasis: string[] };
  provincesByFormedFrom: Record<string, number>;
  items: ReductionItem[];
}
export const CATEGORIES = [
  'cadre_civil_servant',
  'public_employee',
  'commune_cadre',
  'association',
  'trade_union',
  'labour_contract',
] as const;
