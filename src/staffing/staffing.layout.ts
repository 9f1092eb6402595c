// The submitted-table layout: Decree 62/2020/NĐ-CP, Appendix IA (annual
// civil-servant staffing plan) — assigned, present on 31 March and plan for
// the next year, each as total = civil servants + labour contracts, and the
// change of plan against assigned — with two columns added so rows can be
// matched to the registry and the reserve checked: the unit code and the reserve.
// Rows nest by their STT: "1", "1.1", "1.1.2"; an unnumbered "Tổng cộng" row is the parent of the top rows.
import ExcelJS from 'exceljs';
import { parseCsv } from '../units/vn/vn-csv.ts';
import { badRequest } from '../platform/errors.ts';

export const FIGURES = ['assigned_total', 'assigned_civil_servants', 'assigned_contracts', 'reserve',
  'present_total', 'present_civil_servants', 'present_contracts', 'plan_total', 'plan_civil_servants', 'plan_contracts', 'change'] as const;
export type Figure = typeof FIGURES[number];
export const COLUMNS = ['stt', 'code', 'name', ...FIGURES, 'note'] as const;

/** Column headings as printed on the form (two header rows), Vietnamese with the English in the README. */
export const HEADINGS: Record<typeof COLUMNS[number], [string, string]> = {
  stt: ['STT', ''], code: ['Mã đơn vị', ''], name: ['Tên cơ quan, tổ chức, đơn vị', ''],
  assigned_total: ['Biên chế được giao năm', 'Tổng số'], assigned_civil_servants: ['', 'Công chức'], assigned_contracts: ['', 'Hợp đồng lao động'],
  reserve: ['Dự phòng', ''],
  present_total: ['Số có mặt đến 31/3', 'Tổng số'], present_civil_servants: ['', 'Công chức'], present_contracts: ['', 'Hợp đồng lao động'],
  plan_total: ['Kế hoạch biên chế năm sau', 'Tổng số'], plan_civil_servants: ['', 'Công chức'], plan_contracts: ['', 'Hợp đồng lao động'],
  change: ['Tăng (+), giảm (−) so với được giao', ''], note: ['Ghi chú', ''],
};

export interface TableRow {
  /** Where the row is in the file: the line of a CSV, the row of a sheet. */
  row: number;
  stt: string; code: string; name: string; note: string;
  /** Raw cell text, kept so an unreadable figure is reported, never dropped. */
  raw: Record<Figure, string>;
}

export interface SubmittedTable { source: string; rows: TableRow[] }

function toRow(row: number, cells: string[]): TableRow {
  const get = (i: number) => (cells[i] ?? '').trim();
  const raw = Object.fromEntries(FIGURES.map((f, i) => [f, get(3 + i)])) as Record<Figure, string>;
  return { row, stt: get(0), code: get(1), name: get(2), note: get(3 + FIGURES.length), raw };
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** CSV: one header row with the column keys of COLUMNS (in that order), then data. */
export function parseCsvTable(text: string, source = 'table.csv'): SubmittedTable {
  const { records, problems } = parseCsv(text);
  if (problems.length) throw badRequest({ vi: `Tệp CSV hỏng ở dòng ${problems[0].line}: ${problems[0].message}`, en: `Broken CSV at line ${problems[0].line}: ${problems[0].message}` });
  const [header, ...data] = records;
  const expected = COLUMNS.join(',');
  if (!header || header.cells.map((c) => c.trim()).join(',') !== expected) {
    throw badRequest({ vi: `Dòng tiêu đề của tệp CSV phải là: ${expected}`, en: `The CSV header row must be: ${expected}` });
  }
  return { source, rows: data.filter((r) => !isBlank(r.cells)).map((r) => toRow(r.line, r.cells)) };
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
};

/** XLSX: the first sheet; data starts after the column-number row "(1) (2) (3) …" of the form. */
export async function parseXlsxTable(buffer: Buffer | ArrayBuffer, source = 'table.xlsx'): Promise<SubmittedTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as ArrayBuffer);
  } catch {
    throw badRequest({ vi: 'Tệp không đọc được như một tệp Excel (.xlsx): có thể tệp hỏng hoặc thực ra là loại tệp khác.', en: 'The file cannot be read as an Excel (.xlsx) file: it may be damaged or of another kind.' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badRequest({ vi: 'Tệp Excel không có trang tính nào.', en: 'The Excel file has no sheet.' });
  const rows: TableRow[] = [];
  let started = false;
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    const cells = COLUMNS.map((_, i) => cellText(r.getCell(i + 1).value));
    if (!started) { started = cells[0] === '(1)' && cells[1] === '(2)'; return; }
    if (!isBlank(cells)) rows.push(toRow(n, cells));
  });
  if (!started) throw badRequest({ vi: 'Không tìm thấy dòng đánh số cột "(1) (2) (3) …" của biểu mẫu Phụ lục IA.', en: 'The column-number row "(1) (2) (3) …" of the Appendix IA form was not found.' });
  return { source, rows };
}

export async function parseTableFile(name: string, content: Buffer): Promise<SubmittedTable> {
  if (/\.xlsx$/i.test(name)) return parseXlsxTable(content, name);
  if (/\.csv$/i.test(name)) return parseCsvTable(content.toString('utf8'), name);
  throw badRequest({ vi: 'Chỉ nhận tệp .csv hoặc .xlsx.', en: 'Only .csv or .xlsx files are accepted.' });
}
