// `apparatus program tasklist export|import`, run in-process through commander
// against a database the CLI opens itself (a PGlite folder, or a PostgreSQL
// test database), with their output and exit codes.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { registerProgramCommands } from '../../cli/program.commands.ts';
import { createProgramFromTree } from '../tasks/tasks.import.ts';
import { TEST_META, testTree } from '../program.fixtures.ts';
import { COLUMNS } from '../parse/tasklist.template.ts';
import { TASKS_SHEET } from '../parse/tasklist.xlsx.ts';
import { cliDatabase, runCli } from '../../cli/cli.testing.ts';

const run = (...args: string[]) => runCli(registerProgramCommands, ...args);

describe.each(ENGINES)('program tasklist CLI on %s', (engine) => {
  const { withDb } = cliDatabase(engine, 'apparatus-tasklist-');

  beforeAll(async () => {
    await withDb(async (db) => {
      await seedMiniRegistry(db);
      await createProgramFromTree(db, systemContext('test'), TEST_META, testTree(), {
        language: 'vi',
        effectiveDate: '2026-01-15',
      });
    });
  });

  it('exports, then imports an edited file: a dry run first, then the amendment', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'apparatus-xlsx-')), 'tasks.xlsx');
    const exported = await run('program', 'tasklist', 'export', '--program', 'CT-TEST', '--out', file, '--json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toMatchObject({ program: 'CT-TEST', rows: 8 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    wb.getWorksheet(TASKS_SHEET)!.eachRow((r) => {
      if (r.getCell(1).value === 'II.2.1')
        r.getCell(COLUMNS.findIndex((c) => c.key === 'tags') + 1).value = 'tăng trưởng xanh';
    });
    await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));

    const args = [
      'program',
      'tasklist',
      'import',
      file,
      '--program',
      'CT-TEST',
      '--decision',
      'QĐ 7',
      '--reason',
      'Bổ sung nhãn',
      '--effective-date',
      '2026-05-01',
    ];
    const dry = await run(...args, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({
      dryRun: true,
      changed: [{ code: 'II.2.1', fields: ['Nhãn / Tags'] }],
      unchanged: 7,
    });
    const tagsOf = () =>
      withDb((db) =>
        db.selectFrom('tasks').select(['tags', 'version']).where('code', '=', 'II.2.1').executeTakeFirstOrThrow(),
      );
    expect(await tagsOf()).toEqual({ tags: [], version: 1 });

    const saved = await run(...args);
    expect(saved.code).toBe(0);
    expect(saved.out).toMatch(/saved: 0 thêm \/ added, 1 sửa \/ changed, 7 giữ nguyên \/ unchanged/);
    expect(await tagsOf()).toEqual({ tags: ['tăng trưởng xanh'], version: 2 });
  });

  it('exits non-zero with the rows of a bad file, and for an unknown program', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'apparatus-xlsx-')), 'bad.xlsx');
    await run('program', 'tasklist', 'export', '--program', 'CT-TEST', '--out', file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    wb
      .getWorksheet(TASKS_SHEET)!
      .getRow(3)
      .getCell(COLUMNS.findIndex((c) => c.key === 'deadlinePhrase') + 1).value = 'tháng 13/2026';
    await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const bad = await run(
      'program',
      'tasklist',
      'import',
      file,
      '--program',
      'CT-TEST',
      '--decision',
      'QĐ 8',
      '--reason',
      'x',
      '--json',
    );
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).errors).toEqual([expect.objectContaining({ row: 3, column: 'Thời hạn / Deadline' })]);
    const missing = await run('program', 'tasklist', 'export', '--program', 'NOPE', '--out', file);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Program "NOPE" was not found/);
  });
});
