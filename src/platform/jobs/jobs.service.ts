// Background jobs: a pg-boss queue on the platform's own database, and our `jobs` table for what users see.
//
// pg-boss (maintained, PostgreSQL only) claims jobs with SKIP LOCKED, retries failures, re-queues a job whose
// worker died (its `expireInSeconds` passes without completion) and runs cron schedules once across every
// process (one job per schedule slot). On PostgreSQL it keeps its own small pool to the same database. On
// PGlite (one connection in this process) it goes through the same connection lock as Kysely: a statement of
// pg-boss waits for the app's open transaction to end instead of landing inside it (PGlite would run it in
// that transaction, and a pg-boss ROLLBACK after an error would undo the app's work). pg-boss's own PGlite
// adapter (fromPglite) calls PGlite directly, so it is not used.
//
// A job row is written with its audit record and its pg-boss job in one transaction: a rolled-back request
// leaves neither. The handler runs with the requester's context (their grants, read again at run time), so a
// job can never read more than its requester may.
import { AsyncLocalStorage } from 'node:async_hooks';
import { CompiledQuery } from 'kysely';
import { PgBoss, type Job } from 'pg-boss';
import type { z } from 'zod';
import type { DatabaseHandle, Db } from '../db/db.ts';
import type { RequestContext } from '../context.ts';
import { AppError, forbidden, notFound, type Message } from '../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { findUserById, grantsOf } from '../../accounts/accounts.store.ts';
import * as store from './jobs.store.ts';
import { databaseStorage, type ResultStorage } from './jobs.storage.ts';

export interface JobFile {
  name: string;
  type: string;
  bytes: Buffer;
}
export interface JobInput<P> {
  db: Db;
  /** The requester, as at run time. */
  ctx: RequestContext;
  params: P;
  jobId: number;
  /** 1 for the first run, 2 after a restart or a retry. */
  attempt: number;
  /** Records how far the job has got (kept across a restart until the next report). */
  progress(done: number, total: number, phrase: Message): Promise<void>;
}
export interface JobOutcome {
  file?: JobFile;
  summary?: unknown;
  phrase?: Message;
}

export interface JobKind<P = unknown> {
  /** Queue name and the `kind` column: '<module>.<what>'. */
  kind: string;
  params: z.ZodType<P>;
  /** Audit action of a request (declared in src/audit/audit.actions.ts). */
  auditAction: string;
  /** What a queued job of this kind says before it starts. */
  queuedPhrase: Message;
  run(input: JobInput<P>): Promise<JobOutcome>;
}

/** A recurring system job: one run per cron slot across all processes, no row in `jobs` (its own table records it). */
export interface ScheduledKind {
  kind: string;
  /** Cron in Vietnam's time zone. */
  cron: string;
  run(db: Db, log: (msg: string) => void): Promise<void>;
  /** Also queued at start with this key, so a day missed while no server ran is caught up (once). */
  catchUpKey?: () => string;
}

export interface QueueTuning {
  /** A running job whose worker stops answering is re-queued after this many seconds. */
  expireInSeconds: number;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  pollingIntervalSeconds: number;
  /** pg-boss's supervision (expiry, retries), in seconds. */
  superviseIntervalSeconds: number;
}

export const DEFAULT_TUNING: QueueTuning = {
  expireInSeconds: 30 * 60,
  retryLimit: 2,
  retryDelay: 5,
  retryBackoff: true,
  pollingIntervalSeconds: 2,
  superviseIntervalSeconds: 60,
};

const VN_TZ = 'Asia/Ho_Chi_Minh';
const isAdmin = (ctx: RequestContext) =>
  ctx.via === 'cli' || ctx.via === 'system' || (ctx.user?.grants.some((g) => g.role === 'system_admin') ?? false);

export class Jobs {
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private working = false;
  /** Jobs watched by waitFor in this process: a step run here is shown before the job goes on. */
  private readonly watchers = new Map<number, () => Promise<void>>();
  /** Set while a transaction of ours holds the PGlite connection: pg-boss's statements then run in it. */
  private readonly inTrx = new AsyncLocalStorage<{ trx: Db; open: boolean }>();
  readonly tuning: QueueTuning;
  readonly kinds = new Map<string, JobKind<unknown>>();

  constructor(
    private readonly handle: DatabaseHandle,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own parameters
    kinds: JobKind<any>[],
    private readonly scheduled: ScheduledKind[] = [],
    private readonly options: {
      storage?: ResultStorage;
      tuning?: Partial<QueueTuning>;
      log?: (msg: string) => void;
    } = {},
  ) {
    for (const k of kinds) this.kinds.set(k.kind, k as unknown as JobKind<unknown>);
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
  }

