// SQL for users, grants, sessions, API tokens and login attempts.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db-schema.ts';
import type { Grant, Role } from '../platform/context.ts';

type Q = Kysely<Database>;

export function findUserByName(db: Q, username: string) {
  return db.selectFrom('users').selectAll().where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Q, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Q, user: { username: string; displayName: string; email: string | null; passwordHash: string }) {
  return db.insertInto('users').values({
    username: user.username, display_name: user.displayName, email: user.email,
    password_hash: user.passwordHash, created_at: new Date(), updated_at: new Date(),
  }).returning(['id', 'username', 'display_name', 'email', 'is_active', 'created_at']).executeTakeFirstOrThrow();
}

export function listUsers(db: Q) {
  return db.selectFrom('users').select(['id', 'username', 'display_name', 'email', 'is_active', 'created_at'])
    .orderBy('username').execute();
}

export async function insertGrant(db: Q, userId: number, role: Role, unitId: number) {
  return db.insertInto('grants').values({ user_id: userId, role, unit_id: unitId, created_at: new Date() })
    .onConflict((oc) => oc.columns(['user_id', 'role', 'unit_id']).doNothing())
    .returning(['id']).executeTakeFirst();
}

export async function grantsOf(db: Q, userId: number): Promise<Grant[]> {
  return (await grantsOfUsers(db, [userId])).get(userId) ?? [];
}

export async function grantsOfUsers(db: Q, userIds: number[]): Promise<Map<number, Grant[]>> {
  const byUser = new Map<number, Grant[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db.selectFrom('grants').innerJoin('units', 'units.id', 'grants.unit_id')
    .select(['grants.user_id', 'grants.role', 'grants.unit_id', 'units.full_name']).where('grants.user_id', 'in', userIds)
    .orderBy('grants.id').execute();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), { role: r.role as Role, unitId: r.unit_id, unitName: r.full_name }]);
  return byUser;
}

export async function insertSession(db: Q, s: { tokenHash: string; csrfToken: string; userId: number; expiresAt: Date; ip: string | null; userAgent: string | null }) {
  await db.insertInto('sessions').values({
    token_hash: s.tokenHash, csrf_token: s.csrfToken, user_id: s.userId, created_at: new Date(),
    expires_at: s.expiresAt, ip: s.ip, user_agent: s.userAgent,
  }).execute();
}

export function findLiveSession(db: Q, tokenHash: string) {
  return db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at', 'users.id', 'users.username', 'users.display_name', 'users.is_active'])
    .where('sessions.token_hash', '=', tokenHash).where('sessions.expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function deleteSession(db: Q, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning(['id', 'user_id']).executeTakeFirst();
}

export function deleteExpiredSessions(db: Q) {
  return db.deleteFrom('sessions').where('expires_at', '<=', new Date()).execute();
}

export async function insertApiToken(db: Q, t: { userId: number; name: string; tokenHash: string }) {
  return db.insertInto('api_tokens').values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: new Date() })
    .returning(['id', 'name', 'created_at']).executeTakeFirstOrThrow();
}

export function findLiveApiToken(db: Q, tokenHash: string) {
  return db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id as token_id', 'users.id', 'users.username', 'users.display_name', 'users.is_active'])
    .where('api_tokens.token_hash', '=', tokenHash).where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchApiToken(db: Q, tokenId: number) {
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', tokenId).execute();
}

export async function insertLoginAttempt(db: Q, username: string, ip: string, succeeded: boolean) {
  await db.insertInto('login_attempts').values({ username: username.toLowerCase(), ip, succeeded, at: new Date() }).execute();
}

/** Failed attempts since `since`, by this user name and from this address. */
export async function countRecentFailures(db: Q, username: string, ip: string, since: Date) {
  const row = await db.selectFrom('login_attempts')
    .select([
      sql<number>`count(*) filter (where username = ${username.toLowerCase()})::int`.as('by_user'),
      sql<number>`count(*) filter (where ip = ${ip})::int`.as('by_ip'),
      sql<Date | null>`min(at)`.as('oldest'),
    ])
    .where('succeeded', '=', false).where('at', '>', since)
    .where((eb) => eb.or([eb('username', '=', username.toLowerCase()), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return row;
}
