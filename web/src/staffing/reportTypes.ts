// Shapes of the /api/staffing targets, blocks and trend answers.
export type PointStatus = 'before_baseline' | 'on_track' | 'behind';
export type TargetStatus = 'no_data' | 'reached' | 'on_track' | 'behind';
export interface TargetPoint { asOf: string; present: number; planned: number | null; achieved: number | null; achievedPctOfCut: number | null; gap: number | null; status: PointStatus }
export interface TargetItem {
  nodeId: number; unitId: number; agencyId: number | null; code: string; name: string; category: string; isRoot: boolean;
  baselineDate: string; baselineAsOf: string; baselineHeadcount: number; targetDate: string; targetHeadcount: number; cutPercent: number | null;
  ruleSetId: string | null; basis: string; setBy: string; requiredCut: number; requiredPct: number | null; status: TargetStatus;
  latest: TargetPoint | null; remainingCut: number; plannedNow: number; elapsedPct: number; subtreePresent: number | null; recordedBelow: boolean; points: TargetPoint[];
}
export interface TargetsAnswer { period: string; asOf: string; items: TargetItem[] }
export interface TargetOutcome { name: string; baselineHeadcount: number; targetHeadcount: number; targetDate: string }

export interface BlockFigures { quota: number; reserve: number; allocatedBelow: number; present: number }
export interface Outside { quota: number; reserve: number; unallocated: number; present: number; mismatch: number }
export interface BlockRow { block: string; nameVi: string; nameEn: string; members: { nodeId: number; code: string; name: string }[]; byCategory: Record<string, BlockFigures>; total: BlockFigures }
export interface BlocksAnswer {
  period: string; categories: { code: string; nameVi: string; nameEn: string }[];
  national: { byCategory: Record<string, BlockFigures>; total: BlockFigures }; blocks: BlockRow[];
  outside: { byCategory: Record<string, Outside>; total: Outside }; closedChildren: number;
}

export interface Change { abs: number; pct: number | null }
export interface TrendItem {
  period: string; name: string; source: 'own' | 'predecessors' | null; sources: string[];
  quota: number | null; reserve: number | null; allocatedBelow: number | null; present: number | null;
  change: { quota: Change | null; reserve: Change | null; present: Change | null } | null;
}
export interface TrendAnswer { unit: { name: string }; category: string | null; items: TrendItem[] }
