// The thresholds of the early-warning rules. Every one is a parameter so a
// program can tune it; the defaults and the reasons for them are here.
import type { Cadence } from '../program.types.ts';

export interface WarningRules {
  /**
   * At risk when the elapsed share of [start, due] exceeds progress by MORE than this many
   * percentage points. 25: halfway through the time with under a quarter of the work done is the
   * point at which a delivery unit would start asking questions; smaller gaps are ordinary noise in
   * self-reported progress.
   */
  atRiskMarginPoints: number;
  /** Trajectory: fit a least-squares line through the last N reports (dated on or before asOf). 4 ≈ a quarter of monthly reports. */
  trendWindow: number;
  /** …but only with at least this many reports on at least two dates: two points are a line through noise. */
  trendMinReports: number;
  /** Due soon: the due date is at most this many days ahead (0 = due today). 30: about one reporting month left. */
  dueSoonDays: number;
  /** …and progress is below this percentage. 50: more than half the work in the last month is rarely achieved. */
  dueSoonMinProgress: number;
  /**
   * Silent: no report for more than the cadence plus this grace, in days. Cadence is counted in
   * days as the longest month (31) or quarter (92), so a report on the same day of the next
   * month is never late; 7 days of grace cover a report filed in the first week of the next period.
   */
  silentGraceDays: number;
  cadenceDays: Record<Cadence, number>;
}

export const DEFAULT_RULES: WarningRules = {
  atRiskMarginPoints: 25,
  trendWindow: 4,
  trendMinReports: 3,
  dueSoonDays: 30,
  dueSoonMinProgress: 50,
  silentGraceDays: 7,
  cadenceDays: { monthly: 31, quarterly: 92 },
};

/** Defaults with a program's overrides; build once, not per task (the engine takes the result as is). */
export function warningRules(overrides: Partial<WarningRules> = {}): WarningRules {
  return { ...DEFAULT_RULES, ...overrides, cadenceDays: { ...DEFAULT_RULES.cadenceDays, ...overrides.cadenceDays } };
}

/**
 * Rating points per warning kind (overdue is red by itself). Delivery warnings weigh 2, support
 * warnings (resources, reporting) weigh 1: a missing report says less about delivery than a
 * task that is behind. The sum maps to a level in rating.ts.
 */
export const RATING_POINTS = {
  at_risk: 2,
  due_soon_low_progress: 2,
  blocked: 2,
  lacking_resources: 1,
  silent: 1,
  /** The level above is late reviewing a report: not the task's delivery, so no points (the engine leaves it out of the rating). */
  review_overdue: 0,
} as const;
