// Programs and tasks, read side, and the document import entry points.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { requireUser } from '../../accounts/sessions/sessions.access.ts';
import { checkRole } from '../../platform/policy/policy.ts';
import { PROGRAM } from '../program.policy.ts';
import {
  parseProgramDocument,
  parseProgramDocumentOffLoop,
  previewJsonOffLoop,
  type ParseError,
} from '../parse/document.ts';
import type { ProgramMetaInput } from '../program.schemas.ts';
import { createProgramFromTree } from './tasks.import.ts';
import * as store from './tasks.versions.store.ts';
import * as tasks from './tasks.store.ts';
import { openWarningsOf } from '../warnings/warnings.store.ts';
import { loadContent, presentTask, presentTaskRow, type TaskContent } from './tasks.content.ts';
import type { AMENDMENT_KINDS } from '../program.schemas.ts';
import type { Warning } from '../program.types.ts';
import { countryUnitId, ownGrantUnits, requireUnitIn, scopeOf } from '../program.scope.ts';
import { placeOf, taskRights, userOf, writerOver } from '../program.rights.ts';

/** The parsed tree, counts, impossible dates and unrecognised lines (as JSON text, ParseResult): shown before anything is saved. */
export async function previewDocument(ctx: RequestContext, text: string): Promise<Buffer> {
  checkRole(ctx, PROGRAM['program.preview']);
  return previewJsonOffLoop(text);
}

/**
 * Saves a document as a new program, all or nothing. A document with an
 * impossible date is refused whole, every such date listed with its line: a
 * program's deadlines drive its warnings, and saving the task without the
 * deadline (what happened before) would hide it from every overdue list; the
 * official corrects the line in the text and imports again. `offLoop` parses
 * in a worker thread (the server); the CLI and the demo parse in place.
 */
export async function importDocument(
  db: Db,
  ctx: RequestContext,
  meta: ProgramMetaInput,
  text: string,
  opts: { language?: 'vi' | 'en'; effectiveDate: string; decisionRef?: string; isDemo?: boolean; offLoop?: boolean },
) {
  checkRole(ctx, PROGRAM['program.import']); // before a 2M-character parse
  const lang = opts.language ?? 'auto';
  const parsed = opts.offLoop
    ? await parseProgramDocumentOffLoop(text, { lang })
    : parseProgramDocument(text, { lang });
  if (parsed.errors.length > 0) throw documentErrors(parsed.errors);
  if (parsed.tree.length === 0)
    throw badRequest({
      vi: 'Không nhận dạng được mục nào trong văn bản.',
      en: 'No items were recognised in the document.',
    });
  const result = await createProgramFromTree(db, ctx, meta, parsed.tree, {
    language: parsed.lang,
    effectiveDate: opts.effectiveDate,
    decisionRef: opts.decisionRef,
    isDemo: opts.isDemo,
  });
  return { ...result, parsedCounts: parsed.counts, unrecognised: parsed.unrecognised };
}

function documentErrors(errors: ParseError[]) {
  const shown = errors.slice(0, 50);
  const more = errors.length > shown.length ? `\n… (+${errors.length - shown.length})` : '';
  return badRequest(
    {
      vi: `Văn bản có ${errors.length} lỗi về ngày tháng, chưa lưu gì. Hãy sửa các dòng sau rồi nhập lại:\n${shown.map((e) => `dòng ${e.line}: ${e.errorVi}`).join('\n')}${more}`,
      en: `The document has ${errors.length} date error${errors.length === 1 ? '' : 's'}; nothing was saved. Correct these lines and import again:\n${shown.map((e) => `line ${e.line}: ${e.error}`).join('\n')}${more}`,
    },
    { errors },
  );
}

export function presentProgram(p: NonNullable<Awaited<ReturnType<typeof store.findProgram>>>) {
  return {
    id: p.id,
    code: p.code,
    titleVi: p.title_vi,
    titleEn: p.title_en,
    resolutionRef: p.resolution_ref,
    issuingBody: p.issuing_body,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    cadence: p.cadence,
    reportGraceDays: p.report_grace_days,
    reviewDays: p.review_days,
    escalationDays: p.escalation_days,
    currentVersion: p.current_version,
    isDemo: p.is_demo,
  };
}

/**
 * A program's settings (the working days a reviewer has): the program owner's, a writer over the country. A new
 * value applies to reports submitted from then on (a report's review deadline is fixed when it is submitted).
 */
export async function updateProgramSettings(db: Db, ctx: RequestContext, id: number, input: { reviewDays: number }) {
  const country = await countryUnitId(db);
  if (!writerOver(userOf(ctx), [{ id: country, name: '' }])) {
    throw forbidden({
      vi: 'Chỉ cấp trung ương (chủ chương trình) mới đổi được thiết lập của chương trình.',
      en: "Only the central level (the program's owner) may change the program's settings.",
    });
  }
  return db.transaction().execute(async (trx) => {
    const before = await store.lockProgram(trx, id);
    if (!before) throw notFound({ vi: `chương trình số ${id}`, en: `Program ${id}` });
    const after = await store.setReviewDays(trx, id, input.reviewDays);
    await recordAudit(trx, ctx, {
      action: 'program.settings',
      entity: 'program',
      entityId: id,
      before: { reviewDays: before.review_days },
      after: { reviewDays: after.review_days },
    });
    return presentProgram(after);
  });
}

