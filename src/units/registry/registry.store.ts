// SQL for the unit registry: units valid over date ranges, lineage, agencies.
import type { EventKind, LinkKind } from '../units.schemas.ts';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { PlacedRow } from './registry.present.ts';
import { todayIso } from '../../platform/errors.ts';

type Q = Kysely<Database>;

/** A unit is in force on `asOf` when valid_from <= asOf < valid_to (open ends allowed). */
export const inForceSql = (
  asOf: string,
  alias: string,
) => sql<SqlBool>`(${sql.ref(alias + '.valid_from')} is null or ${sql.ref(alias + '.valid_from')} <= ${asOf}::date)
  and (${sql.ref(alias + '.valid_to')} is null or ${sql.ref(alias + '.valid_to')} > ${asOf}::date)`;

const SUMMARY = [
  'units.id',
  'units.code',
  'units.name',
  'units.full_name',
  'units.name_en',
  'units.full_name_en',
  'units.type',
  'units.level',
  'units.valid_from',
  'units.valid_to',
  'units.attested_from',
] as const;

/** In force on `asOf` by its dates but before any source attests it (see registry.validity.ts): unknown that day. */
const unknownSql = (asOf: string, alias: string) => sql<SqlBool>`(${sql.ref(alias + '.valid_from')} is null
  and ${sql.ref(alias + '.attested_from')} is not null and ${sql.ref(alias + '.attested_from')} > ${asOf}::date)`;

export interface TreeRow {
  id: number;
  code: string;
  name: string;
  full_name: string;
  name_en: string | null;
  full_name_en: string | null;
  type: string;
  level: number;
  valid_from: string | null;
  valid_to: string | null;
  attested_from: string | null;
  validity_source: string | null;
  /** Children known to be in force on the date. */
  child_count: number;
  /** Whether the registry has data on the unit on that date (false: in force by its dates, but before it is attested). */
  known: boolean;
  /** The earliest attestation among children the registry has no data on that date, if any. */
  unknown_children_from: string | null;
}

/** Children of a unit (the country when null) in force on `asOf`, the ones the registry has no data on that date flagged. */
export async function childrenAsOf(db: Q, parentId: number | null, asOf: string): Promise<TreeRow[]> {
  const result = await sql<TreeRow>`
    select u.id, u.code, u.name, u.full_name, u.name_en, u.full_name_en, u.type, u.level, u.valid_from, u.valid_to,
           u.attested_from, u.validity_source, not ${unknownSql(asOf, 'u')} as known,
           coalesce(c.known, 0)::int as child_count, c.unknown_from as unknown_children_from
      from units u
      left join lateral (
        select count(*) filter (where not ${unknownSql(asOf, 'ch')}) as known,
               min(ch.attested_from) filter (where ${unknownSql(asOf, 'ch')}) as unknown_from
          from units ch where ch.parent_id = u.id and ${inForceSql(asOf, 'ch')}) c on true
     where ${parentId === null ? sql`u.level = 0` : sql`u.parent_id = ${parentId}`} and ${inForceSql(asOf, 'u')}
     order by u.code`.execute(db);
  return result.rows;
}

/** The unit at the top of the registry (level 0): the country. */
export function countryUnit(db: Q) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'full_name'])
    .where('level', '=', 0)
    .orderBy('id')
    .executeTakeFirst();
}

export function findUnitById(db: Q, id: number) {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The unit with this official code in force on `asOf` (codes are reused across the reform). */
export function findUnitByCode(db: Q, code: string, asOf = todayIso()) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('code', '=', code)
    .where(inForceSql(asOf, 'units'))
    .orderBy('level')
    .executeTakeFirst();
}

