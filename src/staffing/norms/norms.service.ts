// Norms evaluated on units of the registry: gathers each unit's facts
// (type, population, area, lineage, recorded quotas) and runs the rule set's
// evaluator. Every result carries the rule set's legal basis and its steps.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { badRequest, notFound, todayIso } from '../../platform/errors.ts';
import { checkRole } from '../../platform/policy/policy.ts';
import { STAFFING } from '../staffing.policy.ts';
import { readableRoot } from '../staffing.access.ts';
import * as store from '../quotas/quotas.store.ts';
import { loadRuleSet, type RuleSet } from './norms.rulesets.ts';
import { communeByType, distribute, reduction, type Class, type DistributionOptions } from './norms.arithmetic.ts';
import { isIllustrative } from '../quotas/quotas.figures.ts';

export interface NormOptions {
  ruleSet: string;
  unitCode: string;
  asOf?: string;
  class?: Class;
  mountainous?: boolean;
  weights?: DistributionOptions['weights'];
  total?: number;
  /** Special factors per commune code, e.g. { '12345': ['border', 'mountainous'] }. */
  special?: Record<string, string[]>;
  /** A period whose recorded quotas are shown next to the proposal. */
  comparePeriod?: string;
}

const header = (r: RuleSet) => ({
  id: r.id,
  version: r.version,
  kind: r.kind,
  title: r.title,
  legalBasis: r.legalBasis,
  validFrom: r.validFrom,
  validTo: r.validTo,
  status: r.status ?? null,
});

