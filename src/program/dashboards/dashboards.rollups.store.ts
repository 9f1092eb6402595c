// Maintained rollups: counts of tasks by status and rating in each unit's
// subtree, per section (program_rollups) and per due month (program_due_rollups,
// which the timeline reads). Callers pass what a change did to a task (its
// counted state before and after); the rows of the unit and all its ancestors
// move in the caller's transaction, one statement per table.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { ROLLUP_RATING, ROLLUP_STATUS } from '../program.db-types.ts';

type Q = Kysely<Database>;
const COUNTERS = ['total', ...ROLLUP_STATUS, ...ROLLUP_RATING] as const;
type Counter = (typeof COUNTERS)[number];

/**
 * The part of a task that rollups count; null when the task is not counted (before creation, or not a task).
 * `dueMonth` is the first day of the due date's month ('YYYY-MM-01'), null without a due date: a task whose
 * deadline moves leaves one month's row and joins another's.
 */
export interface Counted {
  programId: number;
  unitId: number;
  sectionId: number;
  status: string;
  rating: string | null;
  dueMonth: string | null;
}

export const dueMonthOf = (due: string | null) => (due ? `${due.slice(0, 7)}-01` : null);

export function countedOf(t: {
  kind: string;
  program_id: number;
  unit_id: number;
  section_id: number | null;
  status: string;
  rating: string | null;
  due_date: string | null;
}): Counted | null {
  if (t.kind !== 'task' || t.section_id === null) return null;
  return {
    programId: t.program_id,
    unitId: t.unit_id,
    sectionId: t.section_id,
    status: t.status,
    rating: t.rating,
    dueMonth: dueMonthOf(t.due_date),
  };
}

const same = (a: Counted | null, b: Counted | null) =>
  a === b ||
  (!!a &&
    !!b &&
    a.programId === b.programId &&
    a.unitId === b.unitId &&
    a.sectionId === b.sectionId &&
    a.status === b.status &&
    a.rating === b.rating &&
    a.dueMonth === b.dueMonth);

/** Chains from a preloaded parent map (the daily run loads all units once). */
export function chainFromParents(parents: Map<number, number | null>, unitId: number): number[] {
  const chain: number[] = [];
  for (let u: number | null | undefined = unitId; u != null && chain.length < 10; u = parents.get(u)) chain.push(u);
  return chain;
}

/** One rollup table: its name, the column that splits a unit's counts (besides the program) and its SQL type. */
interface Target {
  table: 'program_rollups' | 'program_due_rollups';
  key: 'section_id' | 'due_month';
  keyType: 'bigint' | 'date';
  keyOf: (c: Counted) => number | string | null;
}
const BY_SECTION: Target = {
  table: 'program_rollups',
  key: 'section_id',
  keyType: 'bigint',
  keyOf: (c) => c.sectionId,
};
const BY_DUE_MONTH: Target = {
  table: 'program_due_rollups',
  key: 'due_month',
  keyType: 'date',
  keyOf: (c) => c.dueMonth,
};
type Delta = { program_id: number; unit_id: number; key: number | string } & Record<Counter, number>;

export async function applyRollupChanges(
  trx: Q,
  changes: { before: Counted | null; after: Counted | null }[],
  chains?: Map<number, number[]>,
) {
  const real = changes.filter((c) => !same(c.before, c.after));
  if (real.length === 0) return;
  const targets = [BY_SECTION, BY_DUE_MONTH].map((target) => ({ target, rows: deltasFor(target, real, chains) }));
  if (chains) {
    // Always in this order, so two transactions never lock the two tables' rows the other way round.
    for (const { target, rows } of targets) await insertPreSpread(trx, target, rows);
    return;
  }
  const [bySection, byMonth] = targets.map((t) => t.rows);
  if (bySection.length === 0 && byMonth.length === 0) return;
  // One statement for both tables: the deltas as arrays, spread to every ancestor unit by one recursive walk
  // up the tree. The section rollups are written first (the first count read below), then the month ones, each
  // in sorted key order, so concurrent transactions lock rollup rows in the same order and cannot deadlock.
  await sql`/* prepare:rollup-apply */
    with recursive s as (select * from ${unnest(BY_SECTION, bySection)}), m as (select * from ${unnest(BY_DUE_MONTH, byMonth)}),
    up(start_id, id, depth) as (
      select distinct unit_id, unit_id, 0 from (select unit_id from s union select unit_id from m) x
      union all
      select up.start_id, u.parent_id, up.depth + 1 from up join units u on u.id = up.id where u.parent_id is not null and up.depth < 10
    ),
    si as (${spreadInsert(BY_SECTION, sql`s`)}), mi as (${spreadInsert(BY_DUE_MONTH, sql`m`)})
    select (select count(*) from si) as sections, (select count(*) from mi) as months`.execute(trx);
}

