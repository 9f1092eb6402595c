// SQL of a handover's own row, its receivers and its state (Kysely).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { handoverDelta } from '../rollups/rollups.store.ts';

type Q = Kysely<Database>;

export interface HandoverRow {
  id: number;
  from_unit_id: number;
  effective_date: string;
  level: number;
  province_unit_id: number | null;
  state: 'draft' | 'submitted' | 'counted' | 'signed' | 'closed';
  version: number;
  submitted_by: number | null;
  submitted_label: string | null;
  from_code: string;
  from_name: string;
  from_full_name: string;
}

/** The handover with its ended unit; `lock` takes the row for the rest of the transaction (one writer at a time). */
export async function findHandover(db: Q, id: number, lock = false): Promise<HandoverRow | undefined> {
  const r = await sql<HandoverRow>`
    select h.id, h.from_unit_id, h.effective_date, h.level, h.province_unit_id, h.state, h.version,
           h.submitted_by, h.submitted_label, u.code as from_code, u.name as from_name, u.full_name as from_full_name
      from handovers h join units u on u.id = h.from_unit_id
     where h.id = ${id} ${lock ? sql`for update of h` : sql``}`.execute(db);
  return r.rows[0];
}

export async function receiversOf(db: Q, id: number) {
  const r = await sql<{
    id: number;
    code: string;
    name: string;
    level: number;
    role: 'successor' | 'province' | 'successor_commune';
    link_kind: string | null;
  }>`
    select u.id, u.code, u.full_name as name, u.level, r.role, r.link_kind
      from handover_receivers r join units u on u.id = r.unit_id
     where r.handover_id = ${id} order by u.level, u.code`.execute(db);
  return r.rows;
}

/** Lines by count state: outstanding is every line not received, computed here and never stored. */
export async function outstandingOf(db: Q, id: number) {
  const r = await sql<{ lines: number; pending: number; missing: number; damaged: number; disputed: number }>`
    select count(*)::int as lines,
           count(*) filter (where count_state = 'pending')::int as pending,
           count(*) filter (where count_state = 'missing')::int as missing,
           count(*) filter (where count_state = 'damaged')::int as damaged,
           count(*) filter (where count_state = 'disputed')::int as disputed
      from handover_lines where handover_id = ${id}`.execute(db);
  return r.rows[0];
}

/** Every change of state moves the dashboards' counts by state in the same transaction. */
export async function setState(db: Q, id: number, set: Record<string, unknown>) {
  await handoverDelta(db, -1, [id]);
  const after = (await db
    .updateTable('handovers')
    .set(set)
    .where('id', '=', id)
    .returning(['state', 'version'])
    .executeTakeFirstOrThrow()) as { state: HandoverRow['state']; version: number };
  await handoverDelta(db, 1, [id]);
  return after;
}

/** Every unit under the given ones (themselves included): the scope of a caller's grants. */
const below = (units: number[]) => sql`
  with recursive down(id) as (
    select id from units where id = any(${units}::bigint[])
    union
    select u.id from units u join down d on u.parent_id = d.id
  )`;

/**
 * Handovers visible to a caller whose grants are `scope` (null: everything), optionally of one
 * province: those whose ended unit, overseeing province or a receiver lies under a grant.
 */
