// Escalated warnings go out as signed webhooks after the commit, one batch per
// receiver per run, each delivery recorded with its attempts; the daily run
// passes the webhook settings through. A local HTTP receiver plays two
// receivers: one that answers 200 and one that keeps failing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { todayIso } from '../../platform/errors.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, DELIVERY_HEADER, verifyWebhook } from '../../platform/notify/webhook.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createProgramFromTree } from '../tasks/tasks.import.ts';
import { TEST_META, testTree } from '../program.fixtures.ts';
import { cascadeTask } from '../cascade/cascade.service.ts';
import { reevaluateAll } from './warnings.service.ts';
import { escalateWarnings } from './warnings.escalation.ts';
import { runDailyIfDue } from './warnings.daily.ts';
import { loadConfig } from '../../platform/config.ts';
import { createUser } from '../../accounts/accounts.service.ts';

const ctx = systemContext('test');
const SECRET = 'escalation-webhook-secret';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  escalatedInDb: boolean;
}

describe.each(ENGINES)('escalation webhooks on %s', (engine) => {
  let t: TestDb;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  const received: Received[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', async () => {
      // What the database says while the receiver is being told: the escalation must already be committed.
      const ids = (JSON.parse(body) as { warnings: { id: number }[] }).warnings.map((w) => w.id);
      const rows = await t.db.selectFrom('program_warnings').select('escalated_at').where('id', 'in', ids).execute();
      received.push({
        path: req.url ?? '',
        headers: req.headers,
        body,
        escalatedInDb: rows.length === ids.length && rows.every((r) => r.escalated_at !== null),
      });
      res.writeHead(req.url === '/ok' ? 200 : 500).end();
    });
  });
  let base = '';
  const config = () => ({
    smtpUrl: null,
    mailFrom: 'test@localhost',
    webhookUrls: [`${base}/ok`, `${base}/fail?token=abc`],
    webhookSecret: SECRET,
    webhookOptions: { backoffMs: 5, timeoutMs: 2000, maxAttempts: 3 },
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    t = await createTestDb(engine);
    units = await seedMiniRegistry(t.db);
    await t.db
      .insertInto('agencies')
      .values([
        {
          key: 'pc:01',
          unit_id: units.hanoi,
          kind: 'peoples_committee',
          name: 'UBND Thành phố Hà Nội',
          code: null,
          name_en: null,
          parent_agency_id: null,
          valid_from: null,
          valid_to: null,
          source: 'test',
        },
        {
          key: 'pc:46',
          unit_id: units.hue,
          kind: 'peoples_committee',
          name: 'UBND Thành phố Huế',
          code: null,
          name_en: null,
          parent_agency_id: null,
          valid_from: null,
          valid_to: null,
          source: 'test',
        },
      ])
      .execute();
    const programId = (
      await createProgramFromTree(t.db, ctx, TEST_META, testTree(), { language: 'vi', effectiveDate: '2026-01-15' })
    ).program.id;
    const central = await t.db
      .selectFrom('tasks')
      .select('id')
      .where('program_id', '=', programId)
      .where('code', '=', 'II.1.a.1')
      .executeTakeFirstOrThrow();
    await cascadeTask(t.db, ctx, central.id, { target: { kind: 'all_provinces' }, asOf: '2026-02-01' });
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
    await t?.drop();
  });

  it('sends one signed batch per receiver after the commit, and records every delivery', async () => {
    await reevaluateAll(t.db, todayIso()); // raises warnings today: none is old enough to escalate yet
    const open = await t.db
      .selectFrom('program_warnings as w')
      .innerJoin('tasks as t', 't.id', 'w.task_id')
      .select(['w.id', 't.code', 't.unit_id'])
      .where('w.resolved_at', 'is', null)
      .where('w.escalated_at', 'is', null)
      .where('t.unit_id', '<>', units.vn)
      .execute();
    expect(open.length).toBeGreaterThan(0);
    received.length = 0;

    const r = await escalateWarnings(t.db, '2027-01-05', config());
    expect(r.escalated).toBe(open.length); // warnings on central tasks have no level above and stay
    expect(r.webhooks).toEqual([
      { receiver: base, deliveryId: expect.any(String), ok: true, warnings: r.escalated, attempts: 1, error: null },
      {
        receiver: base,
        deliveryId: expect.any(String),
        ok: false,
        warnings: r.escalated,
        attempts: 3,
        error: '3 attempts, last: HTTP 500',
      },
    ]);
    expect(received.filter((x) => x.path === '/ok')).toHaveLength(1);
    expect(received.filter((x) => x.path.startsWith('/fail'))).toHaveLength(3);
    expect(received.every((x) => x.escalatedInDb)).toBe(true);

    const ok = received.find((x) => x.path === '/ok')!;
    expect(
      verifyWebhook(SECRET, String(ok.headers[SIGNATURE_HEADER]), Number(ok.headers[TIMESTAMP_HEADER]), ok.body),
    ).toBe(true);
    expect(
      verifyWebhook(
        'another-secret',
        String(ok.headers[SIGNATURE_HEADER]),
        Number(ok.headers[TIMESTAMP_HEADER]),
        ok.body,
      ),
    ).toBe(false);
    expect(ok.headers[DELIVERY_HEADER]).toBe(r.webhooks[0].deliveryId);
    const event = JSON.parse(ok.body);
    expect(event).toMatchObject({
      type: 'program.warnings.escalated',
      asOf: '2027-01-05',
      part: 1,
      parts: 1,
      count: open.length,
    });
    expect(event.warnings.map((w: { id: number }) => w.id).sort()).toEqual(open.map((w) => w.id).sort());
    const hanoi = event.warnings.find((w: { taskCode: string }) => w.taskCode === 'II.1.a.1@01');
    expect(hanoi).toMatchObject({
      escalatedTo: { unitId: units.vn, code: 'VN', name: 'Việt Nam' },
      escalationDays: 14,
      message: { vi: expect.any(String), en: expect.any(String) },
    });

    const records = await t.db.selectFrom('program_webhook_deliveries').selectAll().orderBy('receiver_no').execute();
    expect(records.map((d) => [d.receiver, d.receiver_no, d.ok, d.delivery_id, d.as_of, d.event])).toEqual([
      [base, 1, true, r.webhooks[0].deliveryId, '2027-01-05', 'program.warnings.escalated'],
      [base, 2, false, r.webhooks[1].deliveryId, '2027-01-05', 'program.warnings.escalated'],
    ]);
    expect(records[1].error).toBe('3 attempts, last: HTTP 500');
    expect((records[1].attempts as { status: number }[]).map((a) => a.status)).toEqual([500, 500, 500]);
    expect(records[0].warning_ids.map(Number).sort()).toEqual(open.map((w) => w.id).sort());
    expect(JSON.stringify(records)).not.toContain('token=abc'); // the receiver's token stays out of the records

    received.length = 0;
    expect((await escalateWarnings(t.db, '2027-01-06', config())).webhooks).toEqual([]); // nothing new: nothing sent
    expect(received).toHaveLength(0);
  });

  it('passes the settings through the daily run, which counts the deliveries', async () => {
    received.length = 0;
    const run = await runDailyIfDue(t.db, config(), '2027-02-01'); // the provinces' tasks are now overdue: new warnings
    expect(run).toMatchObject({ webhooksDelivered: 1, webhooksFailed: 1 });
    expect(run!.escalated).toBeGreaterThan(0);
    const stored = await t.db
      .selectFrom('program_daily_runs')
      .select('result')
      .where('as_of', '=', '2027-02-01')
      .executeTakeFirstOrThrow();
    expect(stored.result).toMatchObject({ webhooksDelivered: 1, webhooksFailed: 1 });
    expect(JSON.parse(received.find((x) => x.path === '/ok')!.body).count).toBe(run!.escalated);
  });

  it('gives a writer one digest instead of a note per warning when many escalate to them at once', async () => {
    const user = await createUser(t.db, ctx, {
      username: 'central-digest',
      displayName: 'Central',
      email: 'central@example.vn',
      password: 'correct horse battery',
      grants: [{ role: 'central_officer', unitCode: 'VN' }],
    });
    const provinceTasks = await t.db.selectFrom('tasks').select('id').where('cascaded', '=', true).execute();
    // Every kind open on both provinces' tasks, raised long ago: 12 warnings for the one writer above them.
    await t.db
      .updateTable('program_warnings')
      .set({ resolved_at: new Date() })
      .where('resolved_at', 'is', null)
      .execute();
    const kinds = ['overdue', 'at_risk', 'due_soon_low_progress', 'silent', 'lacking_resources', 'blocked'];
    await t.db
      .insertInto('program_warnings')
      .values(
        provinceTasks.flatMap((task) =>
          kinds.map((kind) => ({
            task_id: task.id,
            kind,
            severity: 'warning',
            message_vi: `Cảnh báo ${kind}`,
            message_en: `Warning ${kind}`,
            facts: '{}',
            raised_at: new Date('2026-06-01T03:00:00Z'),
          })),
        ),
      )
      .execute();
    const r = await escalateWarnings(t.db, '2027-01-05');
    expect(r.escalated).toBe(provinceTasks.length * kinds.length);
    const notes = await t.db.selectFrom('notifications').selectAll().where('user_id', '=', user.id).execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      kind: 'warnings_escalated',
      title_vi: `${r.escalated} cảnh báo chuyển lên từ cấp dưới`,
    });
    expect(notes[0].body_en).toContain(`and ${r.escalated - 10} more`);
  });
});

