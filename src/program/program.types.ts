// Shared shapes of the action-program module. The parser, the warning engine
// and the store all speak these; change them only in agreement.

/** A deadline or duration read from text: "quý IV/2026", "June 2026", "2026–2030", "by June 1, 2026". */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'date' | 'range';
export interface Period {
  kind: PeriodKind;
  /** First day, 'YYYY-MM-DD'. */
  start: string;
  /** Last day, inclusive, 'YYYY-MM-DD'; the derived due date. */
  end: string;
  /** The phrase as written, when it came from text. */
  text?: string;
}

export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'done_late' | 'overdue' | 'suspended' | 'cancelled';
export type FundingSource = 'central_budget' | 'local_budget' | 'oda' | 'private' | 'other';
export type OutputKind =
  | 'law'
  | 'resolution'
  | 'decree'
  | 'regulation'
  | 'scheme'
  | 'project'
  | 'program'
  | 'plan'
  | 'report'
  | 'system'
  | 'other';
export type RollupMode = 'average' | 'weighted' | 'all_must_finish';
export type Cadence = 'monthly' | 'quarterly';

/** Five-level delivery confidence (UK PMDU style), best first. */
export type Rating = 'green' | 'amber_green' | 'amber' | 'amber_red' | 'red';
export const RATINGS: Rating[] = ['green', 'amber_green', 'amber', 'amber_red', 'red'];

export type WarningKind =
  'overdue' | 'at_risk' | 'due_soon_low_progress' | 'silent' | 'lacking_resources' | 'blocked' | 'review_overdue';
/** Kinds about the level above, not the task's own delivery: listed, escalated, but left out of the task's rating. */
export const UNRATED_KINDS: ReadonlySet<WarningKind> = new Set(['review_overdue']);

/** What the warning engine needs to know about one task, on one date. */
export interface TaskFacts {
  id: number;
  start: string | null; // 'YYYY-MM-DD'
  due: string | null; // 'YYYY-MM-DD' (inclusive last day)
  status: TaskStatus;
  progress: number; // 0..100, official (accepted reports only)
  cadence: Cadence | null; // reporting cadence set by the program
  funding: { source: FundingSource | null; required: number | null; allocated: number | null }[];
  /** Dependencies' due dates and statuses (a late dependency blocks). */
  dependencies: { id: number; due: string | null; status: TaskStatus; progress: number }[];
  /**
   * Reports awaiting review by the level above: the latest one's date (the unit did report: it is not
   * silent) and the review deadline of the oldest one (past it, the reviewer is late). Absent: none.
   * Their figures are not official and count nowhere else.
   */
  pending?: { latestDate: string; reviewDue: string } | null;
}

/** An accepted progress report as the engine sees it (reports awaiting review or returned do not count). */
export interface ReportFacts {
  date: string; // 'YYYY-MM-DD' of the report
  progress: number; // 0..100
  resourcesNeeded: boolean; // the report flags a resource need
}

export interface Warning {
  kind: WarningKind;
  severity: 'info' | 'warning' | 'critical';
  /** Plain-language explanation in Vietnamese and English, with the numbers that triggered it. */
  message: { vi: string; en: string };
  /** The figures behind it (elapsed share, progress, projected finish…) for display and tests. */
  facts: Record<string, number | string | null>;
}

export interface Evaluation {
  rating: Rating;
  warnings: Warning[];
  explanation: { vi: string; en: string };
}
