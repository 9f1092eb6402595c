// Administration of accounts (system administrators): the user list, switching
// accounts off and on, role grants and password resets. Every change is one
// transaction with its audit record, before and after. Switching an account off
// ends its sessions and revokes its API tokens at once; nobody can remove the
// last active system administrator.
import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext, Role } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { findUnitById, findUnitByCode } from '../../units/registry/registry.store.ts';
import * as store from '../accounts.store.ts';
import { revokeTokensOfUser } from '../tokens/tokens.store.ts';
import { checkRole, ROLE_NAMES } from '../../platform/policy/policy.ts';
import { ACCOUNTS } from '../accounts.policy.ts';
import { announceSignInEnded } from '../sessions/sessions.ended.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../accounts.passwords.ts';

type Q = Kysely<Database>;

const userNotFound = (id: number) => notFound({ vi: `người dùng số ${id}`, en: `User ${id}` });

async function grantsOf(db: Q, userIds: number[]) {
  const rows = await store.grantRowsOfUsers(db, userIds);
  const byUser = new Map<number, { id: number; role: Role; unitId: number; unitCode: string; unitName: string }[]>();
  for (const r of rows) {
    byUser.set(r.user_id, [
      ...(byUser.get(r.user_id) ?? []),
      { id: r.id, role: r.role as Role, unitId: r.unit_id, unitCode: r.code, unitName: r.full_name },
    ]);
  }
  return byUser;
}

export interface UserPageQuery {
  q?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

export async function listUsers(db: Db, ctx: RequestContext, query: UserPageQuery) {
  checkRole(ctx, ACCOUNTS['users.read']);
  const page = await store.pageUsers(db, {
    q: query.q?.trim() || null,
    active: query.active ?? null,
    limit: query.limit,
    offset: query.offset,
    now: new Date(),
  });
  const grants = await grantsOf(
    db,
    page.items.map((u) => u.id),
  );
  return {
    total: page.total,
    limit: query.limit,
    offset: query.offset,
    items: page.items.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      email: u.email,
      isActive: u.is_active,
      createdAt: u.created_at,
      liveSessions: u.live_sessions ?? 0,
      liveTokens: u.live_tokens ?? 0,
      grants: grants.get(u.id) ?? [],
    })),
  };
}

/** The state the audit log keeps before and after a change to a user. */
async function snapshot(trx: Q, id: number) {
  const user = await store.findUserById(trx, id);
  if (!user) throw userNotFound(id);
  const grants = (await grantsOf(trx, [id])).get(id) ?? [];
  return {
    id,
    username: user.username,
    displayName: user.display_name,
    isActive: user.is_active,
    grants: grants.map((g) => ({ id: g.id, role: g.role, unitCode: g.unitCode, unitName: g.unitName })),
  };
}

/** Runs `change` on a locked user; refuses if it would take away the last active system administrator. */
async function changeUser<T>(
  db: Db,
  ctx: RequestContext,
  id: number,
  change: (trx: Q, user: NonNullable<Awaited<ReturnType<typeof store.lockUser>>>) => Promise<T>,
) {
  checkRole(ctx, ACCOUNTS['users.write']);
  return db.transaction().execute(async (trx) => {
    await store.lockAdministrators(trx);
    const user = await store.lockUser(trx, id);
    if (!user) throw userNotFound(id);
    const adminsBefore = await store.countActiveAdministrators(trx);
    const result = await change(trx, user);
    // Only a change that removes the last one is refused (a fresh database, set up from the CLI, has none yet).
    if (adminsBefore > 0 && (await store.countActiveAdministrators(trx)) === 0) {
      throw conflict({
        vi: 'Không thể bỏ quản trị viên hệ thống cuối cùng đang hoạt động: hãy giao vai trò này cho một tài khoản khác trước.',
        en: 'This would leave no active system administrator: grant the role to another account first.',
      });
    }
    return result;
  });
}

