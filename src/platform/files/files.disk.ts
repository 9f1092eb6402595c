// The embedded file store: files under the data folder (`<data>/files`), the default for `npm start` on one
// machine. A file is written to `tmp/<random>` first, flushed to disk (fsync), then renamed to its name
// `ab/cd/<sha256>`: a rename within one file system is atomic, so a reader sees the whole file or none, and a
// crash or refusal mid-way leaves at most a temporary file (removed on failure; `tmp/` is emptied of
// leftovers from a crash at open). Two processes writing the same bytes rename the same content over each
// other, which is harmless.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  diskKeyOf,
  firstFailure,
  Meter,
  type BlobHead,
  type BlobStore,
  type PutOptions,
  type StoredBlob,
} from './files.blob.ts';

/** Temporary files older than this are a crash's leftovers (an upload in progress renews nothing, so be generous). */
const STALE_TMP_MS = 24 * 3600_000;

export class DiskStore implements BlobStore {
  readonly kind = 'disk' as const;
  private readonly tmp: string;

  constructor(readonly root: string) {
    this.tmp = path.join(root, 'tmp');
  }

  /** Creates the folders and removes day-old temporary files a crash left. */
  async open(): Promise<this> {
    await fsp.mkdir(this.tmp, { recursive: true });
    const now = Date.now();
    for (const name of await fsp.readdir(this.tmp)) {
      const file = path.join(this.tmp, name);
      const st = await fsp.stat(file).catch(() => null);
      if (st && now - st.mtimeMs > STALE_TMP_MS) await fsp.rm(file, { force: true });
    }
    return this;
  }

  keyOf(sha256: string): string {
    return diskKeyOf(sha256);
  }

  private pathOf(sha256: string): string {
    return path.join(this.root, this.keyOf(sha256));
  }

  async put(body: Readable | AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredBlob> {
    const meter = new Meter(options);
    await fsp.mkdir(this.tmp, { recursive: true });
    const tmp = path.join(this.tmp, crypto.randomUUID());
    try {
      // `flush`: the bytes reach the disk (fsync) before the stream closes, so the rename below names a whole file.
      await pipeline(body, meter, fs.createWriteStream(tmp, { flags: 'wx', mode: 0o640, flush: true }));
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw firstFailure(meter, err);
    }
    const sha256 = meter.digest();
    const final = this.pathOf(sha256);
    try {
      const existed = await exists(final);
      if (existed) {
        await fsp.rm(tmp, { force: true });
      } else {
        await fsp.mkdir(path.dirname(final), { recursive: true });
        await fsp.rename(tmp, final);
        await syncDir(path.dirname(final));
      }
      return {
        sha256,
        size: meter.received,
        mediaType: meter.mediaType,
        storage: this.kind,
        key: this.keyOf(sha256),
        created: !existed,
      };
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
  }

  async get(sha256: string): Promise<Readable | null> {
    const file = this.pathOf(sha256);
    // Opened here, so a missing file is a null now rather than an error later in the stream.
    const handle = await fsp.open(file, 'r').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    return handle ? handle.createReadStream() : null;
  }

  async head(sha256: string): Promise<BlobHead | null> {
    const st = await fsp.stat(this.pathOf(sha256)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    return st ? { sha256, size: st.size } : null;
  }

  async delete(sha256: string): Promise<boolean> {
    try {
      await fsp.unlink(this.pathOf(sha256));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }
}

async function exists(file: string): Promise<boolean> {
  return fsp.access(file, fs.constants.F_OK).then(
    () => true,
    () => false,
  );
}

/** After a rename, the folder's entry must reach the disk too, or a power cut can lose the name. */
async function syncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
