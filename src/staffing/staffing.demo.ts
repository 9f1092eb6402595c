// Demo content: the 2022–2026 period with the real national total of
// Decision 71-QĐ/TW (2,234,720, split by category exactly as decided), then
// ILLUSTRATIVE figures below it — the shared data holds no official quota per
// province or commune, so every figure under the national row says so in its
// decision reference ("MINH HỌA / ILLUSTRATIVE"):
// - each province's commune-level quota is the national commune-level quota
//   shared out by its number of communes (staff are kept after the 2025 merger);
// - Hà Nội's communes get the 2025 two-tier norm (32 per commune, default weights);
// - 2026–2031 progress of reductions: each province's civil-servant headcount on
//   2026-01-01 is the national civil-servant quota of Decision 71 (336,328, reserve
//   excluded) shared out by its number of communes, as if it were all local; the
//   targets come from the reduction-2026-2031 rule set (−5/−15/−20 % by lineage,
//   which is real); the headcounts of 2026-04-01, 07-01 and 10-01 move along the
//   straight line at 150 %, 110 % or 60 % of its pace in turn (province order by
//   code), so the demo shows provinces ahead of and behind the plan.
import type { Db } from '../platform/db.ts';
import { systemContext } from '../platform/context.ts';
import * as store from './staffing.store.ts';
import { allocate, createPeriod } from './staffing.service.ts';
import { evaluateNorm } from './staffing.norms.service.ts';
import { recordPresent } from './staffing.actuals.ts';
import { setTargetsFromRuleSet } from './staffing.targets.ts';
import { elapsedShare } from './staffing.targets.path.ts';

export const DECISION_71 = 'Quyết định 71-QĐ/TW (2022), biên chế của hệ thống chính trị giai đoạn 2022–2026';
export const ILLUSTRATIVE = 'MINH HỌA, không phải số liệu chính thức / ILLUSTRATIVE, not an official figure';

/** Decision 71-QĐ/TW: quota (including reserve) and reserve per category; the quotas add up to 2,234,720. */
export const NATIONAL_2022_2026 = [
  { category: 'cadre_civil_servant', quota: 336_328 + 1_700, reserve: 1_700 },
  { category: 'public_employee', quota: 1_680_677 + 8_400, reserve: 8_400 },
  { category: 'commune_cadre', quota: 205_571, reserve: 0 },
  { category: 'association', quota: 686, reserve: 0 },
  { category: 'trade_union', quota: 1_358, reserve: 0 },
] as const;

/** Largest-remainder split of `total` by `weights`, so the parts add up exactly. */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  for (const i of exact.map((e, i) => ({ i, r: e - out[i] })).sort((a, b) => b.r - a.r || a.i - b.i).map((x) => x.i)) { if (left-- <= 0) break; out[i]++; }
  return out;
}

export async function loadStaffingDemo(db: Db) {
  const ctx = systemContext('system:demo');
  if (await store.findPeriod(db, '2022-2026')) return { skipped: true };
  const country = await store.unitByCode(db, 'VN', '2026-01-01');
  if (!country) throw new Error('The unit registry must be loaded before the staffing demo (loadDemo does it).');
  await createPeriod(db, ctx, { code: '2022-2026', name: 'Thời kỳ 2022–2026', startDate: '2022-01-01', endDate: '2027-01-01', legalBasis: DECISION_71, toleranceShare: 0.95 });
  await createPeriod(db, ctx, { code: '2026-2031', name: 'Thời kỳ 2026–2031', startDate: '2026-01-01', endDate: '2032-01-01', legalBasis: 'Văn bản 10989/BNV (2025): nguyên tắc kế hoạch biên chế 2026–2031', toleranceShare: 0.95 });
  for (const n of NATIONAL_2022_2026) {
    await allocate(db, ctx, { period: '2022-2026', category: n.category, unitId: country.id, quota: n.quota, reserve: n.reserve, decisionRef: DECISION_71 });
  }
  const provinces = await store.provincesAsOf(db, '2026-01-01');
  const communeCounts = await Promise.all(provinces.map(async (p) => (await store.communesOf(db, p.id, '2026-01-01')).length));
  const shares = split(205_571, communeCounts);
  for (const [i, p] of provinces.entries()) {
    await allocate(db, ctx, { period: '2022-2026', category: 'commune_cadre', unitId: p.id, quota: shares[i], decisionRef: ILLUSTRATIVE });
  }
  const hanoi = provinces.find((p) => p.code === '01');
  let hanoiCommunes = 0;
  if (hanoi) {
    const norm = await evaluateNorm(db, ctx, { ruleSet: 'two-tier-2025-commune', unitCode: '01', asOf: '2026-01-01' });
    const communes = new Map((await store.communesOf(db, hanoi.id, '2026-01-01')).map((c) => [c.code, c.id]));
    for (const u of 'units' in norm ? norm.units ?? [] : []) {
      await allocate(db, ctx, { period: '2022-2026', category: 'commune_cadre', unitId: communes.get(u.code)!, quota: u.value, decisionRef: `${ILLUSTRATIVE}; two-tier-2025-commune v1` });
      hanoiCommunes++;
    }
  }
  const targets = await loadReductionDemo(db, provinces, communeCounts);
  return { skipped: false, national: 2_234_720, provinces: provinces.length, hanoiCommunes, targets };
}

const REDUCTION_DATES = ['2026-04-01', '2026-07-01', '2026-10-01'];
const PACE = [1.5, 1.1, 0.6];

/** ILLUSTRATIVE headcounts of 2026 and the 2026–2031 targets of every province (see the header). */
async function loadReductionDemo(db: Db, provinces: { id: number; code: string }[], communeCounts: number[]) {
  const ctx = systemContext('system:demo');
  const period = '2026-2031', category = 'cadre_civil_servant' as const;
  const baseline = split(336_328, communeCounts);
  for (const [i, p] of provinces.entries()) {
    await recordPresent(db, ctx, { period, category, unitId: p.id, asOf: '2026-01-01', present: baseline[i], source: ILLUSTRATIVE });
  }
  const r = await setTargetsFromRuleSet(db, ctx, { period, baselineDate: '2026-01-01', basis: `reduction-2026-2031 v1 (Văn bản 10989/BNV); số gốc / baseline: ${ILLUSTRATIVE}` });
  const byCode = new Map(r.set.map((t) => [t.code, t]));
  for (const [i, p] of provinces.entries()) {
    const t = byCode.get(p.code);
    if (!t) continue;
    for (const d of REDUCTION_DATES) {
      const cut = Math.round(t.requiredCut * elapsedShare(t, d) * PACE[i % PACE.length]);
      await recordPresent(db, ctx, { period, category, unitId: p.id, asOf: d, present: t.baselineHeadcount - cut, source: ILLUSTRATIVE });
    }
  }
  return r.set.length;
}
