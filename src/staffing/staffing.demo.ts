// Demo content: two periods that tell one story, every tab showing the same
// provinces with quota, headcount, target and cut.
//
// Official: the 2022–2026 national total of Decision 71-QĐ/TW (2,234,720, split
// by category exactly as decided) and the cut percentages of the 2026–2031 rule
// set (−5/−15/−20 % by how many provinces a province was formed from, MOHA
// document 10989). Everything else is ILLUSTRATIVE — the shared data holds no
// official quota per province or commune, no national 2026–2031 total and no
// headcount — and says so in its decision, source or basis (ILLUSTRATIVE, which
// carries quotas/quotas.figures.ts's mark) and in each period's data note:
// - 2022–2026: each province gets LOCAL_SHARE of the national civil-servant quota
//   (reserve excluded) by population, and the national commune-level quota by
//   its number of communes; the communes in scope (Hà Nội's, or every province's
//   at national scale) share their province's commune-level quota by the 2025
//   two-tier weights; what the country keeps (central agencies, other categories)
//   stays with the country;
// - 2026–2031: each province's civil-servant quota is what the reduction rule
//   allows (its 2022–2026 quota less the cut: the cuts tab's "at most" figure);
//   the central part is cut by CENTRAL_CUT; the other categories are kept;
// - headcount: on 2025-12-31 each quota is filled at a rate drawn per unit (93–99 %
//   for civil servants, 92–108 % for commune level, where staff were kept after the
//   2025 merger), and the same people are counted on 2026-01-01 in both periods
//   (they overlap in 2026); the provinces' 2026–2031 targets follow from that
//   baseline; on 2026-04-01, 07-01 and 10-01 the civil servants move along each
//   province's straight line at 150 %, 110 % or 60 % of its pace in turn (province
//   order by code), recorded in both periods, so the demo shows provinces ahead of
//   and behind the plan and one headcount per province whichever period is open.
import type { Db } from '../platform/db/db.ts';
import { systemContext } from '../platform/context.ts';
import * as store from './quotas/quotas.store.ts';
import { allocate, createPeriod } from './quotas/quotas.service.ts';
import { evaluateNorm, reductions } from './norms/norms.service.ts';
import { recordPresent } from './headcount/headcount.service.ts';
import { setTargetsFromRuleSet } from './targets/targets.service.ts';
import { elapsedShare } from './targets/targets.path.ts';
import { ILLUSTRATIVE_MARK } from './quotas/quotas.figures.ts';

export const DECISION_71 = 'Quyết định 71-QĐ/TW (2022), biên chế của hệ thống chính trị giai đoạn 2022–2026';
export const ILLUSTRATIVE = `${ILLUSTRATIVE_MARK}, không phải số liệu chính thức / ILLUSTRATIVE, not an official figure`;
const NOTE =
  'Dữ liệu demo. Chính thức chỉ có: tổng biên chế cả nước 2022–2026 theo Quyết định 71-QĐ/TW và tỷ lệ cắt giảm 2026–2031 (Văn bản 10989/BNV). ' +
  'Mọi số dưới cấp cả nước, mọi số có mặt, mục tiêu và tổng 2026–2031 là số MINH HỌA. / Demo data: only the 2022–2026 national total (Decision 71-QĐ/TW) ' +
  'and the 2026–2031 cut percentages (MOHA document 10989) are official; every figure below the national total, every headcount and target, and the 2026–2031 totals are ILLUSTRATIVE.';

/** Decision 71-QĐ/TW: quota (including reserve) and reserve per category; the quotas add up to 2,234,720. */
export const NATIONAL_2022_2026 = [
  { category: 'cadre_civil_servant', quota: 336_328 + 1_700, reserve: 1_700 },
  { category: 'public_employee', quota: 1_680_677 + 8_400, reserve: 8_400 },
  { category: 'commune_cadre', quota: 205_571, reserve: 0 },
  { category: 'association', quota: 686, reserve: 0 },
  { category: 'trade_union', quota: 1_358, reserve: 0 },
] as const;

const CS = 'cadre_civil_servant' as const,
  CC = 'commune_cadre' as const;
/** Share of the national civil-servant quota the demo gives the provinces (the rest: central agencies, kept by the country). ILLUSTRATIVE. */
const LOCAL_SHARE = 0.6;
/** The demo's cut of the central civil-servant part for 2026–2031, between document 10989's 5 % (not merged) and 15 % (merged). ILLUSTRATIVE. */
const CENTRAL_CUT = 0.1;
const CLOSE_2022 = '2025-12-31',
  START_2026 = '2026-01-01';
