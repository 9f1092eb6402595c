// `indicators rebuild` and GET /api/indicators/rebuild: one unit's figure for one period as known on a date,
// with the predecessors used. The caller's scope over the unit is checked before anything else is read.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { requireGrantOver } from '../../platform/policy/policy.ts';
import { INDICATORS } from '../indicators.policy.ts';
import { requireDefinition } from '../definitions/definitions.service.ts';
import { unitByCodeOn, unitById, type UnitRow } from '../definitions/definitions.store.ts';
import { readFigure } from './rebuild.service.ts';

async function rebuildFor(db: Db, ctx: RequestContext, code: string, unit: UnitRow, period: string, asOf: string) {
  await requireGrantOver(db, ctx, INDICATORS['indicators.read'], unit.id, { vi: unit.full_name, en: unit.full_name });
  const def = await requireDefinition(db, code);
  const at = { id: unit.id, key: unit.key, code: unit.code, name: unit.full_name, valid_from: unit.valid_from };
  const r = await readFigure(db, def, at, period, asOf);
  return {
    indicator: def.code,
    aggregation: def.aggregation,
    unit: { id: unit.id, key: unit.key, code: unit.code, name: unit.full_name },
    period,
    asOf,
    ...r,
  };
}

/** `unitCode` is read as the unit in force on `asOf` (the new province), or a registry key. */
export async function rebuild(
  db: Db,
  ctx: RequestContext,
  code: string,
  unitCode: string,
  period: string,
  asOf: string,
) {
  const unit = await unitByCodeOn(db, unitCode, asOf);
  if (!unit)
    throw notFound({
      vi: `đơn vị mã ${unitCode} đang hiệu lực ngày ${asOf}`,
      en: `A unit with code ${unitCode} in force on ${asOf}`,
    });
  return rebuildFor(db, ctx, code, unit, period, asOf);
}

export async function rebuildById(
  db: Db,
  ctx: RequestContext,
  code: string,
  unitId: number,
  period: string,
  asOf: string,
) {
  const unit = await unitById(db, unitId);
  if (!unit) throw notFound({ vi: `đơn vị số ${unitId}`, en: `Unit ${unitId}` });
  return rebuildFor(db, ctx, code, unit, period, asOf);
}
