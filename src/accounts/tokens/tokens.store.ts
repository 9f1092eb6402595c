// SQL of API tokens: only the SHA-256 of a token is stored.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

export async function insertApiToken(
  db: Q,
  t: { userId: number; name: string; tokenHash: string; expiresAt: Date; readOnly: boolean },
) {
  return db
    .insertInto('api_tokens')
    .values({
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      created_at: new Date(),
      expires_at: t.expiresAt,
      read_only: t.readOnly,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** The token's owner when the token is neither revoked nor expired (the caller checks the owner is active). */
export function findLiveApiToken(db: Q, tokenHash: string, now: Date) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.read_only',
      'api_tokens.last_used_at',
      'api_tokens.expires_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.is_active',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchApiToken(db: Q, tokenId: number, now: Date) {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute();
}

const TOKEN_COLUMNS = [
  'api_tokens.id',
  'api_tokens.user_id',
  'users.username',
  'users.display_name',
  'api_tokens.name',
  'api_tokens.read_only',
  'api_tokens.created_at',
  'api_tokens.expires_at',
  'api_tokens.last_used_at',
  'api_tokens.revoked_at',
] as const;

/** Tokens newest first; of one user, or of everyone when `userId` is null. */
export function listApiTokens(db: Q, filter: { userId: number | null; includeEnded: boolean; now: Date }) {
  let q = db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id').select(TOKEN_COLUMNS);
  if (filter.userId !== null) q = q.where('api_tokens.user_id', '=', filter.userId);
  if (!filter.includeEnded)
    q = q.where('api_tokens.revoked_at', 'is', null).where('api_tokens.expires_at', '>', filter.now);
  return q.orderBy('api_tokens.id', 'desc').limit(1000).execute();
}

export function findApiToken(db: Q, id: number) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(TOKEN_COLUMNS)
    .where('api_tokens.id', '=', id)
    .executeTakeFirst();
}

export type TokenRow = NonNullable<Awaited<ReturnType<typeof findApiToken>>>;

/** True when this call revoked it (false: it already was). */
export async function revokeApiToken(db: Q, id: number, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
  return row !== undefined;
}

/** Every live token of a user (deactivation): their ids, for the audit record. */
export async function revokeTokensOfUser(db: Q, userId: number, now: Date) {
  const rows = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['id'])
    .execute();
  return rows.map((r) => r.id);
}