export async function deactivateUser(db: Db, ctx: RequestContext, id: number) {
  if (ctx.user?.id === id) {
    throw forbidden({
      vi: 'Bạn không thể tự khóa tài khoản của mình; hãy nhờ một quản trị viên khác.',
      en: 'You cannot switch off your own account; ask another administrator.',
    });
  }
  return changeUser(db, ctx, id, async (trx, user) => {
    const before = await snapshot(trx, id);
    if (!user.is_active) return { ...before, sessionsEnded: 0, tokensRevoked: 0 };
    const now = new Date();
    await store.setUserActive(trx, id, false);
    // At once: the next request of any of its sessions or tokens is refused.
    const sessions = await store.deleteSessionsOfUser(trx, id);
    const tokens = await revokeTokensOfUser(trx, id, now);
    // Live streams of every server process close too, when this commits.
    await announceSignInEnded(trx, { userId: id });
    const after = { ...(await snapshot(trx, id)), sessionsEnded: sessions.length, tokensRevoked: tokens.length };
    await recordAudit(trx, ctx, {
      action: 'users.deactivate',
      entity: 'user',
      entityId: id,
      before,
      after: { ...after, revokedTokenIds: tokens },
    });
    return after;
  });
}

export async function reactivateUser(db: Db, ctx: RequestContext, id: number) {
  return changeUser(db, ctx, id, async (trx, user) => {
    const before = await snapshot(trx, id);
    if (user.is_active) return before;
    // Revoked tokens stay revoked: the owner makes new ones if still needed.
    await store.setUserActive(trx, id, true);
    const after = await snapshot(trx, id);
    await recordAudit(trx, ctx, { action: 'users.reactivate', entity: 'user', entityId: id, before, after });
    return after;
  });
}

export async function addGrant(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: { role: Role; unitId?: number; unitCode?: string },
) {
  return changeUser(db, ctx, id, async (trx) => {
    const unit =
      input.unitId !== undefined
        ? await findUnitById(trx, input.unitId)
        : input.unitCode
          ? await findUnitByCode(trx, input.unitCode)
          : undefined;
    if (!unit) {
      if (input.unitId === undefined && !input.unitCode)
        throw badRequest({ vi: 'Hãy chọn đơn vị của vai trò.', en: 'Choose the unit the role covers.' });
      throw notFound({
        vi: `đơn vị ${input.unitCode ?? `số ${input.unitId}`}`,
        en: `Unit ${input.unitCode ?? input.unitId}`,
      });
    }
    const before = await snapshot(trx, id);
    const inserted = await store.insertGrant(trx, id, input.role, unit.id);
    if (!inserted) {
      throw conflict({
        vi: `Tài khoản đã có vai trò ${ROLE_NAMES[input.role].vi} tại ${unit.full_name}.`,
        en: `The account already holds the role ${ROLE_NAMES[input.role].en} at ${unit.full_name}.`,
      });
    }
    const after = await snapshot(trx, id);
    await recordAudit(trx, ctx, { action: 'grants.create', entity: 'user', entityId: id, before, after });
    return after;
  });
}

export async function revokeGrant(db: Db, ctx: RequestContext, id: number, grantId: number) {
  return changeUser(db, ctx, id, async (trx) => {
    const before = await snapshot(trx, id);
    const removed = await store.deleteGrant(trx, id, grantId);
    if (!removed)
      throw notFound({ vi: `vai trò số ${grantId} của người dùng này`, en: `Grant ${grantId} of this user` });
    const after = await snapshot(trx, id);
    await recordAudit(trx, ctx, { action: 'grants.revoke', entity: 'user', entityId: id, before, after });
    return after;
  });
}

/** An administrator sets a new password (the user forgot theirs): every session of the account ends. */
export async function resetPassword(db: Db, ctx: RequestContext, id: number, password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest({
      vi: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
      en: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
    });
  }
  checkRole(ctx, ACCOUNTS['users.write']);
  const hash = await hashPassword(password);
  return changeUser(db, ctx, id, async (trx) => {
    const before = await snapshot(trx, id);
    await store.setPasswordHash(trx, id, hash);
    const sessions = await store.deleteSessionsOfUser(trx, id);
    for (const session of sessions) await announceSignInEnded(trx, { sessionId: session.id });
    // The hash itself never goes into the audit log.
    await recordAudit(trx, ctx, {
      action: 'users.password_reset',
      entity: 'user',
      entityId: id,
      before,
      after: { ...before, passwordChanged: true, sessionsEnded: sessions.length },
    });
    return before;
  });
}
