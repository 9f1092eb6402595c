// Hostile uploads against a real listening server (issue 9, finding 5): each
// limit's refusal (413 problem+json naming the limit and the file's figure),
// the role checked before the body is read, and one heavy upload per user (429
// with Retry-After). The responsiveness bound under all of them at once is in
// uploads.responsive.test.ts, which runs alone.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../db/testing.ts';
import { buildServer } from '../http/server.ts';
import { loadConfig } from '../config.ts';
import { systemContext } from '../context.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createTestPeriod } from '../../staffing/staffing.fixtures.ts';
import { csvRows, HEADER, legitTable } from './tables.testing.ts';
import { importDocument } from '../../program/tasks/tasks.service.ts';
import { configureHeavyPool } from './pool.ts';
import { multipartBody } from './upload.testing.ts';
import { sheetPart, workbookParts, xlsxBomb, zipOf } from './zip.testing.ts';

const PASSWORD = 'correct horse battery';

configureHeavyPool({ threads: 1 });
const USERS = [
  ['viewer', 'viewer', 'VN'],
  ['central', 'central_officer', 'VN'],
  ['central2', 'central_officer', 'VN'],
  ['central3', 'central_officer', 'VN'],
  ['admin', 'system_admin', 'VN'],
  ['hanoi', 'province_officer', '01'],
] as const;
type User = (typeof USERS)[number][0];

