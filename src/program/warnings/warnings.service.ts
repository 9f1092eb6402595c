// Stored warnings: listing in the caller's scope, acknowledging, resolving,
// escalating unresolved ones to the level above, and the daily full
// re-evaluation. Raising and clearing happen in warnings.evaluate.ts.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, notFound, todayIso } from '../../platform/errors.ts';
import { escalateWarnings, type MailConfig } from './warnings.escalation.ts';
import { evaluateTasks, factsOfPage, judgeRows, verdictDiffers } from './warnings.evaluate.ts';
import { cascadeParents, evalPage } from './warnings.store.ts';
import { chainFromParents } from '../dashboards/dashboards.rollups.store.ts';
import * as store from './warnings.actions.store.ts';
import { CHANNELS, publish, publishMany } from '../events/events.publish.ts';
import { requireUnitIn, scopeOf } from '../program.scope.ts';
import { PROGRAM } from '../program.policy.ts';
import type { Warning } from '../program.types.ts';

export async function listWarnings(
  db: Db,
  ctx: RequestContext,
  q: { programId?: number; unitId?: number; open: boolean; limit: number; offset: number },
) {
  if (q.unitId) await requireUnitIn(db, ctx, q.unitId, PROGRAM['task.read']);
  const scope = await scopeOf(db, ctx, PROGRAM['task.read']);
  const { items, total } = await store.listWarnings(db, scope, q);
  return {
    total,
    items: items.map((w) => ({
      id: w.id,
      taskId: w.task_id,
      taskCode: w.code,
      taskTitle: { vi: w.title_vi, en: w.title_en },
      unitName: w.unit_name,
      // Text and JSON columns as the engine writes them (CHECK constraints in migrations 0004 and 0016).
      kind: w.kind as Warning['kind'],
      severity: w.severity as Warning['severity'],
      message: { vi: w.message_vi, en: w.message_en },
      facts: w.facts as Warning['facts'],
      raisedAt: w.raised_at,
      acknowledgedAt: w.acknowledged_at,
      resolvedAt: w.resolved_at,
      escalatedAt: w.escalated_at,
      escalatedToUnit: w.escalated_to_unit,
    })),
  };
}

async function warningInScope(db: Db, ctx: RequestContext, id: number) {
  const w = await store.warningUnit(db, id);
  if (!w) throw warningNotFound(id);
  await requireUnitIn(db, ctx, w.unit_id, PROGRAM['warning.handle']);
}

const warningNotFound = (id: number) => notFound({ vi: `cảnh báo số ${id}`, en: `Warning ${id}` });

/** The warning locked in the change's transaction: what it holds here is the audit's "before". */
async function lockOpenWarning(trx: Db, id: number) {
  const w = await store.lockWarning(trx, id);
  if (!w) throw warningNotFound(id);
  if (w.resolved_at) throw badRequest({ vi: 'Cảnh báo đã được xử lý xong.', en: 'The warning is already resolved.' });
  return w;
}

/** A warning's state as the audit log keeps it, before and after an action. */
const auditState = (w: {
  task_id: number;
  kind: string;
  message_vi: string;
  acknowledged_at: Date | null;
  acknowledged_by: number | null;
  resolved_at: Date | null;
  resolved_by: number | null;
}) => ({
  taskId: w.task_id,
  kind: w.kind,
  message: w.message_vi,
  acknowledgedAt: w.acknowledged_at,
  acknowledgedBy: w.acknowledged_by,
  resolvedAt: w.resolved_at,
  resolvedBy: w.resolved_by,
});

/** Acknowledge: someone saw it. It stays open and still escalates (only resolution stops the clock). */
export async function acknowledgeWarning(db: Db, ctx: RequestContext, id: number, comment?: string) {
  await warningInScope(db, ctx, id);
  return db.transaction().execute(async (trx) => {
    const w = await lockOpenWarning(trx, id);
    const after = await store.markAcknowledged(trx, id, ctx.user?.id ?? null);
    await recordAudit(trx, ctx, {
      action: 'program.warning.acknowledge',
      entity: 'program_warning',
      entityId: id,
      before: auditState(w),
      after: { ...auditState({ ...w, ...after }), comment },
    });
    await publish(trx, CHANNELS.warning, { programId: w.program_id, taskIds: [w.task_id] });
    return { id, acknowledged: true };
  });
}

