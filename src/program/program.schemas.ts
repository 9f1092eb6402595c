// Request and response shapes of the action-program API, shared by routes, the CLI and the web app (types only).
import { z } from 'zod';
import { Day, IsoDate, MessageOut, MoneyVnd, Timestamp, Version, Weight } from '../platform/schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
export const OUTPUT_KINDS = [
  'law',
  'resolution',
  'decree',
  'regulation',
  'scheme',
  'project',
  'program',
  'plan',
  'report',
  'system',
  'other',
] as const;
export const FUNDING_SOURCES = ['central_budget', 'local_budget', 'oda', 'private', 'other'] as const;
export const STATUSES = [
  'not_started',
  'in_progress',
  'done',
  'done_late',
  'overdue',
  'suspended',
  'cancelled',
] as const;
export const RATING_VALUES = ['green', 'amber_green', 'amber', 'amber_red', 'red'] as const;
/** The status a report gives its task, and where a report stands (CHECK constraints of migration 0004). */
export const REPORT_STATUSES = ['not_started', 'in_progress', 'done', 'suspended'] as const;
export const REPORT_STATES = ['submitted', 'accepted', 'returned'] as const;
/** What made a program version (CHECK constraint of migrations 0004 and 0011). */
export const AMENDMENT_KINDS = ['import', 'add', 'adjust', 'cancel', 'cascade', 'tasklist'] as const;

export const ProgramMeta = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{2,60}$/, 'mã chỉ gồm chữ, số, . _ - / letters, digits, . _ - only'),
    titleVi: text(500),
    titleEn: text(500).optional(),
    resolutionRef: text(300).optional(),
    issuingBody: text(300),
    periodStart: IsoDate,
    periodEnd: IsoDate,
    cadence: z.enum(['monthly', 'quarterly']).default('quarterly'),
    reportGraceDays: z.number().int().min(0).max(60).default(10),
    escalationDays: z.number().int().min(1).max(365).default(14),
    /** Working days (weekends and public holidays excluded) the level above has to review a report; 5 when not given. */
    reviewDays: z.number().int().min(1).max(60).optional(),
  })
  .refine((p) => p.periodEnd >= p.periodStart, 'periodEnd trước periodStart / periodEnd is before periodStart');
export type ProgramMetaInput = z.infer<typeof ProgramMeta>;

export const ProgramSettingsBody = z.object({ reviewDays: z.number().int().min(1).max(60) }).strict();

// The text's length is checked by the parse (DOCUMENT_MAX_CHARS), whose refusal names the limit and the document's figure.
export const PreviewBody = z.object({ text: z.string().min(1) });
export const ImportBody = z.object({
  program: ProgramMeta,
  text: z.string().min(1),
  language: z.enum(['vi', 'en']).default('vi'),
  effectiveDate: IsoDate,
  decisionRef: text(300).optional(),
});

export const PeriodInput = z
  .object({
    kind: z.enum(['year', 'half', 'quarter', 'month', 'date', 'range']),
    start: IsoDate,
    end: IsoDate,
    text: z.string().max(300).optional(),
  })
  .refine((p) => p.end >= p.start, 'end trước start / end is before start');
export const DeadlineInput = z.union([PeriodInput, z.object({ phrase: text(300) })]);

export const FundingInput = z.object({
  source: z.enum(FUNDING_SOURCES).nullable(),
  amountRequired: MoneyVnd.nullable().default(null),
  amountAllocated: MoneyVnd.nullable().default(null),
  note: z.string().max(500).optional(),
});

const TaskFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.@_~-]{1,80}$/)
    .optional(),
  titleVi: text(2000).optional(),
  titleEn: text(2000).optional(),
  descriptionVi: z.string().max(20000).nullable().optional(),
  descriptionEn: z.string().max(20000).nullable().optional(),
  leadAgencyId: z.number().int().positive().nullable().optional(),
  coordinatingAgencyIds: z.array(z.number().int().positive()).max(100).optional(),
  deadline: DeadlineInput.nullable().optional(),
  startDate: IsoDate.nullable().optional(),
  funding: z.array(FundingInput).max(50).optional(),
  outputs: z.array(z.enum(OUTPUT_KINDS)).max(20).optional(),
  tags: z.array(text(60)).max(30).optional(),
  dependsOn: z.array(z.number().int().positive()).max(50).optional(),
  rollupMode: z.enum(['average', 'weighted', 'all_must_finish']).optional(),
  weight: Weight.optional(),
};
export const TaskChanges = z.object(TaskFields).strict();
export type TaskChangesInput = z.infer<typeof TaskChanges>;

const Amendment = { decisionRef: text(300), reason: text(2000), effectiveDate: IsoDate };
export const AddTaskBody = z
  .object({
    ...Amendment,
    parentId: z.number().int().positive(),
    kind: z.enum(['section', 'group', 'task']).default('task'),
    task: TaskChanges,
  })
  .strict();
