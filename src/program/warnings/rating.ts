// From warnings to the five-level delivery confidence rating (UK PMDU style),
// and from many ratings to one for a unit or a section. Both come with a
// sentence saying why, because a colour nobody can explain is not acted upon.
import { RATINGS, type Rating, type TaskStatus, type Warning, type WarningKind } from '../program.types.ts';
import { RATING_POINTS } from './rules.ts';
import { NO_TEXT } from './format.ts';

export const RATING_LABELS: Record<Rating, { vi: string; en: string }> = {
  green: { vi: 'Xanh', en: 'Green' },
  amber_green: { vi: 'Vàng-Xanh', en: 'Amber/Green' },
  amber: { vi: 'Vàng', en: 'Amber' },
  amber_red: { vi: 'Vàng-Đỏ', en: 'Amber/Red' },
  red: { vi: 'Đỏ', en: 'Red' },
};

const KIND_LABELS: Record<WarningKind, { vi: string; en: string }> = {
  overdue: { vi: 'quá hạn', en: 'overdue' },
  at_risk: { vi: 'có nguy cơ chậm', en: 'at risk' },
  due_soon_low_progress: { vi: 'sắp đến hạn, tiến độ thấp', en: 'due soon with low progress' },
  silent: { vi: 'không báo cáo đúng kỳ', en: 'missed reporting' },
  lacking_resources: { vi: 'thiếu nguồn lực', en: 'lacking resources' },
  blocked: { vi: 'bị chặn bởi nhiệm vụ phụ thuộc', en: 'blocked by a dependency' },
  review_overdue: { vi: 'báo cáo chờ duyệt quá hạn', en: 'report review overdue' },
};

/**
 * Rating of one active task: overdue is red on its own (the deadline is already missed).
 * Otherwise points add up (RATING_POINTS: delivery warnings 2, support warnings 1):
 * 0 green, 1 amber/green, 2 amber, 3–4 amber/red, 5 or more red (e.g. at risk + due soon + no money).
 */
export const NO_WARNINGS = Object.freeze({ vi: 'Xanh: không có cảnh báo.', en: 'Green: no warnings.' });

/** `text` false: the rating with an empty explanation (see evaluateTask). */
export function rateWarnings(
  warnings: Warning[],
  text = true,
): { rating: Rating; explanation: { vi: string; en: string } } {
  if (warnings.length === 0) return { rating: 'green', explanation: NO_WARNINGS };
  let late: Warning | undefined,
    points = 0;
  for (const w of warnings)
    if (w.kind === 'overdue') late = w;
    else points += RATING_POINTS[w.kind];
  const rating: Rating =
    late || points >= 5 ? 'red' : points >= 3 ? 'amber_red' : points === 2 ? 'amber' : 'amber_green';
  if (!text) return { rating, explanation: NO_TEXT };
  const listed = (lang: 'vi' | 'en') =>
    warnings
      .filter((w) => w.kind !== 'overdue')
      .map((w) => `${KIND_LABELS[w.kind][lang]} (${RATING_POINTS[w.kind as Exclude<WarningKind, 'overdue'>]})`)
      .join(', ');
  const label = RATING_LABELS[rating];
  if (late) {
    const rest = points > 0 ? { vi: `; ngoài ra: ${listed('vi')}`, en: `; also: ${listed('en')}` } : { vi: '', en: '' };
    return {
      rating,
      explanation: {
        vi: `${label.vi}: ${late.message.vi} — nhiệm vụ quá hạn luôn xếp Đỏ${rest.vi}.`,
        en: `${label.en}: ${late.message.en} — an overdue task is always Red${rest.en}.`,
      },
    };
  }
  return {
    rating,
    explanation: {
      vi: `${label.vi}: ${points} điểm cảnh báo — ${listed('vi')}.`,
      en: `${label.en}: ${points} warning point${points === 1 ? '' : 's'} — ${listed('en')}.`,
    },
  };
}

/** Tasks that count in a rollup. Cancelled and suspended tasks are not being delivered, so they neither help nor hurt. */
export const countsInRollup = (status: TaskStatus): boolean => status !== 'cancelled' && status !== 'suspended';

export type RatingCounts = Partial<Record<Rating, number>>;

