// Progress and status of a cascaded task's parent follow its children, by the
// parent's rollup mode: 'average' (mean progress), 'weighted' (by weight) or
// 'all_must_finish' (share of children finished; done only when all are).
// Cancelled children do not count. Runs up the cascade chain (commune →
// province → central) in the caller's transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db-schema.ts';
import { applyRollupChanges, countedOf } from './program.rollups.store.ts';
import { cascadedChildren, lockTask, updateTask, type TaskRow } from './program.tasks.store.ts';

type Q = Kysely<Database>;
type Child = Awaited<ReturnType<typeof cascadedChildren>>[number];
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
  let status: string, doneDate: string | null = null;
  if (finished.length === active.length) {
    doneDate = finished.map((c) => c.done_date ?? '').sort().at(-1) || null;
    status = finished.some((c) => c.status === 'done_late') || (due && doneDate && doneDate > due) ? 'done_late' : 'done';
    progress = 100;
  } else if (active.every((c) => c.status === 'suspended')) status = 'suspended';
  else if (active.some((c) => c.progress > 0 || c.status !== 'not_started')) status = 'in_progress';
  else status = 'not_started';
  return { progress, status, doneDate };
}

/** Recomputes the cascade parents above `task`; returns the ids of parents that changed. */
export async function propagateUp(trx: Q, task: TaskRow): Promise<number[]> {
  const changed: number[] = [];
  let current = task;
  while (current.cascaded && current.parent_id !== null) {
    const parent = await lockTask(trx, current.parent_id);
    if (!parent) break;
    const next = rollupFromChildren(parent.rollup_mode, parent.due_date, await cascadedChildren(trx, parent.id));
    if (!next) break;
    // An 'overdue' parent that is still unfinished keeps its status; evaluation re-derives it from the dates.
    const status = parent.status === 'overdue' && next.status === 'in_progress' ? 'overdue' : next.status;
    if (next.progress === parent.progress && status === parent.status && next.doneDate === parent.done_date) break;
    current = await updateTask(trx, parent.id, { progress: next.progress, status, done_date: next.doneDate });
    await applyRollupChanges(trx, [{ before: countedOf(parent), after: countedOf(current) }]);
    changed.push(parent.id);
  }
  return changed;
}