  private get storage() {
    return this.options.storage ?? databaseStorage;
  }
  private log(msg: string) {
    (this.options.log ?? ((m) => console.warn(m)))(msg);
  }

  /** pg-boss's connection to our database: its own pool on PostgreSQL, the shared connection lock on PGlite. */
  private adapter() {
    const raw = this.handle.raw;
    if (raw?.engine === 'postgres') return { connectionString: raw.url, max: 3 };
    if (raw?.engine !== 'pglite') throw new Error('jobs: the database handle has no engine client');
    const pglite = raw.pglite;
    const run = async (text: string, values?: unknown[]) => {
      if (values?.length) return pglite.query(text, values);
      // pg-boss sends multi-statement blocks (schema, locked maintenance) without parameters; a RETURNING
      // inside one must not be lost behind its COMMIT, so the rows of every statement are kept.
      const results = await pglite.exec(text);
      return { rows: results.flatMap((r) => r.rows ?? []) };
    };
    return {
      backend: 'pglite' as const,
      db: {
        executeSql: async (text: string, values?: unknown[]) => {
          const held = this.inTrx.getStore();
          // Inside our own transaction (a job being queued): the lock is ours already, run in the transaction.
          // A timer pg-boss set up meanwhile keeps this context after the commit: `open` sends it to the lock.
          if (held?.open) return held.trx.executeQuery(CompiledQuery.raw(text, values ?? []));
          return this.handle.db.connection().execute(async () => {
            try {
              return await run(text, values);
            } catch (err) {
              // Only pg-boss's own statement can have left a transaction open: we hold the lock.
              await pglite.query('rollback').catch(() => {});
              throw err;
            }
          });
        },
      },
    };
  }

  private async ensureBoss(): Promise<PgBoss> {
    if (this.boss) return this.boss;
    this.starting ??= (async () => {
      const boss = new PgBoss({
        ...this.adapter(),
        schema: 'pgboss',
        application_name: 'apparatus-jobs',
        superviseIntervalSeconds: this.tuning.superviseIntervalSeconds,
        monitorIntervalSeconds: this.tuning.superviseIntervalSeconds,
        schedule: this.scheduled.length > 0,
      });
      boss.on('error', (err) => this.log(`jobs: ${(err as Error).message}`));
      await boss.start();
      for (const kind of [...this.kinds.keys(), ...this.scheduled.map((s) => s.kind)]) {
        await boss.createQueue(kind, {
          expireInSeconds: this.tuning.expireInSeconds,
          retryLimit: this.tuning.retryLimit,
          retryDelay: this.tuning.retryDelay,
          retryBackoff: this.tuning.retryBackoff,
        });
      }
      this.boss = boss;
      return boss;
    })();
    try {
      return await this.starting;
    } catch (err) {
      this.starting = null;
      throw err;
    }
  }

  /** Starts the queue; with `work`, this process also runs jobs (and schedules the recurring ones). */
  async start(options: { work: boolean } = { work: true }): Promise<void> {
    const boss = await this.ensureBoss();
    if (!options.work || this.working) return;
    this.working = true;
    const polling = { pollingIntervalSeconds: this.tuning.pollingIntervalSeconds };
    for (const kind of this.kinds.keys()) {
      await boss.work<{ jobId: number }>(kind, polling, async ([job]) => this.runJob(job));
    }
    for (const s of this.scheduled) {
      await boss.schedule(s.kind, s.cron, {}, { tz: VN_TZ });
      await boss.work(s.kind, polling, async () => {
        try {
          await s.run(this.handle.db, (m) => this.log(m));
        } catch (err) {
          this.log(
            `${s.kind} failed (pg-boss retries it; \`apparatus program reevaluate\` runs it now): ${(err as Error).message}`,
          );
          throw err;
        }
      });
      if (s.catchUpKey)
        await boss.send(s.kind, {}, { singletonKey: `${s.kind}:${s.catchUpKey()}`, singletonSeconds: 24 * 3600 });
    }
  }

  /** Stops claiming jobs. `graceful: false` abandons running ones (as a crash would): pg-boss re-queues them on expiry. */
  async stop(options: { graceful: boolean } = { graceful: true }): Promise<void> {
    const boss = this.boss ?? (this.starting ? await this.starting.catch(() => null) : null);
    this.boss = null;
    this.starting = null;
    this.working = false;
    if (boss)
      await boss.stop({
        graceful: options.graceful,
        timeout: options.graceful ? 30_000 : 1,
        close: true,
        wait: true,
      } as never);
  }

