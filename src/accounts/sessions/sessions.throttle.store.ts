// SQL of the sign-in counters (see sessions.throttle.ts).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { Counter } from './sessions.throttle.ts';

type Q = Kysely<Database>;

/**
 * The address's counter and the (address, name) counter, created when missing and locked until the
 * transaction ends. Always in the same order (the address's row first), so two sign-ins never deadlock.
 */
export async function lockCounters(trx: Q, ip: string, username: string) {
  const rows = await trx
    .insertInto('login_throttles')
    .values([
      { ip, username: '', updated_at: new Date() },
      { ip, username, updated_at: new Date() },
    ])
    // A no-op update: it takes the row lock and returns the row as it is.
    .onConflict((oc) => oc.columns(['ip', 'username']).doUpdateSet({ ip: (eb) => eb.ref('excluded.ip') }))
    .returning(['ip', 'username', 'failures', 'window_start', 'blocked_until', 'strikes'])
    .execute();
  return rows.map((r) => ({
    ip: r.ip,
    username: r.username,
    failures: r.failures,
    strikes: r.strikes,
    windowStart: new Date(r.window_start),
    blockedUntil: r.blocked_until ? new Date(r.blocked_until) : null,
  }));
}

export async function saveCounter(trx: Q, ip: string, username: string, c: Counter, now: Date) {
  await trx
    .updateTable('login_throttles')
    .set({
      failures: c.failures,
      window_start: c.windowStart,
      blocked_until: c.blockedUntil,
      strikes: c.strikes,
      updated_at: now,
    })
    .where('ip', '=', ip)
    .where('username', '=', username)
    .execute();
}

/** A right password: the name's counter is forgotten, the address gives back the one attempt it reserved. */
export async function forgiveSuccess(db: Q, ip: string, username: string) {
  await db.deleteFrom('login_throttles').where('ip', '=', ip).where('username', '=', username).execute();
  await db
    .updateTable('login_throttles')
    .set({ failures: sql`greatest(failures - 1, 0)` })
    .where('ip', '=', ip)
    .where('username', '=', '')
    .execute();
}

/** Counters untouched for two days and not blocking anyone: nothing left to remember. */
export async function deleteStaleCounters(db: Q, now: Date) {
  await db
    .deleteFrom('login_throttles')
    .where('updated_at', '<', new Date(now.getTime() - 2 * 86_400_000))
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
    .execute();
}
