import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/db.ts';
import { forbidden } from '../errors.ts';
import { problemHandler } from '../http/problem.ts';
import { createRealtime, publishAfterCommit, sseRoute, type Realtime } from './realtime.ts';
import { createTestDb, ENGINES, type TestDb } from '../db/testing.ts';

const quiet = { warn: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Starting PGlite takes seconds on a small machine: the PGlite suites share one database.
let sharedPglite: Promise<TestDb> | null = null;
const pgliteDb = () => (sharedPglite ??= createTestDb('pglite', { migrate: false }));
afterAll(async () => {
  if (sharedPglite) await (await sharedPglite).drop();
});
const testDb = (engine: 'pglite' | 'postgres') =>
  engine === 'pglite' ? pgliteDb() : createTestDb(engine, { migrate: false });
const dropUnlessShared = async (db: TestDb) => {
  if (db.engine !== 'pglite') await db.drop();
};

/** Collects what arrives on a channel, with the arrival time. */
async function collect(rt: Realtime, channel: string) {
  const got: { payload: unknown; at: number }[] = [];
  const stop = await rt.subscribe(channel, (payload) => got.push({ payload, at: performance.now() }));
  const waitFor = async (n: number, ms = 2000) => {
    const until = Date.now() + ms;
    while (got.length < n && Date.now() < until) await sleep(2);
    return got;
  };
  return { got, stop, waitFor };
}

describe.each(ENGINES)('realtime bus on %s', (engine) => {
  let db: TestDb;
  let rt: Realtime;
  beforeAll(async () => {
    db = await testDb(engine);
    rt = createRealtime(db, { log: quiet });
  });
  afterAll(async () => {
    await rt.close();
    await dropUnlessShared(db);
  });

  it('delivers a published event to a subscriber, and stops after unsubscribe', async () => {
    const c = await collect(rt, 'task');
    await rt.publish('task', { id: 1, kind: 'updated' });
    expect((await c.waitFor(1)).map((g) => g.payload)).toEqual([{ id: 1, kind: 'updated' }]);
    await c.stop();
    await rt.publish('task', { id: 2 });
    await sleep(100);
    expect(c.got).toHaveLength(1);
  });

  it('publishAfterCommit delivers at commit, and never on rollback', async () => {
    const c = await collect(rt, 'report');
    await db.db.transaction().execute(async (trx) => {
      await publishAfterCommit(trx, 'report', { id: 10 });
      await sleep(150);
      expect(c.got).toHaveLength(0); // still inside the transaction
    });
    expect((await c.waitFor(1)).map((g) => g.payload)).toEqual([{ id: 10 }]);
    await db.db
      .transaction()
      .execute(async (trx) => {
        await publishAfterCommit(trx, 'report', { id: 11 });
        throw new Error('roll back');
      })
      .catch(() => {});
    await rt.publish('report', { id: 12 });
    expect((await c.waitFor(2)).map((g) => g.payload)).toEqual([{ id: 10 }, { id: 12 }]);
    await c.stop();
  });

  it('keeps delivering to another bus on the same database when one bus stops listening', async () => {
    const other = createRealtime(db, { log: quiet });
    const mine = await collect(rt, 'section');
    const theirs = await collect(other, 'section');
    await theirs.stop();
    await other.close();
    await rt.publish('section', { id: 3 });
    expect((await mine.waitFor(1)).map((g) => g.payload)).toEqual([{ id: 3 }]);
    expect(theirs.got).toHaveLength(0);
    await mine.stop();
  });

  it('refuses payloads of 8000 bytes or more and bad channel names, sending nothing', async () => {
    await expect(rt.publish('task', { text: 'x'.repeat(8000) })).rejects.toThrow(/send ids, not documents/);
    await expect(rt.publish('Task; drop', {})).rejects.toThrow(/Invalid channel name/);
    await expect(rt.subscribe('"quoted"', () => {})).rejects.toThrow(/Invalid channel name/);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('realtime across two server processes on one PostgreSQL', () => {
  let db: TestDb;
  let other: DatabaseHandle;
  let a: Realtime, b: Realtime;
  beforeAll(async () => {
    db = await createTestDb('postgres', { migrate: false });
    other = await openDatabase({ databaseUrl: db.url! }); // its own pool and listener, as another process would have
    a = createRealtime(db, { log: quiet });
    b = createRealtime(other, { log: quiet, maxBackoffMs: 200 });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await other.close();
    await db.drop();
  });

  it('an event published by one reaches a subscriber of the other within 1 s', async () => {
    const c = await collect(b, 'warning');
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await a.publish('warning', { taskId: i });
      const got = await c.waitFor(i + 1);
      latencies.push(got[i].at - t);
    }
    expect(c.got.map((g) => (g.payload as { taskId: number }).taskId)).toEqual([...Array(20).keys()]);
    latencies.sort((x, y) => x - y);
    console.info(
      `realtime cross-process latency over 20 events: median ${latencies[10].toFixed(1)} ms, max ${latencies[19].toFixed(1)} ms`,
    );
    expect(latencies[19]).toBeLessThan(1000);
    await c.stop();
  });

  it('reconnects when its listening connection is killed, and asks clients to resync', async () => {
    const c = await collect(b, 'task');
    let resynced = 0;
    b.onResync(() => {
      resynced++;
    });
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = 'apparatus-realtime' and datname = current_database()`.execute(db.db);
    const until = Date.now() + 5000;
    while (resynced === 0 && Date.now() < until) await sleep(10);
    expect(resynced).toBe(1);
    await a.publish('task', { id: 5 });
    expect((await c.waitFor(1)).map((g) => g.payload)).toEqual([{ id: 5 }]);
    await c.stop();
  });
});

describe('server-sent events route', () => {
  let db: TestDb;
  let rt: Realtime;
  const app = Fastify();
  let base = '';
  beforeAll(async () => {
    db = await pgliteDb();
    rt = createRealtime(db, { log: quiet });
    app.setErrorHandler(problemHandler);
    sseRoute(app, '/events', {
      realtime: rt,
      channels: ['task', 'warning'],
      heartbeatMs: 50,
      authorize: (req) => {
        if (req.headers['x-deny']) throw forbidden({ vi: 'Không được xem.', en: 'Not for you.' });
      },
      policy: { action: 'test.events', who: 'anyone', on: 'none', writes: false, what: { vi: 'thử', en: 'test' } },
      select: () => async (_channel, payload) => ((payload as { unitId: number }).unitId === 99 ? null : payload),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
    await rt.close();
  });

  it('streams the events this requester may see, with heartbeats', async () => {
    let text = '';
    const req = http.get(`${base}/events`);
    const res = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
    });
    while (!text.includes(': open')) await sleep(5);
    await rt.publish('task', { id: 1, unitId: 1 });
    await rt.publish('warning', { id: 2, unitId: 99 }); // filtered out
    await rt.publish('warning', { id: 3, unitId: 2 });
    const until = Date.now() + 2000;
    while ((!text.includes('"id":3') || !text.includes(': ping')) && Date.now() < until) await sleep(5);
    expect(text).toContain('event: task\ndata: {"id":1,"unitId":1}\n\n');
    expect(text).toContain('event: warning\ndata: {"id":3,"unitId":2}\n\n');
    expect(text).not.toContain('"id":2');
    expect(text).toContain(': ping\n\n');
    req.destroy();
  });

  it('refuses before opening the stream, as problem+json', async () => {
    const res = await fetch(`${base}/events`, { headers: { 'x-deny': '1' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toBe('Không được xem.');
  });
});
