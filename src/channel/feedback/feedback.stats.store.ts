// SQL of the channel's figures: per unit answering (within one province, or all), counts that the CLI and the
// dashboard show. Counted live from feedback_items (an index per unit keeps it short at a province's scale;
// rollups for the national dashboard are future work, see the report of issue 13).
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';

export interface StatsDbRow {
  unit_id: number;
  code: string;
  full_name: string;
  total: number;
  open: number;
  overdue: number;
  answered: number;
  answered_on_time: number;
  closed: number;
  rated: number;
  rating_sum: number;
}

export async function statsByUnit(db: Db, unitIds: number[] | null, today: string): Promise<StatsDbRow[]> {
  const scope = unitIds ? sql`where i.unit_id = any(${unitIds}::bigint[])` : sql``;
  const r = await sql<StatsDbRow>`
    select u.id as unit_id, u.code, u.full_name,
      count(*)::int as total,
      count(*) filter (where i.status <> 'closed')::int as open,
      count(*) filter (where i.status not in ('answered', 'closed') and i.due_on < ${today}::date)::int as overdue,
      count(*) filter (where i.answered_at is not null)::int as answered,
      count(*) filter (where i.answered_at is not null
        and (i.answered_at at time zone 'Asia/Ho_Chi_Minh')::date <= i.due_on)::int as answered_on_time,
      count(*) filter (where i.status = 'closed')::int as closed,
      count(i.rating)::int as rated,
      coalesce(sum(i.rating), 0)::int as rating_sum
    from feedback_items i join units u on u.id = i.unit_id
    ${scope}
    group by u.id, u.code, u.full_name
    order by u.code, u.id`.execute(db);
  return r.rows;
}

/** Open items past their due date, most late first. */
export async function overdueItems(db: Db, unitIds: number[] | null, today: string, limit: number) {
  const scope = unitIds ? sql`and i.unit_id = any(${unitIds}::bigint[])` : sql``;
  const r = await sql<{
    code: string;
    category: string;
    status: string;
    due_on: string;
    unit_code: string;
    unit_name: string;
    days_late: number;
  }>`
    select i.code, i.category, i.status, i.due_on, u.code as unit_code, u.full_name as unit_name,
      working_days_between(i.due_on, ${today}::date) as days_late
    from feedback_items i join units u on u.id = i.unit_id
    where i.status not in ('answered', 'closed') and i.due_on < ${today}::date ${scope}
    order by i.due_on, i.id
    limit ${limit}`.execute(db);
  return r.rows;
}
