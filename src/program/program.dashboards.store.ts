// Dashboard reads. Counts come from the maintained rollups (a few dozen rows);
// lists read tasks through partial indexes, a page at a time.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db-schema.ts';
import { ROLLUP_COUNTERS } from './program.rollups.store.ts';
import { scopeFilter } from './program.tasks.store.ts';
import type { Scope } from './program.scope.ts';

type Q = Kysely<Database>;
const sums = sql.join(ROLLUP_COUNTERS.map((c) => sql`sum(r.${sql.ref(c)})::int as ${sql.ref(c)}`));
export type Counts = Record<(typeof ROLLUP_COUNTERS)[number], number>;

/** Totals of one unit's subtree, by section. */
export async function unitBySection(db: Q, programId: number, unitId: number) {
  const r = await sql<Counts & { section_id: number; code: string; title_vi: string | null; title_en: string | null }>`
    select r.section_id, s.code, s.title_vi, s.title_en, ${sums}
    from program_rollups r join tasks s on s.id = r.section_id
    where r.program_id = ${programId} and r.unit_id = ${unitId}
    group by r.section_id, s.code, s.title_vi, s.title_en, s.position order by s.position`.execute(db);
  return r.rows;
}

/** Totals of each child unit's subtree (drill-down one level): one index probe per child unit. */
export async function childrenTotals(db: Q, programId: number, unitId: number) {
  const r = await sql<Counts & { unit_id: number; code: string; name: string; level: number }>`
    select u.id as unit_id, u.code, u.name, u.level, r.*
    from units u cross join lateral (select ${sums} from program_rollups r where r.program_id = ${programId} and r.unit_id = u.id) r
    where u.parent_id = ${unitId} and r.total is not null order by u.code`.execute(db);
  return r.rows;
}

/** Section × province cells, restricted to provinces in scope. */
export async function provinceSectionCells(db: Q, programId: number, scope: Scope) {
  const r = await sql<Counts & { unit_id: number; code: string; name: string; section_id: number }>`
    select u.id as unit_id, u.code, u.name, r.*
    from units u cross join lateral (select r.section_id, ${sums} from program_rollups r
      where r.program_id = ${programId} and r.unit_id = u.id group by r.section_id) r
    where u.level = 1 and ${scopeFilter(scope, 'u.id')}`.execute(db);
  return r.rows;
}

export interface TaskListOptions { programId: number; unitIds: number[] | null; kind: 'overdue' | 'at_risk' | 'mine'; limit: number; offset: number }

/** Overdue, at-risk or "my" tasks, in scope, soonest due first. */
export async function taskList(db: Q, scope: Scope, o: TaskListOptions) {
  let qb = db.selectFrom('tasks as t').innerJoin('units as u', 'u.id', 't.unit_id')
    .where('t.program_id', '=', o.programId).where('t.kind', '=', 'task').where(scopeFilter(scope));
  if (o.unitIds) qb = qb.where('t.unit_id', 'in', o.unitIds.length ? o.unitIds : [0]);
  if (o.kind === 'overdue') qb = qb.where('t.status', '=', 'overdue');
  else if (o.kind === 'at_risk') qb = qb.where('t.rating', 'in', ['amber_red', 'red']);
  else qb = qb.where('t.status', 'not in', ['done', 'done_late', 'cancelled']);
  const [items, total] = await Promise.all([
    qb.select(['t.id', 't.code', 't.title_vi', 't.title_en', 't.unit_id', 'u.name as unit_name', 't.due_date', 't.status', 't.progress', 't.rating',
      't.warning_kinds', 't.rating_explanation', 't.last_report_date', 't.version'])
      .orderBy(sql`t.due_date nulls last`).orderBy('t.id').limit(o.limit).offset(o.offset).execute(),
    qb.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow().then((r) => r.n),
  ]);
  return { items, total };
}

/** Unfinished tasks due per month in [from, to], in scope (under `unitIds` when given). */
export async function dueTimeline(db: Q, scope: Scope, programId: number, unitIds: number[] | null, from: string, to: string) {
  const r = await sql<{ month: string; due: number; at_risk: number; done: number }>`
    select to_char(t.due_date, 'YYYY-MM') as month, count(*)::int as due,
           count(*) filter (where t.rating in ('amber_red','red'))::int as at_risk,
           count(*) filter (where t.status in ('done','done_late'))::int as done
    from tasks t
    where t.program_id = ${programId} and t.kind = 'task' and t.due_date between ${from}::date and ${to}::date
      and t.status <> 'cancelled' and ${scopeFilter(scope)} ${unitIds ? sql`and t.unit_id = any(${unitIds}::bigint[])` : sql``}
    group by 1 order by 1`.execute(db);
  return r.rows;
}
