// SQL of where a task sits, for who may do what (program.rights.ts): a unit's
// chain of ancestors, and the unit of the task a task was cascaded from.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db/db-schema.ts';

type Q = Kysely<Database>;
export interface ChainUnit {
  id: number;
  name: string;
}

/** A unit and its ancestors, nearest first, as JSON [{id, name}] (a fragment for one statement that reads more). */
export const unitChainSql = (unitId: unknown) => sql<ChainUnit[]>`(with recursive up(id, parent_id, name, depth) as (
    select id, parent_id, name, 0 from units where id = ${unitId}
    union all select u.id, u.parent_id, u.name, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 12)
  select json_agg(json_build_object('id', id, 'name', name) order by depth) from up)`;

/**
 * One statement: the unit's chain, the unit (and chain) of the task it was cascaded from (`parentTaskId`, null
 * for the program's own tasks), and whether the unit has units below it.
 */
export async function readPlace(db: Q, unitId: number, parentTaskId: number | null) {
  const r = await sql<{
    chain: ChainUnit[] | null;
    parent_unit: number | null;
    parent_chain: ChainUnit[] | null;
    units_below: boolean;
  }>`
    select ${unitChainSql(unitId)} as chain, p.unit_id as parent_unit, ${unitChainSql(sql`p.unit_id`)} as parent_chain,
      exists(select 1 from units b where b.parent_id = ${unitId}) as units_below
    from (select 1) one left join tasks p on p.id = ${parentTaskId}`.execute(db);
  return r.rows[0];
}

/** Whether one of these units is the country (level 0). */
export async function includesCountry(db: Q, unitIds: number[]): Promise<boolean> {
  const row = await db
    .selectFrom('units')
    .select('id')
    .where('id', 'in', unitIds)
    .where('level', '=', 0)
    .executeTakeFirst();
  return row !== undefined;
}

/** The ids of the subtrees of several units (themselves included), each once. */
export async function subtreesIds(db: Q, unitIds: number[]): Promise<number[]> {
  const r = await sql<{ id: number }>`
    with recursive down(id) as (
      select id from units where id = any(${unitIds}::bigint[])
      union
      select u.id from units u join down on u.parent_id = down.id
    ) select id from down`.execute(db);
  return r.rows.map((x) => x.id);
}

/** The ids of a unit's subtree (itself included). */
export async function subtreeIds(db: Q, unitId: number): Promise<number[]> {
  const r = await sql<{
    id: number;
  }>`with recursive d(id) as (select ${unitId}::bigint union select u.id from units u join d on u.parent_id = d.id) select id from d`.execute(
    db,
  );
  return r.rows.map((x) => x.id);
}
