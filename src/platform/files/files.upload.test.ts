// An upload streamed into the file store through HTTP: stored and recorded with the module's row, or
// refused with problem+json (413 over the limit, 415 for a type not accepted or bytes not of the declared
// type, 400 for a bad field) with nothing left behind: no stored file, no row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../db/testing.ts';
import { problemHandler } from '../http/problem.ts';
import { registerUploads } from '../upload/intake.ts';
import { multipartBody } from '../upload/upload.testing.ts';
import { pngBytes, sha } from './files.contract.testing.ts';
import { DiskStore } from './files.disk.ts';
import { IMAGE_TYPES } from './files.types.ts';
import { receiveUpload } from './files.upload.ts';

const MAX = 64 * 1024;
const Fields = z.object({ caption: z.string().min(1).max(200) });

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe.each(ENGINES)('uploads into the file store on %s', (engine) => {
  let t: TestDb;
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDb(engine);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'apparatus-files-'));
    const files = await new DiskStore(root).open();
    await sql`create table test_photos (id serial primary key, caption text not null, sha256 text not null references stored_files (sha256))`.execute(
      t.db,
    );
    app = Fastify({ logger: false });
    app.setErrorHandler(problemHandler);
    await registerUploads(app);
    app.post('/photos', async (req) =>
      receiveUpload(req, { db: t.db, files, fields: Fields, maxBytes: MAX, allowed: IMAGE_TYPES }, async (trx, r) => {
        if (r.fields.caption === 'refuse') throw new Error('the module refused');
        await sql`insert into test_photos (caption, sha256) values (${r.fields.caption}, ${r.file.sha256})`.execute(
          trx,
        );
        return { sha256: r.file.sha256, size: r.file.size, mediaType: r.file.media_type, fileName: r.fileName };
      }),
    );
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const send = async (fields: Record<string, string>, file: { name: string; content: Buffer; type: string }) => {
    const body = await multipartBody(fields, file);
    return app.inject({ method: 'POST', url: '/photos', payload: body.payload, headers: body.headers });
  };
  const left = async () => ({
    files: walk(root).length, // temporary files included
    rows: Number((await sql<{ n: number }>`select count(*)::int as n from stored_files`.execute(t.db)).rows[0].n),
  });

  it('stores the photo, records it, and runs the module step with it', async () => {
    const bytes = pngBytes(MAX, 1);
    const res = await send({ caption: 'Kho lưu trữ xã' }, { name: 'anh.png', content: bytes, type: 'image/png' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sha256: sha(bytes), size: MAX, mediaType: 'image/png', fileName: 'anh.png' });
    expect(await left()).toEqual({ files: 1, rows: 1 });
  });

  it('refuses one byte over the limit with 413 problem+json and keeps nothing', async () => {
    const res = await send({ caption: 'x' }, { name: 'big.png', content: pngBytes(MAX + 1, 2), type: 'image/png' });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ limit: 'bytes', max: MAX });
    expect(await left()).toEqual({ files: 1, rows: 1 });
  });

  it('refuses a far larger file too, wording the request size', async () => {
    const res = await send({ caption: 'x' }, { name: 'big.png', content: pngBytes(4 * MAX, 3), type: 'image/png' });
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/MB/);
    expect(await left()).toEqual({ files: 1, rows: 1 });
  });

  it('refuses a type not accepted and bytes that are not of the declared type (415)', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const asHtml = await send({ caption: 'x' }, { name: 'a.html', content: html, type: 'text/html' });
    expect([asHtml.statusCode, asHtml.json().type]).toEqual([
      415,
      'https://apparatus.dev/problems/unsupported-file-type',
    ]);
    const disguised = await send({ caption: 'x' }, { name: 'a.jpg', content: html, type: 'image/jpeg' });
    expect([disguised.statusCode, disguised.json().type]).toEqual([
      415,
      'https://apparatus.dev/problems/file-content-mismatch',
    ]);
    expect(await left()).toEqual({ files: 1, rows: 1 });
  });

  it('keeps nothing when a field is wrong or the module step fails', async () => {
    const bad = await send({ caption: '' }, { name: 'b.png', content: pngBytes(1000, 4), type: 'image/png' });
    expect(bad.statusCode).toBe(400);
    const refused = await send({ caption: 'refuse' }, { name: 'c.png', content: pngBytes(1000, 5), type: 'image/png' });
    expect(refused.statusCode).toBe(500);
    expect(await left()).toEqual({ files: 1, rows: 1 });
  });

  it('stores the same photo sent again once', async () => {
    const res = await send({ caption: 'again' }, { name: 'anh.png', content: pngBytes(MAX, 1), type: 'image/png' });
    expect(res.statusCode).toBe(200);
    expect(await left()).toEqual({ files: 1, rows: 1 });
  });
});
