// The unit half of staffing's read rule (staffing.policy.ts): a unit's or agency's figures are read by
// those whose grant covers it. A read that names no unit starts at the caller's own unit: the country for
// national grants, else the unit of the caller's first grant.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/db-schema.ts';
import type { RequestContext } from '../platform/context.ts';
import { checkRole, grantUnits, requireGrantOver } from '../platform/policy/policy.ts';
import { countryUnit } from '../units/registry/registry.store.ts';
import { notFound } from '../platform/errors.ts';
import { describeTarget, type Target } from './quotas/quotas.nodes.ts';
import { STAFFING } from './staffing.policy.ts';

type Q = Kysely<Database>;
const READ = STAFFING['staffing.read'];

/** The target, described, once the caller may read it. */
export async function readableTarget(db: Q, ctx: RequestContext, target: Target) {
  const d = await describeTarget(db, target);
  await requireGrantOver(db, ctx, READ, d.unitId);
  return d;
}

/** The unit a read starts from: the one named (checked), or the caller's own. */
export async function readableRoot(db: Q, ctx: RequestContext, unitId?: number): Promise<number> {
  checkRole(ctx, READ);
  if (unitId !== undefined) {
    await requireGrantOver(db, ctx, READ, unitId);
    return unitId;
  }
  const country = await countryUnit(db);
  if (!country) throw notFound({ vi: 'đơn vị cả nước trong danh mục', en: 'The country unit of the registry' });
  const own = grantUnits(ctx, READ);
  if (!ctx.user || own.includes(country.id) || own.length === 0) {
    await requireGrantOver(db, ctx, READ, country.id);
    return country.id;
  }
  return own[0];
}
