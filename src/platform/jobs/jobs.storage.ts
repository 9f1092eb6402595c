// Where a job's result file lives. Today: in the jobs row itself (bytea), because the one database is the
// only thing every server process shares (no shared disk is assumed), a report is small (the annual report
// is tens of kilobytes), and the file then goes with backups and with the row's access check. The limit
// keeps it that way: a result over it is refused with a message, not stored. Beyond one machine
// (APPARATUS_FILES=s3), results go to the file store (platform/files) instead: fileStoreStorage below, the
// row keeping the file's SHA-256 (`result_storage = 'object'`, `result_ref`); results stored in the row
// before the switch are still read from it.
import { Readable } from 'node:stream';
import type { Db } from '../db/db.ts';
import { AppError } from '../errors.ts';
import type { BlobStore } from '../files/files.blob.ts';
import { recordFile } from '../files/files.service.ts';
import { resultBytes } from './jobs.store.ts';

export const DB_RESULT_LIMIT = 20 * 1024 * 1024;

export interface StoredResult {
  storage: 'db' | 'object';
  ref: string | null;
  bytes: Buffer | null;
}

export interface ResultStorage {
  /** Takes the file of job `jobId` (of media type `mediaType`); what it returns is written to the job's row. */
  put(jobId: number, bytes: Buffer, mediaType?: string): Promise<StoredResult>;
  /** The file back, from what put returned. */
  get(db: Db, jobId: number, stored: { storage: string | null; ref: string | null }): Promise<Buffer | null>;
}

export const databaseStorage: ResultStorage = {
  async put(_jobId, bytes) {
    if (bytes.length > DB_RESULT_LIMIT) {
      throw new AppError(
        413,
        'result-too-large',
        { vi: 'Tệp kết quả quá lớn', en: 'Result too large' },
        {
          vi: `Tệp kết quả (${bytes.length.toLocaleString('vi-VN')} byte) vượt giới hạn ${DB_RESULT_LIMIT.toLocaleString('vi-VN')} byte khi lưu trong cơ sở dữ liệu.`,
          en: `The result file (${bytes.length} bytes) is over the ${DB_RESULT_LIMIT}-byte limit of database storage.`,
        },
      );
    }
    return { storage: 'db', ref: null, bytes };
  },
  async get(db, jobId, stored) {
    if (stored.storage !== 'db') return null;
    const bytes = await resultBytes(db, jobId);
    // PGlite gives bytea as a Uint8Array, pg as a Buffer.
    return bytes === null ? null : Buffer.from(bytes);
  },
};

/** Larger than the database's: the file store streams, and one result is still read whole to be sent. */
export const FILE_RESULT_LIMIT = 200 * 1024 * 1024;

/**
 * Results in the file store: the bytes named by their SHA-256 with their `stored_files` row, the job's row
 * keeping the hash. `files` may still be opening (the disk store creates its folder first).
 */
export function fileStoreStorage(
  db: Db,
  files: BlobStore | Promise<BlobStore>,
  limit = FILE_RESULT_LIMIT,
): ResultStorage {
  return {
    async put(_jobId, bytes, mediaType) {
      const store = await files;
      const blob = await store.put(Readable.from([bytes]), {
        mediaType: mediaType ?? 'application/octet-stream',
        allowed: 'server-made',
        maxBytes: limit,
      });
      await db.transaction().execute((trx) => recordFile(trx, store, blob));
      return { storage: 'object', ref: blob.sha256, bytes: null };
    },
    async get(db, jobId, stored) {
      if (stored.storage !== 'object' || !stored.ref) return databaseStorage.get(db, jobId, stored);
      const stream = await (await files).get(stored.ref);
      if (!stream) return null;
      const parts: Buffer[] = [];
      for await (const chunk of stream) parts.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(parts);
    },
  };
}
