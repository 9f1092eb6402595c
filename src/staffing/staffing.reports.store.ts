// SQL of the national reports: the country node's children with what the block
// mapping needs, and one unit's rows across every period. Both read the
// maintained rollup columns (quota, allocated_below, present_below); no
// subtree is summed here.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db-schema.ts';

type Q = Kysely<Database>;

/** The unit at the top of the registry (level 0): the country. */
export const countryUnit = (db: Q) => db.selectFrom('units').select(['id', 'code', 'full_name']).where('level', '=', 0).orderBy('id').executeTakeFirst();

/** Open and closed children of a node with their allocation rows, and the agency's kind and import key. */
export function childrenWithAgency(db: Q, parentId: number) {
  return db.selectFrom('staffing_nodes as n')
    .innerJoin('units as u', 'u.id', 'n.unit_id')
    .leftJoin('agencies as g', 'g.id', 'n.agency_id')
    .innerJoin('staffing_allocations as a', 'a.node_id', 'n.id')
    .select(['n.id as node_id', 'n.agency_id', 'n.closed_at', 'u.code', 'u.full_name', 'g.name as agency_name', 'g.kind as agency_kind', 'g.key as agency_key',
      'a.category', 'a.quota', 'a.reserve', 'a.allocated_below', 'a.present', 'a.present_below'])
    .where('n.parent_id', '=', parentId)
    .orderBy('n.id').orderBy('a.category').execute();
}

/** Every period, oldest first, with the allocation rows (all categories, or one) of the nodes with these keys. */
export function periodsWithRows(db: Q, keys: string[], category?: string) {
  return db.selectFrom('staffing_periods as p')
    .leftJoin('staffing_nodes as n', (j) => j.onRef('n.period_id', '=', 'p.id').on('n.key', 'in', keys))
    .leftJoin('staffing_allocations as a', (j) => {
      const on = j.onRef('a.node_id', '=', 'n.id');
      return category === undefined ? on : on.on('a.category', '=', category);
    })
    .select(['p.id as period_id', 'p.code', 'p.name', 'p.start_date', 'p.end_date', 'n.id as node_id', 'n.key', 'n.closed_at',
      'a.category', 'a.quota', 'a.reserve', 'a.allocated_below', 'a.present', 'a.present_below', 'a.decision_ref'])
    .orderBy('p.start_date').orderBy('n.id').execute();
}

/** A central agency by its code in data/vn/central-agencies.csv (imported as key 'central:<code>'). */
export const centralAgencyByCode = (db: Q, code: string) =>
  db.selectFrom('agencies').select(['id', 'name']).where('key', '=', `central:${code}`).executeTakeFirst();
