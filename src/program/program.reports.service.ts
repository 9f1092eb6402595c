// Progress reports: a unit submits on its task, the level above accepts or
// returns with a comment, the submitter may edit (optimistic concurrency: a
// stale edit gets 409 with the current report and the edit it refused, so
// nothing is lost). Every change re-evaluates warnings and rollups in its
// transaction.
import crypto from 'node:crypto';
import type { Db } from '../platform/db.ts';
import type { RequestContext } from '../platform/context.ts';
import { recordAudit } from '../platform/audit.ts';
import { badRequest, conflict, notFound, todayIso } from '../platform/errors.ts';
import type { ReportInput, ReportPatch } from './program.schemas.ts';
import * as store from './program.reports.store.ts';
import { findTask, lockTask, type TaskRow } from './program.tasks.store.ts';
import { followReports, reportingPeriod } from './program.reporting.ts';
import { afterTaskChange } from './program.after-change.ts';
import { afterReport } from './program.after-report.ts';
import { notifyUser } from './program.inbox.ts';
import { CHANNELS, publish } from './program.events.ts';
import type { RollupChange } from './program.evaluate.ts';
import type { PendingWrites } from './program.pending.ts';
import { requireUnitIn, WRITER_ROLES, READ_ROLES } from './program.scope.ts';

const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
const reportNotFound = (id: number) => notFound({ vi: `báo cáo số ${id}`, en: `Report ${id}` });

async function loadTask(db: Db, id: number) {
  const task = await findTask(db, id);
  if (!task || task.kind !== 'task') throw notFound({ vi: `nhiệm vụ số ${id}`, en: `Task ${id}` });
  return task;
}

function decodeEvidence(files: ReportInput['evidence']) {
  return (files ?? []).map((f) => {
    const content = Buffer.from(f.contentBase64, 'base64');
    if (content.length === 0 || content.length > MAX_EVIDENCE_BYTES) {
      throw badRequest({ vi: `Tệp minh chứng "${f.fileName}" rỗng hoặc lớn hơn 10 MB.`, en: `Evidence file "${f.fileName}" is empty or larger than 10 MB.` });
    }
    return { sha256: crypto.createHash('sha256').update(content).digest('hex'), fileName: f.fileName, mediaType: f.mediaType, content };
  });
}

export async function submitReport(db: Db, ctx: RequestContext, taskId: number, input: ReportInput, opts: { submittedOn?: string; isDemo?: boolean } = {}) {
  const files = decodeEvidence(input.evidence);
  const submittedOn = opts.submittedOn ?? todayIso();
  const reportDate = input.reportDate ?? submittedOn;
  if (reportDate > submittedOn) throw badRequest({ vi: 'Ngày báo cáo không được sau hôm nay.', en: 'The report date cannot be in the future.' });
  return db.transaction().execute(async (trx) => {
    // Read and locked at once: the checks below see the task as the report will be written against it.
    const task = await store.lockTaskForReport(trx, taskId);
    if (!task || task.kind !== 'task') throw notFound({ vi: `nhiệm vụ số ${taskId}`, en: `Task ${taskId}` });
    await requireUnitIn(trx, ctx, task.unit_id, WRITER_ROLES);
    if (task.status === 'cancelled') throw badRequest({ vi: 'Nhiệm vụ đã hủy, không nhận báo cáo.', en: 'The task is cancelled and takes no reports.' });
    if (task.children) {
      throw badRequest({
        vi: `Tiến độ nhiệm vụ này tổng hợp từ ${task.children} nhiệm vụ đã giao cho các đơn vị; hãy báo cáo trên các nhiệm vụ đó.`,
        en: `This task's progress rolls up from the ${task.children} tasks assigned to units; report on those.`,
      });
    }
    const period = reportingPeriod(reportDate, task.cadence, task.report_grace_days);
    const report = await store.insertReport(trx, {
      task_id: taskId, report_date: reportDate, period_label: period.label, period_due: period.due, progress: input.progress, status: input.status,
      narrative: input.narrative ?? null, obstacles: input.obstacles ?? null, resources_needed: input.resourcesNeeded ?? null,
      submitted_by: ctx.user?.id ?? null, submitted_by_label: ctx.user?.username ?? ctx.actorLabel,
      submitted_at: opts.submittedOn ? `${opts.submittedOn}T09:00:00+07:00` : new Date(), is_late: submittedOn > period.due, is_demo: opts.isDemo ?? false,
    });
    await store.storeEvidence(trx, report.id, files);
    const rollups: RollupChange[] = [];
    // The task's and its cascade parents' new figures are written once, with their verdicts.
    const pending: PendingWrites = new Map();
    const followed = await followReports(trx, task, rollups, report, pending);
    // A task with no cascaded children (checked above, under its lock) is a leaf.
    await afterReport(trx, { ...followed, cadence: task.cadence, start: task.start, kinds: task.kinds }, { asOf: submittedOn, rollups, pending,
      events: [{ channel: CHANNELS.report, payload: { programId: task.program_id, taskId, reportId: report.id, state: report.state } }],
      audit: { ctx, entry: { action: 'program.report.submit', entity: 'task_report', entityId: report.id, after: { taskId, ...input, evidence: files.map((f) => ({ fileName: f.fileName, sha256: f.sha256 })) } } } });
    return store.presentReport(report, files.map((f) => ({ sha256: f.sha256, file_name: f.fileName, size_bytes: f.content.length, media_type: f.mediaType })));
  });
}

