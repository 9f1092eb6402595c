// SQL for progress reports and evidence files.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../platform/db-schema.ts';
import type { TaskReportsTable } from './program.db-types.ts';
import type { TaskRow } from './program.tasks.store.ts';
import { JUDGE_DERIVED } from './program.evaluate.store.ts';

type Q = Kysely<Database>;
export type ReportRow = Selectable<TaskReportsTable>;

export function findReport(db: Q, id: number) {
  return db.selectFrom('task_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export function reportsOfTask(db: Q, taskId: number) {
  return db.selectFrom('task_reports').selectAll().where('task_id', '=', taskId).orderBy('report_date', 'desc').orderBy('id', 'desc').execute();
}

/**
 * A task with what a report on it needs (the program's cadence and grace days, how many tasks were
 * cascaded from it), locked for the report's transaction.
 */
export async function lockTaskForReport(trx: Q, id: number) {
  const r = await sql<TaskRow & { cadence: string; report_grace_days: number; children: number; start: string | null; kinds: string }>`/* prepare:report-task */
    select t.*, p.cadence, p.report_grace_days, (select count(*) from tasks c where c.parent_id = t.id and c.cascaded)::int as children, ${JUDGE_DERIVED}
    from tasks t join programs p on p.id = t.program_id where t.id = ${id} for update of t`.execute(trx);
  return r.rows[0];
}

export interface NewReport {
  task_id: number; report_date: string; period_label: string; period_due: string; progress: number; status: string;
  narrative: string | null; obstacles: string | null; resources_needed: string | null; submitted_by: number | null; submitted_by_label: string;
  submitted_at: Date | string; is_late: boolean; is_demo: boolean;
}

/** A new report, as a prepared statement on PostgreSQL (it runs on every submit). */
export async function insertReport(trx: Q, r: NewReport): Promise<ReportRow> {
  const res = await sql<ReportRow>`/* prepare:report-insert */ insert into task_reports (task_id, report_date, period_label, period_due, progress, status,
      narrative, obstacles, resources_needed, submitted_by, submitted_by_label, submitted_at, is_late, is_demo)
    values (${r.task_id}, ${r.report_date}, ${r.period_label}, ${r.period_due}, ${r.progress}, ${r.status}, ${r.narrative}, ${r.obstacles},
      ${r.resources_needed}, ${r.submitted_by}, ${r.submitted_by_label}, ${r.submitted_at}, ${r.is_late}, ${r.is_demo})
    returning *`.execute(trx);
  return res.rows[0];
}

/** The latest reports the engine and the task's progress follow (returned ones excluded). */
export function latestCounted(db: Q, taskId: number, n: number) {
  return db.selectFrom('task_reports').select(['report_date', 'progress', 'status', 'resources_needed'])
    .where('task_id', '=', taskId).where('state', '<>', 'returned')
    .orderBy('report_date', 'desc').orderBy('id', 'desc').limit(n).execute();
}

/** Updates a report only if nobody changed it since `version` was read; undefined when stale. */
export function updateReportIfVersion(trx: Q, id: number, version: number, set: Record<string, unknown>) {
  return trx.updateTable('task_reports').set({ ...set, version: sql`version + 1` } as never)
    .where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
}

export async function storeEvidence(trx: Q, reportId: number, files: { sha256: string; fileName: string; mediaType: string; content: Buffer }[]) {
  for (const f of files) {
    await trx.insertInto('evidence_blobs').values({ sha256: f.sha256, size_bytes: f.content.length, media_type: f.mediaType, content: f.content })
      .onConflict((oc) => oc.column('sha256').doNothing()).execute();
    await trx.insertInto('report_evidence').values({ report_id: reportId, sha256: f.sha256, file_name: f.fileName })
      .onConflict((oc) => oc.columns(['report_id', 'sha256']).doNothing()).execute();
  }
}

export function evidenceOf(db: Q, reportIds: number[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('report_evidence as e').innerJoin('evidence_blobs as b', 'b.sha256', 'e.sha256')
    .select(['e.report_id', 'e.sha256', 'e.file_name', 'b.size_bytes', 'b.media_type']).where('e.report_id', 'in', reportIds).execute();
}

export function evidenceBlob(db: Q, sha256: string) {
  return db.selectFrom('evidence_blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export function presentReport(r: ReportRow, evidence: { sha256: string; file_name: string; size_bytes: number; media_type: string }[] = []) {
  return {
    id: r.id, taskId: r.task_id, reportDate: r.report_date, period: r.period_label, periodDue: r.period_due, progress: r.progress, status: r.status,
    narrative: r.narrative, obstacles: r.obstacles, resourcesNeeded: r.resources_needed, state: r.state, reviewComment: r.review_comment,
    reviewedAt: r.reviewed_at, submittedBy: r.submitted_by_label, submittedAt: r.submitted_at, late: r.is_late, version: r.version,
    evidence: evidence.map((e) => ({ sha256: e.sha256, fileName: e.file_name, sizeBytes: e.size_bytes, mediaType: e.media_type })),
  };
}
