// SQL of outcomes: the person and the receiving node's quota row locked, the placements that hold a position
// since the node's last headcount, the outcome written.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

export function personUnit(db: Q, id: number) {
  return db.selectFrom('people').select('unit_id').where('id', '=', id).executeTakeFirst();
}

/** The person, locked, with the facts the exclusions and the benefit calculator read. */
export function lockPerson(trx: Q, id: number) {
  return trx
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.unit_id',
      'p.category',
      'p.pregnant_or_maternity',
      'p.youngest_child_birth',
      'p.under_discipline',
      'p.birth_date',
      'p.sex',
      'p.salary_coef',
      'p.position_allowance_coef',
      'p.other_allowances_vnd',
      'p.si_months',
      'u.level as unit_level',
    ])
    .where('p.id', '=', id)
    .forUpdate('p')
    .executeTakeFirst();
}

export function outcomeOf(trx: Q, personId: number) {
  return trx.selectFrom('people_outcomes').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

/** The quota period in force on `date`. */
export function periodAt(db: Q, date: string) {
  return db
    .selectFrom('staffing_periods')
    .select(['id', 'code'])
    .where('start_date', '<=', date)
    .where('end_date', '>', date)
    .orderBy('start_date', 'desc')
    .executeTakeFirst();
}

export function unitLevel(db: Q, unitId: number) {
  return db.selectFrom('units').select(['id', 'level', 'name']).where('id', '=', unitId).executeTakeFirst();
}

/**
 * The receiving node's quota row in the category, locked: placements into one node and category queue here
 * (and with headcount writes, which lock the same row), so two placements never both take the last position.
 */
export function lockAllocation(trx: Q, periodId: number, unitId: number, category: string) {
  return trx
    .selectFrom('staffing_allocations as a')
    .innerJoin('staffing_nodes as n', 'n.id', 'a.node_id')
    .select([
      'a.node_id',
      'a.quota',
      'a.reserve',
      'a.allocated_below',
      'a.present',
      'a.present_as_of',
      'a.decision_ref',
    ])
    .where('n.period_id', '=', periodId)
    .where('n.key', '=', `u:${unitId}`)
    .where('a.category', '=', category)
    .forUpdate('a')
    .executeTakeFirst();
}

/** Placements into the node and category that a headcount has not counted yet (started after it), others than `personId`. */
export async function placedSince(trx: Q, nodeId: number, category: string, since: string | null, personId: number) {
  let q = trx
    .selectFrom('people_outcomes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'placed')
    .where('staffing_node_id', '=', nodeId)
    .where('staffing_category', '=', category)
    .where('person_id', '<>', personId);
  if (since !== null) q = q.where('start_date', '>', since);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export interface OutcomeRow {
  person_id: number;
  kind: string;
  receiving_unit_id: number | null;
  receiving_position: string | null;
  start_date: string | null;
  staffing_node_id: number | null;
  staffing_category: string | null;
  decision_number: string;
  decision_date: string;
  decision_signer: string;
  voluntary: boolean;
  leave_date: string | null;
  reorganisation_date: string | null;
  benefit_rule_set: string | null;
  benefit_base_salary_vnd: number | null;
  benefit_total_vnd: number | null;
  /** The calculator's answer as JSON text (jsonb). */
  benefit_sheet: string | null;
}

export function upsertOutcome(trx: Q, row: OutcomeRow) {
  const { person_id: _, ...rest } = row;
  return trx
    .insertInto('people_outcomes')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ ...rest, recorded_at: sql`now()` }))
    .execute();
}
