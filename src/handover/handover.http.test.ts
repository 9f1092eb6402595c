// The handover API end to end on a small registry, on each engine: every mutation route run by the side
// it belongs to, the minutes downloaded and verified by hash without signing in, a secret record's content
// hidden from a viewer, and every audit record holding what its kind needs (as src/audit/audit.actions.test.ts
// checks for the other modules), with every handover action declared in audit.actions.ts run here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { buildServer } from '../platform/http/server.ts';
import { loadConfig } from '../platform/config.ts';
import { systemContext, type Role } from '../platform/context.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { AUDIT_ACTIONS, auditActionOf } from '../audit/audit.actions.ts';
import { seedHandoverRegistry } from './handover.fixtures.ts';
import { multipartBody } from '../platform/upload/upload.testing.ts';
import { COLUMNS } from './sheet/sheet.columns.ts';

const PASSWORD = 'correct horse battery';

describe.each(ENGINES)('handover API on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let u: Awaited<ReturnType<typeof seedHandoverRegistry>>;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  beforeAll(async () => {
    t = await createTestDb(engine);
    u = await seedHandoverRegistry(t.db);
    app = await buildServer(t, loadConfig(), { logger: false });
    const people: [string, Role, number][] = [
      ['central', 'central_officer', u.vn],
      ['huyen', 'commune_officer', u.district],
      ['tinh', 'province_officer', u.newP],
      ['xa1', 'commune_officer', u.n1],
      ['xem', 'viewer', u.newP],
    ];
    for (const [name, role, unitId] of people) {
      await createUser(t.db, systemContext('test'), {
        username: name,
        displayName: name,
        password: PASSWORD,
        grants: [{ role, unitId }],
      });
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: name, password: PASSWORD },
      });
      const cookie = res.cookies.find((c) => c.name === 'apparatus_session')!;
      sessions[name] = { cookie: `apparatus_session=${cookie.value}`, csrf: res.json().csrfToken };
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const as = (user: string | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      payload,
      headers: user ? { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf } : {},
    });

  it('runs the whole workflow through the API, each side doing its part', async () => {
    const opened = await as('central', 'POST', '/api/handovers/open', { asOf: '2025-07-01' });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ opened: 7, endedWithoutHandover: 0 });
    expect((await as('tinh', 'POST', '/api/handovers/open', { asOf: '2025-07-01' })).statusCode).toBe(403);

    const list = (await as('tinh', 'GET', '/api/handovers?province=90')).json();
    const district = list.items.find((h: { fromUnit: { id: number } }) => h.fromUnit.id === u.district);
    expect(district).toMatchObject({ state: 'draft', lines: 0 });
    // The web list's filters: level and part of the name (case aside), wildcards taken literally.
    const names = async (qs: string) =>
      (await as('tinh', 'GET', `/api/handovers?province=90&${qs}`))
        .json()
        .items.map((h: { fromUnit: { name: string } }) => h.fromUnit.name)
        .sort();
    expect(await names('level=3')).toEqual(['Xã Hai', 'Xã Một']);
    expect(await names(`q=${encodeURIComponent('xã m')}`)).toEqual(['Xã Một']);
    expect(await names('level=2&q=huy')).toEqual(['Huyện Cũ']);
    expect(await names('q=%25')).toEqual([]);
    const id = district.id as number;
    const line = async (payload: object) => {
      const res = await as('huyen', 'POST', `/api/handovers/${id}/lines`, payload);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const secret = await line({
      kind: 'record',
      title: 'Hồ sơ dự án khu công nghiệp',
      level: 'document',
      document: {
        issuer: 'UBND huyện Cũ',
        docType: 'Quyết định',
        number: '15',
        issuedOn: '2024-03-02',
        summary: 'Phê duyệt quy hoạch chi tiết',
        secrecy: 'confidential',
      },
      files: [{ sha256: 'c'.repeat(64), name: 'qd15.pdf' }],
      landOrInvestment: true,
    });
    const spare = await line({ kind: 'seal', title: 'Dấu phụ', sealKind: 'seal', identifier: 'P-2', state: 'revoked' });
    expect((await as('huyen', 'DELETE', `/api/handovers/${id}/lines/${spare.id}`)).statusCode).toBe(200);
    await line({
      kind: 'business',
      title: 'Đơn khiếu nại bà B',
      businessKind: 'complaint',
      legalDeadline: '2025-08-01',
      receiverUnitId: u.n1,
    });
    expect((await as('huyen', 'POST', `/api/handovers/${id}/submit`)).statusCode).toBe(200);

    // A viewer of the province sees the secret record's metadata, not its content.
    const seen = (await as('xem', 'GET', `/api/handovers/${id}`)).json();
    const masked = seen.lineList.find((l: { id: number }) => l.id === secret.id);
    expect(masked).toMatchObject({ masked: true, files: [] });
    expect(masked.details.document.summary).toBeUndefined();
    expect(masked.details.document.issuer).toBe('UBND huyện Cũ');
    const full = (await as('tinh', 'GET', `/api/handovers/${id}`)).json();
    expect(full.lineList.find((l: { id: number }) => l.id === secret.id)).toMatchObject({ masked: false });

    const lines = full.lineList as { id: number; receiverUnitId: number }[];
    for (const l of lines) {
      const who = l.receiverUnitId === u.n1 ? 'xa1' : 'tinh';
      const res = await as(who, 'POST', `/api/handovers/${id}/lines/${l.id}/count`, {
        state: l.receiverUnitId === u.n1 ? 'disputed' : 'received',
        note: 'x',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const minutes = await as('xa1', 'POST', `/api/handovers/${id}/minutes`);
    expect(minutes.statusCode, minutes.body).toBe(200);
    const doc = await as('xem', 'GET', `/api/handovers/${id}/minutes/1`);
    expect(doc.statusCode).toBe(200);
    const sha = crypto.createHash('sha256').update(doc.rawPayload).digest('hex');
    expect(sha).toBe(minutes.json().documentSha256);
    expect(
      (await as('huyen', 'POST', `/api/handovers/${id}/sign`, { side: 'from', documentSha256: sha })).statusCode,
    ).toBe(200);
    expect(
      (await as('tinh', 'POST', `/api/handovers/${id}/sign`, { side: 'to', documentSha256: sha })).json().handoverState,
    ).toBe('signed');
    // Anyone may check a file by its hash, without signing in.
    const verified = (await as(null, 'GET', `/api/handover-minutes/${sha}`)).json();
    expect(verified).toMatchObject({ match: true, handoverId: id, signedByBoth: true, superseded: false });
    expect((await as('xa1', 'POST', `/api/handovers/${id}/close`)).statusCode).toBe(403);
    expect((await as('tinh', 'POST', `/api/handovers/${id}/close`)).json()).toMatchObject({
      state: 'closed',
      outstanding: 1,
    });
    expect(
      (await as('huyen', 'POST', `/api/handovers/${id}/correct`, { reason: 'Khiếu nại đã rõ' })).json(),
    ).toMatchObject({ version: 2 });
    const status = (await as('tinh', 'GET', '/api/handovers/status?province=90')).json();
    expect(status).toMatchObject({ lines: 2, outstanding: 2 });
  });

  it('imports a CSV inventory (dry run, then for real, read in the worker pool), exports it, and shows the dashboards', async () => {
    const list = (await as('tinh', 'GET', '/api/handovers?province=90')).json();
    const id = list.items.find((h: { fromUnit: { id: number } }) => h.fromUnit.id === u.c1).id as number;
    const header = COLUMNS.map((c) => `"${c.header}"`).join(',');
    const line = (title: string) =>
      COLUMNS.map(
        (c) =>
          ({
            'Loại dòng': 'Con dấu, chữ ký số',
            'Tên, tiêu đề': title,
            'Loại dấu': 'Con dấu',
            'Số hiệu dấu, chứng thư số': title,
            'Trạng thái dấu': 'Đang sử dụng',
          })[c.header] ?? '',
      )
        .map((v) => `"${v}"`)
        .join(',');
    const send = async (user: string, csv: string, dryRun: boolean) => {
      const form = await multipartBody(
        { dryRun },
        { name: 'danh-muc.csv', content: [header, ...csv.split('|')].join('\n') },
      );
      return app.inject({
        method: 'POST',
        url: `/api/handovers/${id}/lines/import`,
        payload: form.payload,
        headers: { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf, ...form.headers },
      });
    };
    expect((await send('xa1', line('D1'), false)).statusCode).toBe(403); // the receiving side does not add lines
    const bad = await send('huyen', `${line('D1')}|${line('')}`, false);
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().rows).toMatchObject([{ row: 3 }]);
    const dry = await send('huyen', `${line('D1')}|${line('D2')}`, true);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 2, firstLineId: null });
    const done = await send('huyen', `${line('D1')}|${line('D2')}`, false);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ dryRun: false, rows: 2, kinds: { seal: 2 } });
    const xlsx = await as('huyen', 'GET', `/api/handovers/${id}/lines.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const dash = await as('tinh', 'GET', '/api/handovers/dashboard?province=90');
    expect(dash.statusCode, dash.body).toBe(200);
    expect(dash.json().sealsNotSurrendered).toBeGreaterThanOrEqual(2);
    expect((await as('tinh', 'GET', '/api/handovers/dashboard')).statusCode).toBe(403); // the nation: central only
    expect((await as('central', 'GET', '/api/handovers/dashboard')).json().lines).toBe(dash.json().lines);
  });

  it('leaves an audit record for every handover action, each holding what its kind needs', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'before', 'after'])
      .where('action', 'like', 'handover.%')
      .execute();
    const isObject = (v: unknown) => v !== null && typeof v === 'object' && Object.keys(v as object).length > 0;
    const problems: string[] = [];
    for (const r of rows) {
      const kind = auditActionOf(r.action, r.entity)?.kind;
      if (!kind) problems.push(`${r.action} on ${r.entity}: not declared`);
      if (kind !== 'delete' && !isObject(r.after)) problems.push(`${r.action}: no after`);
      if ((kind === 'change' || kind === 'delete') && !isObject(r.before)) problems.push(`${r.action}: no before`);
      if (kind === 'create' && r.before !== null) problems.push(`${r.action}: a creation with a before`);
    }
    expect(problems).toEqual([]);
    const ran = new Set(rows.map((r) => `${r.action} on ${r.entity}`));
    expect(
      AUDIT_ACTIONS.filter((a) => a.action.startsWith('handover.'))
        .map((a) => `${a.action} on ${a.entity}`)
        .filter((k) => !ran.has(k)),
    ).toEqual([]);
  });
});
