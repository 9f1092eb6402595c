// Saving an Excel task list into a program through the API: export, edit one
// cell, import → one adjusted task with a new version; a file that edits and
// adds several rows → ONE amendment (program version) that every new task
// version points to; a bad row → nothing saved and the error names the row; a
// dry run saves nothing; only central writers may amend; the rollups stay consistent.
import ExcelJS from 'exceljs';
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
import { adjustTask } from '../amendments/amendments.service.ts';
import { COLUMNS } from '../parse/tasklist.template.ts';
import { TASKS_SHEET } from '../parse/tasklist.xlsx.ts';
import { expectRollupsConsistent, taskByCode } from '../program.testing.ts';
import { multipartBody, type MultipartBody } from '../../platform/upload/upload.testing.ts';

const PASSWORD = 'correct horse battery';
const ctx = systemContext('test');
const col = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;

/** Changes cells of the exported workbook: rows by code, or new rows at the end. */
async function edit(xlsx: Buffer, change: (ws: ExcelJS.Worksheet, rowOf: (code: string) => ExcelJS.Row) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(TASKS_SHEET)!;
  const rowOf = (code: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === code) found = r;
    });
    return found!;
  };
  change(ws, rowOf);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(ENGINES)('Excel task list saved as amendments on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let programId: number;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const call = async (user: string, method: 'GET' | 'POST', url: string, payload?: Promise<MultipartBody>) => {
    const form = await payload;
    return app.inject({
      method,
      url,
      payload: form?.payload,
      headers: { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf, ...form?.headers },
    });
  };
  const task = (code: string) => taskByCode(t, programId, code);
  const amendments = () =>
    t.db
      .selectFrom('program_amendments')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('program_id', '=', programId)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const body = (xlsx: Buffer, over: Record<string, string | boolean> = {}) =>
    multipartBody(
      {
        decisionRef: 'QĐ 25/QĐ-TTg',
        reason: 'Điều chỉnh theo kết luận giao ban',
        effectiveDate: '2026-04-01',
        ...over,
      },
      { name: 'nhiem-vu.xlsx', content: xlsx },
    );
  const exported = async (user = 'central') => {
    const res = await call(user, 'GET', `/api/programs/${programId}/tasklist.xlsx`);
    expect(res.statusCode).toBe(200);
    return res.rawPayload;
  };

  beforeAll(async () => {
    t = await createTestDb(engine);
    const units = await seedMiniRegistry(t.db);
    await t.db
      .insertInto('agencies')
      .values(
        ['Bộ Nội vụ', 'Bộ Tài chính', 'Bộ Tư pháp'].map((name, i) => ({
          key: `m:${i}`,
          unit_id: units.vn,
          kind: 'ministry',
          name,
          code: null,
          name_en: null,
          parent_agency_id: null,
          valid_from: null,
          valid_to: null,
          source: 'test',
        })),
      )
      .execute();
    for (const [username, role, unitCode] of [
      ['central', 'central_officer', 'VN'],
      ['viewer', 'viewer', 'VN'],
      ['hanoi', 'province_officer', '01'],
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
    // A lead agency, coordinators and two funding lines, so the export has them to carry.
    const [noiVu, taiChinh, tuPhap] = (await t.db.selectFrom('agencies').select('id').orderBy('id').execute()).map(
      (a) => a.id,
    );
    const t1 = await task('II.1.a.1');
    await adjustTask(t.db, ctx, t1.id, {
      decisionRef: 'QĐ 1',
      reason: 'Giao cơ quan chủ trì',
      effectiveDate: '2026-02-01',
      version: t1.version,
      changes: {
        leadAgencyId: noiVu,
        coordinatingAgencyIds: [taiChinh, tuPhap],
        tags: ['chuyển đổi số'],
        funding: [
          { source: 'central_budget', amountRequired: 1000, amountAllocated: 400 },
          { source: 'central_budget', amountRequired: 500, amountAllocated: null },
        ],
      },
    });
    app = await buildServer(t, loadConfig(), { logger: false });
    for (const u of ['central', 'viewer', 'hanoi']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u, password: PASSWORD },
      });
      sessions[u] = {
        cookie: `apparatus_session=${res.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
        csrf: res.json().csrfToken,
      };
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('re-imports its own export with nothing to change', async () => {
    const before = await amendments();
    const res = await call('central', 'POST', `/api/programs/${programId}/tasklist`, body(await exported()));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ dryRun: false, added: [], changed: [], unchanged: 8, notInFile: [] });
    expect(await amendments()).toBe(before);
  });

  it('turns one edited cell into one adjusted task with a new version, after a dry run that saved nothing', async () => {
    const xlsx = await edit(await exported(), (_ws, rowOf) => {
      rowOf('II.1.a.2').getCell(col('deadlinePhrase')).value = 'quý II/2027';
    });
    const before = { task: await task('II.1.a.2'), amendments: await amendments() };
    const dry = await call('central', 'POST', `/api/programs/${programId}/tasklist`, body(xlsx, { dryRun: true }));
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      added: [],
      changed: [{ code: 'II.1.a.2', taskId: before.task.id, fields: ['Thời hạn / Deadline'] }],
      unchanged: 7,
    });
    expect(await task('II.1.a.2')).toEqual(before.task);
    expect(await amendments()).toBe(before.amendments);

    const res = await call('central', 'POST', `/api/programs/${programId}/tasklist`, body(xlsx));
    expect(res.statusCode).toBe(201);
    expect(res.json().changed).toHaveLength(1);
    const after = await task('II.1.a.2');
    expect(after).toMatchObject({
      version: before.task.version + 1,
      due_date: '2027-06-30',
      deadline_kind: 'quarter',
      deadline_text: 'quý II/2027',
    });
    const history = (await call('central', 'GET', `/api/tasks/${after.id}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({
      kind: 'tasklist',
      decisionRef: 'QĐ 25/QĐ-TTg',
      reason: 'Điều chỉnh theo kết luận giao ban',
      validFrom: '2026-04-01',
      validTo: null,
    });
    expect(await amendments()).toBe(before.amendments + 1);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('action', '=', 'program.tasklist.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe('central');
    await expectRollupsConsistent(t, programId);
  });

  it('adds new codes under their parent (a new group with its task), counted under the section', async () => {
    const xlsx = await edit(await exported(), (ws) => {
      ws.addRow(['II.1.b', 'II.1', 'Thể chế hành chính']);
      ws.addRow([
        'II.1.b.1',
        'II.1.b',
        'Ban hành quy định mới',
        'New regulation',
        'Bộ Tư pháp',
        'Bộ Nội vụ',
        'tháng 9/2026',
        null,
        'central_budget',
        200,
        0,
        'quy định',
        'thể chế',
      ]);
    });
    const res = await call('central', 'POST', `/api/programs/${programId}/tasklist`, body(xlsx));
    expect(res.statusCode).toBe(201);
    expect(res.json().added).toEqual([
      { row: 10, code: 'II.1.b', parentCode: 'II.1', kind: 'group' },
      { row: 11, code: 'II.1.b.1', parentCode: 'II.1.b', kind: 'task' },
    ]);
    const added = await task('II.1.b.1');
    // No start in the file: the task runs from the import's effective date (and a group gets none).
    expect(added).toMatchObject({
      kind: 'task',
      section_id: (await task('II.1')).id,
      due_date: '2026-09-30',
      outputs: ['regulation'],
      tags: ['thể chế'],
      start_date: '2026-04-01',
    });
    expect((await task('II.1.b')).start_date).toBeNull();
    expect(added.parent_id).toBe((await task('II.1.b')).id);
    await expectRollupsConsistent(t, programId);
  });

  it('records one amendment for a file that edits several rows and adds some, every task version under it', async () => {
    const xlsx = await edit(await exported(), (ws, rowOf) => {
      rowOf('II.1.a.1').getCell(col('titleVi')).value = 'Số hóa toàn bộ hồ sơ';
      rowOf('II.1.a.2').getCell(col('tags')).value = 'quy chế';
      rowOf('II.2.1').getCell(col('deadlinePhrase')).value = 'năm 2029';
      ws.addRow(['II.2.2', 'II.2', 'Đề án bổ sung A']);
      ws.addRow(['II.2.3', 'II.2', 'Đề án bổ sung B', null, null, null, 'năm 2027', '2026-06-01']);
    });
    const before = await amendments();
    const res = await call(
      'central',
      'POST',
      `/api/programs/${programId}/tasklist`,
      body(xlsx, {
        decisionRef: 'QĐ 31/QĐ-TTg',
        reason: 'Cập nhật danh mục nhiệm vụ quý II',
        effectiveDate: '2026-05-01',
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().changed.map((c: { code: string }) => c.code)).toEqual(['II.1.a.1', 'II.1.a.2', 'II.2.1']);
    expect(res.json().added.map((a: { code: string }) => a.code)).toEqual(['II.2.2', 'II.2.3']);
    expect(await amendments()).toBe(before + 1);
    const program = await t.db
      .selectFrom('programs')
      .select('current_version')
      .where('id', '=', programId)
      .executeTakeFirstOrThrow();
    const amendment = await t.db
      .selectFrom('program_amendments')
      .selectAll()
      .where('program_id', '=', programId)
      .where('version_no', '=', program.current_version)
      .executeTakeFirstOrThrow();
    expect(amendment).toMatchObject({
      kind: 'tasklist',
      decision_ref: 'QĐ 31/QĐ-TTg',
      reason: 'Cập nhật danh mục nhiệm vụ quý II',
      effective_date: '2026-05-01',
      actor: 'central',
    });
    const codes = ['II.1.a.1', 'II.1.a.2', 'II.2.1', 'II.2.2', 'II.2.3'];
    const current = await t.db
      .selectFrom('task_versions as v')
      .innerJoin('tasks as t', 't.id', 'v.task_id')
      .select(['t.code', 'v.amendment_id', 'v.valid_from'])
      .where('t.program_id', '=', programId)
      .where('t.code', 'in', codes)
      .where('v.valid_to', 'is', null)
      .orderBy('t.code')
      .execute();
    expect(current).toEqual(codes.map((code) => ({ code, amendment_id: amendment.id, valid_from: '2026-05-01' })));
    // Nothing else was versioned under it, and the added tasks start on the effective date unless the file names a start.
    expect(
      await t.db.selectFrom('task_versions').select('task_id').where('amendment_id', '=', amendment.id).execute(),
    ).toHaveLength(codes.length);
    expect([(await task('II.2.2')).start_date, (await task('II.2.3')).start_date]).toEqual([
      '2026-05-01',
      '2026-06-01',
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'program.tasklist.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ amendment: amendment.version_no, decisionRef: 'QĐ 31/QĐ-TTg' });
    await expectRollupsConsistent(t, programId);

    // An added task's history names the import, as an adjusted one's does.
    const added = (await call('central', 'GET', `/api/tasks/${(await task('II.2.2')).id}/history`)).json().items;
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ kind: 'tasklist', decisionRef: 'QĐ 31/QĐ-TTg', validFrom: '2026-05-01' });
  });

  it('saves nothing when any row is bad, and lists every bad row', async () => {
    const xlsx = await edit(await exported(), (_ws, rowOf) => {
      rowOf('II.1.a.1').getCell(col('titleVi')).value = 'Số hóa hồ sơ (đã sửa)';
      rowOf('II.1.a.2').getCell(col('deadlinePhrase')).value = 'quý V/2027';
      rowOf('II.2.1').getCell(col('start')).value = '2026-31-01';
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const rowNo = (code: string) => {
      let n = 0;
      wb.getWorksheet(TASKS_SHEET)!.eachRow((r, i) => {
        if (r.getCell(1).value === code) n = i;
      });
      return n;
    };
    const before = {
      tasks: await t.db.selectFrom('tasks').selectAll().where('program_id', '=', programId).orderBy('id').execute(),
      amendments: await amendments(),
    };
    const res = await call('central', 'POST', `/api/programs/${programId}/tasklist`, body(xlsx));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [rowNo('II.1.a.2'), 'Thời hạn / Deadline'],
      [rowNo('II.2.1'), 'Ngày bắt đầu / Start'],
    ]);
    expect(res.json().detail).toContain(`row ${rowNo('II.1.a.2')} (Thời hạn / Deadline)`);

    // A file that reads well is then checked against the program and the registry, again every row at once.
    const readable = await edit(xlsx, (ws, r) => {
      r('II.1.a.2').getCell(col('deadlinePhrase')).value = 'quý II/2027';
      r('II.2.1').getCell(col('start')).value = null;
      r('II.2.1').getCell(col('leadAgency')).value = 'Bộ Không Có';
      r('II.1.a.2').getCell(col('parentCode')).value = 'II.2';
      ws.addRow(['III', null, 'Phần mới']);
    });
    const again = await call('central', 'POST', `/api/programs/${programId}/tasklist`, body(readable));
    expect(again.statusCode).toBe(400);
    expect(
      again
        .json()
        .errors.map((e: { row: number; column: string; message: { en: string } }) => [e.row, e.column, e.message.en]),
    ).toEqual([
      [rowNo('II.1.a.2'), 'Mã cấp trên / Parent code', expect.stringContaining('cannot move from "II.1.a" to "II.2"')],
      [rowNo('II.2.1'), 'Cơ quan chủ trì / Lead agency', 'No agency named "Bộ Không Có" in the registry.'],
      [
        wb.getWorksheet(TASKS_SHEET)!.rowCount + 1,
        'Mã cấp trên / Parent code',
        expect.stringContaining('New row "III" needs a parent code'),
      ],
    ]);
    expect(
      await t.db.selectFrom('tasks').selectAll().where('program_id', '=', programId).orderBy('id').execute(),
    ).toEqual(before.tasks);
    expect(await amendments()).toBe(before.amendments);
  });

  it('rolls back rows already applied when a later one is refused on the way, naming that row', async () => {
    const xlsx = await edit(await exported(), (ws, rowOf) => {
      ws.addRow(['II.2.9', 'II.2', 'Nhiệm vụ bổ sung']);
      rowOf('II.2.1').getCell(col('titleVi')).value = 'Đề án tăng trưởng (sửa)';
    });
    const before = await amendments();
    // II.2.1 already has a version from 2026-01-15; an amendment dated earlier is refused by adjustTask.
    const res = await call(
      'central',
      'POST',
      `/api/programs/${programId}/tasklist`,
      body(xlsx, { effectiveDate: '2026-01-01' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toHaveLength(1);
    expect(res.json().errors[0].message.en).toMatch(/effective date 2026-01-01 is before/);
    expect(await amendments()).toBe(before);
    expect(await t.db.selectFrom('tasks').select('id').where('code', '=', 'II.2.9').executeTakeFirst()).toBeUndefined();
  });

  it('lets only central writers amend: a province officer and a national viewer are refused', async () => {
    const xlsx = await exported();
    expect((await call('viewer', 'GET', `/api/programs/${programId}/tasklist.xlsx`)).statusCode).toBe(200);
    expect((await call('hanoi', 'GET', `/api/programs/${programId}/tasklist.xlsx`)).statusCode).toBe(403);
    for (const user of ['viewer', 'hanoi']) {
      const res = await call(user, 'POST', `/api/programs/${programId}/tasklist`, body(xlsx, { dryRun: true }));
      expect([user, res.statusCode]).toEqual([user, 403]);
    }
    expect((await call('central', 'POST', `/api/programs/999999/tasklist`, body(xlsx))).statusCode).toBe(404);
  });
});
