// SQL of the jobs table (what users see of a background job). The queue itself is pg-boss's.
import type { Kysely } from 'kysely';
import type { Database } from '../db/db-schema.ts';
import type { Message } from '../errors.ts';

type Q = Kysely<Database>;

export type JobState = 'queued' | 'running' | 'retrying' | 'done' | 'failed';

/** Every column but the result's bytes: a job's status is read often, its file once. */
const STATUS = [
  'id',
  'kind',
  'requested_by',
  'requested_label',
  'unit_id',
  'params',
  'state',
  'progress_done',
  'progress_total',
  'phrase_vi',
  'phrase_en',
  'attempts',
  'result_name',
  'result_type',
  'result_size',
  'result_storage',
  'result_ref',
  'summary',
  'error_vi',
  'error_en',
  'boss_job_id',
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
] as const;

export async function insertJob(
  db: Q,
  j: {
    kind: string;
    requestedBy: number | null;
    requestedLabel: string;
    unitId: number | null;
    params: unknown;
    phrase: Message;
  },
) {
  return db
    .insertInto('jobs')
    .values({
      kind: j.kind,
      requested_by: j.requestedBy,
      requested_label: j.requestedLabel,
      unit_id: j.unitId,
      params: JSON.stringify(j.params ?? {}),
      phrase_vi: j.phrase.vi,
      phrase_en: j.phrase.en,
    })
    .returning(STATUS)
    .executeTakeFirstOrThrow();
}

export function setBossJobId(db: Q, id: number, bossJobId: string) {
  return db.updateTable('jobs').set({ boss_job_id: bossJobId }).where('id', '=', id).execute();
}

export function findJob(db: Q, id: number) {
  return db.selectFrom('jobs').select(STATUS).where('id', '=', id).executeTakeFirst();
}
export type JobRow = NonNullable<Awaited<ReturnType<typeof findJob>>>;

export function listJobsOf(db: Q, userId: number | null, limit: number) {
  let q = db.selectFrom('jobs').select(STATUS).orderBy('id', 'desc').limit(limit);
  q = userId === null ? q : q.where('requested_by', '=', userId);
  return q.execute();
}

/** An attempt starts: counted, and the progress of an earlier attempt is kept until this one reports. */
export function markRunning(db: Q, id: number, phrase: Message) {
  return db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      attempts: eb('attempts', '+', 1),
      started_at: new Date(),
      updated_at: new Date(),
      phrase_vi: phrase.vi,
      phrase_en: phrase.en,
      error_vi: null,
      error_en: null,
    }))
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running', 'retrying'])
    .returning(['attempts'])
    .executeTakeFirst();
}

export function setProgress(db: Q, id: number, done: number, total: number, phrase: Message) {
  return db
    .updateTable('jobs')
    .set({
      progress_done: done,
      progress_total: total,
      phrase_vi: phrase.vi,
      phrase_en: phrase.en,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

export function markDone(
  db: Q,
  id: number,
  r: {
    phrase: Message;
    summary: unknown;
    file: {
      name: string;
      type: string;
      size: number;
      storage: 'db' | 'object';
      ref: string | null;
      bytes: Buffer | null;
    } | null;
  },
) {
  return db
    .updateTable('jobs')
    .set((eb) => ({
      progress_done: eb.ref('progress_total'),
      state: 'done',
      finished_at: new Date(),
      updated_at: new Date(),
      phrase_vi: r.phrase.vi,
      phrase_en: r.phrase.en,
      summary: r.summary === undefined ? null : JSON.stringify(r.summary),
      result_name: r.file?.name ?? null,
      result_type: r.file?.type ?? null,
      result_size: r.file?.size ?? null,
      result_storage: r.file?.storage ?? null,
      result_ref: r.file?.ref ?? null,
      result_bytes: r.file?.bytes ?? null,
    }))
    .where('id', '=', id)
    .execute();
}

export function markFailed(db: Q, id: number, state: 'retrying' | 'failed', error: Message) {
  return db
    .updateTable('jobs')
    .set({
      state,
      error_vi: error.vi,
      error_en: error.en,
      updated_at: new Date(),
      ...(state === 'failed' ? { finished_at: new Date() } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export function resultBytes(db: Q, id: number) {
  return db
    .selectFrom('jobs')
    .select(['result_bytes'])
    .where('id', '=', id)
    .executeTakeFirst()
    .then((r) => r?.result_bytes ?? null);
}