const cols = sql.join(COUNTERS.map((k) => sql.ref(k)));
const arr = (values: unknown[], type: string): RawBuilder<unknown> => sql`${values}::${sql.raw(type)}[]`;
const unnest = (target: Target, part: Delta[]) => sql`unnest(${arr(
  part.map((r) => r.program_id),
  'bigint',
)}, ${arr(
  part.map((r) => r.unit_id),
  'bigint',
)},
  ${arr(
    part.map((r) => r.key),
    target.keyType,
  )}, ${sql.join(
    COUNTERS.map((k) =>
      arr(
        part.map((r) => r[k]),
        'int',
      ),
    ),
  )})
  as d(program_id, unit_id, k, ${cols})`;
const onConflict = (target: Target) => sql`on conflict (program_id, unit_id, ${sql.ref(target.key)}) do update set
  ${sql.join(COUNTERS.map((k) => sql`${sql.ref(k)} = ${sql.table(target.table)}.${sql.ref(k)} + excluded.${sql.ref(k)}`))}`;

/** Adds deltas `d` (keyed by the task's own unit) to the unit and each of its ancestors (`up`). */
const spreadInsert = (
  target: Target,
  d: RawBuilder<unknown>,
) => sql`insert into ${sql.table(target.table)} (program_id, unit_id, ${sql.ref(target.key)}, ${cols})
    select d.program_id, up.id, d.k, ${sql.join(COUNTERS.map((k) => sql`sum(d.${sql.ref(k)})`))}
    from ${d} d join up on up.start_id = d.unit_id
    group by d.program_id, up.id, d.k order by d.program_id, up.id, d.k
    ${onConflict(target)} returning 1`;

/** Deltas already spread to every ancestor with preloaded chains (the daily run), in batches. */
async function insertPreSpread(trx: Q, target: Target, rows: Delta[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await sql`insert into ${sql.table(target.table)} (program_id, unit_id, ${sql.ref(target.key)}, ${cols})
      select * from ${unnest(target, rows.slice(i, i + 1000))} ${onConflict(target)}`.execute(trx);
  }
}

/** The non-zero count deltas for one rollup table, sorted by key. */
function deltasFor(
  target: Target,
  real: { before: Counted | null; after: Counted | null }[],
  chains?: Map<number, number[]>,
): Delta[] {
  const deltas = new Map<string, Delta>();
  const add = (c: Counted, sign: number) => {
    const key = target.keyOf(c);
    if (key === null) return; // no due date: not on the timeline
    // Without preloaded chains the deltas are keyed by the task's own unit; SQL spreads them up the tree.
    for (const unitId of chains ? (chains.get(c.unitId) ?? [c.unitId]) : [c.unitId]) {
      const id = `${c.programId}:${unitId}:${key}`;
      let d = deltas.get(id);
      if (!d) {
        d = {
          program_id: c.programId,
          unit_id: unitId,
          key,
          ...Object.fromEntries(COUNTERS.map((k) => [k, 0])),
        } as Delta;
        deltas.set(id, d);
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
  // Sorted keys: concurrent transactions lock rollup rows in the same order, so they cannot deadlock.
  return rows.sort(
    (a, b) => a.program_id - b.program_id || a.unit_id - b.unit_id || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** Rebuilds a program's rollups from the tasks (after a bulk load, and to check the maintained rows). */
export async function rebuildRollups(trx: Q, programId: number) {
  await trx.deleteFrom('program_rollups').where('program_id', '=', programId).execute();
  await trx.deleteFrom('program_due_rollups').where('program_id', '=', programId).execute();
  for (const target of [BY_SECTION, BY_DUE_MONTH]) {
    const key = target === BY_SECTION ? sql`t.section_id` : sql`date_trunc('month', t.due_date::timestamp)::date`;
    await sql`
      insert into ${sql.table(target.table)} (program_id, unit_id, ${sql.ref(target.key)}, ${sql.join(COUNTERS.map((c) => sql.ref(c)))})
      with recursive up(task_unit, unit_id, depth) as (
        select distinct unit_id, unit_id, 0 from tasks where program_id = ${programId} and kind = 'task'
        union all
        select up.task_unit, u.parent_id, up.depth + 1 from up join units u on u.id = up.unit_id where u.parent_id is not null and up.depth < 10
      )
      select t.program_id, up.unit_id, ${key}, count(*),
        ${sql.join(ROLLUP_STATUS.map((s) => sql`count(*) filter (where t.status = ${s})`))},
        ${sql.join(ROLLUP_RATING.map((r) => (r === 'unrated' ? sql`count(*) filter (where t.rating is null)` : sql`count(*) filter (where t.rating = ${r})`)))}
      from tasks t join up on up.task_unit = t.unit_id
      where t.program_id = ${programId} and t.kind = 'task' and t.section_id is not null
        ${target === BY_DUE_MONTH ? sql`and t.due_date is not null` : sql``}
      group by t.program_id, up.unit_id, ${key}`.execute(trx);
  }
}

export const ROLLUP_COUNTERS = COUNTERS;
