// Progress reports. A unit reports on its own task (a writer granted AT the
// task's unit); the report is "reported", not official, until the level above
// accepts it: the task keeps its official figures and shows the reported ones
// beside them. Acceptance moves the official figures, the cascade parents,
// the warnings and the rollups (the path reports.after-report.ts keeps short);
// a returned report never counts. Nobody reviews their own report; only its
// author edits it, and an edit keeps the replaced content as a version. A
// client key makes a submission idempotent (a double click stores one report).
import crypto from 'node:crypto';
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { badRequest, conflict, notFound, todayIso } from '../../platform/errors.ts';
import type { ReportInput, ReportPatch } from '../program.schemas.ts';
import * as store from './reports.store.ts';
import { findTask } from '../tasks/tasks.store.ts';
import { followReports, reportingPeriod } from './reports.periods.ts';
import { finishChange } from '../tasks/tasks.after-change.ts';
import { afterReport } from './reports.after-report.ts';
import { evaluateRows, type RollupChange } from '../warnings/warnings.evaluate.ts';
import { lockEvalRows } from '../warnings/warnings.store.ts';
import { CHANNELS } from '../events/events.publish.ts';
import { overlayPending, type PendingWrites, type ReportedFigures } from './reports.pending.ts';
import { requireUnitIn } from '../program.scope.ts';
import { PROGRAM } from '../program.policy.ts';
import {
  chainFrom,
  placeOf,
  refusals,
  refuse,
  refuseFor,
  reportRights,
  userOf,
  writerAt,
  writerOver,
} from '../program.rights.ts';
import { checkReportFigures } from './reports.rules.ts';

const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
const reportNotFound = (id: number) => notFound({ vi: `báo cáo số ${id}`, en: `Report ${id}` });
const taskNotFound = (id: number) => notFound({ vi: `nhiệm vụ số ${id}`, en: `Task ${id}` });

function decodeEvidence(files: ReportInput['evidence']) {
  return (files ?? []).map((f) => {
    const content = Buffer.from(f.contentBase64, 'base64');
    if (content.length === 0 || content.length > MAX_EVIDENCE_BYTES) {
      throw badRequest({
        vi: `Tệp minh chứng "${f.fileName}" rỗng hoặc lớn hơn 10 MB.`,
        en: `Evidence file "${f.fileName}" is empty or larger than 10 MB.`,
      });
    }
    return {
      sha256: crypto.createHash('sha256').update(content).digest('hex'),
      fileName: f.fileName,
      mediaType: f.mediaType,
      content,
    };
  });
}

const titleOf = (t: { title_vi: string | null; title_en: string | null; code: string }) =>
  t.title_vi ?? t.title_en ?? t.code;

export interface SubmitOptions {
  submittedOn?: string;
  isDemo?: boolean;
  clientKey?: string;
}

