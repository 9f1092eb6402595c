// Reallocation when units merge (Resolution 76/2025/UBTVQH15, Art. 11): the
// successor's quota defaults to the sum of its predecessors' quotas in the
// period and may not exceed it unless an approved decision is cited. The
// predecessors' nodes are closed and their quotas released from their parents
// in the same transaction as the successor's allocation, so a level's total
// does not count a merged unit twice.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { checkRole, requireGrantOver } from '../../platform/policy/policy.ts';
import { STAFFING } from '../staffing.policy.ts';
import * as store from './quotas.store.ts';
import { ensureNode, describeTarget } from './quotas.nodes.ts';
import { allocateInTrx, loadPeriod } from './quotas.service.ts';
import { ce, cv } from './quotas.messages.ts';

export interface MergeInput {
  period: string;
  successorUnitId: number;
  /** Quotas per category; a category left out takes the predecessors' sum. */
  quotas?: Record<string, number>;
  /** An approved decision allowing more than the predecessors' sum. */
  decisionRef?: string;
  effectiveDate?: string;
}

const RULE = 'Nghị quyết 76/2025/UBTVQH15, Điều 11 / Resolution 76/2025/UBTVQH15, Art. 11';

function overPredecessors(name: string, category: string, requested: number, sum: number): AppError {
  const excess = requested - sum;
  return new AppError(
    409,
    'staffing-over-allocation',
    { vi: 'Vượt tổng biên chế các đơn vị trước sáp nhập', en: "Exceeds the merged units' total" },
    {
      vi: `${name} (${cv(category)}): đề nghị ${requested}, vượt tổng biên chế của các đơn vị hợp thành (${sum}) ${excess} chỉ tiêu (${RULE}). Cần số quyết định phê duyệt để vượt mức này. Không có thay đổi nào được ghi.`,
      en: `${name} (${ce(category)}): requested ${requested}, which exceeds the total of the units it was formed from (${sum}) by ${excess} (${RULE}). An approved decision reference is needed to go above it. Nothing was changed.`,
    },
    { limit: 'merge_predecessors', category, requested, predecessorsTotal: sum, excess },
  );
}

export async function reallocateMerge(db: Db, ctx: RequestContext, input: MergeInput) {
  checkRole(ctx, STAFFING['staffing.allocate']);
  const successor = await describeTarget(db, { unitId: input.successorUnitId });
  if (successor.parentUnitId === null)
    throw badRequest({ vi: 'Không áp dụng cho cả nước.', en: 'Does not apply to the country.' });
  await requireGrantOver(db, ctx, STAFFING['staffing.allocate'], successor.parentUnitId);
  const period = await loadPeriod(db, input.period);
  const links = await store.predecessorLinks(db, input.successorUnitId);
  if (links.length === 0) {
    throw badRequest({
      vi: `${successor.name} không có đơn vị tiền thân trong lịch sử sắp xếp.`,
      en: `${successor.name} has no predecessors in the lineage.`,
    });
  }
  return db.transaction().execute(async (trx) => {
    const succNode = await ensureNode(trx, period.id, { unitId: input.successorUnitId });
    // nodeId: an open predecessor node whose quota this merge releases. A node already closed into
    // this successor still counts toward the cap (so the merge can be re-run) but is not released again.
    const preds: {
      unitId: number;
      name: string;
      linkKind: string;
      nodeId: number | null;
      parentId: number | null;
      closedAt: string | null;
      quotas: Map<string, number>;
    }[] = [];
    // For the audit record: the successor's quotas before this merge (the predecessors' are read below).
    const successorBefore = Object.fromEntries(
      (await store.allocationsOf(trx, succNode.id)).map((r) => [r.category, r.quota]),
    );
    for (const l of links) {
      const node = await store.findNodeByKey(trx, period.id, `u:${l.unit_id}`);
      const counts = node && (!node.closed_at || node.successor_node_id === succNode.id);
      const rows = node && counts ? await store.allocationsOf(trx, node.id) : [];
      preds.push({
        unitId: l.unit_id,
        name: l.full_name,
        linkKind: l.kind,
        nodeId: node && !node.closed_at ? node.id : null,
        parentId: node?.parent_id ?? null,
        closedAt: node?.closed_at ?? null,
        quotas: new Map(rows.map((r) => [r.category, r.quota])),
      });
    }
    const categories = new Set([...preds.flatMap((p) => [...p.quotas.keys()]), ...Object.keys(input.quotas ?? {})]);
    // Lock every parent row first (the predecessors' parents and the successor's), then the predecessors' rows: top-down, in id order.
    const parentIds = [
      ...new Set([...preds.map((p) => p.parentId), succNode.parent_id].filter((x): x is number => x !== null)),
    ].sort((a, b) => a - b);
    for (const c of [...categories].sort()) {
      for (const id of parentIds) await store.lockAllocation(trx, id, c);
      for (const p of preds) if (p.nodeId !== null) await store.lockAllocation(trx, p.nodeId, c);
    }
    const outcomes = [];
    for (const c of [...categories].sort()) {
      const sum = preds.reduce((s, p) => s + (p.quotas.get(c) ?? 0), 0);
      const requested = input.quotas?.[c] ?? sum;
      if (requested > sum && !input.decisionRef) throw overPredecessors(successor.name, c, requested, sum);
      for (const p of preds) {
        const q = p.quotas.get(c) ?? 0;
        if (p.nodeId !== null && p.parentId !== null && q > 0) await store.addAllocatedBelow(trx, p.parentId, c, -q);
      }
      const explanation = preds.map((p) => ({ unit: p.name, linkKind: p.linkKind, quota: p.quotas.get(c) ?? 0 }));
      const outcome = await allocateInTrx(
        trx,
        ctx,
        period,
        succNode,
        c,
        requested,
        undefined,
        requested > sum ? input.decisionRef! : null,
        'staffing.merge',
      );
      outcomes.push({
        ...outcome,
        predecessorsTotal: sum,
        predecessors: explanation,
        aboveTotalByDecision: requested > sum ? input.decisionRef : null,
      });
    }
    const closedAt = input.effectiveDate ?? new Date().toISOString().slice(0, 10);
    for (const p of preds) if (p.nodeId !== null) await store.closeNode(trx, p.nodeId, closedAt, succNode.id);
    // Before: the successor's quotas and each predecessor's node, open or closed, with its quotas.
    // After: the successor's quotas and the predecessors' nodes closed into it, with the rule and decision.
    await recordAudit(trx, ctx, {
      action: 'staffing.merge',
      entity: 'staffing_node',
      entityId: succNode.id,
      before: {
        period: period.code,
        successor: { name: successor.name, nodeId: succNode.id, quotas: successorBefore },
        predecessors: preds.map((p) => ({
          unitId: p.unitId,
          nodeId: p.nodeId,
          closedAt: p.closedAt,
          quotas: Object.fromEntries(p.quotas),
        })),
      },
      after: {
        period: period.code,
        successor: {
          name: successor.name,
          nodeId: succNode.id,
          quotas: Object.fromEntries(outcomes.map((o) => [o.category, o.quota])),
        },
        predecessors: preds.map((p) => ({
          unitId: p.unitId,
          nodeId: p.nodeId,
          closedAt: p.nodeId !== null ? closedAt : p.closedAt,
          successorNodeId: succNode.id,
        })),
        decisionRef: input.decisionRef ?? null,
        rule: RULE,
      },
    });
    return { successorNodeId: succNode.id, rule: RULE, categories: outcomes };
  });
}
