// Headcount present at a date, per node and category. The latest figure of a
// node is kept on its allocation row and present_below of every ancestor (the
// subtree total) is adjusted in the same call, so province and national rollups
// are read, never summed live.
//
// Contention: every headcount write adds to the country's row (and its province's)
// in that category, so those rows are a hot spot by design: writers anywhere in the
// country queue on the national row. The write is one call (migration 0008,
// staffing_record_headcount) that locks the chain root first — the order allocation
// writers use, so no deadlock — and commits at once: each writer holds the national
// row for about a millisecond, not for a transaction of 19 round trips as before.
// Measured with eight writers in different provinces at once: about 900–1,200
// writes a second nationally (before: 170–290). We accept the hot row: headcount
// is reported per unit a few times a year (~40,000 nodes × 6 categories a round),
// far below that rate. Refused alternatives: summing the subtree at read time (a
// province rollup over its whole subtree nears the 20 ms target on its own), and an
// append-only journal of deltas folded later (no lock at all, but every reader must
// add the unfolded deltas and something must fold them). A table import still
// records all its rows in one transaction and holds these rows until it commits.
import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireGrantOver } from '../../platform/policy/policy.ts';
import { STAFFING } from '../staffing.policy.ts';
import { readableRoot } from '../staffing.access.ts';
import * as store from '../quotas/quotas.store.ts';
import { ensureNode, describeTarget, type NodeRow } from '../quotas/quotas.nodes.ts';
import { auditActor, loadPeriod, toTarget } from '../quotas/quotas.service.ts';
import type { PresentInput } from '../staffing.schemas.ts';

type Q = Kysely<Database>;

function outcome(r: store.RecordedHeadcount, category: string, asOf: string, present: number) {
  return {
    nodeId: r.node_id,
    category,
    asOf,
    present,
    latest: r.latest,
    quota: r.quota,
    vacancies: Math.max(0, r.quota - present),
    redundant: Math.max(0, present - r.quota),
  };
}

/** Records `present` for one node at `asOf`, inside `trx`. An older date adds history without moving the latest figure. */
export async function recordPresentInTrx(
  trx: Q,
  ctx: RequestContext,
  node: NodeRow,
  category: string,
  asOf: string,
  present: number,
  source: string | null,
) {
  const write = () =>
    store.recordHeadcount(trx, {
      periodId: node.period_id,
      key: node.key,
      category,
      asOf,
      present,
      source,
      actor: auditActor(ctx),
    });
  let r = await write();
  if (r === 'missing') {
    // a row of the chain is missing in this category: create them, then write
    await store.ensureChainRows(trx, node.id, category);
    r = await write();
  }
  if (r === undefined || r === 'missing')
    throw new Error(`staffing headcount: node ${node.key} not found in its own transaction`);
  return outcome(r, category, asOf, present);
}

/**
 * Headcount present in a unit or agency at a date; the officer of that unit (or above)
 * records it. Usually one call in its own transaction; the first figure of a node
 * (its node or rows to create) takes a transaction.
 */
export async function recordPresent(db: Db, ctx: RequestContext, input: PresentInput) {
  const target = toTarget(input);
  const d = await describeTarget(db, target);
  await requireGrantOver(db, ctx, STAFFING['staffing.present'], d.unitId);
  const period = await loadPeriod(db, input.period);
  const source = input.source ?? null;
  const fast = await store.recordHeadcount(db, {
    periodId: period.id,
    key: d.key,
    category: input.category,
    asOf: input.asOf,
    present: input.present,
    source,
    actor: auditActor(ctx),
  });
  if (fast !== undefined && fast !== 'missing') return outcome(fast, input.category, input.asOf, input.present);
  return db.transaction().execute(async (trx) => {
    const node = await ensureNode(trx, period.id, target);
    return recordPresentInTrx(trx, ctx, node, input.category, input.asOf, input.present, source);
  });
}

/** Present headcount of a node over time: the progress of reductions. */
export async function presentHistory(
  db: Db,
  ctx: RequestContext,
  periodCode: string,
  unitId: number,
  category: string,
) {
  await readableRoot(db, ctx, unitId);
  const period = await loadPeriod(db, periodCode);
  const node = await store.findNodeByKey(db, period.id, `u:${unitId}`);
  if (!node) return [];
  return db
    .selectFrom('staffing_actuals')
    .select(['as_of', 'present', 'source'])
    .where('node_id', '=', node.id)
    .where('category', '=', category)
    .orderBy('as_of')
    .execute();
}
