// SQL for programs, amendments and dated task versions.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

export interface NewProgram {
  code: string;
  title_vi: string;
  title_en: string | null;
  resolution_ref: string | null;
  issuing_body: string;
  period_start: string;
  period_end: string;
  cadence: string;
  report_grace_days: number;
  escalation_days: number;
  review_days: number;
  is_demo: boolean;
}

export function insertProgram(trx: Q, p: NewProgram) {
  return trx.insertInto('programs').values(p).returningAll().executeTakeFirstOrThrow();
}

export function findProgram(db: Q, id: number) {
  return db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The program, locked until the transaction ends (a change of its settings). */
export function lockProgram(trx: Q, id: number) {
  return trx.selectFrom('programs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Sets the working days a reviewer has; the program as it now is. */
export function setReviewDays(trx: Q, id: number, reviewDays: number) {
  return trx
    .updateTable('programs')
    .set({ review_days: reviewDays })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findProgramByCode(db: Q, code: string) {
  return db.selectFrom('programs').selectAll().where('code', '=', code).executeTakeFirst();
}

export function listPrograms(db: Q) {
  return db.selectFrom('programs').selectAll().orderBy('id').execute();
}

/** Adds the next amendment of a program, locking the program row so versions are gapless. */
export async function insertAmendment(
  trx: Q,
  a: {
    programId: number;
    kind: string;
    decisionRef: string | null;
    reason: string | null;
    effectiveDate: string;
    actor: string;
    first?: boolean;
    changeRequestId?: number | null;
  },
) {
  const program = await trx
    .selectFrom('programs')
    .select(['id', 'current_version'])
    .where('id', '=', a.programId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const versionNo = a.first ? 1 : program.current_version + 1;
  if (!a.first)
    await trx.updateTable('programs').set({ current_version: versionNo }).where('id', '=', a.programId).execute();
  return trx
    .insertInto('program_amendments')
    .values({
      program_id: a.programId,
      version_no: versionNo,
      kind: a.kind,
      decision_ref: a.decisionRef,
      reason: a.reason,
      effective_date: a.effectiveDate,
      actor: a.actor,
      change_request_id: a.changeRequestId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listAmendments(db: Q, programId: number) {
  return db
    .selectFrom('program_amendments')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('version_no')
    .execute();
}

/** The latest version's start date of a task (an amendment may not take effect before it). */
export async function latestVersionStart(db: Q, taskId: number): Promise<string | null> {
  const row = await db
    .selectFrom('task_versions')
    .select('valid_from')
    .where('task_id', '=', taskId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return row?.valid_from ?? null;
}

/** Closes the task's open version on `from` and opens a new one with this content. */
export async function writeTaskVersion(
  trx: Q,
  v: { taskId: number; programId: number; amendmentId: number; from: string; content: unknown },
) {
  await trx
    .updateTable('task_versions')
    .set({ valid_to: v.from })
    .where('task_id', '=', v.taskId)
    .where('valid_to', 'is', null)
    .execute();
  await trx
    .insertInto('task_versions')
    .values({
      task_id: v.taskId,
      program_id: v.programId,
      amendment_id: v.amendmentId,
      valid_from: v.from,
      content: JSON.stringify(v.content),
    })
    .execute();
}

/**
 * Bulk form of writeTaskVersion, for the cascaded copies an amendment carries its dates down to. A copy
 * cascaded after `from` has no version to end on `from`: its new version starts where its open one does
 * (which then covers no day), so no version ever ends before it starts.
 */
export async function writeTaskVersions(
  trx: Q,
  programId: number,
  amendmentId: number,
  from: string,
  rows: { taskId: number; content: unknown }[],
) {
  if (rows.length === 0) return;
  const closed = await sql<{ task_id: number; valid_to: string }>`
    update task_versions set valid_to = greatest(${from}::date, valid_from)
    where task_id = any(${rows.map((r) => r.taskId)}::bigint[]) and valid_to is null returning task_id, valid_to`.execute(
    trx,
  );
  const startOf = new Map(closed.rows.map((r) => [Number(r.task_id), r.valid_to]));
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('task_versions')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          task_id: r.taskId,
          program_id: programId,
          amendment_id: amendmentId,
          valid_from: startOf.get(r.taskId) ?? from,
          content: JSON.stringify(r.content),
        })),
      )
      .execute();
  }
}

/** Bulk form for imports and cascades: every task gets its first version. */
export async function insertFirstVersions(
  trx: Q,
  programId: number,
  amendmentId: number,
  from: string,
  rows: { taskId: number; content: unknown }[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('task_versions')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          task_id: r.taskId,
          program_id: programId,
          amendment_id: amendmentId,
          valid_from: from,
          content: JSON.stringify(r.content),
        })),
      )
      .execute();
  }
}

/**
 * The content in force on `asOf` (valid_from <= asOf < valid_to) of the program's tasks. `unitIds` null:
 * the program's own tasks (none cascaded). Else the tasks of those units, cascaded ones included, plus their
 * ancestors (in force that day) so each can be placed in the program's tree; `in_scope` tells the two apart.
 */
export async function versionsAsOf(db: Q, programId: number, asOf: string, unitIds: number[] | null) {
  const inForce = sql`v.program_id = ${programId} and v.valid_from <= ${asOf}::date and (v.valid_to is null or v.valid_to > ${asOf}::date)`;
  const wanted = unitIds === null ? sql`not t.cascaded` : sql`t.id in (select id from own union select id from up)`;
  const r = await sql<{
    task_id: number;
    valid_from: string;
    valid_to: string | null;
    content: unknown;
    amendment_id: number;
    parent_id: number | null;
    kind: string;
    position: number;
    unit_id: number;
    cascaded: boolean;
    unit_name: string | null;
    in_scope: boolean;
  }>`
    ${
      unitIds === null
        ? sql``
        : sql`with recursive own(id) as (
      select v.task_id from task_versions v join tasks t on t.id = v.task_id where ${inForce} and t.unit_id = any(${unitIds}::bigint[])
    ), up(id) as (
      select t.parent_id from tasks t where t.id in (select id from own) and t.parent_id is not null
      union select t.parent_id from tasks t join up on t.id = up.id where t.parent_id is not null
    )`
    }
    select v.task_id, v.valid_from, v.valid_to, v.content, v.amendment_id, t.parent_id, t.kind, t.position, t.unit_id, t.cascaded,
      u.name as unit_name, ${unitIds === null ? sql`true` : sql`t.id in (select id from own)`} as in_scope
    from task_versions v join tasks t on t.id = v.task_id left join units u on u.id = t.unit_id
    where ${inForce} and ${wanted}
    order by t.position, t.id`.execute(db);
  return r.rows;
}

export function taskHistory(db: Q, taskId: number) {
  return db
    .selectFrom('task_versions as v')
    .innerJoin('program_amendments as a', 'a.id', 'v.amendment_id')
    .select([
      'v.valid_from',
      'v.valid_to',
      'v.content',
      'a.version_no',
      'a.kind',
      'a.decision_ref',
      'a.reason',
      'a.actor',
      'a.change_request_id',
    ])
    .where('v.task_id', '=', taskId)
    .orderBy('v.id')
    .execute();
}
