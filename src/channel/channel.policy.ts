// Who may do what in the public channel's feedback (see src/platform/policy/policy.ts). Citizens need no account:
// submitting, following by tracking code, reopening and rating are open to anyone (the code is the credential).
// Officers read and handle the items of the units their grant covers (the unit the item is routed to).
import { definePolicy, WRITERS } from '../platform/policy/policy.ts';

export const CHANNEL = definePolicy({
  'feedback.public': {
    who: 'anyone',
    on: 'none',
    writes: false,
    what: {
      vi: 'Xem loại phản ánh, theo dõi phản ánh bằng mã (nội dung đã ẩn thông tin cá nhân)',
      en: 'See feedback categories, track an item by its code (personal data redacted)',
    },
  },
  'feedback.submit': {
    who: 'anyone',
    on: 'none',
    writes: true,
    what: { vi: 'Gửi phản ánh, kiến nghị (không cần đăng nhập)', en: 'Submit feedback (no sign-in)' },
  },
  'feedback.citizen': {
    who: 'anyone',
    on: 'none',
    writes: true,
    what: {
      vi: 'Người giữ mã theo dõi: mở lại, đánh giá câu trả lời',
      en: 'The holder of the tracking code: reopen, rate the answer',
    },
  },
  'feedback.read': {
    who: 'signed-in',
    on: 'unit',
    writes: false,
    what: {
      vi: 'Xem danh sách, chi tiết, số liệu phản ánh của đơn vị trong phạm vi (liên hệ bị che với vai trò chỉ xem)',
      en: 'See the queue, items and figures of units in scope (contact masked for read-only roles)',
    },
  },
  'feedback.handle': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Giao, xử lý, trả lời, chuyển, đóng phản ánh của đơn vị trong phạm vi',
      en: 'Assign, handle, answer, forward, close items of units in scope',
    },
  },
});
