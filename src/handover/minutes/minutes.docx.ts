// The handover minutes (biên bản bàn giao) as a Word document in the State's administrative layout
// (Decree 30/2020/NĐ-CP, Appendix I): issuing body beside the national title and motto, number, place
// and date, the document's name and summary, the body, the signatures. The run, paragraph and table
// helpers are the annual report's (src/program/annual/annual.docx.ts). Made from the counted lines;
// the SHA-256 of the line list is printed in the document, the document's own is stored beside it.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { noBorders, para, run } from '../../program/annual/annual.docx.ts';
import type { LineOut } from '../handover.schemas.ts';

export interface MinutesData {
  number: string;
  date: string; // YYYY-MM-DD: the day the minutes are drawn up
  place: string;
  fromName: string;
  effectiveDate: string;
  legalBasis: string | null;
  version: number;
  receivers: { id: number; name: string }[];
  lines: LineOut[];
  linesSha256: string;
}

const KINDS: { kind: LineOut['kind']; vi: string }[] = [
  { kind: 'record', vi: 'Hồ sơ, tài liệu' },
  { kind: 'seal', vi: 'Con dấu, thiết bị chữ ký số' },
  { kind: 'asset', vi: 'Trụ sở, tài sản' },
  { kind: 'business', vi: 'Công việc, hồ sơ đang giải quyết' },
  { kind: 'account', vi: 'Tài khoản, số dư, quyết toán' },
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
const COUNT_VI: Record<LineOut['countState'], string> = {
  pending: 'Chưa kiểm đếm',
  received: 'Đã nhận',
  missing: 'Thiếu',
  damaged: 'Hư hỏng',
  disputed: 'Có ý kiến khác',
};
const CONDITION_VI: Record<string, string> = {
  good: 'Tốt',
  worn: 'Cũ',
  damaged: 'Hư hỏng',
  incomplete: 'Không đầy đủ',
  unknown: 'Chưa rõ',
};
const dmy = (iso: string) => iso.split('-').reverse().join('/');
/** 1234567 → "1.234.567" (Vietnamese grouping), exact for any length. */
export const dong = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

function quantity(l: LineOut): string {
  if (l.kind === 'record') return l.pages != null ? `${l.pages} tr. (số hóa ${l.pagesDigitised ?? 0})` : '';
  if (l.amountVnd != null) return `${dong(l.amountVnd)} đ`;
  if (l.legalDeadline) return `hạn ${dmy(l.legalDeadline)}`;
  return '';
}

/**
 * The lines' table. Its cells are plain paragraphs in the document's default font (set once in the
 * document's styles) rather than the annual report's styled cells: with thousands of lines, building
 * seven styled runs per row made a 5,000-line minutes take over 10 s; plain cells take a third of that.
 */
function lineTable(header: string[], rows: (string | number)[][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map(
          (h) => new TableCell({ children: [para([run(h, { bold: true, size: 12 })], { after: 0 })] }),
        ),
      }),
      ...rows.map(
        (r) => new TableRow({ children: r.map((v) => new TableCell({ children: [new Paragraph(String(v))] })) }),
      ),
    ],
  });
}

function heading(d: MinutesData) {
  const [y, m, day] = d.date.split('-');
  const cellOf = (children: ReturnType<typeof para>[], pct: number) =>
    new TableCell({ width: { size: pct, type: WidthType.PERCENTAGE }, children });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cellOf(
            [
              para([run(`ỦY BAN NHÂN DÂN`, { size: 13 })], { align: AlignmentType.CENTER, after: 0 }),
              para([run(d.fromName.toUpperCase(), { bold: true, size: 13 })], {
                align: AlignmentType.CENTER,
                after: 0,
              }),
              para([run(`Số: ${d.number}`, { size: 13 })], { align: AlignmentType.CENTER }),
            ],
            45,
          ),
          cellOf(
            [
              para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13 })], {
                align: AlignmentType.CENTER,
                after: 0,
              }),
              para([run('Độc lập - Tự do - Hạnh phúc', { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
              para([run(`${d.place}, ngày ${day} tháng ${m} năm ${y}`, { italics: true })], {
                align: AlignmentType.CENTER,
              }),
            ],
            55,
          ),
        ],
      }),
    ],
  });
}

