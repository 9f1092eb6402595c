// SQL of the staffing-quota module (Kysely). The only file here that touches
// the database. The two hot writes (a quota under the allocation rule, a
// headcount) are functions of migration 0008, called from here in one round trip;
// they lock top-down like every other writer (merges lock with lockAllocation).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

export const findPeriod = (db: Q, code: string) =>
  db.selectFrom('staffing_periods').selectAll().where('code', '=', code).executeTakeFirst();

export const listPeriods = (db: Q) => db.selectFrom('staffing_periods').selectAll().orderBy('start_date').execute();

export const insertPeriod = (
  db: Q,
  p: {
    code: string;
    name: string;
    start_date: string;
    end_date: string;
    legal_basis: string | null;
    tolerance_share: number;
    data_note: string | null;
  },
) => db.insertInto('staffing_periods').values(p).returningAll().executeTakeFirstOrThrow();

export const listCategories = (db: Q) => db.selectFrom('staffing_categories').selectAll().orderBy('sort').execute();

export const findUnit = (db: Q, id: number) =>
  db
    .selectFrom('units')
    .select([
      'id',
      'code',
      'name',
      'full_name',
      'level',
      'type',
      'parent_id',
      'valid_from',
      'valid_to',
      'population',
      'area_km2',
    ])
    .where('id', '=', id)
    .executeTakeFirst();

