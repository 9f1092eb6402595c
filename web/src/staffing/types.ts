// Shapes of the /api/staffing answers the pages read.
/** One row's figures as the server defines them (src/staffing/quotas/quotas.figures.ts): null quota = not assigned, null present = nothing recorded. */
export interface Figures { quota: number | null; reserve: number; allocatedBelow: number; available: number | null; present: number | null; illustrative: boolean }
export interface RollupItem { nodeId: number; unitId: number; agencyId: number | null; code: string; name: string; level: number; byCategory: Record<string, Figures>; total: Figures }
export interface Rollup { period: string; note: string | null; toleranceShare: number; node: { nodeId: number; unitId: number; code: string; name: string; level: number; byCategory: Record<string, Figures>; total: Figures }; items: RollupItem[] }
export interface Period { id: number; code: string; name: string; start_date: string; end_date: string; legal_basis: string | null; tolerance_share: number; data_note: string | null }
export const NO_FIGURES: Figures = { quota: null, reserve: 0, allocatedBelow: 0, available: null, present: null, illustrative: false };
/** The figures of one category, or of all together. */
export const figuresFor = (f: { byCategory: Record<string, Figures>; total: Figures }, category: string) => (category === 'all' ? f.total : f.byCategory[category] ?? NO_FIGURES);
export interface Warning { code: string; vi: string; en: string }
export interface AllocationOutcome { name: string; category: string; quota: number; reserve: number; available: number; parent: { name: string; available: number } | null; warnings: Warning[] }
export interface ReductionItem { code: string; name: string; formedFrom: string[]; percent: number | null; base: number | null; baseCategory: string; basePeriod: string; baseIllustrative: boolean;
  cut: number | null; proposed: number | null; steps: { vi: string; en: string }[] }
export interface Reductions { ruleSet: { title: { vi: string; en: string }; legalBasis: string[] }; provincesByFormedFrom: Record<string, number>; items: ReductionItem[] }
export const CATEGORIES = ['cadre_civil_servant', 'public_employee', 'commune_cadre', 'association', 'trade_union', 'labour_contract'] as const;
