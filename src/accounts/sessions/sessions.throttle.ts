// Sign-in limits. Every attempt first reserves itself as a failure on two
// counters, under row locks, and only then is the password checked; a success
// takes the reservation back. So parallel guesses count each other, and the
// (N+1)th guess of a burst is refused before any password is looked at.
//
// The counters are per (address, user name) and per address, never per name
// alone: failures from one address cannot lock a colleague out elsewhere. An
// office behind one NAT address shares the per-address counter, so its limit is
// higher. Each block lasts the window, then twice as long for each further
// block without a success in between (capped at a day).
import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { tooManyRequests } from '../../platform/errors.ts';
import * as store from './sessions.throttle.store.ts';

export interface ThrottleLimits {
  /** Failed sign-ins allowed per (address, user name) in the window. */
  maxAttempts: number;
  /** Failed sign-ins allowed per address, whatever the user name. */
  maxAttemptsPerAddress: number;
  windowMinutes: number;
}

export interface Counter {
  failures: number;
  windowStart: Date;
  blockedUntil: Date | null;
  strikes: number;
}

const MAX_BLOCK_MS = 24 * 3600_000;

export type Step =
  { refused: true; counter: Counter; retryAt: Date; blockStarted: boolean } | { refused: false; counter: Counter };

/** One attempt against one counter: refused while blocked; else counted, and blocked when over the limit. */
export function step(c: Counter, max: number, windowMs: number, now: Date): Step {
  if (c.blockedUntil && c.blockedUntil > now)
    return { refused: true, counter: c, retryAt: c.blockedUntil, blockStarted: false };
  const fresh = now.getTime() - c.windowStart.getTime() >= windowMs;
  const failures = (fresh ? 0 : c.failures) + 1;
  const windowStart = fresh ? now : c.windowStart;
  if (failures <= max) return { refused: false, counter: { ...c, failures, windowStart, blockedUntil: null } };
  const retryAt = new Date(now.getTime() + Math.min(windowMs * 2 ** c.strikes, MAX_BLOCK_MS));
  return {
    refused: true,
    retryAt,
    blockStarted: true,
    counter: { failures: 0, windowStart: now, blockedUntil: retryAt, strikes: c.strikes + 1 },
  };
}

const tooMany = (retryAt: Date, now: Date) => {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return tooManyRequests(
    {
      vi: `Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau ${minutes} phút.`,
      en: `Too many failed sign-ins from this address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    },
    seconds,
  );
};

/**
 * Reserves one attempt for `username` from the caller's address, or throws 429.
 * Runs in its own short transaction: the locks are not held while the password is checked.
 */
export async function reserveAttempt(
  db: Db,
  ctx: RequestContext,
  username: string,
  limits: ThrottleLimits,
): Promise<void> {
  const ip = ctx.ip ?? 'unknown';
  const name = username.toLowerCase();
  const windowMs = limits.windowMinutes * 60_000;
  const refusal = await db.transaction().execute(async (trx) => {
    const now = new Date();
    const rows = await store.lockCounters(trx, ip, name);
    const steps = rows.map((row) => ({
      row,
      s: step(row, row.username === '' ? limits.maxAttemptsPerAddress : limits.maxAttempts, windowMs, now),
    }));
    const refused = steps.filter((x) => x.s.refused);
    // A refusal on one counter is not an attempt on the other: only a checked password counts on both.
    const toSave = refused.length > 0 ? refused : steps;
    for (const { row, s } of toSave) await store.saveCounter(trx, row.ip, row.username, s.counter, now);
    for (const { row, s } of refused) {
      if (s.refused && s.blockStarted) {
        await recordAudit(trx, ctx, {
          action: 'auth.login_blocked',
          entity: 'login',
          entityId: row.username === '' ? `address ${ip}` : `${row.username} @ ${ip}`,
          after: {
            username: name,
            ip,
            scope: row.username === '' ? 'address' : 'address+name',
            blockedUntil: s.counter.blockedUntil,
            blockNumber: s.counter.strikes,
          },
        });
      }
    }
    if (refused.length === 0) return null;
    const retryAt = new Date(Math.max(...refused.map(({ s }) => (s.refused ? s.retryAt.getTime() : 0))));
    return { retryAt, now };
  });
  if (refusal) throw tooMany(refusal.retryAt, refusal.now);
  // Old counters are swept now and then by sign-ins themselves, so no job has to be scheduled for it.
  if (Math.random() < 0.01) await store.deleteStaleCounters(db, new Date());
}

/**
 * The password was right: the reservation was not a failure. The name's counter starts over, the
 * address's gives back one. Call it in the transaction that opens the session.
 */
export async function releaseAttempt(trx: Kysely<Database>, ctx: RequestContext, username: string): Promise<void> {
  await store.forgiveSuccess(trx, ctx.ip ?? 'unknown', username.toLowerCase());
}