export const findAgency = (db: Q, id: number) =>
  db.selectFrom('agencies').select(['id', 'unit_id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();

export const findNodeByKey = (db: Q, periodId: number, key: string) =>
  db
    .selectFrom('staffing_nodes')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('key', '=', key)
    .executeTakeFirst();

export const findNode = (db: Q, id: number) =>
  db.selectFrom('staffing_nodes').selectAll().where('id', '=', id).executeTakeFirst();

/** Creates the node unless a concurrent writer already did; either way returns it. */
export async function insertNodeIfMissing(
  db: Q,
  n: {
    period_id: number;
    key: string;
    parent_id: number | null;
    unit_id: number;
    agency_id: number | null;
    depth: number;
  },
) {
  await db
    .insertInto('staffing_nodes')
    .values(n)
    .onConflict((oc) => oc.columns(['period_id', 'key']).doNothing())
    .execute();
  return (await findNodeByKey(db, n.period_id, n.key))!;
}

export async function ensureAllocationRow(db: Q, nodeId: number, category: string) {
  await db
    .insertInto('staffing_allocations')
    .values({ node_id: nodeId, category, updated_at: new Date() })
    .onConflict((oc) => oc.columns(['node_id', 'category']).doNothing())
    .execute();
}

/** Reads an allocation row and locks it until the transaction ends: writers under the same parent queue here. */
export const lockAllocation = (db: Q, nodeId: number, category: string) =>
  db
    .selectFrom('staffing_allocations')
    .selectAll()
    .where('node_id', '=', nodeId)
    .where('category', '=', category)
    .forUpdate()
    .executeTakeFirst();

export const allocationsOf = (db: Q, nodeId: number) =>
  db.selectFrom('staffing_allocations').selectAll().where('node_id', '=', nodeId).orderBy('category').execute();

export function addAllocatedBelow(db: Q, nodeId: number, category: string, delta: number) {
  return db
    .updateTable('staffing_allocations')
    .set({ allocated_below: sql`allocated_below + ${delta}`, updated_at: new Date() })
    .where('node_id', '=', nodeId)
    .where('category', '=', category)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const closeNode = (db: Q, nodeId: number, closedAt: string, successorId: number) =>
  db
    .updateTable('staffing_nodes')
    .set({ closed_at: closedAt, successor_node_id: successorId })
    .where('id', '=', nodeId)
    .execute();

/** Children of a node (open and closed) with their allocation rows, names and agency kind and import key: the maintained rollup, no subtree scan. */
export function childRollup(db: Q, parentId: number) {
  return db
    .selectFrom('staffing_nodes as n')
    .innerJoin('units as u', 'u.id', 'n.unit_id')
    .leftJoin('agencies as g', 'g.id', 'n.agency_id')
    .innerJoin('staffing_allocations as a', 'a.node_id', 'n.id')
    .select([
      'n.id as node_id',
      'n.unit_id',
      'n.agency_id',
      'n.closed_at',
      'u.code',
      'u.full_name',
      'u.level',
      'g.name as agency_name',
      'g.kind as agency_kind',
      'g.key as agency_key',
      'a.category',
      'a.quota',
      'a.reserve',
      'a.allocated_below',
      'a.present',
      'a.present_below',
      'a.decision_ref',
    ])
    .where('n.parent_id', '=', parentId)
    .orderBy('u.code')
    .orderBy('n.id')
    .orderBy('a.category')
    .execute();
}

export const unitByCode = (db: Q, code: string, asOf: string) =>
  db
    .selectFrom('units')
    .select(['id', 'code', 'full_name', 'level', 'parent_id'])
    .where('code', '=', code)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', asOf)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    .orderBy('level')
    .executeTakeFirst();

/** The units a unit was formed from (direct lineage links), with the link kind. */
export const predecessorLinks = (db: Q, unitId: number) =>
  db
    .selectFrom('lineage_links as l')
    .innerJoin('units as u', 'u.id', 'l.from_unit_id')
    .select(['l.from_unit_id as unit_id', 'l.kind', 'u.full_name', 'u.code', 'u.level'])
    .where('l.to_unit_id', '=', unitId)
    .orderBy('l.from_unit_id')
    .execute();

/** Units in force on `asOf` with these official codes (the lowest level wins when codes repeat across levels). */
export async function unitsByCodes(db: Q, codes: string[], asOf: string) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('units')
    .select(['id', 'code', 'full_name', 'level'])
    .where('code', 'in', codes)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', asOf)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    .orderBy('level', 'desc')
    .execute();
}

export async function agenciesByKeys(db: Q, keys: string[]) {
  if (keys.length === 0) return [];
  return db.selectFrom('agencies').select(['id', 'key', 'name', 'unit_id']).where('key', 'in', keys).execute();
}

/** Allocation rows of the nodes with these keys in a period, for the given categories. */
export async function allocationsByNodeKeys(db: Q, periodId: number, keys: string[], categories: string[]) {
  if (keys.length === 0) return [];
  return db
    .selectFrom('staffing_nodes as n')
    .innerJoin('staffing_allocations as a', 'a.node_id', 'n.id')
    .select(['n.key', 'n.id as node_id', 'a.category', 'a.quota', 'a.reserve', 'a.present', 'a.present_below'])
    .where('n.period_id', '=', periodId)
    .where('n.key', 'in', keys)
    .where('a.category', 'in', categories)
    .execute();
}

/** Open children of a node with the label a table needs: the unit code or the agency key. */
export function openChildren(db: Q, parentId: number) {
  return db
    .selectFrom('staffing_nodes as n')
    .innerJoin('units as u', 'u.id', 'n.unit_id')
    .leftJoin('agencies as g', 'g.id', 'n.agency_id')
    .select(['n.id', 'n.key', 'u.code', 'u.full_name', 'g.key as agency_key', 'g.name as agency_name'])
    .where('n.parent_id', '=', parentId)
    .where('n.closed_at', 'is', null)
    .orderBy('n.agency_id', 'desc')
    .orderBy('u.code')
    .execute();
}

/** Communes (level 3) in force on `asOf` under a province, with the facts the norms read. */
export const communesOf = (db: Q, provinceId: number, asOf: string) =>
  db
    .selectFrom('units')
    .select(['id', 'code', 'full_name', 'type', 'population', 'area_km2'])
    .where('parent_id', '=', provinceId)
    .where('level', '=', 3)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', asOf)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    .orderBy('code')
    .execute();

/** Provinces in force on `asOf`. */
export const provincesAsOf = (db: Q, asOf: string) =>
  db
    .selectFrom('units')
    .select(['id', 'code', 'full_name'])
    .where('level', '=', 1)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', asOf)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    .orderBy('code')
    .execute();

/** Quotas of the nodes of these units in a period and category, with their decision (only nodes that have a row). */
export async function quotasOfUnits(db: Q, periodId: number, unitIds: number[], category: string) {
  if (unitIds.length === 0) return new Map<number, { quota: number; decisionRef: string | null }>();
  const rows = await db
    .selectFrom('staffing_nodes as n')
    .innerJoin('staffing_allocations as a', 'a.node_id', 'n.id')
    .select(['n.unit_id', 'a.quota', 'a.decision_ref'])
    .where('n.period_id', '=', periodId)
    .where('n.agency_id', 'is', null)
    .where('n.unit_id', 'in', unitIds)
    .where('a.category', '=', category)
    .execute();
  return new Map(rows.map((r) => [r.unit_id, { quota: r.quota, decisionRef: r.decision_ref }]));
}

/** Readable names of nodes (the agency's name, else the unit's full name), in one query. */
export async function nodeNames(db: Q, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('staffing_nodes as n')
    .innerJoin('units as u', 'u.id', 'n.unit_id')
    .leftJoin('agencies as g', 'g.id', 'n.agency_id')
    .select(['n.id', 'u.full_name', 'g.name as agency_name'])
    .where('n.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.agency_name ?? r.full_name]));
}

/** Who writes the audit record, as platform/audit/record.ts's recordAudit fills it from the request context. */
export interface AuditActor {
  actorId: number | null;
  actor: string;
  ip: string | null;
  userAgent: string | null;
}
const who = (a: AuditActor) => sql`${a.actorId}::bigint, ${a.actor}::text, ${a.ip}::text, ${a.userAgent}::text`;

export type AllocationRefusal = 'scope' | 'missing' | 'closed' | 'parent_closed' | 'parent_quota' | 'own_allocations';
export interface CheckedAllocation {
  node_id: number;
  parent_id: number | null;
  name: string;
  parent_name: string | null;
  quota: number;
  reserve: number;
  allocated_below: number;
  decision_ref: string | null;
  new_reserve: number;
  parent_found: boolean;
  p_quota: number;
  p_reserve: number;
  p_below: number;
  refusal: AllocationRefusal | null;
  after_quota?: number;
  after_reserve?: number;
  after_below?: number;
  after_ref?: string | null;
  parent_after_quota?: number | null;
  parent_after_reserve?: number | null;
  parent_after_below?: number | null;
}

/**
 * Sets a node's quota under the allocation rule in one call (migration 0008,
 * staffing_allocate): parent's row locked, then the node's own; both limits decided on
 * the locked rows; the node's row, the parent's maintained sum and the audit record
 * written only when nothing is refused. `scope`: the caller's grant units (null: the
 * CLI or the system). Undefined: the node does not exist.
 */
export async function checkedAllocation(
  db: Q,
  a: {
    periodId: number;
    key: string;
    category: string;
    quota: number;
    reserve: number | null;
    decisionRef: string | null;
    scope: { writer: number[]; central: number[] } | null;
    actor: AuditActor;
    action: string;
  },
) {
  const r = await sql<{
    r: CheckedAllocation | null;
  }>`select staffing_allocate(${a.periodId}::bigint, ${a.key}::text, ${a.category}::text, ${a.quota}::int,
    ${a.reserve}::int, ${a.decisionRef}::text, ${a.scope?.writer ?? null}::bigint[], ${a.scope?.central ?? null}::bigint[], ${who(a.actor)}, ${a.action}::text) as r`.execute(
    db,
  );
  return r.rows[0].r ?? undefined;
}

/** Creates the missing allocation rows of a node and of all its ancestors in one category. */
export async function ensureChainRows(db: Q, nodeId: number, category: string) {
  await sql`insert into staffing_allocations (node_id, category)
    with recursive up(id, parent_id) as (
      select id, parent_id from staffing_nodes where id = ${nodeId}
      union all select n.id, n.parent_id from staffing_nodes n join up on n.id = up.parent_id)
    select id, ${category} from up order by id on conflict (node_id, category) do nothing`.execute(db);
}

export interface RecordedHeadcount {
  node_id: number;
  quota: number;
  present: number | null;
  present_as_of: string | null;
  latest: boolean;
}

/**
 * Records a headcount in one call (migration 0008, staffing_record_headcount): the
 * chain's rows locked root first, the actual upserted, the node's latest figure and
 * every ancestor's present_below moved by the difference, audited. Undefined: the
 * node does not exist; 'missing': a row of its chain in this category is missing
 * (nothing written).
 */
export async function recordHeadcount(
  db: Q,
  a: {
    periodId: number;
    key: string;
    category: string;
    asOf: string;
    present: number;
    source: string | null;
    actor: AuditActor;
  },
) {
  const r = await sql<{
    r: (RecordedHeadcount & { missing?: undefined }) | { missing: true } | null;
  }>`select staffing_record_headcount(${a.periodId}::bigint, ${a.key}::text,
    ${a.category}::text, ${a.asOf}::date, ${a.present}::int, ${a.source}::text, ${who(a.actor)}) as r`.execute(db);
  const row = r.rows[0].r;
  return row === null ? undefined : row.missing ? ('missing' as const) : row;
}
