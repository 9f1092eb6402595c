// The policy's own guarantees: deny by default (a route without a rule cannot start), the role half
// before the body is read, a read-only caller refused every write, and the published table current.
import fs from 'node:fs';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { buildServer } from '../http/server.ts';
import { loadConfig } from '../config.ts';
import { checkRole, definePolicy, registerPolicy, WRITERS } from './policy.ts';
import { problemHandler } from '../http/problem.ts';
import { currentPolicyTable, POLICY_DOC } from './policy.docs.ts';
import { systemContext } from '../context.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';

describe('access policy', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb('pglite');
    await seedMiniRegistry(t.db);
    await createUser(t.db, systemContext('test'), {
      username: 'viewer',
      displayName: 'v',
      password: 'correct horse battery',
      grants: [{ role: 'viewer', unitCode: 'VN' }],
    });
    app = await buildServer(t, loadConfig(), { logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('refuses to start with an /api route that declares no rule', async () => {
    const bare = Fastify();
    registerPolicy(bare);
    expect(() => bare.get('/api/secret', async () => 'x')).toThrow(/GET \/api\/secret has no access policy/);
    expect(() => bare.get('/health', async () => 'ok')).not.toThrow(); // only the API is bound by the policy
  });

  it("refuses a role before reading the body: a viewer's upload is 403 even when the body is not JSON at all", async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'viewer', password: 'correct horse battery' },
    });
    const headers = {
      cookie: `apparatus_session=${login.cookies[0].value}`,
      'x-csrf-token': login.json().csrfToken,
      'content-type': 'application/json',
    };
    const res = await app.inject({
      method: 'POST',
      url: '/api/staffing/tables/import',
      payload: '{ this is not json',
      headers,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/cần vai trò/);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/staffing/tables/import',
      payload: '{ nor this',
      headers: { 'content-type': 'application/json' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses every write to a read-only caller and lets it read', () => {
    const rules = definePolicy({
      'x.read': { who: 'signed-in', on: 'none', writes: false, what: { vi: 'đọc', en: 'read' } },
      'x.write': { who: WRITERS, on: 'none', writes: true, what: { vi: 'ghi', en: 'write' } },
    });
    const ctx = {
      user: {
        id: 1,
        username: 'a',
        displayName: 'a',
        grants: [{ role: 'system_admin' as const, unitId: 1, unitName: 'VN' }],
      },
      actorLabel: 'a',
      ip: null,
      userAgent: null,
      via: 'token' as const,
      readOnly: true,
    };
    expect(() => checkRole(ctx, rules['x.read'])).not.toThrow();
    expect(() => checkRole(ctx, rules['x.write'])).toThrow(/may only read/);
    expect(() => checkRole({ ...ctx, readOnly: false }, rules['x.write'])).not.toThrow();
  });

  it('publishes the table the routes declare (docs/access-policy.md is current: npm run docs:policy)', async () => {
    expect(fs.readFileSync(POLICY_DOC, 'utf8')).toBe(await currentPolicyTable());
  });

  it('a problem is still problem+json when the role half refuses', async () => {
    const bare = Fastify();
    bare.setErrorHandler(problemHandler);
    bare.decorateRequest('ctx', null as never);
    bare.addHook('onRequest', async (req) => {
      (req as unknown as { ctx: unknown }).ctx = {
        user: null,
        actorLabel: 'anonymous',
        ip: null,
        userAgent: null,
        via: 'anonymous',
      };
    });
    registerPolicy(bare);
    bare.get(
      '/api/thing',
      {
        config: {
          policy: { action: 'thing.read', who: 'signed-in', on: 'none', writes: false, what: { vi: 'x', en: 'x' } },
        },
      },
      async () => 'x',
    );
    const res = await bare.inject({ url: '/api/thing' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