  /** Queues a job for the requester, with its audit record, in one transaction; returns its row. */
  async enqueue<P>(
    ctx: RequestContext,
    kind: string,
    params: P,
    scope: { unitId: number | null; entity: string; entityId: string | number | null },
  ) {
    const def = this.kinds.get(kind);
    if (!def) throw new Error(`jobs: unknown kind ${kind}`);
    const checked = def.params.parse(params);
    const boss = await this.ensureBoss();
    return this.handle.db.transaction().execute((trx) =>
      this.inTrx.run({ trx, open: true }, async () => {
        const held = this.inTrx.getStore()!;
        try {
          return await this.insertAndSend(trx, ctx, def, boss, checked, scope);
        } finally {
          held.open = false;
        }
      }),
    );
  }

  private async insertAndSend(
    trx: Db,
    ctx: RequestContext,
    def: JobKind<unknown>,
    boss: PgBoss,
    checked: unknown,
    scope: { unitId: number | null; entity: string; entityId: string | number | null },
  ) {
    const kind = def.kind;
    const row = await store.insertJob(trx, {
      kind,
      requestedBy: ctx.user?.id ?? null,
      requestedLabel: ctx.user?.username ?? ctx.actorLabel,
      unitId: scope.unitId,
      params: checked,
      phrase: def.queuedPhrase,
    });
    const bossId = await boss.send(
      kind,
      { jobId: row.id },
      {
        db: {
          executeSql: (text: string, values?: unknown[]) => trx.executeQuery(CompiledQuery.raw(text, values ?? [])),
        },
      },
    );
    if (bossId) await store.setBossJobId(trx, row.id, bossId);
    await recordAudit(trx, ctx, {
      action: def.auditAction,
      entity: scope.entity,
      entityId: scope.entityId,
      after: { job: row.id, kind, params: checked },
    });
    return { ...row, boss_job_id: bossId };
  }

  private async runJob(job: Job<{ jobId: number }>): Promise<void> {
    const db = this.handle.db;
    const row = await store.findJob(db, job.data.jobId);
    if (!row || row.state === 'done' || row.state === 'failed') return;
    const def = this.kinds.get(row.kind)!;
    const attempt = job.retryCount + 1;
    await store.markRunning(
      db,
      row.id,
      attempt > 1
        ? { vi: `Chạy lại (lần ${attempt})`, en: `Running again (attempt ${attempt})` }
        : { vi: 'Bắt đầu', en: 'Started' },
    );
    try {
      const ctx = await requesterContext(db, row);
      const outcome = await def.run({
        db,
        ctx,
        params: def.params.parse(row.params),
        jobId: row.id,
        attempt,
        progress: async (done, total, phrase) => {
          await store.setProgress(db, row.id, done, total, phrase);
          await this.watchers.get(row.id)?.();
        },
      });
      const file = outcome.file
        ? {
            name: outcome.file.name,
            type: outcome.file.type,
            size: outcome.file.bytes.length,
            ...(await this.storage.put(row.id, outcome.file.bytes, outcome.file.type)),
          }
        : null;
      await store.markDone(db, row.id, {
        phrase: outcome.phrase ?? { vi: 'Hoàn thành', en: 'Done' },
        summary: outcome.summary,
        file,
      });
    } catch (err) {
      // A refusal (no access, no such program, too large) will not change on a retry: fail now, say why.
      if (err instanceof AppError && err.status < 500) {
        await store.markFailed(db, row.id, 'failed', err.detail);
        return;
      }
      const last = job.retryCount >= this.tuning.retryLimit;
      const msg = (err as Error).message;
      await store.markFailed(db, row.id, last ? 'failed' : 'retrying', {
        vi: `Lỗi khi chạy${last ? '' : ', sẽ thử lại'}: ${msg}`,
        en: `Failed${last ? '' : ', will retry'}: ${msg}`,
      });
      throw err;
    }
  }

  /** A job's status, to its requester or an administrator. */
  async status(ctx: RequestContext, id: number) {
    const row = await store.findJob(this.handle.db, id);
    if (!row) throw notFound({ vi: `công việc số ${id}`, en: `Job ${id}` });
    if (!isAdmin(ctx) && row.requested_by !== ctx.user?.id) {
      throw forbidden({ vi: 'Công việc này do người khác yêu cầu.', en: 'Someone else requested this job.' });
    }
    return row;
  }

