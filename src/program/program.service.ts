// Programs and tasks, read side, and the document import entry points.
import type { Db } from '../platform/db.ts';
import type { RequestContext } from '../platform/context.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { requireUser } from '../accounts/access.ts';
import { checkRole } from '../platform/policy.ts';
import { PROGRAM } from './program.policy.ts';
import { parseProgramDocument } from './parse/document.ts';
import type { ProgramMetaInput } from './program.schemas.ts';
import { createProgramFromTree } from './program.import.ts';
import * as store from './program.store.ts';
import * as tasks from './program.tasks.store.ts';
import { loadContent, presentTask } from './program.content.ts';
import { ownGrantUnits, requireUnitIn, scopeOf } from './program.scope.ts';

/** The parsed tree, counts and unrecognised lines: shown before anything is saved. */
export function previewDocument(ctx: RequestContext, text: string) {
  checkRole(ctx, PROGRAM['program.preview']);
  return parseProgramDocument(text);
}

export async function importDocument(db: Db, ctx: RequestContext, meta: ProgramMetaInput, text: string, opts: { language?: 'vi' | 'en'; effectiveDate: string; decisionRef?: string; isDemo?: boolean }) {
  const parsed = parseProgramDocument(text, { lang: opts.language ?? 'auto' });
  if (parsed.tree.length === 0) throw badRequest({ vi: 'Không nhận dạng được mục nào trong văn bản.', en: 'No items were recognised in the document.' });
  const result = await createProgramFromTree(db, ctx, meta, parsed.tree, { language: parsed.lang, effectiveDate: opts.effectiveDate, decisionRef: opts.decisionRef, isDemo: opts.isDemo });
  return { ...result, parsedCounts: parsed.counts, unrecognised: parsed.unrecognised };
}

export function presentProgram(p: NonNullable<Awaited<ReturnType<typeof store.findProgram>>>) {
  return {
    id: p.id, code: p.code, titleVi: p.title_vi, titleEn: p.title_en, resolutionRef: p.resolution_ref, issuingBody: p.issuing_body,
    periodStart: p.period_start, periodEnd: p.period_end, cadence: p.cadence, reportGraceDays: p.report_grace_days,
    escalationDays: p.escalation_days, currentVersion: p.current_version, isDemo: p.is_demo,
  };
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
    id: a.id, versionNo: a.version_no, kind: a.kind, decisionRef: a.decision_ref, reason: a.reason, effectiveDate: a.effective_date, actor: a.actor, createdAt: a.created_at,
  }));
  return { ...presentProgram(p), amendments };
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
    program: { ...program, amendments: program.amendments.filter((a) => a.effectiveDate <= asOf) }, asOf,
    items: rows.map((r) => ({
      taskId: r.task_id, parentId: r.parent_id, kind: r.kind, cascaded: r.cascaded, unitName: r.unit_name, inScope: r.in_scope,
      validFrom: r.valid_from, validTo: r.valid_to, ...(r.content as object),
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
  const content = await loadContent(db, t);
  const scope = await scopeOf(db, ctx, PROGRAM['task.read']);
  const children = (await tasks.childrenOf(db, id)).filter((c) => scope.all || scope.unitIds.includes(c.unit_id));
  const warnings = await db.selectFrom('program_warnings').selectAll().where('task_id', '=', id).where('resolved_at', 'is', null).execute();
  return {
    ...presentTask(t), coordinatingAgencyIds: content.coordinatingAgencyIds, funding: content.funding, dependsOn: content.dependsOn,
    children: children.map(presentTask),
    warnings: warnings.map((w) => ({ id: w.id, kind: w.kind, severity: w.severity, message: { vi: w.message_vi, en: w.message_en }, facts: w.facts, raisedAt: w.raised_at, acknowledgedAt: w.acknowledged_at, escalatedAt: w.escalated_at })),
  };
}

export async function taskHistory(db: Db, ctx: RequestContext, id: number) {
  await taskInScope(db, ctx, id);
  const rows = await store.taskHistory(db, id);
  return { items: rows.map((v) => ({ validFrom: v.valid_from, validTo: v.valid_to, versionNo: v.version_no, kind: v.kind, decisionRef: v.decision_ref, reason: v.reason, actor: v.actor, content: v.content })) };
}

export async function listTasks(db: Db, ctx: RequestContext, programId: number, f: Omit<tasks.TaskFilter, 'programId' | 'parentId'> & { parentId?: number; roots?: boolean }) {
  requireUser(ctx);
  if (f.unitId) await requireUnitIn(db, ctx, f.unitId, PROGRAM['task.read']);
  const scope = await scopeOf(db, ctx, PROGRAM['task.read']);
  const { items, total } = await tasks.listTasks(db, scope, { ...f, programId, parentId: f.roots ? null : f.parentId });
  return { total, items: items.map((t) => presentTask(t as unknown as tasks.TaskRow)) };
}
