// The caller's unit scope for program data. Every read and write of a task,
// report, warning or dashboard goes through here with its rule from
// program.policy.ts: a grant covers its unit's subtree, the country's subtree
// is everything, the CLI and system see all.
import type { Db } from '../platform/db/db.ts';
import type { RequestContext } from '../platform/context.ts';
import { badRequest } from '../platform/errors.ts';
import { checkRole, grantUnits, requireGrantOver, type Rule } from '../platform/policy/policy.ts';
import { countryUnit } from '../units/registry/registry.store.ts';
import { PROGRAM } from './program.policy.ts';
import { includesCountry, subtreesIds } from './program.places.store.ts';

/** 'all', or the ids of every unit (at any date) inside the caller's granted subtrees. */
export type Scope = { all: true } | { all: false; unitIds: number[] };

export async function scopeOf(db: Db, ctx: RequestContext, rule: Rule = PROGRAM['task.read']): Promise<Scope> {
  checkRole(ctx, rule);
  if (!ctx.user) return { all: true }; // the CLI and the system
  const grants = grantUnits(ctx, rule);
  if (grants.length === 0) return { all: false, unitIds: [] };
  // A grant on the country covers everything: answer before walking ~14,000 units
  // (that walk made every national dashboard request take 130-330 ms on PGlite).
  if (await includesCountry(db, grants)) return { all: true };
  return { all: false, unitIds: await subtreesIds(db, grants) };
}

export function inScope(scope: Scope, unitId: number): boolean {
  return scope.all || scope.unitIds.includes(unitId);
}

const TASK_OR_UNIT = { vi: 'Nhiệm vụ hoặc đơn vị này', en: 'This task or unit' };

/** Refuses unless the unit lies inside the caller's scope for this rule. */
export function requireUnitIn(
  db: Db,
  ctx: RequestContext,
  unitId: number,
  rule: Rule = PROGRAM['task.read'],
): Promise<void> {
  return requireGrantOver(db, ctx, rule, unitId, TASK_OR_UNIT);
}

/** The units of the caller's own grants for a rule (not their subtrees). */
export const ownGrantUnits = (ctx: RequestContext, rule: Rule = PROGRAM['task.read']) => grantUnits(ctx, rule);

/** The country unit (level 0): central tasks belong to it. */
export async function countryUnitId(db: Db): Promise<number> {
  const row = await countryUnit(db);
  if (!row)
    throw badRequest({
      vi: 'Chưa có danh mục đơn vị hành chính: hãy nhập dữ liệu đơn vị trước.',
      en: 'The unit registry is empty: import the units first.',
    });
  return row.id;
}
