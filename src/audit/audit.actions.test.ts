// Every audit record says what was there before and what is there after (issue 9,
// finding 9). Two halves: (1) every audit action written anywhere in the code (a
// recordAudit call, an action passed to the staffing write functions, an INSERT in a
// migration) is declared in audit.actions.ts with its kind, so a new mutation cannot
// slip in unclassified; (2) every mutation outside the program module (accounts,
// units, staffing: the program's are run by audit.program.test.ts) is run through the API
// on each engine, and each record it leaves must hold what its kind needs: a change
// its before and after, an upsert its before once there was a previous value, and so on.
// Every operation of /api/openapi.json outside the program that is not a GET must be run
// here, so a new mutation route fails this test until it is.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { buildServer } from '../platform/http/server.ts';
import { loadConfig } from '../platform/config.ts';
import { systemContext } from '../platform/context.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { importVn } from '../units/import/import.service.ts';
import { AUDIT_ACTIONS, auditActionOf } from './audit.actions.ts';
import { multipartBody } from '../platform/upload/upload.testing.ts';
// channel: consultations and the satisfaction index (issue 13)
import { runChannelMutations } from '../channel/consultations/consultations.audit.testing.ts';
import { runQuestionMutations } from '../channel/questions/questions.audit.testing.ts';
import { personCells, registerWorkbook } from '../people/people.testing.ts';
import { loadNational } from '../indicators/targets/targets.service.ts';
import { recordValue } from '../indicators/values/values.service.ts';
import { importValues } from '../indicators/values/values.import.ts';
import { setShare } from '../indicators/rebuild/shares.service.ts';
import { importTargets } from '../indicators/targets/targets.import.ts';
import {
  addLeader,
  computeScores,
  explainScore,
  recordAssessment,
  recordExemption,
} from '../indicators/scores/scores.service.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VN_DATA = path.resolve(SRC, '../data/vn');
const PASSWORD = 'correct horse battery';
/** Operations outside the program that are not GETs yet change nothing, and why. */
const NOT_MUTATIONS: Record<string, string> = {
  'POST /api/staffing/tables/check': 'reads a table and lists its inconsistencies; saves nothing',
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    // audit.actions.ts is the declaration itself: scanning it would find every declared action "written".
    return /\.(ts|sql)$/.test(e.name) && !/\.test\.ts$|testing\.ts$|fixtures\.ts$|^audit\.actions\.ts$/.test(e.name)
      ? [p]
      : [];
  });
}

