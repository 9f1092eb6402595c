// The capacity-scoring rule set (issue 14 items 5–6), versioned like the staffing norms: a score is always
// stored with the version that computed it, and a new reading of the law is a new version, never an edit.
//
// Legal basis: Decree 335/2025/NĐ-CP of 21/12/2025 on assessing and grading the quality of State
// administrative agencies and civil servants (in force 1/1/2026). Checked with the search tool against press
// summaries (nld.com.vn 26/12/2025 "Công thức tính điểm … thang điểm 100"; laodong.vn "Quy định mới về đánh
// giá, xếp loại chất lượng công chức từ 1/1/2026"; cafef.vn 28/12/2025 "Công chức không hoàn thành nhiệm vụ
// trong trường hợp nào"; hoatieu.vn's copy of the decree's title and date). What those summaries CONFIRM:
//   - a 100-point scale: general criteria 30 points, results of tasks 70 points;
//   - results by quantity, quality and timeliness (tiến độ) of products/work, converted and compared with
//     those assigned; for a leader, compared together with the results of the unit they lead;
//   - each major error in a product's content: −25 % of that product's quality points, unless the error has an
//     objective cause confirmed by the competent authority; each delay: −25 % of its timeliness points, same
//     exception;
//   - grades: excellent ≥ 90; good 70 to < 90; completed 50 to < 70; not completed < 50 (or the disqualifying
//     cases b–d, which this system does not know and never infers);
//   - "excellent" ≤ 20 % of those graded "good" in the same agency and group with similar tasks (clause 5.a of
//     the grading article).
// What they do NOT confirm, and is therefore OUR parameter, labelled so in every explanation line:
//   - the ARTICLE NUMBERS: the summaries quote clause texts ("khoản 5 … điểm a") without the article number, so
//     citations say "Decree 335/2025, grading article, clause 5.a" and `articleConfirmed: false`;
//   - how the 70 points split between quantity, quality and timeliness (here 30 / 20 / 20);
//   - how the 30 general points are fed (here: superior 40 %, peers 20 %, confidence votes 20 %, public 20 %);
//   - the disruption adjustment (not in the decree: issue 14 item 6) and the tie-break at the cap.
export interface Citation {
  vi: string;
  en: string;
  /** false: the clause text was confirmed in summaries, but not the article number, or it is our parameter. */
  articleConfirmed: boolean;
  source: 'decree' | 'rule-set';
}

const D = (vi: string, en: string): Citation => ({ vi, en, articleConfirmed: false, source: 'decree' });
const R = (vi: string, en: string): Citation => ({ vi, en, articleConfirmed: false, source: 'rule-set' });

