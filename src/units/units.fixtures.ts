// A tiny registry for tests that need a few real-looking units but not the
// whole national import: the country, Hà Nội with one old and one new ward,
// and Huế with one commune, linked by one lineage event.
import type { Db } from '../platform/db/db.ts';
import { searchColumns } from './import/import.service.ts';

export async function seedMiniRegistry(db: Db) {
  const add = async (u: {
    key: string;
    code: string;
    level: number;
    type: string;
    name: string;
    fullName: string;
    parentId: number | null;
    validFrom?: string | null;
    validTo?: string | null;
    population?: number | null;
  }) => {
    const row = await db
      .insertInto('units')
      .values({
        key: u.key,
        code: u.code,
        level: u.level,
        type: u.type,
        name: u.name,
        full_name: u.fullName,
        name_en: null,
        full_name_en: null,
        parent_id: u.parentId,
        valid_from: u.validFrom ?? null,
        valid_to: u.validTo ?? null,
        area_km2: null,
        population: u.population ?? null,
        admin_centre: null,
        lon: null,
        lat: null,
        ...searchColumns(u, []),
        source: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const vn = await add({
    key: 'vn',
    code: 'VN',
    level: 0,
    type: 'central',
    name: 'Việt Nam',
    fullName: 'Việt Nam',
    parentId: null,
  });
  const hanoi = await add({
    key: 'p:01',
    code: '01',
    level: 1,
    type: 'municipality',
    name: 'Hà Nội',
    fullName: 'Thành phố Hà Nội',
    parentId: vn,
  });
  const trucBach = await add({
    key: 'old:c:00004',
    code: '00004',
    level: 3,
    type: 'ward',
    name: 'Trúc Bạch',
    fullName: 'Phường Trúc Bạch',
    parentId: hanoi,
    validTo: '2025-07-01',
  });
  const baDinh = await add({
    key: 'new:c:00004',
    code: '00004',
    level: 3,
    type: 'ward',
    name: 'Ba Đình',
    fullName: 'Phường Ba Đình',
    parentId: hanoi,
    validFrom: '2025-07-01',
    population: 60000,
  });
  const hue = await add({
    key: 'p:46',
    code: '46',
    level: 1,
    type: 'municipality',
    name: 'Huế',
    fullName: 'Thành phố Huế',
    parentId: vn,
  });
  const hueCommune = await add({
    key: 'new:c:19900',
    code: '19900',
    level: 3,
    type: 'commune',
    name: 'Phong Điền',
    fullName: 'Xã Phong Điền',
    parentId: hue,
    validFrom: '2025-07-01',
    population: 50000,
  });
  const event = await db
    .insertInto('lineage_events')
    .values({ kind: 'merge', effective_date: '2025-07-01', legal_basis: 'test', note: null, source: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('lineage_links')
    .values({
      event_id: event.id,
      from_unit_id: trucBach,
      to_unit_id: baDinh,
      kind: 'whole',
      note: 'Nhập toàn bộ',
      source: 'test',
    })
    .execute();
  return { vn, hanoi, trucBach, baDinh, hue, hueCommune };
}
