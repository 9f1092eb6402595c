// Audit actions and entities in words (issue 10, item 7): the audit screen says "Chấp nhận báo cáo", not
// `program.report.accept`. src/audit/audit.words.test.ts fails when an action declared in src/audit/audit.actions.ts
// has no words here, so a new module cannot add an action the screen would show as a code.
export interface Words {
  vi: string;
  en: string;
}

export const ACTION_WORDS: Record<string, Words> = {
  'auth.login': { vi: 'Đăng nhập', en: 'Signed in' },
  'auth.login_failed': { vi: 'Đăng nhập sai', en: 'Failed sign-in' },
  'auth.login_blocked': { vi: 'Chặn đăng nhập (quá số lần)', en: 'Sign-in blocked (too many attempts)' },
  'auth.logout': { vi: 'Đăng xuất', en: 'Signed out' },
  'users.create': { vi: 'Tạo tài khoản', en: 'Account created' },
  'users.deactivate': { vi: 'Khóa tài khoản', en: 'Account switched off' },
  'users.reactivate': { vi: 'Mở khóa tài khoản', en: 'Account switched on' },
  'users.password_reset': { vi: 'Đặt lại mật khẩu', en: 'Password reset' },
  'grants.create': { vi: 'Giao vai trò', en: 'Role granted' },
  'grants.revoke': { vi: 'Thu hồi vai trò', en: 'Role taken away' },
  'tokens.create': { vi: 'Tạo mã truy cập API', en: 'API token created' },
  'tokens.revoke': { vi: 'Thu hồi mã truy cập API', en: 'API token revoked' },
  'units.update': { vi: 'Sửa thông tin đơn vị', en: 'Unit edited' },
  'units.import': { vi: 'Nhập dữ liệu đơn vị hành chính', en: 'Unit registry imported' },
  'staffing.period.create': { vi: 'Tạo kỳ biên chế', en: 'Staffing period created' },
  'staffing.allocate': { vi: 'Giao biên chế', en: 'Quota allocated' },
  'staffing.present': { vi: 'Cập nhật số có mặt', en: 'Headcount recorded' },
  'staffing.target.set': { vi: 'Đặt mục tiêu tinh giản', en: 'Reduction target set' },
  'staffing.merge': { vi: 'Hợp nhất biên chế theo sắp xếp', en: 'Quotas merged by the reorganisation' },
  'staffing.import': { vi: 'Nhập bảng biên chế', en: 'Staffing table imported' },
  'people.import': { vi: 'Nhập danh sách người chịu tác động', en: 'Register of affected people imported' },
  'people.list': { vi: 'Xem danh sách người chịu tác động', en: 'Register of affected people viewed' },
  'people.view': { vi: 'Xem hồ sơ một người', en: "A person's record viewed" },
  'people.export': { vi: 'Xuất danh sách có thông tin cá nhân', en: 'Register exported with personal data' },
  'people.outcome': { vi: 'Ghi kết quả bố trí, giải quyết chính sách', en: "A person's outcome recorded" },
  'people.benefit.view': { vi: 'Xem bảng tính chế độ của một người', en: "A person's benefit sheet viewed" },
  'people.benefit.export': { vi: 'Xuất bảng tính chế độ (Word)', en: "A person's benefit sheet exported (Word)" },
  'program.import': { vi: 'Nhập chương trình hành động', en: 'Action program imported' },
  'program.annual_report.request': { vi: 'Yêu cầu xuất báo cáo năm', en: 'Annual report requested' },
  'program.demo.reports': { vi: 'Tạo báo cáo minh họa', en: 'Demo reports created' },
  'program.tasklist.import': { vi: 'Nhập danh sách nhiệm vụ', en: 'Task list imported' },
  'program.task.add': { vi: 'Thêm nhiệm vụ', en: 'Task added' },
  'program.task.adjust': { vi: 'Điều chỉnh nhiệm vụ', en: 'Task adjusted' },
  'program.task.cancel': { vi: 'Hủy nhiệm vụ', en: 'Task cancelled' },
  'program.task.cascade': { vi: 'Giao nhiệm vụ xuống cấp dưới', en: 'Task cascaded' },
  'program.report.submit': { vi: 'Gửi báo cáo tiến độ', en: 'Progress report submitted' },
  'program.report.edit': { vi: 'Sửa báo cáo tiến độ', en: 'Progress report edited' },
  'program.report.accept': { vi: 'Chấp nhận báo cáo', en: 'Report accepted' },
  'program.report.return': { vi: 'Trả lại báo cáo', en: 'Report returned' },
  'program.warning.acknowledge': { vi: 'Ghi nhận cảnh báo', en: 'Warning acknowledged' },
  'program.warning.resolve': { vi: 'Xử lý xong cảnh báo', en: 'Warning resolved' },
  'program.settings': { vi: 'Sửa thiết lập chương trình', en: 'Program settings changed' },
  'program.holiday.set': { vi: 'Đặt ngày nghỉ lễ', en: 'Public holiday set' },
  'program.change_request.create': { vi: 'Đề nghị điều chỉnh nhiệm vụ', en: 'Change requested' },
  'program.change_request.approve': { vi: 'Chấp thuận đề nghị điều chỉnh', en: 'Change request approved' },
  'program.change_request.refuse': { vi: 'Từ chối đề nghị điều chỉnh', en: 'Change request refused' },
  'program.change_request.withdraw': { vi: 'Rút đề nghị điều chỉnh', en: 'Change request withdrawn' },
  'program.notification.read': { vi: 'Đọc thông báo', en: 'Notification read' },
  // channel: consultations and the satisfaction index
  'channel.consultation.create': { vi: 'Mở lấy ý kiến dự thảo', en: 'Consultation opened' },
  'channel.consultation.participate': { vi: 'Góp ý, biểu quyết dự thảo', en: 'Took part in a consultation' },
  'channel.consultation.confirm': { vi: 'Xác nhận ý kiến qua thư điện tử', en: 'Participation confirmed by e-mail' },
  'channel.consultation.group': { vi: 'Nhóm ý kiến góp ý', en: 'Comments grouped' },
  'channel.consultation.answer': { vi: 'Công bố giải trình ý kiến', en: 'Answer to comments published' },
  'channel.satisfaction.answer': { vi: 'Trả lời phiếu khảo sát hài lòng', en: 'Satisfaction survey answered' },
  // indicators (issue 14)
  'indicators.define': { vi: 'Khai báo chỉ tiêu', en: 'Indicator defined' },
  'indicators.value.record': { vi: 'Ghi số liệu chỉ tiêu', en: 'Indicator figure recorded' },
  'indicators.value.accept': { vi: 'Chấp nhận số liệu chỉ tiêu', en: 'Indicator figure accepted' },
  'indicators.values.import': { vi: 'Nhập tệp số liệu chỉ tiêu', en: 'Indicator figures imported' },
  'indicators.target.set': { vi: 'Giao chỉ tiêu (phiên bản mới)', en: 'Target set (new version)' },
  'indicators.targets.import': { vi: 'Nhập tệp chỉ tiêu được giao', en: 'Targets imported' },
  'indicators.share.set': { vi: 'Ghi tỷ lệ phân bổ đơn vị cũ', en: 'Apportioning share recorded' },
  'scores.compute': { vi: 'Tính điểm năng lực lãnh đạo', en: 'Leader scores computed' },
  'scores.view': { vi: 'Xem điểm năng lực lãnh đạo', en: 'Leader score viewed' },
  'scores.leader.create': { vi: 'Ghi lãnh đạo và nhiệm kỳ', en: 'Leader and term recorded' },
  'scores.assessment.record': { vi: 'Ghi đánh giá, phiếu tín nhiệm, sai sót', en: 'Rating, vote or error recorded' },
  'scores.exemption.record': { vi: 'Ghi miễn trừ do nguyên nhân khách quan', en: 'Objective-cause exemption recorded' },
  // handover (issue 11)
  'handover.open': { vi: 'Mở bàn giao cho các đơn vị hết hiệu lực', en: 'Handovers opened for ended units' },
  'handover.line.add': { vi: 'Thêm dòng danh mục bàn giao', en: 'Handover line added' },
  'handover.line.remove': { vi: 'Xóa dòng danh mục bàn giao', en: 'Handover line removed' },
  'handover.submit': { vi: 'Bên giao gửi danh mục bàn giao', en: 'Handover submitted' },
  'handover.line.count': { vi: 'Bên nhận kiểm đếm một dòng', en: 'Handover line counted' },
  'handover.minutes.create': { vi: 'Lập biên bản bàn giao', en: 'Handover minutes drawn up' },
  'handover.minutes.sign': { vi: 'Ký biên bản bàn giao', en: 'Handover minutes signed' },
  'handover.close': { vi: 'Kết thúc bàn giao', en: 'Handover closed' },
  'handover.correct': { vi: 'Mở phiên bản đính chính bàn giao', en: 'Handover correcting version opened' },
  'handover.lines.import': { vi: 'Nhập danh mục bàn giao từ tệp', en: 'Handover inventory imported' },
  'handover.lines.export': { vi: 'Xuất danh mục bàn giao ra Excel', en: 'Handover inventory exported' },
  // channel: feedback (issue 13)
  'feedback.submit': { vi: 'Gửi phản ánh, kiến nghị', en: 'Feedback submitted' },
  'feedback.assign': { vi: 'Giao xử lý phản ánh', en: 'Feedback assigned' },
  'feedback.start': { vi: 'Bắt đầu xử lý phản ánh', en: 'Feedback handling started' },
  'feedback.answer': { vi: 'Trả lời phản ánh', en: 'Feedback answered' },
  'feedback.forward': { vi: 'Chuyển phản ánh', en: 'Feedback forwarded' },
  'feedback.close': { vi: 'Đóng phản ánh', en: 'Feedback closed' },
  'feedback.reopen': { vi: 'Mở lại phản ánh', en: 'Feedback reopened' },
  'feedback.rate': { vi: 'Đánh giá câu trả lời', en: 'Answer rated' },
  'feedback.contact.view': { vi: 'Xem thông tin liên hệ người phản ánh', en: 'Reporter contact viewed' },
  // channel: the standing office's questions (issue 13, item 3)
  'questions.ask': { vi: 'Gửi câu hỏi tới cơ quan thường trực', en: 'Question sent to the standing office' },
  'questions.draft': { vi: 'Soạn câu trả lời', en: 'Answer drafted' },
  'questions.accept': { vi: 'Duyệt câu trả lời', en: 'Answer accepted' },
  'questions.return': { vi: 'Trả lại câu trả lời để sửa', en: 'Answer returned' },
  'questions.publish': { vi: 'Công bố hỏi đáp', en: 'Answer published to the FAQ' },
};

