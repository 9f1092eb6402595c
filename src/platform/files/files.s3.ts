// The file store on an S3-compatible server (AWS S3, MinIO, Ceph, Garage, …), for deployments on several
// machines, through the maintained AWS SDK v3. The hash is known only once the last byte has passed, so a
// file is uploaded to `tmp/<random>` (lib-storage: multipart in 8 MB parts, two in flight, so memory stays
// small whatever the size), then copied to its name `sha256/ab/<sha256>` and the temporary object deleted.
// A refusal or a broken upload aborts the multipart upload and deletes the temporary object; a crash may
// leave one under `tmp/`, which a bucket lifecycle rule (expire `tmp/` after a day) removes.
// The copy is one CopyObject, which S3 allows up to 5 GB: far over any limit given to `put` here.
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  s3KeyOf,
  firstFailure,
  Meter,
  type BlobHead,
  type BlobStore,
  type PutOptions,
  type StoredBlob,
} from './files.blob.ts';

export interface S3Options {
  bucket: string;
  region: string;
  /** Unset for AWS itself; the server's URL for any other S3-compatible server. */
  endpoint: string | null;
  /** Most S3-compatible servers want `/bucket/key` URLs rather than `bucket.host/key`. */
  forcePathStyle: boolean;
  /** Put before every key, so one bucket can serve several deployments (`apparatus/`). */
  prefix: string;
  /** Unset: the SDK's own chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profile, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
}

const PART_SIZE = 8 * 1024 * 1024;

export function s3Client(o: S3Options): S3Client {
  const config: S3ClientConfig = {
    region: o.region,
    forcePathStyle: o.forcePathStyle,
    // Checksums only where S3 requires them: many S3-compatible servers do not read the SDK's newer
    // trailing checksums, and every file's SHA-256 is computed and checked here anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  if (o.endpoint) config.endpoint = o.endpoint;
  if (o.credentials) config.credentials = o.credentials;
  return new S3Client(config);
}

const isMissing = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

export class S3Store implements BlobStore {
  readonly kind = 's3' as const;

  constructor(
    readonly client: S3Client,
    readonly bucket: string,
    readonly prefix = '',
  ) {}

  keyOf(sha256: string): string {
    return s3KeyOf(this.prefix, sha256);
  }

  async put(body: Readable | AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredBlob> {
    const meter = new Meter(options);
    const tmpKey = `${this.prefix}tmp/${crypto.randomUUID()}`;
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: tmpKey, Body: meter, ContentType: meter.mediaType },
      partSize: PART_SIZE,
      queueSize: 2,
    });
    const source = body instanceof Readable ? body : Readable.from(body);
    let sourceError: unknown = null;
    try {
      // The source feeds the meter while the upload reads it; an error in either ends both.
      const pumping = pipeline(source, meter).catch((err: unknown) => {
        sourceError = err;
        throw err;
      });
      await Promise.all([pumping, upload.done()]);
    } catch (err) {
      meter.destroy(); // nobody reads it any more: let the source see the end instead of waiting
      await upload.abort().catch(() => {});
      await this.deleteKey(tmpKey).catch(() => {});
      // The cause, not what followed it (the SDK reports its own failed AbortMultipartUpload instead, on a
      // server without one).
      throw firstFailure(meter, sourceError ?? err);
    }
    const sha256 = meter.digest();
    const key = this.keyOf(sha256);
    try {
      const existed = (await this.headKey(key)) !== null;
      if (!existed) {
        await this.client.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            Key: key,
            CopySource: `${this.bucket}/${tmpKey}`,
            ContentType: meter.mediaType,
            MetadataDirective: 'REPLACE',
            Metadata: { sha256 },
          }),
        );
      }
      return { sha256, size: meter.received, mediaType: meter.mediaType, storage: this.kind, key, created: !existed };
    } finally {
      await this.deleteKey(tmpKey).catch(() => {});
    }
  }

  async get(sha256: string): Promise<Readable | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return out.Body as Readable;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async head(sha256: string): Promise<BlobHead | null> {
    const size = await this.headKey(this.keyOf(sha256));
    return size === null ? null : { sha256, size };
  }

  async delete(sha256: string): Promise<boolean> {
    const key = this.keyOf(sha256);
    // S3's DeleteObject answers the same whether or not the object was there: ask first.
    if ((await this.headKey(key)) === null) return false;
    await this.deleteKey(key);
    return true;
  }

  private async headKey(key: string): Promise<number | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.ContentLength ?? 0;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  private async deleteKey(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
