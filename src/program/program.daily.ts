// The daily clock of early warnings: once per Vietnamese calendar day, one
// server process (whichever claims the day first in the database) re-evaluates
// every task, so deadlines that pass overnight raise warnings without any edit.
import type { Db } from '../platform/db/db.ts';
import { todayIso } from '../platform/errors.ts';
import { reevaluateAll } from './program.warnings.service.ts';
import type { MailConfig } from './program.escalation.ts';
import { deliveriesSince, lastDeliveryId } from './program.webhooks.ts';

/** Claims `asOf` for this process; false when another process already has it. */
export async function claimDailyRun(db: Db, asOf: string): Promise<boolean> {
  const row = await db.insertInto('program_daily_runs').values({ as_of: asOf, claimed_at: new Date() })
    .onConflict((oc) => oc.column('as_of').doNothing()).returning('as_of').executeTakeFirst();
  return row !== undefined;
}

export async function runDailyIfDue(db: Db, mail: MailConfig, asOf = todayIso()) {
  if (!(await claimDailyRun(db, asOf))) return null;
  const before = await lastDeliveryId(db);
  // The webhook deliveries of escalated warnings are counted from their records (reevaluateAll reports e-mails only).
  const result = { ...(await reevaluateAll(db, asOf, 10000, mail)), ...(await deliveriesSince(db, before)) };
  await db.updateTable('program_daily_runs').set({ finished_at: new Date(), result: JSON.stringify(result) })
    .where('as_of', '=', asOf).execute();
  return result;
}

/** Checks every `everyMs` (default hourly) whether today's run is due; returns a stop function. */
export function startDailyClock(db: Db, mail: MailConfig, log: (msg: string) => void, everyMs = 3_600_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runDailyIfDue(db, mail);
      if (result) log(`daily warning run: ${JSON.stringify(result)}`);
    } catch (err) {
      log(`daily warning run failed (will retry tomorrow; run \`apparatus program reevaluate\` to retry now): ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
