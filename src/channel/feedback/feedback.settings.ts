// Settings of the public channel, from the environment (read here, not in platform/config.ts, so the module
// carries its own): how many items one address may submit per hour, and for how many days after an answer or a
// closure the citizen may reopen it.
import { serverHashSecret } from '../../platform/secrets/hash-secret.ts';

export interface FeedbackSettings {
  submitsPerHour: number;
  reopenDays: number;
  /** Key of the HMAC that hides the submitter's address in the rate-limit record (see platform/secrets). */
  hashSecret: string;
  /** The day the clock reads (Vietnam time); tests set it to put a submission before Tết. */
  today?: () => string;
}

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`Environment variable ${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

export function feedbackSettings(overrides: Partial<FeedbackSettings> = {}): FeedbackSettings {
  return {
    submitsPerHour: intFromEnv('APPARATUS_FEEDBACK_SUBMITS_PER_HOUR', 20, 1, 100_000),
    reopenDays: intFromEnv('APPARATUS_FEEDBACK_REOPEN_DAYS', 30, 0, 365),
    ...overrides,
    hashSecret: overrides.hashSecret ?? serverHashSecret(),
  };
}