/**
 * "At risk", the one definition every figure, list, map and sentence uses: a rated task at
 * Amber/Red or Red. The dashboards' "Có nguy cơ" column, the share at risk, the at-risk list,
 * the risk map, the timeline and the rollup's explanation all count these, and say so.
 */
export const AT_RISK: readonly Rating[] = Object.freeze(['amber_red', 'red'] as Rating[]);
export const AT_RISK_LABEL = Object.freeze({ vi: 'có nguy cơ (Vàng-Đỏ hoặc Đỏ)', en: 'at risk (Amber/Red or Red)' });
export const atRiskOf = (counts: RatingCounts): number => AT_RISK.reduce((s, r) => s + (counts[r] ?? 0), 0);

/** `total` is the rated tasks (cancelled and suspended ones are not rated); `atRisk` those of them AT_RISK. */
export interface Rollup {
  rating: Rating;
  total: number;
  atRisk: number;
  counts: Record<Rating, number>;
  explanation: { vi: string; en: string };
}

/**
 * Rollup for a unit or a section ("worst share"): the worst level L such that at least
 * `share` (default a quarter) of the rated tasks are at L or worse. A quarter, because a unit
 * where one task in four is red is in trouble, while one red task in a hundred is that task's
 * problem. But a single task at risk (Amber/Red or Red) still lifts the rollup to at least
 * amber/green, so a bad task is never hidden behind a green unit. No tasks: green.
 * The explanation names its population ("được đánh giá": rated) and always ends with the
 * at-risk count by the one definition above, so it can never read as contradicting that figure.
 */
export function rollupRatingExplained(children: Rating[] | RatingCounts, share = 0.25): Rollup {
  const counts: Record<Rating, number> = { green: 0, amber_green: 0, amber: 0, amber_red: 0, red: 0 };
  if (Array.isArray(children)) for (const r of children) counts[r]++;
  else for (const r of RATINGS) counts[r] = children[r] ?? 0;
  const total = RATINGS.reduce((s, r) => s + counts[r], 0);
  const atRisk = atRiskOf(counts);
  let level = 0,
    atOrWorse = 0,
    lShare = 0;
  for (let i = RATINGS.length - 1; i >= 1 && total > 0; i--) {
    atOrWorse += counts[RATINGS[i]];
    if (atOrWorse / total >= share) {
      level = i;
      lShare = atOrWorse / total;
      break;
    }
  }
  const floorApplied = level === 0 && atRisk > 0;
  if (floorApplied) level = 1;
  const rating = RATINGS[level];
  const label = RATING_LABELS[rating];
  const pctText = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const risk = {
    vi: `${atRisk}/${total} nhiệm vụ ${AT_RISK_LABEL.vi}`,
    en: `${atRisk} of ${total} rated tasks ${AT_RISK_LABEL.en}`,
  };
  let explanation: Rollup['explanation'];
  if (total === 0) explanation = { vi: 'Xanh: không có nhiệm vụ được đánh giá.', en: 'Green: no rated tasks.' };
  else if (floorApplied)
    explanation = {
      vi: `${label.vi}: ${risk.vi} — dưới ngưỡng ${pctText(share)}, nhưng đã có nhiệm vụ có nguy cơ thì không thể xếp Xanh.`,
      en: `${label.en}: ${risk.en} — under the ${pctText(share)} threshold, but never Green with a task at risk.`,
    };
  else if (level === 0)
    explanation = {
      vi: `Xanh: dưới ${pctText(share)} trong ${total} nhiệm vụ được đánh giá có cảnh báo; ${risk.vi}.`,
      en: `Green: under ${pctText(share)} of ${total} rated tasks have warnings; ${risk.en}.`,
    };
  else
    explanation = {
      vi: `${label.vi}: ${pctText(lShare).replace('.', ',')} trong ${total} nhiệm vụ được đánh giá ở mức ${label.vi} hoặc xấu hơn (ngưỡng ${pctText(share)}); ${risk.vi}.`,
      en: `${label.en}: ${pctText(lShare)} of ${total} rated tasks are ${label.en} or worse (threshold ${pctText(share)}); ${risk.en}.`,
    };
  return { rating, total, atRisk, counts, explanation };
}

export const rollupRating = (children: Rating[] | RatingCounts, share = 0.25): Rating =>
  rollupRatingExplained(children, share).rating;
