// Who may compute, enter and read leaders' scores. A score is personal: it is read only by the leader
// themself (their linked account), their superiors (a writer's grant over the parent of the leader's unit) and
// the personnel committee. The personnel committee is the existing `hr_officer` role granted over the leader's
// unit (the province's Department of Home Affairs, which prepares personnel decisions), plus central officers:
// a new `personnel_committee` role would touch the grants constraint, the role lists, the policy matrix users
// and the web grant form of every module, so it is left to the lead (see the report).
import { CENTRAL, definePolicy } from '../../platform/policy/policy.ts';

export const PERSONNEL = [...CENTRAL, 'hr_officer'] as const;

export const SCORES = definePolicy({
  'scores.read': {
    who: 'signed-in',
    on: 'unit',
    writes: false,
    what: {
      vi: 'Xem điểm năng lực của lãnh đạo: chính người đó, cấp trên, cán bộ tổ chức cán bộ',
      en: "See a leader's capacity score: the leader, their superiors, the personnel committee",
    },
  },
  'scores.compute': {
    who: PERSONNEL,
    on: 'unit',
    writes: true,
    what: { vi: 'Tính điểm năng lực lãnh đạo của một kỳ', en: 'Compute leaders’ capacity scores for a period' },
  },
  'scores.assess': {
    who: PERSONNEL,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Ghi đánh giá, phiếu tín nhiệm, sai sót lớn, miễn trừ do nguyên nhân khách quan (kèm quyết định)',
      en: 'Enter ratings, confidence votes, major errors, objective-cause exemptions (with their decision)',
    },
  },
});
