// The annual implementation report as a Word document in the official layout
// (Decree 30/2020/NĐ-CP): issuing body and national/party heading side by side,
// place and date, the title "BÁO CÁO" with its subject, numbered sections, tables. The run, paragraph,
// and border helpers are shared with the handover minutes (src/handover/minutes/minutes.docx.ts).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { AnnualReportData } from './annual.service.ts';
import { RATING_LABELS, STATUS_LABELS, WARNING_LABELS } from './annual.service.ts';

const FONT = 'Times New Roman';
// run, para, table, noBorders and officialHeading are shared with the other Word documents (the consultation
// report, the handover minutes), so every document the platform issues has the State's layout.
export const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: (o.size ?? 14) * 2, bold: o.bold, italics: o.italics });
export const para = (
  children: TextRun[],
  o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; indent?: boolean } = {},
) =>
  new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: o.after ?? 120 },
    indent: o.indent ? { firstLine: 567 } : undefined,
  });
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const noBorders = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};

function cell(text: string | number, bold = false) {
  return new TableCell({
    children: [
      para([run(String(text), { bold, size: 12 })], {
        align: typeof text === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        after: 0,
      }),
    ],
  });
}

export function table(header: string[], rows: (string | number)[][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

const isParty = (body: string) => /đảng|ban chấp hành|bộ chính trị|trung ương/i.test(body);

const heading = (d: AnnualReportData) => officialHeading(d.program.issuing_body, d.asOf);

/** The issuing body and the national (or party) heading side by side, with place and date (Decree 30/2020/NĐ-CP). */
export function officialHeading(issuingBody: string, asOf: string) {
  const [y, m, day] = asOf.split('-');
  const right = isParty(issuingBody)
    ? [para([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 15 })], { align: AlignmentType.CENTER, after: 0 })]
    : [
        para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13 })], {
          align: AlignmentType.CENTER,
          after: 0,
        }),
        para([run('Độc lập - Tự do - Hạnh phúc', { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
      ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 45, type: WidthType.PERCENTAGE },
            children: [
              para([run(issuingBody.toUpperCase(), { bold: true, size: 13 })], {
                align: AlignmentType.CENTER,
                after: 0,
              }),
              para([run('*')], { align: AlignmentType.CENTER }),
            ],
          }),
          new TableCell({
            width: { size: 55, type: WidthType.PERCENTAGE },
            children: [
              ...right,
              para([run(`Hà Nội, ngày ${day} tháng ${m} năm ${y}`, { italics: true })], {
                align: AlignmentType.CENTER,
              }),
            ],
          }),
        ],
      }),
    ],
  });
}

export async function annualReportDocx(d: AnnualReportData): Promise<Buffer> {
  const n = d.national;
  const pct = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')}%`;
  const body = [
    heading(d),
    para([run('BÁO CÁO', { bold: true, size: 16 })], { align: AlignmentType.CENTER, after: 0 }),
    para([run(`Kết quả thực hiện Chương trình hành động năm ${d.year}`, { bold: true })], {
      align: AlignmentType.CENTER,
      after: 0,
    }),
    para([run(d.program.title_vi, { italics: true })], { align: AlignmentType.CENTER, after: 240 }),
    para([run('I. TÌNH HÌNH CHUNG', { bold: true })]),
    para(
      [
        run(
          `Tính đến ngày ${d.asOf}, Chương trình (phiên bản ${d.program.current_version}${d.program.resolution_ref ? `, thực hiện ${d.program.resolution_ref}` : ''}) có ${n.total} nhiệm vụ được theo dõi (kể cả nhiệm vụ giao cho các địa phương). `,
        ),
        run(
          `Đánh giá chung: ${RATING_LABELS[n.rating].vi}. ${n.explanation.vi} Tỷ lệ nhiệm vụ có nguy cơ (Vàng-Đỏ, Đỏ): ${pct(n.atRiskShare)}.`,
        ),
      ],
      { indent: true },
    ),
    table(
      ['Tình trạng', 'Số nhiệm vụ'],
      Object.entries(n.byStatus).map(([k, v]) => [STATUS_LABELS[k].vi, v]),
    ),
    para(
      [
        run(
          `Trong năm ${d.year} đã nhận ${d.reports.total} báo cáo tiến độ, trong đó ${d.reports.late} báo cáo nộp muộn, ${d.reports.accepted} báo cáo được chấp nhận, ${d.reports.returned} báo cáo bị trả lại, ${d.reports.awaiting} báo cáo đang chờ cấp trên xem xét. Số liệu trong báo cáo này là số liệu chính thức: chỉ tính các báo cáo đã được chấp nhận.`,
        ),
      ],
      { indent: true },
    ),
    para([run('II. KẾT QUẢ THEO NỘI DUNG CHƯƠNG TRÌNH', { bold: true })]),
    table(
      ['Mục', 'Nội dung', 'Tổng', 'Hoàn thành', 'Quá hạn', 'Có nguy cơ', 'Đánh giá'],
      n.sections.map((s) => [
        s.code,
        (s.title.vi ?? s.title.en ?? '').slice(0, 120),
        s.total,
        s.byStatus.done + s.byStatus.done_late,
        s.byStatus.overdue,
        s.atRisk,
        RATING_LABELS[s.rating].vi,
      ]),
    ),
    para([run(`III. NHIỆM VỤ CÓ THỜI HẠN TRONG NĂM ${d.year}`, { bold: true })]),
    d.dueInYear.length
      ? table(
          ['Mã', 'Nhiệm vụ', 'Hạn', 'Tình trạng', 'Tiến độ (%)'],
          d.dueInYear.map((t) => [t.code, t.title.slice(0, 150), t.due_date, STATUS_LABELS[t.status].vi, t.progress]),
        )
      : para([run(`Không có nhiệm vụ cấp Trung ương nào có hạn trong năm ${d.year}.`)], { indent: true }),
    para([run('IV. KẾT QUẢ THEO ĐỊA PHƯƠNG', { bold: true })]),
    d.provinces.length
      ? table(
          ['Mã', 'Tỉnh, thành phố', 'Nhiệm vụ', 'Hoàn thành', 'Quá hạn', 'Có nguy cơ'],
          d.provinces.map((p) => [p.code, p.name, p.total, p.done, p.overdue, p.atRisk]),
        )
      : para([run('Chưa có nhiệm vụ nào được giao cho địa phương.')], { indent: true }),
    para([run('V. CẢNH BÁO CHƯA XỬ LÝ', { bold: true })]),
    d.warnings.length
      ? table(
          ['Loại cảnh báo', 'Đang mở', 'Đã chuyển cấp trên'],
          d.warnings.map((w) => [WARNING_LABELS[w.kind] ?? w.kind, w.open, w.escalated]),
        )
      : para([run('Không có cảnh báo chưa xử lý.')], { indent: true }),
  ];
  const doc = new Document({
    creator: 'Apparatus',
    title: `Báo cáo kết quả thực hiện Chương trình hành động năm ${d.year}`,
    sections: [
      { properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children: body },
    ],
  });
  return Packer.toBuffer(doc);
}
