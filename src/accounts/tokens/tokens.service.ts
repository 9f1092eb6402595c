// API tokens for machine clients: each expires (a default and a maximum
// lifetime), may be read-only, and can be listed and revoked. Making or revoking
// a token needs a signed-in session (or the CLI): a token cannot make tokens,
// so a leaked one cannot outlive its expiry by minting successors.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, forbidden, notFound, unauthenticated } from '../../platform/errors.ts';
import { requireUser } from '../sessions/sessions.access.ts';
import { checkRole, roleAllows } from '../../platform/policy/policy.ts';
import { ACCOUNTS } from '../accounts.policy.ts';
import { announceSignInEnded } from '../sessions/sessions.ended.ts';
import { findUserByName } from '../accounts.store.ts';
import { randomToken, sha256 } from '../accounts.passwords.ts';
import * as store from './tokens.store.ts';

export interface TokenPolicy {
  defaultDays: number;
  maxDays: number;
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

export function presentToken(r: store.TokenRow, now = new Date()) {
  const status: TokenStatus = r.revoked_at ? 'revoked' : new Date(r.expires_at) <= now ? 'expired' : 'active';
  return {
    id: r.id,
    name: r.name,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    readOnly: r.read_only,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
    status,
  };
}

const byTokenRefused = () =>
  forbidden({
    vi: 'Mã truy cập API không được dùng để tạo hay thu hồi mã truy cập. Hãy đăng nhập bằng tài khoản để làm việc này.',
    en: 'An API token cannot create or revoke API tokens. Sign in with your account to do this.',
  });

const tokenNotFound = (id: number) => notFound({ vi: `mã truy cập số ${id}`, en: `API token ${id}` });

/** The owner of a new token: the signed-in user; from the CLI, the named user. */
async function ownerOf(db: Db, ctx: RequestContext, username: string | undefined) {
  if (ctx.via === 'token') throw byTokenRefused();
  const user = requireUser(ctx);
  if (user) return { id: user.id, username: user.username };
  if (!username)
    throw badRequest({
      vi: 'Hãy cho biết mã truy cập cấp cho người dùng nào (--user).',
      en: 'Say which user the token is for (--user).',
    });
  const found = await findUserByName(db, username);
  if (!found) throw notFound({ vi: `người dùng "${username}"`, en: `User "${username}"` });
  if (!found.is_active)
    throw badRequest({ vi: `Tài khoản "${username}" đang bị khóa.`, en: `The account "${username}" is switched off.` });
  return { id: found.id, username: found.username };
}

export interface NewTokenInput {
  name: string;
  expiresInDays?: number;
  readOnly?: boolean;
  username?: string;
}

/** The value is returned once; only its hash is stored. */
export async function createApiToken(db: Db, ctx: RequestContext, input: NewTokenInput, policy: TokenPolicy) {
  const owner = await ownerOf(db, ctx, input.username);
  const days = input.expiresInDays ?? policy.defaultDays;
  if (!Number.isInteger(days) || days < 1 || days > policy.maxDays) {
    throw badRequest({
      vi: `Thời hạn của mã truy cập phải từ 1 đến ${policy.maxDays} ngày, nhận được ${days}.`,
      en: `A token's lifetime must be 1 to ${policy.maxDays} days, got ${days}.`,
    });
  }
  const now = new Date();
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  const token = randomToken('apt_');
  return db.transaction().execute(async (trx) => {
    const { id } = await store.insertApiToken(trx, {
      userId: owner.id,
      name: input.name,
      tokenHash: sha256(token),
      expiresAt,
      readOnly: input.readOnly ?? false,
    });
    const row = (await store.findApiToken(trx, id))!;
    const presented = presentToken(row, now);
    await recordAudit(trx, ctx, { action: 'tokens.create', entity: 'api_token', entityId: id, after: presented });
    return { ...presented, token };
  });
}

export interface TokenListQuery {
  all?: boolean;
  includeEnded?: boolean;
  username?: string;
}

/** Your own tokens; with `all`, everyone's (system administrators and the CLI). */
export async function listApiTokens(db: Db, ctx: RequestContext, query: TokenListQuery) {
  const now = new Date();
  let userId: number | null;
  if (query.all || query.username) {
    checkRole(ctx, ACCOUNTS['tokens.all']);
    if (query.username) {
      const user = await findUserByName(db, query.username);
      if (!user) throw notFound({ vi: `người dùng "${query.username}"`, en: `User "${query.username}"` });
      userId = user.id;
    } else userId = null;
  } else {
    const user = requireUser(ctx);
    if (!user)
      throw badRequest({
        vi: 'Từ dòng lệnh, hãy dùng --all hoặc --user.',
        en: 'From the command line, use --all or --user.',
      });
    userId = user.id;
  }
  const rows = await store.listApiTokens(db, { userId, includeEnded: query.includeEnded ?? false, now });
  return { items: rows.map((r) => presentToken(r, now)) };
}

/** Your own token, or anyone's for a system administrator. Revoking twice changes nothing. */
export async function revokeApiToken(db: Db, ctx: RequestContext, id: number) {
  if (ctx.via === 'token') throw byTokenRefused();
  if (!ctx.user && ctx.via !== 'cli' && ctx.via !== 'system') throw unauthenticated();
  return db.transaction().execute(async (trx) => {
    const row = await store.findApiToken(trx, id);
    const isAdmin = roleAllows(ctx, ACCOUNTS['tokens.all']);
    // Someone else's token is "not found": its existence is none of the caller's business.
    if (!row || (!isAdmin && row.user_id !== ctx.user!.id)) throw tokenNotFound(id);
    const now = new Date();
    const before = presentToken(row, now);
    if (!(await store.revokeApiToken(trx, id, now))) return before;
    await announceSignInEnded(trx, { tokenId: id });
    const after = presentToken((await store.findApiToken(trx, id))!, now);
    await recordAudit(trx, ctx, { action: 'tokens.revoke', entity: 'api_token', entityId: id, before, after });
    return after;
  });
}
