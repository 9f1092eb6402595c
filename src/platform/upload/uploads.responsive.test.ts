// The responsiveness bound of issue 9 (finding 5), the one timed assertion it
// asks for: a million-row CSV, an .xlsx that unzips to 600 MB, a CSV over the
// row limit, a national table and a 2M-character document, all sent at once by
// another process, while this process (the server, listening for real) is
// polled on /health every 20 ms: every answer within 100 ms (before: one 1M-row
// CSV held the event loop 14 s; three 2M-character previews, 3 minutes). Runs
// alone (its own vitest project, after the others), so another test file on the
// same two cores does not decide the figure.
import { execFile } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../db/testing.ts';
import { buildServer } from '../http/server.ts';
import { loadConfig } from '../config.ts';
import { systemContext } from '../context.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import type { Job } from './tables.testing.ts';
import { configureHeavyPool } from './pool.ts';

const PASSWORD = 'correct horse battery';
// One parsing thread: the other core stays for the server's event loop and the sending process.
configureHeavyPool({ threads: 1 });
const USERS = [
  ['central', 'central_officer'],
  ['central2', 'central_officer'],
  ['central3', 'central_officer'],
  ['admin', 'system_admin'],
  ['hanoi', 'province_officer'],
] as const;
type User = (typeof USERS)[number][0];

describe.each(ENGINES)('/health under hostile uploads on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let base: string;
  const sessions = {} as Record<User, { cookie: string; csrf: string }>;
  const auth = (u: User) => ({ cookie: sessions[u].cookie, 'x-csrf-token': sessions[u].csrf });

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedMiniRegistry(t.db);
    const sys = systemContext('test');
    for (const [username, role] of USERS) {
      await createUser(t.db, sys, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ role, unitCode: role === 'province_officer' ? '01' : 'VN' }],
      });
    }
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

  it('answers /health within 100 ms while a 1M-row CSV, a 600 MB xlsx bomb, a 20,001-row CSV, a national table and a 2M-character document are sent at once', async () => {
    // The files are made and sent by another process, as they would come from other people: this process is the server and the polling client.
    const check = `${base}/api/staffing/tables/check`;
    const jobs: Job[] = [
      { url: check, headers: auth('central3'), make: 'million.csv' },
      { url: check, headers: auth('central'), make: 'bomb.xlsx' },
      { url: check, headers: auth('hanoi'), make: 'rows.csv' },
      { url: check, headers: auth('central2'), make: 'national.csv' },
      { url: `${base}/api/programs/preview`, headers: auth('admin'), make: 'document.json' },
    ];
    const poll = pollHealth(base, 20);
    const results = await sendFromAnotherProcess(jobs);
    await sleep(100);
    const latencies = await poll.stop();

    const [m, b, rows, nat, doc] = results;
    expect(m.status, m.body).toBe(413);
    expect(JSON.parse(m.body)).toMatchObject({ limit: 'bytes', max: 10 * 1024 * 1024 });
    expect(b.status, b.body).toBe(413);
    expect(JSON.parse(b.body)).toMatchObject({ limit: 'unpackedBytes', max: 50 * 1024 * 1024 });
    expect(JSON.parse(b.body).figure).toBeGreaterThan(600 * 1024 * 1024);
    expect(rows.status, rows.body).toBe(413);
    expect(JSON.parse(rows.body)).toMatchObject({ limit: 'rows', max: 20_000, figure: 20_001, atLeast: true });
    expect(nat.status, nat.body).toBe(200);
    expect(JSON.parse(nat.body)).toMatchObject({ rows: 3_501, errors: 0 });
    expect(doc.status, doc.body.slice(0, 300)).toBe(200);
    expect(JSON.parse(doc.body).counts.bullets).toBeGreaterThan(40_000);

    const max = Math.max(...latencies);
    console.info(`/health on ${engine}: ${latencies.length} polls, max ${max.toFixed(1)} ms`);
    expect(latencies.length).toBeGreaterThan(5);
    expect(max).toBeLessThan(100);
  }, 180_000);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET /health every `everyMs` on a kept-alive connection; `stop()` gives each answer's latency in ms. */
function pollHealth(base: string, everyMs: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let stopped = false;
  const get = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get(`${base}/health`, { agent }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`health ${res.statusCode}`))));
        })
        .on('error', reject);
    });
  const loop = (async () => {
    while (!stopped) {
      const start = performance.now();
      await get();
      latencies.push(performance.now() - start);
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      agent.destroy();
      return latencies;
    },
  };
}

/** Runs sender.testing.ts in a child process at low priority; the answers in the jobs' order. */
function sendFromAnotherProcess(jobs: Job[]): Promise<{ status: number; retryAfter: string | null; body: string }[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', new URL('./sender.testing.ts', import.meta.url).pathname, JSON.stringify(jobs)],
      { maxBuffer: 1 << 30 },
      (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))),
    );
    try {
      os.setPriority(child.pid!, 10);
    } catch {
      /* not allowed here: the bound still holds, with less margin */
    }
  });
}
