// One unit's (default: the country's) quota, reserve and present across every
// period, side by side, with the change from one period to the next. A unit
// formed by a merger has no node in the periods before it existed: there its
// predecessors' nodes are summed (as the 2026–2031 reduction rule takes its
// base), and the answer says so. A period with neither is null, not zero; so
// is a quota nobody assigned (a row that only carries recorded headcount).
import type { Db } from '../platform/db.ts';
import type { RequestContext } from '../platform/context.ts';
import { readableRoot, readableTarget } from './staffing.access.ts';
import * as store from './staffing.store.ts';
import { countryUnit } from '../units/units.store.ts';
import * as rstore from './staffing.reports.store.ts';
import { describeTarget, type Target } from './staffing.nodes.ts';
import { notFound } from '../platform/errors.ts';

export interface TrendInput { unitId?: number; agencyId?: number; category?: string }
interface Values { quota: number | null; reserve: number | null; allocatedBelow: number; present: number | null }

const change = (cur: number | null, prev: number | null) => {
  if (cur === null || prev === null) return null;
  return { abs: cur - prev, pct: prev === 0 ? null : Math.round(((cur - prev) / prev) * 10000) / 100 };
};

export async function trendReport(db: Db, ctx: RequestContext, input: TrendInput) {
  const target: Target = input.agencyId !== undefined ? { agencyId: input.agencyId } : { unitId: await readableRoot(db, ctx, input.unitId) };
  const d = await readableTarget(db, ctx, target);
  const unit = target.unitId !== undefined ? await store.findUnit(db, target.unitId) : undefined;
  // Direct predecessors of the same level (the provinces a province was formed from).
  const preds = unit ? (await store.predecessorLinks(db, unit.id)).filter((p) => p.level === unit.level && p.unit_id !== unit.id) : [];
  const predKeys = new Map(preds.map((p) => [`u:${p.unit_id}`, p.full_name]));
  const rows = await rstore.periodsWithRows(db, [d.key, ...predKeys.keys()], input.category);
  const periods = new Map<number, { code: string; name: string; startDate: string; endDate: string; own: typeof rows; preds: typeof rows }>();
  for (const r of rows) {
    const p = periods.get(r.period_id) ?? { code: r.code, name: r.name, startDate: r.start_date, endDate: r.end_date, own: [], preds: [] };
    periods.set(r.period_id, p);
    if (r.category === null) continue; // the period has no row for these nodes
    (r.key === d.key ? p.own : p.preds).push(r);
  }
  let prev: Values | null = null;
  const items = [...periods.values()].map((p) => {
    const use = p.own.length ? p.own : p.preds;
    const source = p.own.length ? 'own' as const : p.preds.length ? 'predecessors' as const : null;
    let v: Values | null = null;
    if (use.length) {
      const recorded = use.some((r) => r.present !== null || r.present_below !== 0);
      v = { quota: 0, reserve: 0, allocatedBelow: 0, present: recorded ? 0 : null };
      for (const r of use) { v.quota = v.quota! + r.quota!; v.reserve = v.reserve! + r.reserve!; v.allocatedBelow += r.allocated_below!; if (v.present !== null) v.present += r.present_below!; }
      // Rows that only carry headcount (created when a figure present was recorded) hold no
      // quota, reserve, allocation or decision: the quota was not assigned, which is not 0.
      if (use.every((r) => r.quota === 0 && r.reserve === 0 && r.allocated_below === 0 && r.decision_ref === null)) { v.quota = null; v.reserve = null; }
    }
    const out = {
      period: p.code, name: p.name, startDate: p.startDate, endDate: p.endDate, source,
      sources: source === 'predecessors' ? [...new Set(p.preds.map((r) => predKeys.get(r.key!)!))] : [],
      quota: v?.quota ?? null, reserve: v?.reserve ?? null, allocatedBelow: v?.allocatedBelow ?? null, present: v?.present ?? null,
      change: prev === null || v === null ? null
        : { quota: change(v.quota, prev.quota), reserve: change(v.reserve, prev.reserve), present: change(v.present, prev.present) },
    };
    prev = v;
    return out;
  });
  return { unit: { key: d.key, unitId: d.unitId, agencyId: d.agencyId, name: d.name }, category: input.category ?? null, items };
}