export const AdjustTaskBody = z.object({ ...Amendment, version: Version, changes: TaskChanges }).strict();
export const CancelTaskBody = z.object({ ...Amendment, version: Version }).strict();

export const CascadeBody = z
  .object({
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('all_provinces') }),
      z.object({ kind: z.literal('communes_of'), provinceId: z.number().int().positive() }),
      z.object({ kind: z.literal('units'), unitIds: z.array(z.number().int().positive()).min(1).max(5000) }),
    ]),
    rollupMode: z.enum(['average', 'weighted', 'all_must_finish']).optional(),
    asOf: IsoDate.optional(),
    // Optional, so existing callers keep working: the decision that orders the assignment and why (else a generated reason).
    decisionRef: text(300).optional(),
    reason: text(2000).optional(),
  })
  .strict();
export type CascadeInput = z.infer<typeof CascadeBody>;

export const EvidenceInput = z.object({
  fileName: text(255),
  mediaType: z.string().trim().max(120).default('application/octet-stream'),
  contentBase64: z.string().max(14_000_000, 'tệp minh chứng tối đa 10 MB / an evidence file may have at most 10 MB'),
});
const PROGRESS_RANGE = 'Tiến độ phải từ 0 đến 100 (%) / progress must be between 0 and 100 (%)';
const ReportFields = {
  progress: z.number().min(0, PROGRESS_RANGE).max(100, PROGRESS_RANGE),
  status: z.enum(['not_started', 'in_progress', 'done', 'suspended']),
  narrative: z.string().max(20000).nullable().optional(),
  obstacles: z.string().max(20000).nullable().optional(),
  resourcesNeeded: z.string().max(20000).nullable().optional(),
};
/** A client key (or the Idempotency-Key header) makes a submission idempotent: the same key on the task returns the first report. */
export const ClientKey = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'khóa chỉ gồm ký tự ASCII in được / printable ASCII only');
export const ReportBody = z
  .object({
    reportDate: IsoDate.optional(),
    ...ReportFields,
    evidence: z.array(EvidenceInput).max(10).optional(),
    clientKey: ClientKey.optional(),
  })
  .strict();
export type ReportInput = z.infer<typeof ReportBody>;
export const ReportPatchBody = z
  .object({
    version: Version,
    progress: ReportFields.progress.optional(),
    status: ReportFields.status.optional(),
    narrative: ReportFields.narrative,
    obstacles: ReportFields.obstacles,
    resourcesNeeded: ReportFields.resourcesNeeded,
  })
  .strict();
export type ReportPatch = z.infer<typeof ReportPatchBody>;
export const ReviewBody = z.object({ version: Version, comment: z.string().trim().max(5000).optional() }).strict();
/** The assignee's request to the assigning level: a later deadline, funding, a cancellation or another change, with its reason. */
export const ChangeRequestBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deadline'), reason: text(5000), deadline: DeadlineInput }).strict(),
  z.object({ kind: z.literal('funding'), reason: text(5000), funding: z.array(FundingInput).min(1).max(50) }).strict(),
  z.object({ kind: z.literal('cancel'), reason: text(5000) }).strict(),
  z.object({ kind: z.literal('other'), reason: text(5000) }).strict(),
]);
export type ChangeRequestInput = z.infer<typeof ChangeRequestBody>;
/** Approve (decisionRef required; `changes` only for an "other" request), refuse (comment required) or withdraw. */
export const DecideRequestBody = z
  .object({
    version: Version,
    decisionRef: text(300).optional(),
    comment: z.string().trim().max(5000).optional(),
    effectiveDate: IsoDate.optional(),
    changes: TaskChanges.optional(),
  })
  .strict();
export type DecideRequestInput = z.infer<typeof DecideRequestBody>;
export const ChangeRequestListQuery = z.object({
  programId: z.coerce.number().int().positive().optional(),
  side: z.enum(['to_decide', 'mine', 'all']).default('all'),
  state: z.enum(['pending', 'approved', 'refused', 'withdrawn', 'all']).default('pending'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ReviewQueueQuery = z.object({
  programId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  period: z
    .string()
    .trim()
    .regex(/^\d{4}-(Q[1-4]|\d{2})$/, 'kỳ dạng 2026-Q1 hoặc 2026-03 / period like 2026-Q1 or 2026-03')
    .optional(),
  lateness: z.enum(['submission', 'review']).optional(),
  scope: z.enum(['mine', 'all']).default('mine'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const BulkAcceptBody = z
  .object({
    items: z
      .array(z.object({ id: z.number().int().positive(), version: Version }).strict())
      .min(1)
      .max(200),
    comment: z.string().trim().max(5000).optional(),
  })
  .strict();
export const WarningActionBody = z.object({ comment: z.string().trim().max(2000).optional() }).strict();

export const IdParams = z.object({ id: z.coerce.number().int().positive() });
export const AsOfQuery = z.object({ asOf: IsoDate.optional() });
const Page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
export const TaskListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  parentId: z.coerce.number().int().positive().optional(),
  roots: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  status: z.enum(STATUSES).optional(),
  rating: z.enum(RATING_VALUES).optional(),
  q: z.string().trim().max(200).optional(),
  ...Page,
});
export const WarningListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  open: z.enum(['true', 'false']).default('true'),
  ...Page,
});
export const DashboardQuery = z.object({ unitId: z.coerce.number().int().positive().optional() });
export const ListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  asOf: IsoDate.optional(),
  ...Page,
});
export const TimelineQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

