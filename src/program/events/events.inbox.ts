// The in-app inbox: notifications per user, written in the transaction of the
// change that causes them.
import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Message } from '../../platform/errors.ts';
import { notFound } from '../../platform/errors.ts';
import { requireUser } from '../../accounts/sessions/sessions.access.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import * as store from './events.inbox.store.ts';

export interface Note {
  kind: string;
  entity: string;
  entityId: number;
  title: Message;
  body: Message;
}

export async function notifyUser(trx: Kysely<Database>, userId: number, n: Note) {
  await notifyUsers(trx, [{ ...n, userId }]);
}

/** Many notes in one statement per thousand (an escalation run). */
export async function notifyUsers(trx: Kysely<Database>, notes: (Note & { userId: number })[]) {
  for (let i = 0; i < notes.length; i += 1000) await store.insertNotes(trx, notes.slice(i, i + 1000));
}

/** The caller's own notifications, newest first; nobody reads another's inbox. */
export async function inbox(db: Db, ctx: RequestContext, opts: { unreadOnly?: boolean; limit: number }) {
  const user = requireUser(ctx);
  if (!user) return { items: [], unread: 0 };
  const [items, unread] = await Promise.all([store.latestNotes(db, user.id, opts), store.unreadCount(db, user.id)]);
  return {
    unread,
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: { vi: n.title_vi, en: n.title_en },
      body: { vi: n.body_vi, en: n.body_en },
      entity: n.entity,
      entityId: n.entity_id,
      createdAt: n.created_at,
      readAt: n.read_at,
    })),
  };
}

export async function markRead(db: Db, ctx: RequestContext, id: number) {
  const user = requireUser(ctx);
  return db.transaction().execute(async (trx) => {
    const before = await store.lockNote(trx, id, user?.id ?? -1);
    if (!before) throw notFound({ vi: `thông báo số ${id}`, en: `Notification ${id}` });
    const after = await store.markNoteRead(trx, id);
    const state = (readAt: Date | null) => ({
      kind: before.kind,
      entity: before.entity,
      entityId: before.entity_id,
      readAt,
    });
    await recordAudit(trx, ctx, {
      action: 'program.notification.read',
      entity: 'notification',
      entityId: id,
      before: state(before.read_at),
      after: state(after.read_at),
    });
    return { id, read: true };
  });
}
