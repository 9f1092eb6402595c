// Targets per unit and period, one version per decision (a new decision never overwrites the old one), and
// the national targets 2026–2030 loaded from data/indicators/national-2026-2030.json.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, type Message } from '../../platform/errors.ts';
import { checkRole, requireGrantOver } from '../../platform/policy/policy.ts';
import { INDICATORS } from '../indicators.policy.ts';
import { periodSpan, type PeriodType } from '../definitions/periods.ts';
import { requireDefinition, defineIndicator } from '../definitions/definitions.service.ts';
import { countryUnitId, unitById } from '../definitions/definitions.store.ts';
import { recordValueInTrx } from '../values/values.service.ts';
import { officialValue } from '../values/values.store.ts';
import { NationalFile, type TargetInput } from './targets.schemas.ts';
import * as store from './targets.store.ts';

export const NATIONAL_FILE = path.resolve(import.meta.dirname, '../../../data/indicators/national-2026-2030.json');

/** A target's span: a year ('2030') or a plan period ('2026-2030'), else a period of the indicator's own type. */
export function targetSpan(periodType: string, period: string) {
  if (/^\d{4}-\d{4}$/.test(period)) return periodSpan('period', period);
  if (/^\d{4}$/.test(period)) return periodSpan('year', period);
  return periodSpan(periodType as PeriodType, period);
}

function checkBounds(t: TargetInput): { low: string | null; high: string | null } {
  const need = (ok: boolean, m: Message) => {
    if (!ok) throw badRequest(m);
  };
  if (t.kind === 'point') {
    const v = t.low ?? t.high;
    need(v !== undefined, { vi: 'Chỉ tiêu điểm cần một giá trị.', en: 'A point target needs a value.' });
    return { low: v!, high: v! };
  }
  if (t.kind === 'min') {
    need(t.low !== undefined, { vi: 'Chỉ tiêu tối thiểu cần mức thấp nhất (low).', en: 'A minimum target needs low.' });
    return { low: t.low!, high: null };
  }
  if (t.kind === 'max') {
    need(t.high !== undefined, { vi: 'Chỉ tiêu tối đa cần mức cao nhất (high).', en: 'A maximum target needs high.' });
    return { low: null, high: t.high! };
  }
  need(t.low !== undefined && t.high !== undefined && Number(t.low) < Number(t.high), {
    vi: 'Chỉ tiêu khoảng cần low < high.',
    en: 'A range target needs low < high.',
  });
  return { low: t.low!, high: t.high! };
}

/** Sets a target as a new version with its decision; the same figures again under the same decision are kept as they are. */
export async function setTargetInTrx(
  trx: Db,
  ctx: RequestContext,
  unitId: number,
  t: TargetInput,
  decision: { text: string; on: string },
) {
  const def = await requireDefinition(trx, t.indicator);
  targetSpan(def.period_type, t.period);
  const unit = await unitById(trx, unitId);
  // The level that gives the target: a grant over the unit's parent (central roles for the country).
  if (unit?.parent_id) await requireGrantOver(trx, ctx, INDICATORS['indicators.target'], unit.parent_id);
  else checkRole(ctx, { ...INDICATORS['indicators.target'], who: ['system_admin', 'central_officer'] });
  const { low, high } = checkBounds(t);
  const before = await store.latestVersion(trx, def.code, unitId, t.period);
  const same =
    before &&
    before.target_kind === t.kind &&
    before.low === low &&
    before.high === high &&
    before.per_year === t.per_year &&
    before.decision === decision.text &&
    before.baseline_value === (t.baseline_value ?? null);
  if (same) return { target: before, created: false };
  const id = await store.insertTarget(trx, {
    indicator_code: def.code,
    unit_id: unitId,
    period: t.period,
    version: (before?.version ?? 0) + 1,
    target_kind: t.kind,
    low,
    high,
    per_year: t.per_year,
    baseline_period: t.baseline_period ?? null,
    baseline_value: t.baseline_value ?? null,
    decision: decision.text,
    decided_on: decision.on,
    source: t.source ?? null,
    set_by: ctx.user?.username ?? ctx.actorLabel,
    set_by_id: ctx.user?.id ?? null,
  });
  const after = await store.latestVersion(trx, def.code, unitId, t.period);
  await recordAudit(trx, ctx, {
    action: 'indicators.target.set',
    entity: 'indicator_target',
    entityId: id,
    before,
    after,
  });
  return { target: after!, created: true };
}

/** Loads the national definitions, targets and 2025 baselines (idempotent). */
export async function loadNational(db: Db, ctx: RequestContext, file = NATIONAL_FILE) {
  const data = NationalFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  for (const d of data.definitions) await defineIndicator(db, ctx, d);
  return db.transaction().execute(async (trx) => {
    const country = await countryUnitId(trx);
    if (!country)
      throw badRequest({
        vi: 'Sổ đăng ký chưa có đơn vị cả nước: hãy nạp dữ liệu đơn vị hành chính trước.',
        en: 'The registry has no country unit: import the administrative units first.',
      });
    let targets = 0,
      baselines = 0;
    for (const t of data.targets)
      if ((await setTargetInTrx(trx, ctx, country.id, t, { text: data.decision, on: data.decided_on })).created)
        targets++;
    for (const b of data.baselines) {
      const have = await officialValue(trx, b.indicator, country.id, b.period, '9999-12-31');
      if (have && have.value === b.value) continue;
      await recordValueInTrx(trx, ctx, { ...b, unit: country.key });
      baselines++;
    }
    return { definitions: data.definitions.length, targetsCreated: targets, baselinesRecorded: baselines };
  });
}
