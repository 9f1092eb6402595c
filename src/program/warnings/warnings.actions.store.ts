// SQL of the stored warnings as people handle them: the list in a scope, a warning's unit, the lock before an
// action, acknowledging and resolving; and the daily run's claim, record and the unit parents its escalation walks.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { Scope } from '../program.scope.ts';
import { scopeFilter } from '../tasks/tasks.store.ts';

type Q = Kysely<Database>;

/** A page of the warnings in scope (open or resolved), newest first, with the task and its unit; and their total. */
export async function listWarnings(
  db: Q,
  scope: Scope,
  q: { programId?: number; unitId?: number; open: boolean; limit: number; offset: number },
) {
  let qb = db
    .selectFrom('program_warnings as w')
    .innerJoin('tasks as t', 't.id', 'w.task_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .where(scopeFilter(scope));
  if (q.programId) qb = qb.where('t.program_id', '=', q.programId);
  if (q.unitId) qb = qb.where('t.unit_id', '=', q.unitId);
  qb = q.open ? qb.where('w.resolved_at', 'is', null) : qb.where('w.resolved_at', 'is not', null);
  const [items, total] = await Promise.all([
    qb
      .select([
        'w.id',
        'w.task_id',
        't.code',
        't.title_vi',
        't.title_en',
        'u.name as unit_name',
        'w.kind',
        'w.severity',
        'w.message_vi',
        'w.message_en',
        'w.facts',
        'w.raised_at',
        'w.acknowledged_at',
        'w.resolved_at',
        'w.escalated_at',
        'w.escalated_to_unit',
      ])
      .orderBy('w.raised_at', 'desc')
      .orderBy('w.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    qb
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => r.n),
  ]);
  return { items, total };
}

/** The unit of a warning's task (whose scope decides who may act on it). */
export function warningUnit(db: Q, id: number) {
  return db
    .selectFrom('program_warnings as w')
    .innerJoin('tasks as t', 't.id', 'w.task_id')
    .select(['w.id', 't.unit_id'])
    .where('w.id', '=', id)
    .executeTakeFirst();
}

/** The warning with its task's program, locked until the transaction ends. */
export async function lockWarning(trx: Q, id: number) {
  const w = await trx
    .selectFrom('program_warnings as w')
    .innerJoin('tasks as t', 't.id', 'w.task_id')
    .select([
      'w.id',
      'w.task_id',
      'w.kind',
      'w.message_vi',
      'w.resolved_at',
      'w.resolved_by',
      'w.acknowledged_at',
      'w.acknowledged_by',
      't.program_id',
    ])
    .where('w.id', '=', id)
    .forUpdate('w')
    .executeTakeFirst();
  return w;
}

export function markAcknowledged(trx: Q, id: number, userId: number | null) {
  return trx
    .updateTable('program_warnings')
    .set({ acknowledged_at: new Date(), acknowledged_by: userId })
    .where('id', '=', id)
    .returning(['acknowledged_at', 'acknowledged_by'])
    .executeTakeFirstOrThrow();
}

export function markResolved(trx: Q, id: number, userId: number | null) {
  return trx
    .updateTable('program_warnings')
    .set({ resolved_at: new Date(), resolved_by: userId })
    .where('id', '=', id)
    .returning(['resolved_at', 'resolved_by'])
    .executeTakeFirstOrThrow();
}

/** Claims the daily run of a date: false when another process (or an earlier start) already did. */
export async function claimRun(db: Q, asOf: string): Promise<boolean> {
  const row = await db
    .insertInto('program_daily_runs')
    .values({ as_of: asOf, claimed_at: new Date() })
    .onConflict((oc) => oc.column('as_of').doNothing())
    .returning('as_of')
    .executeTakeFirst();
  return row !== undefined;
}

/** Records when the day's run finished and what it did. */
export async function finishRun(db: Q, asOf: string, result: object) {
  await db
    .updateTable('program_daily_runs')
    .set({ finished_at: new Date(), result: JSON.stringify(result) })
    .where('as_of', '=', asOf)
    .execute();
}

/** Every unit with its parent (the escalation chains of the daily run). */
export function unitParents(db: Q) {
  return db.selectFrom('units').select(['id', 'parent_id']).execute();
}
