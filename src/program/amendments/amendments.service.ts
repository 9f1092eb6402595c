// Amendments: the only way a program's content changes. Each adds, adjusts
// or cancels (amendments.cancel.ts) a task with a reason and a decision reference, writes a new
// dated version of every task it touches, and is audited in its transaction.
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, conflict, forbidden, notFound, todayIso } from '../../platform/errors.ts';
import { evaluateInSlices } from '../warnings/warnings.evaluate.ts';
import { parseDeadline } from '../parse/deadline.ts';
import type { Period } from '../program.types.ts';
import type { TaskChangesInput } from '../program.schemas.ts';
import {
  insertAmendment,
  latestVersionStart,
  writeTaskVersion,
  writeTaskVersions,
} from '../tasks/tasks.versions.store.ts';
import * as tasks from '../tasks/tasks.store.ts';
import { loadContent, loadContents, presentTask } from '../tasks/tasks.content.ts';
import { afterTaskChange } from '../tasks/tasks.after-change.ts';
import { applyRollupChanges, countedOf } from '../dashboards/dashboards.rollups.store.ts';
import { scopeOf } from '../program.scope.ts';
import { PROGRAM } from '../program.policy.ts';
import { requireAssigner, requireProgramOwner } from '../program.rights.ts';

type Q = Kysely<Database>;
export interface AmendmentInput {
  decisionRef: string;
  reason: string;
  effectiveDate: string;
}
/** A recorded amendment (a program version) that several task changes share. */
export type Amendment = Awaited<ReturnType<typeof insertAmendment>>;
/**
 * `amendment`: record the change under this one (an Excel task list is ONE amendment) instead of a new one.
 * `changeRequestId`: the approved change request the amendment applies (kept on the amendment).
 */
export interface AmendOptions {
  amendment?: Amendment;
  changeRequestId?: number;
}

export const taskNotFound = (id: number) => notFound({ vi: `nhiệm vụ số ${id}`, en: `Task ${id}` });
const actorOf = (ctx: RequestContext) => ctx.user?.username ?? ctx.actorLabel;

export function resolveDeadline(d: TaskChangesInput['deadline']): Period | null {
  if (!d) return null;
  return 'phrase' in d ? { ...parseDeadline(d.phrase), text: d.phrase } : d;
}

/** Column values and side tables for the given changes; checks references (dependencies: only on tasks the caller may read). */
async function applyChanges(trx: Q, ctx: RequestContext, task: tasks.TaskRow, c: TaskChangesInput) {
  const set: Partial<tasks.NewTask> = {};
  if (c.code !== undefined) set.code = c.code;
  if (c.titleVi !== undefined) set.title_vi = c.titleVi;
  if (c.titleEn !== undefined) set.title_en = c.titleEn;
  if (c.descriptionVi !== undefined) set.description_vi = c.descriptionVi;
  if (c.descriptionEn !== undefined) set.description_en = c.descriptionEn;
  if (c.leadAgencyId !== undefined) set.lead_agency_id = c.leadAgencyId;
  if (c.startDate !== undefined) set.start_date = c.startDate;
  if (c.outputs !== undefined) set.outputs = c.outputs;
  if (c.tags !== undefined) set.tags = c.tags;
  if (c.rollupMode !== undefined) set.rollup_mode = c.rollupMode;
  if (c.weight !== undefined) set.weight = c.weight;
  if (c.deadline !== undefined) {
    const p = resolveDeadline(c.deadline);
    Object.assign(set, {
      deadline_kind: p?.kind ?? null,
      deadline_start: p?.start ?? null,
      due_date: p?.end ?? null,
      deadline_text: p?.text ?? null,
    });
  }
  const agencies = [...(c.coordinatingAgencyIds ?? []), ...(c.leadAgencyId ? [c.leadAgencyId] : [])];
  if (agencies.length) {
    const found = await trx.selectFrom('agencies').select('id').where('id', 'in', agencies).execute();
    const missing = agencies.filter((a) => !found.some((f) => f.id === a));
    if (missing.length)
      throw badRequest({
        vi: `Không có cơ quan số ${missing.join(', ')}.`,
        en: `No agency with id ${missing.join(', ')}.`,
      });
  }
  if (c.dependsOn?.length) {
    if (c.dependsOn.includes(task.id))
      throw badRequest({ vi: 'Nhiệm vụ không thể phụ thuộc vào chính nó.', en: 'A task cannot depend on itself.' });
    const found = await trx
      .selectFrom('tasks')
      .select(['id', 'unit_id'])
      .where('id', 'in', c.dependsOn)
      .where('program_id', '=', task.program_id)
      .execute();
    if (found.length !== new Set(c.dependsOn).size)
      throw badRequest({
        vi: 'Nhiệm vụ phụ thuộc phải thuộc cùng chương trình.',
        en: 'Dependencies must be tasks of the same program.',
      });
    // A dependency's state shows in this task's warning text: never a task the one who sets it may not read.
    const scope = await scopeOf(trx, ctx, PROGRAM['task.read']);
    const unreadable = found.filter((d) => !scope.all && !scope.unitIds.includes(d.unit_id)).map((d) => d.id);
    if (unreadable.length) {
      throw forbidden({
        vi: `Không thể đặt phụ thuộc vào nhiệm vụ số ${unreadable.join(', ')}: nằm ngoài phạm vi bạn được xem.`,
        en: `Cannot depend on task ${unreadable.join(', ')}: it is outside the scope you may read.`,
      });
    }
  }
  const updated = Object.keys(set).length ? await tasks.updateTask(trx, task.id, set) : task;
  if (c.coordinatingAgencyIds) await tasks.replaceCoordinators(trx, task.id, c.coordinatingAgencyIds);
  if (c.funding) await tasks.replaceFunding(trx, task.id, c.funding);
  if (c.dependsOn) await tasks.replaceDependencies(trx, task.id, c.dependsOn);
  return updated;
}

