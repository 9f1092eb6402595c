// SQL of routing: from the unit where something happened (possibly an old commune, or an abolished district) to
// the units in force on a day, following lineage links forward, with each unit's province.
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/db.ts';

export interface Reached {
  startId: number;
  id: number;
  code: string;
  level: number;
  fullName: string;
  provinceId: number | null;
}

const inForce = (alias: string, asOf: string) =>
  sql<SqlBool>`((${sql.ref(alias + '.valid_from')} is null or ${sql.ref(alias + '.valid_from')} <= ${asOf}::date)
    and (${sql.ref(alias + '.valid_to')} is null or ${sql.ref(alias + '.valid_to')} > ${asOf}::date))`;

/** For each start unit: the units in force on `asOf` it is or became (itself when in force), in one query. */
export async function reachedInForce(db: Db, ids: number[], asOf: string): Promise<Map<number, Reached[]>> {
  const out = new Map<number, Reached[]>();
  if (ids.length === 0) return out;
  const r = await sql<Reached>`
    with recursive fwd(start_id, unit_id, depth) as (
      select id, id, 0 from units where id = any(${ids}::bigint[])
      union
      select f.start_id, l.to_unit_id, f.depth + 1
      from fwd f join units cur on cur.id = f.unit_id join lineage_links l on l.from_unit_id = f.unit_id
      where not ${inForce('cur', asOf)} and f.depth < 8
    )
    select distinct f.start_id as "startId", u.id, u.code, u.level, u.full_name as "fullName",
      case when u.level = 1 then u.id when p.level = 1 then p.id else gp.id end as "provinceId"
    from fwd f join units u on u.id = f.unit_id
    left join units p on p.id = u.parent_id left join units gp on gp.id = p.parent_id
    where ${inForce('u', asOf)} and u.level > 0
    order by 1, 2`.execute(db);
  for (const row of r.rows) {
    const list = out.get(row.startId) ?? [];
    list.push(row);
    out.set(row.startId, list);
  }
  return out;
}

export async function unitBrief(db: Db, id: number) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'level', 'full_name', 'parent_id', 'valid_from', 'valid_to'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The unit with this code in force on the day (old and new units share codes: the day tells them apart). */
export function unitByCodeOn(db: Db, code: string, day: string) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'level', 'full_name', 'parent_id', 'valid_from', 'valid_to'])
    .where('code', '=', code)
    .where(inForce('units', day))
    .orderBy('level')
    .executeTakeFirst();
}
