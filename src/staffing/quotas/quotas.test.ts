// The allocation rule on every engine: no level gives out more than it was
// given, even under many concurrent writers; refusals say which limit and by how
// much and change nothing; every write is audited; officers stay in their scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { allocate, available } from './quotas.service.ts';
import { recordPresent } from '../headcount/headcount.service.ts';
import { addCommunes, createTestPeriod, officer } from '../staffing.fixtures.ts';

const sys = systemContext('test');
const P = '2022-2026';
const CS = 'cadre_civil_servant' as const;

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe.each(ENGINES)('staffing allocation on %s', (engine) => {
  let t: TestDb;
  let u: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let communes: number[];
  const auditCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestDb(engine);
    u = await seedMiniRegistry(t.db);
    communes = await addCommunes(t.db, u.hanoi, 'HN', 40);
    await createTestPeriod(t.db);
    await allocate(t.db, sys, { period: P, category: CS, unitId: u.vn, quota: 1000, reserve: 100 });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('refuses a child above what the parent can give, says by how much, and changes nothing', async () => {
    await allocate(t.db, sys, { period: P, category: CS, unitId: u.hue, quota: 300 });
    const before = await auditCount();
    const err = await refusal(allocate(t.db, sys, { period: P, category: CS, unitId: u.hanoi, quota: 601 }));
    expect(err.status).toBe(409);
    expect(err.extra).toMatchObject({
      limit: 'parent_quota',
      excess: 1,
      available: 600,
      quota: 1000,
      reserve: 100,
      allocatedToOthers: 300,
      requested: 601,
    });
    expect(err.detail.vi).toContain('Vượt biên chế được giao của Việt Nam');
    expect(err.detail.vi).toContain('1 chỉ tiêu');
    expect(err.detail.en).toContain('by 1:');
    expect(await auditCount()).toBe(before);
    const hanoi = await available(t.db, sys, P, { unitId: u.hanoi });
    expect(hanoi.items.find((i) => i.category === CS)!.quota).toBe(0);
    const ok = await allocate(t.db, sys, { period: P, category: CS, unitId: u.hanoi, quota: 600, reserve: 10 });
    expect(ok.parent).toMatchObject({ quota: 1000, reserve: 100, allocatedBelow: 900, available: 0 });
    // 100% of the country's quota is now used: past the 95% tolerance.
    expect(ok.warnings.map((w) => w.code)).toEqual(['tolerance']);
    expect(ok.warnings[0].en).toContain('Việt Nam (cadres and civil servants) has used 100% of its quota');
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses to cut a node below what it has already given out plus its reserve', async () => {
    await allocate(t.db, sys, { period: P, category: CS, unitId: u.hueCommune, quota: 250 });
    const err = await refusal(allocate(t.db, sys, { period: P, category: CS, unitId: u.hue, quota: 240 }));
    expect(err.extra).toMatchObject({ limit: 'own_allocations', excess: 10, allocatedBelow: 250 });
    const err2 = await refusal(
      allocate(t.db, sys, { period: P, category: CS, unitId: u.hue, quota: 300, reserve: 51 }),
    );
    expect(err2.extra).toMatchObject({ limit: 'own_allocations', excess: 1 });
    expect((await available(t.db, sys, P, { unitId: u.hue })).items.find((i) => i.category === CS)).toMatchObject({
      quota: 300,
      reserve: 0,
      allocatedBelow: 250,
      available: 50,
    });
  });

  it('never over-allocates under many concurrent writers to one parent', async () => {
    // Hà Nội: 600 assigned, 10 reserve → 590 to give. 40 communes ask 20 each at once (800): exactly 29 fit (580).
    const results = await Promise.allSettled(
      communes.map((id) => allocate(t.db, sys, { period: P, category: CS, unitId: id, quota: 20 })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toBe(29);
    for (const r of refused) expect(((r as PromiseRejectedResult).reason as AppError).extra.limit).toBe('parent_quota');
    const rows = await t.db
      .selectFrom('staffing_allocations as a')
      .innerJoin('staffing_nodes as n', 'n.id', 'a.node_id')
      .select(['a.quota', 'n.unit_id'])
      .where('a.category', '=', CS)
      .where('n.unit_id', 'in', communes)
      .execute();
    const given = rows.reduce((s, r) => s + r.quota, 0);
    expect(given).toBe(580);
    const hanoi = (await available(t.db, sys, P, { unitId: u.hanoi })).items.find((i) => i.category === CS)!;
    expect(hanoi).toMatchObject({ quota: 600, reserve: 10, allocatedBelow: 580, available: 10 });
    // Concurrent changes of existing allocations (up and down) keep the maintained sum exact.
    const granted = rows.filter((r) => r.quota === 20).map((r) => r.unit_id);
    await Promise.allSettled(
      granted.map((id, i) => allocate(t.db, sys, { period: P, category: CS, unitId: id, quota: i % 2 ? 25 : 15 })),
    );
    const after = await t.db
      .selectFrom('staffing_allocations as a')
      .innerJoin('staffing_nodes as n', 'n.id', 'a.node_id')
      .select(['a.quota'])
      .where('a.category', '=', CS)
      .where('n.parent_id', '=', (await available(t.db, sys, P, { unitId: u.hanoi })).nodeId!)
      .execute();
    const sum = after.reduce((s, r) => s + r.quota, 0);
    const h2 = (await available(t.db, sys, P, { unitId: u.hanoi })).items.find((i) => i.category === CS)!;
    expect(h2.allocatedBelow).toBe(sum);
    expect(sum + 10).toBeLessThanOrEqual(600);
  });

  it('never over-allocates when every child already has its row (the one-call path)', async () => {
    const PE = 'public_employee';
    await allocate(t.db, sys, { period: P, category: PE, unitId: u.vn, quota: 1000 });
    await allocate(t.db, sys, { period: P, category: PE, unitId: u.hanoi, quota: 100, reserve: 2 });
    for (const id of communes) await allocate(t.db, sys, { period: P, category: PE, unitId: id, quota: 0 });
    // 98 to give; 40 ask 7 each at once: exactly 14 fit.
    const results = await Promise.allSettled(
      communes.map((id) => allocate(t.db, sys, { period: P, category: PE, unitId: id, quota: 7 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(14);
    for (const r of results)
      if (r.status === 'rejected') expect((r.reason as AppError).extra.limit).toBe('parent_quota');
    expect((await available(t.db, sys, P, { unitId: u.hanoi })).items.find((i) => i.category === PE)).toMatchObject({
      allocatedBelow: 98,
      available: 0,
    });
  });

  it('keeps every subtree headcount exact under concurrent headcount and allocation writes', async () => {
    const CC = 'commune_cadre';
    await allocate(t.db, sys, { period: P, category: CC, unitId: u.vn, quota: 1000 });
    await allocate(t.db, sys, { period: P, category: CC, unitId: u.hanoi, quota: 800 });
    const present = (i: number, round: number) => 10 + ((i * 7 + round) % 13);
    // First figures (their rows are created), then new figures while allocations run in the same
    // chain, and ten writers on one ward at once with different dates: the latest date must win.
    await Promise.all(
      communes.map((id, i) =>
        recordPresent(t.db, sys, { period: P, category: CC, unitId: id, asOf: '2026-03-31', present: present(i, 0) }),
      ),
    );
    const dates = Array.from({ length: 10 }, (_, k) => `2026-06-${10 + k}`);
    await Promise.all([
      ...communes.slice(1).map((id, i) =>
        recordPresent(t.db, sys, {
          period: P,
          category: CC,
          unitId: id,
          asOf: '2026-06-30',
          present: present(i + 1, 1),
        }),
      ),
      ...communes.slice(1, 21).map((id) => allocate(t.db, sys, { period: P, category: CC, unitId: id, quota: 30 })),
      ...dates.map((asOf, k) =>
        recordPresent(t.db, sys, { period: P, category: CC, unitId: communes[0], asOf, present: 50 + k }),
      ),
    ]);
    const older = await recordPresent(t.db, sys, {
      period: P,
      category: CC,
      unitId: communes[0],
      asOf: '2026-01-31',
      present: 5,
    }); // history only
    expect(older.latest).toBe(false);
    const expected = 59 + communes.slice(1).reduce((s, _, i) => s + present(i + 1, 1), 0);
    const figures = async (unitId: number) =>
      (await available(t.db, sys, P, { unitId })).items.find((i) => i.category === CC)!;
    expect(await figures(communes[0])).toMatchObject({ present: 59, presentAsOf: '2026-06-19', presentTotal: 59 });
    expect(await figures(u.hanoi)).toMatchObject({ presentTotal: expected, allocatedBelow: 600 });
    expect((await figures(u.vn)).presentTotal).toBe(expected);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'staffing.present')
      .orderBy('id', 'desc')
      .execute();
    expect(audit).toHaveLength(40 + 39 + 10 + 1);
    expect(audit[0]).toMatchObject({
      entity: 'staffing_actual',
      actor: 'test',
      before: { present: 59, asOf: '2026-06-19' },
      after: { present: 5, asOf: '2026-01-31', source: null },
    });
  });

  it('lets a province officer allocate only inside their province', async () => {
    const hanoiOfficer = officer('province_officer', u.hanoi);
    const inside = await allocate(t.db, hanoiOfficer, {
      period: P,
      category: 'labour_contract',
      unitId: u.vn,
      quota: 10,
    }).catch((e: AppError) => e);
    expect((inside as AppError).status).toBe(403); // the national total is central business
    await allocate(t.db, sys, { period: P, category: 'labour_contract', unitId: u.vn, quota: 100 });
    await allocate(t.db, sys, { period: P, category: 'labour_contract', unitId: u.hanoi, quota: 50 });
    await allocate(t.db, sys, { period: P, category: 'labour_contract', unitId: u.hue, quota: 50 });
    const own = await refusal(
      allocate(t.db, hanoiOfficer, { period: P, category: 'labour_contract', unitId: u.hanoi, quota: 60 }),
    );
    expect(own.status).toBe(403); // nobody raises their own quota
    const other = await refusal(
      allocate(t.db, hanoiOfficer, { period: P, category: 'labour_contract', unitId: u.hueCommune, quota: 5 }),
    );
    expect(other.status).toBe(403);
    expect(other.detail.en).toContain('outside the scope');
    const ok = await allocate(t.db, hanoiOfficer, {
      period: P,
      category: 'labour_contract',
      unitId: u.baDinh,
      quota: 5,
    });
    expect(ok.parent!.allocatedBelow).toBe(5);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'staffing.allocate')
      .where('actor', '=', hanoiOfficer.actorLabel)
      .execute();
    expect(audit).toHaveLength(1);
    // The write statement inserts the record itself: the same columns recordAudit fills.
    expect(audit[0]).toMatchObject({
      actor_id: 9001,
      ip: '127.0.0.1',
      user_agent: 'test',
      entity: 'staffing_allocation',
      entity_id: `${ok.nodeId}:labour_contract`,
      before: { quota: 0, reserve: 0, decisionRef: null },
    });
    expect(audit[0].after).toEqual({ periodId: expect.any(Number), quota: 5, reserve: 0, decisionRef: null });
    const agency = await t.db
      .insertInto('agencies')
      .values({ key: 'test:hn:noi-vu', unit_id: u.hanoi, kind: 'department', name: 'Sở Nội vụ Hà Nội', source: 'test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // An agency's quota is given by its unit. The first write creates the node; later ones take the one-statement path.
    await allocate(t.db, hanoiOfficer, { period: P, category: 'labour_contract', agencyId: agency.id, quota: 3 });
    expect(
      (await allocate(t.db, hanoiOfficer, { period: P, category: 'labour_contract', agencyId: agency.id, quota: 4 }))
        .parent,
    ).toMatchObject({ allocatedBelow: 9 });
    const hueOfficer = await refusal(
      allocate(t.db, officer('province_officer', u.hue), {
        period: P,
        category: 'labour_contract',
        agencyId: agency.id,
        quota: 1,
      }),
    );
    expect(hueOfficer.status).toBe(403);
    const ownWard = await refusal(
      allocate(t.db, officer('commune_officer', u.baDinh), {
        period: P,
        category: 'labour_contract',
        unitId: u.baDinh,
        quota: 6,
      }),
    );
    expect(ownWard.status).toBe(403);
    expect(
      (await available(t.db, sys, P, { agencyId: agency.id })).items.find((i) => i.category === 'labour_contract')!
        .quota,
    ).toBe(4);
    const viewer = await refusal(
      allocate(t.db, officer('viewer', u.vn), { period: P, category: 'labour_contract', unitId: u.baDinh, quota: 1 }),
    );
    expect(viewer.status).toBe(403);
  });
});
