// Maintained rollups: counts of tasks by status and rating in each unit's
// subtree and section. Callers pass what a change did to a task (its counted
// state before and after); the rows of the unit and all its ancestors move in
// the caller's transaction, in one statement.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db-schema.ts';
import { ROLLUP_RATING, ROLLUP_STATUS } from './program.db-types.ts';

type Q = Kysely<Database>;
const COUNTERS = ['total', ...ROLLUP_STATUS, ...ROLLUP_RATING] as const;
type Counter = (typeof COUNTERS)[number];

/** The part of a task that rollups count; null when the task is not counted (before creation, or not a task). */
export interface Counted { programId: number; unitId: number; sectionId: number; status: string; rating: string | null }

export function countedOf(t: { kind: string; program_id: number; unit_id: number; section_id: number | null; status: string; rating: string | null }): Counted | null {
  if (t.kind !== 'task' || t.section_id === null) return null;
  return { programId: t.program_id, unitId: t.unit_id, sectionId: t.section_id, status: t.status, rating: t.rating };
}

const same = (a: Counted | null, b: Counted | null) => a === b || (!!a && !!b && a.programId === b.programId
  && a.unitId === b.unitId && a.sectionId === b.sectionId && a.status === b.status && a.rating === b.rating);

/** Chains from a preloaded parent map (the daily run loads all units once). */
export function chainFromParents(parents: Map<number, number | null>, unitId: number): number[] {
  const chain: number[] = [];
  for (let u: number | null | undefined = unitId; u != null && chain.length < 10; u = parents.get(u)) chain.push(u);
  return chain;
}

export async function applyRollupChanges(trx: Q, changes: { before: Counted | null; after: Counted | null }[], chains?: Map<number, number[]>) {
  const real = changes.filter((c) => !same(c.before, c.after));
  if (real.length === 0) return;
  type Delta = { program_id: number; unit_id: number; section_id: number } & Record<Counter, number>;
  const deltas = new Map<string, Delta>();
  const add = (c: Counted, sign: number) => {
    // Without preloaded chains the deltas are keyed by the task's own unit; SQL spreads them up the tree.
    for (const unitId of chains ? chains.get(c.unitId) ?? [c.unitId] : [c.unitId]) {
      const key = `${c.programId}:${unitId}:${c.sectionId}`;
      let d = deltas.get(key);
      if (!d) {
        d = { program_id: c.programId, unit_id: unitId, section_id: c.sectionId, ...Object.fromEntries(COUNTERS.map((k) => [k, 0])) } as Delta;
        deltas.set(key, d);
      }
      d.total += sign;
      d[c.status as Counter] += sign;
      d[(c.rating ?? 'unrated') as Counter] += sign;
    }
  };
  for (const c of real) {
    if (c.before) add(c.before, -1);
    if (c.after) add(c.after, +1);
  }
  const rows = [...deltas.values()].filter((d) => COUNTERS.some((k) => d[k] !== 0));
  if (rows.length === 0) return;
  const set = Object.fromEntries(COUNTERS.map((k) => [k, sql`program_rollups.${sql.ref(k)} + excluded.${sql.ref(k)}`]));
  // Sorted keys: concurrent transactions lock rollup rows in the same order, so they cannot deadlock.
  rows.sort((a, b) => a.program_id - b.program_id || a.unit_id - b.unit_id || a.section_id - b.section_id);
  if (chains) {
    for (let i = 0; i < rows.length; i += 1000) {
      await trx.insertInto('program_rollups').values(rows.slice(i, i + 1000))
        .onConflict((oc) => oc.columns(['program_id', 'unit_id', 'section_id']).doUpdateSet(set)).execute();
    }
    return;
  }
  // One statement: the deltas as arrays, spread to every ancestor unit by a recursive walk up the tree.
  const arr = (k: keyof Delta, type: string) => sql`${rows.map((r) => r[k])}::${sql.raw(type)}[]`;
  await sql`
    with recursive d as (
      select * from unnest(${arr('program_id', 'bigint')}, ${arr('unit_id', 'bigint')}, ${arr('section_id', 'bigint')},
        ${sql.join(COUNTERS.map((k) => arr(k, 'int')))}) as d(program_id, unit_id, section_id, ${sql.join(COUNTERS.map((k) => sql.ref(k)))})
    ), up(start_id, id, depth) as (
      select distinct unit_id, unit_id, 0 from d
      union all
      select up.start_id, u.parent_id, up.depth + 1 from up join units u on u.id = up.id where u.parent_id is not null and up.depth < 10
    )
    insert into program_rollups (program_id, unit_id, section_id, ${sql.join(COUNTERS.map((k) => sql.ref(k)))})
    select d.program_id, up.id, d.section_id, ${sql.join(COUNTERS.map((k) => sql`sum(d.${sql.ref(k)})`))}
    from d join up on up.start_id = d.unit_id
    group by d.program_id, up.id, d.section_id order by d.program_id, up.id, d.section_id
    on conflict (program_id, unit_id, section_id) do update set ${sql.join(COUNTERS.map((k) => sql`${sql.ref(k)} = program_rollups.${sql.ref(k)} + excluded.${sql.ref(k)}`))}`.execute(trx);
}

/** Rebuilds a program's rollups from the tasks (after a bulk load, and to check the maintained rows). */
export async function rebuildRollups(trx: Q, programId: number) {
  await trx.deleteFrom('program_rollups').where('program_id', '=', programId).execute();
  await sql`
    insert into program_rollups (program_id, unit_id, section_id, ${sql.join(COUNTERS.map((c) => sql.ref(c)))})
    with recursive up(task_unit, unit_id, depth) as (
      select distinct unit_id, unit_id, 0 from tasks where program_id = ${programId} and kind = 'task'
      union all
      select up.task_unit, u.parent_id, up.depth + 1 from up join units u on u.id = up.unit_id where u.parent_id is not null and up.depth < 10
    )
    select t.program_id, up.unit_id, t.section_id, count(*),
      ${sql.join(ROLLUP_STATUS.map((s) => sql`count(*) filter (where t.status = ${s})`))},
      ${sql.join(ROLLUP_RATING.map((r) => r === 'unrated' ? sql`count(*) filter (where t.rating is null)` : sql`count(*) filter (where t.rating = ${r})`))}
    from tasks t join up on up.task_unit = t.unit_id
    where t.program_id = ${programId} and t.kind = 'task' and t.section_id is not null
    group by t.program_id, up.unit_id, t.section_id`.execute(trx);
}

export const ROLLUP_COUNTERS = COUNTERS;
