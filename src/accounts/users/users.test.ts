// Administration of accounts through the API: only system admins, every change
// audited with before and after, grants taking effect on the next request, and
// never without an active system administrator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { buildServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createUser } from '../accounts.service.ts';

const PASSWORD = 'correct horse battery';

describe.each(ENGINES)('user administration on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const ids: Record<string, number> = {};

  async function login(username: string, password = PASSWORD) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'apparatus_session')!;
    sessions[username] = { cookie: `apparatus_session=${cookie.value}`, csrf: res.json().csrfToken };
  }
  const call = (user: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      payload: payload as object,
      headers: { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf },
    });
  const lastAudit = (action: string) =>
    t.db
      .selectFrom('audit_log')
      .select(['actor', 'entity_id', 'before', 'after'])
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestDb(engine);
    units = await seedMiniRegistry(t.db);
    const ctx = systemContext('test');
    for (const [username, role, unitCode] of [
      ['admin', 'system_admin', 'VN'],
      ['hanoi', 'province_officer', '01'],
      ['badinh', 'commune_officer', '00004'],
    ] as const) {
      ids[username] = (
        await createUser(t.db, ctx, {
          username,
          displayName: `Cán bộ ${username}`,
          password: PASSWORD,
          grants: [{ role, unitCode }],
        })
      ).id;
    }
    app = await buildServer(t, loadConfig(), { logger: false });
    for (const u of ['admin', 'hanoi', 'badinh']) await login(u);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('lists users a page at a time with their grants and a search, for system admins only', async () => {
    const page = await call('admin', 'GET', '/api/users?limit=2&offset=0');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.json().items.map((u: { username: string }) => u.username)).toEqual(['admin', 'badinh']);
    const found = (await call('admin', 'GET', '/api/users?q=HANOI')).json();
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({
      username: 'hanoi',
      isActive: true,
      liveSessions: 1,
      grants: [{ role: 'province_officer', unitCode: '01', unitName: 'Thành phố Hà Nội' }],
    });
    expect((await call('admin', 'GET', '/api/users?q=%00')).statusCode).toBe(400);
    expect((await call('hanoi', 'GET', '/api/users')).statusCode).toBe(403);
    expect((await call('hanoi', 'POST', `/api/users/${ids.badinh}/deactivate`)).statusCode).toBe(403);
  });

  it('grants a role over a unit, effective on the next request, and takes it away; both audited before and after', async () => {
    const added = await call('admin', 'POST', `/api/users/${ids.badinh}/grants`, { role: 'viewer', unitId: units.hue });
    expect(added.statusCode, added.body).toBe(201);
    const grant = added.json().grants.find((g: { role: string }) => g.role === 'viewer');
    expect(grant).toMatchObject({ unitCode: '46' });
    const me = (await call('badinh', 'GET', '/api/auth/me')).json();
    expect(me.user.grants.map((g: { role: string }) => g.role)).toEqual(['commune_officer', 'viewer']);
    const audit = await lastAudit('grants.create');
    expect(audit).toMatchObject({ actor: 'admin', entity_id: String(ids.badinh) });
    expect((audit.before as { grants: unknown[] }).grants).toHaveLength(1);
    expect((audit.after as { grants: unknown[] }).grants).toHaveLength(2);

    const twice = await call('admin', 'POST', `/api/users/${ids.badinh}/grants`, { role: 'viewer', unitCode: '46' });
    expect(twice.statusCode).toBe(409);
    const unknownUnit = await call('admin', 'POST', `/api/users/${ids.badinh}/grants`, {
      role: 'viewer',
      unitCode: '99999',
    });
    expect(unknownUnit.statusCode).toBe(404);

    const removed = await call('admin', 'DELETE', `/api/users/${ids.badinh}/grants/${grant.id}`);
    expect(removed.statusCode).toBe(200);
    expect(
      (await call('badinh', 'GET', '/api/auth/me')).json().user.grants.map((g: { role: string }) => g.role),
    ).toEqual(['commune_officer']);
    const revokeAudit = await lastAudit('grants.revoke');
    expect((revokeAudit.before as { grants: unknown[] }).grants).toHaveLength(2);
    expect((revokeAudit.after as { grants: unknown[] }).grants).toHaveLength(1);
    expect((await call('admin', 'DELETE', `/api/users/${ids.badinh}/grants/${grant.id}`)).statusCode).toBe(404);
  });

  it('switches an account off and on with before and after in the audit log', async () => {
    const off = await call('admin', 'POST', `/api/users/${ids.hanoi}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect((await call('hanoi', 'GET', '/api/auth/me')).statusCode).toBe(401);
    const audit = await lastAudit('users.deactivate');
    expect(audit.before).toMatchObject({ isActive: true });
    expect(audit.after).toMatchObject({ isActive: false, sessionsEnded: 1 });
    const on = await call('admin', 'POST', `/api/users/${ids.hanoi}/reactivate`);
    expect(on.json()).toMatchObject({ isActive: true });
    expect((await lastAudit('users.reactivate')).after).toMatchObject({ isActive: true });
    await login('hanoi');
  });

  it('never leaves the platform without an active system administrator, and no admin switches themself off', async () => {
    const self = await call('admin', 'POST', `/api/users/${ids.admin}/deactivate`);
    expect(self.statusCode).toBe(403);
    const adminGrant = (await call('admin', 'GET', '/api/users?q=admin')).json().items[0].grants[0];
    const last = await call('admin', 'DELETE', `/api/users/${ids.admin}/grants/${adminGrant.id}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().detail).toMatch(/quản trị viên hệ thống cuối cùng/);
    expect((await call('admin', 'GET', '/api/users')).statusCode).toBe(200); // still an admin: the change was rolled back
    // With a second admin, the first may hand over.
    expect(
      (await call('admin', 'POST', `/api/users/${ids.hanoi}/grants`, { role: 'system_admin', unitCode: 'VN' }))
        .statusCode,
    ).toBe(201);
    expect((await call('admin', 'DELETE', `/api/users/${ids.admin}/grants/${adminGrant.id}`)).statusCode).toBe(200);
    expect((await call('admin', 'GET', '/api/users')).statusCode).toBe(403);
    await login('hanoi');
    expect(
      (await call('hanoi', 'POST', `/api/users/${ids.admin}/grants`, { role: 'system_admin', unitCode: 'VN' }))
        .statusCode,
    ).toBe(201);
  });

  it('resets a forgotten password: the old one stops working and the sessions end; the hash is not audited', async () => {
    const reset = await call('admin', 'POST', `/api/users/${ids.badinh}/password`, {
      password: 'a brand new passphrase',
    });
    expect(reset.statusCode).toBe(200);
    expect((await call('badinh', 'GET', '/api/auth/me')).statusCode).toBe(401);
    const old = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'badinh', password: PASSWORD },
      remoteAddress: '10.5.5.5',
    });
    expect(old.statusCode).toBe(401);
    await login('badinh', 'a brand new passphrase');
    const audit = await lastAudit('users.password_reset');
    expect(JSON.stringify(audit)).not.toMatch(/argon2|passphrase/);
    expect((await call('admin', 'POST', `/api/users/${ids.badinh}/password`, { password: 'short' })).statusCode).toBe(
      400,
    );
  });
});
