// Sign-in, sessions, CSRF, rate limiting, API tokens and unit scope, through
// the HTTP API on every engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { buildServer } from '../platform/http/server.ts';
import { loadConfig } from '../platform/config.ts';
import { systemContext } from '../platform/context.ts';
import { createUser } from './accounts.service.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';

const PASSWORD = 'correct horse battery';

describe.each(ENGINES)('accounts and access on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;

  beforeAll(async () => {
    t = await createTestDb(engine);
    units = await seedMiniRegistry(t.db);
    const ctx = systemContext('test');
    await createUser(t.db, ctx, {
      username: 'admin',
      displayName: 'Admin',
      password: PASSWORD,
      grants: [{ role: 'system_admin', unitCode: 'VN' }],
    });
    await createUser(t.db, ctx, {
      username: 'hanoi',
      displayName: 'Hà Nội officer',
      password: PASSWORD,
      grants: [{ role: 'province_officer', unitCode: '01' }],
    });
    await createUser(t.db, ctx, {
      username: 'guesswork',
      displayName: 'Target of guessing',
      password: PASSWORD,
      grants: [{ role: 'viewer', unitCode: 'VN' }],
    });
    await createUser(t.db, ctx, {
      username: 'viewer',
      displayName: 'Viewer',
      password: PASSWORD,
      grants: [{ role: 'viewer', unitCode: 'VN' }],
    });
    app = await buildServer(t, loadConfig({ loginMaxAttempts: 3, loginWindowMinutes: 15 }), { logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  async function login(username: string, ip = '10.0.0.1') {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD },
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'apparatus_session')!;
    return { cookie: `apparatus_session=${cookie.value}`, csrf: res.json().csrfToken as string, raw: cookie };
  }

  it('signs in with an httpOnly SameSite cookie and knows who is there', async () => {
    const s = await login('HaNoi'); // user names are case-insensitive
    expect(s.raw.httpOnly).toBe(true);
    expect(s.raw.sameSite).toBe('Lax');
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.grants).toEqual([
      { role: 'province_officer', unitId: units.hanoi, unitName: 'Thành phố Hà Nội' },
    ]);
  });

  it('answers a wrong password with a problem+json 401 in Vietnamese, then 429 after too many', async () => {
    const bad = () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'guesswork', password: 'nope' },
        remoteAddress: '10.9.9.9',
      });
    const first = await bad();
    expect(first.statusCode).toBe(401);
    expect(first.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(first.json().detail).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await bad();
    await bad();
    const limited = await bad();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password is refused while the limit holds: guessing cannot continue.
    const right = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'guesswork', password: PASSWORD },
      remoteAddress: '10.9.9.9',
    });
    expect(right.statusCode).toBe(429);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await login('hanoi', '10.0.0.2');
    const patch = { adminCentre: 'Số 1 Tràng Tiền' };
    const noToken = await app.inject({
      method: 'PATCH',
      url: `/api/units/${units.baDinh}`,
      headers: { cookie: s.cookie },
      payload: patch,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().type).toMatch(/csrf/);
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/units/${units.baDinh}`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: patch,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().adminCentre).toBe('Số 1 Tràng Tiền');
  });

  it('checks the unit scope in the service: a Hà Nội officer cannot edit a unit of Huế, a viewer edits nothing', async () => {
    const s = await login('hanoi', '10.0.0.3');
    const other = await app.inject({
      method: 'PATCH',
      url: `/api/units/${units.hueCommune}`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { population: 1 },
    });
    expect(other.statusCode).toBe(403);
    const v = await login('viewer', '10.0.0.4');
    const viewerEdit = await app.inject({
      method: 'PATCH',
      url: `/api/units/${units.baDinh}`,
      headers: { cookie: v.cookie, 'x-csrf-token': v.csrf },
      payload: { population: 1 },
    });
    expect(viewerEdit.statusCode).toBe(403);
    const unit = await t.db
      .selectFrom('units')
      .select('population')
      .where('id', '=', units.hueCommune)
      .executeTakeFirstOrThrow();
    expect(unit.population).not.toBe(1);
  });

  it('records every change in the audit log with actor, address and before/after; only admins may read it', async () => {
    const s = await login('hanoi', '10.0.0.5');
    await app.inject({
      method: 'PATCH',
      url: `/api/units/${units.baDinh}`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { population: 65023 },
      remoteAddress: '10.0.0.5',
    });
    const denied = await app.inject({ url: '/api/audit', headers: { cookie: s.cookie } });
    expect(denied.statusCode).toBe(403);
    const a = await login('admin', '10.0.0.6');
    const res = await app.inject({ url: '/api/audit?action=units.update&pageSize=1', headers: { cookie: a.cookie } });
    expect(res.statusCode).toBe(200);
    const [last] = res.json().items;
    expect(last).toMatchObject({
      actor: 'hanoi',
      ip: '10.0.0.5',
      action: 'units.update',
      entityId: String(units.baDinh),
      after: { population: 65023 },
    });
    expect(last.before).toHaveProperty('population');
  });

  it('accepts an API token as a bearer credential without CSRF, and rejects a wrong one', async () => {
    const s = await login('hanoi', '10.0.0.7');
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { name: 'sync script' },
    });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    const stored = await t.db.selectFrom('api_tokens').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token); // only the hash is kept
    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/units/${units.baDinh}`,
      headers: { authorization: `Bearer ${token}` },
      payload: { areaKm2: 2.97 },
    });
    expect(edit.statusCode).toBe(200);
    const wrong = await app.inject({ url: '/api/units/tree', headers: { authorization: 'Bearer apt_wrong' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('keeps sessions in the database: a second server on the same database accepts the cookie, and logout ends it', async () => {
    const s = await login('viewer', '10.0.0.8');
    const other = await buildServer(t, loadConfig(), { logger: false });
    try {
      expect((await other.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);
      await app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      });
      expect((await other.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('serves public pages without login and private ones only with it', async () => {
    expect((await app.inject({ url: '/api/public/lookup?q=ba%20dinh' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/units/tree' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/users' })).statusCode).toBe(401);
    const spec = await app.inject({ url: '/api/openapi.json' });
    expect(spec.json().paths).toHaveProperty('/api/public/lookup');
  });
});
