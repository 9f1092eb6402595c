// Shapes of the action-program API (src/program/*.routes.ts and the services'
// present* functions), all camelCase.

export const RATINGS = ['green', 'amber_green', 'amber', 'amber_red', 'red'] as const;
export type Rating = (typeof RATINGS)[number];
export const STATUSES = [
  'not_started',
  'in_progress',
  'done',
  'done_late',
  'overdue',
  'suspended',
  'cancelled',
] as const;
export type TaskStatus = (typeof STATUSES)[number];
export type ReportStatus = 'not_started' | 'in_progress' | 'done' | 'suspended';
export type WarningKind =
  'overdue' | 'at_risk' | 'due_soon_low_progress' | 'silent' | 'lacking_resources' | 'blocked' | 'review_overdue';

export interface Bilingual {
  vi: string | null;
  en: string | null;
}

export interface Program {
  id: number;
  code: string;
  titleVi: string;
  titleEn: string | null;
  resolutionRef: string | null;
  issuingBody: string;
  periodStart: string;
  periodEnd: string;
  cadence: 'monthly' | 'quarterly';
  reportGraceDays: number;
  escalationDays: number;
  reviewDays: number;
  currentVersion: number;
  isDemo: boolean;
}

/**
 * A task's "reported" figures (presentReported in program/tasks/tasks.content.ts): the latest report awaiting review, not
 * official until the level above accepts it, and the review deadline of the oldest one waiting. Null: none waits.
 */
export interface Reported {
  reportId: number;
  progress: number;
  status: ReportStatus;
  reportDate: string;
  reviewDue: string;
}

/** summarise() in program/dashboards/dashboards.service.ts. */
export interface Summary {
  /** Every task counted; `rated` of them are rated (the rest, `unrated`, are cancelled or suspended). */
  total: number;
  rated: number;
  unrated: number;
  byStatus: Record<TaskStatus, number>;
  /** The five levels plus 'unrated' (cancelled and suspended tasks). */
  byRating: Record<Rating | 'unrated', number>;
  /** Rated tasks at Amber/Red or Red, and their share of the rated ones (exact; the screen rounds). */
  atRisk: number;
  atRiskShare: number;
  rating: Rating;
  explanation: Bilingual;
}

export interface DashboardUnit {
  id: number;
  code: string;
  name: string;
  level: number;
  parent_id: number | null;
}
export interface SectionSummary extends Summary {
  sectionId: number;
  code: string;
  title: Bilingual;
}
export interface ChildSummary extends Summary {
  unitId: number;
  code: string;
  name: string;
  level: number;
}
export interface Dashboard extends Summary {
  unit: DashboardUnit;
  sections: SectionSummary[];
  children: ChildSummary[];
}

export interface Heatmap {
  sections: { sectionId: number; code: string; title: Bilingual }[];
  provinces: { unitId: number; code: string; name: string }[];
  cells: (Summary & { unitId: number; sectionId: number })[];
}

export interface RiskMap {
  provinces: {
    unitId: number;
    code: string;
    name: string;
    total: number;
    rated: number;
    atRisk: number;
    atRiskShare: number;
    rating: Rating;
  }[];
}

/** A row of /overdue, /at-risk and /my-tasks (presentListItem in program/dashboards/dashboards.service.ts). */
export interface TaskListItem {
  taskId: number;
  taskCode: string;
  title: Bilingual;
  unitId: number;
  unitName: string;
  dueDate: string | null;
  status: TaskStatus;
  progress: number;
  rating: Rating | null;
  warningKinds: WarningKind[];
  ratingExplanation: Bilingual | null;
  lastReportDate: string | null;
  version: number;
  reported: Reported | null;
}
export interface Paged<T> {
  items: T[];
  total: number;
}

/** 'YYYY-MM'; due excludes cancelled tasks; atRisk = Amber/Red or Red; done = done or done late. */
export interface TimelineMonth {
  month: string;
  due: number;
  atRisk: number;
  done: number;
}
export interface Timeline {
  from: string;
  to: string;
  months: TimelineMonth[];
}

export interface Deadline {
  kind: string;
  start: string | null;
  end: string | null;
  text: string | null;
}
export interface Funding {
  source: string | null;
  amountRequired: number | null;
  amountAllocated: number | null;
}

