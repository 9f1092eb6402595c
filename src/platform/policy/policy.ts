// One access policy for every operation, deny by default.
//
// Each module declares its rules in one place (`src/<module>/<module>.policy.ts`): who may try an
// operation (anyone, any signed-in user, or some roles) and on which unit their grant must lie. A route
// names its rule in `config.policy`; a route under /api without one stops the server at start-up.
// The role half of a rule is checked here, in onRequest, before the body is read; the unit half needs
// the resource, so the service checks it with `requireGrantOver` / `requireGrantAt` once it has read
// it. docs/access-policy.md is generated from the rules (`npm run docs:policy`), and
// src/platform/policy/policy.matrix.test.ts walks every operation × role × in/out of scope against them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { RequestContext, Role } from '../context.ts';
import { ROLES } from '../context.ts';
import { AppError, forbidden, unauthenticated, type Message } from '../errors.ts';

/** Who may try the operation at all. */
export type Who = 'anyone' | 'signed-in' | readonly Role[];

/**
 * On which unit a caller's grant (of a role in `who`) must lie. The service reads the resource, finds
 * the unit and checks it; `none` and `self` need no unit.
 */
export type On =
  | 'none' //      no resource: the role is the whole rule
  | 'self' //      the caller's own things (inbox, own tokens)
  | 'unit' //      a grant whose subtree holds the resource's unit
  | 'assignee' //  a grant AT the task's unit: the unit that does the work reports on it
  | 'assigner' //  a grant whose subtree holds the unit that assigned the task (the parent task's unit; the country for the program's own tasks)
  | 'reviewer' //  a grant whose subtree holds the parent unit of the task's unit, and not the report's author
  | 'giver'; //    a grant whose subtree holds the unit that gives the quota (the parent's unit; central roles for the country's total)

export interface Rule {
  who: Who;
  on: On;
  /** Changes data: refused to read-only API tokens. */
  writes: boolean;
  /** One line for the policy table. */
  what: Message;
}

export interface NamedRule extends Rule {
  action: string;
}
export type Policy<K extends string> = { readonly [P in K]: NamedRule };

/** A module's rules, keyed by action name ('program.report.review'); the key is kept on each rule. */
export function definePolicy<K extends string>(rules: Record<K, Rule>): Policy<K> {
  return Object.fromEntries(
    Object.entries(rules).map(([action, r]) => [action, { ...(r as Rule), action }]),
  ) as Policy<K>;
}

export const ALL_ROLES = ROLES;
export const WRITERS: readonly Role[] = ['system_admin', 'central_officer', 'province_officer', 'commune_officer'];
export const CENTRAL: readonly Role[] = ['system_admin', 'central_officer'];
export const ADMIN: readonly Role[] = ['system_admin'];

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: NamedRule;
  }
}

/** Documentation routes added by plugins (no config of ours): public, like the API they describe. */
const PUBLIC_DOCS = /^\/api\/(docs($|\/)|openapi\.json$)/;
const PUBLIC_DOC_RULE: NamedRule = {
  action: 'api.docs',
  who: 'anyone',
  on: 'none',
  writes: false,
  what: { vi: 'Tài liệu API', en: 'API documentation' },
};

export interface RouteRule {
  method: string;
  url: string;
  rule: NamedRule;
}

/**
 * Refuses to start with an /api route that names no rule, and checks the role half of each rule before
 * the body is read. Register after the authentication hook (it needs request.ctx) and before any route.
 * Returns the list of routes with their rules, filled as routes register (the docs table reads it).
 */
export function registerPolicy(app: FastifyInstance): RouteRule[] {
  const routes: RouteRule[] = [];
  app.addHook('onRoute', (opts) => {
    if (!opts.url.startsWith('/api/')) return;
    if (PUBLIC_DOCS.test(opts.url)) opts.config = { ...(opts.config ?? {}), policy: PUBLIC_DOC_RULE };
    const rule = (opts.config as { policy?: NamedRule } | undefined)?.policy;
    const methods = ([] as string[]).concat(opts.method as string | string[]);
    if (!rule)
      throw new Error(
        `${methods.join(',')} ${opts.url} has no access policy: add config.policy (see src/platform/policy/policy.ts)`,
      );
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: opts.url, rule });
  });
  // Every /api route has a rule (checked above), so a request without one is not an /api operation.
  app.addHook('onRequest', async (request) => {
    const rule = request.routeOptions.config?.policy;
    if (rule) checkRole(request.ctx, rule);
  });
  return routes;
}

/** Local operators (CLI) and the system itself hold the database already: rules do not bind them. */
const bypasses = (ctx: RequestContext) => ctx.via === 'cli' || ctx.via === 'system';

