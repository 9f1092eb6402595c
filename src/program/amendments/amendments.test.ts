// Amendments and the content they leave behind: a task added by an amendment
// runs from the amendment's effective date (not the program's start); a
// cascade records its decision and reason, and a new rollup mode of the
// cascaded task as a dated version of it; a rerun that changes nothing makes
// no program version; a deadline carried down to the cascaded copies is a
// dated version of each, so the content as of a date shows what they had.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createProgramFromTree } from '../tasks/tasks.import.ts';
import { TEST_META, testTree } from '../program.fixtures.ts';
import { addTask, adjustTask } from './amendments.service.ts';
import { cancelTask } from './amendments.cancel.ts';
import { cascadeTask } from '../cascade/cascade.service.ts';
import { taskHistory } from '../tasks/tasks.service.ts';
import { versionsAsOf } from '../tasks/tasks.versions.store.ts';
import { CascadeBody } from '../program.schemas.ts';
import { expectRollupsConsistent, taskByCode, reportAccepted } from '../program.testing.ts';

const ctx = systemContext('test');

describe.each(ENGINES)('amendments on %s', (engine) => {
  let t: TestDb;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let programId: number;
  const task = (code: string) => taskByCode(t, programId, code);
  const versions = (taskId: number) =>
    t.db.selectFrom('task_versions').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
  const amendments = () =>
    t.db
      .selectFrom('program_amendments')
      .selectAll()
      .where('program_id', '=', programId)
      .orderBy('version_no')
      .execute();

  beforeAll(async () => {
    t = await createTestDb(engine);
    units = await seedMiniRegistry(t.db);
    programId = (
      await createProgramFromTree(t.db, ctx, TEST_META, testTree(), { language: 'vi', effectiveDate: '2026-01-15' })
    ).program.id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("runs a task added by an amendment from the amendment's effective date, not from the program's start", async () => {
    const section = await task('II.2');
    const added = await addTask(t.db, ctx, {
      decisionRef: 'QĐ 40/QĐ-TTg',
      reason: 'Bổ sung nhiệm vụ năm 2027',
      effectiveDate: '2027-01-01',
      parentId: section.id,
      kind: 'task',
      task: { titleVi: 'Nhiệm vụ bổ sung năm 2027', deadline: { phrase: 'năm 2027' } },
    });
    expect(added).toMatchObject({ startDate: '2027-01-01', dueDate: '2027-12-31' });
    // The version records the same start as the task row.
    const [first] = await versions(added.id);
    expect(first).toMatchObject({ valid_from: '2027-01-01', valid_to: null });
    expect(first.content).toMatchObject({ startDate: '2027-01-01' });

    // Mid-2027 with 10%: 182 of 365 days have passed (49.9%), not 547 of 730 (74.9%, counted from 2026-01-01).
    await reportAccepted(
      t,
      added.id,
      { reportDate: '2027-07-01', progress: 10, status: 'in_progress' },
      { submittedOn: '2027-07-01' },
    );
    const atRisk = await t.db
      .selectFrom('program_warnings')
      .selectAll()
      .where('task_id', '=', added.id)
      .where('kind', '=', 'at_risk')
      .where('resolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(atRisk.facts).toMatchObject({ elapsedPct: 49.9, progress: 10 });
    expect(atRisk.message_en).toContain('49.9%');
    await expectRollupsConsistent(t, programId);
  });

  it('keeps a start the amendment names, and gives none to an added group', async () => {
    const section = await task('II.2');
    const group = await addTask(t.db, ctx, {
      decisionRef: 'QĐ 41',
      reason: 'Nhóm mới',
      effectiveDate: '2027-02-01',
      parentId: section.id,
      kind: 'group',
      task: { titleVi: 'Nhóm mới' },
    });
    expect(group.startDate).toBeNull();
    const own = await addTask(t.db, ctx, {
      decisionRef: 'QĐ 41',
      reason: 'Nhiệm vụ có ngày bắt đầu',
      effectiveDate: '2027-02-01',
      parentId: group.id,
      kind: 'task',
      task: { titleVi: 'Bắt đầu từ tháng 3', startDate: '2027-03-01', deadline: { phrase: 'năm 2027' } },
    });
    expect(own.startDate).toBe('2027-03-01');
    // The web form sends null for an empty start date: that is "no start of its own" too.
    const blank = await addTask(t.db, ctx, {
      decisionRef: 'QĐ 41',
      reason: 'Nhiệm vụ không ghi ngày bắt đầu',
      effectiveDate: '2027-02-01',
      parentId: group.id,
      kind: 'task',
      task: { titleVi: 'Không ghi ngày bắt đầu', startDate: null, deadline: { phrase: 'năm 2027' } },
    });
    expect(blank.startDate).toBe('2027-02-01');
    expect((await versions(blank.id))[0].content).toMatchObject({ startDate: '2027-02-01' });
  });

  it("records a cascade's decision and reason, and a new rollup mode as a dated version of the task", async () => {
    // The request body takes the new fields and still takes the old shape.
    expect(CascadeBody.parse({ target: { kind: 'all_provinces' } })).toEqual({ target: { kind: 'all_provinces' } });
    expect(
      CascadeBody.parse({ target: { kind: 'all_provinces' }, decisionRef: 'QĐ 50', reason: 'Giao' }),
    ).toMatchObject({ decisionRef: 'QĐ 50', reason: 'Giao' });

    const central = await task('II.1.a.1');
    expect(central.rollup_mode).toBe('average');
    const r = await cascadeTask(t.db, ctx, central.id, {
      target: { kind: 'units', unitIds: [units.hanoi] },
      rollupMode: 'all_must_finish',
      asOf: '2026-03-01',
      decisionRef: 'QĐ 50/QĐ-TTg',
      reason: 'Giao Hà Nội thực hiện thí điểm',
    });
    expect(r.created).toBe(1);
    const cascade = (await amendments()).at(-1)!;
    expect(cascade).toMatchObject({
      kind: 'cascade',
      decision_ref: 'QĐ 50/QĐ-TTg',
      reason: 'Giao Hà Nội thực hiện thí điểm',
      effective_date: '2026-03-01',
    });

    const after = await task('II.1.a.1');
    expect(after).toMatchObject({ rollup_mode: 'all_must_finish', version: central.version + 1 });
    const [imported, changed] = await versions(central.id);
    expect(imported).toMatchObject({ valid_from: '2026-01-15', valid_to: '2026-03-01' });
    expect(imported.content).toMatchObject({ rollupMode: 'average' });
    expect(changed).toMatchObject({ amendment_id: cascade.id, valid_from: '2026-03-01', valid_to: null });
    expect(changed.content).toMatchObject({ rollupMode: 'all_must_finish' });
    expect((await taskHistory(t.db, ctx, central.id)).items.at(-1)).toMatchObject({
      kind: 'cascade',
      decisionRef: 'QĐ 50/QĐ-TTg',
      reason: 'Giao Hà Nội thực hiện thí điểm',
      validFrom: '2026-03-01',
    });
    // The Hà Nội task's first version is under the same amendment.
    expect((await versions((await task('II.1.a.1@01')).id))[0]).toMatchObject({
      amendment_id: cascade.id,
      valid_from: '2026-03-01',
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'program.task.cascade')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({
      amendment: cascade.version_no,
      decisionRef: 'QĐ 50/QĐ-TTg',
      rollupMode: 'all_must_finish',
      created: 1,
      cascadedToUnitIds: [units.hanoi],
    });
    expect(audit.before).toMatchObject({ rollupMode: 'average', cascadedToUnitIds: [] });
    await expectRollupsConsistent(t, programId);
  });

  it('makes no program version for a rerun that changes nothing, and one for a rerun that changes only the rollup mode', async () => {
    const central = await task('II.1.a.1');
    const before = (await amendments()).length;
    const rerun = await cascadeTask(t.db, ctx, central.id, {
      target: { kind: 'units', unitIds: [units.hanoi] },
      asOf: '2026-04-01',
    });
    expect(rerun).toMatchObject({ created: 0, skipped: 1 });
    expect((await amendments()).length).toBe(before);
    expect((await task('II.1.a.1')).version).toBe(central.version);

    // An old caller's cascade (no decision, no reason) gets the generated reason and no decision reference.
    await cascadeTask(t.db, ctx, central.id, {
      target: { kind: 'units', unitIds: [units.hanoi] },
      rollupMode: 'weighted',
      asOf: '2026-04-01',
    });
    expect((await amendments()).at(-1)).toMatchObject({
      kind: 'cascade',
      decision_ref: null,
      reason: expect.stringContaining('II.1.a.1'),
      effective_date: '2026-04-01',
    });
    expect(
      (await versions(central.id)).map((v) => [
        v.valid_from,
        v.valid_to,
        (v.content as { rollupMode: string }).rollupMode,
      ]),
    ).toEqual([
      ['2026-01-15', '2026-03-01', 'average'],
      ['2026-03-01', '2026-04-01', 'all_must_finish'],
      ['2026-04-01', null, 'weighted'],
    ]);
  });

  it('versions the deadline carried down to the cascaded copies, so the content as of a date shows theirs', async () => {
    const central = await task('II.1.a.2');
    await cascadeTask(t.db, ctx, central.id, { target: { kind: 'units', unitIds: [units.hanoi] }, asOf: '2026-03-01' });
    // Huế's copy is assigned after the date the amendment below takes effect.
    await cascadeTask(t.db, ctx, central.id, { target: { kind: 'units', unitIds: [units.hue] }, asOf: '2026-06-01' });
    const [hanoiCopy, hueCopy] = [await task('II.1.a.2@01'), await task('II.1.a.2@46')];
    await adjustTask(t.db, ctx, central.id, {
      version: central.version,
      decisionRef: 'QĐ 60',
      reason: 'Lùi hạn',
      effectiveDate: '2026-05-01',
      changes: { deadline: { phrase: 'quý II/2027' } },
    });
    const adjust = (await amendments()).at(-1)!;
    const dated = async (id: number) =>
      (await versions(id)).map((v) => [
        v.amendment_id === adjust.id,
        v.valid_from,
        v.valid_to,
        (v.content as { deadline: { end: string } }).deadline.end,
      ]);
    expect(await dated(hanoiCopy.id)).toEqual([
      [false, '2026-03-01', '2026-05-01', '2026-12-31'],
      [true, '2026-05-01', null, '2027-06-30'],
    ]);
    // Never a version that ends before it starts: Huế's new one starts with its first (which then covers no day).
    expect(await dated(hueCopy.id)).toEqual([
      [false, '2026-06-01', '2026-06-01', '2026-12-31'],
      [true, '2026-06-01', null, '2027-06-30'],
    ]);

    // As the two provinces read the content as of a date (the country's view lists the program's own tasks only).
    const dueOn = async (date: string) =>
      Object.fromEntries(
        (await versionsAsOf(t.db, programId, date, [units.hanoi, units.hue]))
          .filter((v) => v.task_id === hanoiCopy.id || v.task_id === hueCopy.id)
          .map((v) => [
            (v.content as { code: string }).code,
            (v.content as { deadline: { end: string } }).deadline.end,
          ]),
      );
    expect(await dueOn('2026-04-30')).toEqual({ 'II.1.a.2@01': '2026-12-31' });
    expect(await dueOn('2026-05-01')).toEqual({ 'II.1.a.2@01': '2027-06-30' });
    expect(await dueOn('2026-06-01')).toEqual({ 'II.1.a.2@01': '2027-06-30', 'II.1.a.2@46': '2027-06-30' });
  });

  it("refuses a rollup mode dated before the task's current version, saving nothing", async () => {
    const central = await task('II.1.a.1');
    const before = { amendments: (await amendments()).length, versions: await versions(central.id) };
    const early = cascadeTask(t.db, ctx, central.id, {
      target: { kind: 'units', unitIds: [units.hue] },
      rollupMode: 'average',
      asOf: '2026-03-15',
    });
    await expect(early).rejects.toMatchObject({ status: 400 });
    expect((await amendments()).length).toBe(before.amendments);
    expect(await versions(central.id)).toEqual(before.versions);
    expect(
      await t.db.selectFrom('tasks').select('id').where('code', '=', 'II.1.a.1@46').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('cancels a task with its cascaded copies, never leaving a version that ends before it starts', async () => {
    const central = await task('II.2.1');
    await cascadeTask(t.db, ctx, central.id, { target: { kind: 'units', unitIds: [units.hanoi] }, asOf: '2026-03-01' });
    // Huế's copy is assigned after the date the cancellation below takes effect.
    await cascadeTask(t.db, ctx, central.id, { target: { kind: 'units', unitIds: [units.hue] }, asOf: '2026-06-01' });
    const [hanoiCopy, hueCopy, fresh] = [await task('II.2.1@01'), await task('II.2.1@46'), await task('II.2.1')];
    await cancelTask(t.db, ctx, central.id, {
      version: fresh.version,
      decisionRef: 'QĐ 70',
      reason: 'Không còn phù hợp',
      effectiveDate: '2026-05-01',
    });
    const cancel = (await amendments()).at(-1)!;
    expect(cancel).toMatchObject({ kind: 'cancel', decision_ref: 'QĐ 70' });
    const dated = async (id: number) =>
      (await versions(id)).map((v) => [
        v.amendment_id === cancel.id,
        v.valid_from,
        v.valid_to,
        (v.content as { cancelled: boolean }).cancelled,
      ]);
    expect(await dated(hanoiCopy.id)).toEqual([
      [false, '2026-03-01', '2026-05-01', false],
      [true, '2026-05-01', null, true],
    ]);
    expect(await dated(hueCopy.id)).toEqual([
      [false, '2026-06-01', '2026-06-01', false],
      [true, '2026-06-01', null, true],
    ]);
    expect((await Promise.all([task('II.2.1'), task('II.2.1@01'), task('II.2.1@46')])).map((x) => x.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    await expectRollupsConsistent(t, programId);
  });
});
