// HTTP of background jobs: a job's progress and its result file. Jobs are started by their module's route
// (e.g. POST /api/program/annual-reports), which answers 202 with the job.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendUploadedFile } from '../http/download.ts';
import { JOBS } from './jobs.policy.ts';
import { JobIdParams, JobStatus } from './jobs.schemas.ts';
import { download, responses } from '../schemas.ts';

// What a job's result can be today: the annual report in Word or Excel.
const RESULT_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
import { presentJob, type Jobs } from './jobs.service.ts';

export function jobsRoutes(jobs: Jobs) {
  return async function routes(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/jobs/:id',
      {
        config: { policy: JOBS['jobs.read'] },
        schema: {
          tags: ['jobs'],
          summary: "Tiến độ công việc nền / a background job's progress",
          params: JobIdParams,
          response: responses({ 200: JobStatus }),
        },
      },
      async (req) => presentJob(await jobs.status(req.ctx, req.params.id)),
    );
    r.get(
      '/jobs/:id/result',
      {
        config: { policy: JOBS['jobs.read'] },
        schema: {
          tags: ['jobs'],
          summary: "Tệp kết quả của công việc nền / a background job's result file",
          params: JobIdParams,
          response: download(RESULT_TYPES, 'the file the job made (attachment)'),
        },
      },
      async (req, reply) => sendUploadedFile(reply, await jobs.result(req.ctx, req.params.id)),
    );
  };
}
