// Each rule set on worked cases computed by hand (the arithmetic is written out
// in the comments), then on the real registry: the 2026–2031 cut read from lineage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { importVn } from '../../units/import/import.service.ts';
import { VN_DATA_DIR } from '../../cli/demo.ts';
import { loadRuleSet, listRuleSets } from './norms.rulesets.ts';
import { communeByType, distribute, reduction } from './norms.arithmetic.ts';
import { evaluateNorm, reductions } from './norms.service.ts';
import { allocate } from '../quotas/quotas.service.ts';
import { loadStaffingDemo, NATIONAL_2022_2026 } from '../staffing.demo.ts';
import { available } from '../quotas/quotas.service.ts';
import { rollup } from '../reports/reports.rollup.ts';
import { targetProgress } from '../targets/targets.progress.ts';

const d33 = loadRuleSet('decree-33-2023-commune');
const twoTier = loadRuleSet('two-tier-2025-commune');
const cut = loadRuleSet('reduction-2026-2031');
if (d33.kind !== 'commune_by_type' || twoTier.kind !== 'province_distribution' || cut.kind !== 'province_reduction')
  throw new Error('rule-set kinds');

describe('rule sets as data', () => {
  it('every file validates and carries its legal basis and validity', () => {
    const all = listRuleSets();
    expect(all.map((r) => r.id)).toEqual(['decree-33-2023-commune', 'reduction-2026-2031', 'two-tier-2025-commune']);
    for (const r of all) expect(r.legalBasis.length).toBeGreaterThan(0);
    expect(d33).toMatchObject({ validFrom: '2023-08-01', validTo: '2025-07-01' });
  });
});

describe('Decree 33/2023 commune rule, by hand', () => {
  it('ward of an urban district, class I, 30,000 people, 2 km²: 23 + 3 + 0 = 26', () => {
    // standard 15,000; a step is 1/3 of it = 5,000; 30,000 − 15,000 = 15,000 = 3 full steps. Area below 5.5 km².
    const r = communeByType(d33.parameters, {
      name: 'P',
      type: 'ward',
      wardContext: 'urban_district',
      class: 'I',
      mountainous: false,
      population: 30000,
      areaKm2: 2,
    });
    expect(r.steps.map((s) => s.value)).toEqual([23, 3, 0, 17]);
    expect(r).toMatchObject({ value: 26, nonProfessional: 17 });
  });
  it('commune, class II, 20,000 people, 95 km²: 20 + 3 + 2 = 25', () => {
    // standard 8,000 / 30 km²; step 1/2 = 4,000: 12,000 above = 3 steps; 65 km² above = 2 full 30 km².
    const r = communeByType(d33.parameters, {
      name: 'X',
      type: 'commune',
      class: 'II',
      mountainous: false,
      population: 20000,
      areaKm2: 95,
    });
    expect(r).toMatchObject({ value: 25, nonProfessional: 17 });
  });
  it('mountainous commune, class III, 7,400 people, 160 km²: 18 + 0 + 2 = 20', () => {
    // standard 5,000 / 50 km²; step 2,500: 2,400 above is not a full step; 110 km² above = 2 full 50 km².
    expect(
      communeByType(d33.parameters, {
        name: 'X',
        type: 'commune',
        class: 'III',
        mountainous: true,
        population: 7400,
        areaKm2: 160,
      }).value,
    ).toBe(20);
  });
  it('ward of a town, class II, 12,600 people, unknown area: 21 + 3 = 24, and says the area is unknown', () => {
    // standard 5,000; step 2,500: 7,600 above = 3 steps (7,500).
    const r = communeByType(d33.parameters, {
      name: 'P',
      type: 'ward',
      wardContext: 'town',
      class: 'II',
      mountainous: false,
      population: 12600,
      areaKm2: null,
    });
    expect(r.value).toBe(24);
    expect(r.steps[2].en).toBe('No area in the registry: nothing added');
  });
});