export async function submitReport(
  db: Db,
  ctx: RequestContext,
  taskId: number,
  input: ReportInput,
  opts: SubmitOptions = {},
) {
  checkReportFigures(input.progress, input.status);
  const files = decodeEvidence(input.evidence);
  const submittedOn = opts.submittedOn ?? todayIso();
  const reportDate = input.reportDate ?? submittedOn;
  if (reportDate > submittedOn)
    throw badRequest({ vi: 'Ngày báo cáo không được sau hôm nay.', en: 'The report date cannot be in the future.' });
  const user = userOf(ctx);
  const clientKey = opts.clientKey ?? input.clientKey ?? null;
  return db.transaction().execute(async (trx) => {
    // Read and locked at once: the checks below see the task as the report will be written against it.
    const task = await store.lockTaskForReport(trx, taskId);
    if (!task || task.kind !== 'task') throw taskNotFound(taskId);
    // The unit itself reports (no subtree walk: a grant AT the unit, checked in memory).
    if (!writerAt(user, task.unit_id))
      await refuseFor(trx, ctx, task.unit_id, refusals.notAssignee((await placeOf(trx, task)).chain));
    if (task.status === 'cancelled')
      throw badRequest({
        vi: 'Nhiệm vụ đã hủy, không nhận báo cáo.',
        en: 'The task is cancelled and takes no reports.',
      });
    if (task.children) {
      throw badRequest({
        vi: `Tiến độ nhiệm vụ này tổng hợp từ ${task.children} nhiệm vụ đã giao cho các đơn vị; hãy báo cáo trên các nhiệm vụ đó.`,
        en: `This task's progress rolls up from the ${task.children} tasks assigned to units; report on those.`,
      });
    }
    const period = reportingPeriod(reportDate, task.cadence, task.report_grace_days);
    const report = await store.insertPendingReport(
      trx,
      {
        task_id: taskId,
        report_date: reportDate,
        period_label: period.label,
        period_due: period.due,
        progress: input.progress,
        status: input.status,
        narrative: input.narrative ?? null,
        obstacles: input.obstacles ?? null,
        resources_needed: input.resourcesNeeded ?? null,
        submitted_by: user?.id ?? null,
        submitted_by_label: user?.username ?? ctx.actorLabel,
        submitted_at: opts.submittedOn ? `${opts.submittedOn}T09:00:00+07:00` : new Date(),
        is_late: submittedOn > period.due,
        is_demo: opts.isDemo ?? false,
        client_key: clientKey,
        reviewer_unit_id: task.unit_parent_id ?? task.unit_id,
        review_days: task.review_days,
        submitted_on: submittedOn,
      },
      submittedNote(task, period.label),
    );
    if (!report) return replay(trx, ctx, taskId, clientKey!);
    await store.storeEvidence(trx, report.id, files);
    const presented = store.presentReport(
      report,
      files.map((f) => ({
        sha256: f.sha256,
        file_name: f.fileName,
        size_bytes: f.content.length,
        media_type: f.mediaType,
      })),
    );
    // The official figures do not move. Only the engine's "silent" rule reads a report awaiting review (the unit did
    // report), so the task is judged again only when it is silent now.
    const rollups: RollupChange[] = [];
    const events = [
      {
        channel: CHANNELS.report,
        payload: { programId: task.program_id, taskId, reportId: report.id, state: report.state },
      },
    ];
    const outcome = task.kinds.split(',').includes('silent')
      ? await evaluateRows(trx, await lockEvalRows(trx, [taskId], false), submittedOn, { refreshOpen: true, rollups })
      : { changedTaskIds: [], raised: 0, resolved: 0 };
    await finishChange(trx, task.program_id, [taskId], outcome, rollups, events, {
      ctx,
      entry: {
        action: 'program.report.submit',
        entity: 'task_report',
        entityId: report.id,
        // The report as stored (never the evidence's bytes: their names, sizes and SHA-256 digests).
        after: { ...presented, clientKey },
      },
    });
    return { ...presented, replayed: false };
  });
}

/** The same client key again on the task: the first submission's report, unchanged (nothing is written). */
async function replay(trx: Db, ctx: RequestContext, taskId: number, clientKey: string) {
  const first = (await store.findReportByKey(trx, taskId, clientKey))!;
  const user = userOf(ctx);
  if (user && first.submitted_by !== user.id) {
    throw conflict({
      vi: 'Khóa gửi (Idempotency-Key) này đã được người khác dùng cho một báo cáo trên nhiệm vụ này; hãy dùng một khóa mới.',
      en: 'This Idempotency-Key was already used by someone else for a report on this task; use a new key.',
    });
  }
  return { ...store.presentReport(first, await store.evidenceOf(trx, [first.id])), replayed: true };
}

function submittedNote(task: store.LockedReportTask, period: string) {
  return {
    title: { vi: 'Có báo cáo mới chờ bạn duyệt', en: 'New reports await your review' },
    body: {
      vi: `Báo cáo kỳ ${period} của nhiệm vụ ${task.code} (${titleOf(task)}) và có thể các báo cáo khác đang chờ bạn xem xét. Mở "Báo cáo chờ duyệt" để xem tất cả.`,
      en: `The ${period} report on task ${task.code} (${titleOf(task)}), and possibly others, await your review. Open "Reports to review" to see them all.`,
    },
  };
}

/**
 * A report as an edit's or a review's audit row keeps it: everything but its evidence, which only the submission
 * sets (its row names the files); presentReport without the files would claim there are none.
 */
function auditedReport(r: store.ReportRow) {
  const { evidence: _unchanged, ...state } = store.presentReport(r);
  return state;
}

function staleReport(current: unknown, refused: unknown) {
  const version = (current as { version?: number } | null)?.version;
  return conflict(
    {
      vi: `Báo cáo đã được người khác sửa hoặc xét duyệt (phiên bản ${version}). Thay đổi của bạn chưa được lưu và được gửi kèm lại đây; hãy tải lại và áp dụng lại.`,
      en: `The report was changed or reviewed by someone else (version ${version}). Your change was not saved and is returned here; reload and apply it again.`,
    },
    { current, yourChange: refused },
  );
}

/**
 * An author's edit: a new version of the report (the replaced content is kept), awaiting review again.
 * Only the author edits, and never an accepted report: a reviewer who wants a change returns it with a comment.
 */
