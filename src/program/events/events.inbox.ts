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
  for (let i = 0; i < notes.length; i += 1000) {
    await trx
      .insertInto('notifications')
      .values(
        notes.slice(i, i + 1000).map((n) => ({
          user_id: n.userId,
          kind: n.kind,
          entity: n.entity,
          entity_id: n.entityId,
          title_vi: n.title.vi,
          title_en: n.title.en,
          body_vi: n.body.vi,
          body_en: n.body.en,
        })),
      )
      .execute();
  }
}

/** The caller's own notifications, newest first; nobody reads another's inbox. */
export async function inbox(db: Db, ctx: RequestContext, opts: { unreadOnly?: boolean; limit: number }) {
  const user = requireUser(ctx);
  if (!user) return { items: [], unread: 0 };
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', user.id);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const [items, unread] = await Promise.all([
    q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', user.id)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    unread: Number(unread.n),
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
    const before = await trx
      .selectFrom('notifications')
      .select(['kind', 'entity', 'entity_id', 'read_at'])
      .where('id', '=', id)
      .where('user_id', '=', user?.id ?? -1)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound({ vi: `thông báo số ${id}`, en: `Notification ${id}` });
    const after = await trx
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('id', '=', id)
      .returning(['read_at'])
      .executeTakeFirstOrThrow();
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
