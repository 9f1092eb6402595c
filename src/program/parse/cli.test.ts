// The CLI commands `program import FILE --dry-run` and `deadline parse PHRASE`,
// run in-process through commander, with their output and exit codes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerProgramParseCommands } from '../../cli/program-parse.commands.ts';
import { taskListToXlsx } from './tasklist.xlsx.ts';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../cli/cli.testing.ts';

const FIXTURE = new URL('../../../data/program/action-program-2026-2030.en.txt', import.meta.url).pathname;

const run = (...args: string[]) => runCli(registerProgramParseCommands, ...args);

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = 0;
});

describe('apparatus deadline parse', () => {
  it('prints kind, start and end', async () => {
    const r = await run('deadline', 'parse', 'quý IV/2026');
    expect(JSON.parse(r.out)).toEqual({ kind: 'quarter', start: '2026-10-01', end: '2026-12-31' });
    expect(r.code).toBe(0);
    expect(JSON.parse((await run('deadline', 'parse', '--json', 'in', '2026')).out)).toEqual({
      kind: 'year',
      start: '2026-01-01',
      end: '2026-12-31',
    });
  });

  it('exits non-zero naming the unreadable part, in both languages', async () => {
    const r = await run('deadline', 'parse', 'tháng 13/2026');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Lỗi: Không đọc được "13"');
    expect(r.err).toContain('Error: Could not read "13"');
    const j = await run('deadline', 'parse', '--json', 'tháng 13/2026');
    expect(JSON.parse(j.out)).toMatchObject({ type: 'deadline-parse', part: '13' });
  });
});

describe('apparatus program import', () => {
  it('--dry-run prints the indented tree, the counts and the unrecognised lines', async () => {
    const r = await run('program', 'import', FIXTURE, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('\n      II.1.d-2  [điểm/subitem, dòng/line 37]  Institutions for resource management');
    expect(r.out).toContain(
      'phần/parts 3, mục/items 22, điểm/subitems 27, ý/bullets 207, chú thích/footnotes 1, phụ lục/appendices 3, đoạn/paragraphs 2',
    );
    expect(r.out).toContain(
      'unrecognised lines: 2\n  dòng/line 204: (There is a list of accompanying projects and tasks).',
    );
  });

  it('--dry-run --json prints the whole result', async () => {
    const r = await run('program', 'import', FIXTURE, '--dry-run', '--json');
    expect(JSON.parse(r.out).counts.bullets).toBe(207);
  });

  it('without --dry-run says saving belongs to the program module and exits non-zero', async () => {
    const r = await run('program', 'import', FIXTURE);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('Saving a program is done by the program module');
    expect(r.out).toBe('');
  });

  it('--dry-run on an Excel task list validates it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'apparatus-'));
    const file = path.join(dir, 'tasks.xlsx');
    await writeFile(
      file,
      await taskListToXlsx([
        {
          code: '1',
          parentCode: '9',
          titleVi: 'Một',
          titleEn: null,
          leadAgency: null,
          coordinatingAgencies: [],
          deadlinePhrase: null,
          start: null,
          fundingSource: null,
          amountRequired: null,
          amountAllocated: null,
          outputKinds: [],
          tags: [],
        },
      ]),
    );
    const r = await run('program', 'import', file, '--dry-run');
    expect(r.code).toBe(2);
    expect(r.out).toContain('dòng/row 2, Mã cấp trên / Parent code: Không có dòng nào mang mã cấp trên "9".');
  });

  it('--dry-run lists impossible dates with their line and exits non-zero', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'apparatus-'));
    const file = path.join(dir, 'plan.txt');
    await writeFile(file, 'I- NHIỆM VỤ\n1. Cải cách\n- Hoàn thành trước ngày 31/02/2027\n');
    const r = await run('program', 'import', file, '--dry-run');
    expect(r.code).toBe(2);
    expect(r.out).toContain(
      'LỖI, chưa nhập được / ERRORS, cannot be imported: 1\n  dòng/line 3: "31/02/2027" không phải ngày có thật: tháng 2 năm 2027 chỉ có 28 ngày.',
    );
  });
});