export async function listHandovers(
  db: Q,
  o: {
    scope: number[] | null;
    provinceId?: number;
    state?: string;
    level?: number;
    name?: string;
    limit: number;
    offset: number;
  },
) {
  // A name is matched as typed, wildcards escaped; lower() so "xã" finds "Xã".
  const like = o.name ? `%${o.name.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const inScope = o.scope
    ? sql`and (h.from_unit_id in (select id from down) or h.province_unit_id in (select id from down)
              or exists (select 1 from handover_receivers r where r.handover_id = h.id and r.unit_id in (select id from down)))`
    : sql``;
  const r = await sql<{
    id: number;
    from_unit_id: number;
    code: string;
    name: string;
    level: number;
    effective_date: string;
    province_unit_id: number | null;
    state: 'draft' | 'submitted' | 'counted' | 'signed' | 'closed';
    version: number;
    lines: number;
    outstanding: number;
    total: number;
  }>`
    ${o.scope ? below(o.scope) : sql``}
    select h.id, h.from_unit_id, u.code, u.full_name as name, h.level, h.effective_date, h.province_unit_id,
           h.state, h.version,
           (select count(*) from handover_lines l where l.handover_id = h.id)::int as lines,
           (select count(*) from handover_lines l where l.handover_id = h.id and l.count_state <> 'received')::int
             as outstanding,
           count(*) over ()::int as total
      from handovers h join units u on u.id = h.from_unit_id
     where true ${inScope}
       ${o.provinceId ? sql`and h.province_unit_id = ${o.provinceId}` : sql``}
       ${o.state ? sql`and h.state = ${o.state}` : sql``}
       ${o.level ? sql`and h.level = ${o.level}` : sql``}
       ${like ? sql`and lower(u.full_name) like ${like}` : sql``}
     order by h.level, u.code, h.id
     limit ${o.limit} offset ${o.offset}`.execute(db);
  return r.rows;
}

/** Handovers and their lines by level and state, for `handover status` (same scope rule as the list). */
export async function statusCounts(db: Q, o: { scope: number[] | null; provinceId?: number }) {
  const inScope = o.scope
    ? sql`and (h.from_unit_id in (select id from down) or h.province_unit_id in (select id from down)
              or exists (select 1 from handover_receivers r where r.handover_id = h.id and r.unit_id in (select id from down)))`
    : sql``;
  const r = await sql<{ level: number; state: string; handovers: number; lines: number; outstanding: number }>`
    ${o.scope ? below(o.scope) : sql``}
    select h.level, h.state, count(*)::int as handovers,
           coalesce(sum(l.lines), 0)::int as lines, coalesce(sum(l.outstanding), 0)::int as outstanding
      from handovers h
      left join (select handover_id, count(*) as lines, count(*) filter (where count_state <> 'received') as outstanding
                   from handover_lines group by handover_id) l on l.handover_id = h.id
     where true ${inScope} ${o.provinceId ? sql`and h.province_unit_id = ${o.provinceId}` : sql``}
     group by h.level, h.state order by h.level, h.state`.execute(db);
  return r.rows;
}

export async function provinceByCode(db: Q, code: string) {
  return db
    .selectFrom('units')
    .select(['id', 'full_name'])
    .where('code', '=', code)
    .where('level', '=', 1)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

export async function unitInForce(db: Q, id: number, on: string) {
  return db
    .selectFrom('units')
    .select(['id', 'level', 'full_name'])
    .where('id', '=', id)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', on)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
    .executeTakeFirst();
}

export async function legalBasisOf(db: Q, id: number) {
  const r = await sql<{ legal_basis: string | null }>`
    select e.legal_basis from handovers h
      join handover_receivers r on r.handover_id = h.id
      join lineage_links l on l.to_unit_id = r.unit_id
      join lineage_events e on e.id = l.event_id and e.effective_date = h.effective_date
     where h.id = ${id} and e.legal_basis is not null
     order by (l.from_unit_id = h.from_unit_id) desc limit 1`.execute(db);
  return r.rows[0]?.legal_basis ?? null;
}

/**
 * Former headquarters idle since more than `months` months on `asOf` whose use plan is not carried out
 * (plan status other than done): the warning of issue 11, item 2. Same scope rule as the list.
 */
export async function idleHeadquarters(
  db: Q,
  o: { scope: number[] | null; provinceId?: number; asOf: string; months: number },
) {
  const inScope = o.scope
    ? sql`and (h.from_unit_id in (select id from down) or h.province_unit_id in (select id from down)
              or exists (select 1 from handover_receivers r where r.handover_id = h.id and r.unit_id in (select id from down)))`
    : sql``;
  const r = await sql<{ n: number }>`
    ${o.scope ? below(o.scope) : sql``}
    select count(*)::int as n
      from handover_lines l join handovers h on h.id = l.handover_id
     where l.kind = 'asset' and l.details->>'assetKind' = 'headquarters'
       and (l.details->>'idleSince')::date <= ${o.asOf}::date - make_interval(months => ${o.months}::int)
       and l.status is distinct from 'done'
       ${inScope} ${o.provinceId ? sql`and h.province_unit_id = ${o.provinceId}` : sql``}`.execute(db);
  return r.rows[0].n;
}
