// Bulk writes for reference-data imports. Units are upserted by their stable
// key, so an import run twice leaves the same rows with the same ids (grants
// and agencies that point at them stay valid).
import { sql, type Kysely } from 'kysely';
import type { Database, NewUnit } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;
const BATCH = 500;

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Upserts units (parents must come before children) and returns key → id. */
export async function upsertUnits(db: Q, units: NewUnit[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const batch of chunks(units)) {
    const rows = await db
      .insertInto('units')
      .values(batch)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          code: eb.ref('excluded.code'),
          level: eb.ref('excluded.level'),
          type: eb.ref('excluded.type'),
          name: eb.ref('excluded.name'),
          full_name: eb.ref('excluded.full_name'),
          name_en: eb.ref('excluded.name_en'),
          full_name_en: eb.ref('excluded.full_name_en'),
          parent_id: eb.ref('excluded.parent_id'),
          valid_from: eb.ref('excluded.valid_from'),
          valid_to: eb.ref('excluded.valid_to'),
          attested_from: eb.ref('excluded.attested_from'),
          validity_source: eb.ref('excluded.validity_source'),
          area_km2: eb.ref('excluded.area_km2'),
          population: eb.ref('excluded.population'),
          admin_centre: eb.ref('excluded.admin_centre'),
          lon: eb.ref('excluded.lon'),
          lat: eb.ref('excluded.lat'),
          name_folded: eb.ref('excluded.name_folded'),
          search_text: eb.ref('excluded.search_text'),
          source: eb.ref('excluded.source'),
        })),
      )
      .returning(['id', 'key'])
      .execute();
    for (const r of rows) ids.set(r.key, r.id);
  }
  return ids;
}

/** Removes the lineage a previous run of this source wrote, so it can be written afresh. */
export async function deleteLineageFromSource(db: Q, source: string): Promise<void> {
  await sql`delete from lineage_links where event_id in (select id from lineage_events where source = ${source})`.execute(
    db,
  );
  await db.deleteFrom('lineage_events').where('source', '=', source).execute();
}

export interface NewEvent {
  kind: string;
  effectiveDate: string;
  legalBasis: string | null;
  note: string | null;
  source: string;
  links: { fromId: number; toId: number; kind: string; note: string | null; source: string | null }[];
}

export async function insertEvents(db: Q, events: NewEvent[]): Promise<number> {
  let links = 0;
  for (const batch of chunks(events)) {
    const rows = await db
      .insertInto('lineage_events')
      .values(
        batch.map((e) => ({
          kind: e.kind,
          effective_date: e.effectiveDate,
          legal_basis: e.legalBasis,
          note: e.note,
          source: e.source,
        })),
      )
      .returning('id')
      .execute();
    const linkRows = batch.flatMap((e, i) =>
      e.links.map((l) => ({
        event_id: rows[i].id,
        from_unit_id: l.fromId,
        to_unit_id: l.toId,
        kind: l.kind,
        note: l.note,
        source: l.source,
      })),
    );
    for (const lb of chunks(linkRows)) await db.insertInto('lineage_links').values(lb).execute();
    links += linkRows.length;
  }
  return links;
}

export interface NewAgency {
  key: string;
  unitId: number;
  kind: string;
  name: string;
  nameEn: string | null;
  validFrom: string | null;
  source: string;
}

export async function upsertAgencies(db: Q, agencies: NewAgency[]): Promise<void> {
  for (const batch of chunks(agencies)) {
    await db
      .insertInto('agencies')
      .values(
        batch.map((a) => ({
          key: a.key,
          unit_id: a.unitId,
          kind: a.kind,
          name: a.name,
          name_en: a.nameEn,
          valid_from: a.validFrom,
          source: a.source,
        })),
      )
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          unit_id: eb.ref('excluded.unit_id'),
          kind: eb.ref('excluded.kind'),
          name: eb.ref('excluded.name'),
          name_en: eb.ref('excluded.name_en'),
          valid_from: eb.ref('excluded.valid_from'),
          source: eb.ref('excluded.source'),
        })),
      )
      .execute();
  }
}

export function lastImport(db: Q, dataset: string) {
  return db
    .selectFrom('dataset_imports')
    .selectAll()
    .where('dataset', '=', dataset)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function insertImportRecord(db: Q, dataset: string, checksum: string, report: unknown) {
  return db
    .insertInto('dataset_imports')
    .values({ dataset, checksum, report: JSON.stringify(report), imported_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
}
