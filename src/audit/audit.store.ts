// Reads of the audit log (writes go through platform/audit/record.ts only).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db/db-schema.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

function filtered(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.action) q = q.where('action', 'like', f.action.endsWith('*') ? f.action.slice(0, -1) + '%' : f.action);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  // Dates are Vietnamese calendar days (UTC+7).
  if (f.from) q = q.where('at', '>=', new Date(`${f.from}T00:00:00+07:00`));
  if (f.to) q = q.where('at', '<', new Date(new Date(`${f.to}T00:00:00+07:00`).getTime() + 86_400_000));
  return q;
}

export async function listAudit(db: Kysely<Database>, f: AuditFilter, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    filtered(db, f)
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, f)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/** The newest `limit` records, newest first. */
export function tailAudit(db: Kysely<Database>, limit: number) {
  return db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