export async function editReport(db: Db, ctx: RequestContext, id: number, patch: ReportPatch) {
  const user = userOf(ctx);
  return db.transaction().execute(async (trx) => {
    const row = await store.lockReportForReview(trx, id);
    if (!row) throw reportNotFound(id);
    const report = row.report;
    // Whose report it is first (a stranger learns nothing of its state), then whether it can still change.
    if (!reportRights(user, row.unit_id, row.chain, { ...report, state: 'submitted' }).edit)
      await refuseFor(trx, ctx, row.unit_id, refusals.notAuthor());
    if (report.state === 'accepted')
      throw badRequest({
        vi: 'Báo cáo đã được chấp nhận, không sửa được.',
        en: 'An accepted report cannot be edited.',
      });
    if (report.version !== patch.version) throw staleReport(store.presentReport(report), patch);
    const content: store.ReportContent = {
      report_date: report.report_date,
      progress: patch.progress ?? report.progress,
      status: patch.status ?? report.status,
      narrative: patch.narrative !== undefined ? patch.narrative : report.narrative,
      obstacles: patch.obstacles !== undefined ? patch.obstacles : report.obstacles,
      resources_needed: patch.resourcesNeeded !== undefined ? patch.resourcesNeeded : report.resources_needed,
    };
    checkReportFigures(content.progress, content.status);
    const today = todayIso();
    const updated = await store.editReportVersion(trx, id, patch.version, content, today, row.review_days);
    if (!updated) throw staleReport(store.presentReport(report), patch);
    await judgeReported(trx, row, store.reportedAfter(updated, updated), today, {
      events: [
        {
          channel: CHANNELS.report,
          payload: { programId: row.program_id, taskId: row.id, reportId: id, state: updated.state },
        },
      ],
      audit: {
        ctx,
        entry: {
          action: 'program.report.edit',
          entity: 'task_report',
          entityId: id,
          before: auditedReport(report),
          after: auditedReport(updated),
        },
      },
    });
    return store.presentReport(updated, await store.evidenceOf(trx, [id]));
  });
}

/**
 * The task's reports awaiting review changed but not its official figures (an edit, a return): the task is
 * judged again (silent, review overdue) with its new "reported" figures, written once with its verdict.
 */
async function judgeReported(
  trx: Db,
  task: store.LockedReportTask,
  reported: ReportedFigures | null,
  asOf: string,
  end: { events: Parameters<typeof finishChange>[5]; audit: NonNullable<Parameters<typeof finishChange>[6]> },
) {
  const pending: PendingWrites = new Map([
    [task.id, { progress: task.progress, status: task.status, done_date: task.done_date, reported }],
  ]);
  const rollups: RollupChange[] = [];
  const rows = overlayPending(await lockEvalRows(trx, [task.id], false), pending);
  const outcome = await evaluateRows(trx, rows, asOf, { refreshOpen: true, rollups, pending });
  await finishChange(trx, task.program_id, [task.id], outcome, rollups, end.events, end.audit);
}

/**
 * Accept or return, by a writer whose grant holds the unit above the task's unit (the country reviews its own),
 * never by the report's author. Accepting makes the report's figures official; a returned report never counts.
 */
export async function reviewReport(
  db: Db,
  ctx: RequestContext,
  id: number,
  decision: 'accept' | 'return',
  input: { version: number; comment?: string },
  opts: { reviewedOn?: string } = {},
) {
  if (decision === 'return' && !input.comment)
    throw badRequest({ vi: 'Trả lại báo cáo phải kèm ý kiến.', en: 'Returning a report needs a comment.' });
  const user = userOf(ctx);
  const asOf = opts.reviewedOn ?? todayIso();
  return db.transaction().execute(async (trx) => {
    const row = await store.lockReportForReview(trx, id);
    if (!row) throw reportNotFound(id);
    const report = row.report;
    const reviewer = chainFrom(row.chain, report.reviewer_unit_id);
    if (!writerOver(user, reviewer)) await refuseFor(trx, ctx, row.unit_id, refusals.notReviewer(reviewer));
    if (user && report.submitted_by === user.id) throw refuse(refusals.ownReport());
    if (report.version !== input.version) throw staleReport(store.presentReport(report), { decision, ...input });
    if (report.state !== 'submitted') {
      throw conflict(
        {
          vi: 'Báo cáo này đã được xét duyệt rồi; chỉ báo cáo đang chờ duyệt mới chấp nhận hoặc trả lại được.',
          en: 'This report was already reviewed; only a report awaiting review can be accepted or returned.',
        },
        { current: store.presentReport(report) },
      );
    }
    if (decision === 'accept' && row.status === 'cancelled') {
      throw badRequest({
        vi: 'Nhiệm vụ đã bị hủy nên báo cáo không còn được tính; chỉ có thể trả lại báo cáo này.',
        en: 'The task was cancelled, so the report no longer counts; it can only be returned.',
      });
    }
    if (decision === 'accept' && row.children) {
      throw badRequest({
        vi: `Nhiệm vụ đã được giao tiếp cho ${row.children} đơn vị nên tiến độ tổng hợp từ các đơn vị đó; báo cáo này chỉ có thể trả lại.`,
        en: `The task was assigned on to ${row.children} units, so its progress rolls up from theirs; this report can only be returned.`,
      });
    }
    const updated = await store.reviewUpdate(
      trx,
      id,
      input.version,
      {
        state: decision === 'accept' ? 'accepted' : 'returned',
        comment: input.comment ?? null,
        reviewedBy: user?.id ?? null,
      },
      reviewNote(row, report, decision, input.comment),
    );
    if (!updated) throw staleReport(store.presentReport((await store.findReport(trx, id))!), { decision, ...input });
    const reported = store.reportedAfter(updated);
    const events = [
      {
        channel: CHANNELS.report,
        payload: { programId: row.program_id, taskId: row.id, reportId: id, state: updated.state },
      },
    ];
    const audit = {
      ctx,
      entry: {
        action: `program.report.${decision}`,
        entity: 'task_report',
        entityId: id,
        before: auditedReport(report),
        after: { ...auditedReport(updated), comment: input.comment ?? null },
      },
    };
    if (decision === 'return') await judgeReported(trx, row, reported, asOf, { events, audit });
    else {
      // The accepted report becomes the task's official figures: the short path of a change on a leaf (reports.after-report.ts).
      const rollups: RollupChange[] = [];
      const pending: PendingWrites = new Map();
      const followed = await followReports(trx, row, rollups, updated, pending);
      pending.get(row.id)!.reported = reported;
      await afterReport(
        trx,
        { ...followed, cadence: row.cadence, start: row.start, kinds: row.kinds },
        { asOf, rollups, pending, events, audit },
      );
    }
    return store.presentReport(updated);
  });
}

