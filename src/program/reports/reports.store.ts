// SQL for progress reports and evidence files.
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { Message } from '../../platform/errors.ts';
import { PROGRAM } from '../program.policy.ts';
import type { TaskReportsTable } from '../program.db-types.ts';
import type { TaskRow } from '../tasks/tasks.store.ts';
import { JUDGE_DERIVED } from '../warnings/warnings.store.ts';
import type { ReportedFigures } from './reports.pending.ts';
import { unitChainSql, type ChainUnit } from '../program.places.store.ts';
import type { REPORT_STATES, REPORT_STATUSES } from '../program.schemas.ts';

type ReportStatus = (typeof REPORT_STATUSES)[number];
type ReportState = (typeof REPORT_STATES)[number];

type Q = Kysely<Database>;
export type ReportRow = Selectable<TaskReportsTable>;

export function findReport(db: Q, id: number) {
  return db.selectFrom('task_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export function reportsOfTask(db: Q, taskId: number) {
  return db
    .selectFrom('task_reports')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('report_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * A task with what a report on it needs (the program's cadence, grace and review days, how many tasks were
 * cascaded from it, the unit above its unit: the reviewer), locked for the report's transaction.
 */
export async function lockTaskForReport(trx: Q, id: number) {
  const r = await sql<TaskRow & LockedExtras>`/* prepare:report-task */
    select t.*, p.cadence, p.report_grace_days, p.review_days, u.parent_id as unit_parent_id,
      (select count(*) from tasks c where c.parent_id = t.id and c.cascaded)::int as children, ${JUDGE_DERIVED}
    from tasks t join programs p on p.id = t.program_id join units u on u.id = t.unit_id where t.id = ${id} for update of t`.execute(
    trx,
  );
  return r.rows[0];
}

interface LockedExtras {
  cadence: string;
  report_grace_days: number;
  review_days: number;
  unit_parent_id: number | null;
  children: number;
  start: string | null;
  kinds: string;
}
export type LockedReportTask = TaskRow & LockedExtras;

export interface NewReport {
  task_id: number;
  report_date: string;
  period_label: string;
  period_due: string;
  progress: number;
  status: string;
  narrative: string | null;
  obstacles: string | null;
  resources_needed: string | null;
  submitted_by: number | null;
  submitted_by_label: string;
  submitted_at: Date | string;
  is_late: boolean;
  is_demo: boolean;
  client_key: string | null;
  reviewer_unit_id: number;
  /** The review deadline is this many working days after `submitted_on`. */
  review_days: number;
  submitted_on: string;
}

/**
 * A new report awaiting review, in one statement (it runs on every submit): the report (nothing when the
 * client's key was already used on the task: undefined, the caller answers with the first report), the
 * task's "reported" figures when it is the latest awaiting review, and a note to the reviewers granted at
 * the unit above, unless they have an unread one already (one note says "reports await you", not one per report).
 */
export async function insertPendingReport(
  trx: Q,
  r: NewReport,
  note: { title: Message; body: Message },
): Promise<ReportRow | undefined> {
  const res = await sql<ReportRow>`/* prepare:report-insert */ with r as (
      insert into task_reports (task_id, report_date, period_label, period_due, progress, status,
        narrative, obstacles, resources_needed, submitted_by, submitted_by_label, submitted_at, is_late, is_demo, client_key, reviewer_unit_id, review_due)
      values (${r.task_id}, ${r.report_date}, ${r.period_label}, ${r.period_due}, ${r.progress}, ${r.status}, ${r.narrative}, ${r.obstacles},
        ${r.resources_needed}, ${r.submitted_by}, ${r.submitted_by_label}, ${r.submitted_at}, ${r.is_late}, ${r.is_demo}, ${r.client_key},
        ${r.reviewer_unit_id}, working_day_after(${r.submitted_on}::date, ${r.review_days}::int))
      on conflict (task_id, client_key) where client_key is not null do nothing
      returning *
    ), latest as (
      select r.*, (t.reported_date is null or t.reported_date <= r.report_date) as newest from r join tasks t on t.id = r.task_id
    ), t as (
      update tasks t set
        pending_report_id = case when l.newest then l.id else t.pending_report_id end,
        reported_progress = case when l.newest then l.progress else t.reported_progress end,
        reported_status = case when l.newest then l.status else t.reported_status end,
        reported_date = case when l.newest then l.report_date else t.reported_date end,
        review_due = least(coalesce(t.review_due, l.review_due), l.review_due)
      from latest l where t.id = l.task_id returning 1
    ), n as (
      insert into notifications (user_id, kind, title_vi, title_en, body_vi, body_en, entity, entity_id)
      select distinct g.user_id, 'report_submitted', ${note.title.vi}, ${note.title.en}, ${note.body.vi}, ${note.body.en}, 'task_report', r.id
      from r join grants g on g.unit_id = r.reviewer_unit_id join users u on u.id = g.user_id
      where g.role = any(${REVIEWER_ROLES}::text[]) and u.is_active and g.user_id is distinct from r.submitted_by
        and not exists (select 1 from notifications x where x.user_id = g.user_id and x.kind = 'report_submitted' and x.read_at is null)
      returning 1
    )
    select * from r`.execute(trx);
  return res.rows[0];
}

const REVIEWER_ROLES = [...(PROGRAM['report.review'].who as readonly string[])];

export function findReportByKey(db: Q, taskId: number, key: string) {
  return db
    .selectFrom('task_reports')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('client_key', '=', key)
    .executeTakeFirst();
}

/** The accepted reports the task's official figures and the engine follow, latest first. */
export function latestCounted(db: Q, taskId: number, n: number) {
  return db
    .selectFrom('task_reports')
    .select(['report_date', 'progress', 'status', 'resources_needed'])
    .where('task_id', '=', taskId)
    .where('state', '=', 'accepted')
    .orderBy('report_date', 'desc')
    .orderBy('id', 'desc')
    .limit(n)
    .execute();
}

/**
 * A report with its task, the task locked (every writer of a report locks its task first, so they take turns):
 * for a review or an edit. With the task's unit chain (who may review) and what a leaf's report path needs.
 */
export async function lockReportForReview(trx: Q, reportId: number) {
  const r = await sql<LockedReportTask & { report: ReportRow; chain: ChainUnit[] }>`/* prepare:report-review-lock */
    select t.*, p.cadence, p.report_grace_days, p.review_days, u.parent_id as unit_parent_id,
      (select count(*) from tasks c where c.parent_id = t.id and c.cascaded)::int as children, ${JUDGE_DERIVED},
      ${unitChainSql(sql`t.unit_id`)} as chain, to_jsonb(r) as report
    from task_reports r join tasks t on t.id = r.task_id join programs p on p.id = t.program_id join units u on u.id = t.unit_id
    where r.id = ${reportId} for update of t`.execute(trx);
  const row = r.rows[0];
  if (row) row.report.progress = Number(row.report.progress);
  return row;
}

/** What waits for review on the task besides one report: the latest of the others, and the oldest one's review deadline. */
interface OthersWaiting {
  next_pending: { reportId: number; progress: number; status: string; date: string } | null;
  next_due: string | null;
}

/**
 * Accepts or returns a report if it still awaits review at the version the reviewer saw (undefined when not),
 * with the author's note, in one statement; and what else awaits review on the task.
 */
export async function reviewUpdate(
  trx: Q,
  id: number,
  version: number,
  set: { state: 'accepted' | 'returned'; comment: string | null; reviewedBy: number | null },
  note: { kind: string; title: Message; body: Message },
) {
  const r = await sql<ReportRow & OthersWaiting>`/* prepare:report-review */ with u as (
      update task_reports set state = ${set.state}, review_comment = ${set.comment}, reviewed_by = ${set.reviewedBy}, reviewed_at = now(), version = version + 1
      where id = ${id} and version = ${version} and state = 'submitted' returning *
    ), n as (
      insert into notifications (user_id, kind, title_vi, title_en, body_vi, body_en, entity, entity_id)
      select u.submitted_by, ${note.kind}, ${note.title.vi}, ${note.title.en}, ${note.body.vi}, ${note.body.en}, 'task_report', u.id
      from u where u.submitted_by is not null returning 1
    )
    select u.*, ${othersWaiting(sql`u`)} from u`.execute(trx);
  return r.rows[0];
}

const othersWaiting = (u: RawBuilder<unknown>) => sql`
  (select json_build_object('reportId', x.id, 'progress', x.progress, 'status', x.status, 'date', x.report_date) from task_reports x
    where x.task_id = ${u}.task_id and x.state = 'submitted' and x.id <> ${u}.id order by x.report_date desc, x.id desc limit 1) as next_pending,
  (select min(x.review_due) from task_reports x where x.task_id = ${u}.task_id and x.state = 'submitted' and x.id <> ${u}.id) as next_due`;

export interface ReportContent {
  report_date: string;
  progress: number;
  status: string;
  narrative: string | null;
  obstacles: string | null;
  resources_needed: string | null;
}

/**
 * An author's edit: the content it replaces kept as a version, the report updated (awaiting review again,
 * with a new review deadline), if nobody changed it since `version` (undefined when stale or accepted).
 */
export async function editReportVersion(
  trx: Q,
  id: number,
  version: number,
  c: ReportContent,
  today: string,
  reviewDays: number,
) {
  const r = await sql<ReportRow & OthersWaiting>`with snap as (
      insert into task_report_versions (report_id, version, report_date, progress, status, narrative, obstacles, resources_needed, state,
        review_comment, reviewed_by, reviewed_at, submitted_by, submitted_by_label, submitted_at)
      select id, version, report_date, progress, status, narrative, obstacles, resources_needed, state, review_comment, reviewed_by, reviewed_at,
        submitted_by, submitted_by_label, submitted_at
      from task_reports where id = ${id} and version = ${version} and state <> 'accepted'
      returning 1
    ), u as (
      update task_reports set progress = ${c.progress}, status = ${c.status}, narrative = ${c.narrative}, obstacles = ${c.obstacles},
        resources_needed = ${c.resources_needed}, state = 'submitted', review_comment = null, reviewed_by = null, reviewed_at = null,
        version = version + 1, review_due = working_day_after(${today}::date, ${reviewDays}::int)
      where id = ${id} and version = ${version} and state <> 'accepted' returning *
    )
    select u.*, ${othersWaiting(sql`u`)} from u`.execute(trx);
  return r.rows[0];
}

/** The figures a task shows as "reported": the latest report awaiting review, and the oldest one's deadline. */
export function reportedAfter(others: OthersWaiting, also?: ReportRow): ReportedFigures | null {
  const candidates = [
    others.next_pending,
    also ? { reportId: also.id, progress: also.progress, status: also.status, date: also.report_date } : null,
  ]
    .filter((c): c is NonNullable<typeof c> => !!c)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.reportId - a.reportId));
  const dues = [others.next_due, also?.review_due ?? null].filter((d): d is string => !!d).sort();
  if (candidates.length === 0 || dues.length === 0) return null;
  return { ...candidates[0], progress: Number(candidates[0].progress), reviewDue: dues[0] };
}

