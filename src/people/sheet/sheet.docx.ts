// The calculation sheet as a Word file in the State's administrative layout (Decree 30/2020/NĐ-CP), built with
// the annual report's helpers as the consultation report is: the unit and the national heading, the title,
// the person (name only for HR), the salary basis, one row per clause with its article, formula and amount,
// the total, the notes. Amounts in đồng, exact, with Vietnamese digit grouping.
import { AlignmentType, Document, Packer } from 'docx';
import { officialHeading, para, run, table } from '../../program/annual/annual.docx.ts';
import type { SheetAnswer } from './sheet.schemas.ts';

const PAGE = { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } };
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const vnd = (n: number) => n.toLocaleString('vi-VN');
const KIND = { early_retirement: 'nghỉ hưu trước tuổi', resignation: 'thôi việc' } as const;

export async function sheetDocx(s: SheetAnswer, asOf: string): Promise<Buffer> {
  const b = s.benefit;
  const who = s.person.fullName ?? `Người số ${s.person.id} (họ tên chỉ hiển thị với cán bộ tổ chức)`;
  const body = [
    officialHeading(s.person.unitName, asOf),
    para([run('BẢNG TÍNH CHẾ ĐỘ, CHÍNH SÁCH', { bold: true, size: 16 })], { align: AlignmentType.CENTER, after: 0 }),
    para([run(`Đối với người ${KIND[s.outcome.kind]} do sắp xếp tổ chức bộ máy`, { bold: true })], {
      align: AlignmentType.CENTER,
      after: 0,
    }),
    para([run(`${b.ruleSet.title.vi}`, { italics: true })], { align: AlignmentType.CENTER, after: 240 }),
    para([run('I. THÔNG TIN', { bold: true })]),
    para([run(`Họ và tên: ${who}`)], { indent: true, after: 0 }),
    ...(s.person.birthDate ? [para([run(`Ngày sinh: ${dmy(s.person.birthDate)}`)], { indent: true, after: 0 })] : []),
    para([run(`Đơn vị: ${s.person.unitName}${s.person.position ? `; chức vụ: ${s.person.position}` : ''}`)], {
      indent: true,
      after: 0,
    }),
    para(
      [
        run(
          `Quyết định số ${s.outcome.decisionNumber} ngày ${dmy(s.outcome.decisionDate)} (${s.outcome.decisionSigner}); ` +
            `tuổi nghỉ hưu ${b.retirement.years} tuổi ${b.retirement.months} tháng; số tháng nghỉ sớm ${b.facts.monthsEarly}; ` +
            `thời gian đóng BHXH bắt buộc ${Math.floor(b.facts.insuranceMonths / 12)} năm ${b.facts.insuranceMonths % 12} tháng.`,
        ),
      ],
      { indent: true },
    ),
    para([run('II. TIỀN LƯƠNG THÁNG TÍNH CHẾ ĐỘ', { bold: true })]),
    table(
      ['Khoản', 'Số tiền (đồng)', 'Được tính'],
      [
        ...b.salary.counted.map((c) => [c.label.vi, vnd(c.amount), 'Có']),
        ...b.salary.notCounted.map((c) => [c.label.vi, vnd(c.amount), 'Không']),
        ['Tiền lương tháng tính chế độ', vnd(b.salary.amount), ''],
      ],
    ),
    para([run('III. CÁC KHOẢN TRỢ CẤP', { bold: true })]),
    table(
      ['STT', 'Khoản trợ cấp', 'Căn cứ', 'Cách tính', 'Số tiền (đồng)'],
      [
        ...b.clauses.map((c, i) => [String(i + 1), c.label.vi, c.citation.vi, c.formula.vi, vnd(c.amount)]),
        ['', 'TỔNG CỘNG', '', '', vnd(b.total)],
      ],
    ),
    para([run(`Tổng số tiền: ${vnd(b.total)} đồng.`, { bold: true })], { after: 240 }),
    ...(b.notes.length ? [para([run('Ghi chú', { bold: true })])] : []),
    ...b.notes.map((n) => para([run(`- ${n.vi}`, { size: 12 })], { after: 60 })),
  ];
  const doc = new Document({ sections: [{ properties: { page: PAGE }, children: body }] });
  return Buffer.from(await Packer.toBuffer(doc));
}
