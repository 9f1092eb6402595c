// What follows every change of a task or report, inside its transaction:
// cascade parents recomputed, the engine run on the changed tasks, their
// cascade parents and the tasks that depend on them, rollups moved, and the
// events queued for after the commit.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db-schema.ts';
import { todayIso } from '../platform/errors.ts';
import { dependentsOf } from './program.tasks.store.ts';
import { propagateUp } from './program.propagate.ts';
import { evaluateRows, loadEvalRows } from './program.evaluate.ts';
import { CHANNELS, publish } from './program.events.ts';

type Q = Kysely<Database>;

export async function afterTaskChange(trx: Q, programId: number, taskIds: number[], asOf = todayIso()) {
  const touched = new Set(taskIds);
  const [rows, parents] = await Promise.all([
    trx.selectFrom('tasks').selectAll().where('id', 'in', taskIds).execute(),
    // A parent whose rollup mode changed recomputes from its children: start from any one of them.
    trx.selectFrom('tasks').selectAll().where('id', 'in', (eb) => eb.selectFrom('tasks').select((e) => e.fn.min('id').as('id'))
      .where('parent_id', 'in', taskIds).where('cascaded', '=', true).groupBy('parent_id')).execute(),
  ]);
  for (const task of [...rows, ...parents]) for (const p of await propagateUp(trx, task)) touched.add(p);
  for (const d of await dependentsOf(trx, [...touched])) touched.add(d);
  const ids = [...touched].sort((a, b) => a - b);
  const outcome = await evaluateRows(trx, await loadEvalRows(trx, ids), asOf, { refreshOpen: true });
  await publish(trx, CHANNELS.task, { programId, taskIds: ids });
  if (outcome.raised || outcome.resolved) await publish(trx, CHANNELS.warning, { programId, taskIds: outcome.changedTaskIds });
  return ids;
}
