// Names for the action program's tables; the types themselves are generated from the
// migrations (platform/db/db.generated.ts, `npm run db:types`).
import type { DB } from '../platform/db/db.generated.ts';

export type TasksTable = DB['tasks'];
export type TaskReportsTable = DB['task_reports'];
export type TaskChangeRequestsTable = DB['task_change_requests'];

/** The counter columns of program_rollups and program_due_rollups (migrations 0004, 0009), one per status and rating. */
export const ROLLUP_STATUS = [
  'not_started',
  'in_progress',
  'done',
  'done_late',
  'overdue',
  'suspended',
  'cancelled',
] as const;
export const ROLLUP_RATING = ['green', 'amber_green', 'amber', 'amber_red', 'red', 'unrated'] as const;

// The lists above must name exactly the counter columns the migrations create (typecheck fails otherwise).
type Counters = Exclude<keyof DB['program_rollups'], 'program_id' | 'unit_id' | 'section_id' | 'total'>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Listed = (typeof ROLLUP_STATUS)[number] | (typeof ROLLUP_RATING)[number];
export const ROLLUP_COLUMNS_MATCH: Same<Counters, Listed> &
  Same<Exclude<keyof DB['program_due_rollups'], 'program_id' | 'unit_id' | 'due_month' | 'total'>, Listed> = true;
