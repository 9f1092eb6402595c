// SQL of Open311's GET requests: public items (redacted texts) with the unit answering them and the place's
// centre, filtered as GeoReport v2 allows (ids, service code, a date window, open/closed), newest first.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';

export interface RequestRow {
  code: string;
  category: string;
  status: string;
  close_note: string | null;
  public_answer: string | null;
  public_description: string;
  location_text: string | null;
  located_code: string;
  located_name: string;
  unit_name: string;
  routing_note: string;
  submitted_at: Date;
  updated_at: Date;
  due_on: string;
  lat: number | null;
  lon: number | null;
}

export interface RequestFilter {
  codes?: string[];
  serviceCode?: string;
  start: Date;
  end: Date;
  status?: 'open' | 'closed';
  limit: number;
}

export async function listRequests(db: Db, f: RequestFilter): Promise<RequestRow[]> {
  let q = db
    .selectFrom('feedback_items as i')
    .innerJoin('units as l', 'l.id', 'i.located_unit_id')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .select([
      'i.code',
      'i.category',
      'i.status',
      'i.close_note',
      'i.public_answer',
      'i.public_description',
      'i.location_text',
      'l.code as located_code',
      'l.full_name as located_name',
      'u.full_name as unit_name',
      'i.routing_note',
      'i.submitted_at',
      'i.updated_at',
      'i.due_on',
      sql<number | null>`coalesce(l.lat, u.lat)`.as('lat'),
      sql<number | null>`coalesce(l.lon, u.lon)`.as('lon'),
    ]);
  if (f.codes) q = q.where('i.code', 'in', f.codes);
  else q = q.where('i.submitted_at', '>=', f.start).where('i.submitted_at', '<=', f.end);
  if (f.serviceCode) q = q.where('i.category', '=', f.serviceCode);
  if (f.status === 'closed') q = q.where('i.status', '=', 'closed');
  if (f.status === 'open') q = q.where('i.status', '<>', 'closed');
  return q.orderBy('i.submitted_at', 'desc').orderBy('i.id', 'desc').limit(f.limit).execute();
}

/** The commune in force on the day whose centre is nearest the point (Open311 clients send lat/long). */
export async function nearestCommune(db: Db, lat: number, lon: number, day: string) {
  return db
    .selectFrom('units')
    .select(['code'])
    .where('level', '=', 3)
    .where('lat', 'is not', null)
    .where(
      sql<boolean>`(valid_from is null or valid_from <= ${day}::date) and (valid_to is null or valid_to > ${day}::date)`,
    )
    .orderBy(sql`(lat - ${lat}) ^ 2 + ((lon - ${lon}) * cos(radians(${lat}))) ^ 2`)
    .limit(1)
    .executeTakeFirst();
}
