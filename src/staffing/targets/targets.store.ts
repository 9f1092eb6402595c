// SQL of the streamlining targets: the target rows, and the recorded
// headcounts they are read against (staffing_actuals, read only here).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

export interface TargetValues {
  node_id: number;
  category: string;
  baseline_date: string;
  baseline_as_of: string;
  baseline_headcount: number;
  target_date: string;
  target_headcount: number;
  cut_percent: number | null;
  rule_set_id: string | null;
  rule_set_version: number | null;
  basis: string;
  set_by: string;
  set_by_id: number | null;
}

/** The target of a node in a category, locked until the transaction ends (two setters of one target queue). */
export const lockTarget = (db: Q, nodeId: number, category: string) =>
  db
    .selectFrom('staffing_targets')
    .selectAll()
    .where('node_id', '=', nodeId)
    .where('category', '=', category)
    .forUpdate()
    .executeTakeFirst();

export function upsertTarget(db: Q, t: TargetValues) {
  const { node_id: _n, category: _c, ...rest } = t;
  return db
    .insertInto('staffing_targets')
    .values({ ...t, set_at: new Date() })
    .onConflict((oc) => oc.columns(['node_id', 'category']).doUpdateSet({ ...rest, set_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The latest headcount recorded for a node on or before `date`: the baseline of a target. */
export const actualOnOrBefore = (db: Q, nodeId: number, category: string, date: string) =>
  db
    .selectFrom('staffing_actuals')
    .select(['as_of', 'present'])
    .where('node_id', '=', nodeId)
    .where('category', '=', category)
    .where('as_of', '<=', date)
    .orderBy('as_of', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Every recorded headcount of a node in a category, oldest first. */
export const actualsOf = (db: Q, nodeId: number, category: string) =>
  db
    .selectFrom('staffing_actuals')
    .select(['as_of', 'present', 'source'])
    .where('node_id', '=', nodeId)
    .where('category', '=', category)
    .orderBy('as_of')
    .execute();

const targetColumns = (db: Q) =>
  db
    .selectFrom('staffing_targets as t')
    .innerJoin('staffing_nodes as n', 'n.id', 't.node_id')
    .innerJoin('units as u', 'u.id', 'n.unit_id')
    .leftJoin('agencies as g', 'g.id', 'n.agency_id')
    .selectAll('t')
    .select(['n.unit_id', 'n.agency_id', 'n.parent_id', 'u.code', 'u.full_name', 'u.level', 'g.name as agency_name']);

/** Targets of a period, optionally only those of one node and the nodes right under it, with names for a table. */
export function listTargets(db: Q, periodId: number, o: { nodeId?: number; category?: string } = {}) {
  let q = targetColumns(db).where('n.period_id', '=', periodId);
  if (o.nodeId !== undefined)
    q = q.where((eb) => eb.or([eb('n.id', '=', o.nodeId!), eb('n.parent_id', '=', o.nodeId!)]));
  if (o.category !== undefined) q = q.where('t.category', '=', o.category);
  return q.orderBy('u.level').orderBy('u.code').orderBy('n.id').orderBy('t.category').execute();
}

/** All recorded headcounts of these nodes (the ones that have targets), oldest first, in one query. */
export async function actualsOfNodes(db: Q, nodeIds: number[]) {
  if (nodeIds.length === 0) return [];
  return db
    .selectFrom('staffing_actuals')
    .select(['node_id', 'category', 'as_of', 'present', 'source'])
    .where('node_id', 'in', nodeIds)
    .orderBy('node_id')
    .orderBy('category')
    .orderBy('as_of')
    .execute();
}

/** The maintained subtree headcount (present_below) of these nodes, per category. */
export async function subtreePresentOf(db: Q, nodeIds: number[]) {
  if (nodeIds.length === 0) return [];
  return db
    .selectFrom('staffing_allocations')
    .select(['node_id', 'category', 'present_below'])
    .where('node_id', 'in', nodeIds)
    .execute();
}
