// Personal data per role, through the API: names, birth dates, sex, the restricted flags and the (masked) identity
// number only for HR officers over the person's unit; everyone else in scope sees counts and amounts; out of scope
// nothing. Every view is audited, and the export (HR only) with its row count. The ID is never sent whole on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { buildServer } from '../platform/http/server.ts';
import { loadConfig } from '../platform/config.ts';
import { type Role } from '../platform/context.ts';
import { signedInUsers } from '../accounts/accounts.testing.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';
import { personCells, registerWorkbook } from './people.testing.ts';
import { multipartBody } from '../platform/upload/upload.testing.ts';

/** Who, with which grant, and what they must get on a Trúc Bạch (Hà Nội) person: 'personal', 'masked' or a refusal. */
const ROLES: { name: string; role: Role; unit: string; sees: 'personal' | 'masked' | 403 }[] = [
  { name: 'hr-hanoi', role: 'hr_officer', unit: '01', sees: 'personal' }, // the province's Department of Home Affairs
  { name: 'hr-hue', role: 'hr_officer', unit: '46', sees: 403 },
  { name: 'admin', role: 'system_admin', unit: 'VN', sees: 'masked' },
  { name: 'central', role: 'central_officer', unit: 'VN', sees: 'masked' },
  { name: 'province', role: 'province_officer', unit: '01', sees: 'masked' },
  { name: 'viewer', role: 'viewer', unit: '01', sees: 'masked' },
  { name: 'viewer-hue', role: 'viewer', unit: '46', sees: 403 },
];
const PERSONAL = [
  'fullName',
  'birthDate',
  'sex',
  'idNumberMasked',
  'ethnicMinority',
  'religious',
  'pregnantOrMaternity',
  'underDiscipline',
];

describe.each(ENGINES)('personal data of the register per role on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  const headers: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    t = await createTestDb(engine);
    units = await seedMiniRegistry(t.db);
    app = await buildServer(t, loadConfig(), { logger: false });
    Object.assign(headers, await signedInUsers(app, t.db, ROLES));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('imports through the API for HR only, then shows each role what its rule allows, auditing every view', async () => {
    const file = await registerWorkbook([
      personCells(1, { 'Mã đơn vị': '00004', 'Dân tộc thiểu số (x)': 'x' }),
      personCells(2, { 'Giới tính (Nam/Nữ)': 'Nữ' }),
    ]);
    const upload = async (user: string) => {
      const form = await multipartBody({ unitId: String(units.hanoi) }, { name: 'danh-sach.xlsx', content: file });
      return app.inject({
        method: 'POST',
        url: '/api/people/import',
        payload: form.payload,
        headers: { ...headers[user], ...form.headers },
      });
    };
    expect((await upload('province')).statusCode).toBe(403);
    expect((await upload('hr-hue')).statusCode).toBe(403);
    const imported = await upload('hr-hanoi');
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ inserted: 2, rows: 2 });
    const person = (
      await t.db.selectFrom('people').select('id').where('unit_id', '=', units.trucBach).executeTakeFirstOrThrow()
    ).id;
    const id1 = String(personCells(1)['Số định danh cá nhân']);

    const views: Record<string, number> = {};
    for (const u of ROLES) {
      const res = await app.inject({ method: 'GET', url: `/api/people/${person}`, headers: headers[u.name] });
      const list = await app.inject({
        method: 'GET',
        url: `/api/people?unitId=${units.hanoi}`,
        headers: headers[u.name],
      });
      if (u.sees === 403) {
        expect([res.statusCode, list.statusCode], u.name).toEqual([403, 403]);
        continue;
      }
      views[u.name] = person;
      expect(res.statusCode, `${u.name}: ${res.body}`).toBe(200);
      expect(list.statusCode).toBe(200);
      const body = res.json();
      expect(res.body).not.toContain(id1); // never whole on screen, not even for HR
      expect(list.body).not.toContain(id1);
      // Counts and amounts for everyone in scope
      expect(body).toMatchObject({
        salaryCoef: 4.98,
        siMonths: 306,
        otherAllowancesVnd: 1_500_000,
        category: 'civil_servant',
      });
      expect(list.json().total).toBe(2);
      if (u.sees === 'personal') {
        expect(body).toMatchObject({
          personal: true,
          fullName: 'Nguyễn Văn Thử 1',
          birthDate: '1970-03-15',
          sex: 'm',
          idNumberMasked: `*********${id1.slice(-3)}`,
          ethnicMinority: true,
        });
        expect(list.json().personalRows).toBe(2);
      } else {
        expect(body.personal, u.name).toBe(false);
        for (const k of PERSONAL) expect(body[k], `${u.name} sees ${k}`).toBeNull();
        expect(list.json().personalRows).toBe(0);
        expect(list.body).not.toContain('Nguyễn');
      }
    }
    // Each view is in the audit log, with whether personal data were shown; the list says how many rows were.
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'after'])
      .where('action', 'like', 'people.%')
      .orderBy('id')
      .execute();
    const seen = audit.filter((a) => a.action === 'people.view');
    expect(seen.map((a) => a.actor)).toEqual(Object.keys(views));
    expect(seen.map((a) => (a.after as { personal: boolean }).personal)).toEqual(
      Object.keys(views).map((n) => n === 'hr-hanoi'),
    );
    expect(
      audit.filter((a) => a.action === 'people.list').map((a) => (a.after as { personalRows: number }).personalRows),
    ).toEqual(Object.keys(views).map((n) => (n === 'hr-hanoi' ? 2 : 0)));
    expect(JSON.stringify(audit)).not.toContain('Nguyễn');
  });

  it('exports personal data to HR over the unit only, audited with the row count', async () => {
    for (const u of ROLES) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/people/export.xlsx?unitId=${units.hanoi}`,
        headers: headers[u.name],
      });
      expect(res.statusCode, u.name).toBe(u.name === 'hr-hanoi' ? 200 : 403);
      if (res.statusCode === 200) expect(res.headers['content-type']).toContain('spreadsheetml');
    }
    const exports = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'after'])
      .where('action', '=', 'people.export')
      .execute();
    expect(exports).toEqual([{ actor: 'hr-hanoi', after: { unitId: units.hanoi, rowCount: 2, personalData: true } }]);
  });

  it('records an outcome for HR over the person only', async () => {
    const person = (
      await t.db.selectFrom('people').select('id').where('unit_id', '=', units.trucBach).executeTakeFirstOrThrow()
    ).id;
    const payload = {
      kind: 'until_retirement',
      decisionNumber: '1/QĐ',
      decisionDate: '2025-07-10',
      decisionSigner: 'Giám đốc Sở Nội vụ',
    };
    for (const u of ROLES) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/people/${person}/outcome`,
        payload,
        headers: headers[u.name],
      });
      expect(res.statusCode, `${u.name}: ${res.body}`).toBe(u.name === 'hr-hanoi' ? 200 : 403);
    }
  });
});
