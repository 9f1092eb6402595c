// SQL of public holidays: the days besides weekends that review deadlines skip.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;
export interface Holiday {
  day: string;
  name_vi: string;
  name_en: string;
  basis: string;
}

export function holidaysFrom(db: Q, from: string) {
  return db.selectFrom('public_holidays').selectAll().where('day', '>=', from).orderBy('day').execute();
}

export function findHoliday(db: Q, day: string) {
  return db.selectFrom('public_holidays').selectAll().where('day', '=', day).executeTakeFirst();
}

export async function saveHoliday(db: Q, h: Holiday) {
  await db
    .insertInto('public_holidays')
    .values(h)
    .onConflict((oc) => oc.column('day').doUpdateSet({ name_vi: h.name_vi, name_en: h.name_en, basis: h.basis }))
    .execute();
}
