// Who may not yet be let go under the reorganisation's policies (pure). Decree 178/2024/NĐ-CP, in its article on the
// cases not yet considered for leaving ("chưa xem xét nghỉ"), as kept by Decree 67/2025/NĐ-CP:
//   (a) a woman who is pregnant, on maternity leave, or raising a child under 36 months, unless she asks to leave
//       voluntarily (tự nguyện);
//   (b) a person under review for discipline, under criminal prosecution, or under inspection or audit for signs
//       of a violation: no exception.
// The exclusions block leaving (early retirement, resignation, end of part-time service); a placement or continuing
// until normal retirement keeps the person at work and is never blocked. The search tool found no authoritative
// text of the article to confirm its number, so the rule cites the decree and the clause's content, versioned below.
import type { Message } from '../../platform/errors.ts';

export const EXCLUSION_RULES_VERSION = 'nd178-2024+nd67-2025';
export const LEAVING = new Set(['early_retirement', 'resignation', 'part_time_ended']);

export interface ExclusionFacts {
  pregnantOrMaternity: boolean;
  youngestChildBirth: string | null;
  underDiscipline: boolean;
}

/** The day a child born on `birth` turns 36 months. */
export function thirtySixMonths(birth: string): string {
  const [y, m, d] = birth.split('-').map(Number);
  const t = new Date(Date.UTC(y + 3, m - 1, d));
  // 29 February + 3 years: the last day of February
  if (t.getUTCMonth() !== m - 1) t.setUTCDate(0);
  return t.toISOString().slice(0, 10);
}

const fmt = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Why this outcome may not be recorded on `decisionDate`; empty when it may. */
export function exclusionsOf(kind: string, facts: ExclusionFacts, decisionDate: string, voluntary: boolean): Message[] {
  if (!LEAVING.has(kind)) return [];
  const out: Message[] = [];
  if (!voluntary && facts.pregnantOrMaternity)
    out.push({
      vi: 'Đang mang thai hoặc nghỉ thai sản: chưa xem xét cho nghỉ, trừ khi tự nguyện (Nghị định 178/2024/NĐ-CP, trường hợp chưa xem xét nghỉ).',
      en: 'Pregnant or on maternity leave: not yet to be let go unless she volunteers (Decree 178/2024/NĐ-CP, cases not yet considered).',
    });
  if (!voluntary && facts.youngestChildBirth && decisionDate < thirtySixMonths(facts.youngestChildBirth))
    out.push({
      vi: `Đang nuôi con dưới 36 tháng tuổi (đủ 36 tháng ngày ${fmt(thirtySixMonths(facts.youngestChildBirth))}): chưa xem xét cho nghỉ, trừ khi tự nguyện (Nghị định 178/2024/NĐ-CP).`,
      en: `Raising a child under 36 months (36 months on ${fmt(thirtySixMonths(facts.youngestChildBirth))}): not yet to be let go unless volunteering (Decree 178/2024/NĐ-CP).`,
    });
  if (facts.underDiscipline)
    out.push({
      vi: 'Đang bị xem xét kỷ luật, truy cứu trách nhiệm hình sự hoặc thanh tra, kiểm tra do có dấu hiệu vi phạm: chưa xem xét cho nghỉ (Nghị định 178/2024/NĐ-CP), kể cả khi tự nguyện.',
      en: 'Under discipline review, criminal prosecution or inspection for signs of a violation: not to be let go (Decree 178/2024/NĐ-CP), even if volunteering.',
    });
  return out;
}
