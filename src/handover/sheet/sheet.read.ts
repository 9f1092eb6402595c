// Reading the inventory sheet (.xlsx through the platform's streaming reader, or CSV): every row to a
// line input checked with the same schema as the API's, or to its reasons, Vietnamese first. Pure and
// CPU-bound, so the route runs it in the upload pool's worker threads (readInventoryOffLoop) and the
// event loop keeps answering while 100,000 rows are read; the CLI calls it directly.
import { readXlsxSheet, type CellValue } from '../../platform/upload/xlsx.read.ts';
import { runOffLoop } from '../../platform/upload/pool.ts';
import { tooLarge, type UploadLimits } from '../../platform/upload/limits.ts';
import { parseCsv } from '../../platform/formats/csv.ts';
import { badRequest, type Message } from '../../platform/errors.ts';
import { dateProblem } from '../../platform/schemas.ts';
import { LineInput } from '../handover.schemas.ts';
import { COLUMNS, type Column } from './sheet.columns.ts';

export interface RowProblem {
  row: number;
  reasons: Message[];
}
export interface ReadInventory {
  lines: { row: number; input: LineInput }[];
  problems: RowProblem[];
}

export const INVENTORY_LIMITS: UploadLimits = {
  bytes: 60 * 1024 * 1024,
  rows: 100_001, // the header row counts as a sheet row: 100,000 lines
  cells: 100_000 * 30,
  unpackedBytes: 600 * 1024 * 1024,
  columns: COLUMNS.length,
  entries: 200,
};

/** Lower case without accents (đ → d): how words and headers are compared. */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const WORD_INDEX = new Map<Column, Map<string, string>>(
  COLUMNS.filter((c) => c.words).map((c) => {
    const m = new Map<string, string>();
    for (const [key, word] of Object.entries(c.words!)) {
      m.set(fold(word), key);
      m.set(fold(key), key);
    }
    return [c, m];
  }),
);

const cellText = (v: CellValue | undefined): string => {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return `#${v.error}`;
  return String(v).trim();
};

type Got = { value: unknown } | { reason: Message };

function convert(c: Column, v: CellValue | undefined): Got {
  const s = cellText(v);
  switch (c.type) {
    case 'text':
      return { value: s };
    case 'enum': {
      const key = WORD_INDEX.get(c)!.get(fold(s));
      if (key) return { value: key };
      const allowed = Object.values(c.words!)
        .map((w) => `"${w}"`)
        .join(', ');
      return {
        reason: {
          vi: `"${s}" không phải giá trị hợp lệ; chọn một trong: ${allowed}`,
          en: `"${s}" is not allowed; choose one of: ${allowed}`,
        },
      };
    }
    case 'date': {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
      const iso = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : s;
      const p = dateProblem(iso);
      return p ? { reason: { vi: `${p.vi} hoặc dd/mm/yyyy`, en: `${p.en} or dd/mm/yyyy` } } : { value: iso };
    }
    case 'int':
    case 'id': {
      const n = typeof v === 'number' ? v : /^\d+$/.test(s) ? Number(s) : NaN;
      if (!Number.isSafeInteger(n) || n < 0)
        return { reason: { vi: `"${s}" không phải số nguyên không âm`, en: `"${s}" is not a whole number ≥ 0` } };
      return { value: n };
    }
    case 'bool': {
      const f = fold(s);
      if (['x', 'co', 'yes', 'true', '1'].includes(f)) return { value: true };
      if (['', 'khong', 'no', 'false', '0'].includes(f)) return { value: false };
      return {
        reason: {
          vi: `"${s}": ghi "x" nếu có, để trống nếu không`,
          en: `"${s}": write "x" for yes, leave empty for no`,
        },
      };
    }
    case 'money':
    case 'area':
      // Exact: a number cell is written as Excel holds it; the schema checks the digits.
      return { value: typeof v === 'number' ? String(v) : s.replace(/\s/g, '') };
    case 'retention': {
      if (fold(s) === 'vinh vien' || fold(s) === 'permanent') return { value: 'permanent' };
      const n = typeof v === 'number' ? v : Number(s);
      if (!Number.isInteger(n))
        return {
          reason: {
            vi: `"${s}": ghi số năm hoặc "Vĩnh viễn"`,
            en: `"${s}": a number of years or "Vĩnh viễn" (permanent)`,
          },
        };
      return { value: n };
    }
  }
}

function setPath(o: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let at = o;
  for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
  at[parts[parts.length - 1]] = value;
}

const BY_PATH = new Map(COLUMNS.map((c) => [c.path, c]));

/** Vietnamese first for the schema's complaints; the schema's own bilingual sentences are kept. */
function issueReason(path: PropertyKey[], code: string, message: string, input: unknown): Message {
  const col = BY_PATH.get(path.join('.'));
  const where = col ? `cột "${col.header}"` : path.join('.');
  const whereEn = col ? `column "${col.header}"` : path.join('.');
  if (input === undefined) return { vi: `${where}: thiếu giá trị`, en: `${whereEn}: missing` };
  if (code === 'too_big') return { vi: `${where}: quá dài hoặc quá lớn`, en: `${whereEn}: too long or too large` };
  if (code === 'too_small') return { vi: `${where}: quá ngắn hoặc quá nhỏ`, en: `${whereEn}: too short or too small` };
  const [vi, en] = message.includes(' / ') ? message.split(' / ') : [message, message];
  return { vi: `${where}: ${vi}`, en: `${whereEn}: ${en}` };
}

