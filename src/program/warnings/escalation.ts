// "Unresolved warnings escalate to the level above after a set number of days."
// Only resolution stops the clock: acknowledging a warning says someone saw it,
// and must not become a way to keep it from the level above.
import { addDays, dayNumber } from './days.ts';

export interface WarningClock {
  raisedAt: string;
  acknowledgedAt?: string | null;
  resolvedAt?: string | null;
}

/** Timestamps may be full ISO strings; their written day counts, so pass local (Asia/Ho_Chi_Minh) times, not UTC. */
const day = (t: string) => dayNumber(t.slice(0, 10));

/** The date on which an unresolved warning raised on `raisedAt` goes one level up. */
export const escalationDate = (raisedAt: string, days: number): string => addDays(raisedAt.slice(0, 10), days);

/**
 * How many levels above the warning's own level should see it on `asOf`: 0 before `days` have
 * passed, 1 from raisedAt + days, 2 from raisedAt + 2·days, … A warning resolved on or before
 * asOf is never escalated (it may have been escalated before; the store keeps that history).
 */
export function escalationSteps(warning: WarningClock, asOf: string, days: number): number {
  if (!(days > 0)) throw new Error(`Số ngày chuyển cấp phải lớn hơn 0 / Escalation days must be positive, got ${days}`);
  const today = day(asOf);
  if (warning.resolvedAt && day(warning.resolvedAt) <= today) return 0;
  const age = today - day(warning.raisedAt);
  return age < days ? 0 : Math.floor(age / days);
}

/** True when the warning is unresolved on `asOf` and `days` or more days have passed since it was raised. */
export const escalationDue = (warning: WarningClock, asOf: string, days: number): boolean =>
  escalationSteps(warning, asOf, days) > 0;
