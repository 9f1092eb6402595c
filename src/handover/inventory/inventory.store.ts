// SQL of inventory lines (Kysely). Money, areas and dates are read as text: exact, on both engines.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { lineDelta } from '../rollups/rollups.store.ts';

type Q = Kysely<Database>;

export interface LineRow {
  id: number;
  handover_id: number;
  kind: 'record' | 'seal' | 'asset' | 'business' | 'account';
  title: string;
  condition: string;
  location: string | null;
  receiver_unit_id: number | null;
  receiver_as: string | null;
  receiver_reason: string | null;
  amount_vnd: string | null;
  land_area_m2: string | null;
  floor_area_m2: string | null;
  pages: number | null;
  pages_digitised: number | null;
  land_or_investment: boolean;
  legal_deadline: string | null;
  status: string | null;
  details: Record<string, unknown>;
  files: { sha256: string; name: string }[];
  count_state: 'pending' | 'received' | 'missing' | 'damaged' | 'disputed';
  count_note: string | null;
}

const LINE_COLUMNS = sql`id, handover_id, kind, title, condition, location, receiver_unit_id, receiver_as, receiver_reason,
  amount_vnd::text as amount_vnd, land_area_m2::text as land_area_m2, floor_area_m2::text as floor_area_m2,
  pages, pages_digitised, land_or_investment, legal_deadline, status, details, files, count_state, count_note`;

export async function linesOf(db: Q, handoverId: number): Promise<LineRow[]> {
  const r =
    await sql<LineRow>`select ${LINE_COLUMNS} from handover_lines where handover_id = ${handoverId} order by id`.execute(
      db,
    );
  return r.rows;
}

export async function findLine(db: Q, handoverId: number, lineId: number, lock = false): Promise<LineRow | undefined> {
  const r = await sql<LineRow>`select ${LINE_COLUMNS} from handover_lines
    where handover_id = ${handoverId} and id = ${lineId} ${lock ? sql`for update` : sql``}`.execute(db);
  return r.rows[0];
}

export interface NewLine {
  handover_id: number;
  kind: string;
  title: string;
  condition: string;
  location: string | null;
  receiver_unit_id: number;
  receiver_as: string;
  receiver_reason: string | null;
  amount_vnd: string | null;
  land_area_m2: string | null;
  floor_area_m2: string | null;
  pages: number | null;
  pages_digitised: number | null;
  land_or_investment: boolean;
  legal_deadline: string | null;
  status: string | null;
  details: Record<string, unknown>;
  files: { sha256: string; name: string }[];
}

export async function insertLine(db: Q, l: NewLine): Promise<LineRow> {
  const r = await sql<LineRow>`
    insert into handover_lines (handover_id, kind, title, condition, location, receiver_unit_id, receiver_as,
      receiver_reason, amount_vnd, land_area_m2, floor_area_m2, pages, pages_digitised, land_or_investment,
      legal_deadline, status, details, files)
    values (${l.handover_id}, ${l.kind}, ${l.title}, ${l.condition}, ${l.location}, ${l.receiver_unit_id},
      ${l.receiver_as}, ${l.receiver_reason}, ${l.amount_vnd}::numeric, ${l.land_area_m2}::numeric,
      ${l.floor_area_m2}::numeric, ${l.pages}, ${l.pages_digitised}, ${l.land_or_investment}, ${l.legal_deadline}::date,
      ${l.status}, ${JSON.stringify(l.details)}::jsonb, ${JSON.stringify(l.files)}::jsonb)
    returning ${LINE_COLUMNS}`.execute(db);
  // Every write of a line moves the dashboards' rollups in the same transaction (rollups.store.ts).
  await lineDelta(db, 1, { lineId: r.rows[0].id });
  return r.rows[0];
}

export async function deleteLine(db: Q, id: number) {
  await lineDelta(db, -1, { lineId: id });
  await db.deleteFrom('handover_lines').where('id', '=', id).execute();
}

export async function setCount(
  db: Q,
  id: number,
  c: { state: string; note: string | null; userId: number | null },
): Promise<LineRow> {
  await lineDelta(db, -1, { lineId: id });
  const r = await sql<LineRow>`
    update handover_lines set count_state = ${c.state}, count_note = ${c.note}, counted_by = ${c.userId},
           counted_at = now()
     where id = ${id} returning ${LINE_COLUMNS}`.execute(db);
  await lineDelta(db, 1, { lineId: id });
  return r.rows[0];
}

/** A correcting version is counted again from the start. */
export async function resetCounts(db: Q, handoverId: number) {
  await lineDelta(db, -1, { handoverId });
  await db
    .updateTable('handover_lines')
    .set({ count_state: 'pending', count_note: null, counted_by: null, counted_at: null })
    .where('handover_id', '=', handoverId)
    .execute();
  await lineDelta(db, 1, { handoverId });
}
