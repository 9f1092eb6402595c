// Consultations on both engines: the arithmetic by hand (approval per commune, per province, per section and
// overall), the vote rules (one per confirmed address, pending ones replaced, one vote per section, sections of
// the draft only, a commune in force on the vote date), refusals outside the dates, redaction of published
// comments, grouping and answers, the Word report, and the audit row of every mutation.
import crypto from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { percentText } from '../../platform/formats/percent.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import * as service from './consultations.service.ts';
import * as participation from './consultations.participate.ts';
import { consultationReport, consultationResults } from './consultations.results.ts';
import { redactCounted as redact } from '../../platform/formats/redact.ts';

const ctx = systemContext('test');
const DAY = '2026-03-10';

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, vi: e.detail.vi, en: e.detail.en };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('redaction of published comments', () => {
  it('hides phone numbers, e-mail addresses and 12-digit ID numbers, and counts them', () => {
    const r = redact(
      'Gọi 0912 345 678 hoặc +84 912.345.679, thư nguyen.van.a@gmail.com, CCCD 001203004005 hay 001 203 004 006. Năm 2025 có 3.321 xã.',
    );
    expect(r.text).toBe(
      'Gọi [số điện thoại đã ẩn] hoặc [số điện thoại đã ẩn], thư [thư điện tử đã ẩn], CCCD [số định danh đã ẩn] hay [số định danh đã ẩn]. Năm 2025 có 3.321 xã.',
    );
    expect(r.count).toBe(5);
    expect(redact('Không có gì riêng tư.').count).toBe(0);
  });
});

