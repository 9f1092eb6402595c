// Streamlining targets and the national reports on every engine, against
// figures worked out by hand in the comments: the straight line from baseline
// to target, the targets the 2026–2031 rule set gives by lineage, the national
// total by block, and one unit's trend across periods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { buildServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { allocate, createPeriod } from '../quotas/quotas.service.ts';
import { recordPresent } from '../headcount/headcount.service.ts';
import { setTarget, setTargetsFromRuleSet } from '../targets/targets.service.ts';
import { targetProgress } from '../targets/targets.progress.ts';
import { progressPoints, summarise } from '../targets/targets.path.ts';
import { blocksReport } from './reports.service.ts';
import { toleranceWarning } from '../quotas/quotas.messages.ts';
import { trendReport } from './reports.trend.ts';
import { createTestPeriod, officer } from '../staffing.fixtures.ts';
import { addCentralAgency, mergedProvince } from './reports.fixtures.ts';

const sys = systemContext('test');
const CS = 'cadre_civil_servant' as const,
  PE = 'public_employee' as const;
const P22 = '2022-2026',
  P26 = '2026-2031';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('the straight line, by hand', () => {
  it('plans 1,000 → 800 over 100 days and sets each record against it', () => {
    // 2026-01-01 → 2026-04-11 is 100 days: the line drops 2 a day. 02-20 is day 50 (planned 900), 03-22 day 80 (planned 840).
    const line = {
      baselineDate: '2026-01-01',
      baselineHeadcount: 1000,
      targetDate: '2026-04-11',
      targetHeadcount: 800,
    };
    const points = progressPoints(line, [
      { asOf: '2025-12-15', present: 1010, source: null },
      { asOf: '2026-02-20', present: 890, source: null },
      { asOf: '2026-03-22', present: 850, source: null },
    ]);
    expect(points[0]).toMatchObject({ status: 'before_baseline', planned: null });
    // 110 cut of 200 required (55 %), 10 under the line; then 150 (75 %), 10 above it. Shares stay as their two numbers.
    expect(points[1]).toMatchObject({ planned: 900, plannedCut: 100, achieved: 110, gap: -10, status: 'on_track' });
    expect(points[2]).toMatchObject({ planned: 840, plannedCut: 160, achieved: 150, gap: 10, status: 'behind' });
    expect(summarise(line, points)).toMatchObject({ requiredCut: 200, status: 'behind', remainingCut: 50 });
    expect(JSON.stringify(points)).not.toMatch(/Pct/);
  });
});

describe("staffing shares to the State's precision (issue 9, finding 11)", () => {
  it("keeps a tolerance warning's share as its two numbers and writes it with two decimals, in each language", () => {
    // 9,557 of 10,000 = 95.57 %; before, the Vietnamese sentence said "95.6%" (one decimal, English decimal point).
    const w = toleranceWarning('Tỉnh Thử', 'cadre_civil_servant', 9_557, 10_000, 0.95);
    expect(w).toMatchObject({ used: 9_557, quota: 10_000 });
    expect(w.vi).toContain('đã dùng 95,57% biên chế được giao');
    expect(w.en).toContain('has used 95.57% of its quota');
  });
});

