// Reading a values file (CSV or .xlsx) into rows: header names as in data/indicators/README.md, one figure a
// row. Pure reading; checking each row against the definitions and the registry is the import's job.
import { parseCsv, recordsToObjects } from '../../platform/formats/csv.ts';
import { readXlsxSheet, type CellValue } from '../../platform/upload/xlsx.read.ts';
import { TABLE_LIMITS } from '../../platform/upload/limits.ts';
import { badRequest } from '../../platform/errors.ts';

export const VALUE_COLUMNS = [
  'indicator',
  'unit',
  'period',
  'value',
  'numerator',
  'denominator',
  'status',
  'source',
  'known_from',
  'note',
] as const;

export interface FileRow {
  line: number;
  cells: Record<string, string>;
}

const cellText = (c: CellValue | undefined): string => {
  if (c === undefined || c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'object') return '';
  return String(c).trim();
};

export async function readValuesFile(name: string, bytes: Buffer): Promise<FileRow[]> {
  return readTableFile(name, bytes, ['indicator', 'unit', 'period', 'status', 'source', 'known_from'], VALUE_COLUMNS);
}

/** A header row and data rows from CSV or .xlsx; refuses a header without the `required` columns. */
export async function readTableFile(
  name: string,
  bytes: Buffer,
  required: readonly string[],
  columns: readonly string[],
): Promise<FileRow[]> {
  let header: string[];
  let rows: FileRow[];
  if (/\.xlsx$/i.test(name)) {
    const sheet = await readXlsxSheet(bytes, { columns: 20, limits: TABLE_LIMITS });
    const [head, ...body] = sheet.rows;
    header = (head?.cells ?? []).map(cellText);
    rows = body.map((r) => ({
      line: r.row,
      cells: Object.fromEntries(header.map((h, i) => [h, cellText(r.cells[i])])),
    }));
  } else {
    const parsed = parseCsv(bytes, { maxRecords: TABLE_LIMITS.rows + 1, maxColumns: 40 });
    if (parsed.problems.length)
      throw badRequest({
        vi: `Tệp CSV lỗi ở dòng ${parsed.problems[0].line}: ${parsed.problems[0].messageVi}.`,
        en: `The CSV file is broken at line ${parsed.problems[0].line}: ${parsed.problems[0].message}.`,
      });
    const [head, ...body] = parsed.records;
    header = (head?.cells ?? []).map((h) => h.trim());
    rows = recordsToObjects(header, body);
  }
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length)
    throw badRequest({
      vi: `Tệp thiếu cột ${missing.join(', ')} ở dòng tiêu đề (các cột: ${columns.join(', ')}).`,
      en: `The header row lacks ${missing.join(', ')} (columns: ${columns.join(', ')}).`,
    });
  return rows;
}

/** A row's cells as the value input's fields: empty cells are absent. */
export function rowInput(row: FileRow, columns: readonly string[] = VALUE_COLUMNS): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) if (row.cells[c]) out[c] = row.cells[c];
  return out;
}
