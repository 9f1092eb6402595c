// Issue 9, finding 4: eight staffing reads answered any signed-in user for any unit. Each is now
// refused outside the caller's scope; a submitted table is compared only with figures the caller may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { buildServer } from '../platform/http/server.ts';
import { loadConfig } from '../platform/config.ts';
import { buildWorld, PERIOD, type World } from '../platform/policy/policy.matrix.fixture.ts';
import { multipartBody } from '../platform/upload/upload.testing.ts';

describe.each(ENGINES)('staffing reads scoped to the caller on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let w: World;
  beforeAll(async () => {
    t = await createTestDb(engine);
    app = await buildServer(t, loadConfig(), { logger: false });
    w = await buildWorld(t, app);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const as = (user: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      payload,
      headers: { cookie: w.sessions[user].cookie, 'x-csrf-token': w.sessions[user].csrf },
    });
  const upload = async (
    user: string,
    url: string,
    fields: Record<string, string>,
    file: { name: string; content: Buffer },
  ) => {
    const form = await multipartBody(fields, file);
    return app.inject({
      method: 'POST',
      url,
      payload: form.payload,
      headers: { ...form.headers, cookie: w.sessions[user].cookie, 'x-csrf-token': w.sessions[user].csrf },
    });
  };

  it("refuses a province officer every read of another province's unit, and answers it for its own", async () => {
    const reads = (unitId: number, code: string) => [
      `/api/staffing/available?period=${PERIOD}&unitId=${unitId}`,
      `/api/staffing/present-history?period=${PERIOD}&unitId=${unitId}&category=commune_cadre`,
      `/api/staffing/rollup?period=${PERIOD}&unitId=${unitId}`,
      `/api/staffing/norms?ruleSet=two-tier-2025-commune&unitCode=${code}&class=I`,
      `/api/staffing/export.xlsx?period=${PERIOD}&unitId=${unitId}&category=commune_cadre`,
      `/api/staffing/targets?period=${PERIOD}&unitId=${unitId}`,
      `/api/staffing/trend?unitId=${unitId}`,
    ];
    for (const url of reads(w.units.hueCommune, '19900'))
      expect([url, (await as('hanoi', 'GET', url)).statusCode]).toEqual([url, 403]);
    for (const url of reads(w.units.baDinh, '00004'))
      expect([url, (await as('hanoi', 'GET', url)).statusCode]).not.toContain(403);
  });

  it("checks a table against recorded figures only inside the caller's scope, and a viewer may not upload one", async () => {
    const check = (user: string, side: 'in' | 'out') =>
      upload(
        user,
        '/api/staffing/tables/check',
        { period: PERIOD, category: 'commune_cadre', asOf: '2025-12-31' },
        { name: 'bang.xlsx', content: Buffer.from(w.tables[side], 'base64') },
      );
    const outside = (await check('hanoi', 'out')).json();
    expect(outside.issues.map((i: { check: string }) => i.check)).toContain('out_of_scope');
    expect(JSON.stringify(outside)).not.toContain('differs_from_recorded');
    const inside = (await check('hanoi', 'in')).json();
    expect(inside.issues.map((i: { check: string }) => i.check)).not.toContain('out_of_scope');
    expect((await check('viewer', 'in')).statusCode).toBe(403);
  });
});
