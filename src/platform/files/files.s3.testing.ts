// A real S3-compatible server for tests: s3rver (@20minutes/s3rver, the maintained fork; a devDependency, so
// `npm ci` installs it in CI: no Docker, no binary from elsewhere), on a random port of 127.0.0.1, storing
// in a fresh temporary folder. It speaks the S3 HTTP API with V4 signatures, multipart uploads and copies,
// which is what files.s3.ts uses; it does not implement AbortMultipartUpload, so an aborted upload's parts
// stay in its folder (invisible through the API). Its signature check refuses the SDK's bucket-level
// requests (listing: the canonical path of "/bucket/" differs), so `keys()` reads its folder instead, where
// every object, temporary ones included, is a file named `<last part of the key>._S3rver_object`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import S3rver from '@20minutes/s3rver';
import { S3Store, s3Client } from './files.s3.ts';

const OBJECT = '._S3rver_object';

export interface TestS3 {
  store: S3Store;
  client: S3Client;
  /** Every key in the bucket. */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startTestS3(bucket = 'apparatus-test', prefix = 'files/'): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'apparatus-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: process.env.S3RVER_LOG !== '1',
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = (await server.run()) as { port: number };
  const client = s3Client({
    bucket,
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    prefix,
    // s3rver's fixed test credentials.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    store: new S3Store(client, bucket, prefix),
    client,
    async keys() {
      const root = path.join(directory, bucket);
      const walk = (dir: string): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      return walk(root)
        .filter((f) => f.endsWith(OBJECT))
        .map((f) => path.relative(root, f).slice(0, -OBJECT.length).split(path.sep).join('/'))
        .sort();
    },
    async close() {
      client.destroy();
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
