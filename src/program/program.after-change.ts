// What follows every change of a task or report, inside its transaction:
// cascade parents recomputed, the engine run on the changed tasks, their
// cascade parents and the tasks that depend on them, the rollups moved once
// for all of it, and the events queued for after the commit (one statement).
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db-schema.ts';
import { todayIso } from '../platform/errors.ts';
import { propagateUp } from './program.propagate.ts';
import { evaluateTasks, type RollupChange } from './program.evaluate.ts';
import { applyRollupChanges } from './program.rollups.store.ts';
import { CHANNELS, publishMany, type ProgramChannel } from './program.events.ts';
import type { TaskRow } from './program.tasks.store.ts';

type Q = Kysely<Database>;

export interface ChangeOptions {
  asOf?: string;
  /**
   * The changed tasks as they now are, when the caller has them and none has cascaded children
   * (a report on a leaf), and they are locked by this transaction: saves re-reading them and looking
   * for parents to recompute from their children.
   */
  leafRows?: TaskRow[];
  /** Rollup deltas the caller's own writes made; applied with the rest. */
  rollups?: RollupChange[];
  /** More events to send with the task and warning events (same round trip). */
  events?: { channel: ProgramChannel; payload: Record<string, unknown> }[];
}

export async function afterTaskChange(trx: Q, programId: number, taskIds: number[], opts: ChangeOptions = {}) {
  const asOf = opts.asOf ?? todayIso();
  const rollups: RollupChange[] = [...(opts.rollups ?? [])];
  const touched = new Set(taskIds);
  const [rows, parents] = opts.leafRows ? [opts.leafRows, []] : await Promise.all([
    trx.selectFrom('tasks').selectAll().where('id', 'in', taskIds).execute(),
    // A parent whose rollup mode changed recomputes from its children: start from any one of them.
    trx.selectFrom('tasks').selectAll().where('id', 'in', (eb) => eb.selectFrom('tasks').select((e) => e.fn.min('id').as('id'))
      .where('parent_id', 'in', taskIds).where('cascaded', '=', true).groupBy('parent_id')).execute(),
  ]);
  for (const task of [...rows, ...parents]) for (const p of await propagateUp(trx, task, rollups)) touched.add(p);
  const ids = [...touched].sort((a, b) => a - b);
  // The leaf rows were locked by the caller and the parents that changed by propagateUp: only dependents may be new locks.
  const held = opts.leafRows ? touched : undefined;
  const { rows: evaluated, outcome } = await evaluateTasks(trx, ids, asOf, { refreshOpen: true, rollups, withDependents: true, held });
  await applyRollupChanges(trx, rollups);
  const all = evaluated.map((r) => r.id);
  await publishMany(trx, [
    { channel: CHANNELS.task, payload: { programId, taskIds: all } },
    ...(outcome.raised || outcome.resolved ? [{ channel: CHANNELS.warning, payload: { programId, taskIds: outcome.changedTaskIds } }] : []),
    ...(opts.events ?? []),
  ]);
  return all;
}
