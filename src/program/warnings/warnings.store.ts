// SQL of the warning evaluation. Two ways to read what the engine needs:
// - per change (a few tasks, in the writing transaction): the rows are locked
//   first, then read in one statement that carries each task's funding chain,
//   dependencies and open warnings (read after the lock, so a concurrent
//   writer's committed change is seen);
// - the daily run (a million tasks): plain keyset pages, with the facts shared
//   by many tasks (which tasks have cascaded children, the funding of those
//   parents) loaded once per run and the page's own funding and dependencies
//   by id range.
// And one statement that writes the verdicts: tasks and their warnings.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { PendingTaskWrite } from '../reports/reports.pending.ts';

type Q = Kysely<Database>;

/** A task's warnings still open (not resolved), as its page lists them. */
export function openWarningsOf(db: Q, taskId: number) {
  return db
    .selectFrom('program_warnings')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('resolved_at', 'is', null)
    .execute();
}

export interface FundingFact {
  source: string | null;
  required: number | null;
  allocated: number | null;
}
export interface DependencyFact {
  id: number;
  due: string | null;
  status: string;
  progress: number;
}
/** A task on the way up a cascade: its own funding lines (null: none) and the task it was cascaded from. */
export interface FundingLink {
  id: number;
  parentId: number | null;
  lines: FundingFact[] | null;
}

/** What the engine reads of a task (the daily run reads only this: every column parsed costs, a million times). */
export interface JudgeRow {
  id: number;
  program_id: number;
  status: string;
  progress: number;
  /** The task's start, else the program's (a task "due by 2030" runs from the program's start, not from 2030). */
  start: string | null;
  due_date: string | null;
  rating: string | null;
  recent_reports: unknown;
  cadence: string;
  parent_id: number | null;
  cascaded: boolean;
  /** The stored warning kinds, sorted and comma-joined (cheaper to read than an array). */
  kinds: string;
  /** The latest report awaiting review (its date) and the oldest one's review deadline; null when none waits. */
  reported_date: string | null;
  review_due: string | null;
}

/** A task row with what the rollups and the warning sync need besides. */
export interface EvalRow extends JudgeRow {
  kind: string;
  unit_id: number;
  section_id: number | null;
  done_date: string | null;
  warning_kinds: string[];
}

/** A row read for a change: with everything the engine and the warning sync need. */
export interface LockedEvalRow extends EvalRow {
  has_children: boolean;
  /** The task itself, then the tasks it was cascaded from (at most 3 up). */
  funding_chain: FundingLink[];
  deps: DependencyFact[] | null;
  open_warnings: { id: number; kind: string }[] | null;
}

/** A task's funding lines as a JSON array (null when it has none), in the engine's shape. */
const fundingLinesOf = (
  taskId: RawBuilder<unknown>,
) => sql`(select json_agg(json_build_object('source', f.source, 'required', f.amount_required,
  'allocated', f.amount_allocated) order by f.id) from task_funding f where f.task_id = ${taskId})`;

/** Rows grouped by a key, in their order. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Rows grouped by the task they belong to. */
export const byTask = <T extends { task_id: number }>(rows: readonly T[]): Map<number, T[]> =>
  groupBy(rows, (r) => r.task_id);

/** JudgeRow's derived columns, for a task `t` joined with its program `p`. */
export const JUDGE_DERIVED = sql`coalesce(t.start_date, least(p.period_start, t.deadline_start)) as start, array_to_string(t.warning_kinds, ',') as kinds`;
const JUDGE_COLUMNS = sql`t.id, t.program_id, t.status, t.progress, t.due_date, t.rating, t.recent_reports, p.cadence, t.parent_id, t.cascaded, t.reported_date, t.review_due, ${JUDGE_DERIVED}`;
const BASE_COLUMNS = sql`${JUDGE_COLUMNS}, t.kind, t.unit_id, t.section_id, t.done_date, t.warning_kinds`;

/**
 * Locks these tasks (and, when asked, the tasks that depend on them) in id order, then reads them for
 * evaluation. Two statements: a row may have waited for its lock, and a statement's subqueries see the
 * data as of its start, so what is read about a row (its open warnings) must be read after the lock.
 */
