// SQL of change requests (task_change_requests): the assignee's request, the
// assigner's decision, the lists of both sides.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { TaskChangeRequestsTable } from '../program.db-types.ts';
import { unitChainSql, type ChainUnit } from '../program.places.store.ts';

type Q = Kysely<Database>;
export type RequestRow = Selectable<TaskChangeRequestsTable>;

/** A request with its task and the chain of the unit that decides (for who may decide), as lists and pages show it. */
export type ListedRequest = RequestRow & {
  task_code: string;
  task_title_vi: string | null;
  task_title_en: string | null;
  task_unit_id: number;
  unit_name: string;
  assigner_chain: ChainUnit[];
};

export function insertRequest(
  trx: Q,
  r: {
    task_id: number;
    program_id: number;
    kind: string;
    reason: string;
    proposed: string;
    assigner_unit_id: number;
    requested_by: number | null;
    requested_by_label: string;
  },
) {
  return trx.insertInto('task_change_requests').values(r).returningAll().executeTakeFirstOrThrow();
}

export function openRequestOfKind(db: Q, taskId: number, kind: string) {
  return db
    .selectFrom('task_change_requests')
    .select(['id'])
    .where('task_id', '=', taskId)
    .where('kind', '=', kind)
    .where('state', '=', 'pending')
    .executeTakeFirst();
}

export function lockRequest(trx: Q, id: number) {
  return trx.selectFrom('task_change_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function decideRequest(
  trx: Q,
  id: number,
  version: number,
  set: {
    state: string;
    decided_by: number | null;
    decided_by_label: string;
    decision_comment: string | null;
    decision_ref: string | null;
    amendment_id: number | null;
  },
) {
  return trx
    .updateTable('task_change_requests')
    .set({ ...set, decided_at: new Date(), version: sql`version + 1` as never })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

export function amendmentOfRequest(trx: Q, requestId: number) {
  return trx
    .selectFrom('program_amendments')
    .select(['id', 'version_no'])
    .where('change_request_id', '=', requestId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The writers granted exactly at a unit (who decide, or who asked), without `except`. */
export async function writersAt(db: Q, unitId: number, roles: string[], except: number | null) {
  const rows = await db
    .selectFrom('grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('g.user_id')
    .distinct()
    .where('g.unit_id', '=', unitId)
    .where('g.role', 'in', roles)
    .where('u.is_active', '=', true)
    .execute();
  return rows.map((r) => r.user_id).filter((id) => id !== except);
}

export interface RequestFilter {
  id?: number;
  taskId?: number;
  programId?: number;
  state?: string;
  /** Requests these units decide (the assigner side). */
  assignerUnits?: number[];
  /** Requests on tasks of these units (the assignee side). */
  taskUnits?: number[];
  /** Null: every unit (national scope); else requests on tasks of these units only. */
  readable: number[] | null;
  limit: number;
  offset: number;
}

export async function listRequests(db: Q, f: RequestFilter): Promise<{ items: ListedRequest[]; total: number }> {
  const where = sql.join(
    [
      sql`true`,
      ...(f.id !== undefined ? [sql`r.id = ${f.id}`] : []),
      ...(f.taskId !== undefined ? [sql`r.task_id = ${f.taskId}`] : []),
      ...(f.programId !== undefined ? [sql`r.program_id = ${f.programId}`] : []),
      ...(f.state ? [sql`r.state = ${f.state}`] : []),
      ...(f.assignerUnits ? [sql`r.assigner_unit_id = any(${f.assignerUnits}::bigint[])`] : []),
      ...(f.taskUnits ? [sql`t.unit_id = any(${f.taskUnits}::bigint[])`] : []),
      ...(f.readable ? [sql`t.unit_id = any(${f.readable}::bigint[])`] : []),
    ],
    sql` and `,
  );
  const [items, total] = await Promise.all([
    sql<ListedRequest>`select r.*, t.code as task_code, t.title_vi as task_title_vi, t.title_en as task_title_en, t.unit_id as task_unit_id,
        u.name as unit_name, ${unitChainSql(sql`r.assigner_unit_id`)} as assigner_chain
      from task_change_requests r join tasks t on t.id = r.task_id join units u on u.id = t.unit_id
      where ${where} order by r.requested_at desc, r.id desc limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{
      n: number;
    }>`select count(*)::int as n from task_change_requests r join tasks t on t.id = r.task_id where ${where}`.execute(
      db,
    ),
  ]);
  return { items: items.rows, total: total.rows[0].n };
}
