// Limits on an uploaded file and the refusal a person reads when one is
// crossed: which limit, its value and the file's own figure, in Vietnamese and
// English, as problem+json 413 (so a client can tell "too big" from "wrong").
// Every heavy upload has all of them; the defaults fit the largest real files
// (a national Appendix IA table has ~3,500 rows; a program ~2,000 tasks) many
// times over, and refuse what would take the server's memory or time.
import { AppError, type Message } from '../errors.ts';

export interface UploadLimits {
  /** Bytes of the file as sent. */
  bytes: number;
  /** Data rows (CSV records or sheet rows holding a value). */
  rows: number;
  /** Cells holding a value, over the whole file. */
  cells: number;
  /** Cells in one CSV record (a spreadsheet row keeps only the template's columns). */
  columns: number;
  /** Bytes once a workbook's parts are unzipped (an .xlsx is a zip of XML files). */
  unpackedBytes: number;
  /** Files inside a workbook's zip. */
  entries: number;
}

export const TABLE_LIMITS: UploadLimits = {
  bytes: 10 * 1024 * 1024,
  rows: 20_000,
  cells: 400_000,
  columns: 100,
  unpackedBytes: 50 * 1024 * 1024,
  entries: 1_000,
};

export type LimitName = keyof UploadLimits | 'characters';

const LABEL: Record<LimitName, Message> = {
  bytes: { vi: 'dung lượng tệp', en: 'file size' },
  rows: { vi: 'số dòng dữ liệu', en: 'data rows' },
  cells: { vi: 'số ô có dữ liệu', en: 'cells holding a value' },
  columns: { vi: 'số cột trong một dòng', en: 'cells in one row' },
  unpackedBytes: { vi: 'dung lượng khi giải nén', en: 'size once unzipped' },
  entries: { vi: 'số tệp bên trong tệp Excel', en: 'files inside the workbook' },
  characters: { vi: 'số ký tự', en: 'characters' },
};

const ADVICE: Message = {
  vi: 'Hãy chia thành nhiều tệp nhỏ hơn hoặc bỏ các dòng, trang tính không cần thiết rồi gửi lại.',
  en: 'Split it into smaller files or remove the rows and sheets that are not needed, then send it again.',
};

const BYTE_LIMITS = new Set<LimitName>(['bytes', 'unpackedBytes']);

function figure(n: number, limit: LimitName, lang: 'vi' | 'en'): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  if (!BYTE_LIMITS.has(limit)) return n.toLocaleString(locale);
  const mb = n / (1024 * 1024);
  return `${mb.toLocaleString(locale, { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}

export interface OverLimit {
  limit: LimitName;
  max: number;
  /** The file's figure; with `atLeast`, reading stopped there, so the file holds at least this much. */
  figure: number;
  atLeast?: boolean;
  /** The figure is the request's size (a multipart body holds a little more than the file). */
  approx?: boolean;
  /** Where reading stopped, for a person to look (a CSV line, a sheet row). */
  at?: { line?: number; row?: number };
}

/** The refusal for a crossed limit: 413 problem+json naming the limit, its value and the file's figure. */
export function tooLarge(o: OverLimit): AppError {
  const f = (lang: 'vi' | 'en') => figure(o.figure, o.limit, lang);
  const m = (lang: 'vi' | 'en') => figure(o.max, o.limit, lang);
  const whereVi = o.at?.line
    ? ` (đã dừng đọc ở dòng ${o.at.line.toLocaleString('vi-VN')})`
    : o.at?.row
      ? ` (đã dừng đọc ở dòng ${o.at.row.toLocaleString('vi-VN')} của trang tính)`
      : '';
  const whereEn = o.at?.line
    ? ` (reading stopped at line ${o.at.line.toLocaleString('en-GB')})`
    : o.at?.row
      ? ` (reading stopped at sheet row ${o.at.row.toLocaleString('en-GB')})`
      : '';
  return new AppError(
    413,
    'upload-too-large',
    { vi: 'Tệp vượt giới hạn', en: 'File over a limit' },
    {
      vi: `Tệp vượt giới hạn ${LABEL[o.limit].vi}: tệp có ${o.atLeast ? 'ít nhất ' : o.approx ? 'khoảng ' : ''}${f('vi')}, giới hạn là ${m('vi')}${whereVi}. ${ADVICE.vi}`,
      en: `The file is over the limit on ${LABEL[o.limit].en}: it has ${o.atLeast ? 'at least ' : o.approx ? 'about ' : ''}${f('en')}, the limit is ${m('en')}${whereEn}. ${ADVICE.en}`,
    },
    { limit: o.limit, max: o.max, figure: o.figure, atLeast: o.atLeast ?? false, ...(o.at ?? {}) },
  );
}
