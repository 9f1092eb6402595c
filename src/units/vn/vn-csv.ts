// A small RFC 4180 CSV reader (no dependency): quoted cells may span lines and contain `""`,
// a UTF-8 BOM is dropped, CRLF or LF. Every record keeps the 1-based line where it starts in
// the file, so reports can point a person at the exact line to look at.

export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvParse {
  records: CsvRecord[];
  problems: CsvProblem[];
}

const QUOTE = 34; // "
const COMMA = 44;
const LF = 10;
const CR = 13;

export function parseCsv(text: string): CsvParse {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const n = src.length;
  let line = 1;
  let i = 0;
  let cells: string[] = [];
  let recordLine = 1;

  while (i <= n) {
    // Read one cell starting at i.
    let cell: string;
    if (src.charCodeAt(i) === QUOTE) {
      const quoteLine = line;
      let parts = '';
      let start = ++i;
      for (;;) {
        const q = src.indexOf('"', i);
        if (q < 0) {
          problems.push({ line: quoteLine, message: 'quoted cell is never closed; read to end of file' });
          parts += src.slice(start);
          i = n;
          break;
        }
        if (src.charCodeAt(q + 1) === QUOTE) { parts += src.slice(start, q + 1); i = start = q + 2; continue; }
        parts += src.slice(start, q);
        i = q + 1;
        break;
      }
      for (let k = parts.indexOf('\n'); k >= 0; k = parts.indexOf('\n', k + 1)) line++;
      // Text after the closing quote up to the delimiter is kept (lenient, like spreadsheets).
      let j = i;
      while (j < n && src.charCodeAt(j) !== COMMA && src.charCodeAt(j) !== LF && src.charCodeAt(j) !== CR) j++;
      cell = parts + src.slice(i, j);
      i = j;
    } else {
      let j = i;
      while (j < n && src.charCodeAt(j) !== COMMA && src.charCodeAt(j) !== LF && src.charCodeAt(j) !== CR) j++;
      cell = src.slice(i, j);
      i = j;
    }
    cells.push(cell);

    const ch = i < n ? src.charCodeAt(i) : -1;
    if (ch === COMMA) { i++; continue; }
    // End of record (newline or end of input). A blank physical line is not a record.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    if (ch === -1) break;
    i += ch === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    recordLine = line;
  }
  return { records, problems };
}

/** Records as objects keyed by a header row's names (trimmed); extra cells get `#n` keys. */
export function recordsToObjects(header: string[], records: CsvRecord[]): { line: number; cells: Record<string, string> }[] {
  const names = header.map((h, i) => h.trim() || `#${i}`);
  return records.map((r) => {
    const cells: Record<string, string> = {};
    r.cells.forEach((value, i) => { cells[names[i] ?? `#${i}`] = value; });
    for (const name of names) if (!(name in cells)) cells[name] = '';
    return { line: r.line, cells };
  });
}
