// The file store's contract, on the disk store (the embedded default) and on a real S3-compatible server
// (s3rver, started here), plus what is particular to each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { blobStoreContract, chunked, pngBytes } from './files.contract.testing.ts';
import { DiskStore } from './files.disk.ts';
import { S3Store } from './files.s3.ts';
import { startTestS3 } from './files.s3.testing.ts';
import { lazyFileStore, openFileStore } from './files.service.ts';

function walk(root: string, dir = root): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? walk(root, path.join(dir, e.name)) : [path.relative(root, path.join(dir, e.name))],
    )
    .map((p) => p.split(path.sep).join('/'))
    .sort();
}

const tmpRoot = () => fs.mkdtempSync(path.join(os.tmpdir(), 'apparatus-files-'));

blobStoreContract('disk', async () => {
  const root = tmpRoot();
  const store = await new DiskStore(root).open();
  return { store, keys: async () => walk(root), close: async () => fs.rmSync(root, { recursive: true, force: true }) };
});

blobStoreContract('S3-compatible server (s3rver)', async () => {
  const s3 = await startTestS3();
  return { store: s3.store, keys: s3.keys, close: s3.close };
});

describe('disk store', () => {
  let root: string;
  beforeAll(() => {
    root = tmpRoot();
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('names files ab/cd/<sha256> under its folder, and removes day-old temporary files at open', async () => {
    const store = await new DiskStore(root).open();
    const blob = await store.put(chunked(pngBytes(3000)), {
      mediaType: 'image/png',
      allowed: ['image/png'],
      maxBytes: 3000,
    });
    expect(fs.existsSync(path.join(root, blob.sha256.slice(0, 2), blob.sha256.slice(2, 4), blob.sha256))).toBe(true);
    const stale = path.join(root, 'tmp', 'left-by-a-crash');
    const fresh = path.join(root, 'tmp', 'an-upload-in-progress');
    fs.writeFileSync(stale, 'x');
    fs.writeFileSync(fresh, 'x');
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    fs.utimesSync(stale, dayAgo, dayAgo);
    await new DiskStore(root).open();
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});

describe('configuration', () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  it('defaults to the disk store under the data folder', async () => {
    delete process.env.APPARATUS_FILES;
    delete process.env.APPARATUS_FILES_DIR;
    const dataDir = tmpRoot();
    const config = loadConfig({ dataDir });
    expect(config.files).toEqual({ kind: 'disk', dir: null });
    const store = await openFileStore(config);
    expect(store).toBeInstanceOf(DiskStore);
    expect((store as DiskStore).root).toBe(path.join(dataDir, 'files'));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the configured store at its first use (the server holds one from its start)', async () => {
    delete process.env.APPARATUS_FILES;
    const dataDir = tmpRoot();
    const lazy = lazyFileStore(loadConfig({ dataDir }));
    expect(fs.existsSync(path.join(dataDir, 'files'))).toBe(false);
    const blob = await lazy.put(chunked(pngBytes(2000)), {
      mediaType: 'image/png',
      allowed: ['image/png'],
      maxBytes: 2000,
    });
    expect(lazy.keyOf(blob.sha256)).toBe(new DiskStore(dataDir).keyOf(blob.sha256));
    expect(fs.existsSync(path.join(dataDir, 'files', lazy.keyOf(blob.sha256)))).toBe(true);
    expect(await lazy.head(blob.sha256)).toEqual({ sha256: blob.sha256, size: 2000 });
    expect(await lazy.delete(blob.sha256)).toBe(true);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads the S3 settings, and refuses incomplete ones with a sentence that names the variable', async () => {
    process.env.APPARATUS_FILES = 's3';
    delete process.env.S3_BUCKET;
    expect(() => loadConfig()).toThrow(/S3_BUCKET/);
    process.env.S3_BUCKET = 'apparatus';
    process.env.S3_ENDPOINT = 'http://127.0.0.1:9000';
    process.env.S3_PREFIX = 'prod';
    process.env.S3_ACCESS_KEY_ID = 'id';
    delete process.env.S3_SECRET_ACCESS_KEY;
    expect(() => loadConfig()).toThrow(/S3_SECRET_ACCESS_KEY/);
    process.env.S3_SECRET_ACCESS_KEY = 'secret';
    const config = loadConfig();
    expect(config.files).toEqual({
      kind: 's3',
      bucket: 'apparatus',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      prefix: 'prod/',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
    });
    const store = await openFileStore(config);
    expect(store).toBeInstanceOf(S3Store);
    expect(store.keyOf('a'.repeat(64))).toBe(`prod/sha256/aa/${'a'.repeat(64)}`);
    expect(lazyFileStore(config).keyOf('a'.repeat(64))).toBe(store.keyOf('a'.repeat(64)));
    process.env.APPARATUS_FILES = 'ftp';
    expect(() => loadConfig()).toThrow(/"disk" or "s3"/);
  });
});
