// Shapes of the /api/staffing targets, blocks and trend answers.
export type PointStatus = 'before_baseline' | 'on_track' | 'behind';
export type TargetStatus = 'no_data' | 'reached' | 'on_track' | 'behind';
// Figures come exact (planned values unrounded, shares as their two parts); the screen rounds.
export interface TargetPoint {
  asOf: string;
  present: number;
  planned: number | null;
  achieved: number | null;
  gap: number | null;
  status: PointStatus;
}
export interface TargetItem {
  nodeId: number;
  unitId: number;
  agencyId: number | null;
  code: string;
  name: string;
  category: string;
  isRoot: boolean;
  baselineDate: string;
  baselineAsOf: string;
  baselineHeadcount: number;
  targetDate: string;
  targetHeadcount: number;
  cutPercent: number | null;
  ruleSetId: string | null;
  basis: string;
  setBy: string;
  requiredCut: number;
  status: TargetStatus;
  illustrative: boolean;
  latest: TargetPoint | null;
  remainingCut: number;
  plannedNow: number;
  elapsed: { days: number; of: number };
  subtreePresent: number | null;
  recordedBelow: boolean;
  points: TargetPoint[];
}
export interface TargetsAnswer {
  period: string;
  asOf: string;
  items: TargetItem[];
}
export interface TargetOutcome {
  name: string;
  baselineHeadcount: number;
  targetHeadcount: number;
  targetDate: string;
}

export type { Figures as BlockFigures } from './types';
import type { Figures as BlockFigures } from './types';
export interface Outside {
  quota: number;
  reserve: number;
  unallocated: number;
  present: number;
  mismatch: number;
}
export interface BlockRow {
  block: string;
  nameVi: string;
  nameEn: string;
  members: { nodeId: number; code: string; name: string }[];
  byCategory: Record<string, BlockFigures>;
  total: BlockFigures;
}
export interface BlocksAnswer {
  period: string;
  categories: { code: string; nameVi: string; nameEn: string }[];
  national: { byCategory: Record<string, BlockFigures>; total: BlockFigures };
  blocks: BlockRow[];
  outside: { byCategory: Record<string, Outside>; total: Outside };
  closedChildren: number;
}

/** A change and the figure it is measured from: the share is abs of from. */
export interface Change {
  abs: number;
  from: number;
}
export interface TrendItem {
  period: string;
  name: string;
  source: 'own' | 'predecessors' | null;
  sources: string[];
  quota: number | null;
  reserve: number | null;
  allocatedBelow: number | null;
  present: number | null;
  illustrative: boolean;
  change: { quota: Change | null; reserve: Change | null; present: Change | null } | null;
}
export interface TrendAnswer {
  unit: { name: string };
  category: string | null;
  items: TrendItem[];
}
