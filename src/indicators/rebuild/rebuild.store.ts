// SQL of the rebuild: the units a unit was formed from (one lineage step back) with the share recorded for a
// part, and the shares themselves.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

export function directPredecessors(db: Q, unitId: number) {
  return db
    .selectFrom('lineage_links as l')
    .innerJoin('lineage_events as e', 'e.id', 'l.event_id')
    .innerJoin('units as u', 'u.id', 'l.from_unit_id')
    .leftJoin('indicator_shares as s', (j) =>
      j.onRef('s.from_unit_id', '=', 'l.from_unit_id').onRef('s.to_unit_id', '=', 'l.to_unit_id'),
    )
    .select([
      'u.id',
      'u.key',
      'u.code',
      'u.name',
      'u.full_name',
      'u.level',
      'u.parent_id',
      'u.valid_from',
      'u.valid_to',
      'l.kind as link',
      'e.effective_date',
      'e.legal_basis',
      sql<string | null>`s.share::text`.as('share'),
      's.basis as share_basis',
    ])
    .where('l.to_unit_id', '=', unitId)
    .orderBy('u.code')
    .execute();
}

export type PredecessorRow = Awaited<ReturnType<typeof directPredecessors>>[number];

export function shareOf(db: Q, fromId: number, toId: number) {
  return db
    .selectFrom('indicator_shares')
    .select(['from_unit_id', 'to_unit_id', sql<string>`share::text`.as('share'), 'basis'])
    .where('from_unit_id', '=', fromId)
    .where('to_unit_id', '=', toId)
    .executeTakeFirst();
}

export function linkKind(db: Q, fromId: number, toId: number) {
  return db
    .selectFrom('lineage_links')
    .select('kind')
    .where('from_unit_id', '=', fromId)
    .where('to_unit_id', '=', toId)
    .executeTakeFirst();
}

export function upsertShare(
  db: Q,
  row: { from_unit_id: number; to_unit_id: number; share: string; basis: string; set_by: string },
) {
  return db
    .insertInto('indicator_shares')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['from_unit_id', 'to_unit_id']).doUpdateSet((eb) => ({
        share: eb.ref('excluded.share'),
        basis: eb.ref('excluded.basis'),
        set_by: eb.ref('excluded.set_by'),
        set_at: sql<Date>`now()`,
      })),
    )
    .execute();
}
