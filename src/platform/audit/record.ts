// The one way to write the audit log. Call it with the transaction that makes
// the change, so the record and the change commit or roll back together.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/db-schema.ts';
import type { RequestContext } from '../context.ts';
import { notifyCalls } from '../realtime/realtime.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(trx: Kysely<Database>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await trx.insertInto('audit_log').values(auditRow(ctx, entry)).execute();
}

/**
 * The audit record and events to send when the transaction commits (publishAllAfterCommit), in one
 * statement: on a hot path (a report submit) it saves a round trip.
 */
export async function recordAuditWithEvents(
  trx: Kysely<Database>,
  ctx: RequestContext,
  entry: AuditEntry,
  events: { channel: string; payload: unknown }[],
): Promise<void> {
  if (events.length === 0) return recordAudit(trx, ctx, entry);
  await trx
    .with('a', (db) =>
      db
        .insertInto('audit_log')
        .values(auditRow(ctx, entry))
        .returning(sql<number>`1`.as('one')),
    )
    .selectFrom('a')
    .select(sql`${notifyCalls(events)}`.as('notified'))
    .execute();
}

function auditRow(ctx: RequestContext, entry: AuditEntry) {
  return {
    actor_id: ctx.user?.id ?? null,
    actor: ctx.user?.username ?? ctx.actorLabel,
    ip: ctx.ip,
    user_agent: ctx.userAgent,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
}
