// The arithmetic of the norms, pure: each evaluator takes a rule set's
// parameters and a unit's facts and returns the number with one explained step
// per term, so a person can redo the sum by hand.
import type { z } from 'zod';
import type { CommuneByType, ProvinceDistribution, ProvinceReduction } from './norms.rulesets.ts';

export interface Step {
  term: string;
  /** Null when the term has no figure (no percentage for that many provinces, no recorded base): JSON has no NaN. */
  value: number | null;
  vi: string;
  en: string;
}
export type Class = 'I' | 'II' | 'III';

// ---- (a) Decree 33/2023: by unit type and class, plus population and area above the standard.
export interface CommuneFacts {
  name: string;
  type: 'ward' | 'commune' | 'township';
  wardContext?: 'urban_district' | 'city' | 'town';
  class: Class;
  mountainous: boolean;
  population: number | null;
  areaKm2: number | null;
}

export function communeByType(p: z.infer<typeof CommuneByType>['parameters'], u: CommuneFacts) {
  const stdKey =
    u.type === 'ward'
      ? (`ward_${u.wardContext ?? 'city'}` as const)
      : u.type === 'commune' && u.mountainous
        ? 'commune_mountainous'
        : u.type;
  const std = p.standards[stdKey];
  const popShare =
    stdKey === 'ward_urban_district' ? p.populationStepShare.ward_urban_district : p.populationStepShare.default;
  const steps: Step[] = [];
  const base = p.base[u.type][u.class];
  steps.push({
    term: 'base',
    value: base,
    vi: `${u.type} loại ${u.class}: ${base} cán bộ, công chức (Điều 6)`,
    en: `${u.type}, class ${u.class}: ${base} cadres and civil servants (Art. 6)`,
  });
  const popStep = std.population * popShare;
  const popExtra =
    u.population === null || u.population <= std.population
      ? 0
      : Math.floor((u.population - std.population) / popStep + 1e-9);
  steps.push(
    u.population === null
      ? {
          term: 'population',
          value: 0,
          vi: 'Không có số dân trong danh mục: không cộng thêm',
          en: 'No population in the registry: nothing added',
        }
      : {
          term: 'population',
          value: popExtra,
          vi: `Dân số ${u.population} so với chuẩn ${std.population} (${stdKey}); mỗi ${Math.round(popStep)} người vượt chuẩn (${Math.round(popShare * 100) / 100} chuẩn) thêm 1: +${popExtra}`,
          en: `Population ${u.population} against the standard ${std.population} (${stdKey}); +1 per full ${Math.round(popStep)} above it (${Math.round(popShare * 100) / 100} of the standard): +${popExtra}`,
        },
  );
  const areaStep = std.areaKm2 * p.areaStepShare;
  const areaExtra =
    u.areaKm2 === null || u.areaKm2 <= std.areaKm2 ? 0 : Math.floor((u.areaKm2 - std.areaKm2) / areaStep + 1e-9);
  steps.push(
    u.areaKm2 === null
      ? {
          term: 'area',
          value: 0,
          vi: 'Không có diện tích trong danh mục: không cộng thêm',
          en: 'No area in the registry: nothing added',
        }
      : {
          term: 'area',
          value: areaExtra,
          vi: `Diện tích ${u.areaKm2} km² so với chuẩn ${std.areaKm2} km²; mỗi ${areaStep} km² vượt chuẩn thêm 1: +${areaExtra}`,
          en: `Area ${u.areaKm2} km² against the standard ${std.areaKm2} km²; +1 per full ${areaStep} km² above it: +${areaExtra}`,
        },
  );
  const value = base + popExtra + areaExtra;
  const nonProfessional = p.nonProfessional[u.class] + popExtra + areaExtra;
  steps.push({
    term: 'non_professional',
    value: nonProfessional,
    vi: `Người hoạt động không chuyên trách (Điều 33): ${p.nonProfessional[u.class]} + ${popExtra} + ${areaExtra} = ${nonProfessional} (không tính vào số trên)`,
    en: `Non-professional workers (Art. 33): ${p.nonProfessional[u.class]} + ${popExtra} + ${areaExtra} = ${nonProfessional} (not part of the number above)`,
  });
  return { value, nonProfessional, steps };
}