export type AmendmentKind = 'add' | 'adjust' | 'cancel' | 'cascade' | 'tasklist';

/** Records an amendment (the program's next version) by the caller; a batch passes it on to addTaskIn / adjustTaskIn. */
export function openAmendment(
  trx: Q,
  ctx: RequestContext,
  programId: number,
  kind: AmendmentKind,
  input: { decisionRef: string | null; reason: string | null; effectiveDate: string; changeRequestId?: number },
) {
  return insertAmendment(trx, {
    programId,
    kind,
    decisionRef: input.decisionRef,
    reason: input.reason,
    effectiveDate: input.effectiveDate,
    actor: actorOf(ctx),
    changeRequestId: input.changeRequestId ?? null,
  });
}

export async function checkEffectiveDate(trx: Q, taskId: number, date: string) {
  const latest = await latestVersionStart(trx, taskId);
  if (latest && date < latest) {
    throw badRequest({
      vi: `Ngày hiệu lực ${date} trước phiên bản hiện hành của nhiệm vụ (từ ${latest}).`,
      en: `The effective date ${date} is before the task's current version (from ${latest}).`,
    });
  }
}

export function checkVersion(task: tasks.TaskRow, version: number) {
  if (task.version !== version) {
    throw conflict(
      {
        vi: `Nhiệm vụ đã được người khác sửa (phiên bản ${task.version}, bạn sửa từ phiên bản ${version}). Hãy tải lại và áp dụng lại thay đổi của bạn.`,
        en: `The task was changed by someone else (version ${task.version}; you edited version ${version}). Reload and apply your change again.`,
      },
      { current: presentTask(task) },
    );
  }
}

export type AddTaskInput = AmendmentInput & {
  parentId: number;
  kind: 'section' | 'group' | 'task';
  task: TaskChangesInput;
};
export type AdjustTaskInput = AmendmentInput & { version: number; changes: TaskChangesInput };

export async function addTask(db: Db, ctx: RequestContext, input: AddTaskInput) {
  return db.transaction().execute((trx) => addTaskIn(trx, ctx, input));
}

/** addTask inside the caller's transaction (the Excel task list applies many amendments in one). */
export async function addTaskIn(trx: Q, ctx: RequestContext, input: AddTaskInput, opts: AmendOptions = {}) {
  const parent = await tasks.findTask(trx, input.parentId);
  if (!parent) throw taskNotFound(input.parentId);
  await requireProgramOwner(trx, ctx, parent);
  if (!input.task.titleVi && !input.task.titleEn)
    throw badRequest({
      vi: 'Cần tên nhiệm vụ (tiếng Việt hoặc tiếng Anh).',
      en: 'A title (Vietnamese or English) is required.',
    });
  const amendment = opts.amendment ?? (await openAmendment(trx, ctx, parent.program_id, 'add', input));
  const siblings = await tasks.childrenOf(trx, parent.id);
  const code = input.task.code ?? `${parent.code}.${siblings.length + 1}`;
  if (
    await trx
      .selectFrom('tasks')
      .select('id')
      .where('program_id', '=', parent.program_id)
      .where('code', '=', code)
      .executeTakeFirst()
  ) {
    throw conflict({ vi: `Mã nhiệm vụ "${code}" đã có.`, en: `Task code "${code}" is taken.` });
  }
  const sectionId = await sectionFor(trx, parent);
  const [created] = await tasks.insertTasks(trx, [
    {
      program_id: parent.program_id,
      parent_id: parent.id,
      kind: input.kind,
      code,
      unit_id: parent.unit_id,
      section_id: input.kind === 'task' ? sectionId : null,
      position: await tasks.nextPosition(trx, parent.program_id),
      title_vi: input.task.titleVi ?? null,
      title_en: input.task.titleEn ?? null,
      is_demo: parent.is_demo,
    },
  ]);
  // A task added by an amendment runs from the amendment's effective date unless it names its own start: without
  // one the engine would measure elapsed time from the program's start, years before the task existed. Stored on
  // the task, so its version content, the export and the engine all read the same date.
  const startDate = input.kind === 'task' ? (input.task.startDate ?? input.effectiveDate) : input.task.startDate;
  const task = await applyChanges(trx, ctx, created, { ...input.task, code: undefined, startDate });
  await applyRollupChanges(trx, [{ before: null, after: countedOf(task) }]);
  const content = await loadContent(trx, task);
  await writeTaskVersion(trx, {
    taskId: task.id,
    programId: task.program_id,
    amendmentId: amendment.id,
    from: input.effectiveDate,
    content,
  });
  await afterTaskChange(trx, task.program_id, [task.id]);
  const now = (await tasks.findTask(trx, task.id))!;
  await recordAudit(trx, ctx, {
    action: 'program.task.add',
    entity: 'task',
    entityId: task.id,
    after: {
      amendment: amendment.version_no,
      ...input,
      status: now.status,
      progress: now.progress,
      version: now.version,
      content,
    },
  });
  return presentTask(now);
}