/** presentTask() in program/tasks/tasks.content.ts. */
export interface Task {
  id: number;
  programId: number;
  parentId: number | null;
  kind: 'section' | 'group' | 'task';
  cascaded: boolean;
  code: string;
  titleVi: string | null;
  titleEn: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  unitId: number;
  unitName?: string;
  unitCode?: string;
  sectionId: number | null;
  leadAgencyId: number | null;
  deadline: Deadline | null;
  dueDate: string | null;
  startDate: string | null;
  status: TaskStatus;
  progress: number;
  doneDate: string | null;
  outputs: string[];
  tags: string[];
  rollupMode: string;
  weight: number;
  rating: Rating | null;
  ratingExplanation: Bilingual | null;
  warningKinds: WarningKind[];
  lastReportDate: string | null;
  version: number;
  isDemo: boolean;
  reported: Reported | null;
}

export interface TaskWarning {
  id: number;
  kind: WarningKind;
  severity: 'info' | 'warning' | 'critical';
  message: Bilingual;
  facts: Record<string, unknown>;
  raisedAt: string;
  acknowledgedAt: string | null;
  escalatedAt: string | null;
}

/** What the caller may do on a task: taskRights() in src/program/program.rights.ts, the rules the server enforces. */
export interface TaskCan {
  report: boolean;
  adjust: boolean;
  cancel: boolean;
  cascade: boolean;
  requestChange: boolean;
  review: boolean;
}

export interface TaskDetail extends Task {
  coordinatingAgencyIds: number[];
  funding: Funding[];
  dependsOn: number[];
  children: Task[];
  warnings: TaskWarning[];
  /** The unit that assigned the task (owns its definition) and the unit whose writers review its reports. */
  assignedBy: { id: number; name: string } | null;
  reviewedBy: { id: number; name: string } | null;
  can: TaskCan;
}

export interface Evidence {
  sha256: string;
  fileName: string;
  sizeBytes: number;
  mediaType: string;
}
export interface Report {
  id: number;
  taskId: number;
  reportDate: string;
  period: string;
  periodDue: string;
  progress: number;
  status: ReportStatus;
  narrative: string | null;
  obstacles: string | null;
  resourcesNeeded: string | null;
  state: 'submitted' | 'accepted' | 'returned';
  reviewComment: string | null;
  reviewedAt: string | null;
  submittedBy: string;
  submittedAt: string;
  late: boolean;
  version: number;
  reviewDue: string | null;
  evidence: Evidence[];
  /** reportRights() on the server. */
  can: { edit: boolean; review: boolean };
  /** How many earlier versions the author's edits replaced (GET /api/reports/:id/versions). */
  earlierVersions?: number;
}

export interface ReportVersion {
  version: number;
  reportDate: string;
  progress: number;
  status: ReportStatus;
  narrative: string | null;
  obstacles: string | null;
  resourcesNeeded: string | null;
  state: Report['state'];
  reviewComment: string | null;
  reviewedAt: string | null;
  submittedBy: string;
  submittedAt: string;
  supersededAt: string;
}

/** A row of GET /api/reviews (program/reviews/reviews.service.ts). */
export interface ReviewItem extends Report {
  task: {
    id: number;
    code: string;
    title: Bilingual;
    unitId: number;
    unitName: string;
    programId: number;
    official: { progress: number; status: TaskStatus };
  };
  waitingWorkingDays: number;
  reviewOverdue: boolean;
}
export interface ReviewQueue extends Paged<ReviewItem> {
  overdue: number;
}
export interface BulkAcceptResult {
  accepted: number;
  refused: number;
  results: (
    | { id: number; ok: true; state: string; version: number }
    | { id: number; ok: false; status: number; error: { vi: string; en: string } }
  )[];
}

export type ChangeKind = 'deadline' | 'cancel' | 'funding' | 'other';
/** GET /api/change-requests and /api/tasks/:id/change-requests (program/requests/requests.service.ts). */
export interface ChangeRequest {
  id: number;
  taskId: number;
  programId: number;
  taskCode: string;
  taskTitle: Bilingual;
  unitId: number;
  unitName: string;
  kind: ChangeKind;
  reason: string;
  proposed: { deadline?: Deadline; funding?: Funding[] };
  state: 'pending' | 'approved' | 'refused' | 'withdrawn';
  assigner: { id: number; name: string } | null;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  decisionRef: string | null;
  amendmentId: number | null;
  version: number;
  can: { approve: boolean; refuse: boolean; withdraw: boolean };
}

export interface Agency {
  id: number;
  kind: string;
  name: string;
  nameEn: string | null;
}

export interface Notification {
  id: number;
  kind: string;
  title: Bilingual;
  body: Bilingual;
  entity: string;
  entityId: number;
  createdAt: string;
  readAt: string | null;
}
export interface Inbox {
  unread: number;
  items: Notification[];
}
