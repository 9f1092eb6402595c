// Shapes of the action-program API, all camelCase: the types of the server's response schemas
// (src/program/program.schemas.ts and each capability's *.schemas.ts), never copies of them.
import type { Answer } from '../../../src/platform/schemas.ts';
import type {
  BulkAcceptAnswer,
  DashboardAnswer,
  EvidenceOut,
  HeatmapAnswer,
  InboxAnswer,
  NotificationOut,
  ProgramOut,
  ReportAnswer,
  ReportVersionOut,
  ReviewItemOut,
  ReviewCountAnswer,
  ReviewQueueAnswer,
  RiskMapAnswer,
  SummaryOut,
} from '../../../src/program/program.schemas.ts';
import type {
  FundingOut,
  ReportedOut,
  TaskCanOut,
  TaskDetailAnswer,
  TaskListAnswer,
  TaskOut,
  TaskWarningOut,
  TitleOut,
} from '../../../src/program/tasks/tasks.schemas.ts';
import type { TaskPageAnswer, TimelineAnswer } from '../../../src/program/dashboards/dashboards.schemas.ts';
import type { ChangeRequestOut } from '../../../src/program/requests/requests.schemas.ts';
import type { AgenciesAnswer } from '../../../src/units/units.schemas.ts';

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
export type ReportStatus = Report['status'];
export type WarningKind = Task['warningKinds'][number];

/** Titles as stored: either language may be missing. */
export type Bilingual = Answer<typeof TitleOut>;

/** A program's header (src/program/tasks/tasks.service.ts presentProgram). */
export type Program = Answer<typeof ProgramOut>;

/**
 * A task's "reported" figures (presentReported in program/tasks/tasks.content.ts): the latest report awaiting review, not
 * official until the level above accepts it, and the review deadline of the oldest one waiting. Null: none waits.
 */
export type Reported = NonNullable<Answer<typeof ReportedOut>>;

/** summarise() in program/dashboards/dashboards.service.ts; byStatus and byRating count every status and rating. */
export type Summary = Answer<typeof SummaryOut>;
export type Dashboard = Answer<typeof DashboardAnswer>;
export type SectionSummary = Dashboard['sections'][number];
export type ChildSummary = Dashboard['children'][number];
export type Heatmap = Answer<typeof HeatmapAnswer>;
export type RiskMap = Answer<typeof RiskMapAnswer>;

/** A page of /overdue, /at-risk and /my-tasks, and one of its rows (presentListItem in program/dashboards/dashboards.service.ts). */
export type TaskPage = Answer<typeof TaskPageAnswer>;
export type TaskListItem = TaskPage['items'][number];

/** 'YYYY-MM'; due excludes cancelled tasks; atRisk = Amber/Red or Red; done = done or done late. */
export type Timeline = Answer<typeof TimelineAnswer>;
export type TimelineMonth = Timeline['months'][number];

export type Funding = Answer<typeof FundingOut>;

/** presentTask() in program/tasks/tasks.content.ts: a whole task. */
export type Task = Answer<typeof TaskOut>;
export type Deadline = NonNullable<Task['deadline']>;
/** GET /api/programs/:id/tasks: a page of task rows (the columns a list reads, with the unit's name and code). */
export type TaskList = Answer<typeof TaskListAnswer>;
export type TaskRow = TaskList['items'][number];
export type TaskWarning = Answer<typeof TaskWarningOut>;
/** What the caller may do on a task: taskRights() in src/program/program.rights.ts, the rules the server enforces. */
export type TaskCan = Answer<typeof TaskCanOut>;
/** GET /api/tasks/:id; `assignedBy` assigned the task (owns its definition), `reviewedBy` reviews its reports. */
export type TaskDetail = Answer<typeof TaskDetailAnswer>;

export type Evidence = Answer<typeof EvidenceOut>;
/** GET /api/reports/:id; a row of GET /api/tasks/:id/reports also says how many earlier versions it has. */
export type Report = Answer<typeof ReportAnswer> & { earlierVersions?: number };
export type ReportVersion = Answer<typeof ReportVersionOut>;

/** A row of GET /api/reviews (program/reviews/reviews.service.ts), and a page of the queue. */
export type ReviewItem = Answer<typeof ReviewItemOut>;
export type ReviewQueue = Answer<typeof ReviewQueueAnswer>;
export type BulkAcceptResult = Answer<typeof BulkAcceptAnswer>;
/** GET /api/reviews/count: reports awaiting the caller's review, and how many are past their review date. */
export type ReviewCount = Answer<typeof ReviewCountAnswer>;

/** GET /api/change-requests and /api/tasks/:id/change-requests (program/requests/requests.service.ts). */
export type ChangeRequest = Answer<typeof ChangeRequestOut>;
export type ChangeKind = ChangeRequest['kind'];

/** An agency of a unit (GET /api/units/:id/agencies): the lead and coordinating agencies a task names. */
export type Agency = Answer<typeof AgenciesAnswer>['items'][number];

export type Notification = Answer<typeof NotificationOut>;
export type Inbox = Answer<typeof InboxAnswer>;
