// The one way to write the audit log. Call it with the transaction that makes
// the change, so the record and the change commit or roll back together.
import type { Kysely } from 'kysely';
import type { Database } from './db-schema.ts';
import type { RequestContext } from './context.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(trx: Kysely<Database>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await trx.insertInto('audit_log').values({
    actor_id: ctx.user?.id ?? null,
    actor: ctx.user?.username ?? ctx.actorLabel,
    ip: ctx.ip,
    user_agent: ctx.userAgent,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  }).execute();
}