/** (action, entity) pairs the code writes, found in its text; `${…}` in an action stands for any word. */
function writtenActions(): { action: string; entity: string; file: string }[] {
  const found: { action: string; entity: string; file: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(SRC, file);
    for (const m of text.matchAll(/action: ['`]([a-z_.]+(?:\$\{[a-zA-Z.]+\})?)['`],\s*entity: '([a-z_]+)'/g))
      found.push({ action: m[1], entity: m[2], file: rel });
    // A background job's definition names the action its request is audited with; the entity is the job's scope.
    for (const m of text.matchAll(/auditAction: '([a-z_.]+)'/g)) found.push({ action: m[1], entity: '*', file: rel });
    // The staffing write functions insert the allocation's audit row with the action they are given.
    for (const m of text.matchAll(/allocateInTrx\([^;]*?'(staffing\.[a-z_.]+)',?\s*\)/g))
      found.push({ action: m[1], entity: 'staffing_allocation', file: rel });
    if (file.endsWith('.sql') && text.includes('insert into audit_log')) {
      for (const m of text.matchAll(/'([a-z_]+\.[a-z_.]+)', '([a-z_]+)'/g))
        found.push({ action: m[1], entity: m[2], file: rel });
      if (text.includes("p_action, 'staffing_allocation'"))
        found.push({ action: 'staffing.allocate', entity: 'staffing_allocation', file: rel });
    }
  }
  return found;
}

describe('audit actions declared', () => {
  it('every audit action the code writes is declared with its kind in audit.actions.ts', () => {
    const found = writtenActions();
    expect(found.length).toBeGreaterThan(20);
    const declared = (f: { action: string; entity: string }) => {
      const re = new RegExp(`^${f.action.replace(/\./g, '\\.').replace(/\$\{[^}]+\}/g, '[a-z_]+')}$`);
      return AUDIT_ACTIONS.some((a) => (f.entity === '*' || a.entity === f.entity) && re.test(a.action));
    };
    const missing = found
      .filter((f) => !declared(f))
      .map((f) => `${f.action} on ${f.entity} (${f.file}): add it to src/audit/audit.actions.ts with its kind`);
    expect(missing).toEqual([]);
    // And nothing declared that the code no longer writes.
    const stale = AUDIT_ACTIONS.filter(
      (a) =>
        !found.some(
          (f) =>
            (f.entity === '*' || f.entity === a.entity) &&
            new RegExp(`^${f.action.replace(/\./g, '\\.').replace(/\$\{[^}]+\}/g, '[a-z_]+')}$`).test(a.action),
        ),
    );
    expect(stale.map((a) => `${a.action} on ${a.entity}`)).toEqual([]);
  });
});

describe.each(ENGINES)('every mutation outside the program module records before and after, on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await importVn(t.db, systemContext('test'), VN_DATA);
    await createUser(t.db, systemContext('test'), {
      username: 'admin',
      displayName: 'Admin',
      password: PASSWORD,
      grants: [{ role: 'system_admin', unitCode: 'VN' }],
    });
    // Two failed sign-ins per name and address at most, so that a block (and its audit record) comes quickly.
    app = await buildServer(t, loadConfig({ loginMaxAttempts: 2 }), { logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('runs each of them, and each record holds what its kind needs', async () => {
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'admin', password: 'wrong password' },
        })
      ).statusCode,
    ).toBe(401);
    // Every request that succeeded, to check below that each mutation route was run.
    const succeeded: string[] = [];
    const inject = async (o: {
      method: 'POST' | 'PATCH' | 'DELETE';
      url: string;
      payload?: string | object | Buffer;
      headers?: Record<string, string>;
    }) => {
      const res = await app.inject(o);
      if (res.statusCode < 300) succeeded.push(`${o.method} ${o.url}`);
      return res;
    };
    const login = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: PASSWORD },
    });
    const headers = {
      cookie: `apparatus_session=${login.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
      'x-csrf-token': login.json().csrfToken,
    };
    const call = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await inject({ method, url, payload, headers });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json();
    };
    const unit = (code: string) =>
      t.db
        .selectFrom('units')
        .select('id')
        .where('code', '=', code)
        .where('valid_to', 'is', null)
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    const [country, hanoi, baDinh] = [await unit('VN'), await unit('01'), await unit('00004')];
    const P = '2022-2026',
      C = 'commune_cadre';

    const officer = await call('POST', '/api/users', {
      username: 'can-bo',
      displayName: 'Cán bộ',
      password: 'mat-khau-dai-du',
      grants: [{ role: 'viewer', unitCode: '01' }],
    });
    const granted = await call('POST', `/api/users/${officer.id}/grants`, { role: 'province_officer', unitCode: '46' });
    const grantId = granted.grants.find((g: { unitCode: string }) => g.unitCode === '46').id;
    const revoked = await inject({ method: 'DELETE', url: `/api/users/${officer.id}/grants/${grantId}`, headers });
    expect(revoked.statusCode, revoked.body).toBeLessThan(300);
    await call('POST', `/api/users/${officer.id}/password`, { password: 'mat-khau-moi-dai-du' });
    await call('POST', `/api/users/${officer.id}/deactivate`, {});
    await call('POST', `/api/users/${officer.id}/reactivate`, {});
    const token = await call('POST', '/api/tokens', { name: 'Máy báo cáo' });
    await call('POST', `/api/tokens/${token.id}/revoke`, {});
    for (let i = 0; i < 3; i++)
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'can-bo', password: 'sai mật khẩu' },
      });
    await call('PATCH', `/api/units/${baDinh}`, { adminCentre: 'Số 1 Phan Đình Phùng' });
    await call('PATCH', `/api/units/${baDinh}`, { adminCentre: 'Số 12 Phan Đình Phùng', population: 70000 });
    await importVn(t.db, systemContext('test'), VN_DATA, { force: true });
    await call('POST', '/api/staffing/periods', {
      code: P,
      name: 'Thời kỳ 2022–2026',
      startDate: '2022-01-01',
      endDate: '2026-07-01',
    });
    await call('POST', '/api/staffing/allocations', { period: P, category: C, unitId: country, quota: 500 });
    await call('POST', '/api/staffing/allocations', { period: P, category: C, unitId: hanoi, quota: 200 });
    await call('POST', '/api/staffing/allocations', { period: P, category: C, unitId: hanoi, quota: 220, reserve: 10 });
    await call('POST', '/api/staffing/present', {
      period: P,
      category: C,
      unitId: hanoi,
      asOf: '2022-06-30',
      present: 180,
    });
    await call('POST', '/api/staffing/present', {
      period: P,
      category: C,
      unitId: hanoi,
      asOf: '2023-06-30',
      present: 175,
    });
    await call('POST', '/api/staffing/targets', {
      period: P,
      category: C,
      unitId: hanoi,
      share: 5,
      baselineDate: '2022-06-30',
      basis: 'Kết luận 40-KL/TW',
    });
    await call('POST', '/api/staffing/targets', {
      period: P,
      category: C,
      unitId: hanoi,
      share: 10,
      baselineDate: '2022-06-30',
      basis: 'Kết luận 40-KL/TW, điều chỉnh',
    });
    await call('POST', '/api/staffing/merges', {
      period: P,
      successorUnitId: baDinh,
      category: C,
      quota: 30,
      decisionRef: 'QĐ 12/2025',
    });
    const csv = [
      'stt,code,name,assigned_total,assigned_civil_servants,assigned_contracts,reserve,present_total,present_civil_servants,present_contracts,plan_total,plan_civil_servants,plan_contracts,change,note',
      '1,01,Thành phố Hà Nội,230,230,0,10,190,190,0,,,,,',
    ].join('\n');
    const upload = await multipartBody(
      { period: P, category: C, asOf: '2024-06-30' },
      { name: 'bang.csv', content: csv, type: 'text/csv' },
    );
    const imported = await inject({
      method: 'POST',
      url: '/api/staffing/tables/import',
      payload: upload.payload,
      headers: { ...headers, ...upload.headers },
    });
    expect(imported.statusCode, imported.body).toBeLessThan(300);
    // Every province's target from the rule set of 2026–2031: Hà Nội, the one with a headcount at the baseline, gets one.
    await call('POST', '/api/staffing/periods', {
      code: '2026-2031',
      name: 'Thời kỳ 2026–2031',
      startDate: '2026-01-01',
      endDate: '2031-07-01',
    });
    await call('POST', '/api/staffing/present', {
      period: '2026-2031',
      category: 'cadre_civil_servant',
      unitId: hanoi,
      asOf: '2026-01-01',
      present: 9000,
    });
    const fromRules = await call('POST', '/api/staffing/targets/from-rule-set', { period: '2026-2031' });
    expect(fromRules.set.length, JSON.stringify(fromRules).slice(0, 500)).toBe(1);
    // channel: consultations and the satisfaction index (issue 13)
    await runChannelMutations(t.db, call, { hanoi });
    // People (issue 12): an HR officer of Hà Nội imports, views, lists, exports and records an outcome twice.
    await call('POST', '/api/users', {
      username: 'nhan-su',
      displayName: 'Sở Nội vụ',
      password: 'mat-khau-dai-du',
      grants: [{ role: 'hr_officer', unitCode: '01' }],
    });
    const hrLogin = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nhan-su', password: 'mat-khau-dai-du' },
    });
    const hr = {
      cookie: `apparatus_session=${hrLogin.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
      'x-csrf-token': hrLogin.json().csrfToken,
    };
    const register = await multipartBody(
      { unitId: String(hanoi) },
      { name: 'danh-sach.xlsx', content: await registerWorkbook([personCells(1)]) },
    );
    const peopleImport = await inject({
      method: 'POST',
      url: '/api/people/import',
      payload: register.payload,
      headers: { ...hr, ...register.headers },
    });
    expect(peopleImport.statusCode, peopleImport.body).toBeLessThan(300);
    const listed = await app.inject({ method: 'GET', url: `/api/people?unitId=${hanoi}`, headers: hr });
    const personId = listed.json().items[0].id;
    expect((await app.inject({ method: 'GET', url: `/api/people/${personId}`, headers: hr })).statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: `/api/people/export.xlsx?unitId=${hanoi}`, headers: hr })).statusCode,
    ).toBe(200);
    for (const kind of ['until_retirement', 'early_retirement']) {
      const res = await inject({
        method: 'POST',
        url: `/api/people/${personId}/outcome`,
        payload: {
          kind,
          decisionNumber: '5/QĐ-UBND',
          decisionDate: '2025-07-10',
          decisionSigner: 'Chủ tịch UBND',
          leaveDate: '2025-08-01',
          reorganisationDate: '2025-06-16',
        },
        headers: hr,
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
    for (const url of [`/api/people/${personId}/benefit`, `/api/people/${personId}/benefit.docx`])
      expect((await app.inject({ method: 'GET', url, headers: hr })).statusCode).toBe(200);
    // Indicators (issue 14): the national targets (definitions, target versions, baselines), a figure over HTTP, a
    // commune's own figure accepted by the level above, a file import, the share of a split commune.
    const sys = systemContext('test');
    await loadNational(t.db, sys);
    const figure = { status: 'official' as const, source: 'test', known_from: '2025-03-01' };
    await call('POST', '/api/indicators/values', {
      ...figure,
      indicator: 'GRDP',
      unit: '17',
      period: '2024',
      value: '1.5',
    });
    const communeOfficer = await createUser(t.db, sys, {
      username: 'tienphong',
      displayName: 'Tiền Phong',
      password: PASSWORD,
      grants: [{ role: 'commune_officer', unitCode: '04891' }],
    });
    const own = await recordValue(
      t.db,
      {
        user: {
          id: communeOfficer.id,
          username: 'tienphong',
          displayName: 'Tiền Phong',
          grants: communeOfficer.grants,
        },
        actorLabel: 'tienphong',
        ip: null,
        userAgent: null,
        via: 'session',
      },
      { ...figure, indicator: 'GRDP', unit: '04891', period: '2026', value: '2', known_from: '2027-01-15' },
    );
    await call('POST', `/api/indicators/values/${own.id}/accept`, {});
    await importValues(
      t.db,
      sys,
      'values.csv',
      Buffer.from('indicator,unit,period,value,status,source,known_from\nGRDP,25,2024,3,official,test,2025-03-01\n'),
    );
    await importTargets(
      t.db,
      sys,
      'targets.csv',
      Buffer.from('indicator,unit,period,kind,low,decision,decided_on\nGRDP,25,2030,min,1,test,2026-03-01\n'),
    );
    await setShare(t.db, sys, 'old:c:04891', 'new:c:04891', '0.4', 'test');
    await setShare(t.db, sys, 'old:c:04891', 'new:c:04891', '0.5', 'test, corrected');
    // Leader scores (issue 14 items 5–6): a leader, a major error in one task, a run, a view, an appeal that recomputes.
    const scoreUnit = await t.db
      .selectFrom('units')
      .select('id')
      .where('key', '=', 'new:c:00004')
      .executeTakeFirstOrThrow();
    const scoreProgram = await t.db
      .insertInto('programs')
      .values({
        code: 'AUDIT-SCORES',
        title_vi: 'Thử',
        issuing_body: 'test',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scoreTask = await t.db
      .insertInto('tasks')
      .values({
        program_id: scoreProgram.id,
        kind: 'task',
        code: 'S1',
        unit_id: scoreUnit.id,
        title_vi: 'Thử',
        due_date: '2026-06-30',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const leaderId = await addLeader(t.db, sys, {
      fullName: 'Lãnh đạo thử',
      unitId: scoreUnit.id,
      position: 'chair',
      groupCode: 'chair:01',
      validFrom: '2025-07-01',
      decision: 'test',
    });
    const scoreError = await recordAssessment(t.db, sys, {
      leaderId,
      period: '2026',
      kind: 'major_error',
      taskId: Number(scoreTask.id),
      decision: 'test',
      decidedOn: '2026-12-01',
    });
    await computeScores(t.db, sys, { period: '2026', today: '2027-01-15' });
    await explainScore(t.db, sys, leaderId, '2026');
    await recordExemption(t.db, sys, {
      leaderId,
      period: '2026',
      kind: 'major_error',
      assessmentId: scoreError,
      cause: 'test',
      certifiedBy: 'test',
      certifiedOn: '2027-01-10',
    });
    // The public channel's feedback (issue 13): a citizen's submission, the officer's steps, the citizen's rating and reopening.
    const fed = await call('POST', '/api/feedback', {
      category: 'environment',
      title: 'Rác thải',
      description: 'Rác để ở đầu ngõ đã lâu.',
      unitCode: '00004',
      occurredOn: '2025-05-01',
      // A contact, so that each officer's view of the item is audited (feedback.contact.view).
      name: 'Người thử',
      phone: '0912345678',
    });
    const fedId = (
      await t.db.selectFrom('feedback_items').select('id').where('code', '=', fed.code).executeTakeFirstOrThrow()
    ).id;
    await call('POST', `/api/feedback/items/${fedId}/assign`, {});
    await call('POST', `/api/feedback/items/${fedId}/start`, {});
    await call('POST', `/api/feedback/items/${fedId}/answer`, { answer: 'Đã thu gom xong.' });
    await call('POST', `/api/feedback/track/${fed.code}/rating`, { rating: 4 });
    await call('POST', `/api/feedback/track/${fed.code}/reopen`, { reason: 'Rác lại để ra.' });
    await call('POST', `/api/feedback/items/${fedId}/forward`, { reason: 'Thuộc địa bàn khác', toUnitCode: '00008' });
    await call('POST', `/api/feedback/items/${fedId}/close`, { reason: 'resolved' });
    await call('POST', '/api/open311/v2/requests.json', {
      service_code: 'other',
      address_id: '00004',
      description: 'Góp ý giờ làm việc.',
    });
    // The standing office's questions (issue 13, item 3).
    await runQuestionMutations(app, call, inject);
    expect((await inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBeLessThan(300);

    // Each mutation route outside the program was run (a route's path parameters match any value).
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops)
        // The handover module's mutations are run by src/handover/handover.http.test.ts, with the same checks.
        .filter(
          ([method, op]) =>
            method !== 'get' && method !== 'head' && !op.tags?.includes('program') && !op.tags?.includes('handover'),
        )
        .map(([method]) => `${method.toUpperCase()} ${p}`),
    );
    expect(routes.length).toBeGreaterThan(15);
    const matches = (route: string) => new RegExp(`^${route.replace(/\{\w+\}/g, '[^/?]+')}(\\?.*)?$`);
    expect(
      routes.filter((r) => !NOT_MUTATIONS[r] && !succeeded.some((x) => matches(r).test(x))),
      'mutation routes not run by this test',
    ).toEqual([]);

    const rows = await t.db
      .selectFrom('audit_log')
      .select(['id', 'action', 'entity', 'entity_id', 'before', 'after'])
      .orderBy('id')
      .execute();
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const kind = auditActionOf(r.action, r.entity)?.kind;
      const where = `${r.action} on ${r.entity} ${r.entity_id ?? ''}`;
      if (!kind) {
        problems.push(`${where}: not declared in audit.actions.ts`);
        continue;
      }
      const key = `${r.action}|${r.entity}|${r.entity_id}`;
      const isObject = (v: unknown) => v !== null && typeof v === 'object' && Object.keys(v as object).length > 0;
      if (['change', 'create', 'upsert', 'event', 'summary'].includes(kind) && !isObject(r.after))
        problems.push(`${where}: no after`);
      if ((kind === 'change' || kind === 'delete') && !isObject(r.before)) problems.push(`${where}: no before`);
      if (kind === 'upsert' && seen.has(key) && !isObject(r.before))
        problems.push(`${where}: replaced a previous value without its before`);
      if (kind === 'create' && r.before !== null) problems.push(`${where}: a creation with a before`);
      seen.add(key);
    }
    expect(problems).toEqual([]);
    // No secret in any record: password hashes, session and API-token hashes, CSRF tokens, the session cookie.
    const secrets = [
      ...(await t.db.selectFrom('users').select('password_hash').execute()).map((r) => r.password_hash),
      ...(await t.db.selectFrom('sessions').select(['token_hash', 'csrf_token']).execute()).flatMap((r) => [
        r.token_hash,
        r.csrf_token,
      ]),
      ...(await t.db.selectFrom('api_tokens').select('token_hash').execute()).map((r) => r.token_hash),
      headers.cookie.split('=')[1],
      headers['x-csrf-token'],
      token.token,
    ];
    expect(token.token).toMatch(/^apt_/);
    expect(secrets.every((x) => typeof x === 'string' && x.length >= 16)).toBe(true);
    expect(
      rows.filter((r) => secrets.some((x) => JSON.stringify([r.before, r.after]).includes(x))).map((r) => r.action),
    ).toEqual([]);
    // The run covered every declared action outside the program module.
    const ran = new Set(rows.map((r) => `${r.action} on ${r.entity}`));
    const notRun = AUDIT_ACTIONS.filter((a) => !a.action.startsWith('program.') && !a.action.startsWith('handover.'))
      .map((a) => `${a.action} on ${a.entity}`)
      .filter((k) => !ran.has(k));
    expect(notRun).toEqual([]);
    // A replaced value shows what it was: the second allocation and target, and the re-import, carry the first's figures.
    const last = (action: string) => rows.filter((r) => r.action === action).at(-1)!;
    expect(last('staffing.allocate').before).toMatchObject({ quota: 200, reserve: 0 });
    expect(
      rows.filter((r) => r.action === 'staffing.target.set' && r.entity_id?.endsWith(`:${C}`)).at(-1)!.before,
    ).toMatchObject({ targetHeadcount: 171 });
    expect(last('units.update').before).toMatchObject({ adminCentre: 'Số 1 Phan Đình Phùng' });
    expect(last('units.import').before).toMatchObject({ checksum: expect.any(String) });
    expect(last('people.outcome').before).toMatchObject({ kind: 'until_retirement' });
    expect(last('people.export').after).toMatchObject({ rowCount: 1 });
    expect(rows.find((r) => r.action === 'staffing.merge' && r.entity === 'staffing_node')!.before).toMatchObject({
      successor: { quotas: {} },
    });
  }, 300_000);
});
