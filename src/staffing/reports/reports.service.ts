// National reports over the maintained rollups: the national total split by
// block (the country node's own row and its children's rows, no subtree
// scan), and one unit's figures across every period with the change from one
// period to the next.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireUser } from '../../accounts/sessions/sessions.access.ts';
import { notFound } from '../../platform/errors.ts';
import * as store from '../quotas/quotas.store.ts';
import { countryUnit } from '../../units/registry/registry.store.ts';
import { loadPeriod } from '../quotas/quotas.service.ts';
import { BLOCK_NAMES, BLOCKS, blockOf, type Block } from './reports.blocks.ts';
import { figuresOf, noFigures, sumFigures, type AllocationRow, type Figures } from '../quotas/quotas.figures.ts';

interface Outside {
  quota: number;
  reserve: number;
  unallocated: number;
  present: number;
  mismatch: number;
}
const byCat = () => ({ byCategory: {} as Record<string, Figures>, total: noFigures() });
// Each row read as every tab reads it (quotas/quotas.figures.ts), then summed: a block's quota is "not assigned" only when none of its rows has one.
const addTo = (g: ReturnType<typeof byCat>, category: string, r: AllocationRow) => {
  const f = figuresOf(r);
  g.byCategory[category] = sumFigures([g.byCategory[category] ?? noFigures(), f]);
  g.total = sumFigures([g.total, f]);
};
const n0 = (x: number | null | undefined) => x ?? 0;

/**
 * The national quota and present of a period by block, per category. What is
 * not in any block is shown, not dropped: the country's reserve and what it
 * has not yet given out (quota), and headcount recorded on the country node
 * itself or on nodes closed by a merger (present).
 */
export async function blocksReport(db: Db, ctx: RequestContext, periodCode: string) {
  requireUser(ctx);
  const period = await loadPeriod(db, periodCode);
  const country = await countryUnit(db);
  const node = country ? await store.findNodeByKey(db, period.id, `u:${country.id}`) : undefined;
  if (!country || !node)
    throw notFound({
      vi: `phân bổ biên chế cả nước trong thời kỳ ${periodCode}`,
      en: `A national staffing allocation in period ${periodCode}`,
    });
  const national = byCat();
  for (const r of await store.allocationsOf(db, node.id)) addTo(national, r.category, r);
  const groups = new Map<
    Block,
    ReturnType<typeof byCat> & {
      members: Map<number, { nodeId: number; code: string; name: string; kind: string | null }>;
    }
  >(BLOCKS.map((b) => [b, { ...byCat(), members: new Map() }]));
  let closed = 0;
  const seenClosed = new Set<number>();
  for (const r of await store.childRollup(db, node.id)) {
    if (r.closed_at) {
      if (!seenClosed.has(r.node_id)) {
        seenClosed.add(r.node_id);
        closed++;
      }
      continue;
    } // its quota moved to its successor
    const g = groups.get(blockOf({ agencyId: r.agency_id, agencyKind: r.agency_kind, agencyKey: r.agency_key }))!;
    g.members.set(r.node_id, {
      nodeId: r.node_id,
      code: r.agency_key ?? r.code,
      name: r.agency_name ?? r.full_name,
      kind: r.agency_kind,
    });
    addTo(g, r.category, r);
  }
  const categories = await store.listCategories(db);
  const blocks = BLOCKS.map((b) => {
    const g = groups.get(b)!;
    return {
      block: b,
      nameVi: BLOCK_NAMES[b].vi,
      nameEn: BLOCK_NAMES[b].en,
      members: [...g.members.values()],
      byCategory: g.byCategory,
      total: g.total,
    };
  }).filter((b) => b.block !== 'unclassified' || b.members.length > 0);
  // Outside the blocks = the national figure less the blocks' sum, per category: the country's
  // reserve and what it has not given out yet (quota), the headcount recorded on the country
  // node itself or on closed nodes (present). `mismatch` is the country's maintained
  // allocated_below less the blocks' quotas: zero unless figures do not add up.
  const outside: Record<string, Outside> = {};
  const outsideTotal: Outside = { quota: 0, reserve: 0, unallocated: 0, present: 0, mismatch: 0 };
  for (const c of categories) {
    const n = national.byCategory[c.code] ?? noFigures();
    const inBlocks = blocks.reduce(
      (s, b) => ({
        quota: s.quota + n0(b.byCategory[c.code]?.quota),
        present: s.present + n0(b.byCategory[c.code]?.present),
      }),
      { quota: 0, present: 0 },
    );
    const o: Outside = {
      quota: n0(n.quota) - inBlocks.quota,
      reserve: n.reserve,
      unallocated: n0(n.available),
      present: n0(n.present) - inBlocks.present,
      mismatch: n.allocatedBelow - inBlocks.quota,
    };
    outside[c.code] = o;
    for (const k of Object.keys(o) as (keyof Outside)[]) outsideTotal[k] += o[k];
  }
  return {
    period: period.code,
    country: { unitId: country.id, name: country.full_name, nodeId: node.id },
    categories: categories.map((c) => ({ code: c.code, nameVi: c.name_vi, nameEn: c.name_en })),
    national: { byCategory: national.byCategory, total: national.total },
    blocks,
    outside: { byCategory: outside, total: outsideTotal },
    closedChildren: closed,
  };
}
