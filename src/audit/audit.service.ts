// Browsing the audit log: system administrators only.
import type { Db } from '../platform/db/db.ts';
import type { RequestContext } from '../platform/context.ts';
import { checkRole } from '../platform/policy/policy.ts';
import { AUDIT } from './audit.policy.ts';
import * as store from './audit.store.ts';

type Row = Awaited<ReturnType<typeof store.listAudit>>['items'][number];

export const presentAudit = (r: Row) => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  actor: r.actor,
  actorId: r.actor_id,
  ip: r.ip,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  before: r.before,
  after: r.after,
});

export async function browseAudit(
  db: Db,
  ctx: RequestContext,
  filter: store.AuditFilter,
  page: number,
  pageSize: number,
) {
  checkRole(ctx, AUDIT['audit.read']);
  const { items, total } = await store.listAudit(db, filter, page, pageSize);
  return { items: items.map(presentAudit), total, page, pageSize };
}

export async function tail(db: Db, ctx: RequestContext, limit: number) {
  checkRole(ctx, AUDIT['audit.read']);
  return (await store.tailAudit(db, limit)).map(presentAudit).reverse();
}
