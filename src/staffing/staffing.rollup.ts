// Quota against present for the units under one node (the provinces under the
// country, the communes and agencies under a province), per category and in
// total. Reads the maintained rollup columns of the children's rows only: no
// subtree is summed at read time.
import type { Db } from '../platform/db.ts';
import type { RequestContext } from '../platform/context.ts';
import { readableRoot } from './staffing.access.ts';
import { notFound } from '../platform/errors.ts';
import * as store from './staffing.store.ts';
import { loadPeriod } from './staffing.service.ts';
import { countryUnit } from '../units/units.store.ts';

interface Figures { quota: number; reserve: number; allocatedBelow: number; present: number }
const empty = (): Figures => ({ quota: 0, reserve: 0, allocatedBelow: 0, present: 0 });
const add = (a: Figures, r: { quota: number; reserve: number; allocated_below: number; present_below: number }) => {
  a.quota += r.quota; a.reserve += r.reserve; a.allocatedBelow += r.allocated_below; a.present += r.present_below;
};

export async function rollup(db: Db, ctx: RequestContext, periodCode: string, unitId?: number) {
  const rootUnitId = await readableRoot(db, ctx, unitId);
  const period = await loadPeriod(db, periodCode);
  const node = await store.findNodeByKey(db, period.id, `u:${rootUnitId}`);
  if (!node) throw notFound({ vi: `phân bổ biên chế của đơn vị này trong thời kỳ ${periodCode}`, en: `A staffing allocation of this unit in period ${periodCode}` });
  const unit = (await store.findUnit(db, node.unit_id))!;
  const own = await store.allocationsOf(db, node.id);
  const self = { byCategory: {} as Record<string, Figures>, total: empty() };
  for (const r of own) { self.byCategory[r.category] = empty(); add(self.byCategory[r.category], r); add(self.total, r); }
  const rows = await store.childRollup(db, node.id);
  const children = new Map<number, { nodeId: number; unitId: number; agencyId: number | null; code: string; name: string; level: number; closed: boolean; byCategory: Record<string, Figures>; total: Figures }>();
  for (const r of rows) {
    let c = children.get(r.node_id);
    if (!c) {
      c = { nodeId: r.node_id, unitId: r.unit_id, agencyId: r.agency_id, code: r.code, name: r.agency_name ?? r.full_name, level: r.level, closed: r.closed_at !== null, byCategory: {}, total: empty() };
      children.set(r.node_id, c);
    }
    c.byCategory[r.category] = empty();
    add(c.byCategory[r.category], r);
    add(c.total, r);
  }
  const items = [...children.values()].filter((c) => !c.closed).map((c) => ({ ...c, usedShare: c.total.quota ? c.total.present / c.total.quota : null }));
  return { period: period.code, toleranceShare: Number(period.tolerance_share), node: { nodeId: node.id, unitId: unit.id, code: unit.code, name: unit.full_name, ...self }, items };
}
