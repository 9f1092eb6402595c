// Dashboard reads. Counts come from the maintained rollups (a few dozen rows);
// lists read tasks through partial indexes, a page at a time.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { ROLLUP_COUNTERS } from './dashboards.rollups.store.ts';
import { scopeFilter } from '../tasks/tasks.store.ts';
import type { Scope } from '../program.scope.ts';
import { AT_RISK } from '../warnings/index.ts';

type Q = Kysely<Database>;
const sums = sql.join(ROLLUP_COUNTERS.map((c) => sql`sum(r.${sql.ref(c)})::int as ${sql.ref(c)}`));
export type Counts = Record<(typeof ROLLUP_COUNTERS)[number], number>;

/** The unit a dashboard shows: its name, level and the unit above it. */
export function unitHeader(db: Q, unitId: number) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'level', 'parent_id'])
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** The sections (top-level tasks) with these ids, in the program's order. */
export function sectionsIn(db: Q, ids: number[]) {
  return db
    .selectFrom('tasks')
    .select(['id', 'code', 'title_vi', 'title_en'])
    .where('id', 'in', [...ids, 0])
    .orderBy('position')
    .execute();
}

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

export interface TaskListOptions {
  programId: number;
  unitIds: number[] | null;
  kind: 'overdue' | 'at_risk' | 'mine';
  limit: number;
  offset: number;
}

/** Overdue, at-risk or "my" tasks, in scope, soonest due first. */
export async function taskList(db: Q, scope: Scope, o: TaskListOptions) {
  let qb = db
    .selectFrom('tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .where('t.program_id', '=', o.programId)
    .where('t.kind', '=', 'task')
    .where(scopeFilter(scope));
  if (o.unitIds) qb = qb.where('t.unit_id', 'in', o.unitIds.length ? o.unitIds : [0]);
  if (o.kind === 'overdue') qb = qb.where('t.status', '=', 'overdue');
  else if (o.kind === 'at_risk') qb = qb.where('t.rating', 'in', [...AT_RISK]);
  else qb = qb.where('t.status', 'not in', ['done', 'done_late', 'cancelled']);
  const [items, total] = await Promise.all([
    qb
      .select([
        't.id',
        't.code',
        't.title_vi',
        't.title_en',
        't.unit_id',
        'u.name as unit_name',
        't.due_date',
        't.status',
        't.progress',
        't.rating',
        't.warning_kinds',
        't.rating_explanation',
        't.last_report_date',
        't.version',
        't.pending_report_id',
        't.reported_progress',
        't.reported_status',
        't.reported_date',
        't.review_due',
      ])
      .orderBy(sql`t.due_date nulls last`)
      .orderBy('t.id')
      .limit(o.limit)
      .offset(o.offset)
      .execute(),
    qb
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => r.n),
  ]);
  return { items, total };
}

/**
 * Tasks due per month in [fromMonth, toMonth] ('YYYY-MM-01'), summed over the subtrees of `unitIds`
 * (which must not nest, or tasks count twice), from the maintained due-month rollups.
 * Cancelled tasks are left out, as on the dashboards' lists.
 */
export async function dueTimeline(db: Q, programId: number, unitIds: number[], fromMonth: string, toMonth: string) {
  if (unitIds.length === 0) return [];
  const r = await sql<{ month: string; due: number; atRisk: number; done: number }>`
    select to_char(r.due_month, 'YYYY-MM') as month, sum(r.total - r.cancelled)::int as due,
           sum(${sql.join(
             AT_RISK.map((k) => sql`r.${sql.ref(k)}`),
             sql` + `,
           )})::int as "atRisk", sum(r.done + r.done_late)::int as done
    from program_due_rollups r
    where r.program_id = ${programId} and r.unit_id = any(${unitIds}::bigint[]) and r.due_month between ${fromMonth}::date and ${toMonth}::date
    group by r.due_month having sum(r.total - r.cancelled) > 0 order by r.due_month`.execute(db);
  return r.rows;
}

/** Of these units, the ones not inside another one's subtree (a user's grants may nest). */
export async function outermostUnits(db: Q, unitIds: number[]) {
  if (unitIds.length <= 1) return unitIds;
  const r = await sql<{ id: number }>`
    with recursive up(start_id, id, depth) as (
      select id, parent_id, 1 from units where id = any(${unitIds}::bigint[]) and parent_id is not null
      union all
      select up.start_id, u.parent_id, up.depth + 1 from up join units u on u.id = up.id where u.parent_id is not null and up.depth < 10
    ) select distinct start_id as id from up where id = any(${unitIds}::bigint[])`.execute(db);
  const inner = new Set(r.rows.map((x) => x.id));
  return [...new Set(unitIds)].filter((u) => !inner.has(u));
}
