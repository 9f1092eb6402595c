// The unit registry against the real Vietnam files, on every engine: official
// totals on both sides of 1 July 2025, the tree on two dates, lineage both
// ways, the public lookup, restructuring figures, idempotent all-or-nothing import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type KyselyPlugin } from 'kysely';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { systemContext } from '../platform/context.ts';
import type { Db } from '../platform/db/db.ts';
import { VN_DATA_DIR } from '../cli/demo.ts';
import { importVn } from './import/import.service.ts';
import * as units from './registry/registry.service.ts';
import { publicLookup, searchUnits } from './lookup/lookup.service.ts';
import { computeRestructuring, restructuring } from './restructuring/restructuring.service.ts';
import { checkLineage } from './registry/registry.check.ts';

const ctx = systemContext('test');
const idOf = async (db: Db, key: string) =>
  (await db.selectFrom('units').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;

describe.each(ENGINES)('unit registry with the Vietnam data on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await importVn(t.db, ctx, VN_DATA_DIR);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('holds the official totals on 30 June and 1 July 2025', async () => {
    const before = await units.stats(t.db, '2025-06-30');
    expect(before.byLevel).toEqual({ national: 1, provinces: 63, districts: 696, communes: 10035 });
    const after = await units.stats(t.db, '2025-07-01');
    expect(after.byLevel).toEqual({ national: 1, provinces: 34, districts: 0, communes: 3321 });
    const byType = Object.fromEntries(after.byType.map((r) => [r.type, r.count]));
    expect(byType).toMatchObject({ commune: 2621, ward: 687, special_zone: 13, municipality: 6, province: 28 });
  });

  it('draws the tree as it stood on each date', async () => {
    const country = (await units.tree(t.db, ctx, null, '2025-06-30')).items;
    expect(country).toHaveLength(1);
    expect(country[0]).toMatchObject({ code: 'VN', childCount: 63 });
    expect((await units.tree(t.db, ctx, null, '2025-07-01')).items[0].childCount).toBe(34);
    const hanoiOld = await idOf(t.db, 'old:p:01');
    const hanoiNew = await idOf(t.db, 'new:p:01');
    const oldChildren = (await units.tree(t.db, ctx, hanoiOld, '2025-06-30')).items;
    expect(oldChildren).toHaveLength(30); // 30 district-level units of Hà Nội
    expect(oldChildren.find((d) => d.code === '001')).toMatchObject({
      fullName: 'Quận Ba Đình',
      type: 'urban_district',
      childCount: 13,
    });
    expect((await units.tree(t.db, ctx, hanoiNew, '2025-07-01')).items).toHaveLength(126);
    expect((await units.tree(t.db, ctx, hanoiOld, '2025-07-01')).items).toHaveLength(0);
  });

  it('says it has no data before 30/06/2025 instead of drawing the 63 provinces of 2008-2025 on 01/01/1945 or 1990', async () => {
    for (const day of ['1945-01-01', '1990-01-01', '2025-06-29']) {
      const root = await units.tree(t.db, ctx, null, day);
      expect(root.items, day).toEqual([expect.objectContaining({ code: 'VN', childCount: 0 })]);
      expect(root.noDataBefore, day).toBe('2025-06-30');
      expect(await units.tree(t.db, ctx, root.items[0].id, day), day).toMatchObject({
        items: [],
        noDataBefore: '2025-06-30',
      });
      // Below a province too: Hà Nội's districts are not drawn on a day before the registry's data.
      expect(await units.tree(t.db, ctx, await idOf(t.db, 'old:p:01'), day), day).toMatchObject({
        items: [],
        noDataBefore: '2025-06-30',
      });
    }
    const onTheDay = await units.tree(t.db, ctx, null, '2025-06-30');
    expect(onTheDay).toMatchObject({ noDataBefore: null, items: [expect.objectContaining({ childCount: 63 })] });
    expect((await units.tree(t.db, ctx, onTheDay.items[0].id, '2025-06-30')).items).toHaveLength(63);
    // Every date the registry holds for a province names its source; the start of the 63 is given by none.
    const provinces = await t.db
      .selectFrom('units')
      .select(['key', 'valid_from', 'valid_to', 'attested_from', 'validity_source'])
      .where('level', '=', 1)
      .execute();
    const old = provinces.filter((p) => p.key.startsWith('old:'));
    expect(old).toHaveLength(63);
    for (const p of old) {
      expect(p, p.key).toMatchObject({ valid_from: null, valid_to: '2025-07-01', attested_from: '2025-06-30' });
      expect(p.validity_source, p.key).toMatch(/gso-old-to-new\.csv.*Ngày bắt đầu: không có trong nguồn dữ liệu/);
    }
    for (const p of provinces.filter((x) => x.key.startsWith('new:'))) {
      expect(p, p.key).toMatchObject({ valid_from: '2025-07-01', valid_to: null, attested_from: null });
      expect(p.validity_source, p.key).toContain('Nghị quyết 202/2025/QH15');
    }
    expect((await units.getUnit(t.db, ctx, await idOf(t.db, 'old:p:01'))).attestedFrom).toBe('2025-06-30');
  });

  it('finds an ended unit in the unit browser search, with the day it ended and the unit it went into', async () => {
    const today = '2026-12-07';
    // The unit pickers keep asking for units in force only.
    expect((await searchUnits(t.db, 'Trúc Bạch', today, 20)).items).toEqual([]);
    const r = await searchUnits(t.db, 'Trúc Bạch', today, 20, true);
    const trucBach = r.items.find((i) => i.fullName === 'Phường Trúc Bạch');
    expect(trucBach).toMatchObject({ inForce: false, validTo: '2025-07-01', districtName: 'Quận Ba Đình' });
    expect(trucBach!.successors.map((s) => [s.unit.fullName, s.linkKind, s.effectiveDate])).toEqual([
      ['Phường Ba Đình', 'whole', '2025-07-01'],
    ]);
    // Units in force on the day come first, ended ones after them.
    const baDinh = await searchUnits(t.db, 'Ba Đình', today, 20, true);
    const firstEnded = baDinh.items.findIndex((i) => !i.inForce);
    expect(firstEnded).toBeGreaterThan(0);
    expect(baDinh.items.slice(firstEnded).every((i) => !i.inForce)).toBe(true);
    expect(baDinh.items.find((i) => i.fullName === 'Quận Ba Đình')).toMatchObject({ inForce: false });
    // On a day it was in force it is simply found, first.
    expect((await searchUnits(t.db, 'truc bach', '2025-06-30', 20, true)).items[0]).toMatchObject({
      fullName: 'Phường Trúc Bạch',
      inForce: true,
      successors: [],
    });
  });

  it('follows lineage both ways: Trúc Bạch went whole into Ba Đình, Ngọc Hà only in part', async () => {
    const baDinh = await idOf(t.db, 'new:c:00004');
    const h = await units.history(t.db, ctx, baDinh);
    const preds = new Map(h.predecessors.map((p) => [p.unit.fullName, p]));
    expect(preds.get('Phường Trúc Bạch')).toMatchObject({ linkKind: 'whole', note: 'Nhập toàn bộ', depth: 1 });
    expect(preds.get('Phường Ngọc Hà')).toMatchObject({ linkKind: 'part', note: 'Nhập một phần' });
    expect(h.predecessors[0].event).toMatchObject({ kind: 'merge', effectiveDate: '2025-07-01' });
    const trucBach = await idOf(t.db, 'old:c:00004');
    const succ = (await units.history(t.db, ctx, trucBach)).successors;
    expect(succ.map((s) => s.unit.fullName)).toEqual(['Phường Ba Đình']);
  });

  it('finds the new unit of an old one from plain, capitalised, tone-shifted or address input', async () => {
    for (const q of ['truc bach', 'TRÚC BẠCH', 'Phường Trúc Bạch, Quận Ba Đình', 'số 2 phố Trúc Bạch Ba Đình Hà Nội']) {
      const r = await publicLookup(t.db, q, 5, '2026-01-01');
      const hit = r.items.find((i) => i.unit.fullName === 'Phường Trúc Bạch');
      expect(hit, q).toBeDefined();
      expect(hit!.current).toBe(false);
      expect(hit!.successors).toEqual([
        expect.objectContaining({
          linkKind: 'whole',
          province: { code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội' },
        }),
      ]);
      expect(hit!.successors[0].unit).toMatchObject({
        fullName: 'Phường Ba Đình',
        adminCentre: 'Số 2, phố Trúc Bạch, phường Ba Đình',
      });
    }
    // 'Hoà' and 'Hòa' place the tone mark differently; both must find Yên Hoà (Cầu Giấy).
    const a = await publicLookup(t.db, 'Yên Hòa Cầu Giấy', 3, '2026-01-01');
    const b = await publicLookup(t.db, 'yen hoa cau giay', 3, '2026-01-01');
    expect(a.items[0].unit.fullName).toBe('Phường Yên Hoà');
    expect(b.items.map((i) => i.unit.id)).toEqual(a.items.map((i) => i.unit.id));
  });

  it('computes the restructuring figures nationally and per province', async () => {
    const r = await restructuring(t.db, '2025-06-30', '2025-07-01');
    expect(r.national.before).toEqual({ provinces: 63, districts: 696, communes: 10035 });
    expect(r.national.after).toEqual({ provinces: 34, districts: 0, communes: 3321 });
    expect(r.national.reduction.communes).toEqual({ numerator: 6714, denominator: 10035 }); // shown as 66,91 %
    expect(r.provinces).toHaveLength(34);
    expect(r.provinces.reduce((n, p) => n + p.communesAfter, 0)).toBe(3321);
    expect(r.provinces.filter((p) => p.formedFromCount === 1)).toHaveLength(11);
    const tuyenQuang = r.provinces.find((p) => p.code === '08')!;
    expect(tuyenQuang.formedFrom.map((p) => p.name)).toEqual(['Hà Giang', 'Tuyên Quang']);
    expect(tuyenQuang.communesAfter).toBe(124);
    // The page reads the rollup the import maintains; it must equal a live computation.
    expect(r).toEqual(await computeRestructuring(t.db, '2025-06-30', '2025-07-01'));
    // Other date pairs are computed live and give the same national picture.
    expect((await restructuring(t.db, '2025-06-30', '2026-01-01')).national).toEqual(r.national);
    // Before the sources attest the old units, there is nothing to count: a clear refusal, not the 63 provinces of 2008–2025 (issue 15).
    await expect(restructuring(t.db, '2025-01-01', '2026-01-01')).rejects.toMatchObject({
      status: 400,
      extra: { noDataBefore: '2025-06-30' },
    });
    const y1990 = await units.stats(t.db, '1990-01-01');
    expect(y1990).toMatchObject({ noDataBefore: '2025-06-30', byLevel: { provinces: 0, districts: 0, communes: 0 } });
    expect((await units.stats(t.db, '2025-06-30')).byLevel).toMatchObject({ provinces: 63, communes: 10035 });
  });

  it('is idempotent: the same files import to the same rows with the same ids', async () => {
    const again = await importVn(t.db, ctx, VN_DATA_DIR);
    expect(again.skipped).toBe(true);
    const count = async () =>
      (
        await sql<{ u: number; l: number; a: number }>`select (select count(*)::int from units) u,
      (select count(*)::int from lineage_links) l, (select count(*)::int from agencies) a`.execute(t.db)
      ).rows[0];
    const before = await count();
    const baDinh = await idOf(t.db, 'new:c:00004');
    const forced = await importVn(t.db, ctx, VN_DATA_DIR, { force: true });
    expect(forced.skipped).toBe(false);
    expect(await count()).toEqual(before);
    expect(await idOf(t.db, 'new:c:00004')).toBe(baDinh);
    const audits = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'units.import').execute();
    expect(audits).toHaveLength(2);
  });

  it('reports what does not add up in the registry and keeps the import report', async () => {
    const r = await checkLineage(t.db);
    expect(r.import?.counts.old.communes).toBe(10035);
    // Districts were abolished; only the island districts that became special zones (and one
    // strip of Huyện Kim Sơn the conversion table hands to Xã Kim Đông) have a successor.
    expect(r.registry.find((f) => f.code === 'district_without_successor')?.units).toHaveLength(690);
    expect(r.registry.find((f) => f.code === 'overlapping_code')).toBeUndefined();
    expect(r.registry.find((f) => f.code === 'link_date_mismatch')).toBeUndefined();
  });
});

describe.each(ENGINES)('a failed import on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('leaves no partial data when the database refuses part of it', async () => {
    // Fails the first insert into lineage_links, after every unit was written in the same transaction.
    const failLinks: KyselyPlugin = {
      transformQuery(args) {
        const node = args.node as { kind: string; into?: { table: { identifier: { name: string } } } };
        if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'lineage_links')
          throw new Error('disk full (simulated)');
        return args.node;
      },
      async transformResult(args) {
        return args.result;
      },
    };
    await expect(importVn(t.db.withPlugin(failLinks), ctx, VN_DATA_DIR)).rejects.toThrow('disk full (simulated)');
    const n = await sql<{ u: number; d: number; a: number }>`select (select count(*)::int from units) u,
      (select count(*)::int from dataset_imports) d, (select count(*)::int from audit_log) a`.execute(t.db);
    expect(n.rows[0]).toEqual({ u: 0, d: 0, a: 0 });
  });
});
