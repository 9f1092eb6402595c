// The access-policy matrix: every API operation × every role (and a visitor) × a resource in and out of
// the caller's scope. What each call must get is decided from the operation's declared rule and the
// resource's facts alone (the oracle below is an independent reading of src/platform/policy/policy.ts's "who"
// and "on"): allowed → neither 401 nor 403 nor a 5xx; refused → 401 for a visitor, 403 for a signed-in
// user (or 404 for someone else's own things). An operation without a case fails the test, so a new
// route cannot skip the matrix.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../db/testing.ts';
import { buildServer } from '../http/server.ts';
import { loadConfig } from '../config.ts';
import type { NamedRule } from './policy.ts';
import { buildWorld, USERS, type World } from './policy.matrix.fixture.ts';
import { CASES, type Facts, type Side, type Upload } from './policy.matrix.cases.ts';
import { multipartBody } from '../upload/upload.testing.ts';

describe.each(ENGINES)('access-policy matrix on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let w: World;
  const parents = new Map<number, number | null>();

  beforeAll(async () => {
    t = await createTestDb(engine);
    app = await buildServer(t, loadConfig(), { logger: false });
    w = await buildWorld(t, app);
    for (const u of await t.db.selectFrom('units').select(['id', 'parent_id']).execute())
      parents.set(u.id, u.parent_id);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const unitOf = (u: (typeof USERS)[number]) => (u.unit ? w.units[u.unit] : null);
  const within = (unit: number, top: number) => {
    for (let u: number | null | undefined = unit; u != null; u = parents.get(u)) if (u === top) return true;
    return false;
  };

  /** What the rule allows this user on a resource with these facts. */
  function allowed(rule: NamedRule, user: (typeof USERS)[number], facts: Facts): boolean {
    if (rule.who === 'anyone') return true;
    if (!user.role) return false;
    if (rule.who !== 'signed-in' && !rule.who.includes(user.role)) return false;
    if (facts.owner !== undefined && facts.owner !== user.name) return false;
    if (facts.author !== undefined && facts.author === user.name) return false;
    const grant = unitOf(user)!;
    if (facts.unit === undefined) return true;
    return rule.on === 'assignee' ? grant === facts.unit : within(facts.unit, grant);
  }

  it('gives every operation × role × scope exactly what its rule allows', async () => {
    const operations = app.routeRules.filter((r) => !r.url.startsWith('/api/docs/'));
    const missing = operations.map((r) => `${r.method} ${r.url}`).filter((k) => !CASES[k]);
    expect(missing, 'operations without a case in policy.matrix.cases.ts').toEqual([]);
    const openapi = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(openapi.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(
      documented.filter((k) => !CASES[k]),
      'documented operations without a case',
    ).toEqual([]);

    const wrong: string[] = [];
    let calls = 0;
    for (const { method, url, rule } of operations) {
      for (const user of USERS) {
        for (const side of ['in', 'out'] as Side[]) {
          const req = CASES[`${method} ${url}`](w, side, user.name);
          const expectAllowed = allowed(rule, user, req.facts ?? {});
          const status = await call(user.name, req);
          calls++;
          // Someone else's own things (a notification) may be answered "not found": their existence is not the caller's to know.
          const refusals = !user.role ? [401] : rule.on === 'self' ? [403, 404] : [403];
          const ok = expectAllowed ? status < 500 && status !== 401 && status !== 403 : refusals.includes(status);
          if (!ok)
            wrong.push(
              `${method} ${url} as ${user.name} (${side}): got ${status}, the rule (${rule.action}) ${expectAllowed ? 'allows it' : 'refuses it'}`,
            );
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBe(operations.length * USERS.length * 2);
    // Its own bound, not the suite's 120 s: the calls grow with every module's operations (operations × users × 2,
    // about 1,800 with the channel, people and indicators), and on two busy cores PGlite took 80 s already.
  }, 600_000);

  async function call(
    user: string,
    req: { method: string; url: string; payload?: unknown; upload?: Upload; fresh?: boolean },
  ): Promise<number> {
    const session = user === 'anonymous' ? null : req.fresh ? await w.login(user) : w.sessions[user];
    const headers: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
    if (req.url === '/api/programs/events') return streamStatus(headers);
    const form = req.upload && (await multipartBody(req.upload.fields, req.upload.file));
    const res = await app.inject({
      method: req.method as 'GET',
      url: req.url,
      payload: form ? form.payload : (req.payload as object),
      headers: { ...headers, ...form?.headers },
    });
    return res.statusCode;
  }

  /** A live stream never ends by itself: open it on a listening server, read the status, close it. */
  async function streamStatus(headers: Record<string, string>): Promise<number> {
    if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/programs/events', headers }, (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (err) => {
        if (!('code' in err && err.code === 'ECONNRESET')) reject(err);
      });
    });
  }
});