describe('webhook configuration', () => {
  const withEnv = (env: Record<string, string | undefined>, fn: () => void) => {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    try {
      fn();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  };

  it('reads APPARATUS_WEBHOOK_URLS (comma-separated) and APPARATUS_WEBHOOK_SECRET, and refuses URLs without a secret', () => {
    withEnv({ APPARATUS_WEBHOOK_URLS: undefined, APPARATUS_WEBHOOK_SECRET: undefined }, () => {
      expect(loadConfig()).toMatchObject({ webhookUrls: [], webhookSecret: null });
    });
    withEnv(
      {
        APPARATUS_WEBHOOK_URLS: ' https://a.example.vn/hook , http://127.0.0.1:9000/x,',
        APPARATUS_WEBHOOK_SECRET: 's3cret',
      },
      () => {
        expect(loadConfig()).toMatchObject({
          webhookUrls: ['https://a.example.vn/hook', 'http://127.0.0.1:9000/x'],
          webhookSecret: 's3cret',
        });
      },
    );
    withEnv({ APPARATUS_WEBHOOK_URLS: 'https://a.example.vn/hook', APPARATUS_WEBHOOK_SECRET: undefined }, () => {
      expect(() => loadConfig()).toThrow(/APPARATUS_WEBHOOK_SECRET/);
    });
    withEnv({ APPARATUS_WEBHOOK_URLS: 'ftp://a.example.vn/hook', APPARATUS_WEBHOOK_SECRET: 'x' }, () => {
      expect(() => loadConfig()).toThrow(/http:\/\/ or https:\/\//);
    });
  });
});
