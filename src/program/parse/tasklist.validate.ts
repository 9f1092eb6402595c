// Checks every row of an imported task list and reports ALL problems with their
// sheet row and column; a list with any problem yields no rows at all, so an
// import never saves half a file.
import type { Message } from '../../platform/errors.ts';
import type { Period } from '../program.types.ts';
import { impossibleDateMessage, impossibleDates } from './date.check.ts';
import { DeadlineParseError, parseDeadline } from './deadline.ts';
import { isIsoDate } from './deadline.periods.ts';
import { MONEY_MAX_VND, dateProblem } from '../../platform/schemas.ts';
import {
  COLUMNS,
  FUNDING_NAMES,
  LIST_SEPARATOR,
  OUTPUT_NAMES,
  type ColumnKey,
  type ImportedTaskRow,
  type TaskListError,
} from './tasklist.template.ts';

export type RawRow = { sheetRow: number; cells: Partial<Record<ColumnKey, unknown>> };
export type TaskListResult = { ok: true; rows: ImportedTaskRow[] } | { ok: false; errors: TaskListError[] };

const FIX_IN_FILE = { vi: 'Hãy sửa trong tệp rồi gửi lại.', en: 'Correct it in the file and send it again.' };

const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;
const header = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;

/** A cell's value as trimmed text (null when empty); dates as 'YYYY-MM-DD'. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10); // ExcelJS reads dates as UTC
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return cellText(v.richText.map((r) => r.text).join(''));
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
  }
  const text = String(value).trim();
  return text === '' ? null : text;
}

const list = (text: string | null) =>
  (text ?? '')
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function amount(value: unknown): number | null | Message {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0
      ? withinMoney(value)
      : {
          vi: `${value} không phải số nguyên đồng không âm`,
          en: `${value} is not a whole, non-negative number of đồng`,
        };
  }
  const text = cellText(value);
  if (text === null) return null;
  if (/^\d+$/.test(text) || /^\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$/.test(text))
    return withinMoney(Number(text.replace(/[.,\s]/g, '')));
  return {
    vi: `"${text}" không phải số nguyên đồng không âm`,
    en: `"${text}" is not a whole, non-negative number of đồng`,
  };
}

/** The limit of any funding line (platform/schemas.ts says why). */
const withinMoney = (n: number): number | Message =>
  n <= MONEY_MAX_VND
    ? n
    : {
        vi: `${n.toLocaleString('vi-VN')} đồng vượt mức tối đa ${MONEY_MAX_VND.toLocaleString('vi-VN')} đồng của một dòng kinh phí`,
        en: `${n.toLocaleString('en-US')} đồng is above the ${MONEY_MAX_VND.toLocaleString('en-US')} đồng limit of a funding line`,
      };

