// The shape of a background job in the API (shared with the web app and the CLI).
import { z } from 'zod';

const message = z.object({ vi: z.string(), en: z.string() });

export const JobState = z.enum(['queued', 'running', 'retrying', 'done', 'failed']);

export const JobStatus = z.object({
  id: z.number().int(),
  kind: z.string(),
  state: JobState,
  requestedBy: z.string(),
  progress: z.object({ done: z.number().int(), total: z.number().int(), phrase: message.nullable() }),
  attempts: z.number().int(),
  result: z.object({ fileName: z.string(), mediaType: z.string().nullable(), size: z.number().int() }).nullable(),
  error: message.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobStatus = z.infer<typeof JobStatus>;

export const JobIdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1),
});
