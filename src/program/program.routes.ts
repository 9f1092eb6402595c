// /api/programs, /api/tasks, /api/reports, /api/warnings, /api/inbox and the
// live event stream /api/programs/events. Thin: validate, call one service, present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db, DatabaseHandle } from '../platform/db/db.ts';
import { badRequest, todayIso } from '../platform/errors.ts';
import { createRealtime, sseRoute } from '../platform/realtime/realtime.ts';
import { DOWNLOAD_TYPES, sendUploadedFile } from '../platform/http/download.ts';
import * as S from './program.schemas.ts';
import * as T from './tasks/tasks.schemas.ts';
import * as D from './dashboards/dashboards.schemas.ts';
import * as R from './requests/requests.schemas.ts';
import * as W from './warnings/warnings.schemas.ts';
import { TaskListImportAnswer } from './tasklist/tasklist.schemas.ts';
import * as programs from './tasks/tasks.service.ts';
import * as amend from './amendments/amendments.service.ts';
import { cancelTask } from './amendments/amendments.cancel.ts';
import { cascadeTask } from './cascade/cascade.service.ts';
import * as reports from './reports/reports.service.ts';
import * as reviews from './reviews/reviews.service.ts';
import * as requests from './requests/requests.service.ts';
import * as warnings from './warnings/warnings.service.ts';
import * as dash from './dashboards/dashboards.service.ts';
import { inbox, markRead } from './events/events.inbox.ts';
import { PROGRAM_CHANNELS } from './events/events.publish.ts';
import * as tasklist from './tasklist/tasklist.service.ts';
import { xlsxToTaskListOffLoop } from './parse/tasklist.xlsx.ts';
import { readUpload, uploadRoute } from '../platform/upload/intake.ts';
import { TABLE_LIMITS } from '../platform/upload/limits.ts';
import { withHeavySlot } from '../platform/upload/pool.ts';
import { PROGRAM } from './program.policy.ts';
import { presentJob, type Jobs } from '../platform/jobs/jobs.service.ts';
import { JobStatus } from '../platform/jobs/jobs.schemas.ts';
import { download, responses } from '../platform/schemas.ts';
import { AnnualReportRequest, requestAnnualReport } from './annual/annual.job.ts';
import { eventSelector } from './events/events.scope.ts';
import { endsSignIn, SIGN_IN_ENDED } from '../accounts/sessions/sessions.ended.ts';

// Evidence travels as base64 inside the JSON of a report (4 characters per 3 bytes). Each file may
// have 10 MB (checked in the service); together they may have 20 MB, plus room for the report's text.
const REPORT_BODY_LIMIT = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 1024 * 1024;
const REPORT_TOO_LARGE = {
  vi: 'Báo cáo quá lớn: mỗi tệp minh chứng tối đa 10 MB và tất cả các tệp của một báo cáo cộng lại tối đa 20 MB.',
  en: 'The report is too large: each evidence file may have at most 10 MB, and all files of one report together at most 20 MB.',
};

/** The Idempotency-Key header of a report submission, checked like the body's clientKey. */
function idempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const parsed = S.ClientKey.safeParse(Array.isArray(header) ? header[0] : header);
  if (!parsed.success) {
    throw badRequest({
      vi: 'Idempotency-Key phải có 1–200 ký tự ASCII in được.',
      en: 'Idempotency-Key must be 1–200 printable ASCII characters.',
    });
  }
  return parsed.data;
}