/** A date inside the rule set's validity: today if it is, else the last day it was in force. */
function dateFor(r: RuleSet, asOf?: string) {
  if (asOf) return asOf;
  const today = todayIso();
  if (r.validTo && today >= r.validTo)
    return new Date(Date.parse(`${r.validTo}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return today;
}

async function unitByCode(db: Db, code: string, asOf: string) {
  const u = await store.unitByCode(db, code, asOf);
  if (!u)
    throw notFound({
      vi: `đơn vị mã ${code} đang hiệu lực ngày ${asOf}`,
      en: `A unit with code ${code} in force on ${asOf}`,
    });
  return (await store.findUnit(db, u.id))!;
}

export async function evaluateNorm(db: Db, ctx: RequestContext, o: NormOptions) {
  checkRole(ctx, STAFFING['staffing.read']);
  const rule = loadRuleSet(o.ruleSet);
  const asOf = dateFor(rule, o.asOf);
  const unit = await unitByCode(db, o.unitCode, asOf);
  await readableRoot(db, ctx, unit.id);
  if (rule.kind === 'commune_by_type') {
    if (!['ward', 'commune', 'township'].includes(unit.type))
      throw badRequest({
        vi: `${unit.full_name} không phải xã, phường, thị trấn.`,
        en: `${unit.full_name} is not a commune, ward or township.`,
      });
    if (!o.class)
      throw badRequest({
        vi: 'Cần loại đơn vị hành chính (I, II hoặc III): danh mục không có thông tin này.',
        en: 'Give the class of the unit (I, II or III): the registry does not hold it.',
      });
    const parent = unit.parent_id ? await store.findUnit(db, unit.parent_id) : null;
    const wardContext =
      parent?.type === 'urban_district' ? 'urban_district' : parent?.type === 'town' ? 'town' : 'city';
    const r = communeByType(rule.parameters, {
      name: unit.full_name,
      type: unit.type as 'ward',
      wardContext,
      class: o.class,
      mountainous: o.mountainous ?? false,
      population: unit.population,
      areaKm2: unit.area_km2,
    });
    return {
      ruleSet: header(rule),
      asOf,
      unit: { code: unit.code, name: unit.full_name, type: unit.type, parent: parent?.full_name ?? null },
      inputs: {
        class: o.class,
        mountainous: o.mountainous ?? false,
        wardContext: unit.type === 'ward' ? wardContext : null,
        population: unit.population,
        areaKm2: unit.area_km2,
      },
      ...r,
    };
  }
  if (rule.kind === 'province_distribution') {
    const province = unit.level === 1 ? unit : unit.parent_id ? await store.findUnit(db, unit.parent_id) : null;
    if (!province || province.level !== 1)
      throw badRequest({
        vi: 'Cần một tỉnh hoặc một xã thuộc tỉnh.',
        en: 'Give a province or a commune of a province.',
      });
    const communes = await store.communesOf(db, province.id, asOf);
    if (communes.length === 0)
      throw badRequest({
        vi: `${province.full_name} không có xã nào ngày ${asOf}.`,
        en: `${province.full_name} has no communes on ${asOf}.`,
      });
    const score = (c: { code: string; type: string }) => {
      const factors = new Set([
        ...(o.special?.[c.code] ?? []),
        ...(rule.parameters.unitTypesWithFactor[c.type] ? [rule.parameters.unitTypesWithFactor[c.type]] : []),
      ]);
      return [...factors].reduce((s, f) => s + (rule.parameters.specialFactorScores[f] ?? 0), 0);
    };
    const d = distribute(
      rule.parameters,
      communes.map((c) => ({
        code: c.code,
        name: c.full_name,
        population: c.population,
        areaKm2: c.area_km2,
        special: score(c),
      })),
      { total: o.total, weights: o.weights },
    );
    let current = new Map<number, { quota: number; decisionRef: string | null }>();
    if (o.comparePeriod) {
      const period = await store.findPeriod(db, o.comparePeriod);
      if (period)
        current = await store.quotasOfUnits(
          db,
          period.id,
          communes.map((c) => c.id),
          'commune_cadre',
        );
    }
    const withCurrent = d.units.map((x, i) => {
      const c = current.get(communes[i].id);
      return { ...x, current: c?.quota ?? null, currentIllustrative: isIllustrative(c?.decisionRef) };
    });
    const units = unit.level === 1 ? withCurrent : withCurrent.filter((x) => x.code === unit.code);
    return {
      ruleSet: header(rule),
      asOf,
      province: { code: province.code, name: province.full_name, communes: communes.length },
      total: d.total,
      weights: d.weights,
      sums: d.sums,
      redistributedShare: d.redistributedShare,
      units,
      value: unit.level === 1 ? d.total : units[0].value,
      steps: unit.level === 1 ? [] : units[0].steps,
    };
  }
  if (unit.level !== 1)
    throw badRequest({ vi: 'Quy tắc này áp dụng cho tỉnh.', en: 'This rule applies to provinces.' });
  const r = await provinceReduction(db, rule, unit.id, unit.full_name);
  return {
    ruleSet: header(rule),
    asOf,
    unit: { code: unit.code, name: unit.full_name },
    ...r,
    value: r.proposed,
    steps: r.steps,
  };
}

/** How many provinces a province was formed from (lineage), and its cut against its recorded base. */
async function provinceReduction(
  db: Db,
  rule: Extract<RuleSet, { kind: 'province_reduction' }>,
  provinceId: number,
  name: string,
) {
  const preds = (await store.predecessorLinks(db, provinceId)).filter((p) => p.level === 1);
  const formedFrom = preds.length ? preds.map((p) => p.full_name) : [name];
  const period = await store.findPeriod(db, rule.parameters.baselinePeriod);
  let base: number | null = null,
    baseSource = '',
    baseIllustrative = false;
  if (period) {
    const own = (await store.quotasOfUnits(db, period.id, [provinceId], rule.parameters.baselineCategory)).get(
      provinceId,
    );
    if (own && own.quota > 0) {
      base = own.quota;
      baseSource = `${name}, ${period.code}`;
      baseIllustrative = isIllustrative(own.decisionRef);
    } else {
      const theirs = [
        ...(
          await store.quotasOfUnits(
            db,
            period.id,
            preds.map((p) => p.unit_id),
            rule.parameters.baselineCategory,
          )
        ).values(),
      ];
      if (theirs.length) {
        base = theirs.reduce((s, q) => s + q.quota, 0);
        baseIllustrative = theirs.some((q) => isIllustrative(q.decisionRef));
        baseSource = `tổng của các tỉnh hợp thành / sum of the provinces it was formed from, ${period.code}`;
      }
    }
  }
  // The category and period of the base go with the answer, so a screen can name what the base is.
  return {
    formedFrom,
    baseCategory: rule.parameters.baselineCategory,
    basePeriod: rule.parameters.baselinePeriod,
    baseIllustrative,
    ...reduction(rule.parameters, { name, formedFrom, base, baseSource }),
  };
}

/** The required cut of every province in force, with its reason. */
export async function reductions(db: Db, ctx: RequestContext, ruleSetId = 'reduction-2026-2031', asOf?: string) {
  checkRole(ctx, STAFFING['staffing.national']);
  const rule = loadRuleSet(ruleSetId);
  if (rule.kind !== 'province_reduction')
    throw badRequest({
      vi: `${ruleSetId} không phải quy tắc cắt giảm theo tỉnh.`,
      en: `${ruleSetId} is not a province reduction rule.`,
    });
  const date = asOf ?? todayIso();
  const provinces = await store.provincesAsOf(db, date);
  const items = [];
  for (const p of provinces)
    items.push({ code: p.code, name: p.full_name, ...(await provinceReduction(db, rule, p.id, p.full_name)) });
  const byCount = items.reduce<Record<string, number>>((m, i) => {
    m[i.formedFrom.length] = (m[i.formedFrom.length] ?? 0) + 1;
    return m;
  }, {});
  return { ruleSet: header(rule), asOf: date, provincesByFormedFrom: byCount, items };
}
