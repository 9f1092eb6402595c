// Kysely table types of the action-program module; must match
// migrations/0004_program.sql. Merged into the platform's Database type.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = string;
type Json = ColumnType<unknown, string | undefined, string>;

export interface ProgramsTable {
  id: Generated<number>;
  code: string;
  title_vi: string;
  title_en: string | null;
  resolution_ref: string | null;
  issuing_body: string;
  period_start: DateString;
  period_end: DateString;
  cadence: Generated<string>;
  report_grace_days: Generated<number>;
  escalation_days: Generated<number>;
  /** migrations/0016: working days the level above has to review a report. */
  review_days: Generated<number>;
  current_version: Generated<number>;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}

export interface ProgramAmendmentsTable {
  id: Generated<number>;
  program_id: number;
  version_no: number;
  kind: string;
  decision_ref: string | null;
  reason: string | null;
  effective_date: DateString;
  actor: string;
  created_at: Timestamp;
  /** migrations/0016: the change request this amendment applies, when it came from one. */
  change_request_id: Generated<number | null>;
}

export interface TasksTable {
  id: Generated<number>;
  program_id: number;
  parent_id: number | null;
  kind: string;
  cascaded: Generated<boolean>;
  position: Generated<number>;
  code: string;
  section_id: number | null;
  unit_id: number;
  title_vi: string | null;
  title_en: string | null;
  description_vi: string | null;
  description_en: string | null;
  lead_agency_id: number | null;
  deadline_kind: string | null;
  deadline_start: DateString | null;
  due_date: DateString | null;
  deadline_text: string | null;
  start_date: DateString | null;
  status: Generated<string>;
  progress: Generated<number>;
  done_date: DateString | null;
  outputs: Generated<string[]>;
  tags: Generated<string[]>;
  rollup_mode: Generated<string>;
  weight: Generated<number>;
  rating: string | null;
  rating_explanation: Json | null;
  warning_kinds: Generated<string[]>;
  recent_reports: Json;
  last_report_date: DateString | null;
  version: Generated<number>;
  is_demo: Generated<boolean>;
  updated_at: Timestamp;
  /** migrations/0016: the latest report awaiting review (the "reported" figures), and the oldest one's review deadline. */
  pending_report_id: Generated<number | null>;
  reported_progress: Generated<number | null>;
  reported_status: Generated<string | null>;
  reported_date: Generated<DateString | null>;
  review_due: Generated<DateString | null>;
}

export interface TaskCoordinatorsTable { task_id: number; agency_id: number }

export interface TaskFundingTable {
  id: Generated<number>;
  task_id: number;
  source: string | null;
  amount_required: number | null;
  amount_allocated: number | null;
  note: string | null;
}

export interface TaskDependenciesTable { task_id: number; depends_on_id: number }

export interface TaskVersionsTable {
  id: Generated<number>;
  task_id: number;
  program_id: number;
  amendment_id: number;
  valid_from: DateString;
  valid_to: DateString | null;
  content: Json;
}

export interface EvidenceBlobsTable {
  sha256: string;
  size_bytes: number;
  media_type: string;
  content: Buffer;
  created_at: Timestamp;
}

export interface TaskReportsTable {
  id: Generated<number>;
  task_id: number;
  report_date: DateString;
  period_label: string;
  period_due: DateString;
  progress: number;
  status: string;
  narrative: string | null;
  obstacles: string | null;
  resources_needed: string | null;
  state: Generated<string>;
  review_comment: string | null;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
  submitted_by: number | null;
  submitted_by_label: string;
  submitted_at: Timestamp;
  is_late: Generated<boolean>;
  version: Generated<number>;
  is_demo: Generated<boolean>;
  /** migrations/0016 */
  client_key: Generated<string | null>;
  reviewer_unit_id: Generated<number | null>;
  review_due: Generated<DateString | null>;
}

