// SQL of indicator values: append-only rows, read "as known on" a date.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

const VALUE = [
  'v.id',
  'v.indicator_code',
  'v.unit_id',
  'v.period',
  sql<string>`v.value::text`.as('value'),
  sql<string | null>`v.numerator::text`.as('numerator'),
  sql<string | null>`v.denominator::text`.as('denominator'),
  'v.status',
  'v.source',
  'v.known_from',
  'v.note',
  'v.recorded_by',
  'v.recorded_by_id',
  sql<string | null>`to_char(v.accepted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('accepted_at'),
  'v.accepted_by',
] as const;

export function valueById(db: Q, id: number) {
  return db.selectFrom('indicator_values as v').select(VALUE).where('v.id', '=', id).executeTakeFirst();
}

export type ValueRow = NonNullable<Awaited<ReturnType<typeof valueById>>>;

/** The official figure (accepted) known on `asOf`: the latest by known_from, then by entry. */
export function officialValue(db: Q, code: string, unitId: number, period: string, asOf: string) {
  return db
    .selectFrom('indicator_values as v')
    .select(VALUE)
    .where('v.indicator_code', '=', code)
    .where('v.unit_id', '=', unitId)
    .where('v.period', '=', period)
    .where('v.known_from', '<=', asOf)
    .where('v.accepted_at', 'is not', null)
    .orderBy('v.known_from', 'desc')
    .orderBy('v.id', 'desc')
    .executeTakeFirst();
}

/** Every unit's and period's official figure known on `asOf`, and the latest one awaiting acceptance beside it. */
export async function latestByUnitPeriod(db: Q, code: string, asOf: string) {
  const official = await db
    .selectFrom('indicator_values as v')
    .select(VALUE)
    .distinctOn(['v.unit_id', 'v.period'])
    .where('v.indicator_code', '=', code)
    .where('v.known_from', '<=', asOf)
    .where('v.accepted_at', 'is not', null)
    .orderBy('v.unit_id')
    .orderBy('v.period')
    .orderBy('v.known_from', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
  const pending = await db
    .selectFrom('indicator_values as v')
    .select(VALUE)
    .distinctOn(['v.unit_id', 'v.period'])
    .where('v.indicator_code', '=', code)
    .where('v.known_from', '<=', asOf)
    .where('v.accepted_at', 'is', null)
    .orderBy('v.unit_id')
    .orderBy('v.period')
    .orderBy('v.id', 'desc')
    .execute();
  return { official, pending };
}

/** All rows of one figure, oldest first: its revision history. */
export function revisions(db: Q, code: string, unitId: number, period: string) {
  return db
    .selectFrom('indicator_values as v')
    .select(VALUE)
    .where('v.indicator_code', '=', code)
    .where('v.unit_id', '=', unitId)
    .where('v.period', '=', period)
    .orderBy('v.known_from')
    .orderBy('v.id')
    .execute();
}

export interface NewValue {
  indicator_code: string;
  unit_id: number;
  period: string;
  value: string;
  numerator: string | null;
  denominator: string | null;
  status: 'provisional' | 'official' | 'estimated' | 'revised';
  source: string;
  known_from: string;
  note: string | null;
  recorded_by: string;
  recorded_by_id: number | null;
  accepted: boolean;
}

export async function insertValue(db: Q, v: NewValue): Promise<number> {
  const { accepted, ...row } = v;
  const r = await db
    .insertInto('indicator_values')
    .values({
      ...row,
      accepted_at: accepted ? sql<Date>`now()` : null,
      accepted_by: accepted ? v.recorded_by : null,
      accepted_by_id: accepted ? v.recorded_by_id : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function acceptValue(db: Q, id: number, by: string, byId: number | null) {
  return db
    .updateTable('indicator_values')
    .set({ accepted_at: sql<Date>`now()`, accepted_by: by, accepted_by_id: byId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
}

/** Locks one figure's rows while a revision is written, so two revisions get distinct places in the history. */
export async function lockFigure(db: Q, code: string, unitId: number, period: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`indicator:${code}:${unitId}:${period}`}))`.execute(db);
}
