// SQL of `stored_files`: what each stored file is. The bytes are in the file store (files.blob.ts).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/db-schema.ts';

type Q = Kysely<Database>;

export interface FileRow {
  sha256: string;
  size: number;
  media_type: string;
  storage: string;
  storage_key: string;
  created_at: Date | string;
}

/**
 * Serialises the database steps about one file (recording it, deleting it) across every server process
 * until the transaction ends, so "the bytes are there" and "the row exists" are decided in one order.
 */
export async function lockFile(trx: Q, sha256: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(727002, hashtext(${sha256}))`.execute(trx);
}

/** Inserts the row unless the same bytes were recorded before; returns the row either way. */
export async function upsertFile(
  trx: Q,
  f: { sha256: string; size: number; mediaType: string; storage: string; key: string },
): Promise<FileRow> {
  await trx
    .insertInto('stored_files')
    .values({ sha256: f.sha256, size: f.size, media_type: f.mediaType, storage: f.storage, storage_key: f.key })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return (await findFile(trx, f.sha256))!;
}

export async function findFile(db: Q, sha256: string): Promise<FileRow | undefined> {
  return db.selectFrom('stored_files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/** Deletes the row; a module's row that references it (foreign key) makes this fail with 23503. */
export async function deleteFileRow(trx: Q, sha256: string): Promise<boolean> {
  const r = await trx.deleteFrom('stored_files').where('sha256', '=', sha256).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