describe.each(ENGINES)('staffing targets and reports on %s', (engine) => {
  let t: TestDb;
  let u: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let thu: number, oldHue: number[];
  const ag: Record<string, number> = {};
  const present = (unitId: number, category: string, period: string, asOf: string, n: number) =>
    recordPresent(t.db, sys, { period, category: category as typeof CS, unitId, asOf, present: n });
  const give = (
    target: { unitId: number } | { agencyId: number },
    category: string,
    period: string,
    quota: number,
    reserve?: number,
  ) => allocate(t.db, sys, { period, category: category as typeof CS, quota, reserve, ...target });

  beforeAll(async () => {
    t = await createTestDb(engine);
    u = await seedMiniRegistry(t.db);
    await createTestPeriod(t.db);
    await createPeriod(t.db, sys, {
      code: P26,
      name: 'Thời kỳ 2026–2031',
      startDate: '2026-01-01',
      endDate: '2032-01-01',
    });
    await createPeriod(t.db, sys, {
      code: '2031-2036',
      name: 'Thời kỳ 2031–2036',
      startDate: '2032-01-01',
      endDate: '2037-01-01',
    });
    oldHue = (await mergedProvince(t.db, u.vn, ['Bình Trị', 'Quảng Thừa'], { id: u.hue })).olds; // Huế: formed from 2 → −15 %
    thu = (await mergedProvince(t.db, u.vn, ['Alpha', 'Beta', 'Gamma'], { code: '99', name: 'Thử' })).intoId; // from 3 → −20 %
    for (const [code, kind] of [
      ['bnv', 'ministry'],
      ['vpcp', 'central_agency'],
      ['btctw', 'central_agency'],
      ['mttqtw', 'fatherland_front'],
      ['xyz', 'central_agency'],
    ]) {
      ag[code] = await addCentralAgency(t.db, u.vn, code, kind, `Cơ quan ${code}`);
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('sets a target as a share and reads each recorded headcount against the line', async () => {
    for (const [d, n] of [
      ['2025-12-15', 1010],
      ['2026-01-01', 1000],
      ['2026-02-20', 890],
      ['2026-03-22', 850],
    ] as const)
      await present(u.hanoi, CS, P26, d, n);
    const r = await setTarget(t.db, sys, {
      period: P26,
      category: CS,
      unitId: u.hanoi,
      share: 20,
      targetDate: '2026-04-11',
      basis: 'Quyết định thử 1',
    });
    expect(r).toMatchObject({
      baselineDate: '2026-01-01',
      baselineAsOf: '2026-01-01',
      baselineHeadcount: 1000,
      targetHeadcount: 800,
      requiredCut: 200,
      cutPercent: 20,
      setBy: 'test',
    });
    const p = await targetProgress(t.db, sys, { period: P26, unitId: u.hanoi, category: CS, asOf: '2026-03-02' });
    expect(p.items).toHaveLength(1);
    const h = p.items[0];
    // 2026-03-02 is day 60 of 100: 1,000 − 200 × 0.6 = 880.
    expect(h).toMatchObject({
      isRoot: true,
      status: 'behind',
      remainingCut: 50,
      plannedNow: 880,
      elapsed: { days: 60, of: 100 },
      subtreePresent: 850,
      recordedBelow: false,
    });
    expect(h.points.map((x) => [x.asOf, x.planned, x.achieved, x.status])).toEqual([
      ['2025-12-15', null, null, 'before_baseline'],
      ['2026-01-01', 1000, 0, 'on_track'],
      ['2026-02-20', 900, 110, 'on_track'],
      ['2026-03-22', 840, 150, 'behind'],
    ]);
  });

  it('sets a target typed as a headcount, refuses what cannot be a target, and audits each change', async () => {
    await present(u.hue, CS, P26, '2026-01-01', 500);
    const r = await setTarget(t.db, sys, {
      period: P26,
      category: CS,
      unitId: u.hue,
      targetHeadcount: 450,
      basis: 'Quyết định 5/QĐ-UBND',
    });
    // Default dates: the period's first day and its last (end 2032-01-01 is exclusive).
    expect(r).toMatchObject({
      baselineDate: '2026-01-01',
      targetDate: '2031-12-31',
      targetHeadcount: 450,
      requiredCut: 50,
      cutPercent: null,
    });
    expect(
      (
        await refusal(
          setTarget(t.db, sys, { period: P26, category: CS, unitId: u.hue, targetHeadcount: 501, basis: 'x' }),
        )
      ).detail.en,
    ).toContain('cannot exceed its baseline');
    expect(
      (await refusal(setTarget(t.db, sys, { period: P26, category: CS, unitId: u.hueCommune, share: 5, basis: 'x' })))
        .detail.en,
    ).toContain('No headcount of Xã Phong Điền');
    expect(
      (
        await refusal(
          setTarget(t.db, sys, {
            period: P26,
            category: CS,
            unitId: u.hue,
            share: 5,
            targetDate: '2032-01-01',
            basis: 'x',
          }),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await refusal(
          setTarget(t.db, sys, {
            period: P26,
            category: CS,
            unitId: u.hue,
            share: 5,
            baselineDate: '2025-12-31',
            basis: 'x',
          }),
        )
      ).detail.vi,
    ).toContain('phải nằm trong thời kỳ');
    await setTarget(t.db, sys, {
      period: P26,
      category: CS,
      unitId: u.hue,
      targetHeadcount: 440,
      basis: 'Quyết định 6/QĐ-UBND',
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'staffing.target.set')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(3); // Hà Nội, Huế, Huế again: the four refusals wrote nothing
    expect(audit[2].before).toMatchObject({ targetHeadcount: 450, basis: 'Quyết định 5/QĐ-UBND' });
    expect(audit[2].after).toMatchObject({ targetHeadcount: 440 });
  });

  it('lets a province officer set targets only inside their province, not their own', async () => {
    const hanoiOfficer = officer('province_officer', u.hanoi);
    await present(u.baDinh, CS, P26, '2026-01-01', 60);
    expect(
      (
        await refusal(
          setTarget(t.db, hanoiOfficer, { period: P26, category: CS, unitId: u.hanoi, share: 5, basis: 'x' }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await refusal(
          setTarget(t.db, hanoiOfficer, { period: P26, category: CS, unitId: u.hueCommune, share: 5, basis: 'x' }),
        )
      ).detail.en,
    ).toContain('outside the scope');
    expect(
      (
        await refusal(
          setTarget(t.db, officer('viewer', u.vn), {
            period: P26,
            category: CS,
            unitId: u.baDinh,
            share: 5,
            basis: 'x',
          }),
        )
      ).status,
    ).toBe(403);
    // 60 × 10 % = 6.
    expect(
      await setTarget(t.db, hanoiOfficer, { period: P26, category: CS, unitId: u.baDinh, share: 10, basis: 'QĐ xã' }),
    ).toMatchObject({ targetHeadcount: 54, setBy: hanoiOfficer.actorLabel });
    const p = await targetProgress(t.db, sys, { period: P26, unitId: u.hanoi, category: CS });
    expect(p.items.map((i) => [i.name, i.isRoot])).toEqual([
      ['Thành phố Hà Nội', true],
      ['Phường Ba Đình', false],
    ]);
    expect((await refusal(setTargetsFromRuleSet(t.db, hanoiOfficer, { period: P26 }))).status).toBe(403);
  });

  it("sets every province's target from the 2026–2031 rule set, by lineage, and lists the one without a baseline", async () => {
    const first = await setTargetsFromRuleSet(t.db, sys, { period: P26 });
    // Hà Nội not merged: ⌈1,000 × 5 %⌉ = 50 → 950. Huế from 2: ⌈500 × 15 %⌉ = 75 → 425. Thử from 3 has no headcount yet.
    expect(first.set.map((s) => [s.code, s.percent, s.baselineHeadcount, s.targetHeadcount])).toEqual([
      ['01', 5, 1000, 950],
      ['46', 15, 500, 425],
    ]);
    expect(first.skipped).toMatchObject([
      { code: '99', formedFrom: 3, en: 'No headcount recorded on or before 2026-01-01.' },
    ]);
    expect(first).toMatchObject({ targetDate: '2031-12-31', ruleSet: { id: 'reduction-2026-2031', version: 1 } });
    await present(thu, CS, P26, '2026-01-01', 2001);
    const again = await setTargetsFromRuleSet(t.db, sys, { period: P26 });
    // 2,001 × 20 % = 400.2, rounded up to 401 (never below the share) → 1,600.
    expect(again.set.find((s) => s.code === '99')).toMatchObject({
      percent: 20,
      targetHeadcount: 1600,
      ruleSetId: 'reduction-2026-2031',
    });
    expect(again.skipped).toEqual([]);
    const h = (await targetProgress(t.db, sys, { period: P26, unitId: u.hanoi, category: CS })).items[0];
    // Day 50 of 2,190 (2026-01-01 → 2031-12-31): 1,000 − 50 × 50 / 2,190 = 998.858…, kept exact; the latest 850 is already below 950
    // (110 cut of the 50 required: 220 %).
    expect(h.points[2]).toMatchObject({ asOf: '2026-02-20', achieved: 110, status: 'on_track' });
    expect(h.points[2].planned).toBe(1000 - (50 * 50) / 2190);
    expect(h).toMatchObject({
      status: 'reached',
      targetHeadcount: 950,
      remainingCut: 0,
      basis: expect.stringContaining('reduction-2026-2031 v1'),
    });
  });

  it('splits the national total by block, showing what is outside any block', async () => {
    await give({ unitId: u.vn }, CS, P22, 1000, 100);
    for (const [target, q] of [
      [{ unitId: u.hanoi }, 300],
      [{ unitId: u.hue }, 200],
      [{ agencyId: ag.bnv }, 150],
      [{ agencyId: ag.vpcp }, 50],
      [{ agencyId: ag.btctw }, 80],
      [{ agencyId: ag.mttqtw }, 20],
      [{ agencyId: ag.xyz }, 10],
    ] as const)
      await give(target, CS, P22, q);
    await give({ unitId: u.vn }, 'commune_cadre', P22, 500);
    await give({ unitId: u.hue }, 'commune_cadre', P22, 100);
    await give({ unitId: u.vn }, PE, P22, 2000, 200);
    await give({ unitId: u.hanoi }, PE, P22, 1000);
    await give({ unitId: oldHue[0] }, PE, P22, 300);
    await give({ unitId: oldHue[1] }, PE, P22, 200);
    for (const [unitId, n] of [
      [u.hanoi, 290],
      [u.baDinh, 40],
      [u.vn, 5],
    ])
      await present(unitId, CS, P22, '2025-12-31', n);
    await recordPresent(t.db, sys, { period: P22, category: CS, agencyId: ag.bnv, asOf: '2025-12-31', present: 140 });
    await present(u.hanoi, PE, P22, '2025-12-31', 1500);
    const r = await blocksReport(t.db, sys, P22);
    const b = Object.fromEntries(r.blocks.map((x) => [x.block, x]));
    // Local: Hà Nội 300 + Huế 200; present 290 + Ba Đình's 40. State: ministry 150 + Government office 50. Party: 80 + Front 20.
    expect(b.local.byCategory[CS]).toEqual({
      quota: 500,
      reserve: 0,
      allocatedBelow: 0,
      available: 500,
      present: 330,
      illustrative: false,
    });
    expect(b.central_state.byCategory[CS]).toEqual({
      quota: 200,
      reserve: 0,
      allocatedBelow: 0,
      available: 200,
      present: 140,
      illustrative: false,
    });
    // No headcount was recorded in the Party block: "no figures" (null), not 0 people.
    expect(b.central_party.byCategory[CS]).toEqual({
      quota: 100,
      reserve: 0,
      allocatedBelow: 0,
      available: 100,
      present: null,
      illustrative: false,
    });
    expect(b.unclassified.members.map((m) => m.code)).toEqual(['central:xyz']);
    // 1,000 − 810 given = 190 outside: 100 reserve + 90 not given; 5 present on the country node itself (475 − 470).
    expect(r.outside.byCategory[CS]).toEqual({ quota: 190, reserve: 100, unallocated: 90, present: 5, mismatch: 0 });
    expect(r.national.byCategory[CS]).toMatchObject({ quota: 1000, allocatedBelow: 810, present: 475 });
    // Public employees: 1,000 + the two old provinces' 300 + 200, all local.
    expect(b.local.byCategory[PE]).toMatchObject({ quota: 1500, reserve: 0, allocatedBelow: 0, present: 1500 });
    expect(r.outside.byCategory.commune_cadre).toMatchObject({ quota: 400, unallocated: 400 });
    expect(r.national.total.quota).toBe(3500);
    expect(b.local.members).toHaveLength(4);
  });

  it("shows a unit's figures across periods with the change, from predecessors where it did not exist yet", async () => {
    await give({ unitId: u.vn }, PE, P26, 1800, 100);
    await give({ unitId: u.hue }, PE, P26, 450);
    await present(u.hanoi, PE, P26, '2026-06-30', 1400);
    const vn = await trendReport(t.db, sys, { category: PE });
    // 2,000 → 1,800: −200, −10 %; reserve 200 → 100: −50 %; present 1,500 → 1,400: −6.67 %. 2031–2036 has nothing: null, not zero.
    expect(vn.items.map((i) => [i.period, i.source, i.quota, i.reserve, i.present])).toEqual([
      [P22, 'own', 2000, 200, 1500],
      [P26, 'own', 1800, 100, 1400],
      ['2031-2036', null, null, null, null],
    ]);
    expect(vn.items[1].change).toEqual({
      quota: { abs: -200, from: 2000 },
      reserve: { abs: -100, from: 200 },
      present: { abs: -100, from: 1500 },
    });
    expect(vn.items[2].change).toBeNull();
    const hue = await trendReport(t.db, sys, { unitId: u.hue, category: PE });
    // Huế had no public-employee row in 2022–2026: its two predecessors' 300 + 200; then its own 450 (−10 %).
    expect(hue.items[0]).toMatchObject({
      source: 'predecessors',
      sources: ['Tỉnh Bình Trị', 'Tỉnh Quảng Thừa'],
      quota: 500,
      present: null,
    });
    expect(hue.items[1]).toMatchObject({
      source: 'own',
      quota: 450,
      change: { quota: { abs: -50, from: 500 }, present: null },
    });
    expect((await trendReport(t.db, sys, {})).items[0].quota).toBe(3500); // all categories of the country in 2022–2026
    // Civil servants in 2026–2031: only headcount was recorded (Hà Nội 850 + Ba Đình 60 + Huế 500 + Thử 2,001), no quota assigned.
    const cs = await trendReport(t.db, sys, { category: CS });
    expect(cs.items[1]).toMatchObject({
      quota: null,
      reserve: null,
      present: 3411,
      change: { quota: null, present: { abs: 3411 - 475 } },
    });
  });

  it('serves the reports and targets over HTTP, scoped like allocation', async () => {
    await createUser(t.db, sys, {
      username: 'hanoi',
      displayName: 'Hà Nội',
      password: 'correct horse battery',
      grants: [{ role: 'province_officer', unitCode: '01' }],
    });
    const app: FastifyInstance = await buildServer(t, loadConfig(), { logger: false });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'hanoi', password: 'correct horse battery' },
      });
      const headers = {
        cookie: `apparatus_session=${login.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
        'x-csrf-token': login.json().csrfToken,
      };
      const own = await app.inject({
        method: 'POST',
        url: '/api/staffing/targets',
        headers,
        payload: { period: P26, category: CS, unitId: u.hanoi, share: 5, basis: 'x' },
      });
      expect(own.statusCode).toBe(403);
      const bad = await app.inject({
        method: 'POST',
        url: '/api/staffing/targets',
        headers,
        payload: { period: P26, category: CS, unitId: u.baDinh, share: 5, targetHeadcount: 50, basis: 'x' },
      });
      expect(bad.statusCode).toBe(400);
      const ok = await app.inject({
        method: 'POST',
        url: '/api/staffing/targets',
        headers,
        payload: { period: P26, category: CS, unitId: u.baDinh, targetHeadcount: 55, basis: 'QĐ 7' },
      });
      expect(ok.json()).toMatchObject({ targetHeadcount: 55, requiredCut: 5 });
      const list = await app.inject({
        url: `/api/staffing/targets?period=${P26}&unitId=${u.hanoi}&category=${CS}`,
        headers,
      });
      expect(
        list.json().items.map((i: { code: string; targetHeadcount: number }) => [i.code, i.targetHeadcount]),
      ).toEqual([
        ['01', 950],
        ['00004', 55],
      ]);
      const blocks = await app.inject({ url: `/api/staffing/blocks?period=${P22}`, headers });
      expect(blocks.json().blocks.map((x: { block: string }) => x.block)).toEqual([
        'central_party',
        'central_state',
        'local',
        'unclassified',
      ]);
      // Another province's figures are outside a province officer's scope; with no unit named, the trend is the officer's own province.
      expect(
        (await app.inject({ url: `/api/staffing/trend?unitId=${u.hue}&category=${PE}`, headers })).statusCode,
      ).toBe(403);
      expect((await app.inject({ url: `/api/staffing/trend?category=${PE}`, headers })).json().unit).toMatchObject({
        name: 'Thành phố Hà Nội',
      });
    } finally {
      await app.close();
    }
  });
});