export async function lockEvalRows(trx: Q, ids: number[], withDependents: boolean): Promise<LockedEvalRow[]> {
  if (ids.length === 0) return [];
  // A union, not an OR: each side uses its index (an OR over two sources scans the whole task table).
  const dependents = withDependents
    ? sql`union select d.task_id from task_dependencies d where d.depends_on_id = any(${ids}::bigint[])`
    : sql``;
  const locked = (
    await sql<{
      id: number;
    }>`select t.id from tasks t where t.id in (select unnest(${ids}::bigint[]) ${dependents}) and t.kind = 'task'
    order by t.id for update`.execute(trx)
  ).rows.map((r) => r.id);
  return ids.length > PER_ROW_LIMIT ? readEvalRowsInBulk(trx, locked) : readEvalRows(trx, locked);
}

/** Above this many tasks the facts are read in bulk rather than by subqueries per row (a daily batch, a national cascade). */
const PER_ROW_LIMIT = 100;

/** The same rows as readEvalRows, for thousands of tasks: their cascade parents and their own facts in a few set-based reads. */
async function readEvalRowsInBulk(trx: Q, ids: number[]): Promise<LockedEvalRow[]> {
  if (ids.length === 0) return [];
  const rows = (
    await sql<EvalRow & Pick<LockedEvalRow, 'open_warnings' | 'has_children'>>`select ${BASE_COLUMNS},
      exists(select 1 from tasks c where c.parent_id = t.id and c.cascaded) as has_children,
      (select json_agg(json_build_object('id', w.id, 'kind', w.kind)) from program_warnings w where w.task_id = t.id and w.resolved_at is null) as open_warnings
    from tasks t join programs p on p.id = t.program_id where t.id = any(${ids}::bigint[]) order by t.id`.execute(trx)
  ).rows;
  // The tasks these were cascaded from, up to 3 levels, with their funding.
  const parents = new Map(
    (
      await sql<CascadeParent>`
    with recursive anc(id, depth) as (
      select distinct parent_id, 1 from tasks where id = any(${ids}::bigint[]) and cascaded and parent_id is not null
      union
      select t.parent_id, anc.depth + 1 from tasks t join anc on t.id = anc.id where t.cascaded and t.parent_id is not null and anc.depth < 3
    )
    select t.id, case when t.cascaded then t.parent_id end as parent_id,
      ${fundingLinesOf(sql`t.id`)} as lines
    from tasks t where t.id in (select id from anc)`.execute(trx)
    ).rows.map((p) => [p.id, p]),
  );
  const own = await factsOfRows(trx, ids);
  const ownLines = byTask(own.funding),
    depsOf = byTask(own.deps);
  return rows.map((r) => {
    const chain: FundingLink[] = [
      { id: r.id, parentId: r.cascaded ? r.parent_id : null, lines: ownLines.get(r.id) ?? null },
    ];
    for (let up = chain[0].parentId; up != null && chain.length <= 3;) {
      const p = parents.get(up);
      chain.push({ id: up, parentId: p?.parent_id ?? null, lines: p?.lines ?? null });
      up = p?.parent_id ?? null;
    }
    return { ...r, funding_chain: chain, deps: depsOf.get(r.id) ?? null };
  });
}

async function readEvalRows(trx: Q, ids: number[]) {
  if (ids.length === 0) return [];
  const r = await sql<LockedEvalRow>`/* prepare:eval-read */ select ${BASE_COLUMNS},
      exists(select 1 from tasks c where c.parent_id = t.id and c.cascaded) as has_children,
      (with recursive ch(id, parent_id, cascaded, depth) as (
          select t.id, t.parent_id, t.cascaded, 0
          union all
          select a.id, a.parent_id, a.cascaded, ch.depth + 1 from tasks a join ch on a.id = ch.parent_id where ch.cascaded and ch.depth < 3)
        select json_agg(json_build_object('id', ch.id, 'parentId', case when ch.cascaded then ch.parent_id end,
          'lines', ${fundingLinesOf(sql`ch.id`)}) order by ch.depth) from ch) as funding_chain,
      (select json_agg(json_build_object('id', x.id, 'due', x.due_date, 'status', x.status, 'progress', x.progress))
         from task_dependencies d join tasks x on x.id = d.depends_on_id where d.task_id = t.id) as deps,
      (select json_agg(json_build_object('id', w.id, 'kind', w.kind)) from program_warnings w where w.task_id = t.id and w.resolved_at is null) as open_warnings
    from tasks t join programs p on p.id = t.program_id
    where t.id = any(${ids}::bigint[]) order by t.id`.execute(trx);
  return r.rows;
}

