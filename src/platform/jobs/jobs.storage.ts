// Where a job's result file lives. Today: in the jobs row itself (bytea), because the one database is the
// only thing every server process shares (no shared disk is assumed), a report is small (the annual report
// is tens of kilobytes), and the file then goes with backups and with the row's access check. The limit
// keeps it that way: a result over it is refused with a message, not stored. Beyond one machine with
// larger files, an object store (S3-compatible) implements the same interface and the row keeps its key
// (`result_storage = 'object'`, `result_ref`).
import type { Db } from '../db/db.ts';
import { AppError } from '../errors.ts';
import { resultBytes } from './jobs.store.ts';

export const DB_RESULT_LIMIT = 20 * 1024 * 1024;

export interface StoredResult {
  storage: 'db' | 'object';
  ref: string | null;
  bytes: Buffer | null;
}

export interface ResultStorage {
  /** Takes the file of job `jobId`; what it returns is written to the job's row. */
  put(jobId: number, bytes: Buffer): Promise<StoredResult>;
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
