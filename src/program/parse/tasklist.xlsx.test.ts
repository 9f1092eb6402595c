// Task lists through Excel: a round trip keeps every field; a bad file yields
// every error with its row and column and no rows at all.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COLUMNS, type TaskListRow } from './tasklist.template.ts';
import { TASKS_SHEET, taskListToXlsx, xlsxToTaskList } from './tasklist.xlsx.ts';

const row = (over: Partial<TaskListRow>): TaskListRow => ({
  code: 'X',
  parentCode: null,
  titleVi: null,
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
  ...over,
});

const ROWS: TaskListRow[] = [
  row({ code: 'II', titleVi: 'NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU', titleEn: 'MAIN TASKS' }),
  row({ code: 'II.1', parentCode: 'II', titleVi: 'Hoàn thiện thể chế', titleEn: null }),
  row({
    code: 'II.1.b',
    parentCode: 'II.1',
    titleVi: 'Xây dựng Đề án vị trí việc làm',
    titleEn: 'Develop the job-position scheme',
    leadAgency: 'Bộ Nội vụ',
    coordinatingAgencies: ['Bộ Tài chính', 'Bộ Tư pháp, Vụ Pháp chế'],
    deadlinePhrase: 'quý IV/2026',
    start: '2026-01-15',
    fundingSource: 'central_budget',
    amountRequired: 1_500_000_000_000,
    amountAllocated: 0,
    outputKinds: ['scheme', 'report'],
    tags: ['cải cách hành chính', 'biên chế'],
  }),
  row({
    code: 'II.1.d-2',
    parentCode: 'II.1',
    titleEn: 'Carbon market',
    deadlinePhrase: 'giai đoạn 2026 - 2030',
    fundingSource: 'oda',
    amountRequired: 25,
  }),
  row({
    code: 'II.1.10',
    parentCode: 'II.1',
    titleVi: 'Nhiệm vụ mười',
    deadlinePhrase: 'from now until June 30, 2026',
  }),
];

