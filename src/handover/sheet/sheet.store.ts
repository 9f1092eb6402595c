// SQL of the inventory import: lines in chunks of one statement each (one jsonb parameter, read back
// with jsonb_to_recordset: no parameter limit, one round trip per chunk), then the dashboards' rollups
// moved once for the id range the import wrote (the handover is locked, so the range is its own).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { NewLine } from '../inventory/inventory.store.ts';
import { lineDelta } from '../rollups/rollups.store.ts';

type Q = Kysely<Database>;
const CHUNK = 5_000;

export async function insertLines(
  db: Q,
  handoverId: number,
  lines: NewLine[],
): Promise<{ fromId: number; toId: number } | null> {
  let fromId = Infinity;
  let toId = -Infinity;
  for (let i = 0; i < lines.length; i += CHUNK) {
    const chunk = lines.slice(i, i + CHUNK);
    const r = await sql<{ lo: number | null; hi: number | null }>`
      with ins as (
        insert into handover_lines (handover_id, kind, title, condition, location, receiver_unit_id, receiver_as,
          receiver_reason, amount_vnd, land_area_m2, floor_area_m2, pages, pages_digitised, land_or_investment,
          legal_deadline, status, details, files)
        select handover_id, kind, title, condition, location, receiver_unit_id, receiver_as, receiver_reason,
               amount_vnd::numeric, land_area_m2::numeric, floor_area_m2::numeric, pages, pages_digitised,
               land_or_investment, legal_deadline::date, status, details, files
          from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(handover_id bigint, kind text, title text,
               condition text, location text, receiver_unit_id bigint, receiver_as text, receiver_reason text,
               amount_vnd text, land_area_m2 text, floor_area_m2 text, pages bigint, pages_digitised bigint,
               land_or_investment boolean, legal_deadline text, status text, details jsonb, files jsonb)
        returning id)
      select min(id)::int as lo, max(id)::int as hi from ins`.execute(db);
    fromId = Math.min(fromId, Number(r.rows[0].lo));
    toId = Math.max(toId, Number(r.rows[0].hi));
  }
  if (lines.length === 0) return null;
  await lineDelta(db, 1, { handoverId, fromId, toId });
  return { fromId, toId };
}
