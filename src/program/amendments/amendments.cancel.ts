// Amendment: cancel a task and everything under it (its items and the tasks
// cascaded from it, down to the communes). One amendment, one new dated
// version per task, rollups moved once, in one audited transaction.
import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest } from '../../platform/errors.ts';
import { writeTaskVersions } from '../tasks/tasks.versions.store.ts';
import * as tasks from '../tasks/tasks.store.ts';
import { loadContent, loadContents, presentTask } from '../tasks/tasks.content.ts';
import { afterTaskChange } from '../tasks/tasks.after-change.ts';
import { applyRollupChanges, countedOf } from '../dashboards/dashboards.rollups.store.ts';
import { requireAssigner } from '../program.rights.ts';
import {
  checkEffectiveDate,
  checkVersion,
  openAmendment,
  taskNotFound,
  type AmendmentInput,
  type AmendOptions,
} from './amendments.service.ts';

type Q = Kysely<Database>;

export async function cancelTask(db: Db, ctx: RequestContext, id: number, input: AmendmentInput & { version: number }) {
  return db.transaction().execute((trx) => cancelTaskIn(trx, ctx, id, input));
}

/** cancelTask inside the caller's transaction (an approved change request cancels in its own). */
export async function cancelTaskIn(
  trx: Q,
  ctx: RequestContext,
  id: number,
  input: AmendmentInput & { version: number },
  opts: AmendOptions = {},
) {
  const existing = await tasks.findTask(trx, id);
  if (!existing) throw taskNotFound(id);
  // Cancelling is the assigning level's decision, never the assignee's (it would drop out of its parent's average).
  await requireAssigner(trx, ctx, existing);
  const task = (await tasks.lockTask(trx, id))!;
  checkVersion(task, input.version);
  if (task.status === 'cancelled')
    throw badRequest({ vi: 'Nhiệm vụ đã bị hủy trước đó.', en: 'The task is already cancelled.' });
  await checkEffectiveDate(trx, id, input.effectiveDate);
  const before = {
    status: task.status,
    progress: task.progress,
    version: task.version,
    content: await loadContent(trx, task),
  };
  const amendment = await openAmendment(trx, ctx, task.program_id, 'cancel', {
    ...input,
    changeRequestId: opts.changeRequestId,
  });
  const all = [task, ...(await descendants(trx, id))].filter((t) => t.status !== 'cancelled');
  const byId = await tasks.cancelTasks(
    trx,
    all.map((t) => t.id),
  );
  const cancelled = all.map((t) => byId.get(t.id)!);
  await applyRollupChanges(
    trx,
    all.map((t, i) => ({ before: countedOf(t), after: countedOf(cancelled[i]) })),
  );
  // In bulk: a task cascaded after the effective date gets its cancelled version from its own start, never
  // a version that ends before it begins (the task itself was checked above).
  const contents = await loadContents(trx, cancelled);
  await writeTaskVersions(trx, task.program_id, amendment.id, input.effectiveDate, contents);
  await afterTaskChange(
    trx,
    task.program_id,
    all.map((t) => t.id),
  );
  const now = (await tasks.findTask(trx, id))!;
  await recordAudit(trx, ctx, {
    action: 'program.task.cancel',
    entity: 'task',
    entityId: id,
    before,
    after: {
      amendment: amendment.version_no,
      ...input,
      changeRequestId: opts.changeRequestId ?? null,
      status: now.status,
      progress: now.progress,
      version: now.version,
      content: contents[0].content,
      cancelledTaskIds: all.map((t) => t.id),
    },
  });
  return presentTask(now);
}

/** Every task under this one, level by level. */
async function descendants(trx: Q, id: number): Promise<tasks.TaskRow[]> {
  const out: tasks.TaskRow[] = [];
  let frontier = [id];
  while (frontier.length) {
    const rows = await tasks.childrenOfAll(trx, frontier);
    out.push(...rows);
    frontier = rows.map((r) => r.id);
  }
  return out;
}
