// `indicators status`: every target in force on a date with the figures known then, the path it requires,
// the gap and a verdict; the figures awaiting acceptance are shown beside the official ones, never in them.
// Warnings: the program's warning engine judges tasks (program_warnings.task_id is required), so an
// indicator off its path raises no warning there yet; the verdict is reported here instead.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { unitsReachable } from '../../platform/policy/policy.ts';
import { INDICATORS } from '../indicators.policy.ts';
import { requireDefinition } from '../definitions/definitions.service.ts';
import { unitNames } from '../definitions/definitions.store.ts';
import { latestByUnitPeriod } from '../values/values.store.ts';
import { targetsInForce } from './targets.store.ts';
import { sdmxCsv } from '../values/values.sdmx.ts';
import { targetSpan } from './targets.service.ts';
import { growthTrack, levelTrack, type Direction, type TargetKind } from './trajectory.ts';

export async function indicatorStatus(db: Db, ctx: RequestContext, code: string, asOf: string) {
  const def = await requireDefinition(db, code);
  const [targets, { official, pending }] = await Promise.all([
    targetsInForce(db, code, asOf),
    latestByUnitPeriod(db, code, asOf),
  ]);
  const unitIds = [...new Set([...targets, ...official, ...pending].map((r) => r.unit_id))];
  const reachable = await unitsReachable(db, ctx, INDICATORS['indicators.read'], unitIds);
  const names = new Map((await unitNames(db, unitIds)).map((u) => [u.id, u]));
  const unit = (id: number) => {
    const u = names.get(id)!;
    return { id, code: u.code, key: u.key, name: u.full_name };
  };
  const inScope = <T extends { unit_id: number }>(rows: T[]) => rows.filter((r) => reachable.has(r.unit_id));

  const tracks = inScope(targets).map((t) => {
    const span = targetSpan(def.period_type, t.period);
    const actuals = new Map<number, number>();
    for (const v of official)
      if (v.unit_id === t.unit_id && /^\d{4}$/.test(v.period)) actuals.set(Number(v.period), Number(v.value));
    const target = {
      kind: t.target_kind as TargetKind,
      low: t.low === null ? null : Number(t.low),
      high: t.high === null ? null : Number(t.high),
      perYear: t.per_year,
      firstYear: span.firstYear,
      lastYear: span.lastYear,
      baseline:
        t.baseline_period && /^\d{4}$/.test(t.baseline_period)
          ? { year: Number(t.baseline_period), value: Number(t.baseline_value) }
          : null,
    };
    const direction = def.direction as Direction;
    const track =
      def.kind === 'growth' && t.per_year
        ? growthTrack(target, direction, actuals)
        : levelTrack(target, direction, def.kind === 'share', actuals);
    return { unit: unit(t.unit_id), target: t, track };
  });
  const present = (v: (typeof official)[number]) => ({
    id: v.id,
    unit: unit(v.unit_id),
    period: v.period,
    value: v.value,
    numerator: v.numerator,
    denominator: v.denominator,
    status: v.status,
    source: v.source,
    knownFrom: v.known_from,
  });
  return {
    indicator: def,
    asOf,
    tracks,
    official: inScope(official).map(present),
    awaitingAcceptance: inScope(pending).map(present),
    warnings: {
      vi: 'Chưa gửi cảnh báo qua bộ cảnh báo của chương trình (bộ này chỉ đánh giá nhiệm vụ).',
      en: "No warning is raised through the program's engine yet (it judges tasks only).",
    },
  };
}

/** The official figures of one indicator known on `asOf`, units in scope, as SDMX-CSV (see values.sdmx.ts). */
export async function indicatorSdmx(db: Db, ctx: RequestContext, code: string, asOf: string) {
  const s = await indicatorStatus(db, ctx, code, asOf);
  return sdmxCsv(
    code,
    s.indicator.unit_en,
    s.official.map((o) => ({
      area: o.unit.key, // old and new units share official codes ('25' was the old Phú Thọ and is the new one)
      period: o.period,
      value: o.value,
      status: o.status,
      source: o.source,
      knownFrom: o.knownFrom,
    })),
  );
}
