// Job results in the file store (APPARATUS_FILES=s3 on several machines): a job's file goes to a real
// S3-compatible server (s3rver) with its stored_files row, the job row keeps only its SHA-256, the requester
// reads it back; results kept in the row before the switch stay readable. On each engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENGINES, createTestDb, type TestDb } from '../db/testing.ts';
import { systemContext } from '../context.ts';
import { startTestS3, type TestS3 } from '../files/files.s3.testing.ts';
import { sha } from '../files/files.contract.testing.ts';
import { findFile } from '../files/files.store.ts';
import { Jobs, type JobKind } from './jobs.service.ts';
import { databaseStorage, fileStoreStorage } from './jobs.storage.ts';
import { findJob } from './jobs.store.ts';

const ctx = systemContext('test');
const FAST = { pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, retryDelay: 1, retryBackoff: false };
const REPORT = Buffer.from('PK\u0003\u0004 not really a workbook, but bytes a job wrote');

const report: JobKind<{ n: number }> = {
  kind: 'test.report',
  params: z.object({ n: z.number() }),
  auditAction: 'test.report',
  queuedPhrase: { vi: 'chờ', en: 'waiting' },
  async run() {
    return { file: { name: 'bao-cao.xlsx', type: 'application/vnd.ms-excel', bytes: REPORT } };
  },
};

/** Polls until `check` gives a value (the test's own timeout bounds it: no timed assertion). */
async function until<T>(check: () => Promise<T | null | undefined | false>): Promise<T> {
  for (;;) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(ENGINES)('job results in the file store on %s', (engine) => {
  let t: TestDb;
  let s3: TestS3;
  let jobs: Jobs;

  beforeAll(async () => {
    t = await createTestDb(engine);
    s3 = await startTestS3();
    jobs = new Jobs(t, [report], [], { storage: fileStoreStorage(t.db, s3.store), tuning: FAST, log: () => {} });
    await jobs.start({ work: true });
  });
  afterAll(async () => {
    await jobs?.stop();
    await s3?.close();
    await t?.drop();
  });

  it('keeps the result in the store, named by its SHA-256, and gives it back to the requester', async () => {
    const job = await jobs.enqueue(ctx, 'test.report', { n: 1 }, { unitId: null, entity: 'job', entityId: null });
    const row = await until(async () => {
      const r = await findJob(t.db, job.id);
      return r?.state === 'done' || r?.state === 'failed' ? r : null;
    });
    expect(row).toMatchObject({ state: 'done', result_storage: 'object', result_ref: sha(REPORT) });
    expect(row.result_size).toBe(REPORT.length);
    const bytes = await t.db
      .selectFrom('jobs')
      .select('result_bytes')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(bytes.result_bytes).toBeNull();
    expect(await s3.keys()).toEqual([s3.store.keyOf(sha(REPORT))]);
    expect(await findFile(t.db, sha(REPORT))).toMatchObject({ storage: 's3', media_type: 'application/vnd.ms-excel' });
    const result = await jobs.result(ctx, job.id);
    expect(result.content.equals(REPORT)).toBe(true);
    expect(result.fileName).toBe('bao-cao.xlsx');
  });

  it('still reads a result kept in the jobs row before the switch', async () => {
    const storage = fileStoreStorage(t.db, s3.store);
    const stored = await databaseStorage.put(0, Buffer.from('old'));
    expect(await storage.get(t.db, 0, { storage: 'db', ref: null })).toBeNull(); // no such row: nothing
    expect(stored).toEqual({ storage: 'db', ref: null, bytes: Buffer.from('old') });
    const job = await jobs.enqueue(ctx, 'test.report', { n: 2 }, { unitId: null, entity: 'job', entityId: null });
    await until(async () => (await findJob(t.db, job.id))?.state === 'done');
    await t.db
      .updateTable('jobs')
      .set({ result_storage: 'db', result_ref: null, result_bytes: Buffer.from('old') })
      .where('id', '=', job.id)
      .execute();
    expect((await jobs.result(ctx, job.id)).content.toString()).toBe('old');
  });

  it('refuses a result over its limit with a sentence, keeping nothing', async () => {
    const storage = fileStoreStorage(t.db, s3.store, 10);
    await expect(storage.put(1, Buffer.alloc(11, 1), 'text/plain')).rejects.toMatchObject({ status: 413 });
    expect(await s3.keys()).toEqual([s3.store.keyOf(sha(REPORT))]);
  });
});
