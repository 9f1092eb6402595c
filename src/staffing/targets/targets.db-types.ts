// Kysely table types of the streamlining targets; must match
// migrations/0007_staffing_targets.sql. Merged into the platform's Database type.
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = string;

export interface StaffingTargetsTable {
  node_id: number;
  category: string;
  baseline_date: DateString;
  baseline_as_of: DateString;
  baseline_headcount: number;
  target_date: DateString;
  target_headcount: number;
  cut_percent: number | null;
  rule_set_id: string | null;
  rule_set_version: number | null;
  basis: string;
  set_by: string;
  set_by_id: number | null;
  set_at: Timestamp;
}

export interface StaffingTargetTables {
  staffing_targets: StaffingTargetsTable;
}
