// SQL of the in-app inbox: notifications written in a change's transaction, a user's latest ones, marking one read.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { Message } from '../../platform/errors.ts';

type Q = Kysely<Database>;

/** Notes in one statement (the caller slices a long list). */
export async function insertNotes(
  trx: Q,
  notes: { userId: number; kind: string; entity: string; entityId: number; title: Message; body: Message }[],
) {
  await trx
    .insertInto('notifications')
    .values(
      notes.map((n) => ({
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

/** A user's latest notifications (or only the unread ones), newest first. */
export function latestNotes(db: Q, userId: number, opts: { unreadOnly?: boolean; limit: number }) {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

/** How many of a user's notifications are unread. */
export async function unreadCount(db: Q, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The user's own notification, locked until the transaction ends; undefined when it is not theirs. */
export function lockNote(trx: Q, id: number, userId: number) {
  return trx
    .selectFrom('notifications')
    .select(['kind', 'entity', 'entity_id', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export function markNoteRead(trx: Q, id: number) {
  return trx
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('id', '=', id)
    .returning(['read_at'])
    .executeTakeFirstOrThrow();
}