export const ENTITY_WORDS: Record<string, Words> = {
  user: { vi: 'Tài khoản', en: 'Account' },
  login: { vi: 'Đăng nhập', en: 'Sign-in' },
  api_token: { vi: 'Mã truy cập API', en: 'API token' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  dataset: { vi: 'Bộ dữ liệu', en: 'Dataset' },
  staffing_period: { vi: 'Kỳ biên chế', en: 'Staffing period' },
  staffing_allocation: { vi: 'Biên chế được giao', en: 'Quota allocation' },
  staffing_actual: { vi: 'Số có mặt', en: 'Headcount' },
  staffing_target: { vi: 'Mục tiêu tinh giản', en: 'Reduction target' },
  staffing_node: { vi: 'Nút biên chế', en: 'Staffing node' },
  staffing_table: { vi: 'Bảng biên chế', en: 'Staffing table' },
  people_register: { vi: 'Danh sách người chịu tác động', en: 'Register of affected people' },
  person: { vi: 'Người chịu tác động', en: 'Affected person' },
  program: { vi: 'Chương trình', en: 'Program' },
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  task_report: { vi: 'Báo cáo tiến độ', en: 'Progress report' },
  program_warning: { vi: 'Cảnh báo', en: 'Warning' },
  public_holiday: { vi: 'Ngày nghỉ lễ', en: 'Public holiday' },
  task_change_request: { vi: 'Đề nghị điều chỉnh', en: 'Change request' },
  notification: { vi: 'Thông báo', en: 'Notification' },
  // channel: consultations and the satisfaction index
  consultation: { vi: 'Đợt lấy ý kiến', en: 'Consultation' },
  consultation_participant: { vi: 'Lượt tham gia góp ý', en: 'Consultation participation' },
  consultation_group: { vi: 'Nhóm ý kiến', en: 'Comment group' },
  satisfaction_survey: { vi: 'Phiếu khảo sát hài lòng', en: 'Satisfaction survey' },
  // indicators (issue 14)
  indicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
  indicator_value: { vi: 'Số liệu chỉ tiêu', en: 'Indicator figure' },
  indicator_values: { vi: 'Tệp số liệu chỉ tiêu', en: 'Indicator figures file' },
  indicator_target: { vi: 'Chỉ tiêu được giao', en: 'Indicator target' },
  indicator_targets: { vi: 'Tệp chỉ tiêu được giao', en: 'Targets file' },
  indicator_share: { vi: 'Tỷ lệ phân bổ', en: 'Apportioning share' },
  leader_score_run: { vi: 'Lượt tính điểm lãnh đạo', en: 'Leader scoring run' },
  leader_score: { vi: 'Điểm năng lực lãnh đạo', en: 'Leader score' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  leader_assessment: { vi: 'Đánh giá lãnh đạo', en: 'Leader assessment' },
  score_exemption: { vi: 'Miễn trừ (khiếu nại)', en: 'Exemption (appeal)' },
  // handover (issue 11)
  handover_opening: { vi: 'Đợt mở bàn giao', en: 'Handover opening' },
  handover: { vi: 'Bàn giao', en: 'Handover' },
  handover_line: { vi: 'Dòng danh mục bàn giao', en: 'Handover line' },
  handover_minutes: { vi: 'Biên bản bàn giao', en: 'Handover minutes' },
  feedback_item: { vi: 'Phản ánh, kiến nghị', en: 'Feedback item' },
  office_question: { vi: 'Câu hỏi gửi cơ quan thường trực', en: 'Question to the standing office' },
};

const pick = (words: Record<string, Words>, key: string, lang: string) => {
  const w = words[key];
  return w ? (lang.startsWith('en') ? w.en : w.vi) : key;
};
export const actionWords = (action: string, lang: string) => pick(ACTION_WORDS, action, lang);
export const entityWords = (entity: string, lang: string) => pick(ENTITY_WORDS, entity, lang);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Before and after side by side, field by field (the top level of each record), changed fields first. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const obj = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : v === null || v === undefined
        ? {}
        : { value: v };
  const b = obj(before),
    a = obj(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]),
  }));
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
