// The caller's unit scope for program data. Every read and write of a task,
// report, warning or dashboard goes through here: a grant covers its unit's
// subtree, the country's subtree is everything, the CLI and system see all.
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { RequestContext, Role } from '../platform/context.ts';
import { badRequest, forbidden } from '../platform/errors.ts';
import { requireUser, ROLE_NAMES, unitWithinAny, WRITER_ROLES } from '../accounts/access.ts';
import { ROLES } from '../platform/context.ts';
import { countryUnit } from '../units/units.store.ts';

export const READ_ROLES: Role[] = ROLES;
export { WRITER_ROLES };

/** 'all', or the ids of every unit (at any date) inside the caller's granted subtrees. */
export type Scope = { all: true } | { all: false; unitIds: number[] };

export async function scopeOf(db: Db, ctx: RequestContext, roles: Role[] = READ_ROLES): Promise<Scope> {
  const user = requireUser(ctx);
  if (!user) return { all: true };
  const grantUnits = user.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitId);
  if (grantUnits.length === 0) throw noRole(roles);
  // A grant on the country covers everything: answer before walking ~14,000 units
  // (that walk made every national dashboard request take 130-330 ms on PGlite).
  const national = await db.selectFrom('units').select('id').where('id', 'in', grantUnits).where('level', '=', 0).executeTakeFirst();
  if (national) return { all: true };
  const rows = await sql<{ id: number }>`
    with recursive down(id) as (
      select id from units where id = any(${grantUnits}::bigint[])
      union
      select u.id from units u join down on u.parent_id = down.id
    ) select id from down`.execute(db);
  return { all: false, unitIds: rows.rows.map((r) => r.id) };
}

export function inScope(scope: Scope, unitId: number): boolean {
  return scope.all || scope.unitIds.includes(unitId);
}

/** Refuses unless the unit lies inside the caller's scope for these roles. */
export async function requireUnitIn(db: Db, ctx: RequestContext, unitId: number, roles: Role[] = READ_ROLES): Promise<void> {
  const user = requireUser(ctx);
  if (!user) return;
  const scopes = user.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitId);
  if (scopes.length === 0) throw noRole(roles);
  if (!(await unitWithinAny(db, unitId, scopes))) throw outOfScope();
}

export const outOfScope = () => forbidden({
  vi: 'Nhiệm vụ hoặc đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn.',
  en: 'This task or unit is outside the scope granted to your account.',
});

function noRole(roles: Role[]) {
  const names = roles.map((r) => ROLE_NAMES[r]);
  return forbidden({
    vi: `Việc này cần vai trò ${names.map((n) => n.vi).join(' hoặc ')}.`,
    en: `This needs the role ${names.map((n) => n.en).join(' or ')}.`,
  });
}

/** The country unit (level 0): central tasks belong to it. */
export async function countryUnitId(db: Db): Promise<number> {
  const row = await countryUnit(db);
  if (!row) throw badRequest({ vi: 'Chưa có danh mục đơn vị hành chính: hãy nhập dữ liệu đơn vị trước.', en: 'The unit registry is empty: import the units first.' });
  return row.id;
}
