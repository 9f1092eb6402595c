// Sign-in, sessions, API tokens and user administration.
import type { Db } from '../platform/db/db.ts';
import type { AuthUser, RequestContext, Role } from '../platform/context.ts';
import { recordAudit } from '../platform/audit/record.ts';
import { badRequest, conflict, notFound, unauthenticated } from '../platform/errors.ts';
import * as store from './accounts.store.ts';
import * as tokenStore from './tokens/tokens.store.ts';
import { announceSignInEnded } from './sessions/sessions.ended.ts';
import { checkRole } from '../platform/policy/policy.ts';
import { ACCOUNTS } from './accounts.policy.ts';
import {
  burnPasswordCheck,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  randomToken,
  sha256,
  verifyPassword,
} from './accounts.passwords.ts';
import { releaseAttempt, reserveAttempt, type ThrottleLimits } from './sessions/sessions.throttle.ts';
import { findUnitByCode, findUnitById } from '../units/registry/registry.store.ts';

export interface LoginLimits extends ThrottleLimits {
  sessionHours: number;
}
export interface SessionResult {
  user: AuthUser;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

async function loadAuthUser(db: Db, row: { id: number; username: string; display_name: string }): Promise<AuthUser> {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    grants: await store.grantsOf(db, row.id),
  };
}

export async function login(
  db: Db,
  ctx: RequestContext,
  input: { username: string; password: string },
  limits: LoginLimits,
): Promise<SessionResult> {
  // Counted before the password is looked at: parallel guesses cannot all pass an unchanged counter.
  await reserveAttempt(db, ctx, input.username, limits);
  const user = await store.findUserByName(db, input.username);
  // Exactly one argon2 verification whatever the name: unknown and inactive accounts take as long as
  // real ones, so timing does not tell which names exist or are switched off.
  const passwordOk = user
    ? await verifyPassword(user.password_hash, input.password)
    : (await burnPasswordCheck(input.password), false);
  if (!user || !user.is_active || !passwordOk) {
    // Recorded in its own transaction: the refusal below must not roll it back.
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, ctx, {
        action: 'auth.login_failed',
        entity: 'user',
        entityId: user?.id ?? null,
        after: { username: input.username, ...(user && !user.is_active ? { inactive: true } : {}) },
      });
    });
    throw unauthenticated({ vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong user name or password.' });
  }
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + limits.sessionHours * 3600_000);
  await db.transaction().execute(async (trx) => {
    await releaseAttempt(trx, ctx, input.username);
    await store.insertSession(trx, {
      tokenHash: sha256(token),
      csrfToken,
      userId: user.id,
      expiresAt,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    await recordAudit(
      trx,
      { ...ctx, user: { id: user.id, username: user.username, displayName: user.display_name, grants: [] } },
      { action: 'auth.login', entity: 'user', entityId: user.id, after: { expiresAt } },
    );
  });
  return { user: await loadAuthUser(db, user), token, csrfToken, expiresAt };
}

export async function logout(db: Db, ctx: RequestContext, token: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await store.deleteSession(trx, sha256(token));
    if (!removed) return;
    await recordAudit(trx, ctx, {
      action: 'auth.logout',
      entity: 'user',
      entityId: removed.user_id,
      before: { sessionId: removed.id },
      after: null,
    });
    await announceSignInEnded(trx, { sessionId: removed.id });
  });
}

export interface Authenticated {
  user: AuthUser;
  csrfToken: string | null;
  via: 'session' | 'token';
  signIn: { sessionId: number | null; tokenId: number | null; expiresAt: Date | null };
  /** A read-only API token: only GET, HEAD and OPTIONS. */
  readOnly: boolean;
}

/** Resolves a session cookie or a bearer token to a user; null when neither is valid. */
export async function authenticate(
  db: Db,
  creds: { sessionToken?: string; bearerToken?: string },
): Promise<Authenticated | null> {
  if (creds.bearerToken) {
    const now = new Date();
    const row = await tokenStore.findLiveApiToken(db, sha256(creds.bearerToken), now);
    if (!row || !row.is_active) return null;
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000)
      await tokenStore.touchApiToken(db, row.token_id, now);
    return {
      user: await loadAuthUser(db, row),
      csrfToken: null,
      via: 'token',
      readOnly: row.read_only,
      signIn: { sessionId: null, tokenId: row.token_id, expiresAt: new Date(row.expires_at) },
    };
  }
  if (creds.sessionToken) {
    const row = await store.findLiveSession(db, sha256(creds.sessionToken));
    if (!row || !row.is_active) return null;
    return {
      user: await loadAuthUser(db, row),
      csrfToken: row.csrf_token,
      via: 'session',
      readOnly: false,
      signIn: { sessionId: row.session_id, tokenId: null, expiresAt: new Date(row.expires_at) },
    };
  }
  return null;
}

export interface NewUserInput {
  username: string;
  displayName: string;
  email?: string | null;
  password: string;
  grants: { role: Role; unitCode?: string; unitId?: number }[];
}

export async function createUser(db: Db, ctx: RequestContext, input: NewUserInput) {
  checkRole(ctx, ACCOUNTS['users.write']);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest({
      vi: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
      en: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
    });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await store.findUserByName(trx, input.username)) {
      throw conflict({
        vi: `Tên đăng nhập "${input.username}" đã có người dùng.`,
        en: `The user name "${input.username}" is taken.`,
      });
    }
    const user = await store.insertUser(trx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      passwordHash,
    });
    for (const g of input.grants) {
      const unit =
        g.unitId !== undefined ? await findUnitById(trx, g.unitId) : await findUnitByCode(trx, g.unitCode ?? '');
      if (!unit)
        throw notFound({
          vi: `đơn vị ${g.unitCode ? `có mã "${g.unitCode}" đang có hiệu lực` : `số ${g.unitId}`}`,
          en: `A unit ${g.unitCode ? `in force with code "${g.unitCode}"` : `with id ${g.unitId}`}`,
        });
      await store.insertGrant(trx, user.id, g.role, unit.id);
    }
    const grants = await store.grantsOf(trx, user.id);
    await recordAudit(trx, ctx, {
      action: 'users.create',
      entity: 'user',
      entityId: user.id,
      after: { username: user.username, displayName: input.displayName, grants },
    });
    return { ...user, grants };
  });
}
