// Corrections of a unit's facts (administrative centre, population, area)
// by an officer whose grant covers the unit.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { requireGrantOver } from '../../platform/policy/policy.ts';
import { UNITS } from '../units.policy.ts';
import { lockUnit, updateUnitFacts } from './registry.store.ts';
import type { UnitPatch } from '../units.schemas.ts';

const COLUMNS = { adminCentre: 'admin_centre', population: 'population', areaKm2: 'area_km2' } as const;

export async function editUnit(db: Db, ctx: RequestContext, id: number, patch: UnitPatch) {
  const keys = Object.keys(patch) as (keyof UnitPatch)[];
  if (keys.length === 0) throw badRequest({ vi: 'Không có trường nào để sửa.', en: 'Nothing to change.' });
  await requireGrantOver(db, ctx, UNITS['units.edit'], id);
  return db.transaction().execute(async (trx) => {
    const current = await lockUnit(trx, id);
    if (!current) throw notFound({ vi: `đơn vị số ${id}`, en: `Unit ${id}` });
    const before: Record<string, unknown> = {};
    const set: Record<string, unknown> = {};
    for (const k of keys) {
      before[k] = current[COLUMNS[k]];
      set[COLUMNS[k]] = patch[k];
    }
    const updated = await updateUnitFacts(trx, id, set);
    await recordAudit(trx, ctx, { action: 'units.update', entity: 'unit', entityId: id, before, after: patch });
    return updated;
  });
}
