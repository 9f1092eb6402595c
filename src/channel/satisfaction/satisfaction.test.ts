// The satisfaction index by hand on a small data set (both engines): component shares, the overall mean, the
// sample size and the small-sample flag, per commune, province and country, per period; refusals; audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { answerSurvey, satisfactionIndex } from './satisfaction.service.ts';
import { meanOfShares, quarterOf } from './satisfaction.index.ts';
import { COMPONENTS, SMALL_SAMPLE } from './satisfaction.questions.ts';

const ctx = systemContext('test');

describe('the index arithmetic', () => {
  it('has the five SIPAS components, and means shares exactly, rounding once', () => {
    expect(COMPONENTS.map((c) => c.n)).toEqual([1, 2, 3, 4, 5]);
    expect(COMPONENTS.flatMap((c) => c.questions)).toHaveLength(22);
    // (1/3 + 1/6) / 2 = 1/4 exactly → 2500; a float sum of thirds lands on 0.2499999…
    expect(
      meanOfShares([
        { numerator: 1, denominator: 3 },
        { numerator: 1, denominator: 6 },
      ]),
    ).toBe(2500);
    // 2/3 → 6666.67 → 6667 (half up); components without answers are left out of the mean.
    expect(
      meanOfShares([
        { numerator: 2, denominator: 3 },
        { numerator: 0, denominator: 0 },
      ]),
    ).toBe(6667);
    expect(meanOfShares([])).toBeNull();
    expect([
      quarterOf('2026-01-01'),
      quarterOf('2026-03-31'),
      quarterOf('2026-04-01'),
      quarterOf('2026-12-31'),
    ]).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
  });
});

describe.each(ENGINES)('the satisfaction index on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedMiniRegistry(t.db);
    // Ba Đình (Hà Nội), first quarter: two questionnaires.
    await answerSurvey(
      t.db,
      ctx,
      { unitCode: '00004', answers: { '1.1': 5, '1.2': 4, '2.1': 3, '3.1': 5, '4.1': 2, '5.1': 4 } },
      { today: '2026-02-10' },
    );
    await answerSurvey(
      t.db,
      ctx,
      { unitCode: '00004', answers: { '1.1': 3, '2.1': 4, '3.1': 4, '4.1': 4 }, feedbackRef: 'PA-2026-000123' },
      { today: '2026-03-20' },
    );
    // Phong Điền (Huế), second quarter: 30 questionnaires, all "very satisfied" on one question per component.
    for (let i = 0; i < 30; i++)
      await answerSurvey(
        t.db,
        ctx,
        { unitCode: '19900', answers: { '1.1': 5, '2.1': 5, '3.1': 5, '4.1': 5, '5.1': 5 } },
        { today: '2026-05-02' },
      );
  });
  afterAll(async () => t?.drop());

  const shares = (f: { components: { index: { numerator: number; denominator: number } }[] }) =>
    f.components.map((c) => `${c.index.numerator}/${c.index.denominator}`);

  it('computes a commune by hand and flags its small sample', async () => {
    const r = await satisfactionIndex(t.db, { unit: '00004' }, '2026-06-01');
    // Component 1: 5, 4, 3 → 2 of 3 satisfied; 2: 3, 4 → 1/2; 3: 5, 4 → 2/2; 4: 2, 4 → 1/2; 5: 4 → 1/1.
    expect(shares(r.total)).toEqual(['2/3', '1/2', '2/2', '1/2', '1/1']);
    // (2/3 + 1/2 + 1 + 1/2 + 1) / 5 = 11/15 = 73.33 %.
    expect(r.total.overallHundredths).toBe(7333);
    expect(r.total.sample).toBe(2);
    expect(r.total.smallSample).toBe(true);
    expect(r.series.map((s) => [s.period, s.sample])).toEqual([['2026-Q1', 2]]);
    expect(r.parts).toEqual([]);
  });

  it('computes the country by hand, per province and per period; 30 questionnaires are not a small sample', async () => {
    const r = await satisfactionIndex(t.db, {}, '2026-06-01');
    expect(r.total.sample).toBe(32);
    expect(r.smallSampleBelow).toBe(SMALL_SAMPLE);
    expect(r.total.smallSample).toBe(false);
    expect(shares(r.total)).toEqual(['32/33', '31/32', '32/32', '31/32', '31/31']);
    // (32/33 + 31/32 + 1 + 31/32 + 1) / 5 = 0.98143939… → 98.14 %.
    expect(r.total.overallHundredths).toBe(9814);
    expect(r.series.map((s) => [s.period, s.sample, s.smallSample, s.overallHundredths])).toEqual([
      ['2026-Q1', 2, true, 7333],
      ['2026-Q2', 30, false, 10000],
    ]);
    expect(r.parts.map((p) => [p.unit.code, p.sample, p.smallSample, p.overallHundredths])).toEqual([
      ['01', 2, true, 7333],
      ['46', 30, false, 10000],
    ]);
    // A year takes its quarters; a quarter only itself.
    expect((await satisfactionIndex(t.db, { period: '2026' }, '2026-06-01')).total.sample).toBe(32);
    expect((await satisfactionIndex(t.db, { period: '2026-Q2' }, '2026-06-01')).parts.map((p) => p.unit.code)).toEqual([
      '46',
    ]);
    expect((await satisfactionIndex(t.db, { period: '2025' }, '2026-06-01')).total).toMatchObject({
      sample: 0,
      overallHundredths: null,
    });
    // A province shows its communes.
    const hanoi = await satisfactionIndex(t.db, { unit: '01' }, '2026-06-01');
    expect(hanoi.parts.map((p) => [p.unit.code, p.sample])).toEqual([['00004', 2]]);
  });

  it('keeps the feedback reference, refuses unknown questions and units, and audits every questionnaire', async () => {
    const refs = await t.db
      .selectFrom('satisfaction_surveys')
      .select('feedback_ref')
      .where('feedback_ref', 'is not', null)
      .execute();
    expect(refs.map((r) => r.feedback_ref)).toEqual(['PA-2026-000123']);
    const refused = async (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: AppError) => e.status,
      );
    expect(await refused(answerSurvey(t.db, ctx, { unitCode: '00004', answers: { '9.9': 5 } }))).toBe(400);
    expect(await refused(answerSurvey(t.db, ctx, { unitCode: '00004', answers: {} }))).toBe(400);
    expect(await refused(answerSurvey(t.db, ctx, { unitCode: '99999', answers: { '1.1': 5 } }))).toBe(400);
    expect(await refused(answerSurvey(t.db, ctx, { unitCode: 'VN', answers: { '1.1': 5 } }))).toBe(400);
    expect(await refused(satisfactionIndex(t.db, { unit: '99999' }))).toBe(404);
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['entity_id'])
      .where('action', '=', 'channel.satisfaction.answer')
      .execute();
    expect(audited).toHaveLength(32);
  });
});
