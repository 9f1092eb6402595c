// `apparatus feedback stats` and `feedback overdue`, run in-process against a database the CLI opens itself
// (a PGlite folder, or a PostgreSQL test database): an item submitted long ago and left unanswered is overdue,
// an answered one counts as answered and not overdue; --province narrows; --json is exact.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { loadConfig } from '../../platform/config.ts';
import { openAndMigrate } from '../../platform/runtime.ts';
import { systemContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/db.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { registerFeedbackCommands } from '../../cli/feedback.commands.ts';
import { runCli } from '../../cli/cli.testing.ts';
import { submit } from './feedback.service.ts';
import { answer } from './feedback.officer.ts';
import { feedbackSettings } from './feedback.settings.ts';

const run = (...args: string[]) => runCli(registerFeedbackCommands, ...args);
const ctx = systemContext('test');

describe.each(ENGINES)('feedback CLI on %s', (engine) => {
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
    dir = await mkdtemp(path.join(tmpdir(), 'apparatus-feedback-'));
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
      const old = feedbackSettings({ today: () => '2026-01-05' });
      const input = {
        category: 'environment',
        title: 'Rác',
        description: 'Rác để lâu ngày.',
        privacy: 'public' as const,
      };
      await submit(db, ctx, { ...input, unitCode: '00004' }, old);
      const b = await submit(db, ctx, { ...input, unitCode: '19900' }, old);
      const id = (
        await db.selectFrom('feedback_items').select('id').where('code', '=', b.code).executeTakeFirstOrThrow()
      ).id;
      await answer(db, ctx, id, 'Đã thu gom xong.', old);
    });
  });
  afterAll(async () => {
    await pg?.drop();
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    if (saved.dir === undefined) delete process.env.APPARATUS_DATA_DIR;
    else process.env.APPARATUS_DATA_DIR = saved.dir;
  });

  it('counts per unit, narrows to a province, and lists what is overdue', async () => {
    const all = await run('feedback', 'stats', '--as-of', '2026-03-01', '--json');
    expect(all.code, all.err).toBe(0);
    const r = JSON.parse(all.out);
    // The answer was written today, long after its due date in January: answered, not on time.
    expect(r.total).toMatchObject({ total: 2, open: 2, overdue: 1, answered: 1, answeredOnTime: 0, closed: 0 });
    const hanoi = JSON.parse(
      (await run('feedback', 'stats', '--province', '01', '--as-of', '2026-03-01', '--json')).out,
    );
    expect(hanoi.rows.map((x: { unit: { code: string } }) => x.unit.code)).toEqual(['00004']);
    const text = await run('feedback', 'stats', '--as-of', '2026-03-01');
    expect(text.out).toContain('quá hạn / overdue 1');

    const late = JSON.parse((await run('feedback', 'overdue', '--json')).out);
    expect(late.items).toHaveLength(1);
    expect(late.items[0]).toMatchObject({ unit: { code: '00004' }, status: 'received' });
    expect(late.items[0].workingDaysLate).toBeGreaterThan(0);
    const hue = JSON.parse((await run('feedback', 'overdue', '--province', '46', '--json')).out);
    expect(hue.items).toEqual([]);
    const bad = await run('feedback', 'stats', '--province', '99', '--json');
    expect(bad.code).not.toBe(0);
  });
});
