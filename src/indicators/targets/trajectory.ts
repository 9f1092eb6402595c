// On track or not (issue 14, item 4): the path a target requires, the gap, and a verdict.
//   - An average growth target over a span ("≥ 10 %/year on average 2026–2030") compounds: after k years the
//     level must be (1 + t)^k times the base, so the years so far are judged by their compound average
//     ((Π(1 + g_i))^(1/k) − 1), and the rest must average ((1 + t)^N / Π(1 + g_i))^(1/(N − k)) − 1.
//   - A level target at the span's end ("≈ 8,500 USD per person in 2030" from 5,026 in 2025) follows the
//     compound path base × (target / base)^((y − y0) / (T − y0)) for counts, amounts and ratios of levels;
//     a share (28 % of GDP) moves in percentage points, so its path is a straight line.
//   - Without a baseline a level target can only be judged in its final year.
// The powers and roots are irrational: the path is computed in floating point and shown rounded to four
// decimals; the stored figures themselves stay exact.
export type Direction = 'higher' | 'lower';
export type TargetKind = 'point' | 'min' | 'max' | 'range';
export type TrackStatus = 'on_track' | 'off_track' | 'achieved' | 'missed' | 'no_data' | 'no_baseline';

export interface TrackTarget {
  kind: TargetKind;
  low: number | null;
  high: number | null;
  perYear: boolean;
  firstYear: number;
  lastYear: number;
  baseline: { year: number; value: number } | null;
}

export interface Track {
  status: TrackStatus;
  /** the year judged (the latest with a figure) */
  year: number | null;
  actual: number | null;
  /** what the path requires for that year (for a per-year growth target: the average so far must reach it) */
  required: number | null;
  /** actual − required, signed so that a positive gap is good news */
  gap: number | null;
  /** per-year growth targets: the average the remaining years must reach */
  requiredForRest: number | null;
  path: { year: number; required: number }[];
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The bound the direction cares about: a minimum for higher-is-better, a maximum for lower-is-better. */
function bound(t: TrackTarget, direction: Direction): { value: number; side: 'min' | 'max' } {
  if (t.kind === 'min') return { value: t.low!, side: 'min' };
  if (t.kind === 'max') return { value: t.high!, side: 'max' };
  if (t.kind === 'point') return { value: t.low!, side: direction === 'higher' ? 'min' : 'max' };
  return direction === 'higher' ? { value: t.low!, side: 'min' } : { value: t.high!, side: 'max' };
}

const meets = (actual: number, required: number, side: 'min' | 'max') =>
  side === 'min' ? actual >= required - 1e-9 : actual <= required + 1e-9;
const signedGap = (actual: number, required: number, side: 'min' | 'max') =>
  r4(side === 'min' ? actual - required : required - actual);

/** Growth rates in percent, by year; the target's bound in percent per year. */
export function growthTrack(t: TrackTarget, direction: Direction, actuals: Map<number, number>): Track {
  const { value: rate, side } = bound(t, direction);
  const years = t.lastYear - t.firstYear + 1;
  const path = Array.from({ length: years }, (_, i) => ({
    year: t.firstYear + i,
    required: r4(((1 + rate / 100) ** (i + 1) - 1) * 100), // cumulative growth over the base, in percent
  }));
  let index = 1,
    k = 0;
  for (let y = t.firstYear; y <= t.lastYear && actuals.has(y); y++, k++) index *= 1 + actuals.get(y)! / 100;
  if (k === 0)
    return { status: 'no_data', year: null, actual: null, required: rate, gap: null, requiredForRest: null, path };
  const average = (index ** (1 / k) - 1) * 100;
  const rest = k < years ? (((1 + rate / 100) ** years / index) ** (1 / (years - k)) - 1) * 100 : null;
  const ok = meets(average, rate, side);
  return {
    status: k === years ? (ok ? 'achieved' : 'missed') : ok ? 'on_track' : 'off_track',
    year: t.firstYear + k - 1,
    actual: r4(average),
    required: rate,
    gap: signedGap(average, rate, side),
    requiredForRest: rest === null ? null : r4(rest),
    path,
  };
}

/** A level (count, amount, ratio) or a share: the path from the baseline to the target in the last year. */
export function levelTrack(t: TrackTarget, direction: Direction, linear: boolean, actuals: Map<number, number>): Track {
  const { value: goal, side } = bound(t, direction);
  const latest = [...actuals.keys()].filter((y) => y <= t.lastYear).sort((a, b) => b - a)[0];
  const base = t.baseline;
  const at = (y: number) => {
    if (!base) return goal;
    const f = (y - base.year) / (t.lastYear - base.year);
    if (linear || base.value <= 0 || goal <= 0) return base.value + (goal - base.value) * f;
    return base.value * (goal / base.value) ** f;
  };
  const path = base
    ? Array.from({ length: t.lastYear - base.year }, (_, i) => ({
        year: base.year + i + 1,
        required: r4(at(base.year + i + 1)),
      }))
    : [{ year: t.lastYear, required: goal }];
  if (latest === undefined)
    return { status: 'no_data', year: null, actual: null, required: null, gap: null, requiredForRest: null, path };
  const actual = actuals.get(latest)!;
  if (!base && latest < t.lastYear)
    return { status: 'no_baseline', year: latest, actual, required: null, gap: null, requiredForRest: null, path };
  const required = r4(at(latest));
  const ok = meets(actual, required, side);
  return {
    status: latest === t.lastYear ? (ok ? 'achieved' : 'missed') : ok ? 'on_track' : 'off_track',
    year: latest,
    actual,
    required,
    gap: signedGap(actual, required, side),
    requiredForRest: null,
    path,
  };
}
