// Hostile workbooks for tests, written byte by byte: a zip whose sheet XML
// unzips to hundreds of megabytes from a few hundred kilobytes ("zip bomb"),
// optionally with a directory that lies about the unzipped size. Built by
// deflating one repeated chunk as a stream, so the test never holds the
// unzipped XML in memory.
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer | string;
}
export interface RepeatedPart {
  name: string;
  head: string;
  chunk: string;
  times: number;
  tail: string;
}

interface Written {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
}

async function deflate(pieces: Iterable<Buffer>): Promise<Written & { name: '' }> {
  // Run-length deflate: a megabyte of one letter becomes about a kilobyte, in milliseconds.
  const d = zlib.createDeflateRaw({ level: 9, strategy: zlib.constants.Z_RLE });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => {
    d.on('end', resolve);
    d.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const p of pieces) {
    crc = zlib.crc32(p, crc);
    size += p.length;
    if (!d.write(p)) await new Promise((resolve) => d.once('drain', resolve));
  }
  d.end();
  await done;
  return { name: '', deflated: Buffer.concat(out), crc, size };
}

function* repeated(p: RepeatedPart): Iterable<Buffer> {
  yield Buffer.from(p.head);
  const chunk = Buffer.from(p.chunk);
  for (let i = 0; i < p.times; i++) yield chunk;
  yield Buffer.from(p.tail);
}

/** A zip of `parts`; `declare` overrides the unzipped size written in the directory (a lying zip). */
export async function zipOf(parts: (ZipPart | RepeatedPart)[], declare: Record<string, number> = {}): Promise<Buffer> {
  const files: Written[] = [];
  for (const p of parts) {
    const w = await deflate('data' in p ? [Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data)] : repeated(p));
    files.push({ ...w, name: p.name });
  }
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const size = declare[f.name] ?? f.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(f.crc >>> 0, 14);
    local.writeUInt32LE(f.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, f.deflated);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(f.crc >>> 0, 16);
    c.writeUInt32LE(f.deflated.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + f.deflated.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook has around its one sheet. */
export function workbookParts(sheetName = 'Sheet1'): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
  ];
}

/** A sheet of `rows` rows, each holding `row(i)` (cells XML), as a repeated part when every row is alike. */
export function sheetPart(rows: number, cells: string): RepeatedPart {
  return {
    name: 'xl/worksheets/sheet1.xml',
    head: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`,
    chunk: `<row>${cells}</row>`,
    times: rows,
    tail: '</sheetData></worksheet>',
  };
}

/** An .xlsx of a few hundred kilobytes whose sheet unzips to `megabytes` MB (one cell of a million letters per row). */
export function xlsxBomb(megabytes: number, declare?: number): Promise<Buffer> {
  const sheet = sheetPart(megabytes, `<c t="inlineStr"><is><t>${'A'.repeat(1024 * 1024)}</t></is></c>`);
  return zipOf([...workbookParts(), sheet], declare === undefined ? {} : { [sheet.name]: declare });
}
