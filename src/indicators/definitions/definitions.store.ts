// SQL of indicator definitions and the unit look-ups the module needs.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

export const DEFINITION_COLUMNS = [
  'code',
  'name_vi',
  'name_en',
  'unit_vi',
  'unit_en',
  'direction',
  'kind',
  'aggregation',
  'weight_code',
  sql<string>`factor::text`.as('factor'),
  'period_type',
  'cumulative',
  'source',
] as const;

export function definition(db: Q, code: string) {
  return db.selectFrom('indicator_definitions').select(DEFINITION_COLUMNS).where('code', '=', code).executeTakeFirst();
}

export function definitions(db: Q) {
  return db.selectFrom('indicator_definitions').select(DEFINITION_COLUMNS).orderBy('code').execute();
}

export type DefinitionRow = NonNullable<Awaited<ReturnType<typeof definition>>>;

export function upsertDefinition(db: Q, row: Omit<DefinitionRow, 'factor'> & { factor: string }) {
  return db
    .insertInto('indicator_definitions')
    .values(row)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name_vi: eb.ref('excluded.name_vi'),
        name_en: eb.ref('excluded.name_en'),
        unit_vi: eb.ref('excluded.unit_vi'),
        unit_en: eb.ref('excluded.unit_en'),
        direction: eb.ref('excluded.direction'),
        kind: eb.ref('excluded.kind'),
        aggregation: eb.ref('excluded.aggregation'),
        weight_code: eb.ref('excluded.weight_code'),
        factor: eb.ref('excluded.factor'),
        period_type: eb.ref('excluded.period_type'),
        cumulative: eb.ref('excluded.cumulative'),
        source: eb.ref('excluded.source'),
      })),
    )
    .execute();
}

const UNIT = ['id', 'key', 'code', 'name', 'full_name', 'level', 'parent_id', 'valid_from', 'valid_to'] as const;

/** The unit with this official code in force on `day` (old and new units share codes), or by its import key. */
export function unitByCodeOn(db: Q, code: string, day: string) {
  return db
    .selectFrom('units')
    .select(UNIT)
    .where((eb) =>
      eb.or([
        eb('key', '=', code),
        eb.and([
          eb('code', '=', code),
          eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]),
          eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]),
        ]),
      ]),
    )
    .orderBy('level')
    .executeTakeFirst();
}

export function unitById(db: Q, id: number) {
  return db.selectFrom('units').select(UNIT).where('id', '=', id).executeTakeFirst();
}

export type UnitRow = NonNullable<Awaited<ReturnType<typeof unitById>>>;

export function countryUnitId(db: Q) {
  return db.selectFrom('units').select(UNIT).where('level', '=', 0).orderBy('id').executeTakeFirst();
}

export function unitNames(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('units').select(['id', 'code', 'key', 'full_name']).where('id', 'in', ids).execute();
}
