// Cascade and rollup, reports and concurrency, amendments read as of a date,
// warnings on the daily clock and escalation, with the maintained rollups
// checked against a rebuild after every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { systemContext } from '../platform/context.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';
import { createProgramFromTree } from './tasks/tasks.import.ts';
import { TEST_META, testTree } from './program.fixtures.ts';
import { cascadeTask } from './cascade/cascade.service.ts';
import { submitReport, editReport, reviewReport } from './reports/reports.service.ts';
import { adjustTask } from './amendments/amendments.service.ts';
import { cancelTask } from './amendments/amendments.cancel.ts';
import { programAsOf } from './tasks/tasks.service.ts';
import { reevaluateAll } from './warnings/warnings.service.ts';
import { escalateWarnings } from './warnings/warnings.escalation.ts';
import { overview } from './dashboards/dashboards.service.ts';
import { expectRollupsConsistent, reportAccepted, taskByCode } from './program.testing.ts';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createUser } from '../accounts/accounts.service.ts';
import { closeEmailTransports } from '../platform/notify/email.ts';

const ctx = systemContext('test');

describe.each(ENGINES)('program flow on %s', (engine) => {
  let t: TestDb;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let programId: number;
  const task = (code: string) => taskByCode(t, programId, code);

  const mails: string[] = [];
  const catcher = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (c: string) => {
        raw += c;
      });
      stream.on('end', () => {
        mails.push(raw);
        callback();
      });
    },
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
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
          key: 'pc:00004',
          unit_id: units.baDinh,
          kind: 'peoples_committee',
          name: 'UBND Phường Ba Đình',
          code: null,
          name_en: null,
          parent_agency_id: null,
          valid_from: null,
          valid_to: null,
          source: 'test',
        },
      ])
      .execute();
    programId = (
      await createProgramFromTree(t.db, ctx, TEST_META, testTree(), { language: 'vi', effectiveDate: '2026-01-15' })
    ).program.id;
  });
  afterAll(async () => {
    closeEmailTransports();
    await new Promise<void>((r) => catcher.close(r));
    await t?.drop();
  });

  it("cascades to provinces and communes with the People's Committee as lead, and rolls progress up", async () => {
    const central = await task('II.1.a.1');
    const first = await cascadeTask(t.db, ctx, central.id, { target: { kind: 'all_provinces' }, asOf: '2026-02-01' });
    expect(first).toMatchObject({ created: 2, skipped: 0, withoutCommittee: [units.hue] });
    expect(
      (await cascadeTask(t.db, ctx, central.id, { target: { kind: 'all_provinces' }, asOf: '2026-02-01' })).skipped,
    ).toBe(2);
    const hanoiTask = await task('II.1.a.1@01');
    expect(hanoiTask).toMatchObject({
      cascaded: true,
      unit_id: units.hanoi,
      due_date: '2026-12-31',
      section_id: central.section_id,
    });
    const communes = await cascadeTask(t.db, ctx, hanoiTask.id, {
      target: { kind: 'communes_of', provinceId: units.hanoi },
      asOf: '2026-02-01',
    });
    expect(communes.created).toBe(1); // Trúc Bạch ended on 2025-07-01; only Ba Đình is in force
    const upward = cascadeTask(t.db, ctx, hanoiTask.id, {
      target: { kind: 'units', unitIds: [units.hueCommune] },
      asOf: '2026-02-01',
    });
    await expect(upward).rejects.toMatchObject({ status: 400 });
    const baDinhTask = await task('II.1.a.1@01@00004');
    // Submitted, the report is "reported": the official figures wait for the level above to accept it.
    const sent = await submitReport(t.db, ctx, baDinhTask.id, {
      reportDate: '2026-03-01',
      progress: 60,
      status: 'in_progress',
    });
    expect(await task('II.1.a.1@01@00004')).toMatchObject({
      progress: 0,
      reported_progress: 60,
      pending_report_id: sent.id,
    });
    expect((await task('II.1.a.1@01')).progress).toBe(0);
    await reviewReport(t.db, ctx, sent.id, 'accept', { version: sent.version });
    expect(await task('II.1.a.1@01@00004')).toMatchObject({
      progress: 60,
      reported_progress: null,
      pending_report_id: null,
    });
    expect((await task('II.1.a.1@01')).progress).toBe(60);
    expect(await task('II.1.a.1')).toMatchObject({ progress: 30, status: 'in_progress' }); // average of 60 and 0
    await expect(submitReport(t.db, ctx, central.id, { progress: 10, status: 'in_progress' })).rejects.toMatchObject({
      status: 400,
    });
    await adjustTask(t.db, ctx, central.id, {
      version: central.version,
      decisionRef: 'QĐ 2/2026',
      reason: 'đo theo đơn vị hoàn thành',
      effectiveDate: '2026-03-02',
      changes: { rollupMode: 'all_must_finish' },
    });
    expect((await task('II.1.a.1')).progress).toBe(0);
    await reportAccepted(t, baDinhTask.id, { reportDate: '2026-03-10', progress: 100, status: 'done' });
    expect(await task('II.1.a.1@01')).toMatchObject({ status: 'done', progress: 100, done_date: '2026-03-10' });
    expect(await task('II.1.a.1')).toMatchObject({ status: 'in_progress', progress: 50 });
    await expectRollupsConsistent(t, programId);
    const dash = await overview(t.db, ctx, programId);
    expect(dash.children.map((c) => [c.code, c.total])).toEqual([
      ['01', 2],
      ['46', 1],
    ]);
    expect(dash.total).toBe(3 + 3); // three central tasks, two province tasks, one commune task
  });

  it('refuses a stale report edit with 409 and returns the refused change', async () => {
    const baDinhTask = await task('II.1.a.1@01@00004');
    const r = await submitReport(t.db, ctx, baDinhTask.id, {
      reportDate: '2026-04-01',
      progress: 100,
      status: 'done',
      narrative: 'xong',
    });
    await editReport(t.db, ctx, r.id, { version: r.version, narrative: 'Officer A' });
    const stale = editReport(t.db, ctx, r.id, { version: r.version, narrative: 'Officer B' });
    await expect(stale).rejects.toMatchObject({
      status: 409,
      extra: { yourChange: { narrative: 'Officer B' }, current: { narrative: 'Officer A', version: 2 } },
    });
    const returned = await reviewReport(t.db, ctx, r.id, 'return', { version: 2, comment: 'Thiếu minh chứng' });
    expect(returned).toMatchObject({ state: 'returned', version: 3 });
    await expectRollupsConsistent(t, programId);
  });

  it('keeps every past version readable as of a date', async () => {
    const regulation = await task('II.1.a.2');
    await adjustTask(t.db, ctx, regulation.id, {
      version: regulation.version,
      decisionRef: 'QĐ 15/2026',
      reason: 'lùi hạn',
      effectiveDate: '2026-03-01',
      changes: { deadline: { phrase: 'quý II/2027' } },
    });
    const stale = adjustTask(t.db, ctx, regulation.id, {
      version: regulation.version,
      decisionRef: 'x',
      reason: 'y',
      effectiveDate: '2026-03-05',
      changes: { tags: ['z'] },
    });
    await expect(stale).rejects.toMatchObject({ status: 409 });
    const scheme = await task('II.2.1');
    await cancelTask(t.db, ctx, scheme.id, {
      version: scheme.version,
      decisionRef: 'QĐ 20/2026',
      reason: 'gộp vào đề án khác',
      effectiveDate: '2026-04-01',
    });
    const find = (items: { taskId: number }[], id: number) =>
      items.find((i) => i.taskId === id) as unknown as { deadline: { end: string } | null; cancelled: boolean };
    const feb = await programAsOf(t.db, ctx, programId, '2026-02-01');
    expect(find(feb.items, regulation.id).deadline!.end).toBe('2026-12-31');
    const mar = await programAsOf(t.db, ctx, programId, '2026-03-02');
    expect(find(mar.items, regulation.id).deadline!.end).toBe('2027-06-30');
    expect(find(mar.items, scheme.id).cancelled).toBe(false);
    expect(find((await programAsOf(t.db, ctx, programId, '2026-05-01')).items, scheme.id).cancelled).toBe(true);
    expect((await task('II.1.a.2')).due_date).toBe('2027-06-30');
    // A deadline amendment of a cascaded task carries down to its copies in the units.
    const digitise = await task('II.1.a.1');
    await adjustTask(t.db, ctx, digitise.id, {
      version: digitise.version,
      decisionRef: 'QĐ 16/2026',
      reason: 'lùi hạn',
      effectiveDate: '2026-03-03',
      changes: { deadline: { phrase: 'tháng 6 năm 2027' } },
    });
    expect(await task('II.1.a.1@01@00004')).toMatchObject({ due_date: '2027-06-30', deadline_kind: 'month' });
    await adjustTask(t.db, ctx, digitise.id, {
      version: digitise.version + 1,
      decisionRef: 'QĐ 17/2026',
      reason: 'trả lại hạn',
      effectiveDate: '2026-03-04',
      changes: { deadline: { phrase: 'quý IV/2026' } },
    });
    await expectRollupsConsistent(t, programId);
  });

  it('re-evaluates everything on the daily clock, marks overdue tasks and escalates old warnings', async () => {
    await createUser(t.db, ctx, {
      username: 'central',
      displayName: 'Central',
      email: 'central@example.vn',
      password: 'correct horse battery',
      grants: [{ role: 'central_officer', unitCode: 'VN' }],
    });
    const smtpUrl = `smtp://127.0.0.1:${(catcher.server.address() as AddressInfo).port}`;
    const run = await reevaluateAll(t.db, '2027-01-05', 5000, { smtpUrl, mailFrom: 'Apparatus <no-reply@example.vn>' });
    expect(run.tasks).toBe(6);
    expect(await task('II.1.a.1@46')).toMatchObject({ status: 'overdue', rating: 'red' });
    const warning = await t.db
      .selectFrom('program_warnings')
      .selectAll()
      .where('kind', '=', 'overdue')
      .where('resolved_at', 'is', null)
      .execute();
    expect(warning.length).toBeGreaterThan(0);
    await expectRollupsConsistent(t, programId);
    const again = await reevaluateAll(t.db, '2027-01-05');
    expect(again.changed).toBe(0); // nothing changed, nothing written
    // Warnings raised today are not escalated today; the run on 2027-01-05 (over 14 days later) escalated them.
    expect((await escalateWarnings(t.db, new Date().toISOString().slice(0, 10))).escalated).toBe(0);
    expect(run.escalated).toBeGreaterThan(0);
    expect(run.emailsSent).toBe(run.escalated); // one writer at the country level, with an address
    expect(mails.length).toBe(run.escalated);
    expect(mails.every((m) => m.includes('To: central@example.vn'))).toBe(true);
    const inbox = await t.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.kind'])
      .where('u.username', '=', 'central')
      .execute();
    expect(inbox.length).toBe(run.escalated);
    const escalated = await t.db
      .selectFrom('program_warnings as w')
      .innerJoin('tasks as t', 't.id', 'w.task_id')
      .select(['t.code', 'w.escalated_to_unit'])
      .where('t.code', '=', 'II.1.a.1@46')
      .where('w.escalated_at', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(escalated.escalated_to_unit).toBe(units.vn);
  });
});