function reviewNote(task: store.LockedReportTask, r: store.ReportRow, decision: 'accept' | 'return', comment?: string) {
  const title = titleOf(task);
  return {
    kind: decision === 'accept' ? 'report_accepted' : 'report_returned',
    title:
      decision === 'accept'
        ? { vi: 'Báo cáo được chấp nhận', en: 'Report accepted' }
        : { vi: 'Báo cáo bị trả lại', en: 'Report returned' },
    body: {
      vi: `Báo cáo kỳ ${r.period_label} của nhiệm vụ ${task.code} (${title})${comment ? `: ${comment}` : '.'}`,
      en: `The ${r.period_label} report on task ${task.code} (${title})${comment ? `: ${comment}` : '.'}`,
    },
  };
}

async function taskInReadScope(db: Db, ctx: RequestContext, taskId: number) {
  const task = await findTask(db, taskId);
  if (!task || task.kind !== 'task') throw taskNotFound(taskId);
  await requireUnitIn(db, ctx, task.unit_id, PROGRAM['task.read']);
  return task;
}

/** The reports of a task, newest first, each with what the caller may do on it and how many earlier versions it has. */
export async function listReports(db: Db, ctx: RequestContext, taskId: number) {
  const task = await taskInReadScope(db, ctx, taskId);
  const user = userOf(ctx);
  const [rows, place] = await Promise.all([store.reportsOfTask(db, taskId), placeOf(db, task)]);
  const ids = rows.map((r) => r.id);
  const [evidence, versions] = await Promise.all([store.evidenceOf(db, ids), store.versionCounts(db, ids)]);
  return {
    items: rows.map((r) => ({
      ...store.presentReport(
        r,
        evidence.filter((e) => e.report_id === r.id),
      ),
      earlierVersions: versions.get(r.id) ?? 0,
      can: reportRights(user, task.unit_id, place.chain, r),
    })),
  };
}

export async function getReport(db: Db, ctx: RequestContext, id: number) {
  const report = await store.findReport(db, id);
  if (!report) throw reportNotFound(id);
  const task = await taskInReadScope(db, ctx, report.task_id);
  const place = await placeOf(db, task);
  return {
    ...store.presentReport(report, await store.evidenceOf(db, [id])),
    can: reportRights(userOf(ctx), task.unit_id, place.chain, report),
  };
}

/** The versions an author's edits replaced, newest first (the current one is GET /reports/:id). */
export async function reportVersions(db: Db, ctx: RequestContext, id: number) {
  const current = await getReport(db, ctx, id);
  return { current, items: (await store.versionsOf(db, id)).map(store.presentVersion) };
}

/** An evidence file, only through a report the caller may read. */
export async function getEvidence(db: Db, ctx: RequestContext, reportId: number, sha256: string) {
  await getReport(db, ctx, reportId);
  const link = await db
    .selectFrom('report_evidence')
    .select('file_name')
    .where('report_id', '=', reportId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  const blob = link ? await store.evidenceBlob(db, sha256) : undefined;
  if (!link || !blob) throw notFound({ vi: 'tệp minh chứng', en: 'Evidence file' });
  return { fileName: link.file_name, mediaType: blob.media_type, content: blob.content };
}
