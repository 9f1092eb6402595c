// Outcomes: a placement takes a position of the receiving unit's quota and is refused with the figures once none
// is left, also with many placements at once (both engines); a later headcount frees what it counts; the
// exclusions of Decree 178/2024 block leaving with the reason; each outcome is audited with what it replaced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createPeriod, allocate } from '../../staffing/quotas/quotas.service.ts';
import { recordPresent } from '../../staffing/headcount/headcount.service.ts';
import { personCells, registerWorkbook } from '../people.testing.ts';
import { readRegisterFile } from '../register/register.sheet.ts';
import { importRegister } from '../register/register.service.ts';
import { OutcomeBody } from './outcomes.schemas.ts';
import { recordOutcome } from './outcomes.service.ts';
import { exclusionsOf, thirtySixMonths } from './outcomes.exclusions.ts';

const ctx = systemContext('test');
const P = '2025-2030';
const decision = { decisionNumber: '15/QĐ-UBND', decisionDate: '2025-07-15', decisionSigner: 'Chủ tịch UBND' };

describe('exclusions of Decree 178/2024 (pure)', () => {
  const none = { pregnantOrMaternity: false, youngestChildBirth: null, underDiscipline: false };
  it('block leaving only, lift for volunteers except discipline, and count 36 months to the day', () => {
    expect(exclusionsOf('placed', { ...none, underDiscipline: true }, '2025-07-15', false)).toEqual([]);
    expect(exclusionsOf('until_retirement', { ...none, pregnantOrMaternity: true }, '2025-07-15', false)).toEqual([]);
    expect(exclusionsOf('resignation', { ...none, pregnantOrMaternity: true }, '2025-07-15', false)).toHaveLength(1);
    expect(exclusionsOf('resignation', { ...none, pregnantOrMaternity: true }, '2025-07-15', true)).toEqual([]);
    expect(exclusionsOf('early_retirement', { ...none, underDiscipline: true }, '2025-07-15', true)).toHaveLength(1);
    const child = { ...none, youngestChildBirth: '2022-07-16' };
    expect(thirtySixMonths('2022-07-16')).toBe('2025-07-16');
    expect(exclusionsOf('part_time_ended', child, '2025-07-15', false)[0].vi).toContain('16/07/2025');
    expect(exclusionsOf('part_time_ended', child, '2025-07-16', false)).toEqual([]);
    expect(thirtySixMonths('2024-02-29')).toBe('2027-02-28');
  });
});