/** Tasks of some units (a subtree), without locks: for reading what the engine would say on a date. */
export async function evalRowsOfUnits(db: Q, unitIds: number[] | null): Promise<EvalRow[]> {
  const r = await sql<EvalRow>`select ${BASE_COLUMNS} from tasks t join programs p on p.id = t.program_id
    where t.kind = 'task' ${unitIds ? sql`and t.unit_id = any(${unitIds}::bigint[])` : sql``} order by t.id`.execute(
    db,
  );
  return r.rows;
}

/** The own funding lines and dependencies of some tasks. */
export async function factsOfRows(db: Q, ids: number[]) {
  const [funding, deps] = await Promise.all([
    sql<
      FundingFact & { task_id: number }
    >`select task_id, source, amount_required as required, amount_allocated as allocated from task_funding
      where task_id = any(${ids}::bigint[]) order by id`.execute(db),
    sql<
      DependencyFact & { task_id: number }
    >`select d.task_id, x.id, x.due_date as due, x.status, x.progress from task_dependencies d
      join tasks x on x.id = d.depends_on_id where d.task_id = any(${ids}::bigint[])`.execute(db),
  ]);
  return { funding: funding.rows, deps: deps.rows };
}

/** A keyset page of tasks for the daily run, with the page's own funding lines and dependencies. */
export async function evalPage(db: Q, afterId: number, limit: number) {
  const rows = (
    await sql<JudgeRow>`/* prepare:eval-page */ select ${JUDGE_COLUMNS} from tasks t join programs p on p.id = t.program_id
    where t.id > ${afterId} and t.kind = 'task' order by t.id limit ${limit}`.execute(db)
  ).rows;
  if (rows.length === 0) return { rows, funding: [], deps: [] };
  const last = rows[rows.length - 1].id;
  const [funding, deps] = await Promise.all([
    sql<
      FundingFact & { task_id: number }
    >`select task_id, source, amount_required as required, amount_allocated as allocated from task_funding
      where task_id > ${afterId} and task_id <= ${last} order by id`.execute(db),
    sql<
      DependencyFact & { task_id: number }
    >`select d.task_id, x.id, x.due_date as due, x.status, x.progress from task_dependencies d
      join tasks x on x.id = d.depends_on_id where d.task_id > ${afterId} and d.task_id <= ${last}`.execute(db),
  ]);
  return { rows, funding: funding.rows, deps: deps.rows };
}

export interface CascadeParent {
  id: number;
  parent_id: number | null;
  lines: FundingFact[] | null;
}

/** What the daily run loads once: the tasks that have cascaded children, with the task each was cascaded from and its funding. */
export async function cascadeParents(db: Q): Promise<CascadeParent[]> {
  const r = await sql<CascadeParent>`
    select t.id, case when t.cascaded then t.parent_id end as parent_id,
      ${fundingLinesOf(sql`t.id`)} as lines
    from tasks t where t.id in (select distinct parent_id from tasks where cascaded and parent_id is not null)`.execute(
    db,
  );
  return r.rows;
}

export interface Verdict {
  id: number;
  status: string;
  rating: string | null;
  explanation: string;
  kinds: string[];
  /** Progress figures written with the verdict (reports/reports.pending.ts); the stored ones are kept when absent. */
  figures?: PendingTaskWrite;
}
export interface NewWarning {
  taskId: number;
  kind: string;
  severity: string;
  vi: string;
  en: string;
  facts: string;
}
export interface RefreshedWarning {
  id: number;
  severity: string;
  vi: string;
  en: string;
  facts: string;
}

