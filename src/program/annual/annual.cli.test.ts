// `apparatus program annual-report --wait`: queues the annual report as a job, works it in the CLI's own
// process, prints one line per step and writes the file; the job and its audit record are in the database.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { loadConfig } from '../../platform/config.ts';
import { openAndMigrate } from '../../platform/runtime.ts';
import { systemContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/db.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { registerProgramCommands } from '../../cli/program.commands.ts';
import { createProgramFromTree } from '../tasks/tasks.import.ts';
import { TEST_META, testTree } from '../program.fixtures.ts';
import { runCli } from '../../cli/cli.testing.ts';

const run = (...args: string[]) => runCli(registerProgramCommands, ...args);

describe.each(ENGINES)('program annual-report CLI on %s', (engine) => {
  const saved = { url: process.env.DATABASE_URL, dir: process.env.APPARATUS_DATA_DIR };
  let dir = '';
  let pg: TestDb | null = null;
  async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    if (pg) return fn(pg.db);
    const h = await openAndMigrate({ ...loadConfig(), databaseUrl: null, dataDir: dir });
    try {
      return await fn(h.db);
    } finally {
      await h.close();
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'apparatus-annual-'));
    if (engine === 'postgres') {
      pg = await createTestDb('postgres');
      process.env.DATABASE_URL = pg.url!;
    } else {
      delete process.env.DATABASE_URL;
      dir = path.join(dir, 'db');
      process.env.APPARATUS_DATA_DIR = dir;
    }
    await withDb(async (db) => {
      await seedMiniRegistry(db);
      await createProgramFromTree(db, systemContext('test'), TEST_META, testTree(), {
        language: 'vi',
        effectiveDate: '2026-01-15',
      });
    });
  }, 60_000);
  afterAll(async () => {
    await pg?.drop();
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    if (saved.dir === undefined) delete process.env.APPARATUS_DATA_DIR;
    else process.env.APPARATUS_DATA_DIR = saved.dir;
  });

  it('waits for the job, showing each step, and writes the file', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'apparatus-report-')), 'bao-cao.docx');
    const r = await run(
      'program',
      'annual-report',
      '--year',
      '2026',
      '--program',
      'CT-TEST',
      '--format',
      'docx',
      '--out',
      file,
      '--wait',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.some((l) => l.includes('Đọc số liệu chính thức'))).toBe(true);
    expect(lines.some((l) => l.includes('Tạo tệp Word'))).toBe(true);
    expect(lines.at(-2)).toMatch(/^\[done 100%\] 3\/3 Hoàn thành/);
    expect(lines.at(-1)).toMatch(/^Đã ghi \/ wrote /);
    expect((await readFile(file)).subarray(0, 2).toString()).toBe('PK');
    const job = await withDb((db) =>
      db
        .selectFrom('jobs')
        .select(['state', 'requested_by', 'requested_label', 'result_size'])
        .executeTakeFirstOrThrow(),
    );
    expect(job).toMatchObject({ state: 'done', requested_by: null });
    expect(job.requested_label).toMatch(/^cli:/);
  }, 120_000);

  it('refuses --wait without --out, and an unknown program, before queuing anything', async () => {
    expect((await run('program', 'annual-report', '--year', '2026', '--format', 'docx', '--wait')).code).not.toBe(0);
    expect(
      (await run('program', 'annual-report', '--year', '2026', '--program', 'NOPE', '--format', 'docx')).code,
    ).not.toBe(0);
    expect(await withDb((db) => db.selectFrom('jobs').select('id').execute())).toHaveLength(1);
  }, 60_000);
});