describe.each(ENGINES)('outcomes on %s', (engine) => {
  let t: TestDb;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let ids: number[];
  beforeAll(async () => {
    t = await createTestDb(engine);
    units = await seedMiniRegistry(t.db);
    await createPeriod(t.db, ctx, { code: P, name: 'Thời kỳ thử', startDate: '2025-01-01', endDate: '2031-01-01' });
    for (const [unitId, quota] of [
      [units.vn, 10_000],
      [units.hanoi, 1000],
      [units.baDinh, 100],
    ] as const)
      await allocate(t.db, ctx, { period: P, category: 'commune_cadre', unitId, quota });
    await allocate(t.db, ctx, { period: P, category: 'commune_cadre', unitId: units.baDinh, quota: 100, reserve: 2 });
    await recordPresent(t.db, ctx, {
      period: P,
      category: 'commune_cadre',
      unitId: units.baDinh,
      asOf: '2025-07-01',
      present: 93,
    });
    const cells = Array.from({ length: 14 }, (_, i) => personCells(i + 1, { 'Mã đơn vị': '00004' }));
    cells.push(
      personCells(15, { 'Giới tính (Nam/Nữ)': 'Nữ', 'Đang mang thai, nghỉ thai sản (x)': 'x' }),
      personCells(16, { 'Đang bị xem xét kỷ luật, truy cứu hoặc thanh tra (x)': 'x' }),
    );
    await importRegister(t.db, ctx, await readRegisterFile(await registerWorkbook(cells)), {
      unitId: units.hanoi,
      dryRun: false,
      source: 'test',
    });
    ids = (await t.db.selectFrom('people').select('id').orderBy('id').execute()).map((r) => r.id);
  });
  afterAll(async () => t?.drop());

  const place = (personId: number, startDate = '2025-08-01') =>
    recordOutcome(
      t.db,
      ctx,
      personId,
      OutcomeBody.parse({
        kind: 'placed',
        receivingUnitId: units.baDinh,
        receivingPosition: 'Công chức văn phòng – thống kê',
        startDate,
        ...decision,
      }),
    );

  it('places up to the quota with twelve placements at once, and refuses the rest with the figures', async () => {
    // 100 − reserve 2 − present 93 = 5 positions for 12 people asking at the same time
    const results = await Promise.allSettled(ids.slice(0, 12).map((id) => place(id)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(7);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      const e = r.reason as AppError;
      expect(e.status).toBe(409);
      expect(e.extra).toMatchObject({ quota: 100, reserve: 2, present: 93, placedSince: 5, available: 0 });
      expect(e.detail.vi).toContain('được giao 100, dự phòng 2');
    }
    const placed = await t.db.selectFrom('people_outcomes').selectAll().where('kind', '=', 'placed').execute();
    expect(placed).toHaveLength(5);
    expect(new Set(placed.map((p) => p.staffing_category))).toEqual(new Set(['commune_cadre']));
    // Re-recording a placed person's placement does not count them twice.
    expect((await place(placed[0].person_id)).quota).toMatchObject({ placedSince: 4, available: 0 });
  });

  it('frees what a later headcount counts', async () => {
    // The ward records 96 present on 1 September, counting those placed since 1 August: 100 − 2 − 96 = 2 free.
    await recordPresent(t.db, ctx, {
      period: P,
      category: 'commune_cadre',
      unitId: units.baDinh,
      asOf: '2025-09-01',
      present: 96,
    });
    const r = await place(ids[12], '2025-09-15');
    expect(r.quota).toMatchObject({ present: 96, placedSince: 0, available: 1 });
  });

  it('blocks leaving under the exclusions, with the reason, and audits each outcome with what it replaced', async () => {
    const [pregnant, disciplined] = ids.slice(14);
    const leave = (personId: number, voluntary: boolean) =>
      recordOutcome(
        t.db,
        ctx,
        personId,
        OutcomeBody.parse({
          kind: 'resignation',
          voluntary,
          leaveDate: '2025-08-01',
          reorganisationDate: '2025-06-16',
          ...decision,
        }),
      );
    const e1 = (await leave(pregnant, false).catch((e: unknown) => e)) as AppError;
    expect(e1.status).toBe(422);
    expect(e1.detail.vi).toContain('mang thai');
    expect(await leave(pregnant, true)).toMatchObject({
      kind: 'resignation',
      replaced: false,
      benefit: { ruleSet: 'nd178-2024-nd67-2025', baseSalary: 2_340_000 },
    });
    const notPartTime = (await recordOutcome(
      t.db,
      ctx,
      disciplined,
      OutcomeBody.parse({ kind: 'part_time_ended', ...decision }),
    ).catch((e: unknown) => e)) as AppError;
    expect(notPartTime.type).toBe('outcome-not-applicable');
    const e2 = (await leave(disciplined, true).catch((e: unknown) => e)) as AppError;
    expect(e2.detail.vi).toContain('kỷ luật');
    // The same person's decision changes: continues until retirement; the audit row keeps the resignation.
    await recordOutcome(t.db, ctx, pregnant, OutcomeBody.parse({ kind: 'until_retirement', ...decision }));
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'people.outcome')
      .where('entity_id', '=', String(pregnant))
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[1].before).toMatchObject({ kind: 'resignation', voluntary: true });
    expect(audit[1].after).toMatchObject({ kind: 'until_retirement' });
    expect(
      await t.db.selectFrom('people_outcomes').select('kind').where('person_id', '=', disciplined).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses a placement without a quota in the receiving unit', async () => {
    const e = (await recordOutcome(
      t.db,
      ctx,
      ids[13],
      OutcomeBody.parse({
        kind: 'placed',
        receivingUnitId: units.hueCommune,
        receivingPosition: 'Chuyên viên',
        startDate: '2025-08-01',
        ...decision,
      }),
    ).catch((x: unknown) => x)) as AppError;
    expect(e.status).toBe(409);
    expect(e.detail.vi).toContain('chưa được giao biên chế');
  });
});
