// The daily run of early warnings: once per Vietnamese calendar day, one server
// process (a pg-boss scheduled job; the day is claimed in the database too)
// re-evaluates every task, so deadlines that pass overnight raise warnings
// without any edit.
import type { Db } from '../../platform/db/db.ts';
import { todayIso } from '../../platform/errors.ts';
import { reevaluateAll } from './warnings.service.ts';
import type { MailConfig } from './warnings.escalation.ts';
import { deliveriesSince, lastDeliveryId } from './warnings.webhooks.ts';
import { claimRun, finishRun } from './warnings.actions.store.ts';
import type { ScheduledKind } from '../../platform/jobs/jobs.service.ts';

export const DAILY_RUN_JOB = 'program.daily-run';

/** Claims `asOf` for this process; false when another process already has it. */
export async function claimDailyRun(db: Db, asOf: string): Promise<boolean> {
  return claimRun(db, asOf);
}

export async function runDailyIfDue(db: Db, mail: MailConfig, asOf = todayIso()) {
  if (!(await claimDailyRun(db, asOf))) return null;
  const before = await lastDeliveryId(db);
  // The webhook deliveries of escalated warnings are counted from their records (reevaluateAll reports e-mails only).
  const result = { ...(await reevaluateAll(db, asOf, 10000, mail)), ...(await deliveriesSince(db, before)) };
  await finishRun(db, asOf, result);
  return result;
}

/**
 * The daily run as a pg-boss schedule: at 00:05 Vietnam time one job is queued for the whole cluster (pg-boss
 * queues one job per cron slot, whichever process's clock gets there first), and whichever worker claims it
 * runs it. A process that starts later in the day queues a catch-up job keyed by the day (at most one a
 * day), so a day on which no server was up at 00:05 still gets its run. The claim in program_daily_runs
 * stays as the last guard: a day is run once even if two jobs for it ever ran.
 */
export function dailyRunJob(mail: MailConfig): ScheduledKind {
  return {
    kind: DAILY_RUN_JOB,
    cron: '5 0 * * *',
    catchUpKey: todayIso,
    async run(db, log) {
      const result = await runDailyIfDue(db, mail);
      if (result) log(`daily warning run: ${JSON.stringify(result)}`);
    },
  };
}
