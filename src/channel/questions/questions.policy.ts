// Who may do what with the standing office's questions (issue 13, item 3). Any officer of a unit asks in the
// name of a unit their grant covers; the office's officers (central officers for the central office, province
// officers over their province) draft and review answers — a grant on the country also covers a province's
// office, as everywhere else in the platform. Reading needs a grant over the asking unit or the office.
// The published FAQ and the suggestions drawn from it are public (redacted text only).
import { definePolicy, WRITERS } from '../../platform/policy/policy.ts';

export const OFFICERS = ['system_admin', 'central_officer', 'province_officer'] as const;

export const QUESTIONS = definePolicy({
  'questions.public': {
    who: 'anyone',
    on: 'none',
    writes: false,
    what: {
      vi: 'Tra cứu hỏi đáp đã công bố, gợi ý câu hỏi tương tự (đã ẩn thông tin cá nhân)',
      en: 'Search the published FAQ, similar questions (personal data redacted)',
    },
  },
  'questions.ask': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Gửi câu hỏi về sắp xếp tổ chức bộ máy tới Thường trực trung ương hoặc tỉnh, nhân danh đơn vị trong phạm vi',
      en: 'Send a question on the reorganisation to the central or provincial standing office for a unit in scope',
    },
  },
  'questions.read': {
    who: 'signed-in',
    on: 'unit',
    writes: false,
    what: {
      vi: 'Xem câu hỏi của đơn vị hỏi hoặc của cơ quan thường trực trong phạm vi',
      en: 'See the questions of an asking unit or a standing office in scope',
    },
  },
  'questions.answer': {
    who: OFFICERS,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Soạn, duyệt (người duyệt khác người soạn), công bố câu trả lời của cơ quan thường trực trong phạm vi',
      en: "Draft, review (not one's own draft), publish the answers of a standing office in scope",
    },
  },
});
