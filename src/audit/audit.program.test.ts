// Issue 9, item 8: "Audit you can trust. Every mutation records before and after", for the
// action program. Every program operation of /api/openapi.json that is not a GET (read at test
// time, so a new mutation route fails this test until it is run here) is called through the HTTP
// API, on each engine, as the person whose right it is. For each call the audit rows it wrote are
// read back and must: be declared in audit.actions.ts; name the caller (actor and actor id); be
// written in one transaction (one timestamp); hold as "before" exactly the state read before the
// call for a change of something that existed (null only for a creation), and as "after" the state
// read after it; and hold no secret (password hash, session or API-token hash, CSRF token, cookie).
// A refused call (4xx) writes no row.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { buildServer } from '../platform/http/server.ts';
import { loadConfig } from '../platform/config.ts';
import { systemContext } from '../platform/context.ts';
import { todayIso } from '../platform/errors.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';
import { createProgramFromTree } from '../program/tasks/tasks.import.ts';
import { TEST_META, testTree } from '../program/program.fixtures.ts';
import { loadContent } from '../program/tasks/tasks.content.ts';
import { COLUMNS } from '../program/parse/tasklist.template.ts';
import { TASKS_SHEET } from '../program/parse/tasklist.xlsx.ts';
import { multipartBody } from '../platform/upload/upload.testing.ts';
import { AUDIT_ACTIONS, auditActionOf } from './audit.actions.ts';

const PASSWORD = 'correct horse battery';
const ctx = systemContext('test');
/** POST operations of the program that change nothing, and why (everything else that is not a GET must be run here). */
const NOT_MUTATIONS: Record<string, string> = {
  'POST /api/programs/preview': 'parses a document and shows the tree; saves nothing',
};
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Json = Record<string, unknown>;
interface Expected {
  action: string;
  entity: string;
  entityId: number | string;
  before: unknown;
  after: unknown;
}
interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}

const TIMESTAMP = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d(:\d\d)?)$/;
/**
 * As the state goes through JSON into the audit log: undefined left out, and a timestamp as the instant it
 * names (a row read through a JSON aggregate has PostgreSQL's text form, a Date has JavaScript's).
 */
const json = (v: unknown) =>
  v === undefined
    ? undefined
    : JSON.parse(JSON.stringify(v), (_k, x) =>
        typeof x === 'string' && TIMESTAMP.test(x) ? new Date(x).toISOString() : x,
      );
