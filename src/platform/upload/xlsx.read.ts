// Reads one sheet of an uploaded .xlsx as rows of cell values, with limits on
// what it unpacks and reads. An .xlsx is a zip of XML files: a few kilobytes can
// unzip to gigabytes ("zip bomb"), and loading a workbook whole (ExcelJS's
// load) builds every cell in memory first. So the zip's directory is read
// first (yauzl) and a workbook declaring more than the unpacked limit is refused
// before anything is inflated; every part is then inflated as a stream whose
// real size is checked against what it declared (yauzl stops a part that lies),
// and the sheet's XML goes through a streaming parser (saxes) that stops at the
// row or cell limit. Values come out as ExcelJS gives them (text, number,
// boolean, Date for date-formatted numbers, { error }), so callers read both alike.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { badRequest } from '../errors.ts';
import { tooLarge, type UploadLimits } from './limits.ts';

export type CellValue = string | number | boolean | Date | { error: string };
/** One sheet row holding at least one value; `cells[0]` is column A. */
export interface SheetRow {
  row: number;
  cells: (CellValue | undefined)[];
}
export interface XlsxSheet {
  names: string[];
  name: string;
  rows: SheetRow[];
}

export interface XlsxReadOptions {
  /** Sheet to read: this name if the workbook has it, else the first sheet. */
  sheet?: string;
  /** Columns kept per row (the template's); values further right are counted, not kept. */
  columns: number;
  limits: Pick<UploadLimits, 'rows' | 'cells' | 'unpackedBytes' | 'entries'>;
}

const unreadable = (why: string) =>
  badRequest({
    vi: `Tệp không phải bảng tính Excel (.xlsx) đọc được (${why}). Hãy mở bằng Excel và lưu lại dạng "Excel Workbook (.xlsx)".`,
    en: `The file is not a readable Excel (.xlsx) workbook (${why}). Open it in Excel and save it as "Excel Workbook (.xlsx)".`,
  });

/** Stops a streaming parse from inside its handlers. */
class Stop extends Error {
  constructor(readonly reason: Error) {
    super(reason.message);
  }
}

export async function readXlsxSheet(bytes: Buffer, options: XlsxReadOptions): Promise<XlsxSheet> {
  const { limits } = options;
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (err) {
    throw unreadable((err as Error).message);
  }
  try {
    if (zip.entryCount > limits.entries)
      throw tooLarge({ limit: 'entries', max: limits.entries, figure: zip.entryCount });
    const entries = new Map<string, Entry>();
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      entries.set(entry.fileName.replace(/^\//, ''), entry);
    }
    if (declared > limits.unpackedBytes)
      throw tooLarge({ limit: 'unpackedBytes', max: limits.unpackedBytes, figure: declared });

    // Nothing read below can exceed the declared total: yauzl stops a part that inflates to more than it declared.
    const part = (name: string) => entries.get(name);
    const workbookEntry = part('xl/workbook.xml');
    if (!workbookEntry) throw unreadable('no xl/workbook.xml');
    const workbook = await readWorkbook(await open(zip, workbookEntry));
    const rels = part('xl/_rels/workbook.xml.rels');
    const targets = rels ? await readRels(await open(zip, rels)) : new Map<string, string>();
    const chosen = workbook.sheets.find((s) => s.name === options.sheet) ?? workbook.sheets[0];
    if (!chosen) throw unreadable('no sheet');
    const target = targets.get(chosen.rid) ?? `worksheets/sheet${workbook.sheets.indexOf(chosen) + 1}.xml`;
    const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const sheetEntry = part(sheetPath);
    if (!sheetEntry) throw unreadable(`no ${sheetPath}`);
    const strings = part('xl/sharedStrings.xml');
    const shared = strings ? await readSharedStrings(await open(zip, strings)) : [];
    const stylesEntry = part('xl/styles.xml');
    const dateStyles = stylesEntry ? await readDateStyles(await open(zip, stylesEntry)) : new Set<number>();
    const rows = await readSheet(await open(zip, sheetEntry), {
      shared,
      dateStyles,
      date1904: workbook.date1904,
      columns: options.columns,
      limits,
    });
    return { names: workbook.sheets.map((s) => s.name), name: chosen.name, rows };
  } finally {
    zip.close();
  }
}

/** A part's inflated stream (yauzl checks it against the size the directory declared). */
async function open(zip: ZipFile, entry: Entry): Promise<Readable> {
  try {
    return await zip.openReadStreamPromise(entry);
  } catch (err) {
    throw unreadable((err as Error).message);
  }
}

/** Feeds a part's XML to saxes; the handlers may throw Stop to end early. */
async function parseXml(stream: Readable, setup: (parser: SaxesParser) => void): Promise<void> {
  const parser = new SaxesParser();
  setup(parser);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream) parser.write(decoder.write(chunk as Buffer));
    parser.write(decoder.end()).close();
  } catch (err) {
    stream.destroy();
    if (err instanceof Stop) throw err.reason;
    if ((err as { status?: number }).status) throw err;
    throw unreadable((err as Error).message.slice(0, 200));
  }
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