/** migrations/0016: the content an author's edit replaced, one row per superseded version. */
export interface TaskReportVersionsTable {
  report_id: number;
  version: number;
  report_date: DateString;
  progress: number;
  status: string;
  narrative: string | null;
  obstacles: string | null;
  resources_needed: string | null;
  state: string;
  review_comment: string | null;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
  submitted_by: number | null;
  submitted_by_label: string;
  submitted_at: Timestamp;
  superseded_at: Timestamp;
}

/** migrations/0016: the assignee's request to the assigner (deadline, cancellation, funding, other). */
export interface TaskChangeRequestsTable {
  id: Generated<number>;
  task_id: number;
  program_id: number;
  kind: string;
  reason: string;
  proposed: Json;
  assigner_unit_id: number;
  state: Generated<string>;
  requested_by: number | null;
  requested_by_label: string;
  requested_at: Timestamp;
  decided_by: number | null;
  decided_by_label: string | null;
  decided_at: Timestamp | null;
  decision_comment: string | null;
  decision_ref: string | null;
  amendment_id: number | null;
  version: Generated<number>;
}

/** migrations/0016: days off besides weekends, for counting working days. */
export interface PublicHolidaysTable { day: DateString; name_vi: string; name_en: string; basis: string }

export interface ReportEvidenceTable { report_id: number; sha256: string; file_name: string }

export interface ProgramWarningsTable {
  id: Generated<number>;
  task_id: number;
  kind: string;
  severity: string;
  message_vi: string;
  message_en: string;
  facts: Json;
  raised_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: number | null;
  resolved_at: Timestamp | null;
  resolved_by: number | null;
  escalated_at: Timestamp | null;
  escalated_to_unit: number | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  entity: string;
  entity_id: number;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export const ROLLUP_STATUS = ['not_started', 'in_progress', 'done', 'done_late', 'overdue', 'suspended', 'cancelled'] as const;
export const ROLLUP_RATING = ['green', 'amber_green', 'amber', 'amber_red', 'red', 'unrated'] as const;
type Counter = Generated<number>;
export type ProgramRollupsTable = { program_id: number; unit_id: number; section_id: number; total: Counter }
  & Record<(typeof ROLLUP_STATUS)[number] | (typeof ROLLUP_RATING)[number], Counter>;
/** migrations/0009_program_due_rollups.sql: the same counters by due month ('YYYY-MM-01'). */
export type ProgramDueRollupsTable = Omit<ProgramRollupsTable, 'section_id'> & { due_month: DateString };

export interface ProgramDailyRunsTable {
  as_of: DateString;
  claimed_at: Timestamp;
  finished_at: Timestamp | null;
  result: Json | null;
}

/** migrations/0010_program_webhook_deliveries.sql */
export interface ProgramWebhookDeliveriesTable {
  id: Generated<number>;
  event: string;
  as_of: DateString;
  receiver: string;
  receiver_no: number;
  delivery_id: string;
  warning_ids: number[];
  ok: boolean;
  attempts: Json;
  error: string | null;
  created_at: Timestamp;
}

export interface ProgramTables {
  programs: ProgramsTable;
  program_amendments: ProgramAmendmentsTable;
  tasks: TasksTable;
  task_coordinators: TaskCoordinatorsTable;
  task_funding: TaskFundingTable;
  task_dependencies: TaskDependenciesTable;
  task_versions: TaskVersionsTable;
  evidence_blobs: EvidenceBlobsTable;
  task_reports: TaskReportsTable;
  task_report_versions: TaskReportVersionsTable;
  task_change_requests: TaskChangeRequestsTable;
  public_holidays: PublicHolidaysTable;
  report_evidence: ReportEvidenceTable;
  program_warnings: ProgramWarningsTable;
  notifications: NotificationsTable;
  program_rollups: ProgramRollupsTable;
  program_due_rollups: ProgramDueRollupsTable;
  program_webhook_deliveries: ProgramWebhookDeliveriesTable;
  program_daily_runs: ProgramDailyRunsTable;
}
