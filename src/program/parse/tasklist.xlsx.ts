// Task lists to and from Excel in the documented template (data/program/README.md):
// sheet "Nhiệm vụ - Tasks" with one header row and one task per row, and a
// "Hướng dẫn - Guide" sheet explaining each column. Import is all or nothing.
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import { TABLE_LIMITS, tooLarge, type UploadLimits } from '../../platform/upload/limits.ts';
import { runOffLoop } from '../../platform/upload/pool.ts';
import { readXlsxSheet, type XlsxSheet } from '../../platform/upload/xlsx.read.ts';
import { COLUMNS, LIST_SEPARATOR, type TaskListError, type TaskListRow } from './tasklist.template.ts';
import { validateRows, type RawRow, type TaskListResult } from './tasklist.validate.ts';

export const TASKS_SHEET = 'Nhiệm vụ - Tasks';
export const GUIDE_SHEET = 'Hướng dẫn - Guide';

export async function taskListToXlsx(rows: TaskListRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Apparatus';
  const ws = wb.addWorksheet(TASKS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow({
      ...r,
      coordinatingAgencies: r.coordinatingAgencies.join(`${LIST_SEPARATOR} `),
      outputKinds: r.outputKinds.join(`${LIST_SEPARATOR} `),
      tags: r.tags.join(`${LIST_SEPARATOR} `),
    });
  }
  // Codes and dates stay text so Excel does not turn "1.10" into 1.1 or shift a date by a time zone.
  for (const key of ['code', 'parentCode', 'start'] as const) ws.getColumn(key).numFmt = '@';

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { header: 'Cột / Column', width: 44 },
    { header: 'Hướng dẫn', width: 70 },
    { header: 'Guide', width: 70 },
    { header: 'Ví dụ / Example', width: 30 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of COLUMNS) guide.addRow([c.header, c.help.vi, c.help.en, c.example]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads a task list within the upload limits; any problem in any row → every problem, with its row number, and no rows. */
export async function xlsxToTaskList(
  buffer: Buffer,
  options: { referenceDate?: string; limits?: UploadLimits } = {},
): Promise<TaskListResult> {
  const limits = options.limits ?? TABLE_LIMITS;
  if (buffer.length > limits.bytes) throw tooLarge({ limit: 'bytes', max: limits.bytes, figure: buffer.length });
  let sheet: XlsxSheet;
  try {
    sheet = await readXlsxSheet(buffer, { sheet: TASKS_SHEET, columns: COLUMNS.length, limits });
  } catch (err) {
    // Over a limit stays a 413 refusal; anything unreadable is listed like any other problem of the file.
    if (err instanceof AppError && err.status === 400)
      return { ok: false, errors: [{ row: 0, column: null, message: err.detail }] };
    throw err;
  }

  const headerErrors = checkHeader(sheet.rows.find((r) => r.row === 1)?.cells ?? []);
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors };

  const raw: RawRow[] = [];
  for (const row of sheet.rows) {
    if (row.row === 1) continue;
    const cells = Object.fromEntries(COLUMNS.map((c, i) => [c.key, row.cells[i]]));
    if (Object.values(cells).every((v) => v === null || v === undefined || String(v).trim() === '')) continue;
    raw.push({ sheetRow: row.row, cells });
  }
  return validateRows(raw, options);
}

/** The same, in a worker thread of the upload pool (the server's event loop stays free). */
export function xlsxToTaskListOffLoop(
  buffer: Buffer,
  options: { referenceDate?: string } = {},
): Promise<TaskListResult> {
  return runOffLoop<TaskListResult>(new URL(import.meta.url), 'xlsxToTaskList', [buffer, options]);
}

/** The header row must be the template's, column by column (the bilingual header or its key). */
function checkHeader(header: unknown[]): TaskListError[] {
  const fold = (s: unknown) =>
    String(s ?? '')
      .normalize('NFC')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  const errors: TaskListError[] = [];
  COLUMNS.forEach((c, i) => {
    const found = fold(header[i]);
    if (found !== fold(c.header) && found !== fold(c.key)) {
      errors.push({
        row: 1,
        column: c.header,
        message: {
          vi: `Cột ${i + 1} phải có tiêu đề "${c.header}", nhận được "${found}". Hãy dùng mẫu tải từ hệ thống.`,
          en: `Column ${i + 1} must be headed "${c.header}", found "${found}". Use the template the platform exports.`,
        },
      });
    }
  });
  return errors;
}
