// A task list from Excel keeps to the same limits as the API (platform/schemas.ts): a
// funding figure typed as text with 19 digits, or a start date in year 0000, is an error
// on its row and column, not a database refusal of the whole import (issue 9, finding 7).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COLUMNS, type TaskListRow } from './tasklist.template.ts';
import { TASKS_SHEET, taskListToXlsx, xlsxToTaskList } from './tasklist.xlsx.ts';

const row = (over: Partial<TaskListRow>): TaskListRow => ({
  code: 'X',
  parentCode: null,
  titleVi: 'Nhiệm vụ',
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

/** The workbook with some cells typed over as text, as a person would type them into Excel. */
async function withText(rows: TaskListRow[], cells: { row: number; key: string; text: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await taskListToXlsx(rows)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(TASKS_SHEET)!;
  for (const c of cells) ws.getRow(c.row).getCell(COLUMNS.findIndex((k) => k.key === c.key) + 1).value = c.text;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('task list limits', () => {
  it('refuses funding beyond any funding line and start dates outside 1900-2199, on their row and column', async () => {
    const file = await withText(
      [row({ code: 'A' }), row({ code: 'B' }), row({ code: 'C' })],
      [
        { row: 2, key: 'amountRequired', text: '1000000000000000000' },
        { row: 3, key: 'amountAllocated', text: '9.000.000.000.000.000' },
        { row: 4, key: 'start', text: '0000-01-01' },
      ],
    );
    const result = await xlsxToTaskList(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column?.split(' / ')[1] ?? null])).toEqual([
      [2, 'Amount required (VND)'],
      [3, 'Amount allocated (VND)'],
      [4, 'Start'],
    ]);
    expect(result.errors[0].message.en).toContain('above the 5,000,000,000,000,000 đồng limit');
    expect(result.errors[2].message.en).toContain('between 1900-01-01 and 2199-12-31');
  });

  it('keeps what a real program costs', async () => {
    const file = await withText(
      [row({ code: 'A' })],
      [{ row: 2, key: 'amountRequired', text: '1.700.000.000.000.000' }],
    );
    const result = await xlsxToTaskList(file);
    expect(result).toMatchObject({ ok: true, rows: [{ amountRequired: 1_700_000_000_000_000 }] });
  });
});
