// Live events follow the same scope as the API's reads: a commune officer's stream carries only its own
// tasks' events (other units' task ids are removed, events with none left are not sent), and a stream
// ends when its sign-in ends (it kept streaming after sign-out).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { buildServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { systemContext } from '../../platform/context.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createProgramFromTree } from '../tasks/tasks.import.ts';
import { TEST_META, testTree } from '../program.fixtures.ts';
import { cascadeTask } from '../cascade/cascade.service.ts';
import { publishMany, CHANNELS } from './events.publish.ts';

const PASSWORD = 'correct horse battery';
const ctx = systemContext('test');

describe.each(ENGINES)('live program events per subscriber on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let base = '';
  let programId = 0;
  const ids = { baDinh: 0, phongDien: 0, hanoi: 0 };

  beforeAll(async () => {
    t = await createTestDb(engine);
    const units = await seedMiniRegistry(t.db);
    for (const [username, role, unitCode] of [
      ['admin', 'system_admin', 'VN'],
      ['badinh', 'commune_officer', '00004'],
      ['phongdien', 'commune_officer', '19900'],
    ] as const) {
      await createUser(t.db, ctx, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ role, unitCode }],
      });
    }
    programId = (
      await createProgramFromTree(t.db, ctx, TEST_META, testTree(), { language: 'vi', effectiveDate: '2026-01-15' })
    ).program.id;
    const code = (c: string) =>
      t.db
        .selectFrom('tasks')
        .select('id')
        .where('code', '=', c)
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    await cascadeTask(t.db, ctx, await code('II.1.a.1'), { target: { kind: 'all_provinces' }, asOf: '2026-02-01' });
    ids.hanoi = await code('II.1.a.1@01');
    await cascadeTask(t.db, ctx, ids.hanoi, {
      target: { kind: 'communes_of', provinceId: units.hanoi },
      asOf: '2026-02-01',
    });
    await cascadeTask(t.db, ctx, await code('II.1.a.1@46'), {
      target: { kind: 'communes_of', provinceId: units.hue },
      asOf: '2026-02-01',
    });
    ids.baDinh = await code('II.1.a.1@01@00004');
    ids.phongDien = await code('II.1.a.1@46@19900');
    app = await buildServer(t, loadConfig(), { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  async function signIn(username: string) {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }

  /** An open stream: its text so far, a wait for a piece of it, and whether the server ended it. */
  async function open(cookie: string) {
    const res = await fetch(`${base}/api/programs/events`, { headers: { cookie } });
    const reader = res.body!.getReader();
    const s = { text: '', ended: false };
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) {
          s.ended = true;
          return;
        }
        s.text += new TextDecoder().decode(value);
      }
    })();
    const until = async (ok: () => boolean) => {
      const end = Date.now() + 5000;
      while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
      return ok();
    };
    await until(() => s.text.includes(': open'));
    return { s, until, close: () => reader.cancel() };
  }

  it("sends a commune only the events of its own tasks, with other units' ids removed", async () => {
    const badinh = await open((await signIn('badinh')).cookie);
    const phongdien = await open((await signIn('phongdien')).cookie);
    const admin = await open((await signIn('admin')).cookie);
    await t.db.transaction().execute((trx) =>
      publishMany(trx, [
        { channel: CHANNELS.task, payload: { programId, taskIds: [ids.baDinh, ids.phongDien, ids.hanoi] } },
        { channel: CHANNELS.report, payload: { programId, taskId: ids.phongDien, reportId: 1, state: 'submitted' } },
        { channel: CHANNELS.warning, payload: { programId, taskIds: [ids.baDinh] } },
      ]),
    );
    expect(await admin.until(() => admin.s.text.includes('event: program_warning'))).toBe(true);
    expect(await badinh.until(() => badinh.s.text.includes('event: program_warning'))).toBe(true);
    expect(await phongdien.until(() => phongdien.s.text.includes('event: program_report'))).toBe(true);
    expect(admin.s.text).toContain(`"taskIds":[${ids.baDinh},${ids.phongDien},${ids.hanoi}]`);
    expect(badinh.s.text).toContain(`"taskIds":[${ids.baDinh}],"count":1`);
    expect(badinh.s.text).not.toContain('program_report'); // Phong Điền's report: nothing of it reaches Ba Đình
    expect(badinh.s.text).not.toContain(String(ids.phongDien));
    expect(phongdien.s.text).toContain(`"taskIds":[${ids.phongDien}],"count":1`);
    expect(phongdien.s.text).not.toContain('program_warning');
    for (const x of [badinh, phongdien, admin]) await x.close();
  });

  it('ends the stream when its user signs out', async () => {
    const session = await signIn('badinh');
    const stream = await open(session.cookie);
    const other = await open((await signIn('badinh')).cookie); // the same user in another browser stays connected
    const out = await fetch(`${base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(out.status).toBe(204);
    expect(await stream.until(() => stream.s.ended)).toBe(true);
    await t.db
      .transaction()
      .execute((trx) => publishMany(trx, [{ channel: CHANNELS.task, payload: { programId, taskIds: [ids.baDinh] } }]));
    expect(await other.until(() => other.s.text.includes('event: program_task'))).toBe(true);
    expect(other.s.ended).toBe(false);
    await other.close();
  });
});
