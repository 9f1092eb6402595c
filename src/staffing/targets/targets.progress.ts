// The progress of reductions: each target's recorded headcounts (the node's own
// history in staffing_actuals, as presentHistory reads it for one unit, here for
// all the listed nodes in one query) against the straight line from its
// baseline to its target. The latest subtree total kept on the allocation row
// is shown beside it, so a node whose staff are also recorded on the nodes
// below it is visible as such rather than silently mixed in.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { readableRoot, readableTarget } from '../staffing.access.ts';
import * as store from '../quotas/quotas.store.ts';
import * as tstore from './targets.store.ts';
import type { Target } from '../quotas/quotas.nodes.ts';
import { loadPeriod } from '../quotas/quotas.service.ts';
import { daysBetween, plannedOn, progressPoints, summarise, type Recorded } from './targets.path.ts';
import { todayIso } from '../../platform/errors.ts';
import { isIllustrative } from '../quotas/quotas.figures.ts';

export interface TargetsQueryInput {
  period: string;
  category?: string;
  unitId?: number;
  agencyId?: number;
  asOf?: string;
}

/**
 * Targets of a period with their progress: all of them, or those of one unit
 * or agency and of the nodes right under it (a province and its communes and
 * agencies). `asOf` (default today) gives the planned value "now".
 */
export async function targetProgress(db: Db, ctx: RequestContext, q: TargetsQueryInput) {
  // Without a unit: the caller's own (the whole country for national grants, which lists every target).
  const target = (
    q.agencyId !== undefined ? { agencyId: q.agencyId } : { unitId: await readableRoot(db, ctx, q.unitId) }
  ) as Target;
  const d = await readableTarget(db, ctx, target);
  const period = await loadPeriod(db, q.period);
  let nodeId: number | undefined;
  if (d.agencyId !== null || d.parentUnitId !== null) {
    const node = await store.findNodeByKey(db, period.id, d.key);
    if (!node) return { period: period.code, asOf: q.asOf ?? todayIso(), items: [] };
    nodeId = node.id;
  }
  const rows = await tstore.listTargets(db, period.id, { nodeId, category: q.category });
  const actuals = await tstore.actualsOfNodes(db, [...new Set(rows.map((r) => r.node_id))]);
  const history = new Map<string, Recorded[]>();
  for (const a of actuals) {
    const k = `${a.node_id}:${a.category}`;
    if (!history.has(k)) history.set(k, []);
    history.get(k)!.push({ asOf: a.as_of, present: a.present, source: a.source });
  }
  const subtree = new Map(
    (await tstore.subtreePresentOf(db, [...new Set(rows.map((r) => r.node_id))])).map((a) => [
      `${a.node_id}:${a.category}`,
      a.present_below,
    ]),
  );
  const asOf = q.asOf ?? todayIso();
  const items = rows.map((r) => {
    const line = {
      baselineDate: r.baseline_date,
      baselineHeadcount: r.baseline_headcount,
      targetDate: r.target_date,
      targetHeadcount: r.target_headcount,
    };
    const recorded = history.get(`${r.node_id}:${r.category}`) ?? [];
    const points = progressPoints(line, recorded);
    const own = points.at(-1)?.present ?? null;
    const below = subtree.get(`${r.node_id}:${r.category}`) ?? null;
    return {
      nodeId: r.node_id,
      unitId: r.unit_id,
      agencyId: r.agency_id,
      code: r.code,
      name: r.agency_name ?? r.full_name,
      level: r.level,
      isRoot: r.node_id === nodeId,
      category: r.category,
      baselineDate: r.baseline_date,
      baselineAsOf: r.baseline_as_of,
      baselineHeadcount: r.baseline_headcount,
      targetDate: r.target_date,
      targetHeadcount: r.target_headcount,
      cutPercent: r.cut_percent,
      ruleSetId: r.rule_set_id,
      ruleSetVersion: r.rule_set_version,
      basis: r.basis,
      setBy: r.set_by,
      setAt: r.set_at,
      // Not official: the basis or a recorded headcount says it is illustrative (quotas/quotas.figures.ts).
      illustrative: isIllustrative(r.basis) || recorded.some((h) => isIllustrative(h.source)),
      ...summarise(line, points),
      // Exact: the screen rounds. The time gone is days of the baseline-to-target days, clamped to the line.
      plannedNow: plannedOn(line, asOf),
      elapsed: {
        days: Math.min(
          Math.max(daysBetween(line.baselineDate, asOf), 0),
          daysBetween(line.baselineDate, line.targetDate),
        ),
        of: daysBetween(line.baselineDate, line.targetDate),
      },
      // The subtree's latest total (this node and the nodes below it); differs from the node's own latest record when staff are recorded below too.
      subtreePresent: below,
      recordedBelow: below !== null && own !== null && below !== own,
      points,
    };
  });
  return { period: period.code, asOf, items };
}
