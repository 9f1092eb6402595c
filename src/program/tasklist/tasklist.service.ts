// Saving an Excel task list into a program, and exporting the program's tasks
// in the same template. An import is ONE amendment (one program version, with
// the caller's decision and reason): new codes become added tasks and changed
// rows adjusted tasks, each a new task version under that amendment, applied
// through the amendment functions in ONE transaction with its audit record: a
// file with any bad row saves nothing and every problem is listed with its
// row. A dry run applies the same way and rolls back, so it reports exactly
// what a real run would do, including refusals found on the way.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError, badRequest, notFound, todayIso, type Message } from '../../platform/errors.ts';
import type { TaskListError } from '../parse/tasklist.template.ts';
import type { TaskListResult } from '../parse/tasklist.validate.ts';
import { taskListToXlsx, xlsxToTaskList } from '../parse/tasklist.xlsx.ts';
import { addTaskIn, adjustTaskIn, openAmendment } from '../amendments/amendments.service.ts';
import { findProgram } from '../tasks/tasks.versions.store.ts';
import { agenciesNamed, contentTasks } from './tasklist.store.ts';
import { planTaskList, toTemplateRow, type AgencyResolver, type Plan } from './tasklist.plan.ts';
import { countryUnitId, requireUnitIn } from '../program.scope.ts';
import { PROGRAM } from '../program.policy.ts';

export interface TaskListImportInput {
  fileName?: string;
  decisionRef: string;
  reason: string;
  effectiveDate?: string;
  dryRun: boolean;
}

async function programOr404(db: Db, id: number) {
  const p = await findProgram(db, id);
  if (!p) throw notFound({ vi: `chương trình số ${id}`, en: `Program ${id}` });
  return p;
}

/** The program's own tasks (not cascaded copies, not cancelled) in the template; central scope only, as they are the country's. */
export async function exportTaskList(db: Db, ctx: RequestContext, programId: number) {
  const program = await programOr404(db, programId);
  await requireUnitIn(db, ctx, await countryUnitId(db), PROGRAM['program.tasklist.read']);
  const all = await contentTasks(db, programId);
  const kept = new Set(all.filter((t) => t.status !== 'cancelled' && t.kind !== 'text').map((t) => t.id));
  // A text node (a clause) that holds kept items stays, or their parent codes would point nowhere.
  const byId = new Map(all.map((t) => [t.id, t]));
  for (const id of [...kept])
    for (let p = byId.get(id)?.parent_id; p != null && !kept.has(p); p = byId.get(p)?.parent_id) kept.add(p);
  // Document order (depth first), not insertion order: the import numbers positions level by level.
  const children = new Map<number | null, typeof all>();
  for (const t of all) if (kept.has(t.id)) children.set(t.parent_id, [...(children.get(t.parent_id) ?? []), t]);
  const ordered: typeof all = [];
  const walk = (parent: number | null) => {
    for (const t of children.get(parent) ?? []) {
      ordered.push(t);
      walk(t.id);
    }
  };
  walk(null);
  const rows = ordered.map(toTemplateRow);
  return { fileName: `${program.code}-nhiem-vu.xlsx`, rows: rows.length, content: await taskListToXlsx(rows) };
}

const rowError = (e: TaskListError) =>
  `${e.row > 0 ? `dòng/row ${e.row}` : 'tệp/file'}${e.column ? ` (${e.column})` : ''}`;

/** Every problem in the message (the first 50) and all of them in `errors`. */
function refused(errors: TaskListError[]): AppError {
  const shown = errors.slice(0, 50);
  const more = errors.length - shown.length;
  const list = (lang: keyof Message) =>
    shown.map((e) => `${rowError(e)}: ${e.message[lang]}`).join('\n') + (more > 0 ? `\n… (+${more})` : '');
  return badRequest(
    {
      vi: `Danh sách nhiệm vụ có ${errors.length} lỗi, chưa lưu gì:\n${list('vi')}`,
      en: `The task list has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was saved:\n${list('en')}`,
    },
    { errors },
  );
}