describe.each(ENGINES)('hostile uploads on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let base: string;
  let programId: number;
  const sessions = {} as Record<User, { cookie: string; csrf: string }>;
  const auth = (u: User) => ({ cookie: sessions[u].cookie, 'x-csrf-token': sessions[u].csrf });

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedMiniRegistry(t.db);
    const sys = systemContext('test');
    for (const [username, role, unitCode] of USERS)
      await createUser(t.db, sys, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ role, unitCode }],
      });
    await createTestPeriod(t.db);
    const doc = await importDocument(
      t.db,
      sys,
      {
        code: 'P1',
        titleVi: 'Chương trình thử',
        issuingBody: 'Chính phủ',
        periodStart: '2026-01-01',
        periodEnd: '2030-12-31',
        cadence: 'quarterly',
        reportGraceDays: 10,
        escalationDays: 14,
      },
      'I- MỤC TIÊU\n1. Mục tiêu chung\nII- NHIỆM VỤ\n1. Cải cách\n- Xây dựng Đề án trong quý IV/2026',
      { effectiveDate: '2026-01-01' },
    );
    programId = doc.program.id;
    app = await buildServer(t, loadConfig(), { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    for (const [username] of USERS) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .find((c) => c.startsWith('apparatus_session='))!;
      sessions[username] = { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const upload = async (
    user: User,
    url: string,
    fields: Record<string, string>,
    file: { name: string; content: Buffer | string },
  ) => {
    const form = await multipartBody(fields, file);
    return app.inject({ method: 'POST', url, payload: form.payload, headers: { ...form.headers, ...auth(user) } });
  };

  describe("each limit refused with its name, its value and the file's figure", () => {
    const check = (user: User, name: string, content: Buffer | string) =>
      upload(user, '/api/staffing/tables/check', {}, { name, content });

    it('rows, cells and columns of a CSV, in Vietnamese and English', async () => {
      const rows = await check(
        'central3',
        'rows.csv',
        csvRows(20_001, (i) => `${i},,,,,,,,,,,,,,`),
      );
      expect(rows.statusCode).toBe(413);
      expect(rows.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(rows.json()).toMatchObject({
        type: expect.stringContaining('upload-too-large'),
        limit: 'rows',
        max: 20_000,
        figure: 20_001,
        atLeast: true,
        line: 20_002,
      });
      expect(rows.json().detail).toBe(
        'Tệp vượt giới hạn số dòng dữ liệu: tệp có ít nhất 20.001, giới hạn là 20.000 (đã dừng đọc ở dòng 20.002). Hãy chia thành nhiều tệp nhỏ hơn hoặc bỏ các dòng, trang tính không cần thiết rồi gửi lại.',
      );
      const form = await multipartBody({}, { name: 'rows.csv', content: csvRows(20_001, (i) => `${i},,,,,,,,,,,,,,`) });
      const en = await app.inject({
        method: 'POST',
        url: '/api/staffing/tables/check',
        payload: form.payload,
        headers: { ...form.headers, ...auth('central3'), 'accept-language': 'en' },
      });
      expect(en.json().detail).toContain(
        'The file is over the limit on data rows: it has at least 20,001, the limit is 20,000',
      );

      const cells = await check(
        'central3',
        'cells.csv',
        csvRows(10_000, (i) => Array(50).fill(i).join(',')),
      );
      expect(cells.json()).toMatchObject({ limit: 'cells', max: 400_000, figure: 400_050, atLeast: true, line: 8_002 }); // counted to the end of the record
      const columns = await check('central3', 'wide.csv', `${HEADER}\n${Array(101).fill('1').join(',')}\n`);
      expect(columns.json()).toMatchObject({ limit: 'columns', max: 100, figure: 101, line: 2 });
    });

    it('bytes, from the declared size before reading, and from the bytes read when no size is declared', async () => {
      const big = await check(
        'central3',
        'big.csv',
        csvRows(400_000, (i) => `1.${i},,Đơn vị ${i},1,1,0,,,,,,,,,`),
      );
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({
        limit: 'bytes',
        max: 10 * 1024 * 1024,
        figure: expect.any(Number),
        atLeast: false,
      });
      expect(big.json().figure).toBeGreaterThan(12 * 1024 * 1024);
      expect(big.json().detail).toMatch(/^Tệp vượt giới hạn dung lượng tệp: tệp có khoảng 1\d MB, giới hạn là 10 MB\./);
      // Chunked (no Content-Length): the stream stops at the limit.
      const form = await multipartBody(
        {},
        { name: 'big.csv', content: csvRows(400_000, (i) => `1.${i},,Đơn vị ${i},1,1,0,,,,,,,,,`) },
      );
      const res = await fetch(`${base}/api/staffing/tables/check`, {
        method: 'POST',
        headers: { ...form.headers, ...auth('central3') },
        body: new Blob([form.payload]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ limit: 'bytes', atLeast: true, figure: 10 * 1024 * 1024 + 1 });
    });

    it('unpacked size and parts of a workbook, read from the zip directory before anything is inflated', async () => {
      const bomb = await check('central3', 'bomb.xlsx', await xlsxBomb(600));
      expect(bomb.statusCode).toBe(413);
      expect(bomb.json()).toMatchObject({ limit: 'unpackedBytes', max: 50 * 1024 * 1024, atLeast: false });
      expect(bomb.json().figure).toBeGreaterThan(600 * 1024 * 1024);
      expect(bomb.json().detail).toMatch(
        /^Tệp vượt giới hạn dung lượng khi giải nén: tệp có 6\d\d MB, giới hạn là 50 MB\./,
      );
      // A directory that lies about the size: the inflating stops at the declared size.
      const liar = await check('central3', 'liar.xlsx', await xlsxBomb(100, 5_000));
      expect(liar.statusCode).toBe(400);
      expect(liar.json().detail).toContain('không phải bảng tính Excel (.xlsx) đọc được');
      const parts = await zipOf([
        ...workbookParts(),
        ...Array.from({ length: 1_000 }, (_, i) => ({ name: `x/${i}.xml`, data: '<a/>' })),
      ]);
      expect((await check('central3', 'parts.xlsx', parts)).json()).toMatchObject({
        limit: 'entries',
        max: 1_000,
        figure: 1_003,
      });
      const rows = await zipOf([...workbookParts(), sheetPart(20_001, '<c t="inlineStr"><is><t>x</t></is></c>')]);
      expect((await check('central3', 'rows.xlsx', rows)).json()).toMatchObject({
        limit: 'rows',
        max: 20_000,
        figure: 20_001,
        atLeast: true,
        row: 20_001,
      });
    });

    it('the same limits on an Excel task list, and the characters of a document', async () => {
      const bomb = await upload(
        'central',
        `/api/programs/${programId}/tasklist`,
        { decisionRef: 'QĐ 1', reason: 'Thử', dryRun: 'true' },
        { name: 'bomb.xlsx', content: await xlsxBomb(300) },
      );
      expect(bomb.statusCode).toBe(413);
      expect(bomb.json()).toMatchObject({ limit: 'unpackedBytes' });
      const long = await app.inject({
        method: 'POST',
        url: '/api/programs/preview',
        payload: { text: `I- A\n${'x'.repeat(2_000_001)}` },
        headers: auth('central'),
      });
      expect(long.statusCode).toBe(413);
      expect(long.json()).toMatchObject({ limit: 'characters', max: 2_000_000, figure: 2_000_006 });
      expect(long.json().detail).toContain('tệp có 2.000.006, giới hạn là 2.000.000');
    });

    it('a body that is not multipart, a file in another field, and a file of another kind', async () => {
      const json = await app.inject({
        method: 'POST',
        url: '/api/staffing/tables/check',
        payload: { fileName: 'a.csv', contentBase64: 'YQ==' },
        headers: auth('central3'),
      });
      expect(json.statusCode).toBe(415);
      expect(json.json().detail).toContain('multipart/form-data');
      const form = new FormData();
      form.append('document', new Blob(['a']), 'a.csv');
      const req = new Request('http://x/', { method: 'POST', body: form });
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/staffing/tables/check',
        payload: Buffer.from(await req.arrayBuffer()),
        headers: { 'content-type': req.headers.get('content-type')!, ...auth('central3') },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().detail).toContain('"file"');
      const txt = await check('central3', 'a.txt', 'hello');
      expect(txt.statusCode).toBe(400);
      expect(txt.json().detail).toContain('Chỉ nhận tệp .csv hoặc .xlsx');
    });
  });

  it('checks the role before reading the body: a refused caller is answered while its upload is still being sent', async () => {
    for (const [user, url] of [
      ['viewer', '/api/staffing/tables/import'],
      ['viewer', `/api/programs/${programId}/tasklist`],
      ['hanoi', `/api/programs/${programId}/tasklist`],
    ] as const) {
      const { status, body } = await partialUpload(base, url, auth(user));
      expect(status, `${user} ${url}`).toBe(403);
      expect(JSON.parse(body).detail).toBeTruthy();
    }
  });

  it('runs one heavy upload per user: a second one meanwhile gets 429 with Retry-After, and goes through once the first ends', async () => {
    // A probe may reach the server before the half-sent upload and take the slot itself: then that upload gets 429
    // (which is the rule too) and is started again, until the probe is the one refused.
    const start = () => {
      const upload = openUpload(base, '/api/staffing/tables/check', auth('central'), 'slow.csv', legitTable(10));
      const state = { upload, early: null as { status: number; body: string } | null };
      void upload.answered.then((a) => {
        state.early = a;
      });
      return state;
    };
    let first = start();
    let second: { status: number; retryAfter: string | null; body: string } | null = null;
    for (let i = 0; i < 100 && second?.status !== 429; i++) {
      if (first.early) {
        expect(first.early.status, first.early.body).toBe(429);
        first = start();
        await sleep(50);
      }
      const form = await multipartBody({}, { name: 'quick.csv', content: legitTable(5) });
      const r = await fetch(`${base}/api/staffing/tables/check`, {
        method: 'POST',
        headers: { ...form.headers, ...auth('central') },
        body: form.payload,
      });
      second = { status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.text() };
      if (second.status !== 429) await sleep(20);
    }
    expect(second).toMatchObject({ status: 429, retryAfter: '5' });
    expect(JSON.parse(second!.body).detail).toContain('Tệp bạn gửi trước đó vẫn đang được đọc');
    // Another user is not held up by it.
    expect(
      (await upload('central2', '/api/staffing/tables/check', {}, { name: 'other.csv', content: legitTable(5) }))
        .statusCode,
    ).toBe(200);
    expect(await first.upload.finish()).toMatchObject({ status: 200 });
    expect(
      (await upload('central', '/api/staffing/tables/check', {}, { name: 'again.csv', content: legitTable(5) }))
        .statusCode,
    ).toBe(200);
  });

  it('previews impossible dates as errors with their line, and refuses to import the document until they are corrected (issue 15)', async () => {
    const text =
      'I- NHIỆM VỤ\n1. Cải cách\na) Ban hành Nghị định trước ngày 31/02/2027.\nb) Báo cáo trong tháng 13/2026.';
    const preview = await app.inject({
      method: 'POST',
      url: '/api/programs/preview',
      payload: { text },
      headers: auth('central'),
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().errors.map((e: { line: number; phrase: string }) => [e.line, e.phrase])).toEqual([
      [3, '31/02/2027'],
      [4, 'tháng 13/2026'],
    ]);
    const meta = {
      code: 'P-DATES',
      titleVi: 'Có ngày sai',
      issuingBody: 'Chính phủ',
      periodStart: '2026-01-01',
      periodEnd: '2030-12-31',
    };
    const imported = await app.inject({
      method: 'POST',
      url: '/api/programs/import',
      payload: { program: meta, text, effectiveDate: '2026-01-01' },
      headers: auth('central'),
    });
    expect(imported.statusCode).toBe(400);
    expect(imported.json().detail).toContain('Văn bản có 2 lỗi về ngày tháng, chưa lưu gì');
    expect(imported.json().detail).toContain(
      'dòng 3: "31/02/2027" không phải ngày có thật: tháng 2 năm 2027 chỉ có 28 ngày',
    );
    expect(imported.json().errors).toHaveLength(2);
    expect(
      await t.db.selectFrom('programs').select('id').where('code', '=', 'P-DATES').executeTakeFirst(),
    ).toBeUndefined();
    const fixed = await app.inject({
      method: 'POST',
      url: '/api/programs/import',
      payload: {
        program: meta,
        text: text.replace('31/02', '28/02').replace('tháng 13', 'tháng 12'),
        effectiveDate: '2026-01-01',
      },
      headers: auth('central'),
    });
    expect(fixed.statusCode).toBe(201);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a multipart upload announcing 5 MB, sends its first kilobyte and waits for the answer without sending the rest. */
function partialUpload(
  base: string,
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const boundary = 'xxBOUNDARYxx';
    const req = http.request(
      `${base}${url}`,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(5 * 1024 * 1024),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode!, body });
        });
      },
    );
    req.on('error', () => {
      /* destroyed after the answer */
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('no answer while the body was incomplete: the body was waited for before the role check'));
    }, 10_000);
    req.on('close', () => clearTimeout(timer));
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="t.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n${'x'.repeat(1024)}`,
    );
  });
}

/** A multipart upload sent in two halves: the second only when finish() is called. */
function openUpload(base: string, url: string, headers: Record<string, string>, name: string, content: string) {
  const boundary = 'yyBOUNDARYyy';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  const half = Math.floor(body.length / 2);
  let answer: (v: { status: number; body: string }) => void;
  const answered = new Promise<{ status: number; body: string }>((resolve) => {
    answer = resolve;
  });
  const req = http.request(
    `${base}${url}`,
    {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(Buffer.byteLength(body)),
      },
    },
    (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
      });
      res.on('end', () => answer({ status: res.statusCode!, body: text }));
    },
  );
  req.write(body.slice(0, half));
  return {
    answered,
    finish: () => {
      req.end(body.slice(half));
      return answered;
    },
  };
}
