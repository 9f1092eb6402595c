// SQL for users, grants, sessions, API tokens and login attempts.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db/db-schema.ts';
import type { Grant, Role } from '../platform/context.ts';

type Q = Kysely<Database>;

export function findUserByName(db: Q, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Q, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Q,
  user: { username: string; displayName: string; email: string | null; passwordHash: string },
) {
  return db
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      email: user.email,
      password_hash: user.passwordHash,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning(['id', 'username', 'display_name', 'email', 'is_active', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function insertGrant(db: Q, userId: number, role: Role, unitId: number) {
  return db
    .insertInto('grants')
    .values({ user_id: userId, role, unit_id: unitId, created_at: new Date() })
    .onConflict((oc) => oc.columns(['user_id', 'role', 'unit_id']).doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

export async function grantsOf(db: Q, userId: number): Promise<Grant[]> {
  return (await grantsOfUsers(db, [userId])).get(userId) ?? [];
}

export async function grantsOfUsers(db: Q, userIds: number[]): Promise<Map<number, Grant[]>> {
  const byUser = new Map<number, Grant[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('grants')
    .innerJoin('units', 'units.id', 'grants.unit_id')
    .select(['grants.user_id', 'grants.role', 'grants.unit_id', 'units.full_name'])
    .where('grants.user_id', 'in', userIds)
    .orderBy('grants.id')
    .execute();
  for (const r of rows)
    byUser.set(r.user_id, [
      ...(byUser.get(r.user_id) ?? []),
      { role: r.role as Role, unitId: r.unit_id, unitName: r.full_name },
    ]);
  return byUser;
}

export async function insertSession(
  db: Q,
  s: {
    tokenHash: string;
    csrfToken: string;
    userId: number;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      csrf_token: s.csrfToken,
      user_id: s.userId,
      created_at: new Date(),
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

export function findLiveSession(db: Q, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.is_active',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function deleteSession(db: Q, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning(['id', 'user_id']).executeTakeFirst();
}

export function deleteExpiredSessions(db: Q) {
  return db.deleteFrom('sessions').where('expires_at', '<=', new Date()).execute();
}

export function deleteSessionsOfUser(db: Q, userId: number) {
  return db.deleteFrom('sessions').where('user_id', '=', userId).returning(['id']).execute();
}

/** A page of users for the administrators' screen, by user name; `q` matches name, display name or e-mail. */
export async function pageUsers(
  db: Q,
  f: { q: string | null; active: boolean | null; limit: number; offset: number; now: Date },
) {
  let base = db.selectFrom('users');
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(username)`, 'like', like),
        eb(sql`lower(display_name)`, 'like', like),
        eb(sql`lower(coalesce(email, ''))`, 'like', like),
      ]),
    );
  }
  if (f.active !== null) base = base.where('is_active', '=', f.active);
  const [{ total }] = await base.select(sql<number>`count(*)::int`.as('total')).execute();
  const items = await base
    .select((eb) => [
      'users.id',
      'users.username',
      'users.display_name',
      'users.email',
      'users.is_active',
      'users.created_at',
      eb
        .selectFrom('sessions')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('sessions.user_id', '=', 'users.id')
        .where('sessions.expires_at', '>', f.now)
        .as('live_sessions'),
      eb
        .selectFrom('api_tokens')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('api_tokens.user_id', '=', 'users.id')
        .where('api_tokens.revoked_at', 'is', null)
        .where('api_tokens.expires_at', '>', f.now)
        .as('live_tokens'),
    ])
    .orderBy(sql`lower(username)`)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total, items };
}

/** Grants with their ids and units, for administration. */
export async function grantRowsOfUsers(db: Q, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('grants')
    .innerJoin('units', 'units.id', 'grants.unit_id')
    .select(['grants.id', 'grants.user_id', 'grants.role', 'grants.unit_id', 'units.code', 'units.full_name'])
    .where('grants.user_id', 'in', userIds)
    .orderBy('grants.id')
    .execute();
}

export function lockUser(db: Q, id: number) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'is_active'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setUserActive(db: Q, id: number, active: boolean) {
  await db.updateTable('users').set({ is_active: active, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function setPasswordHash(db: Q, id: number, hash: string) {
  await db.updateTable('users').set({ password_hash: hash, updated_at: new Date() }).where('id', '=', id).execute();
}

export function deleteGrant(db: Q, userId: number, grantId: number) {
  return db
    .deleteFrom('grants')
    .where('id', '=', grantId)
    .where('user_id', '=', userId)
    .returning(['id', 'role', 'unit_id'])
    .executeTakeFirst();
}

/** Changes to administrators wait for each other, so two of them cannot remove the last one together. */
export async function lockAdministrators(trx: Q) {
  await sql`select pg_advisory_xact_lock(727002)`.execute(trx);
}

export async function countActiveAdministrators(db: Q): Promise<number> {
  const row = await db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select(sql<number>`count(distinct users.id)::int`.as('n'))
    .where('grants.role', '=', 'system_admin')
    .where('users.is_active', '=', true)
    .executeTakeFirstOrThrow();
  return row.n;
}
