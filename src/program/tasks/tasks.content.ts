// A task's content as versioned (what an amendment changes) and as presented.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { TaskRow } from './tasks.store.ts';
import { coordinatorsOf, dependenciesOf, fundingOf } from './tasks.store.ts';
import { byTask } from '../warnings/warnings.store.ts';

export interface TaskContent {
  code: string;
  kind: string;
  unitId: number;
  titleVi: string | null;
  titleEn: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  leadAgencyId: number | null;
  coordinatingAgencyIds: number[];
  deadline: { kind: string; start: string; end: string; text: string | null } | null;
  startDate: string | null;
  funding: { source: string | null; amountRequired: number | null; amountAllocated: number | null }[];
  outputs: string[];
  tags: string[];
  dependsOn: number[];
  rollupMode: string;
  weight: number;
  cancelled: boolean;
}

export function contentOf(
  t: TaskRow,
  extra: { coordinators: number[]; funding: TaskContent['funding']; dependsOn: number[] },
): TaskContent {
  return {
    code: t.code,
    kind: t.kind,
    unitId: t.unit_id,
    titleVi: t.title_vi,
    titleEn: t.title_en,
    descriptionVi: t.description_vi,
    descriptionEn: t.description_en,
    leadAgencyId: t.lead_agency_id,
    coordinatingAgencyIds: extra.coordinators,
    deadline:
      t.deadline_kind && t.deadline_start && t.due_date
        ? { kind: t.deadline_kind, start: t.deadline_start, end: t.due_date, text: t.deadline_text }
        : null,
    startDate: t.start_date,
    funding: extra.funding,
    outputs: t.outputs,
    tags: t.tags,
    dependsOn: extra.dependsOn,
    rollupMode: t.rollup_mode,
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
            source: f.source,
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

/** The public shape of a task row. */
export function presentTask(t: TaskRow & { unit_name?: string; unit_code?: string }) {
  return {
    id: t.id,
    programId: t.program_id,
    parentId: t.parent_id,
    kind: t.kind,
    cascaded: t.cascaded,
    code: t.code,
    titleVi: t.title_vi,
    titleEn: t.title_en,
    descriptionVi: t.description_vi,
    descriptionEn: t.description_en,
    unitId: t.unit_id,
    unitName: t.unit_name,
    unitCode: t.unit_code,
    sectionId: t.section_id,
    leadAgencyId: t.lead_agency_id,
    deadline: t.deadline_kind
      ? { kind: t.deadline_kind, start: t.deadline_start, end: t.due_date, text: t.deadline_text }
      : null,
    dueDate: t.due_date,
    startDate: t.start_date,
    status: t.status,
    progress: t.progress,
    doneDate: t.done_date,
    outputs: t.outputs,
    tags: t.tags,
    rollupMode: t.rollup_mode,
    weight: t.weight,
    rating: t.rating,
    ratingExplanation: t.rating_explanation,
    warningKinds: t.warning_kinds,
    lastReportDate: t.last_report_date,
    version: t.version,
    isDemo: t.is_demo,
    reported: presentReported(t),
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
        status: t.reported_status!,
        reportDate: t.reported_date!,
        reviewDue: t.review_due!,
      };
}