export async function ancestorsOf(db: Q, id: number) {
  const rows = await sql<{ id: number; depth: number }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${id}
      union all
      select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 10
    ) select id, depth from up where depth > 0 order by depth desc`.execute(db);
  if (rows.rows.length === 0) return [];
  const units = await db
    .selectFrom('units')
    .select(SUMMARY)
    .where(
      'id',
      'in',
      rows.rows.map((r) => r.id),
    )
    .execute();
  const byId = new Map(units.map((u) => [u.id, u]));
  return rows.rows.map((r) => byId.get(r.id)!);
}

/** A related unit's own columns come along (PlacedRow), so callers need no second query. */
export interface RelatedRow extends PlacedRow {
  start_id: number;
  unit_id: number;
  depth: number;
  link_kind: LinkKind;
  note: string | null;
  /** false when any link on the way from the starting unit was a 'part' link. */
  all_whole: boolean;
  event_id: number;
  event_kind: EventKind;
  effective_date: string;
  legal_basis: string | null;
}

/**
 * Units linked to the starting units through lineage, transitively: 'back'
 * walks to predecessors, 'forward' to successors. One row per link on the way.
 */
export async function lineageFrom(
  db: Q,
  startIds: number[],
  direction: 'back' | 'forward',
  maxDepth = 10,
): Promise<RelatedRow[]> {
  if (startIds.length === 0) return [];
  const [near, far] = direction === 'back' ? ['to_unit_id', 'from_unit_id'] : ['from_unit_id', 'to_unit_id'];
  const result = await sql<RelatedRow>`
    with recursive walk(start_id, unit_id, depth, link_kind, note, event_id, all_whole, path) as (
      select l.${sql.ref(near)}, l.${sql.ref(far)}, 1, l.kind, l.note, l.event_id, l.kind <> 'part',
             array[l.${sql.ref(near)}, l.${sql.ref(far)}]
        from lineage_links l where l.${sql.ref(near)} = any(${startIds}::bigint[])
      union all
      select w.start_id, l.${sql.ref(far)}, w.depth + 1, l.kind, l.note, l.event_id, w.all_whole and l.kind <> 'part',
             w.path || l.${sql.ref(far)}
        from lineage_links l join walk w on l.${sql.ref(near)} = w.unit_id
       where w.depth < ${maxDepth} and not l.${sql.ref(far)} = any(w.path)
    )
    select w.start_id, w.unit_id, w.depth, w.link_kind, w.note, w.event_id, w.all_whole, e.kind as event_kind,
           e.effective_date, e.legal_basis,
           u.id, u.code, u.name, u.full_name, u.name_en, u.full_name_en, u.type, u.level, u.valid_from, u.valid_to,
           u.attested_from, u.admin_centre, u.area_km2, u.population,
           p.level as parent_level, p.full_name as parent_name, p.name as parent_short_name, p.code as parent_code,
           pp.level as grandparent_level, pp.full_name as grandparent_name, pp.name as grandparent_short_name, pp.code as grandparent_code
      from walk w
      -- Primary-key lookups per walked row. The planner cannot size a recursive CTE (it
      -- guesses 360 rows) and hash-joins whole tables instead (7 ms rather than 0.3 ms);
      -- "offset 0" stops it from flattening these LATERAL subqueries back into such joins.
      cross join lateral (select kind, effective_date, legal_basis from lineage_events where id = w.event_id offset 0) e
      cross join lateral (select * from units where id = w.unit_id offset 0) u
      left join lateral (select level, full_name, name, code, parent_id from units where id = u.parent_id offset 0) p on true
      left join lateral (select level, full_name, name, code from units where id = p.parent_id offset 0) pp on true
     order by w.start_id, w.depth, w.unit_id`.execute(db);
  return result.rows;
}

export function unitSummaries(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('units')
    .leftJoin('units as p', 'p.id', 'units.parent_id')
    .leftJoin('units as pp', 'pp.id', 'p.parent_id')
    .select([
      ...SUMMARY,
      'units.admin_centre',
      'units.area_km2',
      'units.population',
      'p.level as parent_level',
      'p.full_name as parent_name',
      'p.name as parent_short_name',
      'p.code as parent_code',
      'pp.level as grandparent_level',
      'pp.full_name as grandparent_name',
      'pp.name as grandparent_short_name',
      'pp.code as grandparent_code',
    ])
    .where('units.id', 'in', ids)
    .execute();
}

/** Units in force on `asOf` that the registry has data on, by level and type. */
export async function countsAsOf(db: Q, asOf: string) {
  return db
    .selectFrom('units')
    .select(['level', 'type', sql<number>`count(*)::int`.as('count')])
    .where(inForceSql(asOf, 'units'))
    .where(sql<SqlBool>`not ${unknownSql(asOf, 'units')}`)
    .groupBy(['level', 'type'])
    .orderBy('level')
    .orderBy('type')
    .execute();
}

/** The first day the registry has data on units that are in force on `asOf` by their dates alone; null when it knows that day. */
export async function noDataBefore(db: Q, asOf: string): Promise<string | null> {
  // On or after the latest attestation every unit is known: one probe of units_attested_from_idx answers that.
  const latest = await db
    .selectFrom('units')
    .select(sql<string | null>`max(attested_from)`.as('last'))
    .executeTakeFirst();
  if (!latest?.last || asOf >= latest.last) return null;
  const row = await db
    .selectFrom('units')
    .select(sql<string | null>`min(attested_from)`.as('first'))
    .where(inForceSql(asOf, 'units'))
    .where(unknownSql(asOf, 'units'))
    .executeTakeFirst();
  return row?.first ?? null;
}

export function agenciesOf(db: Q, unitId: number) {
  return db.selectFrom('agencies').selectAll().where('unit_id', '=', unitId).orderBy('kind').orderBy('name').execute();
}

/** Reads a unit and locks its row until the transaction ends, so concurrent edits queue. */
export function lockUnit(db: Q, id: number) {
  return db.selectFrom('units').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateUnitFacts(db: Q, id: number, set: Record<string, unknown>) {
  return db.updateTable('units').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
