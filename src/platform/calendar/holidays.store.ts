// SQL of public holidays and working days: the days besides weekends that deadlines skip (program review
// deadlines, the answer deadlines of citizens' feedback). The table and the two SQL functions
// (working_day_after, working_days_between) are created by migration 0016; the calendar's rows come from
// data/calendar/public-holidays-vn.csv (migration 0030) and from administrators (`program holidays add`).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/db-schema.ts';

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

/** The n-th working day after `day` (the day itself not counted), weekends and public holidays skipped. */
export async function workingDayAfter(db: Q, day: string, n: number): Promise<string> {
  const r = await sql<{ d: string }>`select working_day_after(${day}::date, ${n}::int) as d`.execute(db);
  return r.rows[0].d;
}

/** Working days after `a` and up to `b` (0 when b <= a). */
export async function workingDaysBetween(db: Q, a: string, b: string): Promise<number> {
  const r = await sql<{ n: number }>`select working_days_between(${a}::date, ${b}::date) as n`.execute(db);
  return r.rows[0].n;
}
