// Who may do what with the satisfaction index (see src/platform/policy/policy.ts). Answering a survey and
// reading the index are public: the index carries counts only, never a respondent.
import { definePolicy } from '../../platform/policy/policy.ts';

export const SATISFACTION = definePolicy({
  'channel.satisfaction.read': {
    who: 'anyone',
    on: 'none',
    writes: false,
    what: {
      vi: 'Xem bộ câu hỏi và chỉ số hài lòng (theo đơn vị, tỉnh, cả nước, theo kỳ)',
      en: 'See the questionnaire and the satisfaction index (unit, province, country, per period)',
    },
  },
  'channel.satisfaction.answer': {
    who: 'anyone',
    on: 'none',
    writes: true,
    what: {
      vi: 'Trả lời phiếu khảo sát sự hài lòng về dịch vụ của một đơn vị',
      en: "Answer a satisfaction survey on a unit's services",
    },
  },
});