const REDUCTION_DATES = ['2026-04-01', '2026-07-01', '2026-10-01'];
const PACE = [1.5, 1.1, 0.6];

export type DemoScale = 'demo' | 'national';

/** Largest-remainder split of `total` by `weights`, so the parts add up exactly. */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  for (const i of exact
    .map((e, i) => ({ i, r: e - out[i] }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .map((x) => x.i)) {
    if (left-- <= 0) break;
    out[i]++;
  }
  return out;
}

/** A fill rate in [lo, hi] fixed by a unit's code, so every demo database is the same. */
function fill(code: string, lo: number, hi: number) {
  let h = 2166136261;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return lo + (((h >>> 0) % 1000) / 1000) * (hi - lo);
}
const filled = (quota: number, code: string, lo: number, hi: number) => Math.round(quota * fill(code, lo, hi));

/**
 * Loads the demo (once: skipped when period 2022-2026 exists). `scale` 'demo' gives
 * Hà Nội's 126 communes their quota and headcount; 'national' every one of the 3,321
 * communes (the coherence test's national-scale run).
 */
export async function loadStaffingDemo(db: Db, o: { scale?: DemoScale } = {}) {
  const ctx = systemContext('system:demo');
  if (await store.findPeriod(db, '2022-2026')) return { skipped: true };
  const country = await store.unitByCode(db, 'VN', START_2026);
  if (!country) throw new Error('The unit registry must be loaded before the staffing demo (loadDemo does it).');
  const give = (
    period: string,
    category: string,
    unitId: number,
    quota: number,
    reserve: number,
    decisionRef: string,
  ) => allocate(db, ctx, { period, category: category as typeof CS, unitId, quota, reserve, decisionRef });
  const count = (period: string, category: string, unitId: number, asOf: string, present: number) =>
    recordPresent(db, ctx, { period, category: category as typeof CS, unitId, asOf, present, source: ILLUSTRATIVE });
  await createPeriod(db, ctx, {
    code: '2022-2026',
    name: 'Thời kỳ 2022–2026',
    startDate: '2022-01-01',
    endDate: '2027-01-01',
    legalBasis: DECISION_71,
    toleranceShare: 0.95,
    dataNote: NOTE,
  });
  await createPeriod(db, ctx, {
    code: '2026-2031',
    name: 'Thời kỳ 2026–2031',
    startDate: START_2026,
    endDate: '2032-01-01',
    legalBasis: 'Văn bản 10989/BNV (2025): nguyên tắc kế hoạch biên chế 2026–2031',
    toleranceShare: 0.95,
    dataNote: NOTE,
  });

  // 2022–2026 quotas: the country (official), then the provinces, then the communes in scope.
  for (const n of NATIONAL_2022_2026) await give('2022-2026', n.category, country.id, n.quota, n.reserve, DECISION_71);
  const provinces = await Promise.all(
    (await store.provincesAsOf(db, START_2026)).map(async (p) => ({
      ...p,
      population: (await store.findUnit(db, p.id))!.population ?? 0,
      communes: await store.communesOf(db, p.id, START_2026),
    })),
  );
  const cs22 = split(
    Math.round(336_328 * LOCAL_SHARE),
    provinces.map((p) => p.population),
  );
  const cc22 = split(
    205_571,
    provinces.map((p) => p.communes.length),
  );
  const inScope = (code: string) => o.scale === 'national' || code === '01';
  const communeQuotas = new Map<number, number>();
  for (const [i, p] of provinces.entries()) {
    await give('2022-2026', CS, p.id, cs22[i], Math.floor(cs22[i] / 100), ILLUSTRATIVE);
    await give('2022-2026', CC, p.id, cc22[i], 0, ILLUSTRATIVE);
    if (!inScope(p.code)) continue;
    const norm = await evaluateNorm(db, ctx, {
      ruleSet: 'two-tier-2025-commune',
      unitCode: p.code,
      asOf: START_2026,
      total: cc22[i],
    });
    const ids = new Map(p.communes.map((c) => [c.code, c.id]));
    for (const u of 'units' in norm ? (norm.units ?? []) : []) {
      communeQuotas.set(ids.get(u.code)!, u.value);
      await give(
        '2022-2026',
        CC,
        ids.get(u.code)!,
        u.value,
        0,
        `${ILLUSTRATIVE}; two-tier-2025-commune v1, tổng tỉnh / province total ${cc22[i]}`,
      );
    }
  }

  // 2026–2031 quotas: each province at most what the reduction rule allows (the cuts tab's figure).
  const cuts = new Map((await reductions(db, ctx, 'reduction-2026-2031', START_2026)).items.map((c) => [c.code, c]));
  const cs26 = provinces.map((p) => cuts.get(p.code)?.proposed ?? 0);
  const central22 = NATIONAL_2022_2026[0].quota - NATIONAL_2022_2026[0].reserve - cs22.reduce((s, x) => s + x, 0);
  const central26 = Math.floor(central22 * (1 - CENTRAL_CUT));
  for (const n of NATIONAL_2022_2026) {
    const quota = n.category === CS ? cs26.reduce((s, x) => s + x, 0) + central26 + n.reserve : n.quota;
    await give(
      '2026-2031',
      n.category,
      country.id,
      quota,
      n.reserve,
      `${ILLUSTRATIVE}; ${n.category === CS ? `tỉnh theo reduction-2026-2031, trung ương −${CENTRAL_CUT * 100}%` : 'giữ mức 2022–2026'}`,
    );
  }
  for (const [i, p] of provinces.entries()) {
    await give(
      '2026-2031',
      CS,
      p.id,
      cs26[i],
      Math.floor(cs26[i] / 100),
      `${ILLUSTRATIVE}; reduction-2026-2031 v1: ${cs22[i]} − ${cuts.get(p.code)?.cut}`,
    );
    await give('2026-2031', CC, p.id, cc22[i], 0, ILLUSTRATIVE);
  }
  for (const [unitId, q] of communeQuotas) await give('2026-2031', CC, unitId, q, 0, ILLUSTRATIVE);

  // Headcount at the close of 2025, counted again on the first day of 2026–2031: where the people are.
  const both = async (category: string, unitId: number, present: number) => {
    await count('2022-2026', category, unitId, CLOSE_2022, present);
    await count('2022-2026', category, unitId, START_2026, present);
    await count('2026-2031', category, unitId, START_2026, present);
  };
  for (const [i, p] of provinces.entries()) {
    await both(CS, p.id, filled(cs22[i], `cs:${p.code}`, 0.93, 0.99));
    if (!inScope(p.code)) await both(CC, p.id, filled(cc22[i], `cc:${p.code}`, 0.92, 1.08));
  }
  const communeCodes = new Map(provinces.flatMap((p) => p.communes.map((c) => [c.id, c.code] as const)));
  for (const [unitId, q] of communeQuotas)
    await both(CC, unitId, filled(q, `cc:${communeCodes.get(unitId)}`, 0.92, 1.08));
  // What the country keeps: the central civil servants, and the categories no province was given.
  await both(CS, country.id, filled(central22, 'cs:VN', 0.93, 0.99));
  for (const n of NATIONAL_2022_2026.filter((x) => x.category !== CS && x.category !== CC))
    await both(n.category, country.id, filled(n.quota - n.reserve, `${n.category}:VN`, 0.9, 0.98));

  const targets = await loadReductionDemo(db, provinces);
  return {
    skipped: false,
    national: 2_234_720,
    provinces: provinces.length,
    communes: communeQuotas.size,
    hanoiCommunes: provinces.find((p) => p.code === '01')?.communes.length ?? 0,
    targets,
  };
}

/** The 2026–2031 targets of every province from the rule set, and the civil servants' headcounts of 2026 along each straight line. */
async function loadReductionDemo(db: Db, provinces: { id: number; code: string }[]) {
  const ctx = systemContext('system:demo');
  const r = await setTargetsFromRuleSet(db, ctx, {
    period: '2026-2031',
    baselineDate: START_2026,
    basis: `reduction-2026-2031 v1 (Văn bản 10989/BNV); số gốc / baseline: ${ILLUSTRATIVE}`,
  });
  const byCode = new Map(r.set.map((t) => [t.code, t]));
  for (const [i, p] of provinces.entries()) {
    const t = byCode.get(p.code);
    if (!t) continue;
    for (const d of REDUCTION_DATES) {
      const present = t.baselineHeadcount - Math.round(t.requiredCut * elapsedShare(t, d) * PACE[i % PACE.length]);
      for (const period of ['2022-2026', '2026-2031'])
        await recordPresent(db, ctx, { period, category: CS, unitId: p.id, asOf: d, present, source: ILLUSTRATIVE });
    }
  }
  return r.set.length;
}