export function versionsOf(db: Q, reportId: number) {
  return db
    .selectFrom('task_report_versions')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('version', 'desc')
    .execute();
}

/** Updates a report only if nobody changed it since `version` was read; undefined when stale. */
export function updateReportIfVersion(trx: Q, id: number, version: number, set: Record<string, unknown>) {
  return trx
    .updateTable('task_reports')
    .set({ ...set, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function storeEvidence(
  trx: Q,
  reportId: number,
  files: { sha256: string; fileName: string; mediaType: string; content: Buffer }[],
) {
  for (const f of files) {
    await trx
      .insertInto('evidence_blobs')
      .values({ sha256: f.sha256, size_bytes: f.content.length, media_type: f.mediaType, content: f.content })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    await trx
      .insertInto('report_evidence')
      .values({ report_id: reportId, sha256: f.sha256, file_name: f.fileName })
      .onConflict((oc) => oc.columns(['report_id', 'sha256']).doNothing())
      .execute();
  }
}

export function evidenceOf(db: Q, reportIds: number[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_evidence as e')
    .innerJoin('evidence_blobs as b', 'b.sha256', 'e.sha256')
    .select(['e.report_id', 'e.sha256', 'e.file_name', 'b.size_bytes', 'b.media_type'])
    .where('e.report_id', 'in', reportIds)
    .execute();
}

export function evidenceBlob(db: Q, sha256: string) {
  return db.selectFrom('evidence_blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export function presentReport(
  r: ReportRow,
  evidence: { sha256: string; file_name: string; size_bytes: number; media_type: string }[] = [],
) {
  return {
    id: r.id,
    taskId: r.task_id,
    reportDate: r.report_date,
    period: r.period_label,
    periodDue: r.period_due,
    progress: r.progress,
    // Text columns with CHECK constraints (migration 0004): the values program.schemas.ts ReportOut names.
    status: r.status as ReportStatus,
    narrative: r.narrative,
    obstacles: r.obstacles,
    resourcesNeeded: r.resources_needed,
    state: r.state as ReportState,
    reviewComment: r.review_comment,
    reviewedAt: r.reviewed_at,
    submittedBy: r.submitted_by_label,
    submittedAt: r.submitted_at,
    late: r.is_late,
    version: r.version,
    reviewDue: r.review_due ?? null,
    reviewerUnitId: r.reviewer_unit_id ?? null,
    evidence: evidence.map((e) => ({
      sha256: e.sha256,
      fileName: e.file_name,
      sizeBytes: e.size_bytes,
      mediaType: e.media_type,
    })),
  };
}

/** A superseded version of a report, as kept when its author edited it. */
export function presentVersion(v: Awaited<ReturnType<typeof versionsOf>>[number]) {
  return {
    version: v.version,
    reportDate: v.report_date,
    progress: v.progress,
    status: v.status as ReportStatus,
    narrative: v.narrative,
    obstacles: v.obstacles,
    resourcesNeeded: v.resources_needed,
    state: v.state as ReportState,
    reviewComment: v.review_comment,
    reviewedAt: v.reviewed_at,
    submittedBy: v.submitted_by_label,
    submittedAt: v.submitted_at,
    supersededAt: v.superseded_at,
  };
}

/** How many superseded versions each report has. */
export async function versionCounts(db: Q, reportIds: number[]): Promise<Map<number, number>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('task_report_versions')
    .select(['report_id', sql<number>`count(*)::int`.as('n')])
    .where('report_id', 'in', reportIds)
    .groupBy('report_id')
    .execute();
  return new Map(rows.map((r) => [r.report_id, r.n]));
}

/** The review deadline of a report submitted on `day`: so many working days later (a value for an INSERT). */
export const reviewDueSql = (day: string, reviewDays: number) =>
  sql<string>`working_day_after(${day}::date, ${reviewDays}::int)`;

/**
 * Every task's "reported" figures from its reports, as the services keep them one by one: the latest report
 * awaiting review, and the oldest one's review deadline (after reports written in bulk: the demo).
 */
export async function markLatestReported(trx: Q, programId: number) {
  await sql`update tasks t set pending_report_id = r.id, reported_progress = r.progress, reported_status = r.status, reported_date = r.report_date,
      review_due = (select min(x.review_due) from task_reports x where x.task_id = t.id and x.state = 'submitted')
    from (select distinct on (task_id) id, task_id, progress, status, report_date from task_reports where state = 'submitted'
          order by task_id, report_date desc, id desc) r
    where r.task_id = t.id and t.program_id = ${programId}`.execute(trx);
}