export async function editReport(db: Db, ctx: RequestContext, id: number, patch: ReportPatch) {
  const report = await store.findReport(db, id);
  if (!report) throw reportNotFound(id);
  const task = await loadTask(db, report.task_id);
  await requireUnitIn(db, ctx, task.unit_id, WRITER_ROLES);
  if (report.state === 'accepted') throw badRequest({ vi: 'Báo cáo đã được chấp nhận, không sửa được.', en: 'An accepted report cannot be edited.' });
  return db.transaction().execute(async (trx) => {
    const locked = (await lockTask(trx, task.id))!;
    const { version, resourcesNeeded, ...rest } = patch;
    const set: Record<string, unknown> = { ...rest, state: 'submitted' };
    if (resourcesNeeded !== undefined) set.resources_needed = resourcesNeeded;
    const updated = await store.updateReportIfVersion(trx, id, version, set);
    if (!updated) throw staleReport((await store.findReport(trx, id))!, patch);
    await followReports(trx, locked);
    await afterTaskChange(trx, task.program_id, [task.id]);
    await recordAudit(trx, ctx, { action: 'program.report.edit', entity: 'task_report', entityId: id, before: store.presentReport(report), after: patch });
    await publish(trx, CHANNELS.report, { programId: task.program_id, taskId: task.id, reportId: id, state: updated.state });
    return store.presentReport(updated, await store.evidenceOf(trx, [id]));
  });
}

function staleReport(current: store.ReportRow, refused: unknown) {
  return conflict({
    vi: `Báo cáo đã được người khác sửa hoặc xét duyệt (phiên bản ${current.version}). Thay đổi của bạn chưa được lưu và được gửi kèm lại đây; hãy tải lại và áp dụng lại.`,
    en: `The report was changed or reviewed by someone else (version ${current.version}). Your change was not saved and is returned here; reload and apply it again.`,
  }, { current: store.presentReport(current), yourChange: refused });
}

/** Accept or return: by a writer of the level above the task's unit (the country reviews its own). */
export async function reviewReport(db: Db, ctx: RequestContext, id: number, decision: 'accept' | 'return', input: { version: number; comment?: string }) {
  const report = await store.findReport(db, id);
  if (!report) throw reportNotFound(id);
  const task = await loadTask(db, report.task_id);
  const unit = await db.selectFrom('units').select(['id', 'parent_id']).where('id', '=', task.unit_id).executeTakeFirstOrThrow();
  await requireUnitIn(db, ctx, unit.parent_id ?? unit.id, WRITER_ROLES);
  if (decision === 'return' && !input.comment) throw badRequest({ vi: 'Trả lại báo cáo phải kèm ý kiến.', en: 'Returning a report needs a comment.' });
  return db.transaction().execute(async (trx) => {
    const locked = (await lockTask(trx, task.id))!;
    const updated = await store.updateReportIfVersion(trx, id, input.version, {
      state: decision === 'accept' ? 'accepted' : 'returned', review_comment: input.comment ?? null, reviewed_by: ctx.user?.id ?? null, reviewed_at: new Date(),
    });
    if (!updated) throw staleReport((await store.findReport(trx, id))!, { decision, ...input });
    await followReports(trx, locked);
    await afterTaskChange(trx, task.program_id, [task.id]);
    if (report.submitted_by) await notifyReview(trx, report.submitted_by, task, updated, decision);
    await recordAudit(trx, ctx, { action: `program.report.${decision}`, entity: 'task_report', entityId: id, after: input });
    await publish(trx, CHANNELS.report, { programId: task.program_id, taskId: task.id, reportId: id, state: updated.state });
    return store.presentReport(updated);
  });
}

function notifyReview(trx: Db, userId: number, task: TaskRow, r: store.ReportRow, decision: 'accept' | 'return') {
  const title = task.title_vi ?? task.title_en ?? task.code;
  return notifyUser(trx, userId, {
    kind: decision === 'accept' ? 'report_accepted' : 'report_returned', entity: 'task_report', entityId: r.id,
    title: decision === 'accept' ? { vi: 'Báo cáo được chấp nhận', en: 'Report accepted' } : { vi: 'Báo cáo bị trả lại', en: 'Report returned' },
    body: {
      vi: `Báo cáo kỳ ${r.period_label} của nhiệm vụ ${task.code} (${title})${r.review_comment ? `: ${r.review_comment}` : '.'}`,
      en: `The ${r.period_label} report on task ${task.code} (${title})${r.review_comment ? `: ${r.review_comment}` : '.'}`,
    },
  });
}

export async function listReports(db: Db, ctx: RequestContext, taskId: number) {
  const task = await loadTask(db, taskId);
  await requireUnitIn(db, ctx, task.unit_id, READ_ROLES);
  const rows = await store.reportsOfTask(db, taskId);
  const evidence = await store.evidenceOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => store.presentReport(r, evidence.filter((e) => e.report_id === r.id))) };
}

export async function getReport(db: Db, ctx: RequestContext, id: number) {
  const report = await store.findReport(db, id);
  if (!report) throw reportNotFound(id);
  const task = await loadTask(db, report.task_id);
  await requireUnitIn(db, ctx, task.unit_id, READ_ROLES);
  return store.presentReport(report, await store.evidenceOf(db, [id]));
}

/** An evidence file, only through a report the caller may read. */
export async function getEvidence(db: Db, ctx: RequestContext, reportId: number, sha256: string) {
  await getReport(db, ctx, reportId);
  const link = await db.selectFrom('report_evidence').select('file_name').where('report_id', '=', reportId).where('sha256', '=', sha256).executeTakeFirst();
  const blob = link ? await store.evidenceBlob(db, sha256) : undefined;
  if (!link || !blob) throw notFound({ vi: 'tệp minh chứng', en: 'Evidence file' });
  return { fileName: link.file_name, mediaType: blob.media_type, content: blob.content };
}