describe('task list Excel template', () => {
  it('round-trips every field and reads each deadline', async () => {
    const result = await xlsxToTaskList(await taskListToXlsx(ROWS), { referenceDate: '2026-02-01' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rows.map(({ sheetRow: _r, deadline: _d, ...rest }) => rest)).toEqual(ROWS);
    expect(result.rows.map((r) => r.sheetRow)).toEqual([2, 3, 4, 5, 6]);
    expect(result.rows.map((r) => r.deadline && `${r.deadline.kind} ${r.deadline.start} ${r.deadline.end}`)).toEqual([
      null,
      null,
      'quarter 2026-10-01 2026-12-31',
      'range 2026-01-01 2030-12-31',
      'range 2026-02-01 2026-06-30',
    ]);
  });

  it('writes the documented columns and a guide sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await taskListToXlsx([])) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Nhiệm vụ - Tasks', 'Hướng dẫn - Guide']);
    expect((wb.getWorksheet(TASKS_SHEET)!.getRow(1).values as unknown[]).slice(1)).toEqual(
      COLUMNS.map((c) => c.header),
    );
    expect(wb.getWorksheet('Hướng dẫn - Guide')!.rowCount).toBe(COLUMNS.length + 1);
  });

  it('reads typed cells: a date cell, Vietnamese thousands, labels in Vietnamese', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(COLUMNS.map((c) => c.key)); // the keys are accepted as headers too
    ws.addRow([
      '1',
      null,
      'Một',
      null,
      null,
      null,
      'tháng 6/2026',
      new Date(Date.UTC(2026, 0, 2)),
      'Ngân sách địa phương',
      '1.500.000',
      200,
      'Nghị quyết; luật',
      '',
    ]);
    const result = await xlsxToTaskList(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(result).toMatchObject({
      ok: true,
      rows: [
        {
          code: '1',
          start: '2026-01-02',
          fundingSource: 'local_budget',
          amountRequired: 1_500_000,
          amountAllocated: 200,
          outputKinds: ['resolution', 'law'],
          tags: [],
        },
      ],
    });
  });

  it('returns every error with its row and column, and no rows', async () => {
    const bad = [
      row({ code: 'A', titleVi: 'Đúng' }),
      row({ code: 'A', titleVi: 'Trùng mã' }),
      row({ code: 'B', parentCode: 'Z', titleVi: 'Cấp trên không có' }),
      row({ code: 'C', deadlinePhrase: 'quý V/2026' }),
      row({ code: 'D', titleVi: 'Bắt đầu sau hạn', start: '2027-01-01', deadlinePhrase: 'tháng 6/2026' }),
      row({
        code: 'E',
        titleVi: 'Sai',
        start: '2026-13-01',
        fundingSource: 'budget' as never,
        outputKinds: ['law', 'poem' as never],
      }),
      row({ code: 'F', parentCode: 'G', titleVi: 'Vòng' }),
      row({ code: 'G', parentCode: 'F', titleVi: 'Vòng' }),
      row({ code: 'bad code!', titleVi: 'Mã sai', amountRequired: -5 }),
    ];
    const result = await xlsxToTaskList(await taskListToXlsx(bad));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column?.split(' / ')[1] ?? null])).toEqual([
      [3, 'Code'],
      [4, 'Parent code'],
      [5, 'Title (vi)'],
      [5, 'Deadline'],
      [6, 'Start'],
      [7, 'Start'],
      [7, 'Funding source'],
      [7, 'Expected output kind'],
      [8, 'Parent code'],
      [9, 'Parent code'],
      [10, 'Code'],
      [10, 'Amount required (VND)'],
    ]);
    expect(result.errors[0].message.en).toBe('Code "A" repeats row 2.');
    expect(result.errors[3].message.vi).toContain('Không đọc được "V"');
    expect(result.errors[4].message.en).toBe('Start 2027-01-01 is after the deadline 2026-06-30.');
    expect(result.errors[7].message.en).toBe('There is no output kind "poem".');
  });

  it('refuses a foreign header and a file that is not a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['Code', 'Title']);
    const foreign = await xlsxToTaskList(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(foreign.ok).toBe(false);
    if (!foreign.ok) expect(foreign.errors.map((e) => e.row)).toEqual(Array(COLUMNS.length - 1).fill(1));
    const junk = await xlsxToTaskList(Buffer.from('not a workbook'));
    expect(junk).toMatchObject({ ok: false, errors: [{ row: 0 }] });
  });

  it('lists impossible dates with their row and column, Vietnamese first (issue 15)', async () => {
    const result = await xlsxToTaskList(
      await taskListToXlsx([
        row({ code: 'A', titleVi: 'Ban hành Nghị định', deadlinePhrase: 'trước ngày 31/02/2027' }),
        row({ code: 'B', titleVi: 'Báo cáo', deadlinePhrase: 'tháng 13/2026' }),
        row({ code: 'C', titleVi: 'Khởi công', start: '2027-02-31' }),
        row({ code: 'D', titleVi: 'Tổng kết trước ngày 30/02/2028', titleEn: 'Review by February 30, 2028' }),
      ]),
    );
    if (result.ok) throw new Error('accepted impossible dates');
    expect(result.errors.map((e) => [e.row, e.column?.split(' / ')[1] ?? null])).toEqual([
      [2, 'Deadline'],
      [3, 'Deadline'],
      [4, 'Start'],
      [5, 'Title (vi)'],
      [5, 'Title (en)'],
    ]);
    expect(result.errors[0].message.vi).toContain('31/02/2027 không có thật');
    expect(result.errors[1].message.vi).toContain('không có tháng 13');
    expect(result.errors[3].message.vi).toBe(
      '"30/02/2028" không phải ngày có thật: tháng 2 năm 2028 chỉ có 29 ngày. Hãy sửa trong tệp rồi gửi lại.',
    );
    expect(result.errors[4].message.en).toContain('February 2028 has 29 days');
  });
});
