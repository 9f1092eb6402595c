// `apparatus program annual-report --wait`: queues the annual report as a job, works it in the CLI's own
// process, prints one line per step and writes the file; the job and its audit record are in the database.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { registerProgramCommands } from '../../cli/program.commands.ts';
import { createProgramFromTree } from '../tasks/tasks.import.ts';
import { TEST_META, testTree } from '../program.fixtures.ts';
import { cliDatabase, runCli } from '../../cli/cli.testing.ts';

const run = (...args: string[]) => runCli(registerProgramCommands, ...args);

describe.each(ENGINES)('program annual-report CLI on %s', (engine) => {
  const { withDb } = cliDatabase(engine, 'apparatus-annual-');

  beforeAll(async () => {
    await withDb(async (db) => {
      await seedMiniRegistry(db);
      await createProgramFromTree(db, systemContext('test'), TEST_META, testTree(), {
        language: 'vi',
        effectiveDate: '2026-01-15',
      });
    });
  }, 60_000);

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
