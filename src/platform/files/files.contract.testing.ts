// The contract every file store keeps, as one Vitest suite run against each implementation
// (files.test.ts: the disk store, and the S3 store on a real S3-compatible server).
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import type { BlobStore, PutOptions } from './files.blob.ts';

export interface StoreUnderTest {
  store: BlobStore;
  /** Every file the store holds (temporary ones included, where it can see them). */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A "PNG": the signature, then `size - 8` pseudo-random bytes (seeded, so a test names its bytes). */
export function pngBytes(size: number, seed = 1): Buffer {
  const body = Buffer.alloc(Math.max(0, size - 8));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < body.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    body[i] = x & 0xff;
  }
  return Buffer.concat([PNG_MAGIC, body]).subarray(0, size);
}

/** The bytes as a stream of 64 KiB chunks, as a network upload arrives. */
export function chunked(bytes: Buffer, chunk = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
    })(),
  );
}

export const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function readAll(s: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(parts);
}

const opts = (maxBytes: number, mediaType = 'image/png'): PutOptions => ({
  mediaType,
  maxBytes,
  allowed: ['image/png', 'image/jpeg', 'application/pdf'],
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

export function blobStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`file store contract: ${name}`, () => {
    let t: StoreUnderTest;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(async () => {
      await t?.close();
    });

    it('stores a stream under its SHA-256, gives the same bytes back, and says its size', async () => {
      const bytes = pngBytes(200_000, 7);
      const blob = await t.store.put(chunked(bytes), opts(1_000_000, 'Image/PNG; charset=binary'));
      expect(blob).toMatchObject({ sha256: sha(bytes), size: 200_000, mediaType: 'image/png', created: true });
      expect(blob.storage).toBe(t.store.kind);
      expect(blob.key).toBe(t.store.keyOf(blob.sha256));
      expect(await t.store.head(blob.sha256)).toEqual({ sha256: blob.sha256, size: 200_000 });
      expect((await readAll((await t.store.get(blob.sha256))!)).equals(bytes)).toBe(true);
      expect(await t.keys()).toEqual([blob.key]);
    });

    it('keeps the same bytes once (content-addressed), whatever their declared type', async () => {
      const bytes = pngBytes(200_000, 7);
      const again = await t.store.put(chunked(bytes, 1000), opts(1_000_000));
      expect(again).toMatchObject({ sha256: sha(bytes), created: false });
      expect(await t.keys()).toEqual([t.store.keyOf(sha(bytes))]);
    });

    it('takes a file of exactly the limit and refuses one byte more with 413, keeping nothing', async () => {
      const before = await t.keys();
      const exact = pngBytes(5000, 3);
      const ok = await t.store.put(chunked(exact, 999), opts(5000));
      expect(ok.size).toBe(5000);
      await t.store.delete(ok.sha256);
      const err = await refusal(t.store.put(chunked(pngBytes(5001, 3), 999), opts(5000)));
      expect(err.status).toBe(413);
      expect(err.extra).toMatchObject({ limit: 'bytes', max: 5000, atLeast: true });
      expect(err.detail.vi).toContain('giới hạn');
      expect(await t.keys()).toEqual(before);
    });

    it('refuses a large file past its limit mid-stream (a multipart upload on S3), keeping nothing', async () => {
      const before = await t.keys();
      const err = await refusal(t.store.put(chunked(pngBytes(20 * 1024 * 1024, 5)), opts(18 * 1024 * 1024)));
      expect(err.status).toBe(413);
      expect(await t.keys()).toEqual(before);
    });

    it('streams a file larger than one S3 part and reads it back whole', async () => {
      const bytes = pngBytes(20 * 1024 * 1024, 9);
      const blob = await t.store.put(chunked(bytes), opts(32 * 1024 * 1024));
      expect(blob.sha256).toBe(sha(bytes));
      const back = await readAll((await t.store.get(blob.sha256))!);
      expect(back.length).toBe(bytes.length);
      expect(sha(back)).toBe(blob.sha256);
      expect(await t.store.delete(blob.sha256)).toBe(true);
    });

    it('refuses a type not allowed before reading, and bytes that are not of the declared type', async () => {
      const before = await t.keys();
      const html = Buffer.from('<html><script>alert(1)</script></html>');
      const notAllowed = await refusal(t.store.put(chunked(html), opts(1000, 'text/html')));
      expect([notAllowed.status, notAllowed.type]).toEqual([415, 'unsupported-file-type']);
      const disguised = await refusal(t.store.put(chunked(html), opts(1000, 'image/png')));
      expect([disguised.status, disguised.type]).toEqual([415, 'file-content-mismatch']);
      const tiny = await refusal(t.store.put(chunked(Buffer.from([0xff, 0xd8])), opts(1000, 'image/jpeg')));
      expect(tiny.type).toBe('file-content-mismatch');
      const empty = await refusal(t.store.put(chunked(Buffer.alloc(0)), opts(1000)));
      expect(empty.status).toBe(400);
      expect(await t.keys()).toEqual(before);
    });

    it('keeps nothing when the upload breaks off', async () => {
      const before = await t.keys();
      const broken = Readable.from(
        (async function* () {
          yield pngBytes(100_000, 11);
          throw new Error('connection reset by peer');
        })(),
      );
      await expect(t.store.put(broken, opts(1_000_000))).rejects.toThrow(/connection reset/);
      expect(await t.keys()).toEqual(before);
    });

    it('answers null / false for a missing file, and deletes', async () => {
      const missing = sha(Buffer.from('never stored'));
      expect(await t.store.get(missing)).toBeNull();
      expect(await t.store.head(missing)).toBeNull();
      expect(await t.store.delete(missing)).toBe(false);
      const blob = await t.store.put(chunked(pngBytes(1000, 13)), opts(1000));
      expect(await t.store.delete(blob.sha256)).toBe(true);
      expect(await t.store.head(blob.sha256)).toBeNull();
      expect(await t.keys()).not.toContain(blob.key);
    });

    it('takes only a SHA-256 as a name (no path or key of another object)', async () => {
      for (const bad of ['../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(63)}/`, ''])
        await expect(t.store.get(bad)).rejects.toThrow(/not a SHA-256/);
    });
  });
}
