// Opening against the REAL registry (data/vn): every unit that ended on 1 July 2025 gets exactly one
// handover, to the successors the lineage names; districts, which have no lineage of their own, to the
// new province and the new communes of their communes; a second run opens nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { VN_DATA_DIR } from '../../cli/demo.ts';
import { importVn } from '../../units/import/import.service.ts';
import { openHandovers } from './open.service.ts';

const ctx = systemContext('test');

describe.each(ENGINES)('opening the handovers of 1 July 2025 on the real registry on %s', (engine) => {
  let t: TestDb;
  let first: Awaited<ReturnType<typeof openHandovers>>;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await importVn(t.db, ctx, VN_DATA_DIR);
    first = await openHandovers(t.db, ctx, '2025-07-01');
  }, 300_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('opens one handover per ended unit: 63 provinces, 696 districts, 10,035 communes', () => {
    const by = Object.fromEntries(first.levels.map((l) => [l.levelName, l.opened]));
    expect(by).toEqual({ province: 63, district: 696, commune: 10035 });
    expect(first.opened).toBe(10794);
    expect(first.total).toBe(10794);
    expect(first.endedWithoutHandover).toBe(0);
  });

  it('gives every handover a receiver in force on the date, and only successors', async () => {
    for (const l of first.levels) expect(l.withoutReceiver, l.levelName).toBe(0);
    // Every receiver is a unit in force from the event date (a successor), never an ended one.
    const stale = await sql<{ n: number }>`
      select count(*)::int as n from handover_receivers r join units u on u.id = r.unit_id
       where u.valid_from is distinct from '2025-07-01'::date or u.valid_to is not null`.execute(t.db);
    expect(stale.rows[0].n).toBe(0);
    // A commune's receivers are exactly its lineage links' targets.
    const mismatched = await sql<{ n: number }>`
      select count(*)::int as n from handovers h
       where h.level = 3 and (select array_agg(unit_id order by unit_id) from handover_receivers r where r.handover_id = h.id)
         is distinct from (select array_agg(distinct to_unit_id order by to_unit_id) from lineage_links l where l.from_unit_id = h.from_unit_id)`.execute(
      t.db,
    );
    expect(mismatched.rows[0].n).toBe(0);
  });

  it('hands Quận Ba Đình over to the new Hà Nội and the wards its wards went to', async () => {
    const rows = await sql<{ key: string; role: string }>`
      select u.key, r.role from handovers h
        join units f on f.id = h.from_unit_id and f.key = 'old:d:001'
        join handover_receivers r on r.handover_id = h.id join units u on u.id = r.unit_id
       order by u.key`.execute(t.db);
    expect(rows.rows.find((r) => r.role === 'province')).toEqual({ key: 'new:p:01', role: 'province' });
    const communes = rows.rows.filter((r) => r.role === 'successor_commune');
    expect(communes.length).toBeGreaterThan(1);
    expect(communes.every((r) => r.key.startsWith('new:c:'))).toBe(true);
    // Every district is overseen by one new province, which is one of its receivers.
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from handovers h
       where h.province_unit_id is null
          or not exists (select 1 from units p where p.id = h.province_unit_id and p.level = 1 and p.valid_to is null)`.execute(
      t.db,
    );
    expect(orphans.rows[0].n).toBe(0);
  });

  it('opens nothing the second time (idempotent) and refuses a date with no ended unit', async () => {
    const again = await openHandovers(t.db, ctx, '2025-07-01');
    expect(again.opened).toBe(0);
    expect(again.total).toBe(10794);
    const audits = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'handover.open').execute();
    expect(audits).toHaveLength(1);
    await expect(openHandovers(t.db, ctx, '2024-01-01')).rejects.toMatchObject({ status: 400 });
  });
});