/**
 * The section a new task under `parent` counts under in rollups: the parent itself when it is a section or
 * a part, else the nearest such ancestor (groups carry no section_id of their own, as in the import).
 */
async function sectionFor(trx: Q, parent: tasks.TaskRow): Promise<number | null> {
  for (
    let p: tasks.TaskRow | undefined = parent;
    p;
    p = p.parent_id === null ? undefined : await tasks.findTask(trx, p.parent_id)
  ) {
    if (p.kind === 'section' || p.kind === 'part') return p.id;
    if (p.section_id !== null) return p.section_id;
  }
  return null;
}

export async function adjustTask(db: Db, ctx: RequestContext, id: number, input: AdjustTaskInput) {
  return db.transaction().execute((trx) => adjustTaskIn(trx, ctx, id, input));
}

/** adjustTask inside the caller's transaction. */
export async function adjustTaskIn(
  trx: Q,
  ctx: RequestContext,
  id: number,
  input: AdjustTaskInput,
  opts: AmendOptions = {},
) {
  const existing = await tasks.findTask(trx, id);
  if (!existing) throw taskNotFound(id);
  await requireAssigner(trx, ctx, existing);
  if (Object.keys(input.changes).length === 0)
    throw badRequest({ vi: 'Không có thay đổi nào.', en: 'Nothing to change.' });
  const task = (await tasks.lockTask(trx, id))!;
  checkVersion(task, input.version);
  if (task.status === 'cancelled')
    throw badRequest({ vi: 'Nhiệm vụ đã hủy không sửa được.', en: 'A cancelled task cannot be adjusted.' });
  await checkEffectiveDate(trx, id, input.effectiveDate);
  const before = await loadContent(trx, task);
  const amendment =
    opts.amendment ??
    (await openAmendment(trx, ctx, task.program_id, 'adjust', { ...input, changeRequestId: opts.changeRequestId }));
  const changed = await applyChanges(trx, ctx, task, input.changes);
  // A new deadline moves the task to another month of the due-date rollups; status and rating follow in afterTaskChange.
  await applyRollupChanges(trx, [{ before: countedOf(task), after: countedOf(changed) }]);
  const updated = await tasks.updateTask(trx, id, { version: task.version + 1 });
  const after = await loadContent(trx, updated);
  await writeTaskVersion(trx, {
    taskId: id,
    programId: task.program_id,
    amendmentId: amendment.id,
    from: input.effectiveDate,
    content: after,
  });
  if (input.changes.deadline !== undefined || input.changes.startDate !== undefined)
    await carryDatesDown(trx, updated, amendment.id, input.effectiveDate);
  await afterTaskChange(trx, task.program_id, [changed.id]);
  await recordAudit(trx, ctx, {
    action: 'program.task.adjust',
    entity: 'task',
    entityId: id,
    before,
    after: { amendment: amendment.version_no, decisionRef: input.decisionRef, reason: input.reason, content: after },
  });
  return presentTask((await tasks.findTask(trx, id))!);
}

/**
 * Cascaded copies follow their task's deadline and start: the amendment is the program's, not one unit's.
 * Each gets a new version under the same amendment, so the content as of a date shows the dates they had.
 */
async function carryDatesDown(trx: Q, t: tasks.TaskRow, amendmentId: number, from: string) {
  const old = await sql<tasks.TaskRow>`
    with recursive d(id) as (
      select id from tasks where parent_id = ${t.id} and cascaded
      union all select c.id from tasks c join d on c.parent_id = d.id where c.cascaded
    )
    select * from tasks where id in (select id from d) order by id for update`.execute(trx);
  if (old.rows.length === 0) return;
  const ids = old.rows.map((x) => x.id);
  const r = await sql<tasks.TaskRow>`
    update tasks set deadline_kind = ${t.deadline_kind}, deadline_start = ${t.deadline_start}, due_date = ${t.due_date},
      deadline_text = ${t.deadline_text}, start_date = ${t.start_date}, updated_at = now()
    where id = any(${ids}::bigint[]) returning *`.execute(trx);
  const before = new Map(old.rows.map((x) => [x.id, x]));
  await applyRollupChanges(
    trx,
    r.rows.map((x) => ({ before: countedOf(before.get(x.id)!), after: countedOf(x) })),
  );
  await writeTaskVersions(trx, t.program_id, amendmentId, from, await loadContents(trx, r.rows));
  await evaluateInSlices(trx, ids, todayIso());
}