describe('2025 two-tier distribution, by hand', () => {
  const units = [
    { code: 'A', name: 'A', population: 10000, areaKm2: 20, special: 0 },
    { code: 'B', name: 'B', population: 30000, areaKm2: 50, special: 1 },
    { code: 'C', name: 'C', population: 60000, areaKm2: 30, special: 1 },
  ];
  it('32 × 3 = 96 split by the default weights 0.5 / 0.25 / 0.15 / 0.1', () => {
    // A: 1/6 + .25×.1 + .15×.2 + 0 = .221667 × 96 = 21.28; B: 1/6 + .075 + .075 + .05 = .366667 → 35.2; C: 1/6 + .15 + .045 + .05 = .411667 → 39.52.
    // Floors 21 + 35 + 39 = 95; the one left goes to the largest remainder (C, .52).
    const d = distribute(twoTier.parameters, units);
    expect(d.total).toBe(96);
    expect(d.units.map((u) => Math.round(u.exact * 100) / 100)).toEqual([21.28, 35.2, 39.52]);
    expect(d.units.map((u) => u.value)).toEqual([21, 35, 40]);
    expect(d.units[2].steps.at(-1)!.en).toContain('rounded by largest remainder: 40');
  });
  it('user weights and a given total: equal only, 100 over 3 = 34 + 33 + 33', () => {
    const d = distribute(twoTier.parameters, units, {
      total: 100,
      weights: { equal: 1, population: 0, area: 0, special: 0 },
    });
    expect(d.units.map((u) => u.value)).toEqual([34, 33, 33]);
  });
  it('a weight with nothing to measure is spread equally and reported', () => {
    // No special factors anywhere: the 0.1 goes to the equal part, 0.6 / 3 = 0.2 each.
    const d = distribute(
      twoTier.parameters,
      units.map((u) => ({ ...u, special: 0 })),
    );
    expect(d.redistributedShare).toBeCloseTo(0.1, 10);
    expect(d.units[0].steps[0].value).toBeCloseTo(0.2, 10);
    expect(d.units.reduce((s, u) => s + u.value, 0)).toBe(96);
  });
});

describe('2026–2031 reduction, by hand', () => {
  it('cuts 15% from 2 provinces, 20% from 3, 5% if not merged, rounded up', () => {
    expect(reduction(cut.parameters, { name: 'X', formedFrom: ['a', 'b'], base: 1000, baseSource: 't' })).toMatchObject(
      { percent: 15, cut: 150, proposed: 850 },
    );
    // 1,234 × 20% = 246.8 → 247.
    expect(
      reduction(cut.parameters, { name: 'X', formedFrom: ['a', 'b', 'c'], base: 1234, baseSource: 't' }),
    ).toMatchObject({ percent: 20, cut: 247, proposed: 987 });
    // 999 × 5% = 49.95 → 50.
    expect(reduction(cut.parameters, { name: 'X', formedFrom: ['a'], base: 999, baseSource: 't' })).toMatchObject({
      percent: 5,
      cut: 50,
      proposed: 949,
    });
    expect(reduction(cut.parameters, { name: 'X', formedFrom: ['a'], base: null, baseSource: '' })).toMatchObject({
      percent: 5,
      cut: null,
    });
  });
});

