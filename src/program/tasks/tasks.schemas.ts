// What the task operations answer (tasks, amendments, cascade, as-of content, history, document preview and
// import), camelCase; the web app takes its types from here (Answer<typeof …>). Text columns with a CHECK
// constraint in migrations 0004/0016 (status, rating, kinds, rollup mode) are enums: the serializer validates every
// answer against these schemas, so a value outside the constraint could only come from a new migration.
import { z } from 'zod';
import { Day, MessageOut, Timestamp } from '../../platform/schemas.ts';
import {
  AMENDMENT_KINDS,
  FUNDING_SOURCES,
  OUTPUT_KINDS,
  ProgramDetailAnswer,
  ProgramOut,
  RATING_VALUES,
  REPORT_STATUSES,
  STATUSES,
} from '../program.schemas.ts';

export const TASK_KINDS = ['part', 'section', 'group', 'task', 'text'] as const;
export const ROLLUP_MODES = ['average', 'weighted', 'all_must_finish'] as const;
export const PERIOD_KINDS = ['year', 'half', 'quarter', 'month', 'date', 'range'] as const;
export const WARNING_KINDS = [
  'overdue',
  'at_risk',
  'due_soon_low_progress',
  'silent',
  'lacking_resources',
  'blocked',
  'review_overdue',
] as const;

/** Titles as stored: either language may be missing (the screen says which one it shows). */
export const TitleOut = z.object({ vi: z.string().nullable(), en: z.string().nullable() });
/** A unit named in a chain (who assigned a task, who reviews it). */
export const UnitRefOut = z.object({ id: z.number().int(), name: z.string() });
/** A task's deadline as stored: the period's kind, first and last day, and the phrase it was read from. */
export const DeadlineOut = z.object({
  kind: z.enum(PERIOD_KINDS),
  start: Day.nullable(),
  end: Day.nullable(),
  text: z.string().nullable(),
});
export const FundingOut = z.object({
  source: z.enum(FUNDING_SOURCES).nullable(),
  amountRequired: z.number().nullable(),
  amountAllocated: z.number().nullable(),
});

/**
 * The task's "reported" figures (tasks.content.ts presentReported): the latest report awaiting review, not official
 * until the level above accepts it, and the review deadline of the oldest one waiting. Null when none waits.
 */
export const ReportedOut = z
  .object({
    reportId: z.number().int(),
    progress: z.number(),
    status: z.enum(REPORT_STATUSES),
    reportDate: Day,
    reviewDue: Day,
  })
  .nullable();

/** What every task row carries (tasks.content.ts presentTaskRow): the columns a list reads. */
const TaskRowFields = {
  id: z.number().int(),
  programId: z.number().int(),
  parentId: z.number().int().nullable(),
  kind: z.enum(TASK_KINDS),
  cascaded: z.boolean(),
  code: z.string(),
  titleVi: z.string().nullable(),
  titleEn: z.string().nullable(),
  unitId: z.number().int(),
  sectionId: z.number().int().nullable(),
  leadAgencyId: z.number().int().nullable(),
  deadline: DeadlineOut.nullable(),
  dueDate: Day.nullable(),
  /** Official figures: they follow accepted reports only. */
  status: z.enum(STATUSES),
  progress: z.number(),
  rating: z.enum(RATING_VALUES).nullable(),
  warningKinds: z.array(z.enum(WARNING_KINDS)),
  lastReportDate: Day.nullable(),
  rollupMode: z.enum(ROLLUP_MODES),
  version: z.number().int(),
  isDemo: z.boolean(),
  reported: ReportedOut,
};
/** A row of GET /programs/:id/tasks: the task with its unit's name and code. */
export const TaskRowOut = z.object({ ...TaskRowFields, unitName: z.string(), unitCode: z.string() });
/** A whole task (tasks.content.ts presentTask); the unit's name and code only where the row was read with them. */
export const TaskOut = z.object({
  ...TaskRowFields,
  unitName: z.string().optional(),
  unitCode: z.string().optional(),
  descriptionVi: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  startDate: Day.nullable(),
  doneDate: Day.nullable(),
  outputs: z.array(z.enum(OUTPUT_KINDS)),
  tags: z.array(z.string()),
  weight: z.number(),
  /** Why the task has its rating, in both languages; null until the engine first judged it. */
  ratingExplanation: MessageOut.nullable(),
});

/** GET /programs/:id/tasks: a page of the tasks in the caller's scope, and their total. */
export const TaskListAnswer = z.object({ total: z.number().int(), items: z.array(TaskRowOut) });

/** An open warning on a task, as its page shows it; `facts` are the figures that raised it. */
export const TaskWarningOut = z.object({
  id: z.number().int(),
  kind: z.enum(WARNING_KINDS),
  severity: z.enum(['info', 'warning', 'critical']),
  message: MessageOut,
  facts: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  raisedAt: Timestamp,
  acknowledgedAt: Timestamp.nullable(),
  escalatedAt: Timestamp.nullable(),
});
/** What the caller may do on a task (program.rights.ts taskRights): the rules the services enforce. */
export const TaskCanOut = z.object({
  report: z.boolean(),
  adjust: z.boolean(),
  cancel: z.boolean(),
  cascade: z.boolean(),
  requestChange: z.boolean(),
  review: z.boolean(),
});
/** GET /tasks/:id: the task, its funding, its children in scope, its open warnings, who assigned and reviews it. */
export const TaskDetailAnswer = TaskOut.extend({
  coordinatingAgencyIds: z.array(z.number().int()),
  funding: z.array(FundingOut),
  dependsOn: z.array(z.number().int()),
  assignedBy: UnitRefOut.nullable(),
  reviewedBy: UnitRefOut.nullable(),
  can: TaskCanOut,
  children: z.array(TaskOut),
  warnings: z.array(TaskWarningOut),
});