/** One statement: the tasks' verdicts, the warnings that cleared, the new ones, and the refreshed texts of those that stay. */
export async function writeVerdicts(
  trx: Q,
  verdicts: Verdict[],
  gone: number[],
  raised: NewWarning[],
  refreshed: RefreshedWarning[],
) {
  const col = <T>(xs: T[], f: (x: T) => unknown) => xs.map(f);
  await sql`/* prepare:eval-write */ with v as (
      select * from unnest(${col(verdicts, (u) => u.id)}::bigint[], ${col(verdicts, (u) => u.status)}::text[], ${col(verdicts, (u) => u.rating)}::text[],
        ${col(verdicts, (u) => u.explanation)}::text[], ${col(verdicts, (u) => JSON.stringify(u.kinds))}::text[],
        ${col(verdicts, (u) => !!u.figures)}::boolean[], ${col(verdicts, (u) => u.figures?.progress ?? null)}::numeric[],
        ${col(verdicts, (u) => u.figures?.done_date ?? null)}::date[], ${col(verdicts, (u) => (u.figures?.recent ? JSON.stringify(u.figures.recent.list) : null))}::text[],
        ${col(verdicts, (u) => u.figures?.recent?.lastReportDate ?? null)}::date[],
        ${col(verdicts, (u) => u.figures?.reported !== undefined)}::boolean[], ${col(verdicts, (u) => u.figures?.reported?.reportId ?? null)}::bigint[],
        ${col(verdicts, (u) => u.figures?.reported?.progress ?? null)}::numeric[], ${col(verdicts, (u) => u.figures?.reported?.status ?? null)}::text[],
        ${col(verdicts, (u) => u.figures?.reported?.date ?? null)}::date[], ${col(verdicts, (u) => u.figures?.reported?.reviewDue ?? null)}::date[])
        as v(id, status, rating, explanation, kinds, follows, progress, done_date, recent, last_report_date,
          sets_reported, r_id, r_progress, r_status, r_date, r_due)
    ), upd as (
      update tasks t set status = v.status, rating = v.rating, rating_explanation = v.explanation::jsonb,
        warning_kinds = array(select jsonb_array_elements_text(v.kinds::jsonb)), updated_at = now(),
        progress = case when v.follows then v.progress else t.progress end, done_date = case when v.follows then v.done_date else t.done_date end,
        recent_reports = coalesce(v.recent::jsonb, t.recent_reports),
        last_report_date = case when v.recent is null then t.last_report_date else v.last_report_date end,
        pending_report_id = case when v.sets_reported then v.r_id else t.pending_report_id end,
        reported_progress = case when v.sets_reported then v.r_progress else t.reported_progress end,
        reported_status = case when v.sets_reported then v.r_status else t.reported_status end,
        reported_date = case when v.sets_reported then v.r_date else t.reported_date end,
        review_due = case when v.sets_reported then v.r_due else t.review_due end
      from v where t.id = v.id returning 1
    ), gone as (
      update program_warnings set resolved_at = now() where id = any(${gone}::bigint[]) returning 1
    ), ins as (
      insert into program_warnings (task_id, kind, severity, message_vi, message_en, facts)
      select task_id, kind, severity, vi, en, facts::jsonb from unnest(${col(raised, (w) => w.taskId)}::bigint[], ${col(raised, (w) => w.kind)}::text[],
        ${col(raised, (w) => w.severity)}::text[], ${col(raised, (w) => w.vi)}::text[], ${col(raised, (w) => w.en)}::text[], ${col(raised, (w) => w.facts)}::text[])
        as x(task_id, kind, severity, vi, en, facts)
      returning 1
    ), ref as (
      update program_warnings w set severity = r.severity, message_vi = r.vi, message_en = r.en, facts = r.facts::jsonb
      from unnest(${col(refreshed, (w) => w.id)}::bigint[], ${col(refreshed, (w) => w.severity)}::text[], ${col(refreshed, (w) => w.vi)}::text[],
        ${col(refreshed, (w) => w.en)}::text[], ${col(refreshed, (w) => w.facts)}::text[]) as r(id, severity, vi, en, facts)
      where w.id = r.id and (w.message_en <> r.en or w.severity <> r.severity)
      returning 1
    )
    select (select count(*) from upd) + (select count(*) from gone) + (select count(*) from ins) + (select count(*) from ref) as n`.execute(
    trx,
  );
}