export function validateRows(raw: RawRow[], options: { referenceDate?: string } = {}): TaskListResult {
  const errors: TaskListError[] = [];
  const fail = (row: number, key: ColumnKey | null, message: Message) =>
    errors.push({ row, column: key && header(key), message });
  const rows: ImportedTaskRow[] = [];
  const firstRowOf = new Map<string, number>();

  for (const { sheetRow, cells } of raw) {
    const text = (key: ColumnKey) => cellText(cells[key]);
    const code = text('code') ?? '';
    if (code === '') fail(sheetRow, 'code', { vi: 'Thiếu mã nhiệm vụ.', en: 'The task code is missing.' });
    else if (!CODE.test(code))
      fail(sheetRow, 'code', {
        vi: `Mã "${code}" chỉ được gồm chữ, số, dấu chấm, gạch ngang (tối đa 64 ký tự).`,
        en: `Code "${code}" may hold only letters, digits, dots and hyphens (64 at most).`,
      });
    else if (firstRowOf.has(code))
      fail(sheetRow, 'code', {
        vi: `Mã "${code}" trùng với dòng ${firstRowOf.get(code)}.`,
        en: `Code "${code}" repeats row ${firstRowOf.get(code)}.`,
      });
    else firstRowOf.set(code, sheetRow);

    const [titleVi, titleEn] = [text('titleVi'), text('titleEn')];
    if (!titleVi && !titleEn)
      fail(sheetRow, 'titleVi', {
        vi: 'Cần tên tiếng Việt hoặc tiếng Anh.',
        en: 'A Vietnamese or English title is required.',
      });
    // A date that does not exist in a title is a slip like one in the deadline column: listed, never guessed.
    for (const [key, title] of [
      ['titleVi', titleVi],
      ['titleEn', titleEn],
    ] as const) {
      for (const d of impossibleDates(title ?? '')) fail(sheetRow, key, impossibleDateMessage(d, FIX_IN_FILE));
    }

    const deadlinePhrase = text('deadlinePhrase');
    let deadline: Period | null = null;
    if (deadlinePhrase) {
      try {
        deadline = parseDeadline(deadlinePhrase, options);
      } catch (e) {
        if (!(e instanceof DeadlineParseError)) throw e;
        fail(sheetRow, 'deadlinePhrase', e.detail);
      }
    }

    const start = text('start');
    const startProblem = start ? dateProblem(start) : null;
    if (start && !isIsoDate(start))
      fail(sheetRow, 'start', {
        vi: `Ngày bắt đầu "${start}" phải có dạng NNNN-TT-NN.`,
        en: `Start "${start}" must be a real date written YYYY-MM-DD.`,
      });
    else if (startProblem)
      fail(sheetRow, 'start', { vi: `Ngày bắt đầu: ${startProblem.vi}.`, en: `Start: ${startProblem.en}.` });
    else if (start && deadline && start > deadline.end)
      fail(sheetRow, 'start', {
        vi: `Ngày bắt đầu ${start} sau hạn hoàn thành ${deadline.end}.`,
        en: `Start ${start} is after the deadline ${deadline.end}.`,
      });

    const fundingText = text('fundingSource');
    const fundingSource = fundingText ? (FUNDING_NAMES[fundingText.toLowerCase()] ?? null) : null;
    if (fundingText && !fundingSource)
      fail(sheetRow, 'fundingSource', {
        vi: `Không có nguồn kinh phí "${fundingText}".`,
        en: `There is no funding source "${fundingText}".`,
      });

    const [required, allocated] = [amount(cells.amountRequired), amount(cells.amountAllocated)];
    if (required !== null && typeof required === 'object') fail(sheetRow, 'amountRequired', required);
    if (allocated !== null && typeof allocated === 'object') fail(sheetRow, 'amountAllocated', allocated);

    const outputs = list(text('outputKinds'));
    for (const o of outputs.filter((o) => !OUTPUT_NAMES[o.toLowerCase()])) {
      fail(sheetRow, 'outputKinds', { vi: `Không có loại sản phẩm "${o}".`, en: `There is no output kind "${o}".` });
    }

    rows.push({
      sheetRow,
      code,
      parentCode: text('parentCode'),
      titleVi,
      titleEn,
      leadAgency: text('leadAgency'),
      coordinatingAgencies: list(text('coordinatingAgencies')),
      deadlinePhrase,
      deadline,
      start,
      fundingSource,
      amountRequired: typeof required === 'number' ? required : null,
      amountAllocated: typeof allocated === 'number' ? allocated : null,
      outputKinds: [...new Set(outputs.map((o) => OUTPUT_NAMES[o.toLowerCase()]).filter(Boolean))],
      tags: list(text('tags')),
    });
  }
  checkParents(rows, fail);
  if (raw.length === 0) fail(1, null, { vi: 'Tệp không có nhiệm vụ nào.', en: 'The file holds no tasks.' });
  errors.sort((a, b) => a.row - b.row);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

function checkParents(rows: ImportedTaskRow[], fail: (row: number, key: ColumnKey | null, m: Message) => void) {
  const parentOf = new Map(rows.map((r) => [r.code, r.parentCode]));
  for (const r of rows) {
    if (!r.parentCode) continue;
    if (!parentOf.has(r.parentCode)) {
      fail(r.sheetRow, 'parentCode', {
        vi: `Không có dòng nào mang mã cấp trên "${r.parentCode}".`,
        en: `No row has the parent code "${r.parentCode}".`,
      });
      continue;
    }
    // Walk up: meeting a code twice means a loop (A under B under A).
    const seen = new Set<string>([r.code]);
    for (let p: string | null | undefined = r.parentCode; p; p = parentOf.get(p)) {
      if (seen.has(p)) {
        fail(r.sheetRow, 'parentCode', {
          vi: `Chuỗi mã cấp trên của "${r.code}" tạo thành vòng lặp.`,
          en: `The parent codes above "${r.code}" run in a loop.`,
        });
        break;
      }
      seen.add(p);
    }
  }
}
