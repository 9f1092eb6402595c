// The standing office's questions on the mini registry: Ba Đình asks the Hà Nội office and the central office;
// a Hà Nội officer drafts, the same officer is refused as reviewer, a second one returns with a reason and then
// accepts; the answer is published redacted; the FAQ finds it with and without accents and says nothing of
// unpublished ones; suggestions rank it for a similar question; Huế's officers and Phong Điền see and touch
// nothing of Hà Nội's; asking another province's office is refused; every step is audited; the CLI's list filters
// overdue questions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { buildServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { systemContext } from '../../platform/context.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { list } from './questions.service.ts';

const PASSWORD = 'correct horse battery';
const USERS = [
  ['badinh', 'commune_officer', '00004'],
  ['hanoi1', 'province_officer', '01'],
  ['hanoi2', 'province_officer', '01'],
  ['central1', 'central_officer', 'VN'],
  ['hue', 'province_officer', '46'],
  ['phongdien', 'commune_officer', '19900'],
  ['watcher', 'viewer', '01'],
] as const;

describe.each(ENGINES)('standing office questions on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedMiniRegistry(t.db);
    for (const [username, role, unitCode] of USERS)
      await createUser(t.db, systemContext('test'), {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ role, unitCode }],
      });
    app = await buildServer(t, loadConfig(), { logger: false });
    for (const [name] of USERS) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: name, password: PASSWORD },
      });
      sessions[name] = {
        cookie: `apparatus_session=${res.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
        csrf: res.json().csrfToken,
      };
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const as = (user: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      payload,
      headers: user ? { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf } : {},
    });
  const ask = (user: string, extra: object = {}) =>
    as(user, 'POST', '/api/questions', {
      office: '01',
      askerUnitCode: '00004',
      subject: 'Con dấu của xã sau sắp xếp',
      body: 'Xã mới dùng con dấu cũ đến khi nào? Liên hệ chị Lan, 0912 345 678, lan@example.vn.',
      ...extra,
    });
  let qid = 0;

  it('lets a commune ask its province office, with a due date in working days', async () => {
    const res = await ask('badinh');
    expect(res.statusCode, res.body).toBe(201);
    const q = res.json();
    qid = q.id;
    expect(q).toMatchObject({ status: 'open', office: { code: '01' }, asker: { code: '00004' }, overdue: false });
    expect(q.dueOn > q.askedOn).toBe(true);
    const day = new Date(`${q.dueOn}T00:00:00Z`).getUTCDay();
    expect([0, 6]).not.toContain(day);
  });

  it("refuses another province's office and units out of scope, with vi/en messages", async () => {
    const other = await ask('badinh', { office: '46' });
    expect(other.statusCode).toBe(400);
    expect(other.json().detail).toContain('không thuộc tỉnh');
    const out = await ask('phongdien');
    expect(out.statusCode).toBe(403);
    expect((await ask('watcher')).statusCode).toBe(403);
    const central = await ask('badinh', {
      office: 'central',
      subject: 'Biên chế sau sắp xếp',
      body: 'Biên chế của xã mới tính thế nào?',
    });
    expect(central.statusCode, central.body).toBe(201);
    expect(central.json().office.code).toBe('VN');
  });

  it('shows the asker and the office their questions, and Huế nothing', async () => {
    const ids = async (user: string) =>
      (await as(user, 'GET', '/api/questions')).json().items.map((i: { id: number }) => i.id);
    expect(await ids('badinh')).toContain(qid);
    expect(await ids('hanoi1')).toContain(qid);
    expect(await ids('hue')).toEqual([]);
    expect(await ids('phongdien')).toEqual([]);
    expect((await as('hue', 'GET', `/api/questions/${qid}`)).statusCode).toBe(403);
    expect((await as('badinh', 'GET', `/api/questions/${qid}`)).statusCode).toBe(200);
    const office = (await as('central1', 'GET', '/api/questions?office=central')).json().items;
    expect(office.map((i: { office: { code: string } }) => i.office.code)).toEqual(['VN']);
  });

  it('drafts, refuses self-review, returns with a reason, accepts by another officer', async () => {
    expect(
      (await as('hue', 'POST', `/api/questions/${qid}/draft`, { answer: 'Không phải việc của Huế.' })).statusCode,
    ).toBe(403);
    expect((await as('badinh', 'POST', `/api/questions/${qid}/draft`, { answer: 'Tự trả lời.' })).statusCode).toBe(403);
    const d = await as('hanoi1', 'POST', `/api/questions/${qid}/draft`, {
      answer: 'Dùng con dấu cũ đến khi có dấu mới.',
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().status).toBe('in_review');
    const self = await as('hanoi1', 'POST', `/api/questions/${qid}/review`, { decision: 'accept' });
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toContain('Không ai tự duyệt');
    const noReason = await as('hanoi2', 'POST', `/api/questions/${qid}/review`, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    const ret = await as('hanoi2', 'POST', `/api/questions/${qid}/review`, {
      decision: 'return',
      reason: 'Nêu căn cứ.',
    });
    expect(ret.json()).toMatchObject({ status: 'open', returnReason: 'Nêu căn cứ.' });
    // Not published before it is accepted.
    expect((await as('hanoi2', 'POST', `/api/questions/${qid}/publish`)).statusCode).toBe(409);
    await as('hanoi1', 'POST', `/api/questions/${qid}/draft`, {
      answer: 'Theo Nghị định, xã mới dùng con dấu cũ đến khi được cấp con dấu mới.',
    });
    const ok = await as('hanoi2', 'POST', `/api/questions/${qid}/review`, { decision: 'accept' });
    expect(ok.json()).toMatchObject({ status: 'answered', returnReason: null });
    expect((await as('hanoi2', 'POST', `/api/questions/${qid}/review`, { decision: 'accept' })).statusCode).toBe(409);
  });

  it('publishes redacted; the FAQ finds it with and without accents, no sign-in', async () => {
    const before = (await as(null, 'GET', '/api/questions/faq?q=con%20dau')).json().items;
    expect(before).toEqual([]);
    expect((await as('hue', 'POST', `/api/questions/${qid}/publish`)).statusCode).toBe(403);
    expect((await as('hanoi1', 'POST', `/api/questions/${qid}/publish`)).statusCode).toBe(200);
    for (const q of ['con dấu', 'CON DAU', 'xa moi con dau', 'Con Dấu Cũ']) {
      const r = await as(null, 'GET', `/api/questions/faq?q=${encodeURIComponent(q)}`);
      expect(r.statusCode).toBe(200);
      expect(
        r.json().items.map((i: { id: number }) => i.id),
        q,
      ).toEqual([qid]);
    }
    expect((await as(null, 'GET', '/api/questions/faq?q=bien%20che')).json().items).toEqual([]);
    const item = (await as(null, 'GET', '/api/questions/faq?q=')).json().items[0];
    expect(item.body).not.toContain('0912');
    expect(item.body).not.toContain('lan@example.vn');
    expect(item.answer).toContain('con dấu mới');
  });

  it('suggests similar published questions before one is sent', async () => {
    const sim = async (q: string) =>
      (await as(null, 'GET', `/api/questions/similar?q=${encodeURIComponent(q)}`)).json().items as {
        id: number;
        score: number;
      }[];
    const hits = await sim('xa moi dung con dau cu den bao gio');
    expect(hits.map((h) => h.id)).toEqual([qid]);
    expect(hits[0].score).toBeGreaterThan(0.3);
    expect(await sim('Tiền lương cán bộ hợp đồng')).toEqual([]);
  });

  it('audits every step in its transaction', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'office_question')
      .where('entity_id', '=', String(qid))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'questions.ask',
      'questions.draft',
      'questions.return',
      'questions.draft',
      'questions.accept',
      'questions.publish',
    ]);
  });

  it('lists overdue questions (CLI view: everything)', async () => {
    const far = '2099-01-01';
    const all = await list(t.db, systemContext('cli:test'), { overdue: 'true', limit: 100 }, { today: () => far });
    // The accepted question is not overdue; the central one is.
    expect(all.items.map((i) => i.office.code)).toEqual(['VN']);
    const hanoi = await list(t.db, systemContext('cli:test'), { office: '01', limit: 100 }, { today: () => far });
    expect(hanoi.items.map((i) => i.id)).toEqual([qid]);
  });
});
