// The register's Excel layout (one sheet, header on row 1, one person a row) and its reading: pure, so the
// upload route runs it off the event loop and the CLI and tests call it directly. Every bad row is listed
// with every reason, in Vietnamese first; nothing is saved unless no row is bad (register.service.ts).
// The export writes the same columns, so an exported file imports back unchanged.
import { readXlsxSheet, type CellValue, type SheetRow } from '../../platform/upload/xlsx.read.ts';
import { runOffLoop } from '../../platform/upload/pool.ts';
import type { UploadLimits } from '../../platform/upload/limits.ts';
import type { Message } from '../../platform/errors.ts';
import { dateProblem } from '../../platform/schemas.ts';
import { isIdNumber } from './register.crypto.ts';

export const CATEGORIES = [
  'cadre',
  'civil_servant',
  'public_employee',
  'contract_worker',
  'commune_part_time',
  'party_committee',
] as const;
export type PersonCategory = (typeof CATEGORIES)[number];

/** The words of each category on the sheet (the export writes the first). */
export const CATEGORY_WORDS: Record<PersonCategory, { vi: string; en: string; also: string[] }> = {
  cadre: { vi: 'Cán bộ', en: 'Cadre', also: ['can bo'] },
  civil_servant: { vi: 'Công chức', en: 'Civil servant', also: ['cong chuc'] },
  public_employee: { vi: 'Viên chức', en: 'Public employee', also: ['vien chuc'] },
  contract_worker: { vi: 'Hợp đồng lao động', en: 'Contract worker', also: ['hop dong lao dong', 'hop dong'] },
  commune_part_time: {
    vi: 'Người hoạt động không chuyên trách cấp xã',
    en: 'Non-specialised commune worker',
    also: ['nguoi hoat dong khong chuyen trach cap xa', 'khong chuyen trach cap xa', 'khong chuyen trach'],
  },
  party_committee: {
    vi: 'Cấp ủy viên',
    en: 'Party-committee member',
    also: ['cap uy vien', 'cap uy', 'uy vien cap uy'],
  },
};

/** Columns in order; the header row holds these words (only their order is read back). */
export const COLUMNS = [
  'STT',
  'Mã đơn vị',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính (Nam/Nữ)',
  'Số định danh cá nhân',
  'Đối tượng',
  'Chức vụ',
  'Ngạch, chức danh',
  'Hệ số lương',
  'Hệ số phụ cấp chức vụ',
  'Phụ cấp khác (đồng/tháng)',
  'Thời gian đóng BHXH bắt buộc (năm)',
  'Thời gian đóng BHXH bắt buộc (tháng lẻ)',
  'Dân tộc thiểu số (x)',
  'Có tôn giáo (x)',
  'Đang mang thai, nghỉ thai sản (x)',
  'Ngày sinh con nhỏ nhất',
  'Đang bị xem xét kỷ luật, truy cứu hoặc thanh tra (x)',
] as const;

