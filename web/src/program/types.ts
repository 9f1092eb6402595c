// Shapes of the action-program API (src/program/*.routes.ts and the services'
// present* functions), all camelCase: the server's response schemas where it declares them
// (src/program/program.schemas.ts), hand-written for the operations still on the openapi.test.ts debt list.
import type { Answer } from '../../../src/platform/schemas.ts';
import type {
  DashboardAnswer,
  EvidenceOut,
  HeatmapAnswer,
  InboxAnswer,
  NotificationOut,
  ProgramOut,
  ReportAnswer,
  ReportVersionOut,
  ReviewItemOut,
  RiskMapAnswer,
  SummaryOut,
} from '../../../src/program/program.schemas.ts';

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

/** A program's header (src/program/tasks/tasks.service.ts presentProgram): the server's schema. */
export type Program = Answer<typeof ProgramOut>;

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

/** summarise() in program/dashboards/dashboards.service.ts; byStatus and byRating count every status and rating. */
export type Summary = Answer<typeof SummaryOut>;
export type Dashboard = Answer<typeof DashboardAnswer>;
export type SectionSummary = Dashboard['sections'][number];
export type ChildSummary = Dashboard['children'][number];
export type Heatmap = Answer<typeof HeatmapAnswer>;
export type RiskMap = Answer<typeof RiskMapAnswer>;

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

export type Evidence = Answer<typeof EvidenceOut>;
/** The database keeps a report's status and state as text; these are the values it holds. */
interface ReportStates {
  status: ReportStatus;
  state: 'submitted' | 'accepted' | 'returned';
}
/** GET /api/reports/:id; a row of GET /api/tasks/:id/reports also says how many earlier versions it has. */
export type Report = Omit<Answer<typeof ReportAnswer>, keyof ReportStates> &
  ReportStates & { earlierVersions?: number };
export type ReportVersion = Omit<Answer<typeof ReportVersionOut>, keyof ReportStates> & ReportStates;

/** A row of GET /api/reviews (program/reviews/reviews.service.ts); the official status is text, these values. */
type ReviewAnswerItem = Answer<typeof ReviewItemOut>;
export type ReviewItem = Omit<ReviewAnswerItem, keyof ReportStates | 'task'> &
  ReportStates & {
    task: Omit<ReviewAnswerItem['task'], 'official'> & { official: { progress: number; status: TaskStatus } };
  };
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

export type Notification = Answer<typeof NotificationOut>;
export type Inbox = Answer<typeof InboxAnswer>;
