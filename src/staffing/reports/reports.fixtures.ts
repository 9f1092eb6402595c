// Test helpers of the reports: central agencies under the country (as the
// import names them, 'central:<code>'), and provinces formed by a merger, with
// the lineage links the reduction rule reads.
import type { Db } from '../../platform/db/db.ts';
import { searchColumns } from '../../units/import/import.service.ts';

export async function addCentralAgency(db: Db, countryId: number, code: string, kind: string, name: string) {
  const row = await db
    .insertInto('agencies')
    .values({
      key: `central:${code}`,
      unit_id: countryId,
      kind,
      code: null,
      name,
      name_en: null,
      parent_agency_id: null,
      valid_from: null,
      valid_to: null,
      source: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function addProvince(
  db: Db,
  countryId: number,
  key: string,
  code: string,
  name: string,
  validFrom: string | null,
  validTo: string | null,
) {
  const u = { key, code, level: 1, type: 'province', name, fullName: `Tỉnh ${name}` };
  const row = await db
    .insertInto('units')
    .values({
      key,
      code,
      level: 1,
      type: 'province',
      name,
      full_name: u.fullName,
      name_en: null,
      full_name_en: null,
      parent_id: countryId,
      valid_from: validFrom,
      valid_to: validTo,
      area_km2: null,
      population: null,
      admin_centre: null,
      lon: null,
      lat: null,
      ...searchColumns(u, []),
      source: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Old provinces (ended 2025-07-01) merged whole into `intoId`, or into a new province created here when `intoId` is null. */
export async function mergedProvince(
  db: Db,
  countryId: number,
  oldNames: string[],
  into: { id: number } | { code: string; name: string },
) {
  const olds = [];
  for (const [i, n] of oldNames.entries())
    olds.push(await addProvince(db, countryId, `old:p:${n}`, `old-${i}-${n}`, n, null, '2025-07-01'));
  const intoId =
    'id' in into
      ? into.id
      : await addProvince(db, countryId, `new:p:${into.code}`, into.code, into.name, '2025-07-01', null);
  const event = await db
    .insertInto('lineage_events')
    .values({ kind: 'merge', effective_date: '2025-07-01', legal_basis: 'test', note: null, source: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const from of olds)
    await db
      .insertInto('lineage_links')
      .values({ event_id: event.id, from_unit_id: from, to_unit_id: intoId, kind: 'whole', note: null, source: 'test' })
      .execute();
  return { olds, intoId };
}