describe.each(ENGINES)('consultations on %s', (engine) => {
  let t: TestDb;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let id: number;
  let s1: number, s2: number;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDb(engine);
    units = await seedMiniRegistry(t.db);
    const c = await service.createConsultation(t.db, ctx, {
      title: 'Đề án sắp xếp đơn vị hành chính cấp xã thành phố Hà Nội',
      kind: 'plan',
      summary: 'Dự thảo minh họa',
      unitId: units.hanoi,
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
      sections: [
        { heading: 'Phương án sắp xếp', body: 'Nhập phường A và B' },
        { heading: 'Tên gọi', body: 'Phường Ba Đình' },
      ],
    });
    id = c.id;
    [s1, s2] = c.sections.map((s) => s.id);
    const vote = async (
      who: string,
      residenceCode: string,
      overall: 'agree' | 'disagree' | undefined,
      votes: [number, 'agree' | 'disagree'][],
    ) => {
      const r = await participation.participate(
        t.db,
        ctx,
        id,
        {
          email: `${who}@example.vn`,
          residenceCode,
          overall,
          votes: votes.map(([sectionId, choice]) => ({ sectionId, choice })),
          comments: [],
        },
        { today: DAY },
      );
      codes[who] = r.code;
      return r;
    };
    await vote('a', '00004', 'agree', [
      [s1, 'agree'],
      [s2, 'disagree'],
    ]);
    await vote('b', '00004', 'agree', [[s1, 'agree']]);
    await vote('c', '00004', 'disagree', [
      [s1, 'disagree'],
      [s2, 'disagree'],
    ]);
    await vote('d', '19900', 'agree', [[s2, 'agree']]);
    await vote('e', '19900', 'disagree', []);
    for (const who of ['a', 'b', 'c', 'd']) await participation.confirmParticipation(t.db, ctx, codes[who]);
  });
  afterAll(async () => t?.drop());

  it('computes approval per commune, per province, per section and overall from exact counts (by hand)', async () => {
    const r = await consultationResults(t.db, id, DAY);
    expect(r.participants).toBe(4);
    expect(r.unconfirmed).toBe(1); // e never confirmed: not counted anywhere
    // Overall: a, b, d agree; c disagrees → 3 of 4.
    expect(r.overall).toEqual({ agree: 3, disagree: 1, votes: 4, approval: { numerator: 3, denominator: 4 } });
    expect(percentText(r.overall.approval)).toBe('75%');
    // Section 1: a, b agree; c disagrees → 2 of 3. Section 2: d agrees; a, c disagree → 1 of 3 (b abstained).
    expect(r.sections.map((s) => [s.position, s.tally.agree, s.tally.disagree, s.tally.approval])).toEqual([
      [1, 2, 1, { numerator: 2, denominator: 3 }],
      [2, 1, 2, { numerator: 1, denominator: 3 }],
    ]);
    expect(percentText(r.sections[0].tally.approval)).toBe('66,67%');
    // Ba Đình: 2 agree of 3; Phong Điền: 1 of 1. Provinces the same, since each has one commune here.
    const byCode = Object.fromEntries(r.units.map((u) => [u.unit.code, u]));
    expect(byCode['00004'].participants).toBe(3);
    expect(byCode['00004'].overall.approval).toEqual({ numerator: 2, denominator: 3 });
    expect(byCode['19900'].overall.approval).toEqual({ numerator: 1, denominator: 1 });
    expect(byCode['00004'].sections.find((s) => s.sectionId === s2)!.tally).toMatchObject({ agree: 0, disagree: 2 });
    expect(r.provinces.map((p) => [p.unit.code, p.participants, p.overall.agree, p.overall.disagree])).toEqual([
      ['01', 3, 2, 1],
      ['46', 1, 1, 0],
    ]);
    // Every level adds up to the whole.
    const sum = (xs: { overall: { agree: number; disagree: number } }[]) =>
      xs.reduce((s, x) => [s[0] + x.overall.agree, s[1] + x.overall.disagree], [0, 0]);
    expect(sum(r.units)).toEqual([3, 1]);
    expect(sum(r.provinces)).toEqual([3, 1]);
  });

  it('takes one participation per confirmed address; an unconfirmed one is replaced by the next', async () => {
    const again = await refusal(
      participation.participate(
        t.db,
        ctx,
        id,
        { email: ' A@Example.VN ', residenceCode: '00004', overall: 'disagree', votes: [], comments: [] },
        { today: DAY },
      ),
    );
    expect(again.status).toBe(409);
    expect(again.vi).toContain('đã tham gia');
    // e's pending participation is replaced (someone else cannot block an address by using it first).
    const replaced = await participation.participate(
      t.db,
      ctx,
      id,
      { email: 'e@example.vn', residenceCode: '00004', overall: 'agree', votes: [], comments: [] },
      { today: DAY },
    );
    expect((await refusal(participation.confirmParticipation(t.db, ctx, codes.e))).status).toBe(404); // the old code is gone
    await participation.confirmParticipation(t.db, ctx, replaced.code);
    const r = await consultationResults(t.db, id, DAY);
    expect([r.participants, r.unconfirmed, r.overall.agree, r.overall.disagree]).toEqual([5, 0, 4, 1]);
    expect((await refusal(participation.confirmParticipation(t.db, ctx, replaced.code))).status).toBe(404); // used once
  });

  it('refuses a vote twice on one section, a section of another draft, an empty participation, a commune not in force', async () => {
    const p = (body: Partial<Parameters<typeof participation.participate>[3]>, today = DAY) =>
      refusal(
        participation.participate(
          t.db,
          ctx,
          id,
          { email: 'x@example.vn', residenceCode: '00004', votes: [], comments: [], ...body },
          { today },
        ),
      );
    expect(
      (
        await p({
          votes: [
            { sectionId: s1, choice: 'agree' },
            { sectionId: s1, choice: 'disagree' },
          ],
        })
      ).status,
    ).toBe(400);
    expect((await p({ votes: [{ sectionId: 999_999, choice: 'agree' }] })).en).toContain('not part of this draft');
    expect((await p({})).status).toBe(400);
    const nowhere = await p({ residenceCode: '99999', overall: 'agree' });
    expect(nowhere.status).toBe(400);
    expect(nowhere.vi).toContain('99999');
  });

  it('refuses participation before the opening and after the closing day; the closing day itself is open', async () => {
    const body = {
      email: 'late@example.vn',
      residenceCode: '00004',
      overall: 'agree' as const,
      votes: [],
      comments: [],
    };
    const early = await refusal(participation.participate(t.db, ctx, id, body, { today: '2026-02-28' }));
    expect(early.status).toBe(409);
    expect(early.vi).toContain('01/03/2026');
    const late = await refusal(participation.participate(t.db, ctx, id, body, { today: '2026-04-01' }));
    expect(late.status).toBe(409);
    expect(late.vi).toContain('đã kết thúc ngày 31/03/2026');
    const last = await participation.participate(t.db, ctx, id, body, { today: '2026-03-31' });
    expect(last.answer.status).toBe('pending');
  });

  it('refuses a confirmation code older than the set hours, and keys the participant identity with the server secret', async () => {
    // A draft of its own, so the counts the other tests check do not move.
    const other = await service.createConsultation(t.db, ctx, {
      title: 'Dự thảo thử mã xác nhận',
      kind: 'other',
      summary: 'Dự thảo minh họa',
      unitId: units.hanoi,
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
      sections: [{ heading: 'Phần 1', body: 'Nội dung' }],
    });
    const secret = 'test-secret-0123456789-0123456789-abc';
    const body = {
      email: ' Slow@Example.VN ',
      residenceCode: '00004',
      overall: 'agree' as const,
      votes: [],
      comments: [],
    };
    const r = await participation.participate(t.db, ctx, other.id, body, { today: DAY, hashSecret: secret });
    const stored = await t.db
      .selectFrom('consultation_participants')
      .select('identity_hash')
      .where('id', '=', r.answer.id)
      .executeTakeFirstOrThrow();
    expect(stored.identity_hash).not.toBe(service.sha256(`consultation:${other.id}:slow@example.vn`));
    const hmac = crypto.createHmac('sha256', secret).update(`consultation:${other.id}:slow@example.vn`).digest('hex');
    expect(stored.identity_hash).toBe(hmac);

    const settings = { codeHours: 24 };
    const later = (hours: number) => new Date(Date.now() + hours * 3600_000);
    const expired = await refusal(participation.confirmParticipation(t.db, ctx, r.code, { now: later(25), settings }));
    expect(expired.status).toBe(410);
    expect(expired.vi).toContain('hết hạn');
    expect(expired.en).toContain('Take part again');
    // Taking part again replaces the pending participation and sends a fresh code, which works within the hours.
    const again = await participation.participate(t.db, ctx, other.id, body, { today: DAY, hashSecret: secret });
    await expect(
      participation.confirmParticipation(t.db, ctx, again.code, { now: later(23), settings }),
    ).resolves.toMatchObject({ confirmed: true });
    expect((await refusal(participation.confirmParticipation(t.db, ctx, r.code))).status).toBe(404); // replaced
  });

  it('publishes comments redacted, lets the drafting body group them and answer, and exports the report', async () => {
    const r = await participation.participate(
      t.db,
      ctx,
      id,
      {
        email: 'g@example.vn',
        residenceCode: '19900',
        overall: 'agree',
        votes: [],
        comments: [
          { sectionId: s1, text: 'Đồng ý, liên hệ 0912345678 hoặc g@example.vn' },
          { sectionId: s2, text: 'Nên giữ tên cũ. CCCD 001203004005' },
        ],
      },
      { today: DAY },
    );
    let detail = await service.getConsultation(t.db, id, DAY);
    expect(detail.comments).toHaveLength(0); // not confirmed: not published
    await participation.confirmParticipation(t.db, ctx, r.code);
    detail = await service.getConsultation(t.db, id, DAY);
    expect(detail.comments.map((m) => m.text)).toEqual([
      'Đồng ý, liên hệ [số điện thoại đã ẩn] hoặc [thư điện tử đã ẩn]',
      'Nên giữ tên cũ. CCCD [số định danh đã ẩn]',
    ]);
    expect(JSON.stringify(detail)).not.toMatch(/0912345678|001203004005|g@example/);
    const [c1, c2] = detail.comments;
    // A comment of section 2 cannot go in a group of section 1.
    expect(
      (await refusal(service.groupComments(t.db, ctx, id, { sectionId: s1, title: 'Tên', commentIds: [c2.id] })))
        .status,
    ).toBe(400);
    const g = await service.groupComments(t.db, ctx, id, {
      sectionId: null,
      title: 'Ý kiến về phương án và tên',
      commentIds: [c1.id, c2.id],
    });
    expect(g.comments).toBe(2);
    const answered = await service.answerGroup(t.db, ctx, id, g.id, { answer: 'Tiếp thu: giữ tên Ba Đình.' });
    expect(answered.answer).toBe('Tiếp thu: giữ tên Ba Đình.');
    detail = await service.getConsultation(t.db, id, DAY);
    expect(detail.groups).toEqual([
      expect.objectContaining({
        title: 'Ý kiến về phương án và tên',
        comments: 2,
        answer: 'Tiếp thu: giữ tên Ba Đình.',
      }),
    ]);
    expect(detail.comments.every((m) => m.groupId === g.id)).toBe(true);

    const docx = await consultationReport(t.db, id, '2026-04-05');
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'THÀNH PHỐ HÀ NỘI',
      'BÁO CÁO',
      'ngày 05 tháng 04 năm 2026',
      'Tiếp thu: giữ tên Ba Đình.',
      'Thành phố Huế',
    ])
      expect(xml).toContain(text);
    // Exact counts beside the rounded rate: overall 5 agree, 1 disagree of 6 → 83,33%.
    expect(xml).toContain('5 đồng ý, 1 không đồng ý trên 6 phiếu, tỷ lệ đồng ý 83,33%');
  });

  it('refuses the drafting body’s work to a unit out of scope, and writes an audit row for every mutation', async () => {
    const hueOfficer = {
      ...ctx,
      via: 'session' as const,
      user: {
        id: 1,
        username: 'hue',
        displayName: 'Huế',
        grants: [{ role: 'province_officer' as const, unitId: units.hue, unitName: 'Huế' }],
      },
    };
    expect(
      (await refusal(service.groupComments(t.db, hueOfficer, id, { sectionId: null, title: 'x', commentIds: [1] })))
        .status,
    ).toBe(403);
    expect((await refusal(service.answerGroup(t.db, hueOfficer, id, 1, { answer: 'x' }))).status).toBe(403);
    const create = {
      title: 'x',
      kind: 'other' as const,
      summary: '',
      unitId: units.hanoi,
      opensOn: '2026-01-01',
      closesOn: '2026-01-02',
      sections: [{ heading: 'x', body: '' }],
    };
    expect((await refusal(service.createConsultation(t.db, hueOfficer, create))).status).toBe(403);
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'before', 'after'])
      .where('action', 'like', 'channel.%')
      .execute();
    const count = (a: string) => rows.filter((r) => r.action === a).length;
    // The code-expiry test's own draft adds one create, two participations and one confirmation.
    expect(count('channel.consultation.create')).toBe(2);
    // a, b, c, d, e, e again, the closing-day one, g: 8 participations; a, b, c, d, e, g confirmed.
    expect(count('channel.consultation.participate')).toBe(10);
    expect(count('channel.consultation.confirm')).toBe(7);
    expect(count('channel.consultation.group')).toBe(1);
    expect(count('channel.consultation.answer')).toBe(1);
    // No address in the audit log.
    expect(JSON.stringify(rows)).not.toContain('@example.vn');
    expect(rows.find((r) => r.action === 'channel.consultation.answer')!.before).toEqual({
      answer: null,
      answeredBy: null,
    });
  });
});
