// What follows every change of a task or report, inside its transaction:
// cascade parents recomputed, the engine run on the changed tasks, their
// cascade parents and the tasks that depend on them, the rollups moved once
// for all of it, and the events queued for after the commit (one statement).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { todayIso } from '../../platform/errors.ts';
import { propagateUp } from '../cascade/cascade.propagate.ts';
import { findTasks, firstCascadedChildren } from './tasks.store.ts';
import { evaluateTasks, type EvalOutcome, type RollupChange } from '../warnings/warnings.evaluate.ts';
import { applyRollupChanges } from '../dashboards/dashboards.rollups.store.ts';
import { CHANNELS, programEvents, type ProgramChannel } from '../events/events.publish.ts';
import { publishAllAfterCommit } from '../../platform/realtime/realtime.ts';
import { recordAuditWithEvents, type AuditEntry } from '../../platform/audit/record.ts';
import type { RequestContext } from '../../platform/context.ts';

type Q = Kysely<Database>;

export interface ChangeOptions {
  asOf?: string;
  /** Rollup deltas the caller's own writes made; applied with the rest. */
  rollups?: RollupChange[];
  /** More events to send with the task and warning events (same round trip). */
  events?: { channel: ProgramChannel; payload: Record<string, unknown> }[];
}

export async function afterTaskChange(trx: Q, programId: number, taskIds: number[], opts: ChangeOptions = {}) {
  const asOf = opts.asOf ?? todayIso();
  const rollups: RollupChange[] = [...(opts.rollups ?? [])];
  const touched = new Set(taskIds);
  const [rows, parents] = await Promise.all([
    findTasks(trx, taskIds),
    // A parent whose rollup mode changed recomputes from its children: start from any one of them.
    firstCascadedChildren(trx, taskIds),
  ]);
  for (const task of [...rows, ...parents]) for (const p of await propagateUp(trx, task, rollups)) touched.add(p);
  const ids = [...touched].sort((a, b) => a - b);
  const { rows: evaluated, outcome } = await evaluateTasks(trx, ids, asOf, {
    refreshOpen: true,
    rollups,
    withDependents: true,
  });
  return finishChange(
    trx,
    programId,
    evaluated.map((r) => r.id),
    outcome,
    rollups,
    opts.events,
  );
}

/**
 * The end of every change: all rollup deltas applied at once, the events queued in one statement
 * (with the change's audit record, when given: one round trip less on a report submit).
 */
export async function finishChange(
  trx: Q,
  programId: number,
  evaluated: number[],
  outcome: EvalOutcome,
  rollups: RollupChange[],
  events: ChangeOptions['events'] = [],
  audit?: { ctx: RequestContext; entry: AuditEntry },
) {
  await applyRollupChanges(trx, rollups);
  const all = programEvents([
    { channel: CHANNELS.task, payload: { programId, taskIds: evaluated } },
    ...(outcome.raised || outcome.resolved
      ? [{ channel: CHANNELS.warning, payload: { programId, taskIds: outcome.changedTaskIds } }]
      : []),
    ...events,
  ]);
  if (audit) await recordAuditWithEvents(trx, audit.ctx, audit.entry, all);
  else await publishAllAfterCommit(trx, all);
  return evaluated;
}