/** POST /tasks/:id/cascade: the task, how many units got a copy, how many had one, those without a people's committee. */
export const CascadeAnswer = z.object({
  task: TaskOut,
  created: z.number().int(),
  skipped: z.number().int(),
  withoutCommittee: z.array(z.number().int()),
});

/** A task's content as one dated version keeps it (tasks.content.ts contentOf): what an amendment changes. */
export const TaskContentOut = z.object({
  code: z.string(),
  kind: z.enum(TASK_KINDS),
  unitId: z.number().int(),
  titleVi: z.string().nullable(),
  titleEn: z.string().nullable(),
  descriptionVi: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  leadAgencyId: z.number().int().nullable(),
  coordinatingAgencyIds: z.array(z.number().int()),
  deadline: z.object({ kind: z.enum(PERIOD_KINDS), start: Day, end: Day, text: z.string().nullable() }).nullable(),
  startDate: Day.nullable(),
  funding: z.array(FundingOut),
  outputs: z.array(z.enum(OUTPUT_KINDS)),
  tags: z.array(z.string()),
  dependsOn: z.array(z.number().int()),
  rollupMode: z.enum(ROLLUP_MODES),
  weight: z.number(),
  cancelled: z.boolean(),
});

/**
 * GET /programs/:id/as-of: the program with the amendments in force on the date, and each item in force as it
 * reaches the caller. `inScope` false: an item above the caller's own tasks, sent only to place them.
 */
export const AsOfAnswer = z.object({
  program: ProgramDetailAnswer,
  asOf: Day,
  items: z.array(
    TaskContentOut.extend({
      taskId: z.number().int(),
      parentId: z.number().int().nullable(),
      cascaded: z.boolean(),
      unitName: z.string().nullable(),
      inScope: z.boolean(),
      validFrom: Day,
      validTo: Day.nullable(),
    }),
  ),
});

/** GET /tasks/:id/history: each dated version of the task with the amendment that made it. */
export const TaskHistoryAnswer = z.object({
  items: z.array(
    z.object({
      validFrom: Day,
      validTo: Day.nullable(),
      versionNo: z.number().int(),
      kind: z.enum(AMENDMENT_KINDS),
      decisionRef: z.string().nullable(),
      reason: z.string().nullable(),
      actor: z.string(),
      /** The approved change request this amendment applied, if any. */
      changeRequestId: z.number().int().nullable(),
      content: TaskContentOut,
    }),
  ),
});

// ---- Program documents (parse/document.types.ts) ----

export const ParseCountsOut = z.object({
  parts: z.number().int(),
  items: z.number().int(),
  subitems: z.number().int(),
  bullets: z.number().int(),
  footnotes: z.number().int(),
  appendices: z.number().int(),
  paragraphs: z.number().int(),
});
export const UnrecognisedLineOut = z.object({
  line: z.number().int(),
  text: z.string(),
  reason: z.string(),
  reasonVi: z.string(),
});
/** A node of the parsed tree: the marker and line as written, its children, and what the text was read to say. */
export interface ParsedNodeOut {
  kind: 'part' | 'item' | 'subitem' | 'bullet' | 'footnote' | 'appendix' | 'paragraph';
  marker: string;
  path: string;
  title: string;
  text: string;
  line: number;
  children: ParsedNodeOut[];
  deadline?: { kind: (typeof PERIOD_KINDS)[number]; start: string; end: string; text: string };
  leadAgencyText?: string;
  outputs?: (typeof OUTPUT_KINDS)[number][];
  footnoteRefs?: string[];
}
export const ParsedNodeOut: z.ZodType<ParsedNodeOut> = z.lazy(() =>
  z.object({
    kind: z.enum(['part', 'item', 'subitem', 'bullet', 'footnote', 'appendix', 'paragraph']),
    marker: z.string(),
    path: z.string(),
    title: z.string(),
    text: z.string(),
    line: z.number().int(),
    children: z.array(ParsedNodeOut),
    deadline: z.object({ kind: z.enum(PERIOD_KINDS), start: Day, end: Day, text: z.string() }).optional(),
    leadAgencyText: z.string().optional(),
    outputs: z.array(z.enum(OUTPUT_KINDS)).optional(),
    footnoteRefs: z.array(z.string()).optional(),
  }),
);
/** POST /programs/preview: the tree as recognised, its counts, impossible dates, unplaced lines and notes; saves nothing. */
export const PreviewAnswer = z.object({
  lang: z.enum(['en', 'vi']),
  tree: z.array(ParsedNodeOut),
  counts: ParseCountsOut,
  /** Each impossible date with its line; empty when the document can be imported. */
  errors: z.array(
    z.object({ line: z.number().int(), text: z.string(), phrase: z.string(), error: z.string(), errorVi: z.string() }),
  ),
  unrecognised: z.array(UnrecognisedLineOut),
  notes: z.array(z.object({ line: z.number().int(), note: z.string(), noteVi: z.string() })),
});
/** POST /programs/import (201): the new program, the tasks created per kind, what the parser counted and could not place. */
export const ImportAnswer = z.object({
  program: ProgramOut,
  counts: z.record(z.string(), z.number().int()),
  parsedCounts: ParseCountsOut,
  unrecognised: z.array(UnrecognisedLineOut),
});
