// Background jobs on each engine: the annual report as a job (progress, download, only its requester or an
// administrator sees it), a job whose worker stops mid-run is run again after a restart with its progress
// kept, and two workers share one daily run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ENGINES, createTestDb, type TestDb } from '../db/testing.ts';
import { openDatabase, type DatabaseHandle } from '../db/db.ts';
import { buildServer, createJobs } from '../http/server.ts';
import { loadConfig } from '../config.ts';
import { systemContext } from '../context.ts';
import { todayIso } from '../errors.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createProgramFromTree } from '../../program/tasks/tasks.import.ts';
import { TEST_META, testTree } from '../../program/program.fixtures.ts';
import { dailyRunJob } from '../../program/warnings/warnings.daily.ts';
import { Jobs, type JobKind } from './jobs.service.ts';
import { findJob } from './jobs.store.ts';

const PASSWORD = 'correct horse battery';
const ctx = systemContext('test');
const FAST = { pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, retryDelay: 1, retryBackoff: false };
const NO_MAIL = { smtpUrl: null, mailFrom: 'x@example.org', publicUrl: 'http://localhost' } as never;

/** Polls until `check` gives a value (the test's own timeout bounds it: no timed assertion). */
async function until<T>(check: () => Promise<T | null | undefined | false>): Promise<T> {
  for (;;) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(ENGINES)('background jobs on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let programCode: string;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const call = (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      payload: payload as object,
      headers: { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf },
    });

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedMiniRegistry(t.db);
    for (const [username, role, unitCode] of [
      ['admin', 'system_admin', 'VN'],
      ['central', 'central_officer', 'VN'],
      ['central2', 'central_officer', 'VN'],
      ['badinh', 'commune_officer', '00004'],
    ] as const) {
      await createUser(t.db, ctx, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ role, unitCode }],
      });
    }
    programCode = (
      await createProgramFromTree(t.db, ctx, TEST_META, testTree(), { language: 'vi', effectiveDate: '2026-01-15' })
    ).program.code;
    app = await buildServer(t, loadConfig(), {
      logger: false,
      jobs: createJobs(t, loadConfig(), { tuning: FAST, log: () => {} }),
    });
    for (const u of Object.keys({ admin: 1, central: 1, central2: 1, badinh: 1 })) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u, password: PASSWORD },
      });
      sessions[u] = {
        cookie: `apparatus_session=${res.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
        csrf: res.json().csrfToken,
      };
    }
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('runs the annual report as a job: 202, progress, the file to its requester and an administrator only', async () => {
    const started = await call('central', 'POST', '/api/program/annual-reports', {
      year: 2026,
      program: programCode,
      format: 'xlsx',
    });
    expect(started.statusCode).toBe(202);
    const id = started.json().id as number;
    expect(started.json()).toMatchObject({ state: 'queued', kind: 'program.annual-report', requestedBy: 'central' });
    // Nothing runs it until a worker starts: the job waits in the queue.
    expect((await call('central', 'GET', `/api/jobs/${id}/result`)).statusCode).toBe(409);
    await app.jobs.start({ work: true });
    const done = await until(async () => {
      const j = (await call('central', 'GET', `/api/jobs/${id}`)).json();
      return j.state === 'done' || j.state === 'failed' ? j : null;
    });
    expect(done).toMatchObject({ state: 'done', attempts: 1, progress: { done: 3, total: 3 }, error: null });
    expect(done.progress.phrase.vi).toMatch(/^Hoàn thành/);
    const file = await call('central', 'GET', `/api/jobs/${id}/result`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="bao-cao-nam-2026-/);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(file.rawPayload.length).toBe(done.result.size);
    // Another central officer may make their own report but not take this one; an administrator may.
    expect((await call('central2', 'GET', `/api/jobs/${id}/result`)).statusCode).toBe(403);
    expect((await call('central2', 'GET', `/api/jobs/${id}`)).statusCode).toBe(403);
    expect((await call('admin', 'GET', `/api/jobs/${id}/result`)).statusCode).toBe(200);
    // A commune officer may not ask for the national report at all; an unknown program is 404 before any job.
    expect(
      (
        await call('badinh', 'POST', '/api/program/annual-reports', {
          year: 2026,
          program: programCode,
          format: 'docx',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call('central', 'POST', '/api/program/annual-reports', { year: 2026, program: 'NOPE', format: 'docx' }))
        .statusCode,
    ).toBe(404);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'entity', 'after'])
      .where('action', '=', 'program.annual_report.request')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'central', entity: 'program' });
  }, 60_000);

  it('runs a job again after its worker stopped mid-run, keeping the progress it had reported', async () => {
    let reached!: () => void;
    const midRun = new Promise<void>((r) => {
      reached = r;
    });
    const slow = (blockFirst: boolean): JobKind<{ n: number }> => ({
      kind: 'test.slow',
      params: z.object({ n: z.number() }),
      auditAction: 'test.slow',
      queuedPhrase: { vi: 'chờ', en: 'waiting' },
      async run({ progress, attempt, params }) {
        await progress(1, 2, { vi: 'nửa đường', en: 'halfway' });
        if (blockFirst && attempt === 1) {
          reached();
          await new Promise(() => {});
        }
        await progress(2, 2, { vi: 'gần xong', en: 'nearly' });
        return { file: { name: 'x.txt', type: 'text/plain', bytes: Buffer.from(`n=${params.n}`) } };
      },
    });
    const tuning = { ...FAST, expireInSeconds: 1 };
    const first = new Jobs(t, [slow(true)], [], { tuning, log: () => {} });
    await first.start({ work: true });
    const job = await first.enqueue(ctx, 'test.slow', { n: 7 }, { unitId: null, entity: 'job', entityId: null });
    await midRun;
    await first.stop({ graceful: false });
    const interrupted = (await findJob(t.db, job.id))!;
    expect(interrupted).toMatchObject({ state: 'running', attempts: 1, progress_done: 1, progress_total: 2 });

    const second = new Jobs(t, [slow(true)], [], { tuning, log: () => {} });
    await second.start({ work: true });
    try {
      const row = await until(async () => {
        const r = await findJob(t.db, job.id);
        return r?.state === 'done' ? r : null;
      });
      expect(row).toMatchObject({ state: 'done', attempts: 2, progress_done: 2, progress_total: 2, result_size: 3 });
      expect((await second.result(ctx, job.id)).content.toString()).toBe('n=7');
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('runs the daily warning run once when two workers start on the same day', async () => {
    // A fresh database (the server above ran today's run already). Two server processes: on PostgreSQL two
    // connection pools, on PGlite two queues over the one connection.
    const fresh = await createTestDb(engine);
    const second: DatabaseHandle = fresh.url ? await openDatabase({ databaseUrl: fresh.url, poolSize: 3 }) : fresh;
    const runs: string[] = [];
    const counted = (db: DatabaseHandle, name: string) => {
      const daily = dailyRunJob(NO_MAIL);
      return new Jobs(
        db,
        [],
        [
          {
            ...daily,
            run: async (d, log) => {
              runs.push(name);
              await daily.run(d, log);
            },
          },
        ],
        { tuning: FAST, log: () => {} },
      );
    };
    const a = counted(fresh, 'a'),
      b = counted(second, 'b');
    try {
      await Promise.all([a.start({ work: true }), b.start({ work: true })]);
      const today = todayIso();
      await until(
        async () =>
          (
            await fresh.db
              .selectFrom('program_daily_runs')
              .select('finished_at')
              .where('as_of', '=', today)
              .executeTakeFirst()
          )?.finished_at,
      );
      // Every pg-boss job of the daily run is settled, so none can still run it.
      await until(async () => {
        const { rows } = await fresh.db.executeQuery<{ open: number }>({
          sql: "select count(*)::int as open from pgboss.job where name = 'program.daily-run' and state < 'completed'",
          parameters: [],
          query: { kind: 'RawNode' } as never,
          queryId: { queryId: 'x' },
        } as never);
        return rows[0].open === 0;
      });
      expect(runs).toHaveLength(1);
      expect(
        await fresh.db.selectFrom('program_daily_runs').select('as_of').where('as_of', '=', today).execute(),
      ).toHaveLength(1);
    } finally {
      await a.stop();
      await b.stop();
      if (second !== fresh) await second.close();
      await fresh.drop();
    }
  }, 60_000);
});
