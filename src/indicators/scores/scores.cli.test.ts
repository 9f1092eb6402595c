// `scores compute` and `scores explain` (each with --json) on a database seeded with scores.fixtures.ts,
// PGlite in a data folder and (with DATABASE_URL) PostgreSQL; the text explanation names every term's clause.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { loadConfig } from '../../platform/config.ts';
import { openAndMigrate } from '../../platform/runtime.ts';
import { registerScoreCommands } from '../../cli/scores.commands.ts';
import { runCli } from '../../cli/cli.testing.ts';
import { seedScores } from './scores.fixtures.ts';

const run = (...args: string[]) => runCli(registerScoreCommands, ...args);

describe.each(ENGINES)('scores CLI on %s', (engine) => {
  const saved = { url: process.env.DATABASE_URL, dir: process.env.APPARATUS_DATA_DIR };
  let pg: TestDb | null = null;
  let chair = 0;
  beforeAll(async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'apparatus-scores-')), 'db');
    if (engine === 'postgres') {
      pg = await createTestDb('postgres');
      process.env.DATABASE_URL = pg.url!;
      chair = (await seedScores(pg.db)).chair;
    } else {
      delete process.env.DATABASE_URL;
      process.env.APPARATUS_DATA_DIR = dir;
      const h = await openAndMigrate({ ...loadConfig(), databaseUrl: null, dataDir: dir });
      try {
        chair = (await seedScores(h.db)).chair;
      } finally {
        await h.close();
      }
    }
  }, 120_000);
  afterAll(async () => {
    process.env.DATABASE_URL = saved.url;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    process.env.APPARATUS_DATA_DIR = saved.dir;
    if (saved.dir === undefined) delete process.env.APPARATUS_DATA_DIR;
    await pg?.drop();
  });

  it('computes a year and explains one leader, term by term', async () => {
    const c = await run('scores', 'compute', '--period', '2026', '--today', '2027-01-15', '--json');
    expect(c.code, c.err).toBe(0);
    const leaders = JSON.parse(c.out).leaders;
    expect(leaders.find((l: { leaderId: number }) => l.leaderId === chair)).toMatchObject({
      total: 74.25,
      finalGrade: 'good',
    });
    const j = await run('scores', 'explain', '--person', String(chair), '--period', '2026', '--json');
    expect(j.code, j.err).toBe(0);
    expect(JSON.parse(j.out).terms.map((t: { key: string }) => t.key)).toContain('adjustment.disruption');
    const text = await run('scores', 'explain', '--person', String(chair), '--period', '2026');
    expect(text.out).toMatch(/Tổng \/ total 74\.25/);
    expect(text.out).toMatch(/NĐ 335\/2025\/NĐ-CP/);
    expect(text.out).toMatch(/evidence: task#\d+ report#\d+/);
    console.info(text.out); // the report quotes this explanation
    const bad = await run('scores', 'explain', '--person', 'abc', '--period', '2026');
    expect(bad.code).not.toBe(0);
  }, 120_000);
});
