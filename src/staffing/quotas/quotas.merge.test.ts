// Merges (Resolution 76/2025) and headcount actuals on every engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { allocate, available } from './quotas.service.ts';
import { reallocateMerge } from './quotas.merge.ts';
import { recordPresent, presentHistory } from '../headcount/headcount.service.ts';
import { addCommunes, createTestPeriod, officer } from '../staffing.fixtures.ts';

const sys = systemContext('test');
const P = '2022-2026';
const CC = 'commune_cadre' as const;

describe.each(ENGINES)('staffing merges and actuals on %s', (engine) => {
  let t: TestDb;
  let u: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let ngocHa: number;
  let hueOld: number[];
  const quotaOf = async (unitId: number) =>
    (await available(t.db, sys, P, { unitId })).items.find((i) => i.category === CC)!;

  beforeAll(async () => {
    t = await createTestDb(engine);
    u = await seedMiniRegistry(t.db);
    [ngocHa] = await addCommunes(t.db, u.hanoi, 'NH', 1);
    const ev = await t.db.selectFrom('lineage_links').select('event_id').executeTakeFirstOrThrow();
    await t.db
      .insertInto('lineage_links')
      .values({
        event_id: ev.event_id,
        from_unit_id: ngocHa,
        to_unit_id: u.baDinh,
        kind: 'part',
        note: 'Nhập một phần',
        source: 'test',
      })
      .execute();
    hueOld = await addCommunes(t.db, u.hue, 'HU', 2);
    for (const id of hueOld)
      await t.db
        .insertInto('lineage_links')
        .values({
          event_id: ev.event_id,
          from_unit_id: id,
          to_unit_id: u.hueCommune,
          kind: 'whole',
          note: null,
          source: 'test',
        })
        .execute();
    await createTestPeriod(t.db);
    await allocate(t.db, sys, { period: P, category: CC, unitId: u.vn, quota: 500 });
    await allocate(t.db, sys, { period: P, category: CC, unitId: u.hanoi, quota: 100 });
    await allocate(t.db, sys, { period: P, category: CC, unitId: u.trucBach, quota: 30 });
    await allocate(t.db, sys, { period: P, category: CC, unitId: ngocHa, quota: 20 });
    await allocate(t.db, sys, { period: P, category: CC, unitId: u.hue, quota: 100 });
    await allocate(t.db, sys, { period: P, category: CC, unitId: hueOld[0], quota: 12 });
    await allocate(t.db, sys, { period: P, category: CC, unitId: hueOld[1], quota: 8 });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("refuses a successor above its predecessors' total without a decision, and changes nothing", async () => {
    const err = await reallocateMerge(t.db, sys, { period: P, successorUnitId: u.baDinh, quotas: { [CC]: 55 } }).catch(
      (e: AppError) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).extra).toMatchObject({
      limit: 'merge_predecessors',
      predecessorsTotal: 50,
      requested: 55,
      excess: 5,
    });
    expect((err as AppError).detail.vi).toContain('Nghị quyết 76/2025/UBTVQH15');
    expect((await quotaOf(u.trucBach)).quota).toBe(30);
    expect((await quotaOf(u.hanoi)).allocatedBelow).toBe(50);
    expect((await quotaOf(u.baDinh)).quota).toBe(0);
  });

  it("allows more than the predecessors' total only with an approved decision", async () => {
    const r = await reallocateMerge(t.db, sys, {
      period: P,
      successorUnitId: u.baDinh,
      quotas: { [CC]: 55 },
      decisionRef: 'Quyết định 123/QĐ-UBND (test)',
      effectiveDate: '2025-07-01',
    });
    expect(r.categories[0]).toMatchObject({
      category: CC,
      quota: 55,
      predecessorsTotal: 50,
      aboveTotalByDecision: 'Quyết định 123/QĐ-UBND (test)',
    });
    expect(r.categories[0].predecessors).toEqual([
      { unit: 'Phường Trúc Bạch', linkKind: 'whole', quota: 30 },
      { unit: 'Xã NH 0', linkKind: 'part', quota: 20 },
    ]);
    // The predecessors were released from Hà Nội: 55, not 105, is given out.
    expect(await quotaOf(u.hanoi)).toMatchObject({ quota: 100, allocatedBelow: 55, available: 45 });
    const closed = await allocate(t.db, sys, { period: P, category: CC, unitId: u.trucBach, quota: 1 }).catch(
      (e: AppError) => e,
    );
    expect((closed as AppError).status).toBe(409);
    expect((closed as AppError).detail.en).toContain('closed by a merger');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'staffing.merge')
      .where('entity', '=', 'staffing_node')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ decisionRef: 'Quyết định 123/QĐ-UBND (test)' });
  });

  it("gives the successor its predecessors' sum by default; re-running it does not count them twice", async () => {
    const r = await reallocateMerge(t.db, sys, {
      period: P,
      successorUnitId: u.hueCommune,
      effectiveDate: '2025-07-01',
    });
    expect(r.categories[0]).toMatchObject({ category: CC, quota: 20, predecessorsTotal: 20 });
    expect(await quotaOf(u.hue)).toMatchObject({ quota: 100, allocatedBelow: 20 });
    const again = await reallocateMerge(t.db, sys, {
      period: P,
      successorUnitId: u.hueCommune,
      effectiveDate: '2025-07-01',
    });
    expect(again.categories[0]).toMatchObject({ quota: 20, predecessorsTotal: 20 });
    expect(await quotaOf(u.hue)).toMatchObject({ allocatedBelow: 20 });
    const over = await reallocateMerge(t.db, sys, {
      period: P,
      successorUnitId: u.hueCommune,
      quotas: { [CC]: 21 },
    }).catch((e: AppError) => e);
    expect((over as AppError).extra).toMatchObject({ excess: 1 });
  });

  it('records present headcount, keeps the subtree totals and the history, and shows redundancy', async () => {
    await recordPresent(t.db, sys, { period: P, category: CC, unitId: u.baDinh, asOf: '2025-03-31', present: 60 });
    await recordPresent(t.db, sys, { period: P, category: CC, unitId: u.baDinh, asOf: '2025-12-31', present: 58 });
    await recordPresent(t.db, sys, { period: P, category: CC, unitId: u.baDinh, asOf: '2025-06-30', present: 59 }); // older: history only
    await recordPresent(t.db, sys, { period: P, category: CC, unitId: u.hanoi, asOf: '2025-12-31', present: 40 });
    expect(await quotaOf(u.baDinh)).toMatchObject({
      quota: 55,
      present: 58,
      presentAsOf: '2025-12-31',
      presentTotal: 58,
      redundant: 3,
      vacancies: 0,
    });
    expect(await quotaOf(u.hanoi)).toMatchObject({
      quota: 100,
      present: 40,
      presentTotal: 98,
      vacancies: 2,
      redundant: 0,
    });
    expect((await quotaOf(u.vn)).presentTotal).toBe(98);
    expect((await presentHistory(t.db, sys, P, u.baDinh, CC)).map((h) => h.present)).toEqual([60, 59, 58]);
    const huePresent = await recordPresent(t.db, officer('commune_officer', u.baDinh), {
      period: P,
      category: CC,
      unitId: u.hueCommune,
      asOf: '2025-12-31',
      present: 1,
    }).catch((e: AppError) => e);
    expect((huePresent as AppError).status).toBe(403);
  });
});
