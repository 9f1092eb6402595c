// The early-warning engine's public face: what the program store, the daily
// clock, the CLI and the benchmark import.
export { evaluateTask } from './engine.ts';
export {
  rateWarnings,
  rollupRating,
  rollupRatingExplained,
  countsInRollup,
  RATING_LABELS,
  AT_RISK,
  AT_RISK_LABEL,
  atRiskOf,
  type Rollup,
  type RatingCounts,
} from './rating.ts';
export { escalationDue, escalationSteps, escalationDate, type WarningClock } from './escalation.ts';
export { DEFAULT_RULES, RATING_POINTS, warningRules, type WarningRules } from './rules.ts';
export { FINISHED } from './checks.ts';
export { dayNumber, dateOf, addDays } from './days.ts';
