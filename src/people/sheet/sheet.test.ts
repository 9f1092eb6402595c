// A leaving outcome stores its benefit (total, clauses, rule set) in its transaction and audit row; the sheet
// reads it back with the record's personal-data rule (name for HR over the unit, amounts for others in scope,
// nothing out of scope) and exports it to Word; a record the calculator cannot use is refused and nothing is
// stored. Figures of the person of people.testing.ts checked by hand in outcomes.benefit.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { buildServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { type Role } from '../../platform/context.ts';
import { signedInUsers } from '../../accounts/accounts.testing.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { personCells, registerWorkbook } from '../people.testing.ts';
import { multipartBody } from '../../platform/upload/upload.testing.ts';

const USERS: { name: string; role: Role; unit: string }[] = [
  { name: 'hr-hanoi', role: 'hr_officer', unit: '01' },
  { name: 'viewer', role: 'viewer', unit: '01' },
  { name: 'viewer-hue', role: 'viewer', unit: '46' },
];
const LEAVING = {
  kind: 'early_retirement',
  decisionNumber: '25/QĐ-UBND',
  decisionDate: '2025-07-15',
  decisionSigner: 'Chủ tịch UBND thành phố',
  leaveDate: '2025-08-01',
  reorganisationDate: '2025-06-16',
};

describe.each(ENGINES)('benefit stored with the outcome, and the sheet, on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  const headers: Record<string, Record<string, string>> = {};
  const ids: number[] = [];
  const as = (user: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: headers[user], payload });

  beforeAll(async () => {
    t = await createTestDb(engine);
    units = await seedMiniRegistry(t.db);
    app = await buildServer(t, loadConfig(), { logger: false });
    Object.assign(headers, await signedInUsers(app, t.db, USERS));
    const file = await registerWorkbook([
      personCells(1, { 'Mã đơn vị': '00004' }),
      personCells(2, { 'Mã đơn vị': '00004', 'Đối tượng': 'Người hoạt động không chuyên trách cấp xã' }),
    ]);
    const form = await multipartBody({ unitId: String(units.hanoi) }, { name: 'danh-sach.xlsx', content: file });
    const res = await app.inject({
      method: 'POST',
      url: '/api/people/import',
      payload: form.payload,
      headers: { ...headers['hr-hanoi'], ...form.headers },
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.db.selectFrom('people').select(['id', 'category']).orderBy('id').execute();
    ids.push(...rows.map((r) => r.id));
    expect(rows.map((r) => r.category)).toEqual(['civil_servant', 'commune_part_time']);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('stores the total, clauses and rule set with the outcome and in its audit row', async () => {
    expect((await as('hr-hanoi', 'GET', `/api/people/${ids[0]}/benefit`)).statusCode).toBe(404);
    const missing = await as('hr-hanoi', 'POST', `/api/people/${ids[0]}/outcome`, { ...LEAVING, leaveDate: undefined });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('leaveDate');
    const res = await as('hr-hanoi', 'POST', `/api/people/${ids[0]}/outcome`, LEAVING);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().benefit).toEqual({
      ruleSet: 'nd178-2024-nd67-2025',
      total: 1_106_059_500,
      baseSalary: 2_340_000,
      leaveDate: '2025-08-01',
      reorganisationDate: '2025-06-16',
    });
    const row = await t.db
      .selectFrom('people_outcomes')
      .select(['benefit_total_vnd', 'benefit_rule_set', 'benefit_sheet'])
      .where('person_id', '=', ids[0])
      .executeTakeFirstOrThrow();
    expect(Number(row.benefit_total_vnd)).toBe(1_106_059_500);
    expect(row.benefit_rule_set).toBe('nd178-2024-nd67-2025');
    const sheet = (typeof row.benefit_sheet === 'string' ? JSON.parse(row.benefit_sheet) : row.benefit_sheet) as {
      clauses: { amount: number }[];
    };
    expect(sheet.clauses.map((c) => c.amount)).toEqual([654_544_800, 339_393_600, 112_121_100]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'people.outcome')
      .where('entity_id', '=', String(ids[0]))
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({
      benefit_total_vnd: 1_106_059_500,
      benefit_rule_set: 'nd178-2024-nd67-2025',
      benefit_clauses: [
        { code: 'early-months', amount: 654_544_800 },
        { code: 'early-years', amount: 339_393_600 },
        { code: 'early-insurance', amount: 112_121_100 },
      ],
    });
    const record = await as('viewer', 'GET', `/api/people/${ids[0]}`);
    expect(record.json().outcome.benefit.total).toBe(1_106_059_500);
  });

  it('refuses a record the calculator cannot use, storing nothing', async () => {
    const res = await as('hr-hanoi', 'POST', `/api/people/${ids[1]}/outcome`, { ...LEAVING, kind: 'resignation' });
    expect(res.statusCode).toBe(422);
    expect(res.json().type).toContain('benefit-record-incomplete');
    expect(res.json().detail).toContain('không chuyên trách');
    const stored = await t.db.selectFrom('people_outcomes').select('kind').where('person_id', '=', ids[1]).execute();
    expect(stored).toEqual([]);
  });

  it('shows the sheet with the name to HR, amounts only to others in scope, nothing out of scope; Word too', async () => {
    const hr = await as('hr-hanoi', 'GET', `/api/people/${ids[0]}/benefit`);
    expect(hr.statusCode, hr.body).toBe(200);
    expect(hr.json()).toMatchObject({
      person: { personal: true, fullName: 'Nguyễn Văn Thử 1', birthDate: '1970-03-15' },
      outcome: { kind: 'early_retirement', decisionNumber: '25/QĐ-UBND' },
      baseSalary: 2_340_000,
      benefit: { total: 1_106_059_500, salary: { amount: 12_121_200 } },
    });
    expect(hr.json().benefit.clauses[0].citation.vi).toContain('Điều 7');
    const viewer = await as('viewer', 'GET', `/api/people/${ids[0]}/benefit`);
    expect(viewer.json().person).toMatchObject({ personal: false, fullName: null, birthDate: null });
    expect(viewer.json().benefit.total).toBe(1_106_059_500);
    expect(viewer.body).not.toContain('Nguyễn');
    expect((await as('viewer-hue', 'GET', `/api/people/${ids[0]}/benefit`)).statusCode).toBe(403);
    const docx = await as('viewer', 'GET', `/api/people/${ids[0]}/benefit.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'after'])
      .where('action', 'like', 'people.benefit.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, (a.after as { personal: boolean }).personal])).toEqual([
      ['people.benefit.view', true],
      ['people.benefit.view', false],
      ['people.benefit.export', false],
    ]);
  });

  it('clears the benefit when the outcome is replaced by one without it', async () => {
    const res = await as('hr-hanoi', 'POST', `/api/people/${ids[0]}/outcome`, {
      kind: 'until_retirement',
      decisionNumber: '26/QĐ-UBND',
      decisionDate: '2025-07-20',
      decisionSigner: 'Chủ tịch UBND thành phố',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().benefit).toBeNull();
    expect((await as('hr-hanoi', 'GET', `/api/people/${ids[0]}/benefit`)).statusCode).toBe(404);
  });
});
