// The program API through HTTP: a commune officer cannot read or change another
// commune's tasks through ANY endpoint; review by the level above with the
// inbox; a stale edit gets a problem+json 409; live events over SSE.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { buildServer } from '../platform/http/server.ts';
import { loadConfig } from '../platform/config.ts';
import { systemContext } from '../platform/context.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';
import { createProgramFromTree } from './tasks/tasks.import.ts';
import { TEST_META, testTree } from './program.fixtures.ts';
import { cascadeTask } from './cascade/cascade.service.ts';
import { PreviewAnswer } from './tasks/tasks.schemas.ts';
import { droppedPaths } from '../platform/http/serialize.ts';

const read = (name: string) => readFileSync(new URL(`../../data/program/${name}`, import.meta.url), 'utf8');

const PASSWORD = 'correct horse battery';
const ctx = systemContext('test');

describe.each(ENGINES)('program API and scope on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let programId: number;
  const ids = { central: 0, baDinh: 0, hueCommune: 0, report: 0, warning: 0, sha: '' };
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  async function login(username: string) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'apparatus_session')!;
    sessions[username] = { cookie: `apparatus_session=${cookie.value}`, csrf: res.json().csrfToken };
  }
  const call = (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      payload: payload as object,
      headers: { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf },
    });

  beforeAll(async () => {
    t = await createTestDb(engine);
    units = await seedMiniRegistry(t.db);
    for (const [username, role, unitCode] of [
      ['admin', 'system_admin', 'VN'],
      ['central', 'central_officer', 'VN'],
      ['hanoi', 'province_officer', '01'],
      ['badinh', 'commune_officer', '00004'],
      ['phongdien', 'commune_officer', '19900'],
    ] as const) {
      await createUser(t.db, ctx, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ role, unitCode }],
      });
    }
    programId = (
      await createProgramFromTree(t.db, ctx, TEST_META, testTree(), { language: 'vi', effectiveDate: '2026-01-15' })
    ).program.id;
    const code = (c: string) =>
      t.db
        .selectFrom('tasks')
        .select('id')
        .where('code', '=', c)
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    ids.central = await code('II.1.a.1');
    await cascadeTask(t.db, ctx, ids.central, { target: { kind: 'all_provinces' }, asOf: '2026-02-01' });
    await cascadeTask(t.db, ctx, await code('II.1.a.1@01'), {
      target: { kind: 'communes_of', provinceId: units.hanoi },
      asOf: '2026-02-01',
    });
    await cascadeTask(t.db, ctx, await code('II.1.a.1@46'), {
      target: { kind: 'communes_of', provinceId: units.hue },
      asOf: '2026-02-01',
    });
    ids.baDinh = await code('II.1.a.1@01@00004');
    ids.hueCommune = await code('II.1.a.1@46@19900');
    app = await buildServer(t, loadConfig(), { logger: false });
    for (const u of ['admin', 'central', 'hanoi', 'badinh', 'phongdien']) await login(u);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('lets the commune officer report with evidence, and the province review it into the inbox', async () => {
    const evidence = {
      fileName: 'bien-ban.txt',
      mediaType: 'text/plain',
      contentBase64: Buffer.from('Biên bản nghiệm thu').toString('base64'),
    };
    const res = await call('badinh', 'POST', `/api/tasks/${ids.baDinh}/reports`, {
      reportDate: '2026-03-01',
      progress: 40,
      status: 'in_progress',
      resourcesNeeded: 'Cần thêm máy quét',
      evidence: [evidence],
    });
    expect(res.statusCode).toBe(201);
    ids.report = res.json().id;
    ids.sha = res.json().evidence[0].sha256;
    expect(ids.sha).toMatch(/^[0-9a-f]{64}$/);
    const file = await call('badinh', 'GET', `/api/reports/${ids.report}/evidence/${ids.sha}`);
    expect(file.body).toBe('Biên bản nghiệm thu');
    expect((await call('badinh', 'POST', `/api/reports/${ids.report}/accept`, { version: 1 })).statusCode).toBe(403); // not the level above
    const ret = await call('hanoi', 'POST', `/api/reports/${ids.report}/return`, {
      version: 1,
      comment: 'Bổ sung số liệu',
    });
    expect(ret.statusCode).toBe(200);
    const inbox = (await call('badinh', 'GET', '/api/inbox')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'report_returned' });
    expect(inbox.items[0].body.vi).toContain('Bổ sung số liệu');
    // The province's inbox says a report awaits its review (one note, however many reports arrive before it is read).
    expect((await call('hanoi', 'GET', '/api/inbox')).json().items.map((n: { kind: string }) => n.kind)).toEqual([
      'report_submitted',
    ]);
    const warnings = (await call('badinh', 'GET', `/api/programs/${programId}/warnings`)).json();
    ids.warning = warnings.items.find((w: { taskId: number }) => w.taskId === ids.baDinh).id;
  });

  it('answers a stale report edit with a problem+json 409 and keeps the first edit', async () => {
    const first = await call('badinh', 'PATCH', `/api/reports/${ids.report}`, { version: 2, progress: 45 });
    expect(first.statusCode).toBe(200);
    // Nobody changes another person's report: the province returns it instead.
    expect((await call('hanoi', 'PATCH', `/api/reports/${ids.report}`, { version: 3, progress: 95 })).statusCode).toBe(
      403,
    );
    const second = await call('badinh', 'PATCH', `/api/reports/${ids.report}`, { version: 2, progress: 50 });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toMatch(/problem\+json/);
    expect(second.json()).toMatchObject({ current: { progress: 45, version: 3 }, yourChange: { progress: 50 } });
    expect((await call('hanoi', 'POST', `/api/reports/${ids.report}/accept`, { version: 3 })).statusCode).toBe(200);
  });

  it("refuses every endpoint on another commune's task, report and warning", async () => {
    const p = programId,
      task = ids.baDinh,
      r = ids.report,
      w = ids.warning;
    const amend = { decisionRef: 'QĐ 1', reason: 'thử', effectiveDate: '2026-05-01' };
    const refused: [string, 'GET' | 'POST' | 'PATCH', string, unknown?][] = [
      ['task', 'GET', `/api/tasks/${task}`],
      ['history', 'GET', `/api/tasks/${task}/history`],
      ['reports', 'GET', `/api/tasks/${task}/reports`],
      ['submit', 'POST', `/api/tasks/${task}/reports`, { progress: 1, status: 'in_progress' }],
      ['adjust', 'PATCH', `/api/tasks/${task}`, { ...amend, version: 1, changes: { tags: ['x'] } }],
      ['cancel', 'POST', `/api/tasks/${task}/cancel`, { ...amend, version: 1 }],
      ['cascade', 'POST', `/api/tasks/${task}/cascade`, { target: { kind: 'units', unitIds: [units.baDinh] } }],
      ['add', 'POST', `/api/programs/${p}/tasks`, { ...amend, parentId: task, task: { titleVi: 'x' } }],
      ['report', 'GET', `/api/reports/${r}`],
      ['edit', 'PATCH', `/api/reports/${r}`, { version: 3, progress: 1 }],
      ['accept', 'POST', `/api/reports/${r}/accept`, { version: 3 }],
      ['return', 'POST', `/api/reports/${r}/return`, { version: 3, comment: 'x' }],
      ['evidence', 'GET', `/api/reports/${r}/evidence/${ids.sha}`],
      ['acknowledge', 'POST', `/api/warnings/${w}/acknowledge`, {}],
      ['resolve', 'POST', `/api/warnings/${w}/resolve`, {}],
      ['tasks by unit', 'GET', `/api/programs/${p}/tasks?unitId=${units.baDinh}`],
      ['warnings by unit', 'GET', `/api/programs/${p}/warnings?unitId=${units.baDinh}`],
      ['dashboard', 'GET', `/api/programs/${p}/dashboard?unitId=${units.baDinh}`],
      ['overdue', 'GET', `/api/programs/${p}/overdue?unitId=${units.baDinh}`],
      ['at risk', 'GET', `/api/programs/${p}/at-risk?unitId=${units.baDinh}`],
      ['timeline', 'GET', `/api/programs/${p}/timeline?unitId=${units.baDinh}`],
      ['preview', 'POST', '/api/programs/preview', { text: 'I- A\n1. B' }],
      ['report versions', 'GET', `/api/reports/${r}/versions`],
      ['change requests', 'GET', `/api/tasks/${task}/change-requests`],
      ['request a change', 'POST', `/api/tasks/${task}/change-requests`, { kind: 'cancel', reason: 'thử' }],
      ['review queue by unit', 'GET', `/api/reviews?unitId=${units.baDinh}`],
      ['settings', 'PATCH', `/api/programs/${p}/settings`, { reviewDays: 3 }],
    ];
    for (const [name, method, url, body] of refused) {
      const res = await call('phongdien', method, url, body);
      expect([name, res.statusCode]).toEqual([name, 403]);
    }
    // Lists and dashboards without a unit show only the caller's own commune.
    const lists = [
      'tasks',
      'warnings?open=true',
      'overdue',
      'at-risk',
      'my-tasks',
      'heatmap',
      'risk-map',
      'timeline?from=2026-01-01&to=2030-12-31',
      'as-of?asOf=2026-06-01',
      'dashboard',
    ];
    for (const l of lists) {
      const res = await call('phongdien', 'GET', `/api/programs/${p}/${l}`);
      expect([l, res.statusCode]).toEqual([l, 200]);
      expect([
        l,
        res.body.includes(`"taskId":${task},`) ||
          res.body.includes(`"id":${task},`) ||
          res.body.includes('Ba Đình') ||
          res.body.includes('Hà Nội'),
      ]).toEqual([l, false]);
    }
    for (const l of ['/api/reviews?scope=all', '/api/reviews/count', '/api/change-requests?state=all']) {
      const res = await call('phongdien', 'GET', l);
      expect([l, res.statusCode, res.body.includes('Ba Đình')]).toEqual([l, 200, false]);
    }
    const own = (await call('phongdien', 'GET', `/api/programs/${p}/tasks`)).json();
    expect(own.items.map((i: { id: number }) => i.id)).toEqual([ids.hueCommune]);
    // Nothing changed on the other commune's task.
    const after = await t.db
      .selectFrom('tasks')
      .select(['version', 'tags', 'status'])
      .where('id', '=', task)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ version: 1, tags: [], status: 'in_progress' });
  });

  it("reads the content as of a date as it reaches each unit: the program for the country, a unit's own tasks under their ancestors", async () => {
    type Item = {
      code: string;
      inScope: boolean;
      cascaded: boolean;
      unitName: string;
      parentId: number | null;
      taskId: number;
    };
    const asOf = async (user: string, date: string) => {
      const res = await call(user, 'GET', `/api/programs/${programId}/as-of?asOf=${date}`);
      expect(res.statusCode).toBe(200);
      return res.json().items as Item[];
    };
    const document = ['I', 'I.1', 'II', 'II.1', 'II.1.a', 'II.1.a.1', 'II.1.a.2', 'II.2', 'II.2.1'];
    // The country: the program's own content, not the copies cascaded from it (up to a million at national scale).
    const national = await asOf('central', '2026-06-01');
    expect(national.map((i) => i.code).sort()).toEqual([...document].sort());
    expect(national.every((i) => i.inScope && !i.cascaded)).toBe(true);

    // The province officer: Hà Nội's own task, under the items that place it; nothing of Huế, no other central
    // task, and not the communes' tasks (read from the task's page).
    const province = await asOf('hanoi', '2026-06-01');
    expect(province.map((i) => `${i.code} ${i.inScope ? 'own' : 'context'}`).sort()).toEqual([
      'II context',
      'II.1 context',
      'II.1.a context',
      'II.1.a.1 context',
      'II.1.a.1@01 own',
    ]);
    const ids = new Set(province.map((i) => i.taskId));
    expect(province.every((i) => i.parentId === null || ids.has(i.parentId))).toBe(true); // a whole tree, no orphan
    // The commune officer: Ba Đình's task under Hà Nội's and the central task.
    const commune = await asOf('badinh', '2026-06-01');
    expect(commune.filter((i) => i.inScope).map((i) => i.code)).toEqual(['II.1.a.1@01@00004']);
    expect(commune.find((i) => i.code === 'II.1.a.1@01@00004')).toMatchObject({
      cascaded: true,
      unitName: 'Ba Đình',
      parentId: commune.find((i) => i.code === 'II.1.a.1@01')!.taskId,
    });
    // Before the cascade (2026-02-01) Hà Nội had no task yet.
    expect(await asOf('hanoi', '2026-01-20')).toEqual([]);
    expect((await asOf('central', '2026-01-20')).map((i) => i.code).sort()).toEqual([...document].sort());
  });

  it('drills down national → province → commune for the admin', async () => {
    const national = (await call('admin', 'GET', `/api/programs/${programId}/dashboard`)).json();
    expect(national.children.map((c: { code: string; total: number }) => [c.code, c.total])).toEqual([
      ['01', 2],
      ['46', 2],
    ]);
    const province = (await call('admin', 'GET', `/api/programs/${programId}/dashboard?unitId=${units.hanoi}`)).json();
    expect(province.children.map((c: { code: string }) => c.code)).toEqual(['00004']);
    expect(province.byStatus.in_progress).toBe(2); // the commune task and its province parent
  });

  it('answers a preview in the shape its schema declares (the worker writes that JSON; no serializer checks it)', async () => {
    const documents = [
      read('action-program-2026-2030.en.txt'),
      read('sample-plan.vi.txt'),
      'I- NHIỆM VỤ\n1. Cải cách\na) Ban hành Nghị định trước ngày 31/02/2027.\n[1] Chú thích',
    ];
    for (const text of documents) {
      const res = await call('central', 'POST', '/api/programs/preview', { text });
      expect(res.statusCode).toBe(200);
      const sent = res.json();
      const kept = PreviewAnswer.parse(sent);
      expect(droppedPaths(sent, JSON.parse(JSON.stringify(kept)))).toEqual([]);
    }
  });

  it('streams task and report events to an open dashboard after the commit', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${address.port}/api/programs/events`, {
      headers: { cookie: sessions.admin.cookie },
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      const deadline = Date.now() + 5000;
      while (!text.includes(needle) && Date.now() < deadline)
        text += new TextDecoder().decode((await reader.read()).value);
      return text.includes(needle);
    };
    expect(await readUntil(': open')).toBe(true);
    const submitted = await call('phongdien', 'POST', `/api/tasks/${ids.hueCommune}/reports`, {
      progress: 10,
      status: 'in_progress',
    });
    expect(submitted.statusCode).toBe(201);
    expect(await readUntil('event: program_report')).toBe(true);
    expect(await readUntil('event: program_task')).toBe(true);
    controller.abort();
  });
});