export interface PersonRow {
  row: number;
  unitCode: string | null;
  fullName: string;
  birthDate: string;
  sex: 'm' | 'f';
  idNumber: string;
  category: PersonCategory;
  position: string | null;
  rank: string | null;
  salaryCoef: number;
  positionAllowanceCoef: number;
  otherAllowancesVnd: number;
  siMonths: number;
  ethnicMinority: boolean;
  religious: boolean;
  pregnantOrMaternity: boolean;
  youngestChildBirth: string | null;
  underDiscipline: boolean;
}
export interface RowProblem {
  row: number;
  reasons: Message[];
}
export interface ReadSheet {
  people: PersonRow[];
  problems: RowProblem[];
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const text = (v: CellValue | undefined): string => {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return '';
  return String(v).trim();
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell: an Excel date, dd/mm/yyyy (as on screen) or yyyy-mm-dd. */
function readDate(v: CellValue | undefined): string | null | Message {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = text(v);
  if (s === '') return null;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = dmy ? `${dmy[3]}-${pad(Number(dmy[2]))}-${pad(Number(dmy[1]))}` : s;
  const problem = dateProblem(iso);
  return problem
    ? { vi: `"${s}": ${problem.vi} (viết dd/mm/yyyy)`, en: `"${s}": ${problem.en} (write dd/mm/yyyy)` }
    : iso;
}

/** A decimal with Vietnamese (4,98) or English (4.98) separator. */
function readDecimal(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return v;
  const s = text(v).replace(/\s/g, '');
  if (s === '') return null;
  if (!/^\d+([.,]\d+)?$/.test(s)) return NaN;
  return Number(s.replace(',', '.'));
}

/** Whole đồng, with or without thousands separators (1.500.000 or 1,500,000). */
function readMoney(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return v;
  const s = text(v).replace(/[\s.,]/g, '');
  if (s === '') return null;
  return /^\d+$/.test(s) ? Number(s) : NaN;
}

const yes = (v: CellValue | undefined) => {
  if (v === true) return true;
  const s = fold(text(v));
  return ['x', 'co', 'yes', '1', 'true'].includes(s);
};

function readCategory(v: CellValue | undefined): PersonCategory | null {
  const s = fold(text(v));
  if ((CATEGORIES as readonly string[]).includes(s)) return s as PersonCategory;
  for (const c of CATEGORIES) {
    const w = CATEGORY_WORDS[c];
    if (fold(w.vi) === s || fold(w.en) === s || w.also.includes(s)) return c;
  }
  return null;
}

/** Reads one data row: the person, or every reason it cannot be taken. */
export function readRow(r: SheetRow): PersonRow | RowProblem {
  const c = r.cells;
  const reasons: Message[] = [];
  const bad = (vi: string, en: string) => reasons.push({ vi, en });

  const fullName = text(c[2]).replace(/\s+/g, ' ');
  if (!fullName) bad('thiếu họ và tên', 'the full name is missing');
  else if (fullName.length > 200) bad('họ và tên dài quá 200 ký tự', 'the full name is longer than 200 characters');

  const birth = readDate(c[3]);
  if (birth === null) bad('thiếu ngày sinh', 'the birth date is missing');
  else if (typeof birth === 'object') bad(`ngày sinh ${birth.vi}`, `birth date ${birth.en}`);
  else if (birth < '1940-01-01' || birth > '2010-12-31')
    bad(`ngày sinh ${birth} không hợp lý cho người đang làm việc`, `birth date ${birth} is not plausible for a worker`);

  const sexWord = fold(text(c[4]));
  const sex = ['nam', 'm', 'male'].includes(sexWord) ? 'm' : ['nu', 'f', 'female'].includes(sexWord) ? 'f' : null;
  if (!sex)
    bad(`giới tính "${text(c[4])}" phải là Nam hoặc Nữ`, `sex "${text(c[4])}" must be Nam (male) or Nữ (female)`);

  const idNumber = text(c[5]).replace(/\s/g, '');
  if (!isIdNumber(idNumber))
    bad(
      `số định danh cá nhân phải gồm đúng 12 chữ số (nhận được ${idNumber.length} ký tự)`,
      `the personal ID number must be exactly 12 digits (got ${idNumber.length} characters)`,
    );

  const category = readCategory(c[6]);
  if (!category)
    bad(
      `đối tượng "${text(c[6])}" không thuộc: ${CATEGORIES.map((k) => CATEGORY_WORDS[k].vi).join('; ')}`,
      `category "${text(c[6])}" is not one of: ${CATEGORIES.map((k) => CATEGORY_WORDS[k].en).join('; ')}`,
    );

  const salaryCoef = readDecimal(c[9]);
  if (salaryCoef === null) bad('thiếu hệ số lương', 'the salary coefficient is missing');
  else if (!(salaryCoef > 0 && salaryCoef < 100) || Number(salaryCoef.toFixed(2)) !== salaryCoef)
    bad(
      `hệ số lương "${text(c[9])}" phải là số dương dưới 100, tối đa 2 chữ số thập phân`,
      `salary coefficient "${text(c[9])}" must be positive, below 100, with at most 2 decimals`,
    );
  const allowance = readDecimal(c[10]) ?? 0;
  if (!(allowance >= 0 && allowance < 100) || Number(allowance.toFixed(2)) !== allowance)
    bad(
      `hệ số phụ cấp chức vụ "${text(c[10])}" phải là số từ 0 đến dưới 100, tối đa 2 chữ số thập phân`,
      `position allowance coefficient "${text(c[10])}" must be 0 to below 100 with at most 2 decimals`,
    );
  const other = readMoney(c[11]) ?? 0;
  if (!Number.isSafeInteger(other) || other < 0 || other > 1_000_000_000)
    bad(
      `phụ cấp khác "${text(c[11])}" phải là số đồng nguyên từ 0 đến 1.000.000.000`,
      `other allowances "${text(c[11])}" must be whole đồng from 0 to 1,000,000,000`,
    );

  const years = readDecimal(c[12]);
  const months = readDecimal(c[13]) ?? 0;
  if (years === null) bad('thiếu số năm đóng BHXH bắt buộc', 'the years of compulsory social insurance are missing');
  else if (!Number.isInteger(years) || years < 0 || years > 60)
    bad(`số năm BHXH "${text(c[12])}" phải là số nguyên từ 0 đến 60`, `insurance years "${text(c[12])}" must be 0–60`);
  if (!Number.isInteger(months) || months < 0 || months > 11)
    bad(`số tháng lẻ BHXH "${text(c[13])}" phải từ 0 đến 11`, `insurance months "${text(c[13])}" must be 0–11`);

  const child = readDate(c[17]);
  if (child !== null && typeof child === 'object') bad(`ngày sinh con ${child.vi}`, `child's birth date ${child.en}`);

  if (reasons.length > 0) return { row: r.row, reasons };
  return {
    row: r.row,
    unitCode: text(c[1]) || null,
    fullName,
    birthDate: birth as string,
    sex: sex!,
    idNumber,
    category: category!,
    position: text(c[7]) || null,
    rank: text(c[8]) || null,
    salaryCoef: salaryCoef!,
    positionAllowanceCoef: allowance,
    otherAllowancesVnd: other,
    siMonths: years! * 12 + months,
    ethnicMinority: yes(c[14]),
    religious: yes(c[15]),
    pregnantOrMaternity: yes(c[16]),
    youngestChildBirth: (child as string | null) ?? null,
    underDiscipline: yes(c[18]),
  };
}

/** Every data row read (row 1 is the header); an ID number twice in the file is a problem on both rows. */
export function readRows(rows: SheetRow[]): ReadSheet {
  const people: PersonRow[] = [];
  const problems: RowProblem[] = [];
  for (const r of rows) {
    if (r.row === 1) continue;
    if (r.cells.every((v) => text(v) === '')) continue;
    const got = readRow(r);
    if ('reasons' in got) problems.push(got);
    else people.push(got);
  }
  const seen = new Map<string, number>();
  for (const p of people) {
    const first = seen.get(p.idNumber);
    if (first !== undefined)
      problems.push({
        row: p.row,
        reasons: [
          {
            vi: `số định danh cá nhân trùng với dòng ${first}`,
            en: `the personal ID number repeats row ${first}`,
          },
        ],
      });
    else seen.set(p.idNumber, p.row);
  }
  problems.sort((a, b) => a.row - b.row);
  const badRows = new Set(problems.map((p) => p.row));
  return { people: people.filter((p) => !badRows.has(p.row)), problems };
}

export const REGISTER_LIMITS: UploadLimits = {
  bytes: 20 * 1024 * 1024,
  rows: 100_000,
  cells: 100_000 * COLUMNS.length,
  unpackedBytes: 200 * 1024 * 1024,
  columns: COLUMNS.length,
  entries: 200,
};

export async function readRegisterFile(bytes: Buffer): Promise<ReadSheet> {
  const sheet = await readXlsxSheet(bytes, { columns: COLUMNS.length, limits: REGISTER_LIMITS });
  return readRows(sheet.rows);
}

export function readRegisterFileOffLoop(bytes: Buffer): Promise<ReadSheet> {
  return runOffLoop<ReadSheet>(new URL(import.meta.url), 'readRegisterFile', [bytes]);
}