/** POST /programs/:id/tasklist (multipart/form-data): the form's fields beside the Excel task list in the part "file". */
export const TaskListImportFields = z
  .object({
    decisionRef: text(300),
    reason: text(2000),
    effectiveDate: IsoDate.optional(),
    dryRun: z.stringbool().default(false).describe('"true": apply and roll back, to see what would change'),
  })
  .strict();

// ---- Responses ----
// What the operations answer (the services' present* functions), camelCase; the web app takes its types from here.

/** A program's header (tasks/tasks.service.ts presentProgram). */
export const ProgramOut = z.object({
  id: z.number().int(),
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  resolutionRef: z.string().nullable(),
  issuingBody: z.string(),
  periodStart: Day,
  periodEnd: Day,
  /** 'monthly' or 'quarterly' (text in the database). */
  cadence: z.string(),
  reportGraceDays: z.number().int(),
  reviewDays: z.number().int(),
  escalationDays: z.number().int(),
  currentVersion: z.number().int(),
  isDemo: z.boolean(),
});
export const ProgramsAnswer = z.object({ items: z.array(ProgramOut) });
/** GET /programs/:id: the header, its amendments in order, and what the caller may do on it. */
export const ProgramDetailAnswer = ProgramOut.extend({
  amendments: z.array(
    z.object({
      id: z.number().int(),
      versionNo: z.number().int(),
      kind: z.enum(AMENDMENT_KINDS),
      decisionRef: z.string().nullable(),
      reason: z.string().nullable(),
      effectiveDate: Day,
      actor: z.string(),
      createdAt: Timestamp,
    }),
  ),
  can: z.object({ addTask: z.boolean() }),
});

/** GET /reviews/count: reports awaiting the caller's review, and how many of them are past their review date. */
export const ReviewCountAnswer = z.object({ total: z.number().int(), overdue: z.number().int() });

/** Counts of tasks and their rollup rating (dashboards/dashboards.service.ts summarise). */
const SummaryFields = {
  /** Every task counted; `rated` of them are rated (the rest, `unrated`, are cancelled or suspended). */
  total: z.number().int(),
  rated: z.number().int(),
  unrated: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  /** The five levels plus 'unrated' (cancelled and suspended tasks). */
  byRating: z.record(z.string(), z.number().int()),
  /** Rated tasks at Amber/Red or Red, and their share of the rated ones (exact; the screen rounds). */
  atRisk: z.number().int(),
  atRiskShare: z.number(),
  rating: z.enum(RATING_VALUES),
  explanation: MessageOut,
};
export const SummaryOut = z.object(SummaryFields);
/** A section of the program (a top-level task); its titles as stored, either may be missing. */
const SectionRef = {
  sectionId: z.number().int(),
  code: z.string(),
  title: z.object({ vi: z.string().nullable(), en: z.string().nullable() }),
};
/** GET /programs/:id/dashboard: a unit's summary, by section of the program and by unit right under it. */
export const DashboardAnswer = z.object({
  /** The unit shown, and the one above it (null for the country). */
  unit: z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    level: z.number().int(),
    parentId: z.number().int().nullable(),
  }),
  ...SummaryFields,
  sections: z.array(z.object({ ...SectionRef, ...SummaryFields })),
  children: z.array(
    z.object({
      unitId: z.number().int(),
      code: z.string(),
      name: z.string(),
      level: z.number().int(),
      ...SummaryFields,
    }),
  ),
});
const ProvinceRef = { unitId: z.number().int(), code: z.string(), name: z.string() };
/** GET /programs/:id/heatmap: provinces × sections of the program. */
export const HeatmapAnswer = z.object({
  sections: z.array(z.object(SectionRef)),
  provinces: z.array(z.object(ProvinceRef)),
  cells: z.array(z.object({ unitId: z.number().int(), sectionId: z.number().int(), ...SummaryFields })),
});
/** GET /programs/:id/risk-map: the share of rated tasks at risk per province. */
export const RiskMapAnswer = z.object({
  provinces: z.array(
    z.object({
      ...ProvinceRef,
      total: z.number().int(),
      rated: z.number().int(),
      atRisk: z.number().int(),
      atRiskShare: z.number(),
      rating: z.enum(RATING_VALUES),
    }),
  ),
});

