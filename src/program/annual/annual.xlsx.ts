// The annual implementation report as an Excel workbook: the same figures as
// the Word report, one sheet per table.
import ExcelJS from 'exceljs';
import type { AnnualReportData } from './annual.service.ts';
import { RATING_LABELS, STATUS_LABELS, WARNING_LABELS } from './annual.service.ts';

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  header: string[],
  rows: (string | number | null)[][],
) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const h = ws.addRow(header);
  h.font = { bold: true };
  h.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
  });
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = Math.min(
      80,
      Math.max(10, ...[header[i] ?? '', ...rows.map((r) => String(r[i] ?? ''))].map((v) => v.length + 2)),
    );
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return ws;
}

export async function annualReportXlsx(d: AnnualReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Apparatus';
  const n = d.national;
  const title = `BÁO CÁO Kết quả thực hiện Chương trình hành động năm ${d.year} — ${d.program.issuing_body} (số liệu ngày ${d.asOf})`;
  sheet(
    wb,
    'Tổng hợp',
    title,
    ['Chỉ tiêu', 'Giá trị'],
    [
      ['Chương trình', d.program.title_vi],
      ['Số nhiệm vụ', n.total],
      ['Đánh giá chung', RATING_LABELS[n.rating].vi],
      ['Giải thích', n.explanation.vi],
      ['Tỷ lệ có nguy cơ', n.atRiskShare],
      ...Object.entries(n.byStatus).map(([k, v]) => [STATUS_LABELS[k].vi, v] as [string, number]),
      ['Báo cáo trong năm', d.reports.total],
      ['Báo cáo nộp muộn', d.reports.late],
      ['Báo cáo được chấp nhận', d.reports.accepted],
      ['Báo cáo bị trả lại', d.reports.returned],
      ['Báo cáo chờ xem xét (chưa tính vào số liệu)', d.reports.awaiting],
      ['Ghi chú', 'Số liệu chính thức: chỉ tính các báo cáo đã được cấp trên chấp nhận'],
    ],
  );
  sheet(
    wb,
    'Theo nội dung',
    'Kết quả theo nội dung chương trình',
    ['Mục', 'Nội dung', 'Tổng', 'Hoàn thành', 'Quá hạn', 'Có nguy cơ', 'Đánh giá'],
    n.sections.map((s) => [
      s.code,
      s.title.vi ?? s.title.en,
      s.total,
      s.byStatus.done + s.byStatus.done_late,
      s.byStatus.overdue,
      s.atRisk,
      RATING_LABELS[s.rating].vi,
    ]),
  );
  sheet(
    wb,
    `Hạn năm ${d.year}`,
    `Nhiệm vụ có thời hạn trong năm ${d.year}`,
    ['Mã', 'Nhiệm vụ', 'Hạn', 'Tình trạng', 'Tiến độ (%)'],
    d.dueInYear.map((t) => [t.code, t.title, t.due_date, STATUS_LABELS[t.status].vi, t.progress]),
  );
  sheet(
    wb,
    'Theo địa phương',
    'Kết quả theo địa phương',
    ['Mã', 'Tỉnh, thành phố', 'Nhiệm vụ', 'Hoàn thành', 'Quá hạn', 'Có nguy cơ'],
    d.provinces.map((p) => [p.code, p.name, p.total, p.done, p.overdue, p.atRisk]),
  );
  sheet(
    wb,
    'Cảnh báo',
    'Cảnh báo chưa xử lý',
    ['Loại', 'Đang mở', 'Đã chuyển cấp trên'],
    d.warnings.map((w) => [WARNING_LABELS[w.kind] ?? w.kind, w.open, w.escalated]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
