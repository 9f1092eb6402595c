// SQL for tasks and their funding lines, coordinating agencies and dependencies.
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { TasksTable } from '../program.db-types.ts';
import type { Scope } from '../program.scope.ts';
import { groupBy, JUDGE_DERIVED } from '../warnings/warnings.store.ts';

type Q = Kysely<Database>;
export type TaskRow = Selectable<TasksTable>;
export type NewTask = Insertable<TasksTable>;

export function insertTasks(trx: Q, rows: NewTask[]) {
  if (rows.length === 0) return Promise.resolve([] as TaskRow[]);
  return trx.insertInto('tasks').values(rows).returningAll().execute();
}

export function findTask(db: Q, id: number) {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTasks(db: Q, ids: number[]) {
  return db.selectFrom('tasks').selectAll().where('id', 'in', ids).execute();
}

/** One cascaded child of each of these tasks (the lowest id), or none for a task without copies. */
export function firstCascadedChildren(db: Q, parentIds: number[]) {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('tasks')
        .select((e) => e.fn.min('id').as('id'))
        .where('parent_id', 'in', parentIds)
        .where('cascaded', '=', true)
        .groupBy('parent_id'),
    )
    .execute();
}

export function lockTask(trx: Q, id: number) {
  return trx.selectFrom('tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateTask(trx: Q, id: number, set: Partial<NewTask>) {
  return trx
    .updateTable('tasks')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function nextPosition(trx: Q, programId: number) {
  return trx
    .selectFrom('tasks')
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('p'))
    .where('program_id', '=', programId)
    .executeTakeFirstOrThrow()
    .then((r) => r.p);
}

export function childrenOf(db: Q, parentId: number) {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('parent_id', '=', parentId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The children of several tasks, one level down (a cancellation walks its subtree level by level). */
export function childrenOfAll(db: Q, parentIds: number[]) {
  return db.selectFrom('tasks').selectAll().where('parent_id', 'in', parentIds).execute();
}

export function cascadedChildren(db: Q, parentId: number) {
  return db
    .selectFrom('tasks')
    .select(['id', 'unit_id', 'status', 'progress', 'weight', 'done_date', 'due_date'])
    .where('parent_id', '=', parentId)
    .where('cascaded', '=', true)
    .execute();
}

/** The task and the tasks it was cascaded from, up the chain, locked nearest first (with what the engine derives). */
export async function lockCascadeChain(
  trx: Q,
  taskId: number,
): Promise<(TaskRow & { start: string | null; kinds: string })[]> {
  const r = await sql<TaskRow & { depth: number; start: string | null; kinds: string }>`/* prepare:cascade-chain */
    with recursive up(id, parent_id, cascaded, depth) as (
      select id, parent_id, cascaded, 0 from tasks where id = ${taskId}
      union all
      select t.id, t.parent_id, t.cascaded, up.depth + 1 from tasks t join up on t.id = up.parent_id where up.cascaded and up.depth < 10
    )
    select t.*, ${JUDGE_DERIVED} from tasks t join up on up.id = t.id join programs p on p.id = t.program_id order by up.depth for update of t`.execute(
    trx,
  );
  return r.rows;
}

/** The cascaded children of several tasks, by parent. */
export async function cascadedChildrenOf(db: Q, parentIds: number[]) {
  const rows = (
    await sql<{
      id: number;
      parent_id: number | null;
      unit_id: number;
      status: string;
      progress: number;
      weight: number;
      done_date: string | null;
      due_date: string | null;
    }>`/* prepare:cascade-children */
    select id, parent_id, unit_id, status, progress, weight, done_date, due_date from tasks
    where parent_id = any(${parentIds}::bigint[]) and cascaded`.execute(db)
  ).rows;
  return groupBy(rows, (r) => r.parent_id!);
}

/** Cancels these tasks in one statement (status cancelled, no rating, a new version); returned by id. */
export async function cancelTasks(trx: Q, ids: number[]): Promise<Map<number, TaskRow>> {
  const r =
    await sql<TaskRow>`update tasks set status = 'cancelled', rating = null, version = version + 1, updated_at = now()
    where id = any(${ids}::bigint[]) returning *`.execute(trx);
  return new Map(r.rows.map((t) => [t.id, t]));
}

/** Progress, status and done date of several tasks in one statement. */
export async function updateProgress(
  trx: Q,
  rows: { id: number; progress: number; status: string; doneDate: string | null }[],
) {
  await sql`/* prepare:cascade-progress */ update tasks t set progress = v.progress, status = v.status, done_date = v.done_date, updated_at = now()
    from unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.progress)}::numeric[], ${rows.map((r) => r.status)}::text[],
      ${rows.map((r) => r.doneDate)}::date[]) as v(id, progress, status, done_date)
    where t.id = v.id`.execute(trx);
}

export function coordinatorsOf(db: Q, taskIds: number[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_coordinators as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select(['c.task_id', 'a.id', 'a.name', 'a.name_en', 'a.kind'])
    .where('c.task_id', 'in', taskIds)
    .execute();
}

export function fundingOf(db: Q, taskIds: number[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('task_funding').selectAll().where('task_id', 'in', taskIds).orderBy('id').execute();
}

export function dependenciesOf(db: Q, taskIds: number[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_dependencies as d')
    .innerJoin('tasks as t', 't.id', 'd.depends_on_id')
    .select(['d.task_id', 't.id', 't.code', 't.due_date', 't.status', 't.progress'])
    .where('d.task_id', 'in', taskIds)
    .execute();
}

/** Tasks that depend on these (their "blocked" warning may change when these change). */
export function dependentsOf(db: Q, taskIds: number[]) {
  if (taskIds.length === 0) return Promise.resolve([] as number[]);
  return db
    .selectFrom('task_dependencies')
    .select('task_id')
    .where('depends_on_id', 'in', taskIds)
    .execute()
    .then((rows) => rows.map((r) => r.task_id));
}

export async function replaceCoordinators(trx: Q, taskId: number, agencyIds: number[]) {
  await trx.deleteFrom('task_coordinators').where('task_id', '=', taskId).execute();
  if (agencyIds.length)
    await trx
      .insertInto('task_coordinators')
      .values(agencyIds.map((a) => ({ task_id: taskId, agency_id: a })))
      .execute();
}

export interface FundingLine {
  source: string | null;
  amountRequired: number | null;
  amountAllocated: number | null;
  note?: string | null;
}

export async function replaceFunding(trx: Q, taskId: number, lines: FundingLine[]) {
  await trx.deleteFrom('task_funding').where('task_id', '=', taskId).execute();
  if (lines.length) {
    await trx
      .insertInto('task_funding')
      .values(
        lines.map((l) => ({
          task_id: taskId,
          source: l.source,
          amount_required: l.amountRequired,
          amount_allocated: l.amountAllocated,
          note: l.note ?? null,
        })),
      )
      .execute();
  }
}

export async function replaceDependencies(trx: Q, taskId: number, dependsOn: number[]) {
  await trx.deleteFrom('task_dependencies').where('task_id', '=', taskId).execute();
  if (dependsOn.length)
    await trx
      .insertInto('task_dependencies')
      .values(dependsOn.map((d) => ({ task_id: taskId, depends_on_id: d })))
      .execute();
}

/** A condition restricting task rows to the caller's scope. */
export function scopeFilter(scope: Scope, column = 't.unit_id') {
  return scope.all ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} = any(${scope.unitIds}::bigint[])`;
}

export interface TaskFilter {
  programId: number;
  unitId?: number;
  parentId?: number | null;
  status?: string;
  rating?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listTasks(db: Q, scope: Scope, f: TaskFilter) {
  let qb = db
    .selectFrom('tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .where('t.program_id', '=', f.programId)
    .where(scopeFilter(scope));
  if (f.unitId !== undefined) qb = qb.where('t.unit_id', '=', f.unitId);
  if (f.parentId !== undefined)
    qb = f.parentId === null ? qb.where('t.parent_id', 'is', null) : qb.where('t.parent_id', '=', f.parentId);
  if (f.status) qb = qb.where('t.status', '=', f.status);
  if (f.rating) qb = qb.where('t.rating', '=', f.rating);
  if (f.q)
    qb = qb.where(
      sql<boolean>`(coalesce(t.title_vi,'') || ' ' || coalesce(t.title_en,'') || ' ' || t.code) ilike ${'%' + f.q + '%'}`,
    );
  const [items, total] = await Promise.all([
    qb.select(TASK_LIST_COLUMNS).orderBy('t.position').orderBy('t.id').limit(f.limit).offset(f.offset).execute(),
    qb
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => r.n),
  ]);
  return { items, total };
}

export const TASK_LIST_COLUMNS = [
  't.id',
  't.program_id',
  't.parent_id',
  't.kind',
  't.cascaded',
  't.code',
  't.title_vi',
  't.title_en',
  't.unit_id',
  'u.name as unit_name',
  'u.code as unit_code',
  't.lead_agency_id',
  't.deadline_kind',
  't.deadline_start',
  't.due_date',
  't.deadline_text',
  't.status',
  't.progress',
  't.rating',
  't.warning_kinds',
  't.last_report_date',
  't.version',
  't.section_id',
  't.rollup_mode',
  't.is_demo',
  't.pending_report_id',
  't.reported_progress',
  't.reported_status',
  't.reported_date',
  't.review_due',
] as const;
