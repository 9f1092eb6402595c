// The submitted-table layout: Decree 62/2020/NĐ-CP, Appendix IA (annual
// civil-servant staffing plan) — assigned, present on 31 March and plan for
// the next year, each as total = civil servants + labour contracts, and the
// change of plan against assigned — with two columns added so rows can be
// matched to the registry and the reserve checked: the unit code and the reserve.
// Rows nest by their STT: "1", "1.1", "1.1.2"; an unnumbered "Tổng cộng" row is the parent of the top rows.
import { parseCsv } from '../../platform/formats/csv.ts';
import { badRequest } from '../../platform/errors.ts';
import { TABLE_LIMITS, tooLarge, type UploadLimits } from '../../platform/upload/limits.ts';
import { runOffLoop } from '../../platform/upload/pool.ts';
import { readXlsxSheet, type CellValue } from '../../platform/upload/xlsx.read.ts';

export const FIGURES = [
  'assigned_total',
  'assigned_civil_servants',
  'assigned_contracts',
  'reserve',
  'present_total',
  'present_civil_servants',
  'present_contracts',
  'plan_total',
  'plan_civil_servants',
  'plan_contracts',
  'change',
] as const;
export type Figure = (typeof FIGURES)[number];
export const COLUMNS = ['stt', 'code', 'name', ...FIGURES, 'note'] as const;

/** Column headings as printed on the form (two header rows), Vietnamese with the English in the README. */
export const HEADINGS: Record<(typeof COLUMNS)[number], [string, string]> = {
  stt: ['STT', ''],
  code: ['Mã đơn vị', ''],
  name: ['Tên cơ quan, tổ chức, đơn vị', ''],
  assigned_total: ['Biên chế được giao năm', 'Tổng số'],
  assigned_civil_servants: ['', 'Công chức'],
  assigned_contracts: ['', 'Hợp đồng lao động'],
  reserve: ['Dự phòng', ''],
  present_total: ['Số có mặt đến 31/3', 'Tổng số'],
  present_civil_servants: ['', 'Công chức'],
  present_contracts: ['', 'Hợp đồng lao động'],
  plan_total: ['Kế hoạch biên chế năm sau', 'Tổng số'],
  plan_civil_servants: ['', 'Công chức'],
  plan_contracts: ['', 'Hợp đồng lao động'],
  change: ['Tăng (+), giảm (−) so với được giao', ''],
  note: ['Ghi chú', ''],
};

export interface TableRow {
  /** Where the row is in the file: the line of a CSV, the row of a sheet. */
  row: number;
  stt: string;
  code: string;
  name: string;
  note: string;
  /** Raw cell text, kept so an unreadable figure is reported, never dropped. */
  raw: Record<Figure, string>;
}

export interface SubmittedTable {
  source: string;
  rows: TableRow[];
}

function toRow(row: number, cells: string[]): TableRow {
  const get = (i: number) => (cells[i] ?? '').trim();
  const raw = Object.fromEntries(FIGURES.map((f, i) => [f, get(3 + i)])) as Record<Figure, string>;
  return { row, stt: get(0), code: get(1), name: get(2), note: get(3 + FIGURES.length), raw };
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** CSV: one header row with the column keys of COLUMNS (in that order), then data. Read within `limits`. */
export function parseCsvTable(
  text: string | Buffer,
  source = 'table.csv',
  limits: UploadLimits = TABLE_LIMITS,
): SubmittedTable {
  if (typeof text !== 'string' && text.length > limits.bytes)
    throw tooLarge({ limit: 'bytes', max: limits.bytes, figure: text.length });
  // One more record than the rows allowed: the header.
  const { records, problems, overLimit } = parseCsv(text, {
    maxRecords: limits.rows + 1,
    maxColumns: limits.columns,
    maxRecordChars: 100_000,
  });
  if (overLimit?.limit === 'records')
    throw tooLarge({
      limit: 'rows',
      max: limits.rows,
      figure: overLimit.figure - 1,
      atLeast: true,
      at: { line: overLimit.line },
    });
  if (overLimit?.limit === 'columns')
    throw tooLarge({ limit: 'columns', max: limits.columns, figure: overLimit.figure, at: { line: overLimit.line } });
  if (problems.length)
    throw badRequest({
      vi: `Tệp CSV hỏng ở dòng ${problems[0].line}: ${problems[0].messageVi}`,
      en: `Broken CSV at line ${problems[0].line}: ${problems[0].message}`,
    });
  const [header, ...data] = records;
  const expected = COLUMNS.join(',');
  if (!header || header.cells.map((c) => c.trim()).join(',') !== expected) {
    throw badRequest({
      vi: `Dòng tiêu đề của tệp CSV phải là: ${expected}`,
      en: `The CSV header row must be: ${expected}`,
    });
  }
  let cells = 0;
  for (const r of data) {
    for (const c of r.cells) if (c !== '') cells++;
    if (cells > limits.cells)
      throw tooLarge({ limit: 'cells', max: limits.cells, figure: cells, atLeast: true, at: { line: r.line } });
  }
  return { source, rows: data.filter((r) => !isBlank(r.cells)).map((r) => toRow(r.line, r.cells)) };
}

const cellText = (v: CellValue | undefined): string => {
  if (v === undefined) return '';
  if (typeof v === 'object' && 'error' in v) return v.error;
  return String(v);
};

/** XLSX: the first sheet; data starts after the column-number row "(1) (2) (3) …" of the form. */
export async function parseXlsxTable(
  buffer: Buffer,
  source = 'table.xlsx',
  limits: UploadLimits = TABLE_LIMITS,
): Promise<SubmittedTable> {
  if (buffer.length > limits.bytes) throw tooLarge({ limit: 'bytes', max: limits.bytes, figure: buffer.length });
  const sheet = await readXlsxSheet(buffer, { columns: COLUMNS.length, limits });
  const rows: TableRow[] = [];
  let started = false;
  for (const r of sheet.rows) {
    const cells = COLUMNS.map((_, i) => cellText(r.cells[i]));
    if (!started) {
      started = cells[0] === '(1)' && cells[1] === '(2)';
      continue;
    }
    if (!isBlank(cells)) rows.push(toRow(r.row, cells));
  }
  if (!started)
    throw badRequest({
      vi: 'Không tìm thấy dòng đánh số cột "(1) (2) (3) …" của biểu mẫu Phụ lục IA.',
      en: 'The column-number row "(1) (2) (3) …" of the Appendix IA form was not found.',
    });
  return { source, rows };
}

/** Reads a submitted table by its file name's extension, within the upload limits. */
export async function parseTableFile(
  name: string,
  content: Buffer,
  limits: UploadLimits = TABLE_LIMITS,
): Promise<SubmittedTable> {
  if (/\.xlsx$/i.test(name)) return parseXlsxTable(content, name, limits);
  if (/\.csv$/i.test(name)) return parseCsvTable(content, name, limits);
  throw badRequest({
    vi: `Chỉ nhận tệp .csv hoặc .xlsx; tệp "${name}" không phải.`,
    en: `Only .csv or .xlsx files are accepted; "${name}" is neither.`,
  });
}

/** The same, in a worker thread of the upload pool: the server's event loop stays free while a large file is read. */
export function parseTableFileOffLoop(name: string, content: Buffer): Promise<SubmittedTable> {
  return runOffLoop<SubmittedTable>(new URL(import.meta.url), 'parseTableFile', [name, content]);
}
