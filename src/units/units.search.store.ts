// SQL for finding units by folded (diacritic-free) text. Every required token
// must appear in the unit's search text (a trigram index keeps this fast);
// ranking uses cheap comparisons with the short name, not a per-row similarity.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../platform/db-schema.ts';
import { inForceSql } from './units.store.ts';

export interface SearchHit { id: number; score: number }

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => '\\' + c);

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
export async function searchByTokens(db: Kysely<Database>, tokens: string[], nameQuery: string, asOf: string | null, limit: number): Promise<SearchHit[]> {
  if (tokens.length === 0) return [];
  const leading = tokens.map((_, i) => tokens.slice(0, i + 1).join(' '));
  const named = await ranked(db, tokens, nameQuery, asOf, limit, sql`u.name_folded in (${sql.join(leading)})`);
  if (named.length >= limit) return named;
  const seen = named.map((h) => h.id);
  const rest = await ranked(db, tokens, nameQuery, asOf, limit - named.length,
    seen.length ? sql`not u.id = any(${seen}::bigint[])` : sql`true`);
  return [...named, ...rest];
}

function ranked(db: Kysely<Database>, tokens: string[], nameQuery: string, asOf: string | null, limit: number, extra: RawBuilder<unknown>) {
  const conditions = tokens.map((t) => sql`u.search_text like ${'%' + escapeLike(t) + '%'}`);
  return sql<SearchHit>`
    select u.id, (case when u.name_folded = ${nameQuery} then 4 else 0 end
                + case when ${nameQuery} like u.name_folded || ' %' then 3 else 0 end
                + case when u.name_folded like ${escapeLike(nameQuery) + '%'} then 2 else 0 end
                + case when u.level = 3 then 0.5 else 0 end)::float8 as score
      from units u
     where ${extra} and ${sql.join(conditions, sql` and `)}
       ${asOf ? sql`and ${inForceSql(asOf, 'u')}` : sql``}
     order by score desc, length(u.name_folded), u.valid_to nulls last, u.id
     limit ${limit}`.execute(db).then((r) => r.rows);
}

/** Fallback for misspelt input: trigram similarity of the short name alone. */
export async function searchBySimilarity(db: Kysely<Database>, nameQuery: string, asOf: string | null, limit: number): Promise<SearchHit[]> {
  const result = await sql<SearchHit>`
    select u.id, similarity(lower(u.name_folded), ${nameQuery})::float8 as score
      from units u
     where lower(u.name_folded) % ${nameQuery}
       ${asOf ? sql`and ${inForceSql(asOf, 'u')}` : sql``}
     order by score desc, u.id
     limit ${limit}`.execute(db);
  return result.rows;
}
