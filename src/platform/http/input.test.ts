// Plain regressions for the hostile inputs that answered 500 (issue 9, finding 7), each now a 4xx
// problem+json naming the field: NUL bytes (sign-in included), lone UTF-16 surrogates, impossible
// and out-of-range dates, funding and weights beyond what the database keeps, headcounts beyond
// any real unit, a summed headcount column past 2^31, broken addresses; and the safety net that
// turns a database refusal of input into a 4xx while a genuine bug stays a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ENGINES, createTestDb, type TestDb } from '../db/testing.ts';
import { buildServer } from './server.ts';
import { loadConfig } from '../config.ts';
import { systemContext } from '../context.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createProgramFromTree } from '../../program/tasks/tasks.import.ts';
import { TEST_META, testTree } from '../../program/program.fixtures.ts';
import { createTestPeriod } from '../../staffing/staffing.fixtures.ts';
import { allocate } from '../../staffing/quotas/quotas.service.ts';

const PASSWORD = 'correct horse battery';

describe.each(ENGINES)('hostile input answered 4xx, never 500, on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let u: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let headers: Record<string, string>;
  let programId: number, rootId: number, leafId: number;

  beforeAll(async () => {
    t = await createTestDb(engine);
    u = await seedMiniRegistry(t.db);
    const sys = systemContext('test');
    await createUser(t.db, sys, {
      username: 'admin',
      displayName: 'Admin',
      password: PASSWORD,
      grants: [{ role: 'system_admin', unitCode: 'VN' }],
    });
    programId = (
      await createProgramFromTree(t.db, sys, TEST_META, testTree(), { language: 'vi', effectiveDate: '2026-01-15' })
    ).program.id;
    const code = (c: string) =>
      t.db
        .selectFrom('tasks')
        .select('id')
        .where('code', '=', c)
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    rootId = await code('II');
    leafId = await code('II.2.1');
    await createTestPeriod(t.db);
    for (const unitId of [u.vn, u.hanoi, u.hue])
      await allocate(t.db, sys, {
        period: '2022-2026',
        category: 'commune_cadre',
        unitId,
        quota: unitId === u.vn ? 200 : 100,
      });
    app = await buildServer(t, loadConfig(), { logger: false });
    // Two routes only this test has (outside /api, which needs an access rule): a statement the database refuses for its data, and a genuine bug.
    app.get('/test/numeric-overflow', async () =>
      sql`select ${'2147483648'}::int as n`.execute(t.db).then((r) => r.rows),
    );
    app.get('/test/missing-table', async () => sql`select * from no_such_table`.execute(t.db).then((r) => r.rows));
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: PASSWORD },
    });
    headers = {
      cookie: `apparatus_session=${login.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
      'x-csrf-token': login.json().csrfToken,
      'accept-language': 'en',
    };
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: string | object) =>
    app.inject({
      method,
      url,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      payload: body,
    });
  /** A 4xx problem+json whose detail names the field. */
  function expectProblem(res: Awaited<ReturnType<typeof send>>, status: number, field: string | RegExp) {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    // The field is named in the sentence (as a person reads it: tasks[1].title) or, for forms, in errors[].field.
    const body = res.json() as { detail: string; errors?: { field: string }[] };
    const named = [body.detail, ...(body.errors ?? []).map((e) => e.field)].join(' | ');
    expect(named).toMatch(typeof field === 'string' ? new RegExp(`\\b${field}\\b`) : field);
  }

  it('refuses a NUL byte at sign-in, naming the field, before any database work', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"username":"ad\\u0000min","password":"x"}',
    });
    expectProblem(res, 400, 'username');
    expect(res.json().detail).toContain('NUL');
    const vi = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"admin","password":"a\\u0000"}',
    });
    expect(vi.statusCode).toBe(400);
    expect(vi.json().detail).toContain('Trường "password" chứa ký tự NUL');
  });

  it('refuses NUL bytes in a query string and lone surrogates in stored text and in keys', async () => {
    expectProblem(await send('GET', `/api/programs/${programId}/tasks?q=a%00b`), 400, 'q');
    const unit = await send('PATCH', `/api/units/${u.baDinh}`, '{"adminCentre":"S\\ud800\\u1ed1 1"}');
    expectProblem(unit, 400, 'adminCentre');
    expect(unit.json().detail).toContain('surrogate');
    expectProblem(await send('POST', '/api/tokens', '{"name":"x\\udfff"}'), 400, 'name');
    expectProblem(
      await send(
        'POST',
        '/api/staffing/merges',
        '{"period":"2022-2026","successorUnitId":1,"category":"commune_cadre","decisionRef":"\\udc00\\ud800"}',
      ),
      400,
      'decisionRef',
    );
    expectProblem(
      await send(
        'POST',
        `/api/programs/${programId}/tasks`,
        '{"decisionRef":"QĐ 1","reason":"r","effectiveDate":"2026-03-01","parentId":1,"task":{"titleVi":"T","tags":["ok","\\ud800"]}}',
      ),
      400,
      'task.tags.1',
    );
    const key = await send('POST', '/api/tokens', '{"name":"ok","x\\u0000":1}');
    expect(key.statusCode).toBe(400);
    expect(key.json().detail).toContain('"x\\u0000"'); // shown escaped, never as a raw NUL
    // A well-formed pair (an emoji) is text like any other.
    expect((await send('POST', '/api/tokens', '{"name":"Máy chủ \\ud83d\\ude80"}')).statusCode).toBeLessThan(300);
  });

  it('refuses impossible and out-of-range dates wherever a date is read', async () => {
    expectProblem(await send('GET', '/api/audit?from=2025-13-01'), 400, 'from');
    expectProblem(await send('GET', '/api/audit?to=2025-02-30'), 400, 'to');
    expectProblem(await send('GET', '/api/units/tree?asOf=0000-01-01'), 400, 'asOf');
    expectProblem(await send('GET', '/api/stats/units?asOf=0000-01-01'), 400, 'asOf');
    expectProblem(await send('GET', `/api/programs/${programId}/as-of?asOf=0000-12-31`), 400, 'asOf');
    const report = await send('POST', `/api/tasks/${leafId}/reports`, {
      reportDate: '0000-01-01',
      progress: 10,
      status: 'in_progress',
    });
    expectProblem(report, 400, 'reportDate');
    expect(report.json().detail).toContain('between 1900-01-01 and 2199-12-31');
    expectProblem(
      await send('POST', '/api/staffing/present', {
        period: '2022-2026',
        category: 'commune_cadre',
        unitId: u.hanoi,
        asOf: '9999-12-31',
        present: 1,
      }),
      400,
      'asOf',
    );
    // A real date inside the range still works.
    expect((await send('GET', '/api/audit?from=2025-01-01&to=2199-12-31')).statusCode).toBe(200);
  });

  it('refuses funding beyond what any program spends and weights finer than the database keeps', async () => {
    const add = (task: object) =>
      send('POST', `/api/programs/${programId}/tasks`, {
        decisionRef: 'QĐ 1/2026',
        reason: 'Bổ sung',
        effectiveDate: '2026-03-01',
        parentId: rootId,
        task: { titleVi: 'Nhiệm vụ mới', ...task },
      });
    const funding = await add({ funding: [{ source: 'central_budget', amountRequired: 1e18 }] });
    expectProblem(funding, 400, 'task.funding.0.amountRequired');
    expect(funding.json().detail).toContain('"task.funding[1].amountRequired" at most 5,000,000,000,000,000');
    expectProblem(
      await add({ funding: [{ source: 'oda', amountAllocated: 1500.5 }] }),
      400,
      'task.funding.0.amountAllocated',
    );
    const weight = await add({ weight: 0.001 });
    expectProblem(weight, 400, 'task.weight');
    expectProblem(await add({ weight: 1.005 }), 400, 'task.weight');
    expect(
      (await add({ weight: 2.5, funding: [{ source: 'central_budget', amountRequired: 1_700_000_000_000_000 }] }))
        .statusCode,
    ).toBe(201);
  });

  it('refuses a headcount beyond any real unit', async () => {
    const present = (unitId: number, n: number) =>
      send('POST', '/api/staffing/present', {
        period: '2022-2026',
        category: 'commune_cadre',
        unitId,
        asOf: '2025-12-31',
        present: n,
      });
    const tooMany = await present(u.hanoi, 10_000_000);
    expectProblem(tooMany, 400, 'present');
    expect(tooMany.json().detail).toContain('at most 5,000,000');
  });

  it('sums headcounts past 2^31 without overflow, so one big total never blocks other provinces', async () => {
    const present = (unitId: number, n: number) =>
      send('POST', '/api/staffing/present', {
        period: '2022-2026',
        category: 'commune_cadre',
        unitId,
        asOf: '2025-12-31',
        present: n,
      });
    // The country's subtree total already near the top of a 32-bit integer (as after a long run of
    // big provinces): another province's write must still go through, and the total keeps counting.
    const country = await t.db
      .selectFrom('staffing_nodes')
      .select('id')
      .where('key', '=', `u:${u.vn}`)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('staffing_allocations')
      .set({ present_below: 2_147_483_000 })
      .where('node_id', '=', country.id)
      .where('category', '=', 'commune_cadre')
      .execute();
    expect((await present(u.hue, 5_000)).statusCode).toBe(200);
    expect((await present(u.hanoi, 5_000_000)).statusCode).toBe(200);
    const total = await t.db
      .selectFrom('staffing_allocations')
      .select('present_below')
      .where('node_id', '=', country.id)
      .where('category', '=', 'commune_cadre')
      .executeTakeFirstOrThrow();
    expect(total.present_below).toBe(2_147_483_000 + 5_000 + 5_000_000);
  });

  it('answers a broken %-escape and an over-long path segment as problem+json', async () => {
    const badEscape = await send('GET', '/api/tasks/%ED%A0%80');
    expectProblem(badEscape, 400, /badly encoded/);
    const long = await send('POST', `/api/tasks/${'9'.repeat(300)}/cancel`, {});
    expectProblem(long, 414, /too long/);
  });

  it('turns a database refusal of data into a 4xx problem, and keeps a genuine bug a 500', async () => {
    const refused = await send('GET', '/test/numeric-overflow');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      type: 'https://apparatus.dev/problems/database-invalid-value',
      sqlState: '22003',
    });
    expect(refused.json().detail).toMatch(/nothing was saved/);
    const bug = await send('GET', '/test/missing-table');
    expect(bug.statusCode).toBe(500);
    expect(bug.json().type).toBe('https://apparatus.dev/problems/internal');
  });
});