const without = (o: Json, ...keys: string[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

describe.each(ENGINES)('every program mutation records its before and after, on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let programId = 0;
  const userIds: Record<string, number> = {};
  const sessions: Record<string, { cookie: string; csrf: string; token: string }> = {};
  const covered = new Map<string, number>(); // "METHOD /api/path/{id}" → audit rows checked
  const checked: string[] = [];

  const urlOf = (route: string, params: Record<string, number | string>) =>
    route.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k]));
  const call = (user: string, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      payload: payload as object,
      headers: { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf, ...headers },
    });
  const get = async (user: string, url: string) => {
    const res = await call(user, 'GET', url);
    expect(res.statusCode, `GET ${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const task = (code: string) =>
    t.db
      .selectFrom('tasks')
      .selectAll()
      .where('program_id', '=', programId)
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
  const lastAuditId = async () =>
    Number(
      (
        await t.db
          .selectFrom('audit_log')
          .select((e) => e.fn.max('id').as('m'))
          .executeTakeFirstOrThrow()
      ).m ?? 0,
    );
  const auditSince = (id: number) =>
    t.db
      .selectFrom('audit_log')
      .select(['id', 'at', 'actor', 'actor_id', 'action', 'entity', 'entity_id', 'before', 'after'])
      .where('id', '>', id)
      .orderBy('id')
      .execute() as Promise<AuditRow[]>;
  /** A report as the API shows it, without what the caller may do (not part of its state). */
  const report = async (id: number) => without(await get('central', `/api/reports/${id}`), 'can');
  /** What an edit or a review can change: all of it but the evidence, which only the submission sets (and its audit row names). */
  const reportState = async (id: number) => without(await report(id), 'evidence');
  const changeRequest = async (taskId: number, id: number) => {
    const r = (await get('central', `/api/tasks/${taskId}/change-requests`)).items.find(
      (x: { id: number }) => x.id === id,
    );
    return {
      taskId: r.taskId,
      kind: r.kind,
      reason: r.reason,
      proposed: r.proposed,
      state: r.state,
      version: r.version,
    };
  };
  const warning = async (id: number) => {
    const w = await t.db.selectFrom('program_warnings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return {
      taskId: w.task_id,
      kind: w.kind,
      message: w.message_vi,
      acknowledgedAt: w.acknowledged_at,
      acknowledgedBy: w.acknowledged_by,
      resolvedAt: w.resolved_at,
      resolvedBy: w.resolved_by,
    };
  };
  const cascadeState = async (code: string) => {
    const row = await task(code);
    const children = await t.db
      .selectFrom('tasks')
      .select('unit_id')
      .where('parent_id', '=', row.id)
      .where('cascaded', '=', true)
      .orderBy('unit_id')
      .execute();
    return {
      rollupMode: row.rollup_mode,
      version: row.version,
      status: row.status,
      progress: row.progress,
      cascadedToUnitIds: children.map((c) => c.unit_id),
    };
  };
  const contentOf = async (code: string) => loadContent(t.db, await task(code));

  /**
   * Runs one mutation and checks the audit rows it wrote against what `expected` builds from the
   * state read before the call (`read`, called before it) and after it.
   */
  async function audited<B>(
    user: string,
    method: Method,
    route: string,
    params: Record<string, number | string>,
    body: unknown,
    read: () => Promise<B>,
    expected: (res: Json, before: B) => Promise<Expected[]>,
    opts: { headers?: Record<string, string>; oneTransaction?: boolean } = {},
  ) {
    const before = await read();
    const since = await lastAuditId();
    const url = urlOf(route, params);
    const res = await call(user, method, url, body, opts.headers);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    const rows = await auditSince(since);
    const want = await expected(res.json(), before);
    const where = (r: { action: string; entity: string; entity_id?: string | null; entityId?: number | string }) =>
      `${r.action} on ${r.entity} ${r.entity_id ?? r.entityId}`;
    expect(rows.map(where).sort(), `${method} ${url}: the rows written`).toEqual(want.map(where).sort());
    for (const row of rows) {
      const w = want.find((e) => where(e) === where(row))!;
      const kind = auditActionOf(row.action, row.entity)?.kind;
      expect(kind, `${where(row)} is declared in audit.actions.ts`).toBeDefined();
      expect({ actor: row.actor, actorId: row.actor_id }, where(row)).toEqual({ actor: user, actorId: userIds[user] });
      if (kind === 'create' || kind === 'summary' || kind === 'event')
        expect(row.before, `${where(row)}: a creation or an event has no before`).toBeNull();
      else {
        expect(row.before, `${where(row)}: a change of something that existed keeps its before`).not.toBeNull();
        expect(json(row.before), `${where(row)}: before is the state read before the call`).toEqual(json(w.before));
      }
      expect(json(row.after), `${where(row)}: after is the new state`).toMatchObject(json(w.after));
      checked.push(where(row));
    }
    if (opts.oneTransaction !== false)
      expect(new Set(rows.map((r) => r.at.getTime())).size, `${method} ${url}: one transaction`).toBe(1);
    covered.set(`${method} ${route}`, (covered.get(`${method} ${route}`) ?? 0) + rows.length);
    return res.json() as Json;
  }

  /** A refused call: its status, and not one audit row (nor anything else committed). */
  async function refused(
    user: string,
    method: Method,
    url: string,
    body: unknown,
    status: number,
    headers?: Record<string, string>,
  ) {
    const since = await lastAuditId();
    const res = await call(user, method, url, body, headers);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    expect(
      (await auditSince(since)).map((r) => r.action),
      `${method} ${url} was refused and wrote no audit row`,
    ).toEqual([]);
  }

  beforeAll(async () => {
    t = await createTestDb(engine);
    units = await seedMiniRegistry(t.db);
    const people: [string, string, string][] = [
      ['central', 'central_officer', 'VN'],
      ['hanoi', 'province_officer', '01'],
      ['badinh', 'commune_officer', '00004'],
      ['phongdien', 'commune_officer', '19900'],
      ['viewer', 'viewer', 'VN'],
    ];
    for (const [username, role, unitCode] of people) {
      userIds[username] = (
        await createUser(t.db, ctx, {
          username,
          displayName: username,
          password: PASSWORD,
          grants: [{ role: role as never, unitCode }],
        })
      ).id;
    }
    programId = (
      await createProgramFromTree(t.db, ctx, TEST_META, testTree(), { language: 'vi', effectiveDate: '2026-01-15' })
    ).program.id;
    app = await buildServer(t, loadConfig(), { logger: false });
    for (const [username] of people) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: PASSWORD },
      });
      const token = res.cookies.find((c) => c.name === 'apparatus_session')!.value;
      sessions[username] = { cookie: `apparatus_session=${token}`, csrf: res.json().csrfToken, token };
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('runs every program mutation of the API; each audit row holds the caller, the state before and the state after, and no secret', async () => {
    const amend = { decisionRef: 'QĐ 8/2026', reason: 'kiểm tra nhật ký', effectiveDate: todayIso() };

    // Program import (a creation).
    await audited(
      'central',
      'POST',
      '/api/programs/import',
      {},
      {
        program: {
          code: 'CT-AUDIT',
          titleVi: 'Chương trình kiểm tra',
          issuingBody: 'Chính phủ',
          periodStart: '2026-01-01',
          periodEnd: '2030-12-31',
        },
        text: 'I. MỤC TIÊU\n1. Hoàn thiện thể chế trong quý IV/2026.',
        effectiveDate: '2026-01-15',
      },
      async () => null,
      async (res) => [
        {
          action: 'program.import',
          entity: 'program',
          entityId: (res.program as Json).id as number,
          before: null,
          after: { code: 'CT-AUDIT' },
        },
      ],
    );

    // Settings.
    await audited(
      'central',
      'PATCH',
      '/api/programs/{id}/settings',
      { id: programId },
      { reviewDays: 7 },
      async () => ({ reviewDays: (await get('central', `/api/programs/${programId}`)).reviewDays }),
      async (_res, before) => [
        { action: 'program.settings', entity: 'program', entityId: programId, before, after: { reviewDays: 7 } },
      ],
    );

    // Add a task (a creation: after is its content).
    const group = await task('II.1.a');
    const added = await audited(
      'central',
      'POST',
      '/api/programs/{id}/tasks',
      { id: programId },
      {
        ...amend,
        parentId: group.id,
        kind: 'task',
        task: { code: 'II.1.a.9', titleVi: 'Nhiệm vụ bổ sung', deadline: { phrase: 'năm 2027' } },
      },
      async () => null,
      async (res) => [
        {
          action: 'program.task.add',
          entity: 'task',
          entityId: res.id as number,
          before: null,
          after: { content: await contentOf('II.1.a.9'), status: 'not_started' },
        },
      ],
    );
    expect(added.code).toBe('II.1.a.9');

    // Adjust.
    const adjust = async (user: string, code: string, changes: Json) =>
      audited(
        user,
        'PATCH',
        '/api/tasks/{id}',
        { id: (await task(code)).id },
        { ...amend, version: (await task(code)).version, changes },
        () => contentOf(code),
        async (_res, before) => [
          {
            action: 'program.task.adjust',
            entity: 'task',
            entityId: (await task(code)).id,
            before,
            after: { content: await contentOf(code) },
          },
        ],
      );
    await adjust('central', 'II.1.a.2', { weight: 2, tags: ['kiểm tra'] });

    // Cascade: the centre to every province (with a new rollup mode), Hà Nội to its communes, then again (nothing new: before shows who had it).
    const cascadeAt = async (user: string, code: string, body: Json, created: number) => {
      const id = (await task(code)).id;
      return audited(
        user,
        'POST',
        '/api/tasks/{id}/cascade',
        { id },
        body,
        () => cascadeState(code),
        async (_res, before) => [
          {
            action: 'program.task.cascade',
            entity: 'task',
            entityId: id,
            before,
            after: { ...(await cascadeState(code)), created },
          },
        ],
      );
    };
    await cascadeAt(
      'central',
      'II.1.a.1',
      { target: { kind: 'all_provinces' }, rollupMode: 'all_must_finish', decisionRef: 'QĐ 9/2026' },
      2,
    );
    await cascadeAt('hanoi', 'II.1.a.1@01', { target: { kind: 'communes_of', provinceId: units.hanoi } }, 1);
    await cascadeAt('hanoi', 'II.1.a.1@01', { target: { kind: 'communes_of', provinceId: units.hanoi } }, 0);
    await cascadeAt('central', 'II.1.a.1@46', { target: { kind: 'communes_of', provinceId: units.hue } }, 1);
    const baDinh = (await task('II.1.a.1@01@00004')).id,
      phongDien = (await task('II.1.a.1@46@19900')).id;

    // Reports: submitted with evidence (a creation, the files by name and digest), edited, returned, edited, accepted.
    const evidence = Buffer.from('Biên bản nghiệm thu');
    const submit = (user: string, taskId: number, body: Json) =>
      audited(
        user,
        'POST',
        '/api/tasks/{id}/reports',
        { id: taskId },
        body,
        async () => null,
        async (res) => [
          {
            action: 'program.report.submit',
            entity: 'task_report',
            entityId: res.id as number,
            before: null,
            after: await report(res.id as number),
          },
        ],
      );
    const sent = await submit('badinh', baDinh, {
      reportDate: todayIso(),
      progress: 40,
      status: 'in_progress',
      narrative: 'Đang làm',
      evidence: [{ fileName: 'bien-ban.txt', mediaType: 'text/plain', contentBase64: evidence.toString('base64') }],
    });
    expect((sent.evidence as Json[]).length).toBe(1);
    const reportId = sent.id as number;
    const review = (user: string, route: string, body: Json, action: string, extra: Json = {}) =>
      audited(
        user,
        'POST',
        route,
        { id: reportId },
        body,
        () => reportState(reportId),
        async (_res, before) => [
          {
            action,
            entity: 'task_report',
            entityId: reportId,
            before,
            after: { ...(await reportState(reportId)), ...extra },
          },
        ],
      );
    await audited(
      'badinh',
      'PATCH',
      '/api/reports/{id}',
      { id: reportId },
      { version: 1, progress: 45 },
      () => reportState(reportId),
      async (_res, before) => [
        {
          action: 'program.report.edit',
          entity: 'task_report',
          entityId: reportId,
          before,
          after: await reportState(reportId),
        },
      ],
    );
    await review(
      'hanoi',
      '/api/reports/{id}/return',
      { version: 2, comment: 'Bổ sung số liệu' },
      'program.report.return',
      { comment: 'Bổ sung số liệu' },
    );
    await audited(
      'badinh',
      'PATCH',
      '/api/reports/{id}',
      { id: reportId },
      { version: 3, progress: 50, narrative: 'Đã bổ sung' },
      () => reportState(reportId),
      async (_res, before) => [
        {
          action: 'program.report.edit',
          entity: 'task_report',
          entityId: reportId,
          before,
          after: await reportState(reportId),
        },
      ],
    );
    await review('hanoi', '/api/reports/{id}/accept', { version: 4 }, 'program.report.accept');

    // Bulk acceptance: one row per report, each with its own before (each report in its own transaction).
    const a = await submit('badinh', baDinh, { reportDate: todayIso(), progress: 60, status: 'in_progress' });
    const b = await submit('phongdien', phongDien, { reportDate: todayIso(), progress: 30, status: 'in_progress' });
    await audited(
      'central',
      'POST',
      '/api/reviews/accept',
      {},
      {
        items: [
          { id: a.id, version: 1 },
          { id: b.id, version: 1 },
        ],
        comment: 'Đồng ý',
      },
      async () => [await reportState(a.id as number), await reportState(b.id as number)],
      async (_res, before) => [
        {
          action: 'program.report.accept',
          entity: 'task_report',
          entityId: a.id as number,
          before: before[0],
          after: { ...(await reportState(a.id as number)), comment: 'Đồng ý' },
        },
        {
          action: 'program.report.accept',
          entity: 'task_report',
          entityId: b.id as number,
          before: before[1],
          after: { ...(await reportState(b.id as number)), comment: 'Đồng ý' },
        },
      ],
      { oneTransaction: false },
    );

    // Change requests: created (a creation); approved (the request's row and the amendment's, each with its before); refused; withdrawn.
    const request = (user: string, taskId: number, body: Json) =>
      audited(
        user,
        'POST',
        '/api/tasks/{id}/change-requests',
        { id: taskId },
        body,
        async () => null,
        async (res) => [
          {
            action: 'program.change_request.create',
            entity: 'task_change_request',
            entityId: res.id as number,
            before: null,
            after: { ...(await changeRequest(taskId, res.id as number)) },
          },
        ],
      );
    const decide = async (
      user: string,
      decision: string,
      taskId: number,
      id: number,
      body: Json,
      taskCode: string,
      amendment?: 'adjust' | 'cancel',
    ) =>
      audited(
        user,
        'POST',
        `/api/change-requests/{id}/${decision}`,
        { id },
        body,
        async () => ({
          request: await changeRequest(taskId, id),
          content: await contentOf(taskCode),
          task: await task(taskCode),
        }),
        async (_res, before) => {
          const now = await changeRequest(taskId, id);
          const rows: Expected[] = [
            {
              action: `program.change_request.${decision}`,
              entity: 'task_change_request',
              entityId: id,
              before: before.request,
              after: { state: now.state, version: now.version },
            },
          ];
          if (amendment === 'adjust')
            rows.push({
              action: 'program.task.adjust',
              entity: 'task',
              entityId: taskId,
              before: before.content,
              after: { content: await contentOf(taskCode) },
            });
          if (amendment === 'cancel') {
            rows.push({
              action: 'program.task.cancel',
              entity: 'task',
              entityId: taskId,
              before: {
                status: before.task.status,
                progress: before.task.progress,
                version: before.task.version,
                content: before.content,
              },
              after: {
                status: 'cancelled',
                version: (await task(taskCode)).version,
                content: await contentOf(taskCode),
                changeRequestId: id,
              },
            });
          }
          return rows;
        },
      );
    const deadline = await request('badinh', baDinh, {
      kind: 'deadline',
      reason: 'Thiếu máy quét',
      deadline: { phrase: 'quý II/2027' },
    });
    await decide(
      'hanoi',
      'approve',
      baDinh,
      deadline.id as number,
      { version: 1, decisionRef: 'QĐ 10/2026', comment: 'Đồng ý lùi' },
      'II.1.a.1@01@00004',
      'adjust',
    );
    const other = await request('badinh', baDinh, { kind: 'other', reason: 'Đổi tên nhiệm vụ' });
    await decide(
      'hanoi',
      'refuse',
      baDinh,
      other.id as number,
      { version: 1, comment: 'Không cần' },
      'II.1.a.1@01@00004',
    );
    const funding = await request('badinh', baDinh, {
      kind: 'funding',
      reason: 'Cần kinh phí',
      funding: [{ source: 'local_budget', amountRequired: 100 }],
    });
    await decide('badinh', 'withdraw', baDinh, funding.id as number, { version: 1 }, 'II.1.a.1@01@00004');
    const cancelRequest = await request('phongdien', phongDien, { kind: 'cancel', reason: 'Đã sáp nhập' });
    await decide(
      'central',
      'approve',
      phongDien,
      cancelRequest.id as number,
      { version: 1, decisionRef: 'QĐ 11/2026' },
      'II.1.a.1@46@19900',
      'cancel',
    );

    // Cancel (the assigning level, directly).
    const ii2 = await task('II.2.1');
    await audited(
      'central',
      'POST',
      '/api/tasks/{id}/cancel',
      { id: ii2.id },
      { ...amend, version: ii2.version },
      async () => ({
        status: ii2.status,
        progress: ii2.progress,
        version: ii2.version,
        content: await contentOf('II.2.1'),
      }),
      async (_res, before) => [
        {
          action: 'program.task.cancel',
          entity: 'task',
          entityId: ii2.id,
          before,
          after: { status: 'cancelled', version: (await task('II.2.1')).version, content: await contentOf('II.2.1') },
        },
      ],
    );

    // Warnings: acknowledged, then resolved (its before shows the acknowledgement).
    const open = await t.db
      .selectFrom('program_warnings')
      .select('id')
      .where('resolved_at', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
    expect(open, 'the engine raised a warning to handle').toBeDefined();
    for (const [action, route] of [
      ['acknowledge', '/api/warnings/{id}/acknowledge'],
      ['resolve', '/api/warnings/{id}/resolve'],
    ]) {
      await audited(
        'central',
        'POST',
        route,
        { id: open!.id },
        { comment: `Đã ${action}` },
        () => warning(open!.id),
        async (_res, before) => [
          {
            action: `program.warning.${action}`,
            entity: 'program_warning',
            entityId: open!.id,
            before,
            after: { ...(await warning(open!.id)), comment: `Đã ${action}` },
          },
        ],
      );
    }

    // The inbox: Ba Đình was told its report was returned.
    const note = (await get('badinh', '/api/inbox')).items.find((n: { kind: string }) => n.kind === 'report_returned');
    const noteState = async () => {
      const n = await t.db.selectFrom('notifications').selectAll().where('id', '=', note.id).executeTakeFirstOrThrow();
      return { kind: n.kind, entity: n.entity, entityId: n.entity_id, readAt: n.read_at };
    };
    await audited(
      'badinh',
      'POST',
      '/api/inbox/{id}/read',
      { id: note.id },
      undefined,
      noteState,
      async (_res, before) => [
        {
          action: 'program.notification.read',
          entity: 'notification',
          entityId: note.id,
          before,
          after: await noteState(),
        },
      ],
    );

    // The Excel task list: one changed row (its adjustment keeps its before) and one new row, under one summary.
    const exported = (await call('central', 'GET', `/api/programs/${programId}/tasklist.xlsx`)).rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(TASKS_SHEET)!;
    const col = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;
    ws.eachRow((r) => {
      if (r.getCell(1).value === 'II.1.a.2') r.getCell(col('titleVi')).value = 'Ban hành quy chế (sửa tên)';
    });
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const form = await multipartBody({ ...amend }, { name: 'nhiem-vu.xlsx', content: xlsx });
    const dryForm = await multipartBody({ ...amend, dryRun: true }, { name: 'nhiem-vu.xlsx', content: xlsx });
    await refused('central', 'POST', `/api/programs/${programId}/tasklist`, dryForm.payload, 200, dryForm.headers); // a dry run writes nothing
    await audited(
      'central',
      'POST',
      '/api/programs/{id}/tasklist',
      { id: programId },
      form.payload,
      () => contentOf('II.1.a.2'),
      async (_res, before) => [
        {
          action: 'program.tasklist.import',
          entity: 'program',
          entityId: programId,
          before: null,
          after: { changed: ['II.1.a.2'], added: [] },
        },
        {
          action: 'program.task.adjust',
          entity: 'task',
          entityId: (await task('II.1.a.2')).id,
          before,
          after: { content: await contentOf('II.1.a.2') },
        },
      ],
      { headers: form.headers },
    );

    // The annual report requested as a background job: an event on the program, naming the job and what was asked.
    const annualAsk = { year: 2026, program: TEST_META.code, format: 'xlsx' };
    await audited(
      'central',
      'POST',
      '/api/program/annual-reports',
      {},
      annualAsk,
      async () => null,
      async (res) => [
        {
          action: 'program.annual_report.request',
          entity: 'program',
          entityId: programId,
          before: null,
          after: { job: res.id, kind: 'program.annual-report', params: annualAsk },
        },
      ],
    );

    // Every program operation that is not a read was run (and wrote rows), or is listed as saving nothing.
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const mutations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method, op]) => method !== 'get' && method !== 'head' && op.tags?.includes('program'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(mutations.length).toBeGreaterThan(15);
    const notRun = mutations.filter((m) => !NOT_MUTATIONS[m] && !covered.get(m));
    expect(notRun, 'program mutations not run by this test: run each one and check its audit rows').toEqual([]);
    // And every program action declared is one this run checked.
    const notChecked = AUDIT_ACTIONS.filter(
      (x) => x.action.startsWith('program.') && !checked.some((c) => c.startsWith(`${x.action} on ${x.entity} `)),
    ).map((x) => `${x.action} on ${x.entity}`);
    expect(notChecked.sort()).toEqual(['program.demo.reports on program', 'program.holiday.set on public_holiday']); // the demo data and the CLI's holidays: not routes

    // No secret in any row: password hashes, session and API-token hashes, CSRF tokens, the cookies themselves.
    const secrets = [
      ...(await t.db.selectFrom('users').select('password_hash').execute()).map((r) => r.password_hash),
      ...(await t.db.selectFrom('sessions').select(['token_hash', 'csrf_token']).execute()).flatMap((r) => [
        r.token_hash,
        r.csrf_token,
      ]),
      ...(await t.db.selectFrom('api_tokens').select('token_hash').execute()).map((r) => r.token_hash),
      ...Object.values(sessions).flatMap((s) => [s.token, s.csrf]),
    ];
    expect(secrets.length).toBeGreaterThan(10);
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('action', 'like', 'program.%')
      .execute();
    const leaks = rows.flatMap((r) => {
      const text = JSON.stringify([r.before, r.after]);
      return [
        ...secrets.filter((s) => text.includes(s)).map(() => `${r.action}: holds a secret`),
        ...(/"[^"]*(password|hash|token|secret|session|csrf|contentBase64)[^"]*":/i.test(text)
          ? [`${r.action}: a field named like a secret`]
          : []),
      ];
    });
    expect(leaks).toEqual([]);
  }, 300_000);

  it('writes no audit row for a refused mutation', async () => {
    const baDinh = await task('II.1.a.1@01@00004'),
      ii1 = await task('II.1.a.2');
    const amend = { decisionRef: 'QĐ 12/2026', reason: 'thử từ chối', effectiveDate: todayIso() };
    const accepted = await t.db
      .selectFrom('task_reports')
      .select(['id', 'version'])
      .where('state', '=', 'accepted')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await refused(
      'central',
      'POST',
      '/api/programs/import',
      {
        program: {
          code: 'CT-BAD',
          titleVi: 'Sai',
          issuingBody: 'Chính phủ',
          periodStart: '2026-01-01',
          periodEnd: '2030-12-31',
        },
        text: 'I- NHIỆM VỤ\n1. Cải cách\na) Ban hành Nghị định trước ngày 31/02/2027.',
        effectiveDate: '2026-01-01',
      },
      400,
    );
    await refused('hanoi', 'PATCH', `/api/programs/${programId}/settings`, { reviewDays: 3 }, 403);
    await refused(
      'hanoi',
      'POST',
      `/api/programs/${programId}/tasks`,
      { ...amend, parentId: ii1.parent_id, kind: 'task', task: { titleVi: 'Không được' } },
      403,
    );
    await refused(
      'central',
      'PATCH',
      `/api/tasks/${ii1.id}`,
      { ...amend, version: ii1.version - 1, changes: { weight: 3 } },
      409,
    );
    await refused('badinh', 'POST', `/api/tasks/${baDinh.id}/cancel`, { ...amend, version: baDinh.version }, 403);
    // Refused inside its transaction, after the amendment was written: an effective date before the task's current version.
    await refused(
      'central',
      'POST',
      `/api/tasks/${(await task('II.1.a.1')).id}/cascade`,
      { target: { kind: 'all_provinces' }, rollupMode: 'weighted', effectiveDate: '2026-01-01', asOf: '2026-01-20' },
      400,
    );
    await refused(
      'hanoi',
      'POST',
      `/api/tasks/${(await task('II.2.1')).id}/reports`,
      { progress: 10, status: 'in_progress' },
      403,
    );
    await refused('hanoi', 'PATCH', `/api/reports/${accepted.id}`, { version: accepted.version, progress: 99 }, 403);
    await refused('hanoi', 'POST', `/api/reports/${accepted.id}/accept`, { version: accepted.version }, 409);
    await refused('hanoi', 'POST', `/api/reports/${accepted.id}/return`, { version: accepted.version }, 400);
    await refused(
      'hanoi',
      'POST',
      '/api/reviews/accept',
      { items: [{ id: accepted.id, version: accepted.version }] },
      200,
    ); // per-item refusal: nothing written
    await refused(
      'hanoi',
      'POST',
      `/api/tasks/${baDinh.id}/change-requests`,
      { kind: 'other', reason: 'không phải đơn vị mình' },
      403,
    );
    const pending = await t.db
      .insertInto('task_change_requests')
      .values({
        task_id: baDinh.id,
        program_id: programId,
        kind: 'other',
        reason: 'chờ',
        proposed: '{}',
        assigner_unit_id: units.hanoi,
        requested_by: userIds.badinh,
        requested_by_label: 'badinh',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await refused('hanoi', 'POST', `/api/change-requests/${pending.id}/approve`, { version: 1 }, 400);
    await refused(
      'badinh',
      'POST',
      `/api/change-requests/${pending.id}/refuse`,
      { version: 1, comment: 'tự từ chối' },
      403,
    );
    await refused('hanoi', 'POST', `/api/change-requests/${pending.id}/withdraw`, { version: 1 }, 403);
    const resolved = await t.db
      .selectFrom('program_warnings')
      .select('id')
      .where('resolved_at', 'is not', null)
      .executeTakeFirstOrThrow();
    await refused('central', 'POST', `/api/warnings/${resolved.id}/acknowledge`, {}, 400);
    await refused('central', 'POST', `/api/warnings/${resolved.id}/resolve`, {}, 400);
    const note = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', userIds.badinh)
      .executeTakeFirstOrThrow();
    await refused('hanoi', 'POST', `/api/inbox/${note.id}/read`, undefined, 404);
    const bad = await multipartBody(
      { ...amend },
      { name: 'nhiem-vu.xlsx', content: Buffer.from('không phải tệp Excel') },
    );
    await refused('central', 'POST', `/api/programs/${programId}/tasklist`, bad.payload, 400, bad.headers);
  });
});
