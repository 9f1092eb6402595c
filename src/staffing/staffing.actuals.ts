// Headcount present at a date, per node and category. The latest figure of a
// node is kept on its allocation row and the subtree totals of every ancestor
// are adjusted in the same transaction (rows locked root first, the order every
// writer uses), so province and national rollups are read, never summed live.
import type { Kysely } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/db-schema.ts';
import type { RequestContext } from '../platform/context.ts';
import { recordAudit } from '../platform/audit.ts';
import { requireRole, requireUnitScope, WRITER_ROLES } from '../accounts/access.ts';
import * as store from './staffing.store.ts';
import { ensureNode, describeTarget, type NodeRow } from './staffing.nodes.ts';
import { loadPeriod, toTarget } from './staffing.service.ts';
import type { PresentInput } from './staffing.schemas.ts';

type Q = Kysely<Database>;

/** Records `present` for one node at `asOf`, inside `trx`. An older date adds history without moving the latest figure. */
export async function recordPresentInTrx(trx: Q, ctx: RequestContext, node: NodeRow, category: string, asOf: string, present: number, source: string | null) {
  const ancestors = await store.ancestorNodes(trx, node.id);
  for (const a of ancestors) await store.ensureAllocationRow(trx, a.id, category);
  await store.ensureAllocationRow(trx, node.id, category);
  for (const a of ancestors) await store.lockAllocation(trx, a.id, category);
  const own = (await store.lockAllocation(trx, node.id, category))!;
  await store.upsertActual(trx, { node_id: node.id, category, as_of: asOf, present, source });
  const isLatest = own.present_as_of === null || asOf >= own.present_as_of;
  const delta = isLatest ? present - (own.present ?? 0) : 0;
  if (isLatest) {
    await store.setPresent(trx, node.id, category, present, asOf, delta);
    if (delta !== 0) for (const a of ancestors) await store.addPresentBelow(trx, a.id, category, delta);
  }
  await recordAudit(trx, ctx, { action: 'staffing.present', entity: 'staffing_actual', entityId: `${node.id}:${category}:${asOf}`,
    before: { present: own.present, asOf: own.present_as_of }, after: { present, asOf, source } });
  return { nodeId: node.id, category, asOf, present, latest: isLatest, quota: own.quota,
    vacancies: Math.max(0, own.quota - present), redundant: Math.max(0, present - own.quota) };
}

/** Headcount present in a unit or agency at a date; the officer of that unit (or above) records it. */
export async function recordPresent(db: Db, ctx: RequestContext, input: PresentInput) {
  requireRole(ctx, WRITER_ROLES);
  const target = toTarget(input);
  const d = await describeTarget(db, target);
  await requireUnitScope(db, ctx, d.unitId, WRITER_ROLES);
  const period = await loadPeriod(db, input.period);
  return db.transaction().execute(async (trx) => {
    const node = await ensureNode(trx, period.id, target);
    return recordPresentInTrx(trx, ctx, node, input.category, input.asOf, input.present, input.source ?? null);
  });
}

/** Present headcount of a node over time: the progress of reductions. */
export async function presentHistory(db: Db, periodCode: string, unitId: number, category: string) {
  const period = await loadPeriod(db, periodCode);
  const node = await store.findNodeByKey(db, period.id, `u:${unitId}`);
  if (!node) return [];
  return db.selectFrom('staffing_actuals').select(['as_of', 'present', 'source'])
    .where('node_id', '=', node.id).where('category', '=', category).orderBy('as_of').execute();
}