// ---- (b) 2025 two-tier: a province total split over its communes by weighted shares.
export interface DistributionUnit {
  code: string;
  name: string;
  population: number | null;
  areaKm2: number | null;
  special: number;
}
export interface DistributionOptions {
  total?: number;
  weights?: Partial<Record<'equal' | 'population' | 'area' | 'special', number>>;
}

export function distribute(
  p: z.infer<typeof ProvinceDistribution>['parameters'],
  units: DistributionUnit[],
  o: DistributionOptions = {},
) {
  const n = units.length;
  const total = o.total ?? Math.round(p.averagePerCommune * n);
  const w = { ...p.weights, ...o.weights };
  const wSum = w.equal + w.population + w.area + w.special;
  const norm = {
    equal: w.equal / wSum,
    population: w.population / wSum,
    area: w.area / wSum,
    special: w.special / wSum,
  };
  const sum = (f: (u: DistributionUnit) => number) => units.reduce((s, u) => s + f(u), 0);
  const sPop = sum((u) => u.population ?? 0),
    sArea = sum((u) => u.areaKm2 ?? 0),
    sSpecial = sum((u) => u.special);
  const exact = units.map((u) => {
    const terms = {
      equal: norm.equal / n,
      population: sPop > 0 ? (norm.population * (u.population ?? 0)) / sPop : 0,
      area: sArea > 0 ? (norm.area * (u.areaKm2 ?? 0)) / sArea : 0,
      special: sSpecial > 0 ? (norm.special * u.special) / sSpecial : 0,
    };
    const share = terms.equal + terms.population + terms.area + terms.special;
    return { u, terms, share, exact: total * share };
  });
  // A weight whose measure is zero everywhere cannot place anything: its part is spread equally instead, and said so.
  const lost = 1 - exact.reduce((s, e) => s + e.share, 0);
  for (const e of exact) {
    e.terms.equal += lost / n;
    e.share += lost / n;
    e.exact = total * e.share;
  }
  const floors = exact.map((e) => Math.floor(e.exact + 1e-9));
  let left = total - floors.reduce((s, f) => s + f, 0);
  const order = exact.map((e, i) => ({ i, rem: e.exact - floors[i] })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  const bonus = new Set<number>();
  for (const o2 of order) {
    if (left <= 0) break;
    bonus.add(o2.i);
    left--;
  }
  const pct = (x: number) => `${Math.round(x * 100000) / 1000}%`;
  return {
    total,
    weights: norm,
    sums: { population: sPop, areaKm2: sArea, special: sSpecial },
    redistributedShare: lost,
    units: exact.map((e, i) => {
      const value = floors[i] + (bonus.has(i) ? 1 : 0);
      const steps: Step[] = [
        {
          term: 'equal',
          value: e.terms.equal,
          vi: `Phần chia đều: ${pct(e.terms.equal)}`,
          en: `Equal part: ${pct(e.terms.equal)}`,
        },
        {
          term: 'population',
          value: e.terms.population,
          vi:
            e.u.population === null
              ? 'Không có số dân: 0'
              : `Dân số ${e.u.population}/${sPop} × trọng số ${Math.round(norm.population * 1000) / 1000} = ${pct(e.terms.population)}`,
          en:
            e.u.population === null
              ? 'No population in the registry: 0'
              : `Population ${e.u.population}/${sPop} × weight ${Math.round(norm.population * 1000) / 1000} = ${pct(e.terms.population)}`,
        },
        {
          term: 'area',
          value: e.terms.area,
          vi:
            e.u.areaKm2 === null
              ? 'Không có diện tích: 0'
              : `Diện tích ${e.u.areaKm2}/${Math.round(sArea * 100) / 100} km² × trọng số ${Math.round(norm.area * 1000) / 1000} = ${pct(e.terms.area)}`,
          en:
            e.u.areaKm2 === null
              ? 'No area in the registry: 0'
              : `Area ${e.u.areaKm2}/${Math.round(sArea * 100) / 100} km² × weight ${Math.round(norm.area * 1000) / 1000} = ${pct(e.terms.area)}`,
        },
        {
          term: 'special',
          value: e.terms.special,
          vi: `Yếu tố đặc thù ${e.u.special}/${sSpecial} × trọng số ${Math.round(norm.special * 1000) / 1000} = ${pct(e.terms.special)}`,
          en: `Special factors ${e.u.special}/${sSpecial} × weight ${Math.round(norm.special * 1000) / 1000} = ${pct(e.terms.special)}`,
        },
        {
          term: 'result',
          value,
          vi: `${total} × ${pct(e.share)} = ${Math.round(e.exact * 1000) / 1000}, làm tròn theo phần dư lớn nhất: ${value}`,
          en: `${total} × ${pct(e.share)} = ${Math.round(e.exact * 1000) / 1000}, rounded by largest remainder: ${value}`,
        },
      ];
      return { code: e.u.code, name: e.u.name, share: e.share, exact: e.exact, value, steps };
    }),
  };
}

// ---- (c) 2026–2031: the cut by how many provinces a province was formed from.
export function reduction(
  p: z.infer<typeof ProvinceReduction>['parameters'],
  r: { name: string; formedFrom: string[]; base: number | null; baseSource: string },
) {
  const n = r.formedFrom.length;
  const pct = p.cutPercentByProvincesFormedFrom[String(n)];
  const steps: Step[] = [
    {
      term: 'formed_from',
      value: n,
      vi: `Hình thành từ ${n} tỉnh: ${r.formedFrom.join(', ')} (theo lịch sử sắp xếp trong danh mục)`,
      en: `Formed from ${n} province(s): ${r.formedFrom.join(', ')} (from the registry's lineage)`,
    },
  ];
  if (pct === undefined) {
    steps.push({
      term: 'percent',
      value: null,
      vi: `Không có tỷ lệ cho ${n} tỉnh trong bộ quy tắc`,
      en: `The rule set has no percentage for ${n} provinces`,
    });
    return { percent: null, base: r.base, cut: null, proposed: null, steps };
  }
  steps.push({
    term: 'percent',
    value: pct,
    vi: n === 1 ? `Tỉnh không sáp nhập: giảm ${pct}%` : `Tỉnh hình thành từ ${n} tỉnh: giảm ${pct}%`,
    en: n === 1 ? `Province not merged: cut ${pct}%` : `Province formed from ${n} provinces: cut ${pct}%`,
  });
  if (r.base === null) {
    steps.push({
      term: 'base',
      value: null,
      vi: 'Chưa có biên chế 2022–2026 được ghi nhận: chỉ có tỷ lệ',
      en: 'No recorded 2022–2026 quota: the percentage only',
    });
    return { percent: pct, base: null, cut: null, proposed: null, steps };
  }
  const cut = Math.ceil((r.base * pct) / 100 - 1e-9);
  steps.push({
    term: 'base',
    value: r.base,
    vi: `Biên chế công chức được giao 2022–2026: ${r.base} (${r.baseSource})`,
    en: `Civil-servant quota assigned for 2022–2026: ${r.base} (${r.baseSource})`,
  });
  steps.push({ term: 'cut', value: cut, vi: `⌈${r.base} × ${pct}%⌉ = ${cut}`, en: `⌈${r.base} × ${pct}%⌉ = ${cut}` });
  steps.push({
    term: 'proposed',
    value: r.base - cut,
    vi: `Tối đa 2026–2031: ${r.base} − ${cut} = ${r.base - cut}`,
    en: `At most for 2026–2031: ${r.base} − ${cut} = ${r.base - cut}`,
  });
  return { percent: pct, base: r.base, cut, proposed: r.base - cut, steps };
}