/** A notification of the caller's (events/events.inbox.ts). */
export const NotificationOut = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: MessageOut,
  body: MessageOut,
  /** What it is about: a table name and the row's id (a task_report, a task…). */
  entity: z.string(),
  entityId: z.number().int(),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});
/** GET /inbox: the latest notifications, and how many are unread in all. */
export const InboxAnswer = z.object({ unread: z.number().int(), items: z.array(NotificationOut) });
/** POST /inbox/:id/read. */
export const MarkReadAnswer = z.object({ id: z.number().int(), read: z.boolean() });

/** An evidence file of a report: its name, size and type as uploaded; the content is GET /reports/:id/evidence/:sha256. */
export const EvidenceOut = z.object({
  sha256: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.string(),
});
/** A progress report (reports/reports.store.ts presentReport). */
export const ReportOut = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  reportDate: Day,
  period: z.string(),
  periodDue: Day,
  progress: z.number(),
  /** The task's status as the report gives it. */
  status: z.enum(REPORT_STATUSES),
  narrative: z.string().nullable(),
  obstacles: z.string().nullable(),
  resourcesNeeded: z.string().nullable(),
  /** submitted (awaiting review), accepted or returned. */
  state: z.enum(REPORT_STATES),
  reviewComment: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  submittedBy: z.string(),
  submittedAt: Timestamp,
  late: z.boolean(),
  version: z.number().int(),
  reviewDue: Day.nullable(),
  /** The unit whose writers review it. */
  reviewerUnitId: z.number().int().nullable(),
  evidence: z.array(EvidenceOut),
});
/** What the caller may do on a report (program.rights.ts reportRights). */
const ReportCan = z.object({ edit: z.boolean(), review: z.boolean() });
/** GET /reports/:id. */
export const ReportAnswer = ReportOut.extend({ can: ReportCan });
/** GET /tasks/:id/reports: newest first, with how many earlier versions each one's edits replaced. */
export const TaskReportsAnswer = z.object({
  items: z.array(ReportOut.extend({ earlierVersions: z.number().int(), can: ReportCan })),
});
/** A version an author's edit replaced (reports/reports.store.ts presentVersion). */
export const ReportVersionOut = z.object({
  version: z.number().int(),
  reportDate: Day,
  progress: z.number(),
  status: z.enum(REPORT_STATUSES),
  narrative: z.string().nullable(),
  obstacles: z.string().nullable(),
  resourcesNeeded: z.string().nullable(),
  state: z.enum(REPORT_STATES),
  reviewComment: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  submittedBy: z.string(),
  submittedAt: Timestamp,
  supersededAt: Timestamp,
});
/** GET /reports/:id/versions: the report as it is now, and the versions it replaced, newest first. */
export const ReportVersionsAnswer = z.object({ current: ReportAnswer, items: z.array(ReportVersionOut) });

/** A row of GET /reviews (reviews/reviews.service.ts reviewQueue): the report, its task and how long it has waited. */
export const ReviewItemOut = ReportOut.extend({
  task: z.object({
    id: z.number().int(),
    code: z.string(),
    title: z.object({ vi: z.string().nullable(), en: z.string().nullable() }),
    unitId: z.number().int(),
    unitName: z.string(),
    programId: z.number().int(),
    /** The task's official figures (the last accepted report's), beside the reported ones. */
    official: z.object({ progress: z.number(), status: z.enum(STATUSES) }),
  }),
  waitingWorkingDays: z.number().int(),
  reviewOverdue: z.boolean(),
  can: ReportCan,
});
/** GET /reviews: a page of the queue, its total and how many of them are past their review date. */
export const ReviewQueueAnswer = z.object({
  total: z.number().int(),
  overdue: z.number().int(),
  items: z.array(ReviewItemOut),
});

/** POST /reviews/accept: each report accepted on its own (one stale or refused report holds back no other). */
export const BulkAcceptAnswer = z.object({
  accepted: z.number().int(),
  refused: z.number().int(),
  results: z.array(
    z.discriminatedUnion('ok', [
      z.object({ id: z.number().int(), ok: z.literal(true), state: z.enum(REPORT_STATES), version: z.number().int() }),
      /** `status` is the HTTP status a single acceptance would have answered, `error` its reason. */
      z.object({ id: z.number().int(), ok: z.literal(false), status: z.number().int(), error: MessageOut }),
    ]),
  ),
});
