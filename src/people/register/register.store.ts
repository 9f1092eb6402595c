// SQL of the register of affected people: units by code, people by lookup hash, the upsert of an import,
// a unit subtree's people with their outcome. The identity number only ever passes through here encrypted.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { inForceSql } from '../../units/registry/registry.store.ts';

type Q = Kysely<Database>;

export interface StoredPerson {
  unit_id: number;
  category: string;
  full_name: string;
  birth_date: string;
  sex: string;
  id_cipher: string;
  id_hash: string;
  position: string | null;
  rank: string | null;
  salary_coef: number;
  position_allowance_coef: number;
  other_allowances_vnd: number;
  si_months: number;
  ethnic_minority: boolean;
  religious: boolean;
  pregnant_or_maternity: boolean;
  youngest_child_birth: string | null;
  under_discipline: boolean;
  source: string | null;
}

/** Units in force on `asOf` by official code (the lowest level first when a code is shared). */
export async function unitsByCodes(db: Q, codes: string[], asOf: string): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'code', 'level'])
    .where('code', 'in', codes)
    .where(inForceSql(asOf, 'units'))
    .orderBy('level', 'desc')
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) if (!out.has(r.code)) out.set(r.code, r.id);
  return out;
}

/** The unit and every unit under it (any date): an import's rows must lie inside. */
export async function subtreeIds(db: Q, rootId: number): Promise<Set<number>> {
  const r = await sql<{ id: number }>`
    with recursive down(id) as (
      select id from units where id = ${rootId}
      union all
      select u.id from units u join down on u.parent_id = down.id
    ) select id from down`.execute(db);
  return new Set(r.rows.map((x) => x.id));
}

export function unitOf(db: Q, id: number) {
  return db.selectFrom('units').select(['id', 'code', 'name', 'level']).where('id', '=', id).executeTakeFirst();
}

export function peopleByHashes(db: Q, hashes: string[]) {
  if (hashes.length === 0) return Promise.resolve([]);
  return db.selectFrom('people').select(['id', 'id_hash', 'unit_id']).where('id_hash', 'in', hashes).execute();
}

/** Inserts or updates by lookup hash (a re-import updates, keeping ids and outcomes); counts of each. */
export async function upsertPeople(trx: Q, rows: StoredPerson[]): Promise<{ inserted: number; updated: number }> {
  let inserted = 0,
    updated = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    const r = await trx
      .insertInto('people')
      .values(part)
      .onConflict((oc) =>
        oc.column('id_hash').doUpdateSet((eb) => ({
          unit_id: eb.ref('excluded.unit_id'),
          category: eb.ref('excluded.category'),
          full_name: eb.ref('excluded.full_name'),
          birth_date: eb.ref('excluded.birth_date'),
          sex: eb.ref('excluded.sex'),
          id_cipher: eb.ref('excluded.id_cipher'),
          position: eb.ref('excluded.position'),
          rank: eb.ref('excluded.rank'),
          salary_coef: eb.ref('excluded.salary_coef'),
          position_allowance_coef: eb.ref('excluded.position_allowance_coef'),
          other_allowances_vnd: eb.ref('excluded.other_allowances_vnd'),
          si_months: eb.ref('excluded.si_months'),
          ethnic_minority: eb.ref('excluded.ethnic_minority'),
          religious: eb.ref('excluded.religious'),
          pregnant_or_maternity: eb.ref('excluded.pregnant_or_maternity'),
          youngest_child_birth: eb.ref('excluded.youngest_child_birth'),
          under_discipline: eb.ref('excluded.under_discipline'),
          source: eb.ref('excluded.source'),
          updated_at: sql`now()`,
        })),
      )
      // xmax = 0 only on a freshly inserted row: how PostgreSQL tells an insert from an update in one upsert.
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .execute();
    for (const x of r)
      if (x.inserted) inserted++;
      else updated++;
  }
  return { inserted, updated };
}

const PERSON_COLUMNS = [
  'p.id',
  'p.unit_id',
  'u.code as unit_code',
  'u.name as unit_name',
  'p.category',
  'p.full_name',
  'p.birth_date',
  'p.sex',
  'p.id_cipher',
  'p.position',
  'p.rank',
  'p.salary_coef',
  'p.position_allowance_coef',
  'p.other_allowances_vnd',
  'p.si_months',
  'p.ethnic_minority',
  'p.religious',
  'p.pregnant_or_maternity',
  'p.youngest_child_birth',
  'p.under_discipline',
  'o.kind as outcome_kind',
  'o.receiving_unit_id',
  'ru.name as receiving_unit_name',
  'o.receiving_position',
  'o.start_date',
  'o.decision_number',
  'o.decision_date',
  'o.decision_signer',
  'o.voluntary',
  'o.leave_date',
  'o.reorganisation_date',
  'o.benefit_rule_set',
  'o.benefit_base_salary_vnd',
  'o.benefit_total_vnd',
] as const;

function personQuery(db: Q) {
  return db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('people_outcomes as o', 'o.person_id', 'p.id')
    .leftJoin('units as ru', 'ru.id', 'o.receiving_unit_id')
    .select(PERSON_COLUMNS);
}
export type PersonRecord = NonNullable<Awaited<ReturnType<typeof getPerson>>>;

export function getPerson(db: Q, id: number) {
  return personQuery(db).where('p.id', '=', id).executeTakeFirst();
}

export interface ListFilter {
  category?: string;
  outcome?: string | 'none';
  limit: number;
  offset: number;
}

/** People of a unit's subtree, by unit then id, one page, with the total. */
export async function listPeople(db: Q, rootId: number, f: ListFilter) {
  const units = [...(await subtreeIds(db, rootId))];
  let q = personQuery(db).where('p.unit_id', 'in', units);
  if (f.category) q = q.where('p.category', '=', f.category);
  if (f.outcome === 'none') q = q.where('o.kind', 'is', null);
  else if (f.outcome) q = q.where('o.kind', '=', f.outcome);
  const total = await db
    .selectFrom(q.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await q.orderBy('p.unit_id').orderBy('p.id').limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), items };
}

/** The benefit sheet stored with a person's leaving outcome (the calculator's answer as decided). */
export function benefitSheet(db: Q, personId: number) {
  return db
    .selectFrom('people_outcomes')
    .select(['kind', 'decision_number', 'decision_date', 'decision_signer', 'benefit_sheet', 'benefit_base_salary_vnd'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
}