async function agencyResolver(db: Db, names: string[], asOf: string): Promise<AgencyResolver> {
  const found = await agenciesNamed(db, names);
  const inForce = (a: (typeof found)[number]) =>
    (!a.valid_from || a.valid_from <= asOf) && (!a.valid_to || a.valid_to > asOf);
  return (name) => {
    let matches = found.filter((a) => a.name === name || a.name_en === name);
    if (matches.length === 0)
      matches = found.filter(
        (a) => a.name.toLowerCase() === name.toLowerCase() || a.name_en?.toLowerCase() === name.toLowerCase(),
      );
    if (matches.length > 1 && matches.some(inForce)) matches = matches.filter(inForce);
    if (matches.length === 1) return matches[0].id;
    return matches.length === 0
      ? { vi: `Không có cơ quan nào tên "${name}" trong danh mục.`, en: `No agency named "${name}" in the registry.` }
      : {
          vi: `Có ${matches.length} cơ quan cùng tên "${name}" (số ${matches.map((m) => m.id).join(', ')}); hãy sửa trên hệ thống.`,
          en: `${matches.length} agencies share the name "${name}" (ids ${matches.map((m) => m.id).join(', ')}); set it in the app instead.`,
        };
  };
}

/** Carries the summary of a dry run out of the transaction it rolls back. */
class DryRun extends Error {
  constructor(readonly summary: ReturnType<typeof summarise>) {
    super('dry run');
  }
}

const summarise = (plan: Plan, dryRun: boolean) => ({
  dryRun,
  added: plan.added.map((a) => ({ row: a.row, code: a.code, parentCode: a.parentCode, kind: a.kind })),
  changed: plan.changed.map((c) => ({ row: c.row, code: c.code, taskId: c.taskId, fields: c.fields })),
  unchanged: plan.unchanged.length,
  notInFile: plan.notInFile,
});

/** Who may import into a program: checked before an upload's body is read, and again by importTaskList. */
export async function authoriseTaskListImport(db: Db, ctx: RequestContext, programId: number) {
  await programOr404(db, programId);
  // Amending a program is a central writer's act: its tasks are the country's (as addTask and adjustTask check per task).
  await requireUnitIn(db, ctx, await countryUnitId(db), PROGRAM['program.tasklist.write']);
}

/** `file` is the workbook (read here) or what a worker thread already read from it (the server's upload route). */
export async function importTaskList(
  db: Db,
  ctx: RequestContext,
  programId: number,
  file: Buffer | TaskListResult,
  input: TaskListImportInput,
) {
  await authoriseTaskListImport(db, ctx, programId);
  const effectiveDate = input.effectiveDate ?? todayIso();
  const parsed = Buffer.isBuffer(file) ? await xlsxToTaskList(file, { referenceDate: effectiveDate }) : file;
  if (!parsed.ok) throw refused(parsed.errors);
  const names = parsed.rows.flatMap((r) => [r.leadAgency, ...r.coordinatingAgencies]).filter((n): n is string => !!n);
  const agency = await agencyResolver(db, names, effectiveDate);
  const amendment = { decisionRef: input.decisionRef, reason: input.reason, effectiveDate };
  try {
    return await db.transaction().execute(async (trx) => {
      const existing = await contentTasks(trx, programId);
      const plan = planTaskList(parsed.rows, existing, agency);
      if (plan.errors.length) throw refused(plan.errors);
      const ids = new Map(existing.map((t) => [t.code, t.id]));
      const at = async <T>(row: number, fn: () => Promise<T>) => {
        try {
          return await fn();
        } catch (err) {
          if (err instanceof AppError && err.status < 500) throw refused([{ row, column: null, message: err.detail }]);
          throw err;
        }
      };
      // One program version for the whole file, and none for a file that changes nothing. Its own kind
      // ('tasklist'): 'add' or 'adjust' would show every task of a mixed file as added, or as adjusted.
      const version =
        plan.added.length || plan.changed.length
          ? await openAmendment(trx, ctx, programId, 'tasklist', amendment)
          : undefined;
      for (const a of plan.added) {
        const created = await at(a.row, () =>
          addTaskIn(
            trx,
            ctx,
            { ...amendment, parentId: ids.get(a.parentCode)!, kind: a.kind, task: a.task },
            { amendment: version },
          ),
        );
        ids.set(a.code, created.id);
      }
      for (const c of plan.changed)
        await at(c.row, () =>
          adjustTaskIn(
            trx,
            ctx,
            c.taskId,
            { ...amendment, version: c.version, changes: c.changes },
            { amendment: version },
          ),
        );
      const summary = summarise(plan, input.dryRun);
      if (input.dryRun) throw new DryRun(summary);
      await recordAudit(trx, ctx, {
        action: 'program.tasklist.import',
        entity: 'program',
        entityId: programId,
        after: {
          fileName: input.fileName ?? null,
          ...amendment,
          amendment: version?.version_no ?? null,
          added: summary.added.map((a) => a.code),
          changed: summary.changed.map((c) => c.code),
          unchanged: summary.unchanged,
        },
      });
      return summary;
    });
  } catch (err) {
    if (err instanceof DryRun) return err.summary;
    throw err;
  }
}
