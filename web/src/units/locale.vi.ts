// Vietnamese texts of the unit browser's dates and ended units (merged into locales/vi.ts as `unitBrowser`).
export const unitBrowserVi = {
  noDataBefore: 'Sổ đăng ký không có dữ liệu trước ngày {{date}}',
  noDataBeforeHint:
    'Nguồn dữ liệu (danh mục và bảng chuyển đổi đơn vị hành chính của Tổng cục Thống kê) chỉ cho biết các đơn vị có hiệu lực ngày {{date}}, không cho biết chúng bắt đầu từ ngày nào, nên cây không hiển thị chúng cho ngày trước đó.',
  showFirstDay: 'Xem cây tại ngày {{date}}',
  ended: 'Đã kết thúc: hiệu lực đến hết {{date}}',
  noSuccessor: 'không có đơn vị kế thừa được ghi nhận',
  startsLater: 'Có hiệu lực từ {{date}}',
  unknownOnDay: 'Chưa có dữ liệu trước ngày {{date}}',
  inForceGroup: 'Có hiệu lực ngày {{date}}',
  otherDatesGroup: 'Không có hiệu lực ngày {{date}}',
  startUnknown: 'Đến hết {{to}} (ngày bắt đầu: không có trong nguồn dữ liệu)',
  validitySource: 'Căn cứ ngày hiệu lực',
  nothingFound: 'Không tìm thấy đơn vị nào.',
};
