// The arithmetic of a streamlining target, pure: the straight line from the
// baseline headcount to the target headcount, and each recorded headcount set
// against it. Kept apart from the database so the tests can redo it by hand.
// Nothing is rounded here: the planned values are exact, and a share is left as
// its two whole numbers (achieved of requiredCut, requiredCut of baseline) for
// the screen to write with two decimals.

export interface TargetLine {
  baselineDate: string;
  baselineHeadcount: number;
  targetDate: string;
  targetHeadcount: number;
}
export interface Recorded {
  asOf: string;
  present: number;
  source: string | null;
}

const DAY = 86_400_000;
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The cut a share asks for, rounded up to a whole position (as the 2026–2031 rule does): never below the share. */
export const cutFromShare = (baseline: number, percent: number) => Math.ceil((baseline * percent) / 100 - 1e-9);

/** Share of the way from the baseline date to the target date on `date` (0 before or on the baseline, 1 from the target date on). */
export function elapsedShare(line: TargetLine, date: string) {
  const total = daysBetween(line.baselineDate, line.targetDate);
  return Math.min(1, Math.max(0, daysBetween(line.baselineDate, date) / total));
}

/** The headcount the straight line allows on `date` (exact, not rounded). */
export function plannedOn(line: TargetLine, date: string) {
  return line.baselineHeadcount - (line.baselineHeadcount - line.targetHeadcount) * elapsedShare(line, date);
}

export type PointStatus = 'before_baseline' | 'on_track' | 'behind';

/**
 * Each recorded headcount against the line: the planned value on its date,
 * the reduction achieved so far (absolute and as a share of the required
 * cut), and whether it is at or below the line. A record dated before the
 * baseline date is shown as history, without a plan.
 */
export function progressPoints(line: TargetLine, history: Recorded[]) {
  return history.map((h) => {
    if (h.asOf < line.baselineDate) {
      return {
        asOf: h.asOf,
        present: h.present,
        source: h.source,
        planned: null,
        plannedCut: null,
        achieved: null,
        gap: null,
        status: 'before_baseline' as PointStatus,
      };
    }
    const planned = plannedOn(line, h.asOf);
    const achieved = line.baselineHeadcount - h.present;
    return {
      asOf: h.asOf,
      present: h.present,
      source: h.source,
      planned,
      plannedCut: line.baselineHeadcount - planned,
      achieved, // of the required cut: the share achieved is achieved / requiredCut
      gap: h.present - planned, // above zero: that many more people than the line allows
      status: (h.present <= planned + 1e-9 ? 'on_track' : 'behind') as PointStatus,
    };
  });
}

export type TargetStatus = 'no_data' | 'reached' | 'on_track' | 'behind';

/** The target's standing from its latest record on or after the baseline. */
export function summarise(line: TargetLine, points: ReturnType<typeof progressPoints>) {
  const requiredCut = line.baselineHeadcount - line.targetHeadcount;
  const latest = [...points].reverse().find((p) => p.status !== 'before_baseline') ?? null;
  const status: TargetStatus =
    latest === null
      ? 'no_data'
      : latest.present <= line.targetHeadcount
        ? 'reached'
        : latest.status === 'on_track'
          ? 'on_track'
          : 'behind';
  return {
    requiredCut, // of baselineHeadcount: the required share
    latest,
    status,
    remainingCut: latest === null ? requiredCut : Math.max(0, latest.present - line.targetHeadcount),
  };
}