  /** The result file of a finished job, to its requester or an administrator. */
  async result(
    ctx: RequestContext,
    id: number,
  ): Promise<{ fileName: string; mediaType: string | null; content: Buffer }> {
    const row = await this.status(ctx, id);
    if (row.state !== 'done' || !row.result_name) {
      throw new AppError(
        409,
        'job-not-done',
        { vi: 'Chưa có kết quả', en: 'No result yet' },
        {
          vi: `Công việc số ${id} chưa xong (${row.state}) hoặc không có tệp kết quả.`,
          en: `Job ${id} is not done (${row.state}) or has no result file.`,
        },
      );
    }
    const content = await this.storage.get(this.handle.db, id, { storage: row.result_storage, ref: row.result_ref });
    if (!content) throw notFound({ vi: `tệp kết quả của công việc số ${id}`, en: `The result file of job ${id}` });
    return { fileName: row.result_name, mediaType: row.result_type, content };
  }

  /**
   * Waits until the job is done or failed, calling `onChange` at each change of progress (CLI --wait). A job
   * run by this process reports every step; one run by another process is polled, so a step shorter than
   * `pollMs` may not be seen.
   */
  async waitFor(id: number, onChange: (row: store.JobRow) => void, pollMs = 300): Promise<store.JobRow> {
    let last = '';
    const look = async () => {
      const row = (await store.findJob(this.handle.db, id))!;
      const key = `${row.state}|${row.progress_done}|${row.progress_total}|${row.phrase_vi}`;
      if (key !== last) {
        last = key;
        onChange(row);
      }
      return row;
    };
    this.watchers.set(id, async () => {
      await look();
    });
    try {
      for (;;) {
        const row = await look();
        if (row.state === 'done' || row.state === 'failed') return row;
        await new Promise((r) => setTimeout(r, pollMs));
      }
    } finally {
      this.watchers.delete(id);
    }
  }
}

/**
 * With separate PostgreSQL roles (DATABASE_MIGRATE_URL), the server's role may not create schemas: the owner
 * installs (or upgrades) pg-boss's schema with the migrations and lets the server's role use it, as
 * apparatus_grant_app_role does for `public`. Queues live in pg-boss's shared job table, so creating one
 * later is an insert the server's role may do.
 */
export async function installJobsSchema(ownerUrl: string, appRole: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    max: 1,
    schema: 'pgboss',
    supervise: false,
    schedule: false,
    application_name: 'apparatus-migrate',
  });
  boss.on('error', () => {});
  await boss.start();
  await boss.stop({ graceful: true, close: true, wait: true } as never);
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const role = client.escapeIdentifier(appRole);
    await client.query(`grant usage on schema pgboss to ${role};
      grant select, insert, update, delete on all tables in schema pgboss to ${role};
      grant usage, select on all sequences in schema pgboss to ${role};
      grant execute on all functions in schema pgboss to ${role}`);
  } finally {
    await client.end();
  }
}

/** The requester as they are now: their grants read again (a revoked grant stops a queued job). */
async function requesterContext(db: Db, row: store.JobRow): Promise<RequestContext> {
  const base = { ip: null, userAgent: null };
  if (row.requested_by === null)
    return {
      ...base,
      user: null,
      actorLabel: row.requested_label,
      via: row.requested_label.startsWith('cli') ? 'cli' : 'system',
    };
  const user = await findUserById(db, row.requested_by);
  if (!user || !user.is_active) {
    throw forbidden({
      vi: 'Người yêu cầu công việc không còn hoạt động.',
      en: 'The user who requested this job is no longer active.',
    });
  }
  return {
    ...base,
    user: { id: user.id, username: user.username, displayName: user.display_name, grants: await grantsOf(db, user.id) },
    actorLabel: user.username,
    via: 'session',
  };
}

/** What the API and the CLI show of a job. */
export function presentJob(row: store.JobRow) {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state as store.JobState,
    requestedBy: row.requested_label,
    progress: {
      done: row.progress_done,
      total: row.progress_total,
      phrase: row.phrase_vi === null ? null : { vi: row.phrase_vi, en: row.phrase_en ?? row.phrase_vi },
    },
    attempts: row.attempts,
    result: row.result_name
      ? { fileName: row.result_name, mediaType: row.result_type, size: row.result_size ?? 0 }
      : null,
    error: row.error_vi === null ? null : { vi: row.error_vi, en: row.error_en ?? row.error_vi },
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: row.started_at ? new Date(row.started_at).toISOString() : null,
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}
