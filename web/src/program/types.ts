// Shapes of the action-program API (src/program/*.routes.ts and the services'
// present* functions), all camelCase.

export const RATINGS = ['green', 'amber_green', 'amber', 'amber_red', 'red'] as const;
export type Rating = (typeof RATINGS)[number];
export const STATUSES = ['not_started', 'in_progress', 'done', 'done_late', 'overdue', 'suspended', 'cancelled'] as const;
export type TaskStatus = (typeof STATUSES)[number];
export type ReportStatus = 'not_started' | 'in_progress' | 'done' | 'suspended';
export type WarningKind = 'overdue' | 'at_risk' | 'due_soon_low_progress' | 'silent' | 'lacking_resources' | 'blocked';

export interface Bilingual { vi: string | null; en: string | null }

export interface Program {
  id: number; code: string; titleVi: string; titleEn: string | null; resolutionRef: string | null; issuingBody: string;
  periodStart: string; periodEnd: string; cadence: 'monthly' | 'quarterly'; reportGraceDays: number; escalationDays: number;
  currentVersion: number; isDemo: boolean;
}

/** summarise() in program.dashboards.service.ts. */
export interface Summary {
  total: number;
  byStatus: Record<TaskStatus, number>;
  /** The five levels plus 'unrated' (cancelled and suspended tasks). */
  byRating: Record<Rating | 'unrated', number>;
  atRisk: number; atRiskShare: number; rating: Rating; explanation: Bilingual;
}

export interface DashboardUnit { id: number; code: string; name: string; level: number; parent_id: number | null }
export interface SectionSummary extends Summary { sectionId: number; code: string; title: Bilingual }
export interface ChildSummary extends Summary { unitId: number; code: string; name: string; level: number }
export interface Dashboard extends Summary { unit: DashboardUnit; sections: SectionSummary[]; children: ChildSummary[] }

export interface Heatmap {
  sections: { sectionId: number; code: string; title: Bilingual }[];
  provinces: { unitId: number; code: string; name: string }[];
  cells: (Summary & { unitId: number; sectionId: number })[];
}

export interface RiskMap {
  provinces: { unitId: number; code: string; name: string; total: number; atRisk: number; atRiskShare: number; rating: Rating }[];
}

/** A row of /overdue, /at-risk and /my-tasks (presentListItem in program.dashboards.service.ts). */
export interface TaskListItem {
  taskId: number; taskCode: string; title: Bilingual; unitId: number; unitName: string;
  dueDate: string | null; status: TaskStatus; progress: number; rating: Rating | null; warningKinds: WarningKind[];
  ratingExplanation: Bilingual | null; lastReportDate: string | null; version: number;
}
export interface Paged<T> { items: T[]; total: number }

/** 'YYYY-MM'; due excludes cancelled tasks; atRisk = Amber/Red or Red; done = done or done late. */
export interface TimelineMonth { month: string; due: number; atRisk: number; done: number }
export interface Timeline { from: string; to: string; months: TimelineMonth[] }

export interface Deadline { kind: string; start: string | null; end: string | null; text: string | null }
export interface Funding { source: string | null; amountRequired: number | null; amountAllocated: number | null }

/** presentTask() in program.content.ts. */
export interface Task {
  id: number; programId: number; parentId: number | null; kind: 'section' | 'group' | 'task'; cascaded: boolean; code: string;
  titleVi: string | null; titleEn: string | null; descriptionVi: string | null; descriptionEn: string | null;
  unitId: number; unitName?: string; unitCode?: string; sectionId: number | null; leadAgencyId: number | null;
  deadline: Deadline | null; dueDate: string | null; startDate: string | null; status: TaskStatus; progress: number; doneDate: string | null;
  outputs: string[]; tags: string[]; rollupMode: string; weight: number; rating: Rating | null; ratingExplanation: Bilingual | null;
  warningKinds: WarningKind[]; lastReportDate: string | null; version: number; isDemo: boolean;
}

export interface TaskWarning {
  id: number; kind: WarningKind; severity: 'info' | 'warning' | 'critical'; message: Bilingual;
  facts: Record<string, unknown>; raisedAt: string; acknowledgedAt: string | null; escalatedAt: string | null;
}

export interface TaskDetail extends Task {
  coordinatingAgencyIds: number[]; funding: Funding[]; dependsOn: number[]; children: Task[]; warnings: TaskWarning[];
}

export interface Evidence { sha256: string; fileName: string; sizeBytes: number; mediaType: string }
export interface Report {
  id: number; taskId: number; reportDate: string; period: string; periodDue: string; progress: number; status: ReportStatus;
  narrative: string | null; obstacles: string | null; resourcesNeeded: string | null; state: 'submitted' | 'accepted' | 'returned';
  reviewComment: string | null; reviewedAt: string | null; submittedBy: string; submittedAt: string; late: boolean; version: number;
  evidence: Evidence[];
}

export interface Agency { id: number; kind: string; name: string; nameEn: string | null }

export interface Notification {
  id: number; kind: string; title: Bilingual; body: Bilingual; entity: string; entityId: number; createdAt: string; readAt: string | null;
}
export interface Inbox { unread: number; items: Notification[] }