/** Resolve by hand; if the condition still holds, the next change of the task raises it again. */
export async function resolveWarning(db: Db, ctx: RequestContext, id: number, comment?: string) {
  await warningInScope(db, ctx, id);
  return db.transaction().execute(async (trx) => {
    const w = await lockOpenWarning(trx, id);
    const after = await store.markResolved(trx, id, ctx.user?.id ?? null);
    await recordAudit(trx, ctx, {
      action: 'program.warning.resolve',
      entity: 'program_warning',
      entityId: id,
      before: auditState(w),
      after: { ...auditState({ ...w, ...after }), comment },
    });
    await publish(trx, CHANNELS.warning, { programId: w.program_id, taskIds: [w.task_id] });
    return { id, resolved: true };
  });
}

/**
 * The daily clock: re-evaluates every task on `asOf` in keyset batches, each
 * batch in its own transaction with its rollup deltas. Only tasks whose
 * status, rating or warning kinds change are written.
 */
export async function reevaluateAll(db: Db, asOf = todayIso(), batchSize = 10000, mail?: MailConfig) {
  const units = await store.unitParents(db);
  const parents = new Map(units.map((u) => [u.id, u.parent_id]));
  const chains = new Map(units.map((u) => [u.id, chainFromParents(parents, u.id)]));
  const cascade = await cascadeParents(db);
  let after = 0,
    tasks = 0,
    changed = 0,
    raised = 0,
    resolved = 0;
  const started = performance.now();
  // Read without locks and let the engine judge; only the tasks whose verdict differs from what is
  // stored are then locked, re-read and re-evaluated in a transaction (a report submitted in between
  // is seen), so the rollup deltas never apply to a stale status and unchanged rows are never written.
  // The next page is asked for before this one is judged, so the database reads it meanwhile.
  // A failing transaction below leaves that read unawaited: mark it handled so it cannot crash the process.
  const fetch = (from: number) => {
    const p = evalPage(db, from, batchSize);
    p.catch(() => {});
    return p;
  };
  let pending = fetch(after);
  for (;;) {
    const page = await pending;
    if (page.rows.length === 0) break;
    after = page.rows[page.rows.length - 1].id;
    tasks += page.rows.length;
    pending = fetch(after);
    // Kinds and ratings only: the text is built when the changed tasks are re-read and written below.
    const verdicts = judgeRows(page.rows, asOf, factsOfPage(cascade, page), false);
    const differ = verdicts.filter(verdictDiffers).map((v) => v.row.id);
    if (differ.length === 0) continue;
    const out = await db.transaction().execute(async (trx) => {
      // The texts of the warnings that stay open are refreshed too: they quote the figures just re-read.
      const { outcome: o } = await evaluateTasks(trx, differ, asOf, { refreshOpen: true, chains });
      const changedSet = new Set(o.changedTaskIds);
      const programs = [...new Set(page.rows.filter((p) => changedSet.has(p.id)).map((p) => p.program_id))];
      await publishMany(
        trx,
        programs.map((programId) => ({ channel: CHANNELS.task, payload: { programId, taskIds: o.changedTaskIds } })),
      );
      return o;
    });
    changed += out.changedTaskIds.length;
    raised += out.raised;
    resolved += out.resolved;
  }
  const escalation = await escalateWarnings(db, asOf, mail);
  return {
    asOf,
    tasks,
    changed,
    raised,
    resolved,
    escalated: escalation.escalated,
    emailsSent: escalation.emails.filter((e) => e.status === 'sent').length,
    ms: Math.round(performance.now() - started),
  };
}
