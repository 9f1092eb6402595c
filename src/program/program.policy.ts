// Who may do what in an action program (see src/platform/policy/policy.ts). The level that assigns a task owns
// its definition; the unit that does it reports; the level above reviews, never the report's author.
import { CENTRAL, definePolicy, WRITERS } from '../platform/policy/policy.ts';

export const PROGRAM = definePolicy({
  'program.read': {
    who: 'signed-in',
    on: 'none',
    writes: false,
    what: { vi: 'Xem danh sách và thông tin chương trình', en: 'See programs and their headers' },
  },
  'program.import': {
    who: CENTRAL,
    on: 'none',
    writes: true,
    what: { vi: 'Nhập chương trình từ văn bản', en: 'Import a program from its document' },
  },
  'program.annual': {
    who: CENTRAL,
    on: 'none',
    writes: false,
    what: { vi: 'Báo cáo năm thực hiện chương trình', en: 'The annual implementation report' },
  },
  'program.preview': {
    who: CENTRAL,
    on: 'none',
    writes: false,
    what: { vi: 'Xem trước văn bản chương trình (không lưu)', en: 'Preview a program document (saves nothing)' },
  },
  'program.tasklist.read': {
    who: 'signed-in',
    on: 'unit',
    writes: false,
    what: { vi: 'Xuất danh mục nhiệm vụ (phạm vi toàn quốc)', en: 'Export the task list (national scope)' },
  },
  'program.tasklist.write': {
    who: CENTRAL,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Sửa đổi chương trình bằng danh mục Excel (phạm vi toàn quốc)',
      en: 'Amend the program from an Excel task list (national scope)',
    },
  },
  'task.read': {
    who: 'signed-in',
    on: 'unit',
    writes: false,
    what: {
      vi: 'Xem nhiệm vụ, báo cáo, cảnh báo, bảng điều khiển của đơn vị trong phạm vi',
      en: 'See tasks, reports, warnings and dashboards of units in scope',
    },
  },
  'program.settings': {
    who: CENTRAL,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Cài đặt chương trình (số ngày làm việc để duyệt báo cáo), phạm vi toàn quốc',
      en: 'Program settings (working days to review a report), national scope',
    },
  },
  'task.add': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Bổ sung nhiệm vụ vào chương trình: chủ chương trình (cả nước)',
      en: 'Add a task to the program: its owner (the country)',
    },
  },
  'task.define': {
    who: WRITERS,
    on: 'assigner',
    writes: true,
    what: {
      vi: 'Sửa, hủy nhiệm vụ (thời hạn, trọng số, kinh phí, phụ thuộc): cấp giao nhiệm vụ',
      en: 'Adjust or cancel a task (deadline, weight, funding, dependencies): the level that assigned it',
    },
  },
  'task.cascade': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: { vi: 'Giao tiếp nhiệm vụ của đơn vị mình cho cấp dưới', en: "Assign one's own task on to the units below" },
  },
  'report.submit': {
    who: WRITERS,
    on: 'assignee',
    writes: true,
    what: { vi: 'Báo cáo tiến độ: chính đơn vị được giao', en: 'Report progress: the unit the task is assigned to' },
  },
  'report.edit': {
    who: WRITERS,
    on: 'assignee',
    writes: true,
    what: {
      vi: 'Sửa báo cáo chưa được chấp nhận: chỉ người lập (giữ lại phiên bản cũ)',
      en: 'Edit a report not yet accepted: its author only (earlier versions kept)',
    },
  },
  'review.queue': {
    who: 'signed-in',
    on: 'self',
    writes: false,
    what: { vi: 'Danh sách báo cáo chờ mình duyệt', en: "The reports awaiting one's review" },
  },
  'change.request': {
    who: WRITERS,
    on: 'assignee',
    writes: true,
    what: { vi: 'Đề nghị điều chỉnh nhiệm vụ: đơn vị được giao', en: 'Request a change of a task: the assignee unit' },
  },
  'change.decide': {
    who: WRITERS,
    on: 'assigner',
    writes: true,
    what: {
      vi: 'Chấp thuận, từ chối đề nghị điều chỉnh: cấp giao, không phải người đề nghị',
      en: 'Approve or refuse a change request: the assigning level, not the requester',
    },
  },
  'change.withdraw': {
    who: WRITERS,
    on: 'self',
    writes: true,
    what: { vi: 'Rút đề nghị điều chỉnh của chính mình', en: "Withdraw one's own change request" },
  },
  'report.review': {
    who: WRITERS,
    on: 'reviewer',
    writes: true,
    what: {
      vi: 'Chấp nhận, trả lại báo cáo: cấp trên, không phải người lập',
      en: 'Accept or return a report: the level above, never its author',
    },
  },
  'warning.handle': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Ghi nhận, xử lý cảnh báo của nhiệm vụ trong phạm vi',
      en: 'Acknowledge or resolve a warning on a task in scope',
    },
  },
  'inbox.read': {
    who: 'signed-in',
    on: 'self',
    writes: false,
    what: { vi: 'Đọc hộp thư thông báo của chính mình', en: "Read one's own notifications" },
  },
  'inbox.mark': {
    who: 'signed-in',
    on: 'self',
    writes: true,
    what: { vi: 'Đánh dấu đã đọc thông báo của chính mình', en: "Mark one's own notifications read" },
  },
  'events.read': {
    who: 'signed-in',
    on: 'unit',
    writes: false,
    what: { vi: 'Cập nhật trực tiếp, lọc theo phạm vi', en: "Live updates, filtered to one's scope" },
  },
});
