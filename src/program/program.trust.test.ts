// Issue 9, "Trust the figures", for the action program, through the HTTP API:
// the assigning level owns a task's definition (the assignee asks for changes);
// a report counts only once the level above accepts it; nobody reviews their
// own report or changes another's; an edit is a new version; a double click
// stores one report; dependencies only on readable tasks; the server tells the
// client what it may do; the review queue; the audit keeps "before".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { buildServer } from '../platform/http/server.ts';
import { loadConfig } from '../platform/config.ts';
import { systemContext } from '../platform/context.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';
import { createProgramFromTree } from './tasks/tasks.import.ts';
import { TEST_META, testTree } from './program.fixtures.ts';
import { cascadeTask } from './cascade/cascade.service.ts';
import { submitReport } from './reports/reports.service.ts';
import { expectRollupsConsistent, taskByCode } from './program.testing.ts';

const PASSWORD = 'correct horse battery';
const ctx = systemContext('test');
type Method = 'GET' | 'POST' | 'PATCH';

describe.each(ENGINES)('trust the figures (issue 9) on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let programId: number;
  const ids = { central: 0, hanoi: 0, baDinh: 0, phongDien: 0 };
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const call = (user: string, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      payload: payload as object,
      headers: { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf, ...headers },
    });
  const task = (code: string) => taskByCode(t, programId, code);
  const amend = { decisionRef: 'QĐ 9/2026', reason: 'thử quyền', effectiveDate: '2026-12-01' };
  const nationalDone = async () =>
    (await call('central', 'GET', `/api/programs/${programId}/dashboard`)).json().byStatus.done as number;

  beforeAll(async () => {
    t = await createTestDb(engine);
    units = await seedMiniRegistry(t.db);
    const people: [string, [string, string][]][] = [
      ['central', [['central_officer', 'VN']]],
      ['central2', [['central_officer', 'VN']]],
      ['viewer', [['viewer', 'VN']]],
      ['hanoi', [['province_officer', '01']]],
      ['badinh', [['commune_officer', '00004']]],
      ['badinh2', [['commune_officer', '00004']]],
      ['phongdien', [['commune_officer', '19900']]],
      // One person holding two posts: the commune's officer and the province's.
      [
        'twohats',
        [
          ['commune_officer', '00004'],
          ['province_officer', '01'],
        ],
      ],
    ];
    for (const [username, grants] of people) {
      await createUser(t.db, ctx, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: grants.map(([role, unitCode]) => ({ role: role as never, unitCode })),
      });
    }
    programId = (
      await createProgramFromTree(t.db, ctx, TEST_META, testTree(), { language: 'vi', effectiveDate: '2026-01-15' })
    ).program.id;
    ids.central = (await task('II.1.a.1')).id;
    await cascadeTask(t.db, ctx, ids.central, { target: { kind: 'all_provinces' }, asOf: '2026-02-01' });
    ids.hanoi = (await task('II.1.a.1@01')).id;
    await cascadeTask(t.db, ctx, ids.hanoi, {
      target: { kind: 'communes_of', provinceId: units.hanoi },
      asOf: '2026-02-01',
    });
    await cascadeTask(t.db, ctx, (await task('II.1.a.1@46')).id, {
      target: { kind: 'communes_of', provinceId: units.hue },
      asOf: '2026-02-01',
    });
    ids.baDinh = (await task('II.1.a.1@01@00004')).id;
    ids.phongDien = (await task('II.1.a.1@46@19900')).id;
    app = await buildServer(t, loadConfig(), { logger: false });
    for (const [username] of people) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: PASSWORD },
      });
      sessions[username] = {
        cookie: `apparatus_session=${res.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
        csrf: res.json().csrfToken,
      };
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('finding 1: the assigned commune cannot move its deadline, weigh its task or cancel it; the level that assigned it can', async () => {
    const before = await task('II.1.a.1@01@00004');
    const refused: [string, Method, string, unknown][] = [
      [
        'deadline',
        'PATCH',
        `/api/tasks/${ids.baDinh}`,
        { ...amend, version: before.version, changes: { deadline: { phrase: 'năm 2030' } } },
      ],
      // The finding's 1,000,000 is now refused to anyone as out of range (at most 1,000); the largest allowed weight is still not the commune's to set.
      ['weight', 'PATCH', `/api/tasks/${ids.baDinh}`, { ...amend, version: before.version, changes: { weight: 1000 } }],
      ['cancel', 'POST', `/api/tasks/${ids.baDinh}/cancel`, { ...amend, version: before.version }],
    ];
    for (const [name, method, url, body] of refused) {
      const res = await call('badinh', method, url, body);
      expect([name, res.statusCode]).toEqual([name, 403]);
      expect(res.json().detail).toContain('Hà Nội');
    }
    expect(await task('II.1.a.1@01@00004')).toMatchObject({
      version: before.version,
      due_date: '2026-12-31',
      weight: 1,
      status: before.status,
    });
    // The province assigned it: the province changes it. Its own task was assigned by the centre: not the province's to change.
    expect(
      (
        await call('hanoi', 'PATCH', `/api/tasks/${ids.baDinh}`, {
          ...amend,
          version: before.version,
          changes: { weight: 2 },
        })
      ).statusCode,
    ).toBe(200);
    const own = await task('II.1.a.1@01');
    expect(
      (
        await call('hanoi', 'PATCH', `/api/tasks/${ids.hanoi}`, {
          ...amend,
          version: own.version,
          changes: { weight: 3 },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call('hanoi', 'POST', `/api/tasks/${ids.hanoi}/cancel`, { ...amend, version: own.version })).statusCode,
    ).toBe(403);
    // The rollup mode is the assigner's too, even through a cascade by the assigned province.
    const cascade = await call('hanoi', 'POST', `/api/tasks/${ids.hanoi}/cascade`, {
      target: { kind: 'communes_of', provinceId: units.hanoi },
      rollupMode: 'all_must_finish',
    });
    expect(cascade.statusCode).toBe(403);
    expect(
      (
        await call('central', 'PATCH', `/api/tasks/${ids.hanoi}`, {
          ...amend,
          version: own.version,
          changes: { weight: 3 },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('finding 4: a dependency only on a task the one setting it may read', async () => {
    const v = (await task('II.1.a.1@01@00004')).version;
    const other = await call('hanoi', 'PATCH', `/api/tasks/${ids.baDinh}`, {
      ...amend,
      version: v,
      changes: { dependsOn: [ids.phongDien] },
    });
    expect(other.statusCode).toBe(403);
    expect(await t.db.selectFrom('task_dependencies').selectAll().where('task_id', '=', ids.baDinh).execute()).toEqual(
      [],
    );
    const readable = await call('hanoi', 'PATCH', `/api/tasks/${ids.baDinh}`, {
      ...amend,
      version: v,
      changes: { dependsOn: [ids.hanoi] },
    });
    expect(readable.statusCode).toBe(200);
  });

  it('finding 2: a submitted report is "reported", not official, until the level above accepts it', async () => {
    const doneBefore = await nationalDone();
    const taskBefore = await task('II.1.a.1@01@00004');
    const sent = await call('badinh', 'POST', `/api/tasks/${ids.baDinh}/reports`, {
      progress: 100,
      status: 'done',
      narrative: 'Xong',
    });
    expect(sent.statusCode).toBe(201);
    const shown = (await call('badinh', 'GET', `/api/tasks/${ids.baDinh}`)).json();
    // Nothing the report says counts yet. (That the unit reported does: it is no longer "silent".)
    expect(shown).toMatchObject({
      status: taskBefore.status,
      progress: 0,
      warningKinds: taskBefore.warning_kinds.filter((k) => k !== 'silent'),
      reported: { reportId: sent.json().id, progress: 100, status: 'done' },
    });
    expect(await nationalDone(), 'a report awaiting review does not move the national counts').toBe(doneBefore);
    expect((await task('II.1.a.1@01')).progress).toBe(0);
    const accepted = await call('hanoi', 'POST', `/api/reports/${sent.json().id}/accept`, { version: 1 });
    expect(accepted.statusCode).toBe(200);
    expect((await call('badinh', 'GET', `/api/tasks/${ids.baDinh}`)).json()).toMatchObject({
      status: 'done',
      progress: 100,
      reported: null,
    });
    expect(await nationalDone(), "the commune's task and Hà Nội's, whose only commune it is").toBe(doneBefore + 2);
    await expectRollupsConsistent(t, programId);
  });

  it('finding 2: out-of-range figures and "done" below 100% are refused, naming the field; nothing is clamped', async () => {
    const count = async () =>
      (await t.db.selectFrom('task_reports').select('id').where('task_id', '=', ids.phongDien).execute()).length;
    const before = await count();
    const over = await call('phongdien', 'POST', `/api/tasks/${ids.phongDien}/reports`, {
      progress: 150,
      status: 'in_progress',
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].field).toBe('progress');
    const doneAt20 = await call('phongdien', 'POST', `/api/tasks/${ids.phongDien}/reports`, {
      progress: 20,
      status: 'done',
    });
    expect(doneAt20.statusCode).toBe(400);
    expect(doneAt20.json().detail).toContain('100%');
    expect(doneAt20.json().errors[0].field).toBe('status');
    expect(
      (
        await call('phongdien', 'POST', `/api/tasks/${ids.phongDien}/reports`, {
          progress: 10.555,
          status: 'in_progress',
        })
      ).statusCode,
    ).toBe(400);
    // The service refuses the same for every caller (CLI, imports), never a database error.
    await expect(
      submitReport(t.db, ctx, ids.phongDien, { progress: 150, status: 'in_progress' }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(submitReport(t.db, ctx, ids.phongDien, { progress: 20, status: 'done' })).rejects.toMatchObject({
      status: 400,
    });
    expect(await count()).toBe(before);
  });

  it('finding 2: a double click with one key stores one report and answers both with it', async () => {
    const body = { progress: 30, status: 'in_progress', narrative: 'Nhấp đúp' };
    const [a, b] = await Promise.all(
      [1, 2].map(() =>
        call('phongdien', 'POST', `/api/tasks/${ids.phongDien}/reports`, body, { 'idempotency-key': 'click-7f3a' }),
      ),
    );
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    const stored = await t.db
      .selectFrom('task_reports')
      .select('id')
      .where('task_id', '=', ids.phongDien)
      .where('narrative', '=', 'Nhấp đúp')
      .execute();
    expect(stored).toHaveLength(1);
    // The key may also come in the body; another user's key on the task is refused, not answered with their report.
    const again = await call('phongdien', 'POST', `/api/tasks/${ids.phongDien}/reports`, {
      ...body,
      clientKey: 'click-7f3a',
    });
    expect(again.json().id).toBe(a.json().id);
  });

  it('finding 3: only the unit reports, only the author edits (a new version, history kept), nobody reviews their own', async () => {
    // The province reports on its commune's task: refused.
    expect(
      (await call('hanoi', 'POST', `/api/tasks/${ids.baDinh}/reports`, { progress: 10, status: 'in_progress' }))
        .statusCode,
    ).toBe(403);
    const reset = await call('hanoi', 'PATCH', `/api/tasks/${ids.baDinh}`, {
      ...amend,
      effectiveDate: '2026-12-02',
      version: (await task('II.1.a.1@01@00004')).version,
      changes: { tags: ['x'] },
    });
    expect(reset.statusCode).toBe(200);
    const sent = (
      await call('badinh', 'POST', `/api/tasks/${ids.baDinh}/reports`, {
        progress: 10,
        status: 'in_progress',
        narrative: 'Bản gốc',
      })
    ).json();
    // The province edits the commune's report: refused (it returns it with a comment instead); so is a colleague.
    const edit = await call('hanoi', 'PATCH', `/api/reports/${sent.id}`, {
      version: sent.version,
      progress: 95,
      narrative: 'Sửa hộ',
    });
    expect(edit.statusCode).toBe(403);
    expect(
      (await call('badinh2', 'PATCH', `/api/reports/${sent.id}`, { version: sent.version, progress: 95 })).statusCode,
    ).toBe(403);
    const returned = await call('hanoi', 'POST', `/api/reports/${sent.id}/return`, {
      version: sent.version,
      comment: 'Bổ sung minh chứng',
    });
    expect(returned.statusCode).toBe(200);
    // The author's edit is a new version; the returned one is kept and readable.
    const edited = await call('badinh', 'PATCH', `/api/reports/${sent.id}`, {
      version: returned.json().version,
      progress: 15,
      narrative: 'Đã bổ sung',
    });
    expect(edited.json()).toMatchObject({ state: 'submitted', progress: 15, narrative: 'Đã bổ sung', version: 3 });
    const history = (await call('hanoi', 'GET', `/api/reports/${sent.id}/versions`)).json();
    expect(history.items).toMatchObject([
      {
        version: 2,
        progress: 10,
        narrative: 'Bản gốc',
        state: 'returned',
        reviewComment: 'Bổ sung minh chứng',
        submittedBy: 'badinh',
      },
    ]);
    expect((await call('badinh', 'GET', `/api/tasks/${ids.baDinh}/reports`)).json().items[0]).toMatchObject({
      id: sent.id,
      earlierVersions: 1,
    });

    // One person holding both posts writes as the commune and may not accept it as the province.
    const own = (
      await call('twohats', 'POST', `/api/tasks/${ids.baDinh}/reports`, { progress: 20, status: 'in_progress' })
    ).json();
    const self = await call('twohats', 'POST', `/api/reports/${own.id}/accept`, { version: own.version });
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toContain('chính bạn');
    // The database refuses it too, whatever the code path.
    const twohats = (
      await t.db.selectFrom('users').select('id').where('username', '=', 'twohats').executeTakeFirstOrThrow()
    ).id;
    await expect(
      sql`update task_reports set state = 'accepted', reviewed_by = ${twohats} where id = ${own.id}`.execute(t.db),
    ).rejects.toThrow(/task_reports_reviewer_not_author/);
    expect((await call('hanoi', 'POST', `/api/reports/${own.id}/accept`, { version: own.version })).statusCode).toBe(
      200,
    );
  });

  it('finding 4: the server says what the caller may do, by the rules it enforces', async () => {
    const can = async (user: string) => (await call(user, 'GET', `/api/tasks/${ids.baDinh}`)).json().can;
    expect(await can('viewer')).toEqual({
      report: false,
      adjust: false,
      cancel: false,
      cascade: false,
      requestChange: false,
      review: false,
    });
    expect(await can('badinh')).toMatchObject({
      report: true,
      adjust: false,
      cancel: false,
      requestChange: true,
      review: false,
    });
    expect(await can('hanoi')).toMatchObject({
      report: false,
      adjust: true,
      cancel: true,
      requestChange: false,
      review: true,
    });
    const waiting = (
      await call('badinh', 'POST', `/api/tasks/${ids.baDinh}/reports`, { progress: 25, status: 'in_progress' })
    ).json();
    const reportCan = async (user: string) =>
      (await call(user, 'GET', `/api/tasks/${ids.baDinh}/reports`))
        .json()
        .items.find((r: { id: number }) => r.id === waiting.id).can;
    expect(await reportCan('viewer')).toEqual({ edit: false, review: false });
    expect(await reportCan('badinh')).toEqual({ edit: true, review: false });
    expect(await reportCan('badinh2')).toEqual({ edit: false, review: false });
    expect(await reportCan('hanoi')).toEqual({ edit: false, review: true });
    // The viewer's review is refused as the button's absence says.
    expect(
      (await call('viewer', 'POST', `/api/reports/${waiting.id}/accept`, { version: waiting.version })).statusCode,
    ).toBe(403);
  });

  it('gives every reviewer a queue with filters and a count, notifies them once, and accepts many with results per report', async () => {
    const queue = (await call('hanoi', 'GET', `/api/reviews?programId=${programId}`)).json();
    expect(queue.items.map((r: { task: { code: string } }) => r.task.code)).toContain('II.1.a.1@01@00004');
    const item = queue.items[0];
    expect(item).toMatchObject({
      state: 'submitted',
      task: { unitName: 'Ba Đình', official: { progress: expect.any(Number) } },
      can: { review: true },
    });
    expect(typeof item.waitingWorkingDays).toBe('number');
    expect((await call('hanoi', 'GET', '/api/reviews/count')).json()).toEqual({
      total: queue.total,
      overdue: expect.any(Number),
    });
    // The centre's own queue holds the provinces' reports, not the communes'; the commune has none; the author never sees theirs.
    expect((await call('central', 'GET', '/api/reviews')).json().total).toBe(0);
    const waiting = await t.db.selectFrom('task_reports').select('id').where('state', '=', 'submitted').execute();
    expect((await call('central', 'GET', '/api/reviews?scope=all')).json().total).toBe(waiting.length);
    expect((await call('badinh', 'GET', '/api/reviews')).json().total).toBe(0);
    const notes = (await call('hanoi', 'GET', '/api/inbox?unread=true'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'report_submitted');
    expect(notes, 'one unread note however many reports arrived').toHaveLength(1);
    // A report from Huế for the Huế queue, and a stale version among the ones accepted at once.
    const hue = (
      await call('phongdien', 'POST', `/api/tasks/${ids.phongDien}/reports`, { progress: 40, status: 'in_progress' })
    ).json();
    const bulk = await call('central', 'POST', '/api/reviews/accept', {
      items: [
        { id: item.id, version: item.version },
        { id: hue.id, version: hue.version + 5 },
      ],
    });
    expect(bulk.json()).toMatchObject({
      accepted: 1,
      refused: 1,
      results: [
        { id: item.id, ok: true, state: 'accepted' },
        { id: hue.id, ok: false, status: 409 },
      ],
    });
    expect((await call('hanoi', 'GET', '/api/reviews')).json().total).toBe(queue.total - 1);
    await expectRollupsConsistent(t, programId);
  });

  it('counts review deadlines in working days, raises review_overdue for the reviewer, and escalates it above them', async () => {
    const day = async (d: string, n: number) =>
      (await sql<{ d: string }>`select working_day_after(${d}::date, ${n}::int)::text as d`.execute(t.db)).rows[0].d;
    expect(await day('2026-05-29', 5)).toBe('2026-06-05'); // Friday + 5: the weekend skipped
    expect(await day('2026-04-29', 5)).toBe('2026-05-08'); // 30/4 and 1/5 are public holidays
    // A Huế report sent on 2026-11-02 waits: due 2026-11-09, overdue from 2026-11-10 (it is not the commune's fault: rating untouched).
    const sent = await submitReport(
      t.db,
      ctx,
      ids.phongDien,
      { reportDate: '2026-11-02', progress: 45, status: 'in_progress' },
      { submittedOn: '2026-11-02' },
    );
    expect(sent.reviewDue).toBe('2026-11-09');
    const { reevaluateAll } = await import('./warnings/warnings.service.ts');
    await reevaluateAll(t.db, '2026-11-20');
    const w = await t.db
      .selectFrom('program_warnings')
      .selectAll()
      .where('task_id', '=', ids.phongDien)
      .where('kind', '=', 'review_overdue')
      .where('resolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(w.facts).toMatchObject({ reviewDue: '2026-11-09' });
    const { escalateWarnings } = await import('./warnings/warnings.escalation.ts');
    await sql`update program_warnings set raised_at = '2026-11-10T09:00:00+07:00' where id = ${w.id}`.execute(t.db);
    await escalateWarnings(t.db, '2026-12-01');
    const escalated = await t.db
      .selectFrom('program_warnings')
      .select('escalated_to_unit')
      .where('id', '=', w.id)
      .executeTakeFirstOrThrow();
    expect(escalated.escalated_to_unit, 'above the reviewer (Huế), not to it').toBe(units.vn);
    // Reviewing it clears the warning.
    const hue = await t.db
      .selectFrom('task_reports')
      .select(['id', 'version'])
      .where('task_id', '=', ids.phongDien)
      .where('state', '=', 'submitted')
      .execute();
    for (const r of hue)
      await call('central', 'POST', `/api/reports/${r.id}/return`, { version: r.version, comment: 'Làm lại' });
    expect(
      await t.db
        .selectFrom('program_warnings')
        .select('id')
        .where('id', '=', w.id)
        .where('resolved_at', 'is', null)
        .execute(),
    ).toEqual([]);
    expect(await task('II.1.a.1@46@19900')).toMatchObject({ pending_report_id: null, review_due: null });
    await expectRollupsConsistent(t, programId);
  });

  it('lets the program owner set how many working days a reviewer has; reports sent later get the new deadline', async () => {
    expect((await call('hanoi', 'PATCH', `/api/programs/${programId}/settings`, { reviewDays: 2 })).statusCode).toBe(
      403,
    );
    const set = await call('central', 'PATCH', `/api/programs/${programId}/settings`, { reviewDays: 2 });
    expect(set.json()).toMatchObject({ reviewDays: 2 });
    const sent = await submitReport(
      t.db,
      ctx,
      ids.phongDien,
      { reportDate: '2026-11-06', progress: 46, status: 'in_progress' },
      { submittedOn: '2026-11-06' },
    );
    expect(sent.reviewDue).toBe('2026-11-10'); // Friday + 2 working days
    await call('central', 'PATCH', `/api/programs/${programId}/settings`, { reviewDays: 5 });
    await call('central', 'POST', `/api/reports/${sent.id}/return`, { version: sent.version, comment: 'thử' });
  });

  it('lets the assigned unit ask for a change and the assigning level decide; an approval is an amendment linked to the request', async () => {
    const ask = await call('badinh', 'POST', `/api/tasks/${ids.baDinh}/change-requests`, {
      kind: 'deadline',
      reason: 'Chờ hệ thống của thành phố',
      deadline: { phrase: 'quý II/2027' },
    });
    expect(ask.statusCode).toBe(201);
    const request = ask.json();
    expect(request).toMatchObject({
      kind: 'deadline',
      state: 'pending',
      assigner: { name: 'Hà Nội' },
      can: { approve: false, withdraw: true },
    });
    expect(
      (
        await call('badinh', 'POST', `/api/tasks/${ids.baDinh}/change-requests`, {
          kind: 'deadline',
          reason: 'lần nữa',
          deadline: { phrase: 'năm 2027' },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await call('hanoi', 'POST', `/api/tasks/${ids.baDinh}/change-requests`, { kind: 'cancel', reason: 'x' }))
        .statusCode,
    ).toBe(403);
    // Both sides see it; only the assigning level decides, with its decision.
    const toDecide = (await call('hanoi', 'GET', `/api/change-requests?side=to_decide&programId=${programId}`)).json();
    expect(toDecide.items.map((r: { id: number }) => r.id)).toEqual([request.id]);
    expect(toDecide.items[0].can).toEqual({ approve: true, refuse: true, withdraw: false });
    expect(
      (await call('badinh', 'GET', '/api/change-requests?side=mine')).json().items.map((r: { id: number }) => r.id),
    ).toEqual([request.id]);
    expect(
      (await call('badinh', 'POST', `/api/change-requests/${request.id}/approve`, { version: 1, decisionRef: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await call('hanoi', 'POST', `/api/change-requests/${request.id}/approve`, { version: 1 })).statusCode).toBe(
      400,
    );
    const approved = await call('hanoi', 'POST', `/api/change-requests/${request.id}/approve`, {
      version: 1,
      decisionRef: 'QĐ 55/UBND',
      comment: 'Đồng ý',
      effectiveDate: '2026-12-05',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      state: 'approved',
      decisionRef: 'QĐ 55/UBND',
      amendmentId: expect.any(Number),
    });
    expect(await task('II.1.a.1@01@00004')).toMatchObject({ due_date: '2027-06-30' });
    const history = (await call('badinh', 'GET', `/api/tasks/${ids.baDinh}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({ decisionRef: 'QĐ 55/UBND', changeRequestId: request.id, kind: 'adjust' });
    expect((await call('badinh', 'GET', '/api/inbox')).json().items.map((n: { kind: string }) => n.kind)).toContain(
      'change_approved',
    );
    expect(
      (await call('hanoi', 'POST', `/api/change-requests/${request.id}/refuse`, { version: 2, comment: 'muộn' }))
        .statusCode,
    ).toBe(409);
    // A refusal needs a comment; a cancellation request approved cancels the task.
    const cancel = (
      await call('badinh', 'POST', `/api/tasks/${ids.baDinh}/change-requests`, {
        kind: 'cancel',
        reason: 'Đã sáp nhập vào nhiệm vụ khác',
      })
    ).json();
    expect((await call('hanoi', 'POST', `/api/change-requests/${cancel.id}/refuse`, { version: 1 })).statusCode).toBe(
      400,
    );
    expect(
      (
        await call('hanoi', 'POST', `/api/change-requests/${cancel.id}/approve`, {
          version: 1,
          decisionRef: 'QĐ 56/UBND',
          effectiveDate: '2026-12-06',
        })
      ).statusCode,
    ).toBe(200);
    expect(await task('II.1.a.1@01@00004')).toMatchObject({ status: 'cancelled' });
    // A report still waiting on the cancelled task can only be returned: accepting it would bring the task back.
    const waiting = await t.db
      .selectFrom('task_reports')
      .select(['id', 'version'])
      .where('task_id', '=', ids.baDinh)
      .where('state', '=', 'submitted')
      .execute();
    expect(waiting.length).toBeGreaterThan(0);
    expect(
      (await call('hanoi', 'POST', `/api/reports/${waiting[0].id}/accept`, { version: waiting[0].version })).statusCode,
    ).toBe(400);
    await expectRollupsConsistent(t, programId);
  });

  it('finding 9: cancel, accept, return, acknowledge and resolve keep the state before the change in the audit log', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before'])
      .where('action', 'in', [
        'program.task.cancel',
        'program.report.accept',
        'program.report.return',
        'program.change_request.approve',
      ])
      .execute();
    for (const action of [
      'program.task.cancel',
      'program.report.accept',
      'program.report.return',
      'program.change_request.approve',
    ]) {
      const found = rows.filter((r) => r.action === action);
      expect([action, found.length > 0 && found.every((r) => r.before !== null)]).toEqual([action, true]);
    }
    const accept = rows.find((r) => r.action === 'program.report.accept')!.before as {
      state: string;
      progress: number;
    };
    expect(accept.state).toBe('submitted');
    const warning = (await call('phongdien', 'GET', `/api/programs/${programId}/warnings`)).json().items[0];
    expect(
      (await call('phongdien', 'POST', `/api/warnings/${warning.id}/acknowledge`, { comment: 'đã biết' })).statusCode,
    ).toBe(200);
    expect((await call('phongdien', 'POST', `/api/warnings/${warning.id}/resolve`, {})).statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'program_warning')
      .where('entity_id', '=', String(warning.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, (a.before as { acknowledgedAt: unknown }).acknowledgedAt === null])).toEqual([
      ['program.warning.acknowledge', true],
      ['program.warning.resolve', false],
    ]);
  });
});