function signatures() {
  const side = (title: string) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: [
        para([run(title, { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
        para([run('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true })], { align: AlignmentType.CENTER, after: 1200 }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [new TableRow({ children: [side('ĐẠI DIỆN BÊN GIAO'), side('ĐẠI DIỆN BÊN NHẬN')] })],
  });
}

export async function minutesDocx(d: MinutesData): Promise<Buffer> {
  const receiverName = new Map(d.receivers.map((r) => [r.id, r.name]));
  const outstanding = d.lines.filter((l) => l.countState !== 'received');
  const sections = KINDS.flatMap(({ kind, vi }, i) => {
    const rows = d.lines.filter((l) => l.kind === kind);
    if (rows.length === 0) return [];
    const total = rows.reduce((s, l) => s + BigInt(l.amountVnd ?? '0'), 0n);
    return [
      para([
        run(
          `${ROMAN[i]}. ${vi.toUpperCase()} (${rows.length} dòng${total !== 0n ? `, tổng giá trị ${dong(total.toString())} đồng` : ''})`,
          { bold: true },
        ),
      ]),
      lineTable(
        ['STT', 'Nội dung', 'Số lượng, giá trị', 'Tình trạng', 'Nơi lưu giữ', 'Bên nhận', 'Kiểm đếm'],
        rows.map((l, n) => [
          n + 1,
          l.masked ? `${l.title} (tài liệu mật)` : l.title,
          quantity(l),
          CONDITION_VI[l.condition] ?? l.condition,
          l.location ?? '',
          (l.receiverUnitId ? (receiverName.get(l.receiverUnitId) ?? `đơn vị ${l.receiverUnitId}`) : '') +
            (l.receiverReason ? ` (lý do: ${l.receiverReason})` : ''),
          COUNT_VI[l.countState] + (l.countNote ? `: ${l.countNote}` : ''),
        ]),
      ),
    ];
  });
  const body = [
    heading(d),
    para([run('BIÊN BẢN', { bold: true, size: 16 })], { align: AlignmentType.CENTER, after: 0 }),
    para([run(`Bàn giao hồ sơ, tài liệu, con dấu, tài sản và công việc của ${d.fromName}`, { bold: true })], {
      align: AlignmentType.CENTER,
      after: 0,
    }),
    para([run(`(phiên bản ${d.version})`, { italics: true })], { align: AlignmentType.CENTER, after: 240 }),
    para(
      [
        run(
          `Căn cứ ${d.legalBasis ?? 'quyết định sắp xếp đơn vị hành chính'}; ${d.fromName} kết thúc hoạt động từ ngày ${dmy(d.effectiveDate)}.`,
        ),
      ],
      { indent: true },
    ),
    para([run(`Bên giao: ${d.fromName}.`)], { indent: true }),
    para(
      [run(`Bên nhận: ${d.receivers.map((r) => r.name).join('; ') || '(không có đơn vị kế thừa trong danh mục)'}.`)],
      { indent: true },
    ),
    para([run(`Hai bên đã kiểm đếm từng dòng của danh mục dưới đây (${d.lines.length} dòng), kết quả như sau:`)], {
      indent: true,
    }),
    ...sections,
    para([run('KẾT LUẬN', { bold: true })]),
    para(
      [
        run(
          outstanding.length === 0
            ? 'Bên nhận đã nhận đủ mọi dòng của danh mục.'
            : `Còn ${outstanding.length} dòng chưa nhận đủ (thiếu, hư hỏng hoặc có ý kiến khác): ${outstanding
                .map((l) => `«${l.title}»`)
                .slice(0, 50)
                .join(
                  ', ',
                )}${outstanding.length > 50 ? '…' : ''}. Hai bên tiếp tục xử lý và ghi vào phiên bản đính chính của biên bản.`,
        ),
      ],
      { indent: true },
    ),
    para([run(`Mã kiểm tra danh mục (SHA-256): ${d.linesSha256}`, { size: 11 })]),
    para([run('Biên bản được lập thành các bản có giá trị như nhau, mỗi bên giữ một bản.')], { indent: true }),
    signatures(),
  ];
  const doc = new Document({
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    creator: 'Apparatus',
    title: `Biên bản bàn giao ${d.number}`,
    sections: [
      { properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children: body },
    ],
  });
  return Packer.toBuffer(doc);
}
