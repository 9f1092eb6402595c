// Vietnamese texts of the administration pages: accounts, role grants and API
// tokens (merged into locales/vi.ts as `admin`).
export const adminVi = {
  nav: 'Quản trị', usersNav: 'Tài khoản và phân quyền', tokensNav: 'Mã truy cập API (tất cả)', myTokensNav: 'Mã truy cập API của tôi',
  users: {
    title: 'Tài khoản và phân quyền', search: 'Tìm theo tên đăng nhập, họ tên hoặc email…', all: 'Tất cả', active: 'Đang hoạt động', inactive: 'Đã khóa',
    username: 'Tên đăng nhập', displayName: 'Họ và tên', email: 'Email', status: 'Trạng thái', grants: 'Vai trò được giao', sessions: 'Phiên / mã API',
    sessionsValue: '{{sessions}} phiên, {{tokens}} mã', actions: 'Thao tác', created: 'Tạo ngày', noGrants: 'Chưa có vai trò',
    create: 'Thêm tài khoản', createTitle: 'Thêm tài khoản mới', password: 'Mật khẩu ban đầu', passwordHint: 'Ít nhất 10 ký tự. Báo cho người dùng qua kênh an toàn.',
    usernameRule: '3–50 ký tự: chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang.', created_ok: 'Đã tạo tài khoản {{name}}.',
    deactivate: 'Khóa', reactivate: 'Mở khóa',
    deactivateConfirm: 'Khóa tài khoản {{name}}? Mọi phiên đăng nhập kết thúc ngay và mọi mã truy cập API bị thu hồi (mở khóa lại không khôi phục mã cũ).',
    reactivateConfirm: 'Mở khóa tài khoản {{name}}? Người dùng đăng nhập lại được bằng mật khẩu hiện có.',
    deactivated: 'Đã khóa {{name}}: {{sessions}} phiên kết thúc, {{tokens}} mã bị thu hồi.', reactivated: 'Đã mở khóa {{name}}.',
    addGrant: 'Giao vai trò', addGrantTitle: 'Giao vai trò cho {{name}}', role: 'Vai trò', unit: 'Phạm vi (đơn vị và toàn bộ đơn vị trực thuộc)',
    unitPlaceholder: 'Gõ tên hoặc mã đơn vị…', unitRequired: 'Chọn đơn vị.', roleRequired: 'Chọn vai trò.', granted: 'Đã giao vai trò.',
    revokeGrantConfirm: 'Thu hồi vai trò {{role}} tại {{unit}} của {{name}}? Có hiệu lực ngay ở yêu cầu tiếp theo của người dùng.',
    grantRevoked: 'Đã thu hồi vai trò.', resetPassword: 'Đặt lại mật khẩu', resetTitle: 'Đặt mật khẩu mới cho {{name}}',
    resetHint: 'Mọi phiên đăng nhập của tài khoản này kết thúc ngay. Báo mật khẩu mới cho người dùng qua kênh an toàn.', passwordReset: 'Đã đặt mật khẩu mới.',
    newPassword: 'Mật khẩu mới', passwordTooShort: 'Mật khẩu cần ít nhất 10 ký tự.', you: '(bạn)', cancel: 'Hủy', save: 'Lưu',
  },
  tokens: {
    title: 'Mã truy cập API của tôi', allTitle: 'Mã truy cập API của mọi tài khoản',
    intro: 'Mã truy cập cho phần mềm, kịch bản đồng bộ số liệu… gửi kèm tiêu đề "Authorization: Bearer <mã>". Mỗi mã có thời hạn; mã chỉ đọc không thay đổi được dữ liệu. Mã không tạo được mã khác.',
    name: 'Tên gợi nhớ', owner: 'Chủ sở hữu', kind: 'Quyền', readOnly: 'Chỉ đọc', readWrite: 'Đọc và ghi', created: 'Tạo lúc', expires: 'Hết hạn',
    lastUsed: 'Dùng lần cuối', never: 'Chưa dùng', status: 'Trạng thái', active: 'Còn hiệu lực', expired: 'Hết hạn', revoked: 'Đã thu hồi',
    showEnded: 'Hiện cả mã đã hết hạn hoặc thu hồi', create: 'Tạo mã mới', createTitle: 'Tạo mã truy cập API', days: 'Thời hạn (ngày)',
    daysHint: 'Tối đa {{max}} ngày.', readOnlyLabel: 'Chỉ cho phép đọc (GET)', nameRequired: 'Đặt tên để sau này nhận ra mã.',
    createdTitle: 'Mã truy cập mới', createdNote: 'Hãy sao chép và cất giữ mã này ngay: máy chủ chỉ lưu bản băm và sẽ không hiện lại mã.', close: 'Đã lưu mã',
    revoke: 'Thu hồi', revokeConfirm: 'Thu hồi mã "{{name}}"? Phần mềm đang dùng mã này sẽ bị từ chối ngay.', revoked_ok: 'Đã thu hồi mã.',
    empty: 'Chưa có mã truy cập nào.',
  },
};
