// SQL for finding units by folded (diacritic-free) text: by whole names through
// the lookup index (unit_lookup, migration 0012), by substrings of the search
// text (a trigram index keeps this fast) for half-typed words, and by trigram
// similarity for misspellings.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { inForceSql } from '../registry/registry.store.ts';
import type { Candidate } from './lookup.parse.ts';

export interface SearchHit {
  id: number;
  score: number;
  validFrom: string | null;
  validTo: string | null;
  attestedFrom: string | null;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => '\\' + c);

/** Units whose name is one of `keys` (folded, punctuation as spaces), with the places an address may name around them. */
export async function unitsNamed(db: Kysely<Database>, keys: string[]): Promise<Candidate[]> {
  if (keys.length === 0) return [];
  const result = await sql<{
    id: number;
    name: string;
    name_key: string;
    type: string;
    level: number;
    valid_from: string | null;
    valid_to: string | null;
    attested_from: string | null;
    context: string[];
  }>`
    select u.id, u.name, l.name_key, u.type, u.level, u.valid_from, u.valid_to, u.attested_from, l.context
      from unit_lookup l join units u on u.id = l.unit_id
     where l.name_key = any(${[...new Set(keys)]}::text[])`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    name: r.name,
    nameKey: r.name_key,
    type: r.type,
    level: r.level,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    attestedFrom: r.attested_from,
    context: r.context,
  }));
}

/**
 * Rebuilds the lookup index from units and lineage. The import calls it in its
 * transaction; migration 0012 ran the same statement once for existing data.
 */
export async function refreshLookupIndex(db: Kysely<Database>): Promise<void> {
  await sql`delete from unit_lookup`.execute(db);
  // PostgreSQL's JIT judges this statement expensive and compiles it: 1.3 s of compiling for
  // 60 ms of work (measured). Off for this statement only (no JIT in PGlite; the setting is inert).
  await sql`set local jit = off`.execute(db);
  await sql`
    insert into unit_lookup (unit_id, name_key, context)
    with k as (
      select id, parent_id, level, trim(regexp_replace(name_folded, '[^a-z0-9]+', ' ', 'g')) as key from units
    ),
    up as (   -- the places above a unit, the country left out
      select c.id, p.id as place_id from k c join k p on p.id = c.parent_id where p.level > 0
      union all
      select c.id, pp.id from k c join k p on p.id = c.parent_id join k pp on pp.id = p.parent_id where pp.level > 0
      union all
      select c.id, p3.id from k c join k p on p.id = c.parent_id join k pp on pp.id = p.parent_id
        join k p3 on p3.id = pp.parent_id where p3.level > 0
    ),
    related as (
      -- union all: the aggregate below drops repeats anyway, and sorting 77,000 pairs for union is not free.
      select id, place_id as other from up                                                              -- its district, province
      union all select l.from_unit_id, l.to_unit_id from lineage_links l                                -- its successors
      union all select l.from_unit_id, u.place_id from lineage_links l join up u on u.id = l.to_unit_id -- their province
      union all select u.id, l.to_unit_id from up u join lineage_links l on l.from_unit_id = u.place_id -- its province's successor
      union all select l.to_unit_id, u.place_id from lineage_links l join up u on u.id = l.from_unit_id -- its predecessors' district, province
    )
    select k.id, k.key, coalesce(array_agg(distinct o.key) filter (where o.key <> ''), '{}')
      from k left join related r on r.id = k.id left join k o on o.id = r.other
     group by k.id, k.key`.execute(db);
  await sql`reset jit`.execute(db);
}

/**
 * Units whose search text holds every token, best first: the short name equal
 * to the query, then the query starting with the name ("truc bach ba dinh"),
 * then names starting with the query; communes before larger units, shorter
 * names first. `asOf` null searches every date.
 *
 * Two steps, because a common name ("Hòa Phú", 15 units) makes the token scan
 * touch every row: units whose name is the query or a leading part of it are
 * found first through the name index, and only a shortfall scans.
 */
export async function searchByTokens(
  db: Kysely<Database>,
  tokens: string[],
  nameQuery: string,
  asOf: string | null,
  limit: number,
): Promise<SearchHit[]> {
  if (tokens.length === 0) return [];
  const leading = tokens.map((_, i) => tokens.slice(0, i + 1).join(' '));
  const named = await ranked(db, tokens, nameQuery, asOf, limit, sql`u.name_folded in (${sql.join(leading)})`);
  if (named.length >= limit) return named;
  const seen = named.map((h) => h.id);
  const rest = await ranked(
    db,
    tokens,
    nameQuery,
    asOf,
    limit - named.length,
    seen.length ? sql`not u.id = any(${seen}::bigint[])` : sql`true`,
  );
  return [...named, ...rest];
}

function ranked(
  db: Kysely<Database>,
  tokens: string[],
  nameQuery: string,
  asOf: string | null,
  limit: number,
  extra: RawBuilder<unknown>,
) {
  const conditions = tokens.map((t) => sql`u.search_text like ${'%' + escapeLike(t) + '%'}`);
  return sql<SearchHit>`
    select u.id, u.valid_from as "validFrom", u.valid_to as "validTo", u.attested_from as "attestedFrom",
           (case when u.name_folded = ${nameQuery} then 4 else 0 end
                + case when ${nameQuery} like u.name_folded || ' %' then 3 else 0 end
                + case when u.name_folded like ${escapeLike(nameQuery) + '%'} then 2 else 0 end
                + case when u.level = 3 then 0.5 else 0 end)::float8 as score
      from units u
     where ${extra} and ${sql.join(conditions, sql` and `)}
       ${asOf ? sql`and ${inForceSql(asOf, 'u')}` : sql``}
     order by score desc, length(u.name_folded), u.valid_to nulls last, u.id
     limit ${limit}`
    .execute(db)
    .then((r) => r.rows);
}

/** Fallback for misspelt input: trigram similarity of the short name alone. */
export async function searchBySimilarity(
  db: Kysely<Database>,
  nameQuery: string,
  asOf: string | null,
  limit: number,
): Promise<SearchHit[]> {
  const result = await sql<SearchHit>`
    select u.id, u.valid_from as "validFrom", u.valid_to as "validTo", u.attested_from as "attestedFrom",
           similarity(lower(u.name_folded), ${nameQuery})::float8 as score
      from units u
     where lower(u.name_folded) % ${nameQuery}
       ${asOf ? sql`and ${inForceSql(asOf, 'u')}` : sql``}
     order by score desc, u.id
     limit ${limit}`.execute(db);
  return result.rows;
}
