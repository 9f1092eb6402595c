// Security headers on every kind of response, /ready that tells anonymous
// callers nothing about the database, and a database outage under a running
// server answered with 503 and Retry-After (then served again when it is back).
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../db/testing.ts';
import { buildServer } from './server.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/db.ts';
import { isDatabaseUnavailable } from './problem.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { systemContext } from '../context.ts';
import { createUser } from '../../accounts/accounts.service.ts';

const PASSWORD = 'correct horse battery';

function expectSecurityHeaders(res: LightMyRequestResponse) {
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
}

describe('security headers', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb('pglite');
    await seedMiniRegistry(t.db);
    app = await buildServer(t, loadConfig(), { logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('are on answers, refusals, errors and pages alike', async () => {
    const answers = await Promise.all([
      app.inject({ url: '/health' }),
      app.inject({ url: '/api/public/lookup?q=ba%20dinh' }),
      app.inject({ url: '/api/units/tree' }), // 401
      app.inject({ url: '/api/no-such-thing' }), // 404
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } }), // 400
      app.inject({ url: '/api/units/tree', headers: { authorization: 'Bearer apt_nope' } }), // 401 from the auth hook
      app.inject({ url: '/' }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 401, 404, 400, 401, 200]);
    for (const res of answers) expectSecurityHeaders(res);
  });

  it('do not force HTTPS on a plain-HTTP install, and do when cookies are Secure (HTTPS)', async () => {
    const plain = await app.inject({ url: '/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(String(plain.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    const secure = await buildServer(t, loadConfig({ cookieSecure: true }), { logger: false });
    try {
      const res = await secure.inject({ url: '/health' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });
});

describe('database errors that mean "unavailable"', () => {
  it('are recognised for pg, PGlite and Kysely, and nothing else is', () => {
    const coded = (code: string) => Object.assign(new Error('x'), { code });
    for (const e of [
      coded('ECONNREFUSED'),
      coded('57P01'),
      coded('08006'),
      coded('53300'),
      new Error('Connection terminated unexpectedly'),
      new Error('PGlite is closed'),
      new Error('driver has already been destroyed'),
      new AggregateError([coded('ECONNREFUSED')], ''),
      new Error('wrapped', { cause: coded('ECONNRESET') }),
    ]) {
      expect(isDatabaseUnavailable(e), String(e)).toBe(true);
    }
    for (const e of [coded('23505'), coded('22P02'), new Error('invalid input syntax'), null, 'ECONNREFUSED']) {
      expect(isDatabaseUnavailable(e), String(e)).toBe(false);
    }
  });
});

/** A TCP relay in front of PostgreSQL, so a test can pull the plug and put it back. */
async function relay(target: { host: string; port: number }, port = 0) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

describe.each(ENGINES)('a database outage under a running server on %s', (engine) => {
  let t: TestDb;
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let plug: Awaited<ReturnType<typeof relay>> | null = null;
  let cookie = '';

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedMiniRegistry(t.db);
    await createUser(t.db, systemContext('test'), {
      username: 'viewer',
      displayName: 'Viewer',
      password: PASSWORD,
      grants: [{ role: 'viewer', unitCode: 'VN' }],
    });
    if (engine === 'postgres') {
      const url = new URL(t.url!);
      plug = await relay({ host: url.hostname, port: Number(url.port || 5432) });
      url.hostname = '127.0.0.1';
      url.port = String(plug.port);
      handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    } else handle = t;
    app = await buildServer(handle, loadConfig(), { logger: false });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'viewer', password: PASSWORD },
    });
    cookie = `apparatus_session=${login.cookies.find((c) => c.name === 'apparatus_session')!.value}`;
  });
  afterAll(async () => {
    await app?.close();
    if (handle !== t) await handle?.close().catch(() => {});
    await plug?.stop();
    await t?.drop().catch(() => {}); // PGlite was closed by the test
  });

  it('answers 503 with Retry-After, and /ready says "not ready" without the database\'s words', async () => {
    expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/public/lookup?q=ba%20dinh' })).statusCode).toBe(200);

    if (engine === 'postgres') await plug!.stop();
    else if (handle.raw?.engine === 'pglite') await handle.raw.pglite.close();

    for (const res of [
      await app.inject({ url: '/api/public/lookup?q=ba%20dinh' }),
      await app.inject({ url: '/api/units/tree', headers: { cookie } }), // fails in the sign-in hook already
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'viewer', password: PASSWORD },
        headers: { 'accept-language': 'en' },
      }),
    ]) {
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json().type).toMatch(/unavailable/);
      expect(res.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|PGlite|terminated/);
    }
    const ready = await app.inject({ url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().detail).toBe('not ready');
    expect(ready.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|PGlite|closed|connect/i);

    if (engine === 'postgres') {
      // The database is back: the same server answers again, without a restart.
      plug = await relay({ host: new URL(t.url!).hostname, port: Number(new URL(t.url!).port || 5432) }, plug!.port);
      expect((await app.inject({ url: '/api/public/lookup?q=ba%20dinh' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
    }
  });
});
