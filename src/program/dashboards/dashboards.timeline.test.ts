// The due-date timeline reads the maintained due-month rollups: after a series
// of changes (create, cascade, report, deadline moved, cancel, add, daily run)
// it must equal a live GROUP BY over the task table, for the country, a
// province and a commune officer's own scope.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createProgramFromTree } from '../tasks/tasks.import.ts';
import { TEST_META, testTree } from '../program.fixtures.ts';
import { cascadeTask } from '../cascade/cascade.service.ts';
import { addTask, adjustTask } from '../amendments/amendments.service.ts';
import { cancelTask } from '../amendments/amendments.cancel.ts';
import { reevaluateAll } from '../warnings/warnings.service.ts';
import { myTasks, taskList, timeline } from './dashboards.service.ts';
import { expectRollupsConsistent, taskByCode, reportAccepted } from '../program.testing.ts';
import { createUser } from '../../accounts/accounts.service.ts';

const ctx = systemContext('test');
const FROM = '2026-01-01',
  TO = '2030-12-31';
const amend = { decisionRef: 'QĐ 12/QĐ-TTg', reason: 'Điều chỉnh thời hạn', effectiveDate: '2026-03-01' };

describe.each(ENGINES)('due-date timeline from rollups on %s', (engine) => {
  let t: TestDb;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let programId: number;
  const task = (code: string) => taskByCode(t, programId, code);

  /** The timeline as the task table says it (the query the timeline ran before the rollups). */
  async function live(unitIds: number[] | null) {
    const r = await sql<{ month: string; due: number; atRisk: number; done: number }>`
      select to_char(t.due_date, 'YYYY-MM') as month, count(*)::int as due,
             count(*) filter (where t.rating in ('amber_red','red'))::int as "atRisk",
             count(*) filter (where t.status in ('done','done_late'))::int as done
      from tasks t
      where t.program_id = ${programId} and t.kind = 'task' and t.due_date between ${FROM}::date and ${TO}::date and t.status <> 'cancelled'
        ${unitIds ? sql`and t.unit_id = any(${unitIds}::bigint[])` : sql``}
      group by 1 order by 1`.execute(t.db);
    return r.rows;
  }
  const fromRollups = async (unitId?: number, as: RequestContext = ctx) =>
    (await timeline(t.db, as, programId, { unitId, from: FROM, to: TO })).months;

  async function expectSame() {
    await expectRollupsConsistent(t, programId);
    expect(await fromRollups()).toEqual(await live(null));
    expect(await fromRollups(units.hanoi)).toEqual(await live([units.hanoi, units.trucBach, units.baDinh]));
    expect(await fromRollups(units.hueCommune)).toEqual(await live([units.hueCommune]));
  }

  beforeAll(async () => {
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
        {
          key: 'pc:19900',
          unit_id: units.hueCommune,
          kind: 'peoples_committee',
          name: 'UBND Xã Phong Điền',
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
    await t?.drop();
  });

  it('starts equal to the task table after the import', async () => {
    const months = await fromRollups();
    expect(months.map((m) => [m.month, m.due])).toEqual([
      ['2026-12', 2],
      ['2030-12', 1],
    ]);
    await expectSame();
  });

  it('stays equal through cascade, reports, a moved deadline, a cancellation, an added task and the daily run', async () => {
    const central = await task('II.1.a.1');
    await cascadeTask(t.db, ctx, central.id, { target: { kind: 'all_provinces' }, asOf: '2026-02-01' });
    await cascadeTask(t.db, ctx, (await task('II.1.a.1@01')).id, {
      target: { kind: 'communes_of', provinceId: units.hanoi },
      asOf: '2026-02-01',
    });
    await cascadeTask(t.db, ctx, (await task('II.1.a.1@46')).id, {
      target: { kind: 'communes_of', provinceId: units.hue },
      asOf: '2026-02-01',
    });
    await expectSame();

    await reportAccepted(t, (await task('II.1.a.1@46@19900')).id, {
      reportDate: '2026-03-01',
      progress: 100,
      status: 'done',
    });
    await reportAccepted(t, (await task('II.1.a.1@01@00004')).id, {
      reportDate: '2026-03-01',
      progress: 5,
      status: 'in_progress',
    });
    await expectSame();
    expect(await fromRollups(units.hueCommune)).toEqual([{ month: '2026-12', due: 1, atRisk: 0, done: 1 }]);

    // The central deadline moves from Q4 2026 to June 2027; every cascaded copy moves with it.
    const moved = await task('II.1.a.1');
    await adjustTask(t.db, ctx, moved.id, {
      ...amend,
      version: moved.version,
      changes: { deadline: { phrase: 'tháng 6/2027' } },
    });
    await expectSame();
    expect((await fromRollups(units.baDinh)).map((m) => m.month)).toEqual(['2027-06']);

    const cancelled = await task('II.2.1');
    await cancelTask(t.db, ctx, cancelled.id, { ...amend, version: cancelled.version });
    await expectSame();
    expect((await fromRollups()).map((m) => m.month)).not.toContain('2030-12');

    // A task added under a lettered group counts under its section, on the dashboards and the timeline.
    const group = await task('II.1.a');
    const added = await addTask(t.db, ctx, {
      ...amend,
      parentId: group.id,
      kind: 'task',
      task: { titleVi: 'Nhiệm vụ mới', deadline: { phrase: 'quý III/2026' } },
    });
    expect(added.sectionId).toBe((await task('II.1')).id);
    await expectSame();

    // The daily run (preloaded unit chains) marks the 2026 tasks overdue and rates them.
    await reevaluateAll(t.db, '2027-01-20');
    await expectSame();
    const after = await fromRollups();
    expect(after.find((m) => m.month === '2026-09')).toMatchObject({ due: 1, atRisk: 1 });
  });

  it('lists overdue, at-risk and "my" tasks in camelCase', async () => {
    const overdue = await taskList(t.db, ctx, programId, 'overdue', { limit: 50, offset: 0 });
    expect(overdue.total).toBeGreaterThan(0);
    const added = await task('II.1.a.3');
    expect(overdue.items.find((i) => i.taskId === added.id)).toEqual({
      taskId: added.id,
      taskCode: 'II.1.a.3',
      title: { vi: 'Nhiệm vụ mới', en: null },
      unitId: units.vn,
      unitName: 'Việt Nam',
      dueDate: '2026-09-30',
      status: 'overdue',
      progress: 0,
      rating: added.rating,
      warningKinds: added.warning_kinds,
      ratingExplanation: added.rating_explanation,
      lastReportDate: null,
      version: added.version,
      reported: null,
    });
    const atRisk = await taskList(t.db, ctx, programId, 'at_risk', { unitId: units.hanoi, limit: 50, offset: 0 });
    expect(atRisk.items.every((i) => ['amber_red', 'red'].includes(i.rating!) && typeof i.unitName === 'string')).toBe(
      true,
    );
    const mine = await myTasks(t.db, ctx, programId, { limit: 50, offset: 0 });
    expect(mine.items.map((i) => i.taskCode)).toContain('II.1.a.3');
    expect(Object.keys(mine.items[0]).filter((k) => k.includes('_'))).toEqual([]);
  });

  it('shows a commune officer only their own commune, and limits by whole months', async () => {
    await createUser(t.db, ctx, {
      username: 'phongdien',
      displayName: 'Phong Điền',
      password: 'correct horse battery',
      grants: [{ role: 'commune_officer', unitCode: '19900' }],
    });
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'phongdien')
      .executeTakeFirstOrThrow();
    const officer: RequestContext = {
      ...ctx,
      via: 'session',
      user: {
        id: user.id,
        username: 'phongdien',
        displayName: 'Phong Điền',
        grants: [{ role: 'commune_officer', unitId: units.hueCommune, unitName: 'Phong Điền' }],
      },
    };
    expect(await fromRollups(undefined, officer)).toEqual(await live([units.hueCommune]));
    await expect(fromRollups(units.hanoi, officer)).rejects.toMatchObject({ status: 403 });
    const june = await timeline(t.db, ctx, programId, { from: '2027-06-15', to: '2027-06-16' });
    expect(june.months.map((m) => m.month)).toEqual(['2027-06']);
  });
});
