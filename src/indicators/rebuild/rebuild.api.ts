// `indicators rebuild`: one unit's figure for one period as known on a date, with the predecessors used.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { requireGrantOver } from '../../platform/policy/policy.ts';
import { INDICATORS } from '../indicators.policy.ts';
import { requireDefinition } from '../definitions/definitions.service.ts';
import { unitByCodeOn } from '../definitions/definitions.store.ts';
import { readFigure } from './rebuild.service.ts';

/** `unitCode` is read as the unit in force on `asOf` (the new province), or a registry key. */
export async function rebuild(
  db: Db,
  ctx: RequestContext,
  code: string,
  unitCode: string,
  period: string,
  asOf: string,
) {
  const def = await requireDefinition(db, code);
  const unit = await unitByCodeOn(db, unitCode, asOf);
  if (!unit)
    throw notFound({
      vi: `đơn vị mã ${unitCode} đang hiệu lực ngày ${asOf}`,
      en: `A unit with code ${unitCode} in force on ${asOf}`,
    });
  await requireGrantOver(db, ctx, INDICATORS['indicators.read'], unit.id, { vi: unit.full_name, en: unit.full_name });
  const r = await readFigure(
    db,
    def,
    { id: unit.id, key: unit.key, code: unit.code, name: unit.full_name, valid_from: unit.valid_from },
    period,
    asOf,
  );
  return {
    indicator: def.code,
    aggregation: def.aggregation,
    unit: { id: unit.id, key: unit.key, code: unit.code, name: unit.full_name },
    period,
    asOf,
    ...r,
  };
}