/** The role half of a rule: signed in, holding one of its roles, and not a read-only token for a write. */
export function checkRole(ctx: RequestContext, rule: Rule): void {
  if (rule.writes && ctx.readOnly) {
    throw new AppError(
      403,
      'read-only-token',
      { vi: 'Mã truy cập chỉ đọc', en: 'Read-only token' },
      {
        vi: 'Mã truy cập API này chỉ được đọc dữ liệu, không được thay đổi. Hãy dùng một mã truy cập có quyền ghi.',
        en: 'This API token may only read data, not change it. Use a token that may write.',
      },
    );
  }
  if (rule.who === 'anyone' || bypasses(ctx)) return;
  if (!ctx.user) throw unauthenticated();
  if (rule.who === 'signed-in') return;
  if (!ctx.user.grants.some((g) => rule.who.includes(g.role))) throw needsRole(rule.who as readonly Role[]);
}

/** Does the caller's role allow this rule (before any resource is known)? The web shows menus by it. */
export function roleAllows(ctx: RequestContext, rule: Rule): boolean {
  try {
    checkRole(ctx, rule);
    return true;
  } catch {
    return false;
  }
}

export const ROLE_NAMES: Record<Role, Message> = {
  system_admin: { vi: 'quản trị hệ thống', en: 'system administrator' },
  central_officer: { vi: 'cán bộ trung ương', en: 'central officer' },
  province_officer: { vi: 'cán bộ cấp tỉnh', en: 'province officer' },
  commune_officer: { vi: 'cán bộ cấp xã', en: 'commune officer' },
  viewer: { vi: 'người xem', en: 'viewer' },
  hr_officer: { vi: 'cán bộ tổ chức cán bộ (nhân sự)', en: 'HR officer' },
};

export function needsRole(roles: readonly Role[]) {
  const names = roles.map((r) => ROLE_NAMES[r]);
  return forbidden({
    vi: `Việc này cần vai trò ${names.map((n) => n.vi).join(' hoặc ')}.`,
    en: `This needs the role ${names.map((n) => n.en).join(' or ')}.`,
  });
}

export const outOfScope = (what: Message = { vi: 'Đơn vị này', en: 'This unit' }) =>
  forbidden({
    vi: `${what.vi} nằm ngoài phạm vi được giao cho tài khoản của bạn.`,
    en: `${what.en} is outside the scope granted to your account.`,
  });

/** The units of the caller's grants whose role the rule admits. */
export function grantUnits(ctx: RequestContext, rule: Rule): number[] {
  const roles = rule.who === 'anyone' || rule.who === 'signed-in' ? ALL_ROLES : rule.who;
  return [...new Set((ctx.user?.grants ?? []).filter((g) => roles.includes(g.role)).map((g) => g.unitId))];
}

/** Is `unitId` inside the subtree of any of the given units (following parents)? */
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

/** Which of `unitIds` the caller may reach under the rule (one query for all of them). */
export async function unitsReachable(db: Db, ctx: RequestContext, rule: Rule, unitIds: number[]): Promise<Set<number>> {
  checkRole(ctx, rule);
  if (bypasses(ctx) || rule.who === 'anyone') return new Set(unitIds);
  const grants = grantUnits(ctx, rule);
  if (unitIds.length === 0 || grants.length === 0) return new Set();
  const r = await sql<{ id: number }>`
    with recursive up(start_id, id) as (
      select id, id from units where id = any(${unitIds}::bigint[])
      union all
      select up.start_id, u.parent_id from up join units u on u.id = up.id where u.parent_id is not null
    ) select distinct start_id as id from up where id = any(${grants}::bigint[])`.execute(db);
  return new Set(r.rows.map((x) => x.id));
}

/** The rule, with the unit half: a grant of one of its roles whose subtree holds `unitId`. */
export async function requireGrantOver(
  db: Db,
  ctx: RequestContext,
  rule: Rule,
  unitId: number,
  what?: Message,
): Promise<void> {
  checkRole(ctx, rule);
  if (bypasses(ctx) || rule.who === 'anyone') return;
  if (!(await unitWithinAny(db, unitId, grantUnits(ctx, rule)))) throw outOfScope(what);
}

/** The rule, with the unit half: a grant of one of its roles AT `unitId` (the unit itself, not one above it). */
export function requireGrantAt(ctx: RequestContext, rule: Rule, unitId: number, what?: Message): void {
  checkRole(ctx, rule);
  if (bypasses(ctx) || rule.who === 'anyone') return;
  if (!grantUnits(ctx, rule).includes(unitId)) throw outOfScope(what);
}

/** Is the request's rule one that only reads? (read-only tokens, the docs table) */
export const isRead = (request: FastifyRequest) => request.routeOptions.config?.policy?.writes === false;
