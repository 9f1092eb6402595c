// API tokens: expiry (default and maximum), read-only tokens, listing and
// revoking (own; everyone's for a system admin), no token minted by a token,
// and tokens and sessions ending the moment their account is switched off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { buildServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createUser } from '../accounts.service.ts';

const PASSWORD = 'correct horse battery';
const DAY = 86_400_000;

describe.each(ENGINES)('API tokens on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  async function login(username: string) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'apparatus_session')!;
    sessions[username] = { cookie: `apparatus_session=${cookie.value}`, csrf: res.json().csrfToken };
  }
  const asUser = (user: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      payload: payload as object,
      headers: { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf },
    });
  const withToken = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${token}` } });
  async function newToken(user: string, body: object) {
    const res = await asUser(user, 'POST', '/api/tokens', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; token: string; expiresAt: string; readOnly: boolean; status: string };
  }

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
      displayName: 'Hà Nội',
      password: PASSWORD,
      grants: [{ role: 'province_officer', unitCode: '01' }],
    });
    await createUser(t.db, ctx, {
      username: 'hue',
      displayName: 'Huế',
      password: PASSWORD,
      grants: [{ role: 'province_officer', unitCode: '46' }],
    });
    app = await buildServer(t, loadConfig({ tokenDefaultDays: 90, tokenMaxDays: 180 }), { logger: false });
    for (const u of ['admin', 'hanoi', 'hue']) await login(u);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('gives a token the default lifetime, refuses one beyond the maximum, and stops accepting it once expired', async () => {
    const made = await newToken('hanoi', { name: 'đồng bộ số liệu' });
    const days = (Date.parse(made.expiresAt) - Date.now()) / DAY;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    expect(made).toMatchObject({ status: 'active', readOnly: false });
    expect((await asUser('hanoi', 'POST', '/api/tokens', { name: 'nul\u0000byte' })).statusCode).toBe(400);
    const tooLong = await asUser('hanoi', 'POST', '/api/tokens', { name: 'forever', expiresInDays: 181 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().detail).toContain('180');
    expect((await withToken(made.token, 'GET', '/api/units/tree')).statusCode).toBe(200);
    await t.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', made.id)
      .execute();
    const expired = await withToken(made.token, 'GET', '/api/units/tree');
    expect(expired.statusCode).toBe(401);
  });

  it('lets a read-only token read and refuses it any change with 403, before the handler runs', async () => {
    const ro = await newToken('hanoi', { name: 'bảng điều khiển', readOnly: true, expiresInDays: 7 });
    expect((await withToken(ro.token, 'GET', `/api/units/${units.baDinh}`)).statusCode).toBe(200);
    const edit = await withToken(ro.token, 'PATCH', `/api/units/${units.baDinh}`, { population: 1 });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().type).toMatch(/read-only-token/);
    for (const [method, url] of [
      ['POST', '/api/tasks/1/reports'],
      ['DELETE', '/api/users/1/grants/1'],
      ['POST', '/api/auth/logout'],
    ] as const) {
      expect((await withToken(ro.token, method, url, {})).statusCode).toBe(403);
    }
    const unit = await t.db
      .selectFrom('units')
      .select('population')
      .where('id', '=', units.baDinh)
      .executeTakeFirstOrThrow();
    expect(unit.population).not.toBe(1);
  });

  it('never lets a token make or revoke tokens: that needs a signed-in session', async () => {
    const full = await newToken('hue', { name: 'script' });
    const minted = await withToken(full.token, 'POST', '/api/tokens', { name: 'child' });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().detail).toMatch(/đăng nhập/);
    expect((await withToken(full.token, 'POST', `/api/tokens/${full.id}/revoke`)).statusCode).toBe(403);
    expect((await withToken(full.token, 'GET', '/api/tokens')).statusCode).toBe(200); // reading its own list is fine
  });

  it("lists your own tokens, and everyone's only for a system admin; revokes your own, and anyone's only as admin", async () => {
    const mine = await newToken('hue', { name: 'báo cáo tuần' });
    const hueList = (await asUser('hue', 'GET', '/api/tokens')).json().items as { id: number; username: string }[];
    expect(hueList.every((x) => x.username === 'hue')).toBe(true);
    expect(hueList.map((x) => x.id)).toContain(mine.id);
    expect(JSON.stringify(hueList)).not.toContain(mine.token); // the value is shown once, at creation
    expect((await asUser('hue', 'GET', '/api/tokens?all=true')).statusCode).toBe(403);
    const all = (await asUser('admin', 'GET', '/api/tokens?all=true&includeEnded=true')).json().items as {
      username: string;
    }[];
    expect(new Set(all.map((x) => x.username))).toEqual(new Set(['hanoi', 'hue']));

    // Another user's token is "not found" for someone who is not an admin.
    expect((await asUser('hanoi', 'POST', `/api/tokens/${mine.id}/revoke`)).statusCode).toBe(404);
    const revoked = await asUser('hue', 'POST', `/api/tokens/${mine.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    expect((await withToken(mine.token, 'GET', '/api/units/tree')).statusCode).toBe(401);
    expect((await asUser('hue', 'GET', '/api/tokens')).json().items.map((x: { id: number }) => x.id)).not.toContain(
      mine.id,
    );

    const other = await newToken('hue', { name: 'bị quản trị thu hồi' });
    expect((await asUser('admin', 'POST', `/api/tokens/${other.id}/revoke`)).statusCode).toBe(200);
    expect((await withToken(other.token, 'GET', '/api/units/tree')).statusCode).toBe(401);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'before', 'after'])
      .where('action', '=', 'tokens.revoke')
      .where('entity_id', '=', String(other.id))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor: 'admin', before: { status: 'active' }, after: { status: 'revoked' } });
  });

  it('ends the sessions and tokens of an account at once when it is switched off, and switching it back on does not revive the tokens', async () => {
    await login('hue');
    const token = await newToken('hue', { name: 'trước khi khóa' });
    const hueId = (await t.db.selectFrom('users').select('id').where('username', '=', 'hue').executeTakeFirstOrThrow())
      .id;
    const off = await asUser('admin', 'POST', `/api/users/${hueId}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ isActive: false });
    expect((await asUser('hue', 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await withToken(token.token, 'GET', '/api/units/tree')).statusCode).toBe(401);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', hueId).execute()).toEqual([]);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'hue', password: PASSWORD },
      remoteAddress: '10.8.8.8',
    });
    expect(refused.statusCode).toBe(401);

    expect((await asUser('admin', 'POST', `/api/users/${hueId}/reactivate`)).statusCode).toBe(200);
    expect((await withToken(token.token, 'GET', '/api/units/tree')).statusCode).toBe(401);
    await login('hue');
    expect((await asUser('hue', 'GET', '/api/auth/me')).statusCode).toBe(200);
  });
});
