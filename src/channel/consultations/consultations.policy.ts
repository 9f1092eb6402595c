// Who may do what with consultations (see src/platform/policy/policy.ts). Reading a draft, its published
// comments, answers and results, and taking part, are public (no sign-in): a consultation is public by nature.
// Only the drafting body (a writer whose grant covers the consultation's unit) opens a consultation, groups
// comments and publishes answers.
import { definePolicy, WRITERS } from '../../platform/policy/policy.ts';

export const CONSULTATIONS = definePolicy({
  'channel.consultation.read': {
    who: 'anyone',
    on: 'none',
    writes: false,
    what: {
      vi: 'Xem dự thảo lấy ý kiến, ý kiến đã công bố, giải trình và kết quả biểu quyết',
      en: 'See a consultation draft, its published comments, answers and results',
    },
  },
  'channel.consultation.participate': {
    who: 'anyone',
    on: 'none',
    writes: true,
    what: {
      vi: 'Góp ý và biểu quyết (một lần cho mỗi địa chỉ thư điện tử đã xác nhận)',
      en: 'Comment and vote (once per confirmed e-mail address)',
    },
  },
  'channel.consultation.manage': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Cơ quan soạn thảo: mở lấy ý kiến, nhóm ý kiến, công bố giải trình (đơn vị trong phạm vi)',
      en: 'Drafting body: open a consultation, group comments, publish answers (unit in scope)',
    },
  },
});
