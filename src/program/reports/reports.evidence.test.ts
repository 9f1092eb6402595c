// Evidence files end to end through HTTP: the documented 10 MB per file works
// (9.9 MB in, the same bytes out), 10.1 MB and an over-large report are refused
// with a sentence naming the limit, and files come back as attachments with a
// safe type, never as a page the uploader chose.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { buildServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { systemContext } from '../../platform/context.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createProgramFromTree } from '../tasks/tasks.import.ts';
import { TEST_META, testTree } from '../program.fixtures.ts';
import { cascadeTask } from '../cascade/cascade.service.ts';

const PASSWORD = 'correct horse battery';
const MiB = 1024 * 1024;
const ctx = systemContext('test');

describe.each(ENGINES)('evidence files on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let taskId = 0;
  let session = { cookie: '', csrf: '' };

  const submit = (evidence: { fileName: string; mediaType: string; content: Buffer }[], lang: 'vi' | 'en' = 'vi') =>
    app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/reports`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'accept-language': lang },
      payload: {
        reportDate: '2026-03-01',
        progress: 10,
        status: 'in_progress',
        evidence: evidence.map((e) => ({
          fileName: e.fileName,
          mediaType: e.mediaType,
          contentBase64: e.content.toString('base64'),
        })),
      },
    });
  const download = (reportId: number, sha: string) =>
    app.inject({ url: `/api/reports/${reportId}/evidence/${sha}`, headers: { cookie: session.cookie } });

  beforeAll(async () => {
    t = await createTestDb(engine);
    const units = await seedMiniRegistry(t.db);
    await createUser(t.db, ctx, {
      username: 'badinh',
      displayName: 'Ba Đình',
      password: PASSWORD,
      grants: [{ role: 'commune_officer', unitCode: '00004' }],
    });
    await createProgramFromTree(t.db, ctx, TEST_META, testTree(), { language: 'vi', effectiveDate: '2026-01-15' });
    const code = (c: string) =>
      t.db
        .selectFrom('tasks')
        .select('id')
        .where('code', '=', c)
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    await cascadeTask(t.db, ctx, await code('II.1.a.1'), { target: { kind: 'all_provinces' }, asOf: '2026-02-01' });
    await cascadeTask(t.db, ctx, await code('II.1.a.1@01'), {
      target: { kind: 'communes_of', provinceId: units.hanoi },
      asOf: '2026-02-01',
    });
    taskId = await code('II.1.a.1@01@00004');
    app = await buildServer(t, loadConfig(), { logger: false });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'badinh', password: PASSWORD },
    });
    session = {
      cookie: `apparatus_session=${res.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
      csrf: res.json().csrfToken,
    };
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('takes a 9.9 MB scan and gives the same bytes back as a PDF attachment', async () => {
    const scan = crypto.randomBytes(Math.round(9.9 * MiB));
    const res = await submit([{ fileName: 'Biên bản nghiệm thu.pdf', mediaType: 'application/pdf', content: scan }]);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const { id, evidence } = res.json();
    expect(evidence[0]).toMatchObject({ sizeBytes: scan.length, mediaType: 'application/pdf' });
    const file = await download(id, evidence[0].sha256);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Biên bản nghiệm thu.pdf')}`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect(file.rawPayload.equals(scan)).toBe(true);
  });

  it('refuses a 10.1 MB file with a sentence naming the 10 MB limit', async () => {
    const res = await submit([
      { fileName: 'qua-lon.pdf', mediaType: 'application/pdf', content: crypto.randomBytes(Math.round(10.1 * MiB)) },
    ]);
    expect([400, 413]).toContain(res.statusCode);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().detail).toMatch(/10 MB/);
  });

  it("refuses a report whose files together pass 20 MB with 413 naming both limits, in the reader's language", async () => {
    const files = [1, 2, 3].map((i) => ({
      fileName: `anh-${i}.jpg`,
      mediaType: 'image/jpeg',
      content: crypto.randomBytes(7 * MiB),
    }));
    const vi = await submit(files);
    expect(vi.statusCode).toBe(413);
    expect(vi.json().detail).toMatch(/10 MB.*20 MB/);
    const en = await submit(files, 'en');
    expect(en.json().detail).toBe(
      'The report is too large: each evidence file may have at most 10 MB, and all files of one report together at most 20 MB.',
    );
  });

  it('serves a file uploaded as a web page or a script as a plain download', async () => {
    const page = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    for (const mediaType of [
      'text/html',
      'image/svg+xml',
      'application/javascript',
      'text/html; charset=utf-8',
      'APPLICATION/PDF; x=y',
    ]) {
      const res = await submit([
        { fileName: 'bao-cao.html', mediaType, content: Buffer.concat([page, Buffer.from(mediaType)]) },
      ]);
      expect(res.statusCode).toBe(201);
      const file = await download(res.json().id, res.json().evidence[0].sha256);
      expect(file.headers['content-type'], mediaType).toBe(
        mediaType.startsWith('APPLICATION/PDF') ? 'application/pdf' : 'application/octet-stream',
      );
      expect(file.headers['content-disposition']).toMatch(/^attachment;/);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
