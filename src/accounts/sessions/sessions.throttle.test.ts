// Sign-in limits: a burst of parallel guesses is counted before any password is
// checked; failures from one address never lock the name out elsewhere; and an
// unknown or switched-off name costs exactly one argon2 verification, like a
// real one (counted, not timed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { buildServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createUser } from '../accounts.service.ts';
import { passwordVerifications } from '../accounts.passwords.ts';
import { step } from './sessions.throttle.ts';

const PASSWORD = 'correct horse battery';
const WINDOW_MINUTES = 15;

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('a sign-in counter', () => {
  const window = WINDOW_MINUTES * 60_000;
  const t0 = new Date('2026-01-01T00:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('allows max failures in a window, then blocks for the window, then twice as long each time (at most a day)', () => {
    let c = { failures: 0, windowStart: t0, blockedUntil: null as Date | null, strikes: 0 };
    for (let i = 1; i <= 3; i++) {
      const s = step(c, 3, window, at(i));
      expect(s.refused).toBe(false);
      c = s.counter;
    }
    const first = step(c, 3, window, at(10));
    expect(first).toMatchObject({ refused: true, blockStarted: true });
    expect(first.counter.blockedUntil).toEqual(at(10 + window));
    expect(step(first.counter, 3, window, at(20))).toMatchObject({ refused: true, blockStarted: false }); // still blocked
    // After the block, three more tries, and the next block lasts twice as long.
    c = first.counter;
    for (let i = 1; i <= 3; i++) c = step(c, 3, window, at(10 + window + i)).counter;
    const second = step(c, 3, window, at(10 + window + 10));
    expect(second.counter.blockedUntil).toEqual(at(10 + window + 10 + 2 * window));
    const long = step({ failures: 3, windowStart: t0, blockedUntil: null, strikes: 12 }, 3, window, at(1));
    expect(long.counter.blockedUntil).toEqual(at(1 + 24 * 3600_000));
  });

  it('starts counting again when the window has passed', () => {
    const s = step({ failures: 3, windowStart: t0, blockedUntil: null, strikes: 0 }, 3, window, at(window));
    expect(s).toMatchObject({ refused: false, counter: { failures: 1, windowStart: at(window) } });
  });
});

describe.each(ENGINES)('sign-in limits on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedMiniRegistry(t.db);
    const ctx = systemContext('test');
    for (const username of ['target', 'colleague', 'neighbour', 'sleeper']) {
      await createUser(t.db, ctx, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ role: 'viewer', unitCode: 'VN' }],
      });
    }
    await t.db.updateTable('users').set({ is_active: false }).where('username', '=', 'sleeper').execute();
    app = await buildServer(
      t,
      loadConfig({ loginMaxAttempts: 10, loginMaxAttemptsPerAddress: 12, loginWindowMinutes: WINDOW_MINUTES }),
      { logger: false },
    );
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const attempt = (username: string, password: string, ip: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

  it('refuses the right password sent while 40 wrong ones are in flight: only 10 passwords are ever checked', async () => {
    const before = passwordVerifications();
    let answered = 0;
    const wrong = Array.from({ length: 40 }, (_, i) =>
      attempt('target', `wrong guess ${i}`, '10.1.1.1').then((r) => {
        answered++;
        return r;
      }),
    );
    // Every wrong guess is either answered or has its password being checked: none has been counted
    // as a failure yet if counting came after the check.
    await until(() => answered + (passwordVerifications() - before) >= 40, 'the 40 guesses to pass the limit check');
    const right = await attempt('target', PASSWORD, '10.1.1.1');
    const answers = await Promise.all(wrong);
    expect(right.statusCode).toBe(429);
    expect(right.cookies.find((c) => c.name === 'apparatus_session')).toBeUndefined();
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(10);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(30);
    expect(passwordVerifications() - before).toBe(10);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.json().detail).toMatch(/thử lại sau 15 phút/);
  });

  it('does not lock the name out from another address', async () => {
    for (let i = 0; i < 12; i++) await attempt('colleague', 'not the password', '10.2.2.2');
    expect((await attempt('colleague', PASSWORD, '10.2.2.2')).statusCode).toBe(429);
    const elsewhere = await attempt('colleague', PASSWORD, '10.2.2.3');
    expect(elsewhere.statusCode).toBe(200);
    // And the burst against "target" from 10.1.1.1 above does not stop its owner at their own desk.
    expect((await attempt('target', PASSWORD, '10.1.1.2')).statusCode).toBe(200);
  });

  it('limits one address whatever names it tries, and a right password gives its attempt back', async () => {
    expect((await attempt('neighbour', PASSWORD, '10.3.3.3')).statusCode).toBe(200);
    for (let i = 0; i < 12; i++) expect((await attempt(`nobody-${i}`, 'guess', '10.3.3.3')).statusCode).toBe(401);
    expect((await attempt('neighbour', PASSWORD, '10.3.3.3')).statusCode).toBe(429);
    expect((await attempt('neighbour', PASSWORD, '10.3.3.4')).statusCode).toBe(200);
    const blocked = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'auth.login_blocked')
      .execute();
    expect(blocked.map((b) => (b.after as { scope: string; ip: string }).ip)).toEqual(
      expect.arrayContaining(['10.1.1.1', '10.2.2.2', '10.3.3.3']),
    );
  });

  it('answers a user name with a NUL byte or a control character with 400, not 500', async () => {
    for (const username of ['tar\u0000get', 'tar\nget', '\u0007x']) {
      const res = await attempt(username, PASSWORD, '10.6.6.6');
      expect(res.statusCode, username).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('spends exactly one password verification on a real, an unknown and a switched-off name alike', async () => {
    const cost = async (username: string, password: string) => {
      const before = passwordVerifications();
      const res = await attempt(username, password, '10.4.4.4');
      return {
        status: res.statusCode,
        verifications: passwordVerifications() - before,
        detail: res.statusCode === 401 ? res.json().detail : null,
      };
    };
    const real = await cost('neighbour', 'wrong password');
    const unknown = await cost('no-such-user', 'wrong password');
    const inactive = await cost('sleeper', PASSWORD); // the right password of a switched-off account
    const right = await cost('neighbour', PASSWORD);
    expect([real.verifications, unknown.verifications, inactive.verifications, right.verifications]).toEqual([
      1, 1, 1, 1,
    ]);
    expect([real.status, unknown.status, inactive.status, right.status]).toEqual([401, 401, 401, 200]);
    // The same words for all three refusals: nothing tells which names exist or are switched off.
    expect(new Set([real.detail, unknown.detail, inactive.detail]).size).toBe(1);
  });
});
