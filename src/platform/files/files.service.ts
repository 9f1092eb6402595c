// The file store as modules use it: bytes in the configured store (files.blob.ts), one row per file in
// `stored_files` (files.store.ts) that the module's own rows reference, inside the module's transaction.
//
// Order keeps the two in agreement: bytes are stored before their row is written, and deleted only after
// their row is gone, each step about one file under the same advisory lock. So a row never points at
// missing bytes; a crash between the steps leaves at most bytes without a row (harmless: the next upload of
// the same bytes finds them, and they are never served without a row).
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../config.ts';
import type { Db } from '../db/db.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { diskKeyOf, s3KeyOf, type BlobStore, type PutOptions, type StoredBlob } from './files.blob.ts';
import { DiskStore } from './files.disk.ts';
import * as store from './files.store.ts';

/** The store the configuration names (APPARATUS_FILES): a folder under the data folder by default. */
export async function openFileStore(config: Pick<Config, 'files' | 'dataDir'>): Promise<BlobStore> {
  const f = config.files;
  if (f.kind === 's3') {
    // Loaded only here: the AWS SDK is large, and the default (disk) never needs it.
    const { S3Store, s3Client } = await import('./files.s3.ts');
    return new S3Store(s3Client(f), f.bucket, f.prefix);
  }
  return new DiskStore(f.dir ?? path.join(config.dataDir, 'files')).open();
}

/**
 * The configured store, opened at its first use: the server holds one from its start (`app.files`) without
 * touching the disk or loading the AWS SDK until a module stores or reads a file.
 */
export function lazyFileStore(config: Pick<Config, 'files' | 'dataDir'>): BlobStore {
  let opened: Promise<BlobStore> | null = null;
  const store = () => (opened ??= openFileStore(config));
  const f = config.files;
  return {
    kind: f.kind,
    keyOf: (sha256) => (f.kind === 's3' ? s3KeyOf(f.prefix, sha256) : diskKeyOf(sha256)),
    put: async (body, options) => (await store()).put(body, options),
    get: async (sha256) => (await store()).get(sha256),
    head: async (sha256) => (await store()).head(sha256),
    delete: async (sha256) => (await store()).delete(sha256),
  };
}

const goneMeanwhile = () =>
  conflict({
    vi: 'Tệp vừa bị xoá trong lúc đang được gửi lên. Hãy gửi lại tệp.',
    en: 'The file was deleted while it was being uploaded. Send it again.',
  });

/**
 * Writes the row of stored bytes, in the caller's transaction (with the module's own row that references it
 * and its audit record). Checks, under the file's lock, that the bytes are still there.
 */
export async function recordFile(trx: Db, files: BlobStore, blob: StoredBlob): Promise<store.FileRow> {
  await store.lockFile(trx, blob.sha256);
  if (!(await files.head(blob.sha256))) throw goneMeanwhile();
  return store.upsertFile(trx, blob);
}

/** After a failed transaction: removes bytes this upload created if no row came to use them. */
export async function discardUnrecorded(db: Db, files: BlobStore, blob: StoredBlob): Promise<void> {
  if (!blob.created) return;
  await db.transaction().execute(async (trx) => {
    await store.lockFile(trx, blob.sha256);
    if (!(await store.findFile(trx, blob.sha256))) await files.delete(blob.sha256);
  });
}

/**
 * Stores the bytes, then runs `use` in a transaction after the file's row is written: the module inserts its
 * row referencing `row.sha256` and its audit record there. If anything fails, bytes this call stored are
 * removed again (bytes that were there before stay).
 */
export async function saveFile<T>(
  db: Db,
  files: BlobStore,
  body: Readable | AsyncIterable<Uint8Array>,
  options: PutOptions,
  use: (trx: Db, row: store.FileRow) => Promise<T>,
): Promise<T> {
  const blob = await files.put(body, options);
  try {
    return await db.transaction().execute(async (trx) => use(trx, await recordFile(trx, files, blob)));
  } catch (err) {
    await discardUnrecorded(db, files, blob).catch(() => {});
    throw err;
  }
}

/** A file's row and bytes; the caller has checked that the person may see the row that references it. */
export async function openFile(
  db: Db,
  files: BlobStore,
  sha256: string,
): Promise<{ row: store.FileRow; stream: Readable }> {
  const row = /^[0-9a-f]{64}$/.test(sha256) ? await store.findFile(db, sha256) : undefined;
  if (!row) throw notFound({ vi: `tệp ${sha256.slice(0, 12)}`, en: `File ${sha256.slice(0, 12)}` });
  if (row.storage !== files.kind) {
    throw new AppError(
      503,
      'file-store-mismatch',
      { vi: 'Tệp ở kho lưu trữ khác', en: 'File in another store' },
      {
        vi: `Tệp ${sha256.slice(0, 12)} được lưu ở kho "${row.storage}" nhưng máy chủ đang dùng kho "${files.kind}" (APPARATUS_FILES). Hãy báo quản trị hệ thống chuyển các tệp sang kho mới.`,
        en: `File ${sha256.slice(0, 12)} is kept in the "${row.storage}" store but the server uses the "${files.kind}" store (APPARATUS_FILES). Ask the administrator to move the files to the new store.`,
      },
    );
  }
  const stream = await files.get(sha256);
  if (!stream) throw new Error(`files: the row of ${sha256} exists but the ${files.kind} store has no bytes`);
  return { row, stream };
}

/** Deletes a file no row of any module references any more (a foreign key refuses otherwise: 409). */
export async function deleteFile(db: Db, files: BlobStore, sha256: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await store.lockFile(trx, sha256);
    let deleted: boolean;
    try {
      deleted = await store.deleteFileRow(trx, sha256);
    } catch (err) {
      if ((err as { code?: string }).code === '23503') {
        throw conflict({
          vi: `Tệp ${sha256.slice(0, 12)} vẫn đang được dùng nên không xoá được. Hãy gỡ tệp khỏi nơi đang dùng trước.`,
          en: `File ${sha256.slice(0, 12)} is still in use and cannot be deleted. Remove it from where it is used first.`,
        });
      }
      throw err;
    }
    // Under the lock, before the commit: no upload of the same bytes can record a row in between.
    if (deleted) await files.delete(sha256);
    return deleted;
  });
}
