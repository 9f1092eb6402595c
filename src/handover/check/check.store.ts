// SQL of `handover check`: each anomaly as a set-based query, the exact count and the first rows.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

export const ANOMALIES = [
  'receiver_not_successor',
  'line_without_receiver',
  'seal_surrendered_without_receipt',
  'signed_with_outstanding',
  'handover_without_receiver',
] as const;
export type Anomaly = (typeof ANOMALIES)[number];

const QUERIES: Record<Anomaly, ReturnType<typeof sql>> = {
  // A line received by a unit that is not among the handover's successors (an override: its reason shown).
  receiver_not_successor: sql`select l.handover_id, l.id as line_id, l.receiver_unit_id as unit_id, l.receiver_reason as note
      from handover_lines l
     where l.receiver_unit_id is not null and not exists (select 1 from handover_receivers r
           where r.handover_id = l.handover_id and r.unit_id = l.receiver_unit_id)`,
  line_without_receiver: sql`select l.handover_id, l.id as line_id, null::bigint as unit_id, null as note
      from handover_lines l where l.receiver_unit_id is null`,
  seal_surrendered_without_receipt: sql`select l.handover_id, l.id as line_id, null::bigint as unit_id, l.details->>'identifier' as note
      from handover_lines l where l.kind = 'seal' and l.status = 'surrendered'
       and coalesce(l.details->>'receiptRef', '') = ''`,
  signed_with_outstanding: sql`select h.id as handover_id, null::bigint as line_id, null::bigint as unit_id,
           h.state || ': ' || count(l.id) as note
      from handovers h join handover_lines l on l.handover_id = h.id and l.count_state <> 'received'
     where h.state in ('signed', 'closed') group by h.id, h.state`,
  handover_without_receiver: sql`select h.id as handover_id, null::bigint as line_id, h.from_unit_id as unit_id, null as note
      from handovers h where not exists (select 1 from handover_receivers r where r.handover_id = h.id)`,
};

export interface Finding {
  handover_id: number;
  line_id: number | null;
  unit_id: number | null;
  note: string | null;
}

export async function find(db: Q, a: Anomaly, limit: number): Promise<{ count: number; rows: Finding[] }> {
  const q = QUERIES[a];
  const n = await sql<{ n: number }>`select count(*)::int as n from (${q}) x`.execute(db);
  const rows = await sql<Finding>`select * from (${q}) x order by handover_id, line_id limit ${limit}`.execute(db);
  return {
    count: n.rows[0].n,
    rows: rows.rows.map((r) => ({
      ...r,
      handover_id: Number(r.handover_id),
      line_id: r.line_id === null ? null : Number(r.line_id),
      unit_id: r.unit_id === null ? null : Number(r.unit_id),
    })),
  };
}
