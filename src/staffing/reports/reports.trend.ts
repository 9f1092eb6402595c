// One unit's (default: the country's) quota, reserve and present across every
// period, side by side, with the change from one period to the next. A unit
// formed by a merger has no node in the periods before it existed: there its
// predecessors' nodes are summed (as the 2026–2031 reduction rule takes its
// base), and the answer says so. A period with neither is null, not zero; so
// is a quota nobody assigned (a row that only carries recorded headcount): the
// meaning of each row is quotas/quotas.figures.ts's, as on every other tab. A change
// is kept exact, as the difference and the figure it is measured from.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { readableRoot, readableTarget } from '../staffing.access.ts';
import * as store from '../quotas/quotas.store.ts';
import * as rstore from './reports.store.ts';
import type { Target } from '../quotas/quotas.nodes.ts';
import { figuresOf, sumFigures } from '../quotas/quotas.figures.ts';

export interface TrendInput {
  unitId?: number;
  agencyId?: number;
  category?: string;
}
interface Values {
  quota: number | null;
  reserve: number | null;
  allocatedBelow: number;
  present: number | null;
  illustrative: boolean;
}

/** The change from `prev` to `cur`: the difference and its base (a share is abs of from, written by the screen). */
const change = (cur: number | null, prev: number | null) =>
  cur === null || prev === null ? null : { abs: cur - prev, from: prev };

export async function trendReport(db: Db, ctx: RequestContext, input: TrendInput) {
  const target: Target =
    input.agencyId !== undefined ? { agencyId: input.agencyId } : { unitId: await readableRoot(db, ctx, input.unitId) };
  const d = await readableTarget(db, ctx, target);
  const unit = target.unitId !== undefined ? await store.findUnit(db, target.unitId) : undefined;
  // Direct predecessors of the same level (the provinces a province was formed from).
  const preds = unit
    ? (await store.predecessorLinks(db, unit.id)).filter((p) => p.level === unit.level && p.unit_id !== unit.id)
    : [];
  const predKeys = new Map(preds.map((p) => [`u:${p.unit_id}`, p.full_name]));
  const rows = await rstore.periodsWithRows(db, [d.key, ...predKeys.keys()], input.category);
  const periods = new Map<
    number,
    { code: string; name: string; startDate: string; endDate: string; own: typeof rows; preds: typeof rows }
  >();
  for (const r of rows) {
    const p = periods.get(r.period_id) ?? {
      code: r.code,
      name: r.name,
      startDate: r.start_date,
      endDate: r.end_date,
      own: [],
      preds: [],
    };
    periods.set(r.period_id, p);
    if (r.category === null) continue; // the period has no row for these nodes
    (r.key === d.key ? p.own : p.preds).push(r);
  }
  let prev: Values | null = null;
  const items = [...periods.values()].map((p) => {
    const use = p.own.length ? p.own : p.preds;
    const source = p.own.length ? ('own' as const) : p.preds.length ? ('predecessors' as const) : null;
    let v: Values | null = null;
    if (use.length) {
      const f = sumFigures(
        use.map((r) =>
          figuresOf({
            quota: r.quota!,
            reserve: r.reserve!,
            allocated_below: r.allocated_below!,
            present: r.present,
            present_below: r.present_below!,
            decision_ref: r.decision_ref,
          }),
        ),
      );
      v = {
        quota: f.quota,
        reserve: f.quota === null ? null : f.reserve,
        allocatedBelow: f.allocatedBelow,
        present: f.present,
        illustrative: f.illustrative,
      };
    }
    const out = {
      period: p.code,
      name: p.name,
      startDate: p.startDate,
      endDate: p.endDate,
      source,
      sources: source === 'predecessors' ? [...new Set(p.preds.map((r) => predKeys.get(r.key!)!))] : [],
      quota: v?.quota ?? null,
      reserve: v?.reserve ?? null,
      allocatedBelow: v?.allocatedBelow ?? null,
      present: v?.present ?? null,
      illustrative: v?.illustrative ?? false,
      change:
        prev === null || v === null
          ? null
          : {
              quota: change(v.quota, prev.quota),
              reserve: change(v.reserve, prev.reserve),
              present: change(v.present, prev.present),
            },
    };
    prev = v;
    return out;
  });
  return {
    unit: { key: d.key, unitId: d.unitId, agencyId: d.agencyId, name: d.name },
    category: input.category ?? null,
    items,
  };
}