describe.each(ENGINES)('norms on the real registry on %s', (engine) => {
  let t: TestDb;
  const sys = systemContext('test');
  beforeAll(async () => {
    t = await createTestDb(engine);
    await importVn(t.db, sys, VN_DATA_DIR); // once per engine: the demo and the norms share it
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("loads the demo: Decision 71's 2,234,720, and the commune-level quota shared over the 34 provinces exactly", async () => {
    expect(NATIONAL_2022_2026.reduce((s, n) => s + n.quota, 0)).toBe(2_234_720);
    const r = await loadStaffingDemo(t.db);
    expect(r).toMatchObject({ skipped: false, provinces: 34, hanoiCommunes: 126 });
    const vnId = (await t.db.selectFrom('units').select('id').where('code', '=', 'VN').executeTakeFirstOrThrow()).id;
    const vn = await available(t.db, sys, '2022-2026', { unitId: vnId });
    expect(vn.total.quota).toBe(2_234_720);
    expect(vn.items.find((i) => i.category === 'commune_cadre')).toMatchObject({
      quota: 205_571,
      allocatedBelow: 205_571,
      available: 0,
    });
    const roll = await rollup(t.db, sys, '2022-2026');
    expect(roll.items).toHaveLength(34);
    // Hà Nội gives its whole commune-level quota to its 126 communes (two-tier weights over the province's total).
    const hanoi = roll.items.find((i) => i.code === '01')!.byCategory.commune_cadre;
    expect(hanoi.allocatedBelow).toBe(hanoi.quota);
    expect((await loadStaffingDemo(t.db)).skipped).toBe(true);
  });

  it('the demo tells one story: the same provinces have quota and headcount in both periods, cuts, targets', async () => {
    // Issue 15: in 2022–2026 every headcount was 0 (none recorded), in 2026–2031 every quota "not assigned",
    // and the cuts tab had no 2022–2026 base for Hà Nội although the first tab showed its quota.
    const cuts = new Map(
      (await reductions(t.db, sys, 'reduction-2026-2031', '2026-01-01')).items.map((c) => [c.code, c]),
    );
    const targets = new Map(
      (await targetProgress(t.db, sys, { period: '2026-2031', category: 'cadre_civil_servant' })).items.map((x) => [
        x.code,
        x,
      ]),
    );
    const r22 = await rollup(t.db, sys, '2022-2026'),
      r26 = await rollup(t.db, sys, '2026-2031');
    expect(r22.note).toContain('MINH HỌA');
    expect(r22.node.byCategory.cadre_civil_servant).toMatchObject({ quota: 338_028, illustrative: false }); // Decision 71: official
    expect(r26.node.byCategory.cadre_civil_servant.illustrative).toBe(true); // no official national 2026–2031 total
    for (const [r, period] of [
      [r22, '2022-2026'],
      [r26, '2026-2031'],
    ] as const) {
      expect(r.items, period).toHaveLength(34);
      for (const p of r.items) {
        for (const c of ['cadre_civil_servant', 'commune_cadre']) {
          expect(p.byCategory[c], `${period} ${p.code} ${c}`).toMatchObject({
            quota: expect.any(Number),
            present: expect.any(Number),
            illustrative: true,
          });
        }
      }
    }
    for (const p of r22.items) {
      const cut = cuts.get(p.code)!,
        cs26 = r26.items.find((x) => x.code === p.code)!.byCategory.cadre_civil_servant;
      expect(cut.base, p.code).toBe(p.byCategory.cadre_civil_servant.quota); // the cuts tab's base is the first tab's 2022–2026 quota
      expect(cs26.quota, p.code).toBe(cut.proposed); // and the 2026–2031 quota is what the rule allows
      // The same people whichever period is open; the target starts from them on 2026-01-01.
      expect(cs26.present, p.code).toBe(p.byCategory.cadre_civil_servant.present);
      expect(targets.get(p.code), p.code).toMatchObject({ baselineDate: '2026-01-01', illustrative: true });
    }
  });

  it('reads from lineage: 11 provinces unchanged, 17 from 2, 6 from 3; the cut uses the recorded base', async () => {
    // Tuyên Quang (08) was formed from Tuyên Quang and Hà Giang: give the old ones 1,000 + 1,200 in 2022–2026.
    const id = async (key: string) =>
      (await t.db.selectFrom('units').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
    // The demo gave the country its 338,028 cadre and civil-servant positions (1,700 in reserve) and each new province
    // an illustrative share; take Tuyên Quang's back, so its base is read from the provinces it was formed from.
    const tuyenQuang = (
      await t.db.selectFrom('units').select('id').where('key', '=', 'new:p:08').executeTakeFirstOrThrow()
    ).id;
    await allocate(t.db, sys, {
      period: '2022-2026',
      category: 'cadre_civil_servant',
      unitId: tuyenQuang,
      quota: 0,
      reserve: 0,
    });
    await allocate(t.db, sys, {
      period: '2022-2026',
      category: 'cadre_civil_servant',
      unitId: await id('old:p:08'),
      quota: 1000,
    });
    await allocate(t.db, sys, {
      period: '2022-2026',
      category: 'cadre_civil_servant',
      unitId: await id('old:p:02'),
      quota: 1200,
    });
    const r = await reductions(t.db, sys, 'reduction-2026-2031', '2026-01-01');
    expect(r.provincesByFormedFrom).toEqual({ 1: 11, 2: 17, 3: 6 });
    const tq = r.items.find((i) => i.code === '08')!;
    // 2,200 × 15% = 330 → 1,870.
    expect(tq).toMatchObject({ percent: 15, base: 2200, cut: 330, proposed: 1870 });
    expect(tq.formedFrom.sort()).toEqual(['Tỉnh Hà Giang', 'Tỉnh Tuyên Quang']);
    // Hà Nội's base is the demo's own (illustrative) 2022–2026 quota, and the answer says it is illustrative.
    const hanoiQuota = (await rollup(t.db, sys, '2022-2026')).items.find((i) => i.code === '01')!.byCategory
      .cadre_civil_servant.quota!;
    expect(r.items.find((i) => i.code === '01')).toMatchObject({
      percent: 5,
      base: hanoiQuota,
      baseIllustrative: true,
      baseCategory: 'cadre_civil_servant',
      formedFrom: ['Thành phố Hà Nội'],
    });
    const one = await evaluateNorm(t.db, sys, { ruleSet: 'reduction-2026-2031', unitCode: '08', asOf: '2026-01-01' });
    expect(one.value).toBe(1870);
  });

  it('distributes 32 per commune over a real province, adding up exactly', async () => {
    const r = await evaluateNorm(t.db, sys, { ruleSet: 'two-tier-2025-commune', unitCode: '46', asOf: '2026-01-01' });
    if (!('units' in r) || !('province' in r)) throw new Error('distribution expected');
    expect(r.province!.communes).toBe(40); // Huế: 40 commune-level units from 1 July 2025
    expect(r.total).toBe(32 * 40);
    expect(r.units!.reduce((s: number, u: { value: number }) => s + u.value, 0)).toBe(r.total);
    const oldWard = await evaluateNorm(t.db, sys, { ruleSet: 'decree-33-2023-commune', unitCode: '00004', class: 'I' });
    expect(oldWard.asOf).toBe('2025-06-30'); // the last day the rule was in force: Trúc Bạch, a ward of Ba Đình district
    expect('inputs' in oldWard && oldWard.inputs.wardContext).toBe('urban_district');
  });
});
