// Progress and status of a cascaded task's parent follow its children, by the
// parent's rollup mode: 'average' (mean progress), 'weighted' (by weight) or
// 'all_must_finish' (share of children finished; done only when all are).
// Cancelled children do not count. Runs up the cascade chain (commune →
// province → central) in the caller's transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { applyRollupChanges, countedOf } from '../dashboards/dashboards.rollups.store.ts';
import {
  cascadedChildren,
  cascadedChildrenOf,
  lockCascadeChain,
  updateProgress,
  type TaskRow,
} from '../tasks/tasks.store.ts';
import type { RollupChange } from '../warnings/warnings.evaluate.ts';
import type { PendingWrites } from '../reports/reports.pending.ts';

type Q = Kysely<Database>;
/** What a parent's figures are computed from, per cascaded child. */
type Child = Pick<
  Awaited<ReturnType<typeof cascadedChildren>>[number],
  'id' | 'status' | 'progress' | 'weight' | 'done_date'
>;
const FINISHED = new Set(['done', 'done_late']);

export function rollupFromChildren(mode: string, due: string | null, children: Child[]) {
  const active = children.filter((c) => c.status !== 'cancelled');
  if (active.length === 0) return null;
  const finished = active.filter((c) => FINISHED.has(c.status));
  let progress: number;
  if (mode === 'all_must_finish') progress = (100 * finished.length) / active.length;
  else if (mode === 'weighted') {
    const w = active.reduce((s, c) => s + c.weight, 0);
    progress = active.reduce((s, c) => s + c.weight * c.progress, 0) / w;
  } else progress = active.reduce((s, c) => s + c.progress, 0) / active.length;
  progress = Math.round(progress * 100) / 100;
  let status: string,
    doneDate: string | null = null;
  if (finished.length === active.length) {
    doneDate =
      finished
        .map((c) => c.done_date ?? '')
        .sort()
        .at(-1) || null;
    status =
      finished.some((c) => c.status === 'done_late') || (due && doneDate && doneDate > due) ? 'done_late' : 'done';
    progress = 100;
  } else if (active.every((c) => c.status === 'suspended')) status = 'suspended';
  else if (active.some((c) => c.progress > 0 || c.status !== 'not_started')) status = 'in_progress';
  else status = 'not_started';
  return { progress, status, doneDate };
}

/**
 * Recomputes the cascade parents above `task` (already updated in this transaction) and returns the
 * ids of those that changed. Three statements whatever the depth: lock the chain of parents nearest
 * first (every writer locks a task before its parents, so two writers cannot deadlock), read their
 * children after the lock (a sibling's committed change is seen), write the parents that changed.
 * The rollup deltas go to `rollups` when given (the caller applies a change's deltas at once), else
 * are applied here. (A report on a leaf takes a shorter path: reports/reports.after-report.ts.)
 */
export async function propagateUp(trx: Q, task: TaskRow, rollups?: RollupChange[]): Promise<number[]> {
  if (!task.cascaded || task.parent_id === null) return [];
  const chain = await lockCascadeChain(trx, task.parent_id);
  if (chain.length === 0) return [];
  const children = await cascadedChildrenOf(
    trx,
    chain.map((p) => p.id),
  );
  const changes = planPropagation(task, chain, children, false);
  if (changes.length === 0) return [];
  await updateProgress(
    trx,
    changes.map((c) => ({ id: c.parent.id, progress: c.progress, status: c.status, doneDate: c.doneDate })),
  );
  const deltas = changes.map(rollupDelta);
  if (rollups) rollups.push(...deltas);
  else await applyRollupChanges(trx, deltas);
  return changes.map((c) => c.parent.id);
}

export interface ParentChange<P> {
  parent: P;
  progress: number;
  status: string;
  doneDate: string | null;
}

/**
 * The parents of the locked `chain` (nearest first) whose figures change, from their children read
 * after the lock; stops at the first parent that does not change. `taskPending`: `task` is not
 * written yet, so its new figures replace the stored ones among its siblings.
 */
export function planPropagation<P extends TaskRow>(
  task: TaskRow,
  chain: P[],
  children: Map<number, Child[]>,
  taskPending: boolean,
): ParentChange<P>[] {
  const changes: ParentChange<P>[] = [];
  let below: { id: number; progress: number; status: string; done_date: string | null } | null = taskPending
    ? { id: task.id, progress: task.progress, status: task.status, done_date: task.done_date }
    : null;
  for (const parent of chain) {
    // The child on the path was just recomputed: use its new figures, not the stored ones.
    const list = (children.get(parent.id) ?? []).map((c) => (below && c.id === below.id ? { ...c, ...below } : c));
    const next = rollupFromChildren(parent.rollup_mode, parent.due_date, list);
    if (!next) break;
    // An 'overdue' parent that is still unfinished keeps its status; evaluation re-derives it from the dates.
    const status = parent.status === 'overdue' && next.status === 'in_progress' ? 'overdue' : next.status;
    if (next.progress === parent.progress && status === parent.status && next.doneDate === parent.done_date) break;
    changes.push({ parent, progress: next.progress, status, doneDate: next.doneDate });
    below = { id: parent.id, progress: next.progress, status, done_date: next.doneDate };
  }
  return changes;
}

/** The parents' new figures left pending (written with their verdicts), and their rollup deltas. */
export function recordPropagation(changes: ParentChange<TaskRow>[], pending: PendingWrites, rollups: RollupChange[]) {
  for (const c of changes) {
    pending.set(c.parent.id, { progress: c.progress, status: c.status, done_date: c.doneDate });
    rollups.push(rollupDelta(c));
  }
}

/** A parent's move in the rollups: its counted status changes (its rating follows with its verdict). */
const rollupDelta = (c: ParentChange<TaskRow>): RollupChange => ({
  before: countedOf(c.parent),
  after: countedOf({ ...c.parent, status: c.status }),
});
