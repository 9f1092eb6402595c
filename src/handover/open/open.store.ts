// SQL of opening the handovers of a reform date. Set-based on purpose: four statements open every
// handover of 1 July 2025 (10,794 ended units) with its receivers, instead of one round trip per unit.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

/**
 * One handover for each unit whose validity ended on `asOf` (the country never ends). A unit ends
 * once, so `from_unit_id` is unique and a second run inserts nothing: the ids returned are the new ones.
 */
export async function insertHandovers(db: Q, asOf: string): Promise<{ id: number; level: number }[]> {
  const r = await sql<{ id: number; level: number }>`
    insert into handovers (from_unit_id, effective_date, level)
    select id, valid_to, level from units where valid_to = ${asOf}::date and level > 0
    order by id
    on conflict (from_unit_id) do nothing
    returning id, level`.execute(db);
  return r.rows;
}

/**
 * Receivers from the registry's lineage. A unit with links of its own on that date hands over to
 * their targets (provinces and communes). A unit without (a district: the 2025 data links no
 * district, they were abolished) hands over to the new communes its own communes went to, and to
 * the new province its province went to, which stands for the province's archive and land
 * registration office (neither is a unit of the registry).
 */
export async function insertReceivers(db: Q, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    insert into handover_receivers (handover_id, unit_id, role, link_kind)
    select h.id, l.to_unit_id, 'successor', min(l.kind)
      from handovers h
      join lineage_links l on l.from_unit_id = h.from_unit_id
      join lineage_events e on e.id = l.event_id and e.effective_date = h.effective_date
     where h.id = any(${ids}::bigint[])
     group by h.id, l.to_unit_id
    on conflict do nothing`.execute(db);
  await sql`
    with bare as (
      select h.id, h.from_unit_id, h.effective_date, u.parent_id
        from handovers h join units u on u.id = h.from_unit_id
       where h.id = any(${ids}::bigint[])
         and not exists (select 1 from handover_receivers r where r.handover_id = h.id)
    )
    insert into handover_receivers (handover_id, unit_id, role, link_kind)
    select b.id, l.to_unit_id, 'successor_commune', null
      from bare b
      join units c on c.parent_id = b.from_unit_id and c.valid_to = b.effective_date
      join lineage_links l on l.from_unit_id = c.id
      join lineage_events e on e.id = l.event_id and e.effective_date = b.effective_date
    union
    select b.id, l.to_unit_id, 'province', null
      from bare b
      join lineage_links l on l.from_unit_id = b.parent_id
      join lineage_events e on e.id = l.event_id and e.effective_date = b.effective_date
    on conflict do nothing`.execute(db);
  // The overseeing province: the receiver itself when it is a province, else the receiver's parent
  // (after 1 July 2025 a commune's parent is its province: two tiers).
  await sql`
    update handovers h set province_unit_id = p.province
      from (select r.handover_id, min(case when u.level = 1 then u.id else u.parent_id end) as province
              from handover_receivers r join units u on u.id = r.unit_id
             where r.handover_id = any(${ids}::bigint[])
             group by r.handover_id) p
     where h.id = p.handover_id`.execute(db);
}

/** Handovers of the date by level: all of them, and those whose unit has no receiver in the registry. */
export async function countsByLevel(db: Q, asOf: string) {
  const r = await sql<{ level: number; total: number; without_receiver: number; receivers: number }>`
    select h.level, count(*)::int as total,
           count(*) filter (where not exists (select 1 from handover_receivers r where r.handover_id = h.id))::int
             as without_receiver,
           coalesce(sum((select count(*) from handover_receivers r where r.handover_id = h.id)), 0)::int as receivers
      from handovers h where h.effective_date = ${asOf}::date
     group by h.level order by h.level`.execute(db);
  return r.rows;
}

/** Units that ended on the date without a handover (none after an opening: the test checks it). */
export async function endedWithoutHandover(db: Q, asOf: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from units u
     where u.valid_to = ${asOf}::date and u.level > 0
       and not exists (select 1 from handovers h where h.from_unit_id = u.id)`.execute(db);
  return r.rows[0].n;
}
