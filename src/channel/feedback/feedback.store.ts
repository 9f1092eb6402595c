// SQL of feedback items and their timeline.
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/db.generated.ts';

export type ItemRow = Selectable<DB['feedback_items']>;
export type NewItem = Insertable<DB['feedback_items']>;
export type EventRow = Selectable<DB['feedback_events']>;

/** Items submitted from one (hashed) address since a moment: the rate limit's count. */
export async function countRecentFrom(db: Db, clientHash: string, since: Date): Promise<number> {
  const r = await db
    .selectFrom('feedback_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('client_hash', '=', clientHash)
    .where('submitted_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Locks the address's rate-limit slot for the transaction, so two parallel submissions cannot both pass the count. */
export async function lockClient(db: Db, clientHash: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(727013, hashtext(${clientHash}))`.execute(db);
}

export async function insertItem(db: Db, row: NewItem): Promise<ItemRow> {
  return db.insertInto('feedback_items').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertEvent(db: Db, row: Insertable<DB['feedback_events']>): Promise<void> {
  await db.insertInto('feedback_events').values(row).execute();
}

export function itemByCode(db: Db, code: string) {
  return db.selectFrom('feedback_items').selectAll().where('code', '=', code).executeTakeFirst();
}

export function itemById(db: Db, id: number) {
  return db.selectFrom('feedback_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockItem(db: Db, id: number) {
  return db.selectFrom('feedback_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateItem(db: Db, id: number, set: Updateable<DB['feedback_items']>): Promise<ItemRow> {
  return db
    .updateTable('feedback_items')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function eventsOf(db: Db, itemId: number) {
  return db
    .selectFrom('feedback_events as e')
    .leftJoin('units as f', 'f.id', 'e.from_unit_id')
    .leftJoin('units as t', 't.id', 'e.to_unit_id')
    .select(['e.at', 'e.kind', 'e.note', 'f.full_name as from_name', 't.full_name as to_name'])
    .where('e.item_id', '=', itemId)
    .orderBy('e.id')
    .execute();
}

export function unitsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('units').select(['id', 'code', 'full_name', 'level']).where('id', 'in', ids).execute();
}

export function userNames(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
}

export function userById(db: Db, id: number) {
  return db.selectFrom('users').select(['id', 'display_name', 'is_active']).where('id', '=', id).executeTakeFirst();
}

/** Every unit at or below the given ones (all dates: an item stays with the unit it was routed to). */
export async function subtreeOf(db: Db, roots: number[]): Promise<number[]> {
  if (roots.length === 0) return [];
  const r = await sql<{ id: number }>`
    with recursive down(id) as (
      select id from units where id = any(${roots}::bigint[])
      union
      select u.id from units u join down d on u.parent_id = d.id
    ) select id from down`.execute(db);
  return r.rows.map((x) => x.id);
}

export interface QueueFilter {
  unitIds: number[] | null;
  status?: string;
  category?: string;
  overdue?: boolean;
  dueBefore?: string;
  today: string;
  limit: number;
  offset: number;
}

function queueWhere(db: Db, f: QueueFilter) {
  let q = db.selectFrom('feedback_items as i');
  if (f.unitIds) q = q.where('i.unit_id', '=', sql<number>`any(${f.unitIds}::bigint[])`);
  if (f.status) q = q.where('i.status', '=', f.status);
  else q = q.where('i.status', '<>', 'closed');
  if (f.category) q = q.where('i.category', '=', f.category);
  if (f.dueBefore) q = q.where('i.due_on', '<', f.dueBefore);
  if (f.overdue !== undefined) {
    const late = sql<boolean>`(i.status not in ('answered', 'closed') and i.due_on < ${f.today}::date)`;
    q = q.where(f.overdue ? late : sql<boolean>`not ${late}`);
  }
  return q;
}

/** An officer's queue: earliest due first, then oldest. */
export async function queue(db: Db, f: QueueFilter) {
  const [rows, total] = await Promise.all([
    queueWhere(db, f)
      .innerJoin('units as u', 'u.id', 'i.unit_id')
      .leftJoin('users as a', 'a.id', 'i.assigned_to')
      .select([
        'i.id',
        'i.code',
        'i.category',
        'i.status',
        'i.public_title',
        'i.received_on',
        'i.due_on',
        'u.id as unit_id',
        'u.code as unit_code',
        'u.full_name as unit_name',
        'a.display_name as assignee',
      ])
      .orderBy('i.due_on')
      .orderBy('i.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    queueWhere(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
