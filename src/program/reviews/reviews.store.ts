// SQL of the review queue: reports awaiting review, by the unit whose writers
// review them (task_reports.reviewer_unit_id, fixed at submission, indexed
// for the reports still waiting).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { ReportRow } from '../reports/reports.store.ts';
import { unitChainSql, type ChainUnit } from '../program.places.store.ts';

type Q = Kysely<Database>;

export interface QueueFilter {
  /** Reports reviewed by these units; null: every unit (national scope, the CLI). */
  reviewerUnits: number[] | null;
  /** Leave out the reports this user wrote (nobody reviews their own). */
  notBy: number | null;
  programId?: number;
  /** Reports on tasks of this unit's subtree. */
  unitIds?: number[];
  period?: string;
  /** 'submission': sent after the period's deadline; 'review': waiting past the review deadline. */
  lateness?: 'submission' | 'review';
  today: string;
  limit: number;
  offset: number;
}

export type QueueRow = ReportRow & {
  task_code: string;
  task_title_vi: string | null;
  task_title_en: string | null;
  unit_id: number;
  unit_name: string;
  program_id: number;
  official_progress: number;
  official_status: string;
  waiting_days: number;
  review_overdue: boolean;
  chain: ChainUnit[];
};

function conditions(f: Omit<QueueFilter, 'limit' | 'offset'>) {
  return sql.join(
    [
      sql`r.state = 'submitted'`,
      ...(f.reviewerUnits ? [sql`r.reviewer_unit_id = any(${f.reviewerUnits}::bigint[])`] : []),
      ...(f.notBy !== null ? [sql`r.submitted_by is distinct from ${f.notBy}`] : []),
      ...(f.programId !== undefined ? [sql`t.program_id = ${f.programId}`] : []),
      ...(f.unitIds ? [sql`t.unit_id = any(${f.unitIds}::bigint[])`] : []),
      ...(f.period ? [sql`r.period_label = ${f.period}`] : []),
      ...(f.lateness === 'submission' ? [sql`r.is_late`] : []),
      ...(f.lateness === 'review' ? [sql`r.review_due < ${f.today}::date`] : []),
    ],
    sql` and `,
  );
}

/** A page of the queue, the longest overdue first, with the task's official figures beside the reported ones. */
export async function queuePage(db: Q, f: QueueFilter): Promise<{ items: QueueRow[]; total: number; overdue: number }> {
  const where = conditions(f);
  const [items, counts] = await Promise.all([
    sql<QueueRow>`select r.*, t.code as task_code, t.title_vi as task_title_vi, t.title_en as task_title_en, t.unit_id, u.name as unit_name,
        t.program_id, t.progress as official_progress, t.status as official_status,
        working_days_between((r.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date, ${f.today}::date) as waiting_days,
        r.review_due < ${f.today}::date as review_overdue, ${unitChainSql(sql`t.unit_id`)} as chain
      from task_reports r join tasks t on t.id = r.task_id join units u on u.id = t.unit_id
      where ${where} order by r.review_due, r.submitted_at, r.id limit ${f.limit} offset ${f.offset}`.execute(db),
    queueCounts(db, f),
  ]);
  return { items: items.rows, ...counts };
}

export async function queueCounts(db: Q, f: Omit<QueueFilter, 'limit' | 'offset'>) {
  const r = await sql<{
    total: number;
    overdue: number;
  }>`select count(*)::int as total, count(*) filter (where r.review_due < ${f.today}::date)::int as overdue
    from task_reports r join tasks t on t.id = r.task_id where ${conditions(f)}`.execute(db);
  return r.rows[0];
}
