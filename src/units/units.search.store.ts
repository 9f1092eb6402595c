// SQL for finding units by folded (diacritic-free) text. Every query token must
// appear in the unit's search text; a trigram index keeps this fast.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db-schema.ts';
import { inForceSql } from './units.store.ts';

export interface SearchHit { id: number; score: number }

/** Units whose search text holds every token, best first; `asOf` null searches all dates. */
export async function searchByTokens(db: Kysely<Database>, tokens: string[], folded: string, asOf: string | null, limit: number): Promise<SearchHit[]> {
  if (tokens.length === 0) return [];
  const conditions = tokens.map((t) => sql`u.search_text like ${'%' + escapeLike(t) + '%'}`);
  const result = await sql<SearchHit>`
    select u.id, (word_similarity(${folded}, u.search_text)
                  + case when u.name_folded = ${folded} then 1 else 0 end
                  + case when u.level = 3 then 0.2 else 0 end)::float8 as score
      from (select id, level, search_text, split_part(search_text, ' | ', 1) as name_folded, valid_from, valid_to from units) u
     where ${sql.join(conditions, sql` and `)}
       ${asOf ? sql`and ${inForceSql(asOf, 'u')}` : sql``}
     order by score desc, u.id
     limit ${limit}`.execute(db);
  return result.rows;
}

/** Fallback for misspelt or partial input: trigram word similarity alone. */
export async function searchBySimilarity(db: Kysely<Database>, folded: string, asOf: string | null, limit: number): Promise<SearchHit[]> {
  const result = await sql<SearchHit>`
    select u.id, word_similarity(${folded}, u.search_text)::float8 as score
      from units u
     where ${folded} <% u.search_text
       ${asOf ? sql`and ${inForceSql(asOf, 'u')}` : sql``}
     order by score desc, u.id
     limit ${limit}`.execute(db);
  return result.rows;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}
