// Shapes of the /api/staffing answers the pages read.
export interface Figures { quota: number; reserve: number; allocatedBelow: number; present: number }
export interface RollupItem { nodeId: number; unitId: number; agencyId: number | null; code: string; name: string; level: number; byCategory: Record<string, Figures>; total: Figures; usedShare: number | null }
export interface Rollup { period: string; toleranceShare: number; node: { nodeId: number; unitId: number; code: string; name: string; byCategory: Record<string, Figures>; total: Figures }; items: RollupItem[] }
export interface Period { id: number; code: string; name: string; start_date: string; end_date: string; legal_basis: string | null; tolerance_share: number }
export interface Warning { code: string; vi: string; en: string }
export interface AllocationOutcome { name: string; category: string; quota: number; reserve: number; available: number; parent: { name: string; available: number } | null; warnings: Warning[] }
export interface ReductionItem { code: string; name: string; formedFrom: string[]; percent: number | null; base: number | null; cut: number | null; proposed: number | null; steps: { vi: string; en: string }[] }
export interface Reductions { ruleSet: { title: { vi: string; en: string }; legalBasis: string[] }; provincesByFormedFrom: Record<string, number>; items: ReductionItem[] }
export const CATEGORIES = ['cadre_civil_servant', 'public_employee', 'commune_cadre', 'association', 'trade_union', 'labour_contract'] as const;
