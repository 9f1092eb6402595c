// "Excellent" at most 20 % of those graded "good" in the same group (Decree 335/2025, grading article,
// clause 5.a; see scores.rules.ts). Those above the cap are graded "good", and then count among the good:
// the largest e with e ≤ share × (good + excellent − e).
// Published tie-break (our rule, CITES.tieBreak): rank by total, then results (70-point part), then
// timeliness, then quality, each higher first. Leaders still tied on all four across the cut are ALL graded
// "good": the cap is never exceeded and no one is preferred by an arbitrary key (name, id).
import { CITES, type Grade, type RuleSet } from './scores.rules.ts';

export interface Ranked {
  personId: number;
  total: number;
  results: number;
  timeliness: number;
  quality: number;
  grade: Grade;
}
export interface CapVerdict {
  personId: number;
  finalGrade: Grade;
  /** Rank among the group's "excellent" candidates (1 = first), null for the others. */
  rank: number | null;
  capped: boolean;
  note: { vi: string; en: string } | null;
}

const keys = (r: Ranked) => [r.total, r.results, r.timeliness, r.quality];
const compare = (a: Ranked, b: Ranked) => {
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
  return 0;
};

/** Number of "excellent" allowed: max e ≤ E with e ≤ share × (G + E − e), in integers (share as a fraction). */
export function allowedExcellent(rules: RuleSet, excellent: number, good: number): number {
  // share = 0.2 = 1/5 → e × 5 ≤ G + E − e; exact integer arithmetic on hundredths of the share
  const s = Math.round(rules.capShare * 100);
  let e = excellent;
  while (e > 0 && e * 100 > s * (good + excellent - e)) e--;
  return e;
}

export function applyCap(rules: RuleSet, group: Ranked[]): CapVerdict[] {
  const cands = group.filter((r) => r.grade === 'excellent').sort(compare);
  const good = group.filter((r) => r.grade === 'good').length;
  let allowed = allowedExcellent(rules, cands.length, good);
  // a tie across the cut: step back to the start of the tied block
  while (allowed > 0 && allowed < cands.length && compare(cands[allowed - 1]!, cands[allowed]!) === 0) allowed--;
  const rank = new Map(cands.map((c, i) => [c.personId, i + 1]));
  return group.map((r) => {
    const i = rank.get(r.personId);
    if (i === undefined) return { personId: r.personId, finalGrade: r.grade, rank: null, capped: false, note: null };
    const capped = i > allowed;
    return {
      personId: r.personId,
      finalGrade: capped ? 'good' : 'excellent',
      rank: i,
      capped,
      note: {
        vi: `Hạng ${i}/${cands.length} trong nhóm; được xếp xuất sắc tối đa ${allowed} (${good} tốt). ${CITES.cap.vi}. ${CITES.tieBreak.vi}: tổng điểm, điểm kết quả, tiến độ, chất lượng; bằng nhau tại ngưỡng thì cùng xếp tốt.`,
        en: `Rank ${i}/${cands.length} in the group; at most ${allowed} may be excellent (${good} good). ${CITES.cap.en}. ${CITES.tieBreak.en}: total, results, timeliness, quality; leaders tied at the cut are all graded good.`,
      },
    };
  });
}
