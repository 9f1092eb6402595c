// Bytes and rows agree: a row is written only for bytes that are there, bytes an upload created are removed
// when its transaction fails, and a file a module's row still references cannot be deleted. On PGlite and
// (with DATABASE_URL) PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../db/testing.ts';
import { AppError } from '../errors.ts';
import type { PutOptions } from './files.blob.ts';
import { chunked, pngBytes, sha } from './files.contract.testing.ts';
import { DiskStore } from './files.disk.ts';
import { deleteFile, openFile, recordFile, saveFile } from './files.service.ts';
import { findFile } from './files.store.ts';

const PNG: PutOptions = { mediaType: 'image/png', allowed: ['image/png'], maxBytes: 100_000 };

async function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(parts);
}

async function status(p: Promise<unknown>): Promise<number> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).status;
}

describe.each(ENGINES)('stored files on %s', (engine) => {
  let t: TestDb;
  let root: string;
  let files: DiskStore;

  beforeAll(async () => {
    t = await createTestDb(engine);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'apparatus-files-'));
    files = await new DiskStore(root).open();
    // A module's row that uses a file, as an inventory line's photo will.
    await sql`create table test_photos (id serial primary key, sha256 text not null references stored_files (sha256))`.execute(
      t.db,
    );
  });
  afterAll(async () => {
    await t?.drop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('records a file with the row that uses it, in one transaction', async () => {
    const bytes = pngBytes(5000, 1);
    const id = await saveFile(t.db, files, chunked(bytes), PNG, async (trx, row) => {
      expect(row).toMatchObject({ sha256: sha(bytes), size: 5000, media_type: 'image/png', storage: 'disk' });
      expect(row.storage_key).toBe(files.keyOf(sha(bytes)));
      const r = await sql<{ id: number }>`insert into test_photos (sha256) values (${row.sha256}) returning id`.execute(
        trx,
      );
      return r.rows[0].id;
    });
    expect(id).toBeGreaterThan(0);
    const opened = await openFile(t.db, files, sha(bytes));
    expect(opened.row.size).toBe(5000);
    expect((await readAll(opened.stream)).equals(bytes)).toBe(true);
  });

  it('removes the bytes an upload created when its transaction fails, and keeps bytes already in use', async () => {
    const fresh = pngBytes(6000, 2);
    await expect(
      saveFile(t.db, files, chunked(fresh), PNG, async () => {
        throw new Error('the module refused');
      }),
    ).rejects.toThrow('the module refused');
    expect(await files.head(sha(fresh))).toBeNull();
    expect(await findFile(t.db, sha(fresh))).toBeUndefined();

    const used = pngBytes(5000, 1); // recorded by the test above
    await expect(
      saveFile(t.db, files, chunked(used), PNG, async () => {
        throw new Error('the module refused');
      }),
    ).rejects.toThrow();
    expect(await files.head(sha(used))).not.toBeNull();
    expect(await findFile(t.db, sha(used))).toBeDefined();
  });

  it('refuses to record bytes that are gone (deleted while being uploaded)', async () => {
    const blob = await files.put(chunked(pngBytes(4000, 3)), PNG);
    await files.delete(blob.sha256);
    expect(await status(t.db.transaction().execute((trx) => recordFile(trx, files, blob)))).toBe(409);
    expect(await findFile(t.db, blob.sha256)).toBeUndefined();
  });

  it('deletes a file only once no row uses it, bytes and row together', async () => {
    const bytes = pngBytes(5000, 1);
    expect(await status(deleteFile(t.db, files, sha(bytes)))).toBe(409);
    expect(await files.head(sha(bytes))).not.toBeNull();
    await sql`delete from test_photos where sha256 = ${sha(bytes)}`.execute(t.db);
    expect(await deleteFile(t.db, files, sha(bytes))).toBe(true);
    expect(await files.head(sha(bytes))).toBeNull();
    expect(await findFile(t.db, sha(bytes))).toBeUndefined();
    expect(await deleteFile(t.db, files, sha(bytes))).toBe(false);
  });

  it('answers 404 for an unknown or malformed name, and 503 for a file kept in another store', async () => {
    expect(await status(openFile(t.db, files, sha(Buffer.from('nothing'))))).toBe(404);
    expect(await status(openFile(t.db, files, '../../etc/passwd'))).toBe(404);
    const bytes = pngBytes(3000, 4);
    await saveFile(t.db, files, chunked(bytes), PNG, async () => null);
    await sql`update stored_files set storage = 's3' where sha256 = ${sha(bytes)}`.execute(t.db);
    expect(await status(openFile(t.db, files, sha(bytes)))).toBe(503);
  });
});