export const CITES = {
  scale: D(
    'NĐ 335/2025/NĐ-CP: thang điểm 100 = tiêu chí chung 30 + kết quả thực hiện nhiệm vụ 70',
    'Decree 335/2025: 100 points = 30 general criteria + 70 results',
  ),
  general: D(
    'NĐ 335/2025/NĐ-CP, tiêu chí chung (tối đa 30 điểm)',
    'Decree 335/2025, general criteria (at most 30 points)',
  ),
  generalSources: R(
    'Bộ quy tắc: nguồn chấm tiêu chí chung và trọng số (không có trong Nghị định)',
    'Rule set: sources and weights of the general criteria (not in the decree)',
  ),
  quantity: D(
    'NĐ 335/2025/NĐ-CP, kết quả nhiệm vụ — số lượng: hoàn thành / được giao (đã quy đổi); lãnh đạo: cùng kết quả đơn vị phụ trách',
    'Decree 335/2025, results — quantity: completed / assigned (converted); leaders: with their unit’s results',
  ),
  quality: D(
    'NĐ 335/2025/NĐ-CP, kết quả nhiệm vụ — chất lượng; mỗi sai sót lớn trừ 25% điểm chất lượng của sản phẩm, trừ nguyên nhân khách quan được cấp có thẩm quyền xác nhận',
    'Decree 335/2025, results — quality; each major error −25% of the product’s quality points unless an objective cause is certified',
  ),
  timeliness: D(
    'NĐ 335/2025/NĐ-CP, kết quả nhiệm vụ — tiến độ; mỗi lần chậm trừ 25% điểm tiến độ của sản phẩm, trừ nguyên nhân khách quan được xác nhận',
    'Decree 335/2025, results — timeliness; each delay −25% of the product’s timeliness points unless an objective cause is certified',
  ),
  split: R(
    'Bộ quy tắc: chia 70 điểm thành số lượng 30, chất lượng 20, tiến độ 20 (Nghị định chưa xác minh được tỷ lệ)',
    'Rule set: 70 points split 30 quantity / 20 quality / 20 timeliness (the decree’s split not verified)',
  ),
  grades: D(
    'NĐ 335/2025/NĐ-CP, mức xếp loại: ≥ 90 xuất sắc; 70–<90 tốt; 50–<70 hoàn thành; < 50 không hoàn thành',
    'Decree 335/2025, grades: ≥ 90 excellent; 70–<90 good; 50–<70 completed; < 50 not completed',
  ),
  cap: D(
    'NĐ 335/2025/NĐ-CP, điều về mức xếp loại, khoản 5 điểm a: “xuất sắc” không quá 20% số “tốt” trong cùng cơ quan và nhóm nhiệm vụ tương đồng',
    'Decree 335/2025, grading article, clause 5.a: “excellent” at most 20% of those graded “good” in the same agency and group',
  ),
  tieBreak: R('Bộ quy tắc: thứ tự ưu tiên khi vượt 20% (công bố)', 'Rule set: the published tie-break at the 20% cap'),
  disruption: R(
    'Bộ quy tắc: điều chỉnh do tiếp nhận đơn vị sáp nhập (không có trong Nghị định; yêu cầu 14 mục 6)',
    'Rule set: adjustment for inheriting merged units (not in the decree; issue 14 item 6)',
  ),
} as const;

export interface RuleSet {
  version: string;
  validFrom: string;
  general: { max: number; weights: { superior: number; peers: number; confidence: number; public: number } };
  results: { quantity: number; quality: number; timeliness: number };
  /** Fraction of a product's quality (timeliness) points taken per major error (delay). */
  errorDeduction: number;
  delayDeduction: number;
  /** Share of indicator targets in the quantity term when the unit has both tasks and targets. */
  indicatorShare: number;
  /** Merges that took effect within `withinMonths` before the period's end count as disruption. */
  disruption: { perInheritedUnit: number; max: number; withinMonths: number };
  grades: { excellent: number; good: number; completed: number };
  /** Excellent ≤ capShare × good, in one group. */
  capShare: number;
}

export const DECREE_335_V1: RuleSet = {
  version: 'nd335-2025-v1',
  validFrom: '2026-01-01',
  general: { max: 30, weights: { superior: 0.4, peers: 0.2, confidence: 0.2, public: 0.2 } },
  results: { quantity: 30, quality: 20, timeliness: 20 },
  errorDeduction: 0.25,
  delayDeduction: 0.25,
  indicatorShare: 0.3,
  disruption: { perInheritedUnit: 1, max: 3, withinMonths: 18 },
  grades: { excellent: 90, good: 70, completed: 50 },
  capShare: 0.2,
};

export const RULE_SETS: Record<string, RuleSet> = { [DECREE_335_V1.version]: DECREE_335_V1 };
export const DEFAULT_RULE_SET = DECREE_335_V1;

export type Grade = 'excellent' | 'good' | 'completed' | 'not_completed';
export const GRADE_WORDS: Record<Grade, { vi: string; en: string }> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed' },
  not_completed: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed' },
};

export function gradeOf(rules: RuleSet, total: number): Grade {
  if (total >= rules.grades.excellent) return 'excellent';
  if (total >= rules.grades.good) return 'good';
  if (total >= rules.grades.completed) return 'completed';
  return 'not_completed';
}