async function readWorkbook(stream: Readable) {
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  await parseXml(stream, (p) =>
    p.on('opentag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 'sheet') {
        const rid = Object.entries(tag.attributes).find(([k]) => local(k) === 'id' && k !== 'sheetId')?.[1] ?? '';
        sheets.push({ name: String(tag.attributes.name ?? ''), rid: String(rid) });
      } else if (name === 'workbookPr') {
        const v = String(tag.attributes.date1904 ?? '');
        date1904 = v === '1' || v === 'true';
      }
    }),
  );
  return { sheets, date1904 };
}

async function readRels(stream: Readable): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await parseXml(stream, (p) =>
    p.on('opentag', (tag: SaxesTagPlain) => {
      if (local(tag.name) === 'Relationship') out.set(String(tag.attributes.Id), String(tag.attributes.Target));
    }),
  );
  return out;
}

async function readSharedStrings(stream: Readable): Promise<string[]> {
  const out: string[] = [];
  let text: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  await parseXml(stream, (p) => {
    p.on('opentag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 'si') text = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && !phonetic) inT = !tag.isSelfClosing;
    });
    p.on('text', (t: string) => {
      if (inT && text) text.push(t);
    });
    p.on('closetag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && text) {
        out.push(text.join(''));
        text = null;
      }
    });
  });
  return out;
}

// Built-in number formats that show a date (ExcelJS reads the same ones as dates).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const isDateFormat = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Indexes of the cell formats (cellXfs) that show numbers as dates. */
async function readDateStyles(stream: Readable): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await parseXml(stream, (p) => {
    p.on('opentag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = !tag.isSelfClosing;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(tag.attributes.numFmtId ?? 0));
    });
    p.on('closetag', (tag: SaxesTagPlain) => {
      if (local(tag.name) === 'cellXfs') inCellXfs = false;
    });
  });
  const out = new Set<number>();
  xfs.forEach((id, index) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) out.add(index);
  });
  return out;
}

const excelToDate = (v: number, date1904: boolean) =>
  new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/** "BC12" → 54 (0-based column); NaN when the reference has no letters. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return i === 0 ? NaN : n - 1;
}

interface SheetContext {
  shared: string[];
  dateStyles: Set<number>;
  date1904: boolean;
  columns: number;
  limits: XlsxReadOptions['limits'];
}

async function readSheet(stream: Readable, ctx: SheetContext): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  let cellCount = 0;
  let rowNo = 0;
  let cells: (CellValue | undefined)[] | null = null;
  let hasValue = false;
  let col = -1;
  let cell: { type: string; style: number } | null = null;
  let text: string[] = [];
  let collecting = false;
  let inInline = false;
  let phonetic = 0;

  const value = (raw: string, c: { type: string; style: number }): CellValue | undefined => {
    switch (c.type) {
      case 's':
        return ctx.shared[Number(raw)] ?? '';
      case 'str':
      case 'inlineStr':
        return raw;
      case 'b':
        return raw === '1' || raw === 'true';
      case 'e':
        return { error: raw };
      case 'd': {
        const d = new Date(raw);
        return Number.isNaN(d.getTime()) ? raw : d;
      }
      default: {
        if (raw.trim() === '') return undefined;
        const n = Number(raw);
        if (Number.isNaN(n)) return raw;
        return ctx.dateStyles.has(c.style) ? excelToDate(n, ctx.date1904) : n;
      }
    }
  };

  await parseXml(stream, (p) => {
    p.on('opentag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 'row') {
        const r = Number(tag.attributes.r);
        rowNo = Number.isInteger(r) && r > 0 ? r : rowNo + 1;
        cells = [];
        hasValue = false;
        col = -1;
      } else if (name === 'c' && cells) {
        const at = columnOf(String(tag.attributes.r ?? ''));
        col = Number.isNaN(at) ? col + 1 : at;
        cell = { type: String(tag.attributes.t ?? 'n'), style: Number(tag.attributes.s ?? 0) };
        text = [];
      } else if (cell && (name === 'v' || (name === 't' && inInline && !phonetic))) {
        collecting = !tag.isSelfClosing;
      } else if (name === 'is') {
        inInline = true;
      } else if (name === 'rPh') {
        phonetic++;
      }
    });
    p.on('text', (t: string) => {
      if (collecting) text.push(t);
    });
    p.on('closetag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 'v' || name === 't') collecting = false;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell && cells) {
        const v = value(text.join(''), cell);
        if (v !== undefined && v !== '') {
          if (++cellCount > ctx.limits.cells)
            throw new Stop(
              tooLarge({ limit: 'cells', max: ctx.limits.cells, figure: cellCount, atLeast: true, at: { row: rowNo } }),
            );
          if (col < ctx.columns) cells[col] = v;
          hasValue = true;
        }
        cell = null;
      } else if (name === 'row' && cells) {
        if (hasValue) {
          if (rows.length >= ctx.limits.rows)
            throw new Stop(
              tooLarge({
                limit: 'rows',
                max: ctx.limits.rows,
                figure: rows.length + 1,
                atLeast: true,
                at: { row: rowNo },
              }),
            );
          rows.push({ row: rowNo, cells });
        }
        cells = null;
      }
    });
  });
  return rows;
}
