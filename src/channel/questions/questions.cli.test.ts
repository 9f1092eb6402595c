// `apparatus questions list`, run in-process against a database the CLI opens itself (a PGlite folder, or a
// PostgreSQL test database): questions asked long ago are overdue, one asked today is not; --office narrows to
// the central office or a province's; --json is exact; an unknown office is refused.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { loadConfig } from '../../platform/config.ts';
import { openAndMigrate } from '../../platform/runtime.ts';
import { systemContext } from '../../platform/context.ts';
import { todayIso } from '../../platform/errors.ts';
import type { Db } from '../../platform/db/db.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { registerQuestionsCommands } from '../../cli/questions.commands.ts';
import { runCli } from '../../cli/cli.testing.ts';
import { ask } from './questions.service.ts';

const run = (...args: string[]) => runCli(registerQuestionsCommands, ...args);
const ctx = systemContext('test');

describe.each(ENGINES)('questions CLI on %s', (engine) => {
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
    dir = await mkdtemp(path.join(tmpdir(), 'apparatus-questions-'));
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
      const old = { today: () => '2026-01-05' };
      const q = { askerUnitCode: '00004', subject: 'Con dấu sau sắp xếp', body: 'Dùng con dấu cũ đến khi nào?' };
      await ask(db, ctx, { ...q, office: 'central' }, old);
      await ask(db, ctx, { ...q, office: '01' }, old);
      await ask(db, ctx, { ...q, office: '01', subject: 'Trụ sở mới' });
    });
  });
  afterAll(async () => {
    await pg?.drop();
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    if (saved.dir === undefined) delete process.env.APPARATUS_DATA_DIR;
    else process.env.APPARATUS_DATA_DIR = saved.dir;
  });

  it('lists by office and overdue, as JSON and as a table', async () => {
    const all = await run('questions', 'list', '--json');
    expect(all.code, all.err).toBe(0);
    const r = JSON.parse(all.out);
    expect(r.today).toBe(todayIso());
    expect(r.items).toHaveLength(3);
    const central = JSON.parse((await run('questions', 'list', '--office', 'central', '--json')).out);
    expect(central.items.map((x: { office: { code: string } }) => x.office.code)).toEqual(['VN']);
    const late = JSON.parse((await run('questions', 'list', '--office', '01', '--overdue', '--json')).out);
    expect(late.items).toHaveLength(1);
    expect(late.items[0]).toMatchObject({ office: { code: '01' }, overdue: true, askedOn: '2026-01-05' });
    const text = await run('questions', 'list', '--overdue');
    expect(text.out).toContain('quá hạn / overdue');
    expect(text.out).not.toContain('Trụ sở mới');
    const bad = await run('questions', 'list', '--office', '99', '--json');
    expect(bad.code).not.toBe(0);
  });
});