export function readRow(row: number, cells: (CellValue | undefined)[]): { row: number; input: LineInput } | RowProblem {
  const reasons: Message[] = [];
  const kindCol = COLUMNS[1];
  const kindGot = convert(kindCol, cells[1]);
  if ('reason' in kindGot)
    return {
      row,
      reasons: [{ vi: `cột "Loại dòng": ${kindGot.reason.vi}`, en: `column "Loại dòng": ${kindGot.reason.en}` }],
    };
  const kind = kindGot.value as LineInput['kind'];
  const obj: Record<string, unknown> = {};
  COLUMNS.forEach((c, i) => {
    if (!c.path) return;
    if (cellText(cells[i]) === '') return;
    if (c.kinds && !c.kinds.includes(kind)) {
      reasons.push({
        vi: `cột "${c.header}" không dùng cho dòng loại "${kindCol.words![kind]}"`,
        en: `column "${c.header}" is not for a ${kind} line`,
      });
      return;
    }
    const got = convert(c, cells[i]);
    if ('reason' in got)
      reasons.push({ vi: `cột "${c.header}": ${got.reason.vi}`, en: `column "${c.header}": ${got.reason.en}` });
    else setPath(obj, c.path, got.value);
  });
  if (reasons.length) return { row, reasons };
  const parsed = LineInput.safeParse(obj);
  if (!parsed.success)
    return {
      row,
      reasons: parsed.error.issues.map((i) => issueReason(i.path, i.code, i.message, (i as { input?: unknown }).input)),
    };
  return { row, input: parsed.data };
}

function headerProblem(cells: (CellValue | undefined)[]): RowProblem | null {
  const bad = COLUMNS.findIndex((c, i) => fold(cellText(cells[i])) !== fold(c.header));
  if (bad < 0) return null;
  return {
    row: 1,
    reasons: [
      {
        vi: `dòng tiêu đề không theo mẫu: cột ${bad + 1} phải là "${COLUMNS[bad].header}" (đang là "${cellText(cells[bad])}"). Hãy dùng mẫu trong data/handover/README.md hoặc tệp xuất từ hệ thống.`,
        en: `the header row is not the template's: column ${bad + 1} must be "${COLUMNS[bad].header}" (it is "${cellText(cells[bad])}"). Use the template of data/handover/README.md or an exported file.`,
      },
    ],
  };
}

export function readRows(rows: { row: number; cells: (CellValue | undefined)[] }[]): ReadInventory {
  const out: ReadInventory = { lines: [], problems: [] };
  const header = rows.find((r) => r.row === 1);
  const hp = headerProblem(header?.cells ?? []);
  if (hp) return { lines: [], problems: [hp] };
  for (const r of rows) {
    if (r.row === 1 || r.cells.every((v) => cellText(v) === '')) continue;
    const got = readRow(r.row, r.cells);
    if ('reasons' in got) out.problems.push(got);
    else out.lines.push(got);
  }
  return out;
}

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** An .xlsx (told by its content: a zip) or a UTF-8 CSV whose first record is the header. */
export async function readInventoryFile(bytes: Buffer): Promise<ReadInventory> {
  if (isZip(bytes)) {
    const sheet = await readXlsxSheet(bytes, { columns: COLUMNS.length, limits: INVENTORY_LIMITS });
    return readRows(sheet.rows);
  }
  if (bytes.includes(0))
    throw badRequest({
      vi: 'Tệp không phải Excel (.xlsx) hay CSV (UTF-8). Hãy lưu lại từ Excel dạng .xlsx hoặc "CSV UTF-8".',
      en: 'The file is neither Excel (.xlsx) nor CSV (UTF-8). Save it from Excel as .xlsx or "CSV UTF-8".',
    });
  const csv = parseCsv(bytes, {
    maxRecords: INVENTORY_LIMITS.rows,
    maxColumns: COLUMNS.length + 20,
    maxRecordChars: 100_000,
  });
  if (csv.overLimit?.limit === 'records')
    throw tooLarge({ limit: 'rows', max: INVENTORY_LIMITS.rows, figure: csv.overLimit.figure, atLeast: true });
  const read = readRows(csv.records.map((r) => ({ row: r.line, cells: r.cells })));
  for (const p of csv.problems) read.problems.push({ row: p.line, reasons: [{ vi: p.messageVi, en: p.message }] });
  read.problems.sort((a, b) => a.row - b.row);
  return read;
}

export function readInventoryOffLoop(bytes: Buffer): Promise<ReadInventory> {
  return runOffLoop<ReadInventory>(new URL(import.meta.url), 'readInventoryFile', [bytes]);
}
