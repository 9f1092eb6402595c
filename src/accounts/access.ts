// Access rules, checked in services (not only in the web app). A grant gives a
// role over one unit's subtree; the country unit's subtree is everything.
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { RequestContext, Role } from '../platform/context.ts';
import { forbidden, unauthenticated } from '../platform/errors.ts';

export const ROLE_NAMES: Record<Role, { vi: string; en: string }> = {
  system_admin: { vi: 'quản trị hệ thống', en: 'system administrator' },
  central_officer: { vi: 'cán bộ trung ương', en: 'central officer' },
  province_officer: { vi: 'cán bộ cấp tỉnh', en: 'province officer' },
  commune_officer: { vi: 'cán bộ cấp xã', en: 'commune officer' },
  viewer: { vi: 'người xem', en: 'viewer' },
};

/** Roles that may change data inside their scope. */
export const WRITER_ROLES: Role[] = ['system_admin', 'central_officer', 'province_officer', 'commune_officer'];

export function requireUser(ctx: RequestContext) {
  if (ctx.via === 'cli' || ctx.via === 'system') return null; // local operator with shell access
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}

/** The CLI and the system act with full rights: whoever runs them already holds the database. */
export function requireRole(ctx: RequestContext, roles: Role[]): void {
  const user = requireUser(ctx);
  if (!user) return;
  if (!user.grants.some((g) => roles.includes(g.role))) {
    const names = roles.map((r) => ROLE_NAMES[r]);
    throw forbidden({
      vi: `Việc này cần vai trò ${names.map((n) => n.vi).join(' hoặc ')}.`,
      en: `This needs the role ${names.map((n) => n.en).join(' or ')}.`,
    });
  }
}

/** Is `unitId` inside the subtree of any of the given grant units (following parents)? */
export async function unitWithinAny(db: Db, unitId: number, scopeUnitIds: number[]): Promise<boolean> {
  if (scopeUnitIds.length === 0) return false;
  const row = await sql<{ found: boolean }>`
    with recursive up(id, parent_id) as (
      select id, parent_id from units where id = ${unitId}
      union all
      select u.id, u.parent_id from units u join up on u.id = up.parent_id
    )
    select exists(select 1 from up where id = any(${scopeUnitIds}::bigint[])) as found`.execute(db);
  return row.rows[0]?.found ?? false;
}

/** Refuses unless the caller holds one of `roles` over a subtree that contains `unitId`. */
export async function requireUnitScope(db: Db, ctx: RequestContext, unitId: number, roles: Role[]): Promise<void> {
  const user = requireUser(ctx);
  if (!user) return;
  const scopes = user.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitId);
  if (!(await unitWithinAny(db, unitId, scopes))) {
    throw forbidden({
      vi: 'Đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn.',
      en: 'This unit is outside the scope granted to your account.',
    });
  }
}
