// The file store's one interface. Files are named by the SHA-256 of their bytes (content-addressed): the same
// photo sent twice is stored once, a name can never point at other bytes than it was given for, and a
// module keeps only the hash (and the row in `stored_files`, where its access checks join). Two
// implementations: files.disk.ts (under the data folder, the embedded default for `npm start`) and
// files.s3.ts (any S3-compatible server, for several machines). files.service.ts picks one from the config.
//
// `put` streams: the bytes are hashed, counted and checked (size limit, declared type against the first
// bytes) on their way to the store, never held whole in memory, and a refused or broken upload leaves nothing
// behind (a temporary file or object, removed on failure, becomes the named one only once complete).
import crypto from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { tooLarge } from '../upload/limits.ts';
import { checkDeclaredType, checkSignature, normaliseMediaType, SNIFF_BYTES, type MediaType } from './files.types.ts';

export type StorageKind = 'disk' | 's3';

export interface PutOptions {
  /** The client's declared Content-Type; must be one of `allowed` and agree with the first bytes. */
  mediaType: string;
  /**
   * The types accepted, each checked against the first bytes; `'server-made'` for a file this server wrote
   * itself (a job's report), whose type is recorded as given and not checked. Never for an upload.
   */
  allowed: readonly MediaType[] | 'server-made';
  /** Bytes; one more is refused with 413 problem+json, and nothing is kept. */
  maxBytes: number;
}

export interface StoredBlob {
  sha256: string;
  size: number;
  mediaType: string;
  storage: StorageKind;
  /** Where the store keeps it (a path under the files folder, or an object key). */
  key: string;
  /** False when the same bytes were there already (deduplicated). */
  created: boolean;
}

export interface BlobHead {
  sha256: string;
  size: number;
}

export interface BlobStore {
  readonly kind: StorageKind;
  put(body: Readable | AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredBlob>;
  /** The bytes as a stream, or null when there is no such file. */
  get(sha256: string): Promise<Readable | null>;
  head(sha256: string): Promise<BlobHead | null>;
  /** True when there was a file to delete. */
  delete(sha256: string): Promise<boolean>;
  keyOf(sha256: string): string;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** A hash from outside (a URL, a row) must be 64 lowercase hex digits before it becomes part of a path or key. */
export function checkSha256(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`files: "${sha256.slice(0, 80)}" is not a SHA-256 in hex`);
  return sha256;
}

/** The disk store's name of a file: `ab/cd/<sha256>` under its folder (two levels keep folders small). */
export function diskKeyOf(sha256: string): string {
  checkSha256(sha256);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** The S3 store's key of a file: `<prefix>sha256/ab/<sha256>` (S3 has no folders to keep small). */
export function s3KeyOf(prefix: string, sha256: string): string {
  checkSha256(sha256);
  return `${prefix}sha256/${sha256.slice(0, 2)}/${sha256}`;
}

/**
 * The stream every byte of a `put` goes through: hashes, counts, refuses the byte past `maxBytes`, and checks
 * the first SNIFF_BYTES against the declared type. Its error (an AppError a person can act on) ends the
 * pipeline, so the store never completes the file.
 */
export class Meter extends Transform {
  readonly mediaType: string;
  private readonly hash = crypto.createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;
  private checked = false;
  /** Bytes so far (not `size`: the S3 upload would read that as the body's length). */
  received = 0;
  /** The refusal that stopped the stream, kept because a store's client may wrap it in its own error. */
  failure: Error | null = null;

  constructor(private readonly options: PutOptions) {
    super();
    this.mediaType =
      options.allowed === 'server-made'
        ? normaliseMediaType(options.mediaType)
        : checkDeclaredType(options.mediaType, options.allowed);
    this.checked = options.allowed === 'server-made';
  }

  private fail(err: Error, callback: TransformCallback) {
    this.failure = err;
    callback(err);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    this.received += buf.length;
    if (this.received > this.options.maxBytes) {
      this.fail(
        tooLarge({ limit: 'bytes', max: this.options.maxBytes, figure: this.received, atLeast: true }),
        callback,
      );
      return;
    }
    if (!this.checked) {
      this.head.push(buf);
      this.headLength += buf.length;
      if (this.headLength >= SNIFF_BYTES) {
        try {
          this.sniff();
        } catch (err) {
          this.fail(err as Error, callback);
          return;
        }
      }
    }
    this.hash.update(buf);
    callback(null, buf);
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (!this.checked) this.sniff();
      else if (this.received === 0) checkSignature('text/plain', Buffer.alloc(0)); // refuses an empty file
    } catch (err) {
      this.fail(err as Error, callback);
      return;
    }
    callback();
  }

  private sniff() {
    checkSignature(this.mediaType as MediaType, Buffer.concat(this.head).subarray(0, SNIFF_BYTES));
    this.checked = true;
    this.head = [];
  }

  /** The SHA-256 in hex, once the stream has ended. */
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** The first error worth showing: the meter's refusal if there was one, else what the store said. */
export function firstFailure(meter: Meter, err: unknown): unknown {
  return meter.failure ?? err;
}