const Sha = z.object({ id: z.coerce.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** `handle` enables the live event stream (LISTEN/NOTIFY needs the engine, not just Kysely). */
export function programRoutes(db: Db, handle?: DatabaseHandle, jobs?: Jobs) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['program'];
    const id = { params: S.IdParams };

    app.get(
      '/programs',
      {
        config: { policy: PROGRAM['program.read'] },
        schema: { tags, summary: 'Programs', response: responses({ 200: S.ProgramsAnswer }) },
      },
      async (req) => programs.listPrograms(db, req.ctx),
    );
    // The schemas allow 2,000,000 characters; Vietnamese text takes up to 3 bytes a character in UTF-8 (Fastify's default limit is 1 MiB).
    const DOCUMENT_BODY_LIMIT = 8 * 1024 * 1024;
    app.post(
      '/programs/preview',
      {
        config: { policy: PROGRAM['program.preview'] },
        bodyLimit: DOCUMENT_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Parse a program document and show the recognised tree; saves nothing',
          body: S.PreviewBody,
          response: responses({ 200: T.PreviewAnswer }),
        },
      },
      // The worker thread writes the answer's JSON text (a 2M-character document's tree is not serialised twice on
      // the event loop), so Fastify sends the bytes as they are and no serializer runs: the schema describes them,
      // and program.http.test.ts checks a preview against it.
      async (req, reply) => {
        const json = await withHeavySlot(req.ctx, () => programs.previewDocument(req.ctx, req.body.text));
        return reply.type('application/json; charset=utf-8').send(json as unknown as z.output<typeof T.PreviewAnswer>);
      },
    );
    app.post(
      '/programs/import',
      {
        config: { policy: PROGRAM['program.import'] },
        bodyLimit: DOCUMENT_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Create a program from a document (all or nothing, audited)',
          body: S.ImportBody,
          response: responses({ 201: T.ImportAnswer }),
        },
      },
      async (req, reply) => {
        const r = await withHeavySlot(req.ctx, () =>
          programs.importDocument(db, req.ctx, req.body.program, req.body.text, { ...req.body, offLoop: true }),
        );
        return reply.status(201).send({
          program: programs.presentProgram(r.program),
          counts: r.counts,
          parsedCounts: r.parsedCounts,
          unrecognised: r.unrecognised,
        });
      },
    );
    if (jobs) {
      app.post(
        '/program/annual-reports',
        {
          config: { policy: PROGRAM['program.annual'] },
          schema: {
            tags,
            summary:
              'Start the annual report (docx | xlsx) as a background job: 202 with the job; GET /api/jobs/:id for progress',
            body: AnnualReportRequest,
            response: responses({ 202: JobStatus }),
          },
        },
        async (req, reply) =>
          reply.status(202).send(presentJob(await requestAnnualReport(db, jobs, req.ctx, req.body))),
      );
    }
    app.get(
      '/programs/:id',
      {
        config: { policy: PROGRAM['program.read'] },
        schema: {
          tags,
          summary: 'A program with its amendments',
          ...id,
          response: responses({ 200: S.ProgramDetailAnswer }),
        },
      },
      async (req) => programs.getProgram(db, req.ctx, req.params.id),
    );
    app.patch(
      '/programs/:id/settings',
      {
        config: { policy: PROGRAM['program.settings'] },
        schema: {
          tags,
          summary: 'Program settings: the working days a reviewer has for a report (central level)',
          ...id,
          body: S.ProgramSettingsBody,
          response: responses({ 200: S.ProgramOut }),
        },
      },
      async (req) => programs.updateProgramSettings(db, req.ctx, req.params.id, req.body),
    );
    app.get(
      '/programs/:id/as-of',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'The program content in force on a date',
          ...id,
          querystring: S.AsOfQuery,
          response: responses({ 200: T.AsOfAnswer }),
        },
      },
      async (req) => programs.programAsOf(db, req.ctx, req.params.id, req.query.asOf ?? todayIso()),
    );
    app.get(
      '/programs/:id/tasks',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'Tasks in your scope',
          ...id,
          querystring: S.TaskListQuery,
          response: responses({ 200: T.TaskListAnswer }),
        },
      },
      async (req) => programs.listTasks(db, req.ctx, req.params.id, req.query),
    );
    app.post(
      '/programs/:id/tasks',
      {
        config: { policy: PROGRAM['task.add'] },
        schema: {
          tags,
          summary: 'Amendment: add a task',
          ...id,
          body: S.AddTaskBody,
          response: responses({ 201: T.TaskOut }),
        },
      },
      async (req, reply) => {
        const parent = await programs.getTask(db, req.ctx, req.body.parentId);
        if (parent.programId !== req.params.id)
          throw badRequest({
            vi: 'Mục cha không thuộc chương trình này.',
            en: 'The parent belongs to another program.',
          });
        return reply.status(201).send(await amend.addTask(db, req.ctx, req.body));
      },
    );

    app.get(
      '/tasks/:id',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'A task with funding, children in scope and open warnings',
          ...id,
          response: responses({ 200: T.TaskDetailAnswer }),
        },
      },
      async (req) => programs.getTask(db, req.ctx, req.params.id),
    );
    app.get(
      '/tasks/:id/history',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'Dated versions of a task with their amendments',
          ...id,
          response: responses({ 200: T.TaskHistoryAnswer }),
        },
      },
      async (req) => programs.taskHistory(db, req.ctx, req.params.id),
    );
    app.patch(
      '/tasks/:id',
      {
        config: { policy: PROGRAM['task.define'] },
        schema: {
          tags,
          summary: 'Amendment: adjust a task (version required; 409 when stale)',
          ...id,
          body: S.AdjustTaskBody,
          response: responses({ 200: T.TaskOut }),
        },
      },
      async (req) => amend.adjustTask(db, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/tasks/:id/cancel',
      {
        config: { policy: PROGRAM['task.define'] },
        schema: {
          tags,
          summary: 'Amendment: cancel a task and everything under it',
          ...id,
          body: S.CancelTaskBody,
          response: responses({ 200: T.TaskOut }),
        },
      },
      async (req) => cancelTask(db, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/tasks/:id/cascade',
      {
        config: { policy: PROGRAM['task.cascade'] },
        schema: {
          tags,
          summary: 'Assign a task to units below (a linked child task each)',
          ...id,
          body: S.CascadeBody,
          response: responses({ 200: T.CascadeAnswer }),
        },
      },
      async (req) => cascadeTask(db, req.ctx, req.params.id, req.body),
    );
    app.get(
      '/tasks/:id/reports',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: { tags, summary: 'Reports on a task', ...id, response: responses({ 200: S.TaskReportsAnswer }) },
      },
      async (req) => reports.listReports(db, req.ctx, req.params.id),
    );
    app.post(
      '/tasks/:id/reports',
      {
        bodyLimit: REPORT_BODY_LIMIT,
        config: { policy: PROGRAM['report.submit'], bodyLimitMessage: REPORT_TOO_LARGE },
        schema: {
          tags,
          summary:
            'Submit a progress report: it awaits review; evidence files up to 10 MB each, 20 MB together; idempotent with an Idempotency-Key header or clientKey',
          ...id,
          body: S.ReportBody,
          response: responses({ 201: S.ReportOut }),
        },
      },
      async (req, reply) => {
        const { replayed, ...report } = await reports.submitReport(db, req.ctx, req.params.id, req.body, {
          clientKey: idempotencyKey(req.headers['idempotency-key']),
        });
        if (replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).send(report);
      },
    );

    app.get(
      '/reports/:id',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: { tags, summary: 'A report', ...id, response: responses({ 200: S.ReportAnswer }) },
      },
      async (req) => reports.getReport(db, req.ctx, req.params.id),
    );
    app.get(
      '/reports/:id/versions',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: "A report and the earlier versions its author's edits replaced",
          ...id,
          response: responses({ 200: S.ReportVersionsAnswer }),
        },
      },
      async (req) => reports.reportVersions(db, req.ctx, req.params.id),
    );
    app.patch(
      '/reports/:id',
      {
        config: { policy: PROGRAM['report.edit'] },
        schema: {
          tags,
          summary: 'Edit your report (version required; 409 when stale, with your change returned)',
          ...id,
          body: S.ReportPatchBody,
          response: responses({ 200: S.ReportOut }),
        },
      },
      async (req) => reports.editReport(db, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/reports/:id/accept',
      {
        config: { policy: PROGRAM['report.review'] },
        schema: {
          tags,
          summary: 'Accept a report (level above)',
          ...id,
          body: S.ReviewBody,
          response: responses({ 200: S.ReportOut }),
        },
      },
      async (req) => reports.reviewReport(db, req.ctx, req.params.id, 'accept', req.body),
    );
    app.post(
      '/reports/:id/return',
      {
        config: { policy: PROGRAM['report.review'] },
        schema: {
          tags,
          summary: 'Return a report with a comment (level above)',
          ...id,
          body: S.ReviewBody,
          response: responses({ 200: S.ReportOut }),
        },
      },
      async (req) => reports.reviewReport(db, req.ctx, req.params.id, 'return', req.body),
    );
    // The review queue: reports awaiting the caller's review (reviews/reviews.service.ts).
    app.get(
      '/reviews',
      {
        config: { policy: PROGRAM['review.queue'] },
        schema: {
          tags,
          summary: "Reports awaiting your review (scope=mine: your units' queue; all: every report you may review)",
          querystring: S.ReviewQueueQuery,
          response: responses({ 200: S.ReviewQueueAnswer }),
        },
      },
      async (req) => reviews.reviewQueue(db, req.ctx, req.query),
    );
    app.get(
      '/reviews/count',
      {
        config: { policy: PROGRAM['review.queue'] },
        schema: {
          tags,
          summary: 'How many reports await your review, and how many are overdue',
          querystring: z.object({ programId: z.coerce.number().int().positive().optional() }),
          response: responses({ 200: S.ReviewCountAnswer }),
        },
      },
      async (req) => reviews.reviewCount(db, req.ctx, req.query),
    );
    app.post(
      '/reviews/accept',
      {
        config: { policy: PROGRAM['report.review'] },
        schema: {
          tags,
          summary: 'Accept several reports: each one with every rule of a single acceptance, results per report',
          body: S.BulkAcceptBody,
          response: responses({ 200: S.BulkAcceptAnswer }),
        },
      },
      async (req) => reviews.acceptMany(db, req.ctx, req.body.items, req.body.comment),
    );

    // Change requests: the assigned unit asks, the assigning level decides (requests/requests.service.ts).
    app.get(
      '/tasks/:id/change-requests',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'Change requests on a task',
          ...id,
          response: responses({ 200: R.ChangeRequestListAnswer }),
        },
      },
      async (req) =>
        requests.listChangeRequests(db, req.ctx, {
          taskId: req.params.id,
          side: 'all',
          state: 'all',
          limit: 200,
          offset: 0,
        }),
    );
    app.post(
      '/tasks/:id/change-requests',
      {
        config: { policy: PROGRAM['change.request'] },
        schema: {
          tags,
          summary: 'Ask the assigning level for a change of your task (deadline, cancellation, funding, other)',
          ...id,
          body: S.ChangeRequestBody,
          response: responses({ 201: R.ChangeRequestOut }),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await requests.createChangeRequest(db, req.ctx, req.params.id, req.body)),
    );
    app.get(
      '/change-requests',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'Change requests: to decide (side=to_decide), on your own tasks (mine), or all you may read',
          querystring: S.ChangeRequestListQuery,
          response: responses({ 200: R.ChangeRequestListAnswer }),
        },
      },
      async (req) => requests.listChangeRequests(db, req.ctx, req.query),
    );
    app.post(
      '/change-requests/:id/approve',
      {
        config: { policy: PROGRAM['change.decide'] },
        schema: {
          tags,
          summary:
            'Approve a change request (the assigning level): the change is made as an amendment under your decision',
          ...id,
          body: S.DecideRequestBody,
          response: responses({ 200: R.ChangeRequestOut }),
        },
      },
      async (req) => requests.decideChangeRequest(db, req.ctx, req.params.id, 'approve', req.body),
    );
    app.post(
      '/change-requests/:id/refuse',
      {
        config: { policy: PROGRAM['change.decide'] },
        schema: {
          tags,
          summary: 'Refuse a change request (the assigning level), with a comment',
          ...id,
          body: S.DecideRequestBody,
          response: responses({ 200: R.ChangeRequestOut }),
        },
      },
      async (req) => requests.decideChangeRequest(db, req.ctx, req.params.id, 'refuse', req.body),
    );
    app.post(
      '/change-requests/:id/withdraw',
      {
        config: { policy: PROGRAM['change.withdraw'] },
        schema: {
          tags,
          summary: 'Withdraw your change request',
          ...id,
          body: S.DecideRequestBody,
          response: responses({ 200: R.ChangeRequestOut }),
        },
      },
      async (req) => requests.decideChangeRequest(db, req.ctx, req.params.id, 'withdraw', req.body),
    );

    app.get(
      '/reports/:id/evidence/:sha256',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'An evidence file of a report',
          params: Sha,
          response: download(
            DOWNLOAD_TYPES,
            'the file as uploaded (attachment; types off the allow-list as octet-stream)',
          ),
        },
      },
      async (req, reply) => {
        return sendUploadedFile(reply, await reports.getEvidence(db, req.ctx, req.params.id, req.params.sha256));
      },
    );

    app.get(
      '/programs/:id/warnings',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'Warnings in your scope',
          ...id,
          querystring: S.WarningListQuery,
          response: responses({ 200: W.WarningListAnswer }),
        },
      },
      async (req) =>
        warnings.listWarnings(db, req.ctx, { programId: req.params.id, ...req.query, open: req.query.open === 'true' }),
    );
    app.post(
      '/warnings/:id/acknowledge',
      {
        config: { policy: PROGRAM['warning.handle'] },
        schema: {
          tags,
          summary: 'Acknowledge a warning',
          ...id,
          body: S.WarningActionBody,
          response: responses({ 200: W.AcknowledgedAnswer }),
        },
      },
      async (req) => warnings.acknowledgeWarning(db, req.ctx, req.params.id, req.body.comment),
    );
    app.post(
      '/warnings/:id/resolve',
      {
        config: { policy: PROGRAM['warning.handle'] },
        schema: {
          tags,
          summary: 'Resolve a warning',
          ...id,
          body: S.WarningActionBody,
          response: responses({ 200: W.ResolvedAnswer }),
        },
      },
      async (req) => warnings.resolveWarning(db, req.ctx, req.params.id, req.body.comment),
    );
    app.get(
      '/inbox',
      {
        config: { policy: PROGRAM['inbox.read'] },
        schema: {
          tags,
          summary: 'Your notifications',
          querystring: z.object({
            unread: z.enum(['true', 'false']).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: responses({ 200: S.InboxAnswer }),
        },
      },
      async (req) => inbox(db, req.ctx, { unreadOnly: req.query.unread === 'true', limit: req.query.limit }),
    );
    app.post(
      '/inbox/:id/read',
      {
        config: { policy: PROGRAM['inbox.mark'] },
        schema: { tags, summary: 'Mark a notification read', ...id, response: responses({ 200: S.MarkReadAnswer }) },
      },
      async (req) => markRead(db, req.ctx, req.params.id),
    );

    app.get(
      '/programs/:id/dashboard',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'Counts by status and rating for a unit, its sections and its child units',
          ...id,
          querystring: S.DashboardQuery,
          response: responses({ 200: S.DashboardAnswer }),
        },
      },
      async (req) => dash.overview(db, req.ctx, req.params.id, req.query.unitId),
    );
    app.get(
      '/programs/:id/heatmap',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: { tags, summary: 'Section × province heat map', ...id, response: responses({ 200: S.HeatmapAnswer }) },
      },
      async (req) => dash.heatmap(db, req.ctx, req.params.id),
    );
    app.get(
      '/programs/:id/risk-map',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'Share of tasks at risk per province',
          ...id,
          response: responses({ 200: S.RiskMapAnswer }),
        },
      },
      async (req) => dash.riskMap(db, req.ctx, req.params.id),
    );
    app.get(
      '/programs/:id/overdue',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'Overdue tasks (paginated)',
          ...id,
          querystring: S.ListQuery,
          response: responses({ 200: D.TaskPageAnswer }),
        },
      },
      async (req) => dash.taskList(db, req.ctx, req.params.id, 'overdue', req.query),
    );
    app.get(
      '/programs/:id/at-risk',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'Tasks rated Amber/Red or Red (paginated)',
          ...id,
          querystring: S.ListQuery,
          response: responses({ 200: D.TaskPageAnswer }),
        },
      },
      async (req) => dash.taskList(db, req.ctx, req.params.id, 'at_risk', req.query),
    );
    app.get(
      '/programs/:id/my-tasks',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'Unfinished tasks of your own units',
          ...id,
          querystring: S.ListQuery,
          response: responses({ 200: D.TaskPageAnswer }),
        },
      },
      async (req) => dash.myTasks(db, req.ctx, req.params.id, req.query),
    );
    app.get(
      '/programs/:id/timeline',
      {
        config: { policy: PROGRAM['task.read'] },
        schema: {
          tags,
          summary: 'Tasks due per month',
          ...id,
          querystring: S.TimelineQuery,
          response: responses({ 200: D.TimelineAnswer }),
        },
      },
      async (req) => dash.timeline(db, req.ctx, req.params.id, req.query),
    );

    app.post(
      '/programs/:id/tasklist',
      {
        config: { policy: PROGRAM['program.tasklist.write'] },
        ...uploadRoute(
          S.TaskListImportFields,
          {
            tags,
            summary:
              'Amendments from an Excel task list (multipart: the .xlsx in "file"): new codes added, changed rows adjusted (all or nothing; dryRun shows what would change)',
            file: 'The task list (.xlsx, the template of GET /programs/{id}/tasklist.xlsx)',
            limits: TABLE_LIMITS,
          },
          { ...id, response: responses({ 200: TaskListImportAnswer, 201: TaskListImportAnswer }) },
        ),
      },
      async (req, reply) => {
        await tasklist.authoriseTaskListImport(db, req.ctx, req.params.id); // before a byte of the file is read
        const r = await withHeavySlot(req.ctx, async () => {
          const { fields, file } = await readUpload(req, S.TaskListImportFields, TABLE_LIMITS);
          const parsed = await xlsxToTaskListOffLoop(file.bytes, { referenceDate: fields.effectiveDate ?? todayIso() });
          return tasklist.importTaskList(db, req.ctx, req.params.id, parsed, { ...fields, fileName: file.fileName });
        });
        return reply.status(r.dryRun ? 200 : 201).send(r);
      },
    );
    app.get(
      '/programs/:id/tasklist.xlsx',
      {
        config: { policy: PROGRAM['program.tasklist.read'] },
        schema: {
          tags,
          summary: "The program's tasks in the Excel task-list template",
          ...id,
          response: download(
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'The task-list workbook (attachment)',
          ),
        },
      },
      async (req, reply) => {
        const f = await tasklist.exportTaskList(db, req.ctx, req.params.id);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
          .send(f.content);
      },
    );

    if (handle) {
      const realtime = createRealtime(handle, {
        log: { warn: (...a) => fastify.log.warn(a.join(' ')), error: (...a) => fastify.log.error(a.join(' ')) },
      });
      fastify.addHook('onClose', async () => {
        await realtime.close();
      });
      sseRoute(fastify, '/programs/events', {
        realtime,
        channels: PROGRAM_CHANNELS,
        policy: PROGRAM['events.read'],
        select: (req) => eventSelector(db, req.ctx),
        session: {
          channel: SIGN_IN_ENDED,
          ended: (payload, req) => endsSignIn(payload, req.ctx),
          expiresAt: (req) => req.ctx.signIn?.expiresAt ?? null,
        },
      });
    }
  };
}
