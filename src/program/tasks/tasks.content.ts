// A task's content as versioned (what an amendment changes) and as presented.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../platform/db/db-schema.ts';
import type { TaskRow } from './tasks.store.ts';
import { coordinatorsOf, dependenciesOf, fundingOf } from './tasks.store.ts';
import { byTask } from '../warnings/warnings.store.ts';
import type { Message } from '../../platform/errors.ts';
import type {
  FundingSource,
  OutputKind,
  Period,
  Rating,
  RollupMode,
  TaskStatus,
  WarningKind,
} from '../program.types.ts';
import type { TASK_KINDS, TaskContentOut } from './tasks.schemas.ts';
import type { REPORT_STATUSES } from '../program.schemas.ts';

type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A task's content as a dated version keeps it: the shape tasks.schemas.ts TaskContentOut declares. */
export type TaskContent = z.output<typeof TaskContentOut>;

export function contentOf(
  t: TaskRow,
  extra: { coordinators: number[]; funding: TaskContent['funding']; dependsOn: number[] },
): TaskContent {
  return {
    code: t.code,
    kind: t.kind as TaskContent['kind'],
    unitId: t.unit_id,
    titleVi: t.title_vi,
    titleEn: t.title_en,
    descriptionVi: t.description_vi,
    descriptionEn: t.description_en,
    leadAgencyId: t.lead_agency_id,
    coordinatingAgencyIds: extra.coordinators,
    deadline:
      t.deadline_kind && t.deadline_start && t.due_date
        ? {
            kind: t.deadline_kind as Period['kind'],
            start: t.deadline_start,
            end: t.due_date,
            text: t.deadline_text,
          }
        : null,
    startDate: t.start_date,
    funding: extra.funding,
    outputs: t.outputs as OutputKind[],
    tags: t.tags,
    dependsOn: extra.dependsOn,
    rollupMode: t.rollup_mode as RollupMode,
    weight: t.weight,
    cancelled: t.status === 'cancelled',
  };
}

/** Content of one task read back from its tables (after a change, for the new version). */
export async function loadContent(db: Kysely<Database>, t: TaskRow): Promise<TaskContent> {
  return (await loadContents(db, [t]))[0].content;
}

/** Content of many tasks at once, in slices (the cascaded copies an amendment carries its dates down to). */
export async function loadContents(
  db: Kysely<Database>,
  rows: TaskRow[],
): Promise<{ taskId: number; content: TaskContent }[]> {
  const out: { taskId: number; content: TaskContent }[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const slice = rows.slice(i, i + 2000),
      ids = slice.map((t) => t.id);
    const [c, f, d] = await Promise.all([coordinatorsOf(db, ids), fundingOf(db, ids), dependenciesOf(db, ids)]);
    const coordinators = byTask(c),
      funding = byTask(f),
      deps = byTask(d);
    for (const t of slice) {
      out.push({
        taskId: t.id,
        content: contentOf(t, {
          coordinators: (coordinators.get(t.id) ?? []).map((c) => c.id),
          funding: (funding.get(t.id) ?? []).map((f) => ({
            source: f.source as FundingSource | null,
            amountRequired: f.amount_required,
            amountAllocated: f.amount_allocated,
          })),
          dependsOn: (deps.get(t.id) ?? []).map((d) => d.id),
        }),
      });
    }
  }
  return out;
}

// The text columns below are typed by their CHECK constraints (migrations 0004, 0016); the response schemas
// (tasks.schemas.ts) name the same values and the serializer checks every answer against them.
type TaskText = {
  kind: (typeof TASK_KINDS)[number];
  status: TaskStatus;
  rating: Rating | null;
  warningKinds: WarningKind[];
  rollupMode: RollupMode;
};

/** The columns every task list reads (tasks.store.ts TASK_LIST_COLUMNS), as a list row shows them. */
export function presentTaskRow(
  t: Pick<
    TaskRow,
    | 'id'
    | 'program_id'
    | 'parent_id'
    | 'kind'
    | 'cascaded'
    | 'code'
    | 'title_vi'
    | 'title_en'
    | 'unit_id'
    | 'section_id'
    | 'lead_agency_id'
    | 'deadline_kind'
    | 'deadline_start'
    | 'due_date'
    | 'deadline_text'
    | 'status'
    | 'progress'
    | 'rating'
    | 'warning_kinds'
    | 'last_report_date'
    | 'rollup_mode'
    | 'version'
    | 'is_demo'
    | 'pending_report_id'
    | 'reported_progress'
    | 'reported_status'
    | 'reported_date'
    | 'review_due'
  >,
) {
  return {
    id: t.id,
    programId: t.program_id,
    parentId: t.parent_id,
    kind: t.kind as TaskText['kind'],
    cascaded: t.cascaded,
    code: t.code,
    titleVi: t.title_vi,
    titleEn: t.title_en,
    unitId: t.unit_id,
    sectionId: t.section_id,
    leadAgencyId: t.lead_agency_id,
    deadline: t.deadline_kind
      ? {
          kind: t.deadline_kind as Period['kind'],
          start: t.deadline_start,
          end: t.due_date,
          text: t.deadline_text,
        }
      : null,
    dueDate: t.due_date,
    status: t.status as TaskText['status'],
    progress: t.progress,
    rating: t.rating as TaskText['rating'],
    warningKinds: t.warning_kinds as TaskText['warningKinds'],
    lastReportDate: t.last_report_date,
    rollupMode: t.rollup_mode as TaskText['rollupMode'],
    version: t.version,
    isDemo: t.is_demo,
    reported: presentReported(t),
  };
}

/** The public shape of a task row (every column); the unit's name and code when the row was read with them. */
export function presentTask(t: TaskRow & { unit_name?: string; unit_code?: string }) {
  return {
    ...presentTaskRow(t),
    unitName: t.unit_name,
    unitCode: t.unit_code,
    descriptionVi: t.description_vi,
    descriptionEn: t.description_en,
    startDate: t.start_date,
    doneDate: t.done_date,
    outputs: t.outputs as OutputKind[],
    tags: t.tags,
    weight: t.weight,
    // Written by the engine only (warnings.store.ts writeVerdicts): the evaluation's { vi, en } explanation.
    ratingExplanation: t.rating_explanation as Message | null,
  };
}

/**
 * The task's "reported" figures beside its official ones: the latest report awaiting review (not official until
 * the level above accepts it), and by when the oldest one awaiting review should be reviewed. Null when none waits.
 */
export function presentReported(
  t: Pick<TaskRow, 'pending_report_id' | 'reported_progress' | 'reported_status' | 'reported_date' | 'review_due'>,
) {
  return t.pending_report_id == null
    ? null
    : {
        reportId: t.pending_report_id,
        progress: t.reported_progress!,
        status: t.reported_status as ReportStatus,
        reportDate: t.reported_date!,
        reviewDue: t.review_due!,
      };
}
