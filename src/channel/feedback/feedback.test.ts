// Feedback end to end on the mini registry: a citizen submits about an old commune (Trúc Bạch, before the 2025
// reform) and it reaches the successor (Ba Đình) with its legal due date; tracking shows redacted text only; the
// Ba Đình officer sees the queue, assigns, answers; the citizen rates, reopens within the period and not after;
// forwarding to another unit restarts the clock, forwarding outside closes it as not competent; a withheld
// identity never reaches the unit; Huế's officer is refused; every change is audited; the per-address limit holds;
// the working-day clock skips Tết 2026.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { buildServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { feedbackSettings } from './feedback.settings.ts';
import { submit, rate, reopen, track } from './feedback.service.ts';
import { answer } from './feedback.officer.ts';
import { dueDate } from './feedback.deadline.ts';
import { categoryOf } from './feedback.categories.ts';

const PASSWORD = 'correct horse battery';
const citizenCtx = (ip: string): RequestContext => ({
  user: null,
  actorLabel: 'anonymous',
  ip,
  userAgent: null,
  via: 'anonymous',
});

describe.each(ENGINES)('feedback on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let u: Awaited<ReturnType<typeof seedMiniRegistry>>;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  beforeAll(async () => {
    t = await createTestDb(engine);
    u = await seedMiniRegistry(t.db);
    const sys = systemContext('test');
    for (const [username, role, unitCode] of [
      ['badinh', 'commune_officer', '00004'],
      ['phongdien', 'commune_officer', '19900'],
      ['watcher', 'viewer', '01'],
    ] as const)
      await createUser(t.db, sys, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ role, unitCode }],
      });
    app = await buildServer(t, loadConfig(), { logger: false });
    for (const name of ['badinh', 'phongdien', 'watcher']) {
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

  const submitOld = (extra: object = {}) =>
    as(null, 'POST', '/api/feedback', {
      category: 'environment',
      title: 'Rác thải tồn đọng',
      description:
        'Rác để ở đầu ngõ 12 đã ba tuần. Liên hệ Nguyễn Văn An, 0912 345 678, an.nguyen@example.vn, CCCD 001204012345.',
      unitCode: '00004',
      occurredOn: '2025-05-10',
      privacy: 'name_hidden',
      name: 'Nguyễn Văn An',
      phone: '0912345678',
      email: 'an.nguyen@example.vn',
      ...extra,
    });

  it('routes an old commune to its successor, fixes the due date and returns a tracking code', async () => {
    const res = await submitOld();
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.code).toMatch(/^PA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(body.located).toMatchObject({ id: u.trucBach, code: '00004' });
    expect(body.unit).toMatchObject({ id: u.baDinh, code: '00004' });
    expect(body.routing.vi).toContain('kế thừa');
    const expected = await dueDate(t.db, categoryOf('environment')!, body.receivedOn);
    expect(body.dueOn).toBe(expected);
    // Today (the same code read on today's date) is the new ward directly.
    const direct = await as(null, 'POST', '/api/feedback', {
      category: 'environment',
      title: 'Đèn hỏng',
      description: 'Đèn đường trước số 5 không sáng.',
      unitCode: '00004',
    });
    expect(direct.json().routing.vi).toContain('nơi xảy ra');
  });

  it('publishes only redacted text and never the contact', async () => {
    const { code } = (await submitOld()).json();
    const pub = (await as(null, 'GET', `/api/feedback/track/${code.toLowerCase()}`)).json();
    expect(pub.description).not.toMatch(/0912|example\.vn|001204012345|Nguyễn Văn An/);
    expect(pub.description).toContain('[số điện thoại đã ẩn]');
    expect(pub.description).toContain('[thư điện tử đã ẩn]');
    expect(pub.description).toContain('[số định danh đã ẩn]');
    expect(pub.description).toContain('[họ tên đã ẩn]');
    expect(pub.reporter).toBeNull();
    expect(JSON.stringify(pub)).not.toMatch(/0912345678|an\.nguyen/);
  });

  it('lets the officer of the successor handle it, shows the contact to handlers only, and audits it', async () => {
    const { code } = (await submitOld()).json();
    const queue = (await as('badinh', 'GET', '/api/feedback/queue')).json();
    const row = queue.items.find((i: { code: string }) => i.code === code);
    expect(row).toMatchObject({ status: 'received', unit: { id: u.baDinh } });
    const item = (await as('badinh', 'GET', `/api/feedback/items/${row.id}`)).json();
    expect(item.contact).toEqual({ name: 'Nguyễn Văn An', email: 'an.nguyen@example.vn', phone: '0912345678' });
    const viewer = (await as('watcher', 'GET', `/api/feedback/items/${row.id}`)).json();
    expect(viewer).toMatchObject({ contact: null, contactHidden: 'masked' });
    // Huế's officer neither reads nor handles it, nor sees it in a queue.
    expect((await as('phongdien', 'GET', `/api/feedback/items/${row.id}`)).statusCode).toBe(403);
    expect(
      (await as('phongdien', 'POST', `/api/feedback/items/${row.id}/answer`, { answer: 'Đã xử lý xong.' })).statusCode,
    ).toBe(403);
    expect(
      (await as('phongdien', 'GET', '/api/feedback/queue')).json().items.map((i: { code: string }) => i.code),
    ).not.toContain(code);
    expect((await as('watcher', 'POST', `/api/feedback/items/${row.id}/start`)).statusCode).toBe(403);

    expect((await as('badinh', 'POST', `/api/feedback/items/${row.id}/assign`, {})).json().status).toBe('assigned');
    expect((await as('badinh', 'POST', `/api/feedback/items/${row.id}/start`)).json().status).toBe('in_progress');
    const answered = await as('badinh', 'POST', `/api/feedback/items/${row.id}/answer`, {
      answer: 'Đã thu gom. Ông Nguyễn Văn An liên hệ 0243 123 4567 nếu còn.',
    });
    expect(answered.json().status).toBe('answered');
    const pub = (await as(null, 'GET', `/api/feedback/track/${code}`)).json();
    expect(pub.answer).not.toMatch(/Nguyễn Văn An|0243/);
    const actions = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'feedback_item')
      .where('entity_id', '=', String(row.id))
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'feedback.submit',
      'feedback.contact.view',
      'feedback.assign',
      'feedback.contact.view',
      'feedback.start',
      'feedback.contact.view',
      'feedback.answer',
      'feedback.contact.view',
    ]);
    const audited = JSON.stringify(await t.db.selectFrom('audit_log').select(['before', 'after']).execute());
    expect(audited).not.toMatch(/0912345678|an\.nguyen/);
  });

  it('never shows a withheld identity to the unit', async () => {
    const { code } = (await submitOld({ privacy: 'withheld' })).json();
    const row = (await as('badinh', 'GET', '/api/feedback/queue'))
      .json()
      .items.find((i: { code: string }) => i.code === code);
    const item = (await as('badinh', 'GET', `/api/feedback/items/${row.id}`)).json();
    expect(item).toMatchObject({ contact: null, contactHidden: 'withheld', reporter: null });
    expect(JSON.stringify(item)).not.toMatch(/Nguyễn Văn An|0912|an\.nguyen|001204012345/);
  });

  it('rates once per answer, reopens within the period and not after', async () => {
    const s = feedbackSettings({ today: () => '2026-03-02', reopenDays: 10 });
    const ctx = citizenCtx('10.0.0.1');
    const sub = await submit(
      t.db,
      ctx,
      {
        category: 'land',
        title: 'Ranh giới đất',
        description: 'Xin xác nhận ranh giới thửa đất.',
        unitCode: '00004',
        privacy: 'public',
        name: 'Trần B',
      },
      s,
    );
    const id = (
      await t.db.selectFrom('feedback_items').select('id').where('code', '=', sub.code).executeTakeFirstOrThrow()
    ).id;
    await expect(rate(t.db, ctx, sub.code, { rating: 5 }, s)).rejects.toMatchObject({ status: 409 });
    await answer(t.db, systemContext('test'), id, 'Đã đo đạc và xác nhận.', s);
    const rated = await rate(t.db, ctx, sub.code, { rating: 4, comment: 'Nhanh' }, s);
    expect(rated.rating).toBe(4);
    expect(rated.reporter).toBe('Trần B');
    await expect(rate(t.db, ctx, sub.code, { rating: 1 }, s)).rejects.toMatchObject({ status: 409 });
    const reopened = await reopen(t.db, ctx, sub.code, 'Chưa đúng ranh giới phía bắc.', s);
    expect(reopened).toMatchObject({ status: 'received', reopenCount: 1, rating: null });
    expect(reopened.timeline.map((e) => e.kind)).toEqual(['submitted', 'answered', 'rated', 'reopened']);
    await answer(t.db, systemContext('test'), id, 'Đã đo lại.', s);
    const late = feedbackSettings({ today: () => '2099-01-01', reopenDays: 10 });
    await expect(reopen(t.db, ctx, sub.code, 'Vẫn chưa đúng.', late)).rejects.toMatchObject({ status: 409 });
  });

  it('forwards to a unit with a fresh deadline, or outside as not competent', async () => {
    const { code } = (await submitOld()).json();
    const row = (await as('badinh', 'GET', '/api/feedback/queue'))
      .json()
      .items.find((i: { code: string }) => i.code === code);
    const bad = await as('badinh', 'POST', `/api/feedback/items/${row.id}/forward`, { reason: 'Không thuộc' });
    expect(bad.statusCode).toBe(400);
    const moved = await as('badinh', 'POST', `/api/feedback/items/${row.id}/forward`, {
      reason: 'Thuộc địa bàn Phong Điền',
      toUnitCode: '19900',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // The forwarding officer no longer reaches it; the receiving one does.
    expect(moved.json()).toMatchObject({ contact: null, originalDescription: expect.not.stringContaining('0912') });
    expect((await as('badinh', 'GET', `/api/feedback/items/${row.id}`)).statusCode).toBe(403);
    const there = (await as('phongdien', 'GET', `/api/feedback/items/${row.id}`)).json();
    expect(there).toMatchObject({ status: 'received', unit: { id: u.hueCommune }, assignedTo: null });
    expect(there.timeline.at(-1)).toMatchObject({ kind: 'forwarded', toUnit: expect.any(String) });
    const out = await as('phongdien', 'POST', `/api/feedback/items/${row.id}/forward`, {
      reason: 'Tranh chấp dân sự',
      toBody: 'Tòa án nhân dân khu vực',
    });
    expect(out.json()).toMatchObject({
      status: 'closed',
      closeReason: 'not_competent',
      forwardedTo: 'Tòa án nhân dân khu vực',
    });
    expect(
      (await as(null, 'POST', `/api/feedback/track/${code}/reopen`, { reason: 'Tôi không đồng ý' })).statusCode,
    ).toBe(409);
  });

  it('closes as duplicate or rejected only with what the reason needs', async () => {
    const a = (await submitOld()).json().code;
    const b = (await submitOld()).json().code;
    const items = (await as('badinh', 'GET', '/api/feedback/queue')).json().items;
    const idB = items.find((i: { code: string }) => i.code === b).id;
    expect((await as('badinh', 'POST', `/api/feedback/items/${idB}/close`, { reason: 'duplicate' })).statusCode).toBe(
      400,
    );
    expect((await as('badinh', 'POST', `/api/feedback/items/${idB}/close`, { reason: 'rejected' })).statusCode).toBe(
      400,
    );
    expect(
      (await as('badinh', 'POST', `/api/feedback/items/${idB}/close`, { reason: 'duplicate', duplicateOf: b }))
        .statusCode,
    ).toBe(400);
    const dup = await as('badinh', 'POST', `/api/feedback/items/${idB}/close`, { reason: 'duplicate', duplicateOf: a });
    expect(dup.json()).toMatchObject({ status: 'closed', closeReason: 'duplicate' });
    expect(
      (await as('badinh', 'POST', `/api/feedback/items/${idB}/answer`, { answer: 'Trả lời muộn' })).statusCode,
    ).toBe(409);
  });

  it('refuses what it cannot act on, in both languages', async () => {
    const noPlace = await as(null, 'POST', '/api/feedback', {
      category: 'environment',
      title: 'Rác',
      description: 'Rác để lâu ngày.',
    });
    expect(noPlace.statusCode).toBe(400);
    const badCat = await as(null, 'POST', '/api/feedback', {
      category: 'nope',
      title: 'Rác',
      description: 'Rác để lâu ngày.',
      unitCode: '00004',
    });
    expect(badCat.statusCode).toBe(400);
    expect(badCat.json().detail).toContain('environment');
    const future = await as(null, 'POST', '/api/feedback', {
      category: 'environment',
      title: 'Rác',
      description: 'Rác để lâu ngày.',
      unitCode: '00004',
      occurredOn: '2199-01-01',
    });
    expect(future.statusCode).toBe(400);
    const unknownCode = await as(null, 'POST', '/api/feedback', {
      category: 'environment',
      title: 'Rác',
      description: 'Rác để lâu ngày.',
      unitCode: '99999',
    });
    expect(unknownCode.statusCode).toBe(400);
    expect((await as(null, 'GET', '/api/feedback/track/PA-0000-0000-0000')).statusCode).toBe(404);
    expect((await as(null, 'GET', '/api/feedback/queue')).statusCode).toBe(401);
  });

  it('limits submissions per address and counts them under a lock', async () => {
    const s = feedbackSettings({ submitsPerHour: 3 });
    const ctx = citizenCtx('10.9.9.9');
    const input = {
      category: 'other',
      title: 'Góp ý',
      description: 'Góp ý về giờ làm việc.',
      unitCode: '19900',
      privacy: 'public' as const,
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => submit(t.db, ctx, input, s)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(refused.map((r) => r.reason.status)).toEqual([429, 429]);
    // Another address is not held back.
    await expect(submit(t.db, citizenCtx('10.9.9.10'), input, s)).resolves.toBeDefined();
  });

  it('keys the stored address with the server secret, so it cannot be found by hashing every IPv4 address', async () => {
    const s = feedbackSettings({ hashSecret: 'test-secret-0123456789-0123456789-abc' });
    const sub = await submit(
      t.db,
      citizenCtx('203.0.113.7'),
      { category: 'other', title: 'Góp ý', description: 'Góp ý.', unitCode: '19900', privacy: 'public' },
      s,
    );
    const row = await t.db
      .selectFrom('feedback_items')
      .select('client_hash')
      .where('code', '=', sub.code)
      .executeTakeFirstOrThrow();
    const plain = (v: string) => crypto.createHash('sha256').update(v).digest('hex');
    expect(row.client_hash).not.toBe(plain('apparatus-feedback:203.0.113.7'));
    expect(row.client_hash).not.toBe(plain('203.0.113.7'));
    const hmac = crypto.createHmac('sha256', s.hashSecret).update('apparatus-feedback:203.0.113.7').digest('hex');
    expect(row.client_hash).toBe(hmac);
  });

  it('counts the answer deadline in working days over Tết 2026', async () => {
    // Received Thursday 12/02/2026: 13/02 is the first working day, then 14–22/02 (weekends and Tết 16–20/02) are
    // skipped, and 23/02…05/03 are the other nine.
    const s = feedbackSettings({ today: () => '2026-02-12' });
    const sub = await submit(
      t.db,
      citizenCtx('10.1.1.1'),
      {
        category: 'environment',
        title: 'Khói bụi',
        description: 'Khói bụi từ bãi đốt rác.',
        unitCode: '00004',
        privacy: 'public',
      },
      s,
    );
    expect(sub.dueOn).toBe('2026-03-05');
    // A complaint: 10 working days to accept (→ 05/03), then 30 calendar days → Saturday 04/04 → Monday 06/04.
    expect(await dueDate(t.db, categoryOf('complaint')!, '2026-02-12')).toBe('2026-04-06');
    // Without Tết the same submission would be due a week earlier: the calendar matters.
    await t.db
      .deleteFrom('public_holidays')
      .where('day', '>=', '2026-02-16')
      .where('day', '<=', '2026-02-20')
      .execute();
    expect(await dueDate(t.db, categoryOf('environment')!, '2026-02-12')).toBe('2026-02-26');
  });

  it('tracks a code typed loosely', async () => {
    const { code } = (await submitOld()).json();
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
    expect((await track(t.db, typed, feedbackSettings())).code).toBe(code);
  });
});
