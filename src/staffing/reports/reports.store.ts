// SQL of the national reports: one unit's rows across every period, from the
// maintained rollup columns (quota, allocated_below, present_below); no
// subtree is summed here. The blocks read the country's children through
// quotas/quotas.store.ts childRollup.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

/** Every period, oldest first, with the allocation rows (all categories, or one) of the nodes with these keys. */
export function periodsWithRows(db: Q, keys: string[], category?: string) {
  return db
    .selectFrom('staffing_periods as p')
    .leftJoin('staffing_nodes as n', (j) => j.onRef('n.period_id', '=', 'p.id').on('n.key', 'in', keys))
    .leftJoin('staffing_allocations as a', (j) => {
      const on = j.onRef('a.node_id', '=', 'n.id');
      return category === undefined ? on : on.on('a.category', '=', category);
    })
    .select([
      'p.id as period_id',
      'p.code',
      'p.name',
      'p.start_date',
      'p.end_date',
      'n.id as node_id',
      'n.key',
      'n.closed_at',
      'a.category',
      'a.quota',
      'a.reserve',
      'a.allocated_below',
      'a.present',
      'a.present_below',
      'a.decision_ref',
    ])
    .orderBy('p.start_date')
    .orderBy('n.id')
    .execute();
}

/** A central agency by its code in data/vn/central-agencies.csv (imported as key 'central:<code>'). */
export const centralAgencyByCode = (db: Q, code: string) =>
  db.selectFrom('agencies').select(['id', 'name']).where('key', '=', `central:${code}`).executeTakeFirst();
