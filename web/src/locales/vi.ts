// Vietnamese is the default: officials work in it, and the legal terms follow
// the official wording (đơn vị hành chính, nhập toàn bộ, nhập một phần, …).
import { programVi } from '../program/locale.vi';
import { staffingReportVi } from '../staffing/locale.vi';
import { unitBrowserVi } from '../units/locale.vi';
import { lookupPagingVi } from '../lookup/locale.vi';
import { adminVi } from '../admin/locale.vi';

const vi = {
  app: { name: 'Apparatus — Bộ máy', short: 'Bộ máy', skipToContent: 'Chuyển đến nội dung' },
  nav: { lookup: 'Tra cứu', units: 'Đơn vị hành chính', stats: 'Thống kê', audit: 'Nhật ký', login: 'Đăng nhập', logout: 'Đăng xuất' },
  lang: { label: 'Ngôn ngữ', vi: 'VI', en: 'EN' },
  common: {
    loading: 'Đang tải…', retry: 'Thử lại', none: 'Không có', untilNow: 'nay', notFound: 'Không tìm thấy trang này.',
    backHome: 'Về trang tra cứu', total: 'Tổng {{total}}',
  },
  errors: {
    network: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    http: 'Máy chủ trả lỗi (mã {{status}}).',
    unknown: 'Đã xảy ra lỗi không xác định.',
  },
  auth: {
    title: 'Đăng nhập', subtitle: 'Dành cho cán bộ, công chức được cấp tài khoản.',
    username: 'Tên đăng nhập', password: 'Mật khẩu', submit: 'Đăng nhập',
    usernameRequired: 'Vui lòng nhập tên đăng nhập.', passwordRequired: 'Vui lòng nhập mật khẩu.',
    welcome: 'Xin chào, {{name}}!', loggedOut: 'Đã đăng xuất.', sessionExpired: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.',
    grants: 'Quyền được giao', noGrants: 'Chưa được giao quyền', publicHint: 'Người dân không cần đăng nhập để tra cứu đơn vị hành chính mới.',
  },
  role: {
    system_admin: 'Quản trị hệ thống', central_officer: 'Cán bộ trung ương', province_officer: 'Cán bộ cấp tỉnh',
    commune_officer: 'Cán bộ cấp xã', viewer: 'Người xem',
  },
  unitType: {
    central: 'Trung ương', province: 'Tỉnh', municipality: 'Thành phố trực thuộc trung ương',
    urban_district: 'Quận', rural_district: 'Huyện', town: 'Thị xã', provincial_city: 'Thành phố thuộc tỉnh',
    municipal_city: 'Thành phố thuộc thành phố trực thuộc trung ương', commune: 'Xã', ward: 'Phường',
    township: 'Thị trấn', special_zone: 'Đặc khu',
  },
  linkKind: { whole: 'Nhập toàn bộ', part: 'Nhập một phần', unchanged: 'Giữ nguyên', renamed: 'Đổi tên', retyped: 'Đổi loại hình' },
  eventKind: {
    merge: 'Sáp nhập', split: 'Chia tách', rename: 'Đổi tên', retype: 'Đổi loại hình',
    reassign: 'Điều chuyển trực thuộc', dissolve: 'Giải thể', create: 'Thành lập',
  },
  units: {
    title: 'Đơn vị hành chính', asOf: 'Tại ngày', before: 'Trước sắp xếp', after: 'Sau sắp xếp',
    today: 'Hôm nay', treeEmpty: 'Không có đơn vị nào có hiệu lực vào ngày này.',
    selectHint: 'Chọn một đơn vị trong cây để xem thông tin chi tiết và lịch sử sắp xếp.',
    searchPlaceholder: 'Tìm đơn vị theo tên hoặc mã…', children: '{{count}} đơn vị trực thuộc',
  },
  detail: {
    code: 'Mã', type: 'Loại', level: 'Cấp', levelN: 'Cấp {{level}}', validity: 'Hiệu lực',
    validRange: 'Từ {{from}} đến hết {{to}}', validFromOnly: 'Từ {{from}}', validToOnly: 'Đến hết {{to}}',
    area: 'Diện tích', population: 'Dân số', populationUnit: '{{value}} người', adminCentre: 'Trung tâm hành chính',
    parent: 'Trực thuộc', ancestors: 'Thuộc', nameEn: 'Tên tiếng Anh',
    notInForce: 'Đơn vị này không có hiệu lực vào ngày {{date}}.', showAtDate: 'Xem cây tại ngày {{date}}',
  },
  history: {
    title: 'Lịch sử sắp xếp', predecessors: 'Hình thành từ (đơn vị tiền thân)', successors: 'Đã chuyển thành (đơn vị kế thừa)',
    noPredecessors: 'Không có đơn vị tiền thân được ghi nhận.', noSuccessors: 'Chưa có thay đổi nào sau đơn vị này.',
    direct: 'Trực tiếp', indirect: 'Gián tiếp, qua {{depth}} bước', effective: 'Hiệu lực {{date}}', legalBasis: 'Căn cứ: {{basis}}',
  },
  stats: {
    title: 'Thống kê sắp xếp đơn vị hành chính', subtitle: 'So sánh ngày {{from}} (trước) và {{to}} (sau sắp xếp)',
    provinces: 'Cấp tỉnh', districts: 'Cấp huyện', communes: 'Cấp xã', before: 'Trước', after: 'Sau',
    reduction: 'Giảm {{pct}}', abolished: 'Bãi bỏ cấp huyện',
    mapTitle: 'Tỷ lệ giảm số đơn vị cấp xã theo tỉnh, thành phố', barTitle: 'Số đơn vị cấp xã trước và sau sắp xếp',
    tableTitle: 'Chi tiết 34 tỉnh, thành phố', colCode: 'Mã', colName: 'Tỉnh, thành phố', colFormedFrom: 'Hình thành từ',
    colFormedFromCount: 'Số tỉnh cũ', colBefore: 'Cấp xã trước', colAfter: 'Cấp xã sau', colReduction: 'Tỷ lệ giảm',
    colArea: 'Diện tích (km²)', colPopulation: 'Dân số', keptWhole: 'Giữ nguyên',
    tooltipFormed: 'Hình thành từ: {{names}}', tooltipCommunes: 'Cấp xã: {{before}} → {{after}}', tooltipReduction: 'Giảm: {{pct}}',
    legendLow: 'Giảm ít', legendHigh: 'Giảm nhiều', noData: 'Chưa có số liệu',
  },
  lookup: {
    title: 'Xã, phường của tôi nay thuộc đơn vị nào?',
    subtitle: 'Từ ngày 01/07/2025, cả nước còn 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu; cấp huyện không còn.',
    placeholder: 'Nhập tên xã, phường, thị trấn cũ…', inputLabel: 'Tên đơn vị hành chính cần tra cứu',
    emptyTitle: 'Nhập tên xã, phường hoặc thị trấn trước ngày 01/07/2025',
    emptyHint: 'Có thể gõ không dấu. Thêm tên huyện hoặc tỉnh để thu hẹp kết quả.', examplesLabel: 'Ví dụ:',
    noResults: 'Không tìm thấy đơn vị nào khớp với “{{q}}”.', noResultsHint: 'Hãy kiểm tra chính tả, hoặc chỉ gõ phần tên riêng (bỏ chữ “xã”, “phường”).',
    tooShort: 'Gõ thêm ít nhất 2 ký tự.', searching: 'Đang tìm…', resultsCount: '{{count}} kết quả', resultsCount_one: '{{count}} kết quả',
    before: 'Trước 01/07/2025', nowBelongsTo: 'Nay thuộc', current: 'Đây là đơn vị hành chính hiện hành.',
    whole: 'Toàn bộ', part: 'Một phần', unchanged: 'Giữ nguyên', renamed: 'Đổi tên', retyped: 'Đổi loại hình',
    adminCentre: 'Trụ sở', noSuccessor: 'Chưa có thông tin đơn vị mới.', partNote: 'Đơn vị cũ được chia cho nhiều đơn vị mới; hãy xem khu vực nơi bạn sống.',
  },
  staffing: {
    report: staffingReportVi,
    title: 'Biên chế', national: 'Cả nước', unit: 'Đơn vị', province: 'Tỉnh, thành phố', assigned: 'Được giao', allocatedBelow: 'Đã giao xuống',
    reserve: 'Dự phòng', available: 'Còn lại', present: 'Có mặt', usedShare: 'Tỷ lệ có mặt / được giao', allCategories: 'Tất cả loại biên chế',
    quotaVsPresent: 'Được giao và có mặt', reductionsTitle: 'Cắt giảm 2026–2031', formedFrom: 'Hình thành từ (số tỉnh)', cutPct: 'Tỷ lệ giảm',
    base: 'Biên chế 2022–2026', cut: 'Số giảm', proposed: 'Tối đa 2026–2031', noPeriods: 'Chưa có thời kỳ biên chế nào.',
    allocateTitle: 'Giao biên chế cho đơn vị trực thuộc {{name}}', pickUnit: 'Chọn đơn vị', quotaRequired: 'Nhập số biên chế.', allocate: 'Giao',
    refused: 'Không giao được', allocated: 'Đã giao {{quota}} cho {{name}}; cấp trên còn {{available}}.',
    wEqual: 'Chia đều', wPopulation: 'Dân số', wArea: 'Diện tích', wSpecial: 'Đặc thù', total: 'Tổng tỉnh', exportScenario: 'Tải phương án (CSV)',
    proposed2025: 'Đề xuất', current: 'Đang giao', normsTitle: 'Định mức cấp xã 2025',
    mapTitle: 'Tỷ lệ biên chế đã dùng theo tỉnh', usedLabel: 'Đã dùng (giao xuống + dự phòng)', noQuota: 'Chưa có biên chế',
    category: {
      cadre_civil_servant: 'Cán bộ, công chức', public_employee: 'Viên chức (ngân sách)', commune_cadre: 'Cán bộ, công chức cấp xã',
      association: 'Biên chế hội', trade_union: 'Biên chế công đoàn', labour_contract: 'Hợp đồng lao động',
    },
  },
  audit: {
    title: 'Nhật ký thao tác', actor: 'Người thực hiện', action: 'Thao tác', entity: 'Đối tượng', dateRange: 'Khoảng thời gian',
    from: 'Từ ngày', to: 'Đến ngày', apply: 'Lọc', reset: 'Xoá bộ lọc', at: 'Thời điểm', ip: 'Địa chỉ IP',
    entityId: 'Mã đối tượng', before: 'Trước khi thay đổi', after: 'Sau khi thay đổi', emptyValue: '(không có)',
    empty: 'Không có bản ghi nào.', field: 'Trường', raw: 'Bản ghi gốc (JSON)',
  },
  program: programVi,
  unitBrowser: unitBrowserVi,
  lookupPaging: lookupPagingVi,
  admin: adminVi,
};

export type Resources = typeof vi;
export default vi;
