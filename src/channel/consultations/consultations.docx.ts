// The consultation report as a Word file in the State's administrative layout (Decree 30/2020/NĐ-CP), built with
// the annual report's helpers: the drafting body and the national heading side by side, "BÁO CÁO" and its
// subject, numbered parts, tables. Percentages are rounded here only (two decimals, half up: percent.ts); the
// counts beside them are exact.
import { AlignmentType, Document, Packer } from 'docx';
import { officialHeading, para, run, table } from '../../program/annual/annual.docx.ts';
import { percentText } from '../../platform/formats/percent.ts';
import type { Results } from './consultations.schemas.ts';

// Decree 30/2020, Appendix I: margins top/bottom 20 mm, left 30 mm, right 15–20 mm (in twips: 1 mm ≈ 56.7).
const PAGE = { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } };
const dmy = (iso: string) => iso.split('-').reverse().join('/');

export interface ReportGroup {
  title: string;
  section: string | null;
  comments: number;
  answer: string | null;
}

export async function consultationDocx(r: Results, groups: ReportGroup[], asOf: string): Promise<Buffer> {
  const c = r.consultation;
  const pct = (t: { approval: { numerator: number; denominator: number } }) => percentText(t.approval, 'vi');
  const tallyRow = (name: string, people: number | null, t: Results['overall']) => [
    name,
    ...(people === null ? [] : [people]),
    t.agree,
    t.disagree,
    t.votes,
    pct(t),
  ];
  const body = [
    officialHeading(c.unit.name, asOf),
    para([run('BÁO CÁO', { bold: true, size: 16 })], { align: AlignmentType.CENTER, after: 0 }),
    para([run('Tổng hợp, giải trình ý kiến góp ý', { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
    para([run(c.title, { italics: true })], { align: AlignmentType.CENTER, after: 240 }),
    para([run('I. TÌNH HÌNH LẤY Ý KIẾN', { bold: true })]),
    para(
      [
        run(
          `${c.unit.name} lấy ý kiến Nhân dân đối với dự thảo từ ngày ${dmy(c.opensOn)} đến ngày ${dmy(c.closesOn)}. ` +
            `Có ${r.participants} người tham gia đã xác nhận thư điện tử` +
            (r.unconfirmed ? ` (${r.unconfirmed} lượt chưa xác nhận, không được tính)` : '') +
            `. Biểu quyết chung: ${r.overall.agree} đồng ý, ${r.overall.disagree} không đồng ý trên ${r.overall.votes} phiếu, tỷ lệ đồng ý ${pct(r.overall)}.`,
        ),
      ],
      { indent: true },
    ),
    para([run('II. KẾT QUẢ THEO TỪNG PHẦN CỦA DỰ THẢO', { bold: true })]),
    table(
      ['Phần', 'Đồng ý', 'Không đồng ý', 'Số phiếu', 'Tỷ lệ đồng ý'],
      r.sections.map((s) => tallyRow(`${s.position}. ${s.heading}`, null, s.tally)),
    ),
    para([run('III. KẾT QUẢ THEO TỈNH, THÀNH PHỐ NƠI CƯ TRÚ', { bold: true })]),
    r.provinces.length
      ? table(
          ['Tỉnh, thành phố', 'Người tham gia', 'Đồng ý', 'Không đồng ý', 'Số phiếu', 'Tỷ lệ đồng ý'],
          r.provinces.map((p) => tallyRow(p.unit.name, p.participants, p.overall)),
        )
      : para([run('Chưa có người tham gia.')], { indent: true }),
    para([run('IV. KẾT QUẢ THEO XÃ, PHƯỜNG, ĐẶC KHU NƠI CƯ TRÚ', { bold: true })]),
    r.units.length
      ? table(
          ['Mã', 'Xã, phường, đặc khu', 'Người tham gia', 'Đồng ý', 'Không đồng ý', 'Số phiếu', 'Tỷ lệ đồng ý'],
          r.units.map((u) => [u.unit.code, ...tallyRow(u.unit.name, u.participants, u.overall)]),
        )
      : para([run('Chưa có người tham gia.')], { indent: true }),
    para([run('V. TIẾP THU, GIẢI TRÌNH Ý KIẾN', { bold: true })]),
    ...(groups.length
      ? groups.flatMap((g, i) => [
          para([
            run(`${i + 1}. ${g.title}`, { bold: true }),
            run(` (${g.comments} ý kiến${g.section ? `, ${g.section}` : ''})`),
          ]),
          para([run(g.answer ?? 'Chưa có giải trình.', { italics: !g.answer })], { indent: true }),
        ])
      : [para([run('Chưa có nhóm ý kiến nào.')], { indent: true })]),
  ];
  const doc = new Document({
    creator: 'Apparatus',
    title: `Báo cáo tổng hợp ý kiến: ${c.title}`,
    sections: [{ properties: { page: PAGE }, children: body }],
  });
  return Packer.toBuffer(doc);
}
