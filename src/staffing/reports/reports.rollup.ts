// Quota against present for the units under one node (the provinces under the
// country, the communes and agencies under a province), per category and in
// total. Reads the maintained rollup columns of the children's rows only: no
// subtree is summed at read time. What each row means (a quota not assigned,
// no headcount recorded, an illustrative figure) is quotas/quotas.figures.ts's.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { readableRoot } from '../staffing.access.ts';
import { notFound } from '../../platform/errors.ts';
import * as store from '../quotas/quotas.store.ts';
import { loadPeriod } from '../quotas/quotas.service.ts';
import { byCategory } from '../quotas/quotas.figures.ts';

export async function rollup(db: Db, ctx: RequestContext, periodCode: string, unitId?: number) {
  const rootUnitId = await readableRoot(db, ctx, unitId);
  const period = await loadPeriod(db, periodCode);
  const node = await store.findNodeByKey(db, period.id, `u:${rootUnitId}`);
  if (!node)
    throw notFound({
      vi: `phân bổ biên chế của đơn vị này trong thời kỳ ${periodCode}`,
      en: `A staffing allocation of this unit in period ${periodCode}`,
    });
  const unit = (await store.findUnit(db, node.unit_id))!;
  const self = byCategory(await store.allocationsOf(db, node.id));
  const rows = await store.childRollup(db, node.id);
  const children = new Map<number, { head: (typeof rows)[number]; rows: typeof rows }>();
  for (const r of rows) {
    const c = children.get(r.node_id) ?? { head: r, rows: [] };
    children.set(r.node_id, c);
    c.rows.push(r);
  }
  // Closed children (merged away) hold no quota of their own any more: their quota moved to the successor.
  const items = [...children.values()]
    .filter((c) => c.head.closed_at === null)
    .map(({ head: r, rows: own }) => ({
      nodeId: r.node_id,
      unitId: r.unit_id,
      agencyId: r.agency_id,
      code: r.code,
      name: r.agency_name ?? r.full_name,
      level: r.level,
      ...byCategory(own),
    }));
  return {
    period: period.code,
    note: period.data_note,
    toleranceShare: Number(period.tolerance_share),
    node: { nodeId: node.id, unitId: unit.id, code: unit.code, name: unit.full_name, level: unit.level, ...self },
    items,
  };
}
