// Vietnamese texts of the staffing reports: streamlining targets, the national
// total by block, the trend over periods (merged into locales/vi.ts as `staffing.report`).
export const staffingReportVi = {
  targetsTab: 'Mục tiêu tinh giản', blocksTab: 'Tổng cả nước theo khối', trendTab: 'Xu hướng qua các thời kỳ',
  baseline: 'Số gốc', target: 'Mục tiêu', targetDate: 'Thời hạn', requiredCut: 'Phải giảm', latest: 'Có mặt gần nhất',
  achieved: 'Đã giảm', ofCut: 'Đạt (% số phải giảm)', plannedNow: 'Theo lộ trình hôm nay', progress: 'Tiến độ', basis: 'Căn cứ',
  setBy: 'Người đặt', date: 'Ngày', present: 'Có mặt', planned: 'Theo lộ trình', gap: 'Chênh so với lộ trình', category: 'Loại biên chế',
  noTargets: 'Chưa có mục tiêu tinh giản nào ở đây trong thời kỳ này.', pickTarget: 'Chọn một dòng để xem diễn biến so với lộ trình.',
  chartTitle: '{{name}}: số có mặt so với lộ trình giảm đều từ số gốc đến mục tiêu',
  rangeRecords: 'Các ngày đã ghi', rangePeriod: 'Cả thời kỳ',
  recordedBelow: 'Đơn vị trực thuộc cũng có số có mặt riêng: tổng toàn đơn vị hiện là {{n}}.',
  status: { no_data: 'Chưa có số liệu', reached: 'Đã đạt mục tiêu', on_track: 'Đúng lộ trình', behind: 'Chậm so với lộ trình', before_baseline: 'Trước ngày gốc' },
  setTitle: 'Đặt mục tiêu tinh giản cho {{name}} hoặc đơn vị trực thuộc', share: 'Tỷ lệ giảm (%)', headcount: 'Số mục tiêu',
  basisRequired: 'Nhập quyết định hoặc căn cứ pháp lý.', oneOf: 'Nhập tỷ lệ giảm hoặc số mục tiêu, chỉ một trong hai.',
  setTarget: 'Đặt mục tiêu', refused: 'Không đặt được mục tiêu', saved: 'Đã đặt mục tiêu cho {{name}}: từ {{baseline}} xuống {{target}} trước {{date}}.',
  block: 'Khối', members: 'Số cơ quan, đơn vị', outside: 'Ngoài các khối: dự phòng và chưa giao', national: 'Cả nước',
  unallocated: 'Chưa giao', mismatch: 'Số đã giao xuống lệch tổng các khối: {{n}}', presentOutside: 'Có mặt ghi ở cấp cả nước hoặc đơn vị đã đóng',
  unclassified: 'Chưa xếp khối: {{names}}', blocksNote: 'Khối được suy ra từ loại cơ quan và mã cơ quan trung ương; danh mục không có trường khối.',
  period: 'Thời kỳ', change: 'Thay đổi so với thời kỳ trước', fromPredecessors: 'Cộng từ các đơn vị trước sáp nhập: {{names}}',
  notAssigned: 'Chưa giao', trendOf: '{{name}} qua các thời kỳ', noFigures: 'Chưa có số liệu', noNational: 'Chưa có phân bổ cả nước trong thời kỳ này.',
};
