// CSV reading for every module, through csv-parse (maintained, RFC 4180):
// quoted cells may span lines and hold `""`, a UTF-8 BOM is dropped, CRLF, LF
// or CR end a record, blank lines are skipped. Every record keeps the 1-based
// line where it starts, so a report can point a person at the line to look at.
// A syntax error is a problem with its line, never an exception: the records
// before it are kept. Limits stop reading early (an upload of a million rows
// is refused after the first rows over the limit, not after reading them all).
import { CsvError, parse } from 'csv-parse/sync';
import type { Message } from '../errors.ts';

export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  /** English, as the loaders' reports are; `messageVi` for people. */
  message: string;
  messageVi: string;
}

export interface CsvLimits {
  /** Records (the header included) read at most; one more sets `overLimit`. */
  maxRecords?: number;
  /** Cells in one record; a longer record is a problem and stops the reading. */
  maxColumns?: number;
  /** Characters in one record (a single 20 MB cell is refused while it is read). */
  maxRecordChars?: number;
}

export interface CsvParse {
  records: CsvRecord[];
  problems: CsvProblem[];
  /** Set when reading stopped at a limit: which one, and the figure reached. */
  overLimit?: { limit: 'records' | 'columns'; line: number; figure: number };
}

const MESSAGES: Record<string, Message> = {
  CSV_QUOTE_NOT_CLOSED: {
    vi: 'ô mở dấu ngoặc kép nhưng không bao giờ đóng; đọc đến hết tệp',
    en: 'quoted cell is never closed; read to end of file',
  },
  CSV_INVALID_CLOSING_QUOTE: {
    vi: 'sau dấu ngoặc kép đóng ô còn ký tự khác trước dấu phẩy',
    en: 'text follows the closing quote of a cell before the comma',
  },
  CSV_QUOTE_NOT_CLOSED_EOF: { vi: 'ô mở dấu ngoặc kép nhưng không bao giờ đóng', en: 'quoted cell is never closed' },
  CSV_MAX_RECORD_SIZE: { vi: 'một dòng dài hơn giới hạn cho phép', en: 'a record is longer than allowed' },
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: {
    vi: 'sau dấu ngoặc kép đóng ô còn ký tự khác',
    en: 'text follows the closing quote of a cell',
  },
};

/** Stops csv-parse from inside on_record when a limit is crossed. */
class Stop extends Error {}

const lineBreaks = (s: string) => s.match(/\r\n|\r|\n/g)?.length ?? 0;

export function parseCsv(input: string | Buffer, limits: CsvLimits = {}): CsvParse {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let overLimit: CsvParse['overLimit'];
  let lastEnd = 0; // the line the last record ended on
  try {
    parse(input, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: limits.maxRecordChars ?? 0,
      on_record: (cells: string[], context: { lines: number }) => {
        // csv-parse counts the line a record ends on; a quoted cell may span lines before it.
        const line =
          context.lines - cells.reduce((n, c) => n + (c.includes('\n') || c.includes('\r') ? lineBreaks(c) : 0), 0);
        if (limits.maxColumns !== undefined && cells.length > limits.maxColumns) {
          overLimit = { limit: 'columns', line, figure: cells.length };
          throw new Stop();
        }
        if (limits.maxRecords !== undefined && records.length >= limits.maxRecords) {
          overLimit = { limit: 'records', line, figure: records.length + 1 };
          throw new Stop();
        }
        records.push({ line, cells });
        lastEnd = context.lines;
        return null; // kept here, so csv-parse holds nothing
      },
    });
  } catch (err) {
    if (err instanceof Stop) return { records, problems, overLimit };
    if (!(err instanceof CsvError)) throw err;
    const m = MESSAGES[err.code] ?? { vi: `tệp CSV sai cú pháp (${err.code})`, en: err.message };
    // The error's line is where reading stopped; an unclosed quote is reported where its record starts.
    const e = err as CsvError & { lines: number };
    // csv-parse names the line where reading stopped (the file's end for an open quote): say where the record starts.
    const line =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? recordStartAfter(typeof input === 'string' ? input : input.toString('utf8'), lastEnd)
        : e.lines;
    problems.push({ line, message: m.en, messageVi: m.vi });
  }
  return { records, problems };
}

/** The first non-empty line after line `after` (csv-parse skips empty lines between records). */
function recordStartAfter(text: string, after: number): number {
  const re = /\r\n|\r|\n/g;
  let at = 0;
  for (let line = 1; line <= after && re.exec(text); line++) at = re.lastIndex;
  const blank = /^(?:\r\n|\r|\n)*/.exec(text.slice(at))![0];
  return after + 1 + lineBreaks(blank);
}

/** Records as objects keyed by a header row's names (trimmed); extra cells get `#n` keys. */
export function recordsToObjects(
  header: string[],
  records: CsvRecord[],
): { line: number; cells: Record<string, string> }[] {
  const names = header.map((h, i) => h.trim() || `#${i}`);
  return records.map((r) => {
    const cells: Record<string, string> = {};
    r.cells.forEach((value, i) => {
      cells[names[i] ?? `#${i}`] = value;
    });
    for (const name of names) if (!(name in cells)) cells[name] = '';
    return { line: r.line, cells };
  });
}