/** Program headers are public to every signed-in user; their tasks are scoped. */
export async function listPrograms(db: Db, ctx: RequestContext) {
  requireUser(ctx);
  return { items: (await store.listPrograms(db)).map(presentProgram) };
}

export async function getProgram(db: Db, ctx: RequestContext, id: number) {
  requireUser(ctx);
  const p = await store.findProgram(db, id);
  if (!p) throw notFound({ vi: `chương trình số ${id}`, en: `Program ${id}` });
  const amendments = (await store.listAmendments(db, id)).map((a) => ({
    id: a.id,
    versionNo: a.version_no,
    kind: a.kind as (typeof AMENDMENT_KINDS)[number],
    decisionRef: a.decision_ref,
    reason: a.reason,
    effectiveDate: a.effective_date,
    actor: a.actor,
    createdAt: a.created_at,
  }));
  // What the caller may do on the program, by the rule the services enforce: its own tasks are the country's to add.
  const country = await countryUnitId(db);
  return { ...presentProgram(p), amendments, can: { addTask: writerOver(userOf(ctx), [{ id: country, name: '' }]) } };
}

/**
 * The program's content as in force on a date, as it reaches the caller's unit. The country's scope sees
 * the program's own tasks (not the up to a million copies cascaded from them: those are read task by
 * task). A province or commune officer sees the tasks assigned to their own unit and, as context
 * (`inScope: false`), the items above them (part, section, the central task, the province's task), so each
 * task sits where it belongs in the program; tasks of the units below are read from each task's page.
 */
export async function programAsOf(db: Db, ctx: RequestContext, id: number, asOf: string) {
  const program = await getProgram(db, ctx, id);
  const scope = await scopeOf(db, ctx, PROGRAM['task.read']);
  const ownUnits = scope.all ? null : ownGrantUnits(ctx, PROGRAM['task.read']);
  const rows = await store.versionsAsOf(db, id, asOf, ownUnits);
  return {
    program: { ...program, amendments: program.amendments.filter((a) => a.effectiveDate <= asOf) },
    asOf,
    items: rows.map((r) => ({
      taskId: r.task_id,
      parentId: r.parent_id,
      cascaded: r.cascaded,
      unitName: r.unit_name,
      inScope: r.in_scope,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      // The version's content as written by contentOf (tasks.content.ts), a JSON column; its kind is the task's.
      ...(r.content as TaskContent),
    })),
  };
}

async function taskInScope(db: Db, ctx: RequestContext, id: number) {
  const t = await tasks.findTask(db, id);
  if (!t) throw notFound({ vi: `nhiệm vụ số ${id}`, en: `Task ${id}` });
  await requireUnitIn(db, ctx, t.unit_id, PROGRAM['task.read']);
  return t;
}

export async function getTask(db: Db, ctx: RequestContext, id: number) {
  const t = await taskInScope(db, ctx, id);
  const [content, scope, allChildren, warnings, place] = await Promise.all([
    loadContent(db, t),
    scopeOf(db, ctx, PROGRAM['task.read']),
    tasks.childrenOf(db, id),
    openWarningsOf(db, id),
    placeOf(db, t),
  ]);
  const children = allChildren.filter((c) => scope.all || scope.unitIds.includes(c.unit_id));
  const cascadedChildren = allChildren.filter((c) => c.cascaded).length;
  return {
    ...presentTask(t),
    coordinatingAgencyIds: content.coordinatingAgencyIds,
    funding: content.funding,
    dependsOn: content.dependsOn,
    // Who assigned the task (owns its definition) and who reviews its reports; what the caller may do, by the rules the services enforce.
    assignedBy: place.assigner[0] ?? null,
    reviewedBy: place.reviewer[0] ?? null,
    can: taskRights(userOf(ctx), { ...t, cascadedChildren }, place),
    children: children.map(presentTask),
    warnings: warnings.map((w) => ({
      id: w.id,
      kind: w.kind as Warning['kind'],
      severity: w.severity as Warning['severity'],
      message: { vi: w.message_vi, en: w.message_en },
      facts: w.facts as Warning['facts'],
      raisedAt: w.raised_at,
      acknowledgedAt: w.acknowledged_at,
      escalatedAt: w.escalated_at,
    })),
  };
}

export async function taskHistory(db: Db, ctx: RequestContext, id: number) {
  await taskInScope(db, ctx, id);
  const rows = await store.taskHistory(db, id);
  return {
    items: rows.map((v) => ({
      validFrom: v.valid_from,
      validTo: v.valid_to,
      versionNo: v.version_no,
      kind: v.kind as (typeof AMENDMENT_KINDS)[number],
      decisionRef: v.decision_ref,
      reason: v.reason,
      actor: v.actor,
      changeRequestId: v.change_request_id,
      content: v.content as unknown as TaskContent,
    })),
  };
}

export async function listTasks(
  db: Db,
  ctx: RequestContext,
  programId: number,
  f: Omit<tasks.TaskFilter, 'programId' | 'parentId'> & { parentId?: number; roots?: boolean },
) {
  requireUser(ctx);
  if (f.unitId) await requireUnitIn(db, ctx, f.unitId, PROGRAM['task.read']);
  const scope = await scopeOf(db, ctx, PROGRAM['task.read']);
  const { items, total } = await tasks.listTasks(db, scope, { ...f, programId, parentId: f.roots ? null : f.parentId });
  return { total, items: items.map((t) => ({ ...presentTaskRow(t), unitName: t.unit_name, unitCode: t.unit_code })) };
}
