// SQL of indicator targets: one row per version, each with its decision.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

const TARGET = [
  't.id',
  't.indicator_code',
  't.unit_id',
  't.period',
  't.version',
  't.target_kind',
  sql<string | null>`t.low::text`.as('low'),
  sql<string | null>`t.high::text`.as('high'),
  't.per_year',
  't.baseline_period',
  sql<string | null>`t.baseline_value::text`.as('baseline_value'),
  't.decision',
  't.decided_on',
  't.source',
] as const;

/** Each unit's and period's target in force on `asOf`: the latest version decided by then. */
export function targetsInForce(db: Q, code: string, asOf: string) {
  return db
    .selectFrom('indicator_targets as t')
    .select(TARGET)
    .distinctOn(['t.unit_id', 't.period'])
    .where('t.indicator_code', '=', code)
    .where('t.decided_on', '<=', asOf)
    .orderBy('t.unit_id')
    .orderBy('t.period')
    .orderBy('t.version', 'desc')
    .execute();
}

export type TargetRow = Awaited<ReturnType<typeof targetsInForce>>[number];

export function latestVersion(db: Q, code: string, unitId: number, period: string) {
  return db
    .selectFrom('indicator_targets as t')
    .select(TARGET)
    .where('t.indicator_code', '=', code)
    .where('t.unit_id', '=', unitId)
    .where('t.period', '=', period)
    .orderBy('t.version', 'desc')
    .executeTakeFirst();
}

export interface NewTarget {
  indicator_code: string;
  unit_id: number;
  period: string;
  version: number;
  target_kind: 'point' | 'min' | 'max' | 'range';
  low: string | null;
  high: string | null;
  per_year: boolean;
  baseline_period: string | null;
  baseline_value: string | null;
  decision: string;
  decided_on: string;
  source: string | null;
  set_by: string;
  set_by_id: number | null;
}

export async function insertTarget(db: Q, t: NewTarget): Promise<number> {
  const r = await db.insertInto('indicator_targets').values(t).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
