// The public lookup against the real Vietnam files, on every engine: a unit is
// found by its own full name even where its name starts with a type word
// (Quán Thánh, Phương Liệt), an address is read from its most specific unit
// within the places it names, exact diacritics come first, results page past
// ten, and EVERY old commune of the official list is found, by its full name
// and by its folded name with its old district, with its official successors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { buildServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { systemContext } from '../../platform/context.ts';
import { VN_DATA_DIR } from '../../cli/demo.ts';
import { importVn } from '../import/import.service.ts';
import { publicLookup } from './lookup.service.ts';
import { loadVnDataset } from '../vn/vn-dataset.ts';
import { foldVietnamese } from '../vn/vn-text.ts';

const ctx = systemContext('test');
const AS_OF = '2026-01-01';

type Lookup = Awaited<ReturnType<typeof publicLookup>>;
const names = (r: Lookup) => r.items.map((i) => i.unit.fullName);

describe.each(ENGINES)('public lookup on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await importVn(t.db, ctx, VN_DATA_DIR);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('finds a ward by its own full name when its name starts with a type word (Quán/Quận, Phương/Phường)', async () => {
    for (const [q, district] of [
      ['Phường Quán Thánh', 'Quận Ba Đình'],
      ['Phường Phương Liệt', 'Quận Thanh Xuân'],
      ['Phường Quan Hoa', 'Quận Cầu Giấy'],
      ['Xã Quản Bạ', 'Huyện Quản Bạ'],
      ['Phường Phương Mai', 'Quận Đống Đa'],
    ]) {
      const r = await publicLookup(t.db, q, 10, AS_OF);
      expect(r.items[0]?.unit, q).toMatchObject({ fullName: q, districtName: district });
    }
    const quanThanh = (await publicLookup(t.db, 'Phường Quán Thánh', 10, AS_OF)).items[0];
    expect(quanThanh.successors.map((s) => [s.unit.fullName, s.linkKind])).toEqual([['Phường Ba Đình', 'whole']]);
    // Without diacritics the same ward is found, and Xã Quan Thành (Nghệ An), which folds the same, comes after it.
    expect(names(await publicLookup(t.db, 'phuong quan thanh', 10, AS_OF))).toEqual([
      'Phường Quán Thánh',
      'Xã Quan Thành',
    ]);
  });

  it('reads an address from its most specific unit, within the district and province it names', async () => {
    const r = await publicLookup(t.db, 'số 12 phố Phan Đình Phùng, Quán Thánh, Ba Đình, Hà Nội', 10, AS_OF);
    expect(names(r)).toEqual(['Phường Quán Thánh']);
    expect(r.items[0].successors.map((s) => s.unit.fullName)).toEqual(['Phường Ba Đình']);
    // No diacritics, no commas, new province name or the new ward: still Hà Nội only.
    for (const q of ['so 12 pho phan dinh phung quan thanh ba dinh ha noi', 'Quán Thánh, phường Ba Đình, TP Hà Nội']) {
      const again = await publicLookup(t.db, q, 10, AS_OF);
      expect(names(again)[0], q).toBe('Phường Quán Thánh');
      expect(
        again.items.every((i) => i.unit.provinceCode === '01'),
        `${q}: ${names(again)}`,
      ).toBe(true);
    }
    // An old commune given with its NEW province (Hà Giang became part of Tuyên Quang).
    // The old commune comes first, then the new commune of the same name; nothing of another province.
    const haGiang = await publicLookup(t.db, 'xa Tung Vai, Tuyen Quang', 10, AS_OF);
    expect(haGiang.items.map((i) => [i.unit.fullName, i.unit.provinceName])).toEqual([
      ['Xã Tùng Vài', 'Tỉnh Hà Giang'],
      ['Xã Tùng Vài', 'Tỉnh Tuyên Quang'],
    ]);
  });

  it('ranks exact diacritics first: Tân Thạnh before Tân Thành when the marks say so', async () => {
    const r = await publicLookup(t.db, 'Xã Tân Thạnh', 50, AS_OF);
    const exact = r.items.filter((i) => i.unit.name === 'Tân Thạnh');
    expect(exact.length).toBeGreaterThan(3);
    expect(r.items.slice(0, exact.length).map((i) => i.unit.name)).toEqual(exact.map(() => 'Tân Thạnh'));
    expect(r.items.some((i) => i.unit.name === 'Tân Thành')).toBe(true); // folded matches follow
  });

  it('pages past ten results with a total and the next offset, without repeats or gaps', async () => {
    const first = await publicLookup(t.db, 'Tân Thành', 10, AS_OF);
    expect(first.items).toHaveLength(10);
    expect(first.total).toBeGreaterThan(60);
    expect(first.totalExact).toBe(true);
    expect(first.nextOffset).toBe(10);
    const seen = first.items.map((i) => i.unit.id);
    for (let offset = first.nextOffset; offset !== null;) {
      const page = await publicLookup(t.db, 'Tân Thành', 10, AS_OF, offset);
      expect(page.total).toBe(first.total);
      seen.push(...page.items.map((i) => i.unit.id));
      offset = page.nextOffset;
    }
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(first.total);
    const past = await publicLookup(t.db, 'Tân Thành', 10, AS_OF, first.total);
    expect(past).toMatchObject({ items: [], nextOffset: null, total: first.total });
  });

  it('pages through the HTTP API and refuses an impossible page with a message', async () => {
    const app = await buildServer(t, loadConfig({}), { logger: false });
    try {
      const page = await app.inject({ url: '/api/public/lookup?q=t%C3%A2n%20th%C3%A0nh&limit=10&offset=10' });
      expect(page.statusCode).toBe(200);
      expect(page.json()).toMatchObject({ offset: 10, limit: 10, nextOffset: 20 });
      expect(page.json().items).toHaveLength(10);
      for (const offset of ['-1', 'abc', '1e9', '100000']) {
        const bad = await app.inject({ url: `/api/public/lookup?q=tan%20thanh&offset=${offset}` });
        expect(bad.statusCode, offset).toBe(400);
        expect(bad.headers['content-type'], offset).toContain('application/problem+json');
      }
      // Both new parameters are documented for API clients.
      const spec = (await app.inject({ url: '/api/openapi.json' })).json();
      const params = (p: string) => spec.paths[p].get.parameters.map((x: { name: string }) => x.name);
      expect(params('/api/public/lookup')).toContain('offset');
      expect(params('/api/units/search')).toContain('includeEnded');
    } finally {
      await app.close();
    }
  });

  it('finds EVERY old commune by full name and by folded name + old district, with its official successors', async () => {
    // The official successors come from the files the registry imports, not from the registry itself.
    const dataset = loadVnDataset(VN_DATA_DIR);
    const ids = new Map((await t.db.selectFrom('units').select(['id', 'key']).execute()).map((u) => [u.key, u.id]));
    const byKey = new Map(dataset.units.map((u) => [u.key, u]));
    const official = new Map<number, Map<number, string>>();
    for (const e of dataset.events) {
      for (const l of e.links) {
        const from = ids.get(l.fromKey)!;
        const to = official.get(from) ?? new Map<number, string>();
        // As the lookup reports it: 'part' only when every link between the two is a part.
        if (!to.has(ids.get(l.toKey)!) || to.get(ids.get(l.toKey)!) === 'part') to.set(ids.get(l.toKey)!, l.kind);
        official.set(from, to);
      }
    }
    const communes = dataset.units.filter((u) => u.era === 'old' && u.level === 3);
    expect(communes).toHaveLength(10035);

    const misses: string[] = [];
    const found = { full: 0, folded: 0 };
    let deepest = { position: 0, query: '' };
    /** Follows the pages as a person would (10 at a time) until the unit shows, with its successors. */
    const check = async (q: string, id: number, expected: Map<number, string>) => {
      for (let offset: number | null = 0; offset !== null;) {
        const page: Lookup = await publicLookup(t.db, q, 10, AS_OF, offset);
        const hit = page.items.find((i) => i.unit.id === id);
        if (hit) {
          const got = new Map(hit.successors.map((s) => [s.unit.id, s.linkKind]));
          if (got.size !== expected.size || [...expected].some(([k, v]) => got.get(k) !== v)) {
            misses.push(`${q}: successors ${JSON.stringify([...got])} instead of ${JSON.stringify([...expected])}`);
            return false;
          }
          const position = offset + page.items.indexOf(hit) + 1;
          if (position > deepest.position) deepest = { position, query: q };
          return true;
        }
        offset = page.nextOffset ?? null; // an answer without paging ends the search here
      }
      misses.push(`${q}: not in the results`);
      return false;
    };
    for (const c of communes) {
      const id = ids.get(c.key)!;
      const expected = official.get(id) ?? new Map<number, string>();
      expect(expected.size, `${c.fullName} (${c.code}) has no official successor`).toBeGreaterThan(0);
      const district = byKey.get(c.parentKey!)!;
      if (await check(c.fullName, id, expected)) found.full++;
      if (await check(`${foldVietnamese(c.name)} ${foldVietnamese(district.name)}`, id, expected)) found.folded++;
    }
    console.info(
      `lookup recall on ${engine}: full name ${found.full}/${communes.length}, folded name + old district ${found.folded}/${communes.length}; ` +
        `deepest hit at position ${deepest.position} ("${deepest.query}")`,
    );
    expect(misses.slice(0, 20)).toEqual([]);
    expect(found).toEqual({ full: 10035, folded: 10035 });
  }, 1_800_000);
});
