// The officers' side of feedback: the queue of the units their grant covers (due dates first), one item (the
// contact shown to those who handle it, masked for read-only roles, absent when withheld; each showing of it
// audited), and the handling steps: assign, start, answer, forward (to a unit of the registry, which gets a fresh
// deadline, or to a body outside it, which closes the item as not competent), close with a reason.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { grantUnits, requireGrantOver } from '../../platform/policy/policy.ts';
import { requireUser } from '../../accounts/sessions/sessions.access.ts';
import { CHANNEL } from '../channel.policy.ts';
import { categoryOf } from './feedback.categories.ts';
import { normaliseCode } from './feedback.code.ts';
import { addDays, dueDate } from './feedback.deadline.ts';
import { redact } from '../../platform/formats/redact.ts';
import { unitByCodeOn } from './feedback.routing.store.ts';
import type { FeedbackSettings } from './feedback.settings.ts';
import * as store from './feedback.store.ts';
import { isOverdue, presentOfficer } from './feedback.present.ts';
import { todayOf } from './feedback.service.ts';
import type { z } from 'zod';
import type { QueueQuery } from './feedback.schemas.ts';

const READ = CHANNEL['feedback.read'];
const HANDLE = CHANNEL['feedback.handle'];
const ITEM = { vi: 'phản ánh', en: 'The feedback item' };
const SCOPE = { vi: 'Đơn vị tiếp nhận phản ánh này', en: 'The unit this item is with' };

/** The units whose items the caller may read: null for all (CLI, system), else the subtrees of their grants. */
export async function readableUnits(db: Db, ctx: RequestContext, unitCode: string | undefined, today: string) {
  if (unitCode) {
    const u = await unitByCodeOn(db, unitCode, today);
    if (!u) throw notFound({ vi: `đơn vị mã ${unitCode}`, en: `The unit ${unitCode}` });
    await requireGrantOver(db, ctx, READ, u.id);
    return store.subtreeOf(db, [u.id]);
  }
  if (!requireUser(ctx)) return null;
  return store.subtreeOf(db, grantUnits(ctx, READ));
}

export async function queue(db: Db, ctx: RequestContext, q: z.infer<typeof QueueQuery>, s: FeedbackSettings) {
  const today = todayOf(s);
  const unitIds = await readableUnits(db, ctx, q.unitCode, today);
  const { rows, total } = await store.queue(db, {
    unitIds,
    status: q.status,
    category: q.category,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    dueBefore: q.dueBefore,
    today,
    limit: q.limit,
    offset: q.offset,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      category: r.category,
      status: r.status as 'received',
      title: r.public_title,
      unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
      receivedOn: r.received_on,
      dueOn: r.due_on,
      overdue: isOverdue(r, today),
      assignedTo: r.assignee,
    })),
    total,
    nextOffset: q.offset + rows.length < total ? q.offset + rows.length : null,
  };
}

async function canHandle(db: Db, ctx: RequestContext, unitId: number) {
  try {
    await requireGrantOver(db, ctx, HANDLE, unitId);
    return true;
  } catch {
    return false;
  }
}

export async function getItem(db: Db, ctx: RequestContext, id: number, s: FeedbackSettings) {
  const i = await store.itemById(db, id);
  if (!i) throw notFound(ITEM);
  await requireGrantOver(db, ctx, READ, i.unit_id, SCOPE);
  const shown = i.privacy !== 'withheld' && (await canHandle(db, ctx, i.unit_id));
  if (shown && (i.reporter_name || i.reporter_email || i.reporter_phone))
    await db.transaction().execute((trx) =>
      recordAudit(trx, ctx, {
        action: 'feedback.contact.view',
        entity: 'feedback_item',
        entityId: i.id,
        after: {
          fields: ['name', 'email', 'phone'].filter((_, k) => [i.reporter_name, i.reporter_email, i.reporter_phone][k]),
        },
      }),
    );
  return presentOfficer(db, i, todayOf(s), s.reopenDays, shown ? 'shown' : 'masked');
}

type Verb = 'assign' | 'start' | 'answer' | 'forward' | 'close';
type Change = (i: store.ItemRow, trx: Db) => Promise<{ set: Parameters<typeof store.updateItem>[2]; event: Event }>;
interface Event {
  kind: 'assigned' | 'started' | 'answered' | 'forwarded' | 'closed';
  note?: string | null;
  toUnitId?: number;
}

/** One handling step: lock, check scope and state, change, timeline, audit — one transaction. */
async function step(db: Db, ctx: RequestContext, id: number, verb: Verb, change: Change, s: FeedbackSettings) {
  const user = requireUser(ctx);
  const found = await store.itemById(db, id);
  if (!found) throw notFound(ITEM);
  await requireGrantOver(db, ctx, HANDLE, found.unit_id, SCOPE);
  await db.transaction().execute(async (trx) => {
    const i = (await store.lockItem(trx, id))!;
    if (i.unit_id !== found.unit_id)
      throw conflict({ vi: 'Phản ánh vừa được chuyển đi.', en: 'The item was just forwarded.' });
    if (i.status === 'closed')
      throw conflict({
        vi: 'Phản ánh đã đóng; người phản ánh có thể mở lại trong thời hạn.',
        en: 'The item is closed; the reporter may reopen it within the period.',
      });
    const { set, event } = await change(i, trx);
    const after = await store.updateItem(trx, id, set);
    await store.insertEvent(trx, {
      item_id: id,
      kind: event.kind,
      note: event.note ?? null,
      from_unit_id: event.toUnitId ? i.unit_id : null,
      to_unit_id: event.toUnitId ?? null,
      actor_id: user?.id ?? null,
    });
    const pick = (r: store.ItemRow) => ({
      status: r.status,
      unitId: r.unit_id,
      assignedTo: r.assigned_to,
      dueOn: r.due_on,
      closeReason: r.close_reason,
      answered: r.answered_at !== null,
    });
    await recordAudit(trx, ctx, {
      action: `feedback.${verb}`,
      entity: 'feedback_item',
      entityId: id,
      before: pick(i),
      after: pick(after),
    });
  });
  // A forward may take the item out of the caller's scope: they then see what the public sees of it.
  const after = (await store.itemById(db, id))!;
  if (await canRead(db, ctx, after.unit_id)) return getItem(db, ctx, id, s);
  const outside = { ...after, description: after.public_description, answer: after.public_answer };
  return presentOfficer(db, outside, todayOf(s), s.reopenDays, 'masked');
}

async function canRead(db: Db, ctx: RequestContext, unitId: number) {
  try {
    await requireGrantOver(db, ctx, READ, unitId);
    return true;
  } catch {
    return false;
  }
}

export function assign(db: Db, ctx: RequestContext, id: number, userId: number | undefined, s: FeedbackSettings) {
  return step(
    db,
    ctx,
    id,
    'assign',
    async (i, trx) => {
      const to = userId ?? requireUser(ctx)?.id;
      if (!to) throw badRequest({ vi: 'Cần userId của người được giao.', en: 'The assignee (userId) is needed.' });
      const u = await store.userById(trx, to);
      if (!u || !u.is_active)
        throw badRequest({ vi: `Không có tài khoản đang hoạt động số ${to}.`, en: `No active user ${to}.` });
      return {
        set: { assigned_to: to, status: i.status === 'in_progress' || i.status === 'answered' ? i.status : 'assigned' },
        event: { kind: 'assigned', note: u.display_name },
      };
    },
    s,
  );
}

export function start(db: Db, ctx: RequestContext, id: number, s: FeedbackSettings) {
  return step(
    db,
    ctx,
    id,
    'start',
    async (i) => {
      if (i.status === 'in_progress' || i.status === 'answered')
        throw conflict({
          vi: 'Phản ánh đang được xử lý hoặc đã trả lời.',
          en: 'The item is already in progress or answered.',
        });
      return {
        set: { status: 'in_progress', assigned_to: i.assigned_to ?? requireUser(ctx)?.id ?? null },
        event: { kind: 'started' },
      };
    },
    s,
  );
}

export function answer(db: Db, ctx: RequestContext, id: number, text: string, s: FeedbackSettings) {
  return step(
    db,
    ctx,
    id,
    'answer',
    async (i) => {
      const hide = i.privacy === 'public' ? [] : [i.reporter_name];
      return {
        set: {
          status: 'answered',
          answer: text,
          public_answer: redact(text, hide),
          answered_at: new Date(),
          answered_by: requireUser(ctx)?.id ?? null,
        },
        event: { kind: 'answered' },
      };
    },
    s,
  );
}

export function forward(
  db: Db,
  ctx: RequestContext,
  id: number,
  body: { reason: string; toUnitCode?: string; toBody?: string },
  s: FeedbackSettings,
) {
  const today = todayOf(s);
  return step(
    db,
    ctx,
    id,
    'forward',
    async (i, trx) => {
      if (body.toBody)
        return {
          set: {
            status: 'closed',
            close_reason: 'not_competent',
            close_note: body.reason,
            forwarded_to: body.toBody,
            closed_at: new Date(),
          },
          event: { kind: 'forwarded', note: `${body.toBody}: ${body.reason}` },
        };
      const to = await unitByCodeOn(trx, body.toUnitCode!, today);
      if (!to)
        throw badRequest({
          vi: `Không có đơn vị mã ${body.toUnitCode} đang hoạt động ngày ${today}.`,
          en: `No unit with the code ${body.toUnitCode} is in force on ${today}.`,
        });
      if (to.id === i.unit_id)
        throw badRequest({ vi: 'Phản ánh đã ở đơn vị này.', en: 'The item is with this unit already.' });
      const category = categoryOf(i.category);
      // The receiving unit gets the category's full period from today (Nghị định 20/2008, chuyển đến cơ quan có thẩm quyền).
      const due = category ? await dueDate(trx, category, today) : addDays(today, 15);
      return {
        set: { unit_id: to.id, status: 'received', assigned_to: null, due_on: due, received_on: today },
        event: { kind: 'forwarded', note: body.reason, toUnitId: to.id },
      };
    },
    s,
  );
}

export async function close(
  db: Db,
  ctx: RequestContext,
  id: number,
  body: { reason: 'resolved' | 'duplicate' | 'rejected'; note?: string; duplicateOf?: string },
  s: FeedbackSettings,
) {
  return step(
    db,
    ctx,
    id,
    'close',
    async (i, trx) => {
      let duplicateOf: number | null = null;
      if (body.reason === 'duplicate') {
        const other = await store.itemByCode(trx, normaliseCode(body.duplicateOf!));
        if (!other || other.id === i.id)
          throw badRequest({
            vi: `Không có phản ánh khác mang mã ${body.duplicateOf}.`,
            en: `No other item has the code ${body.duplicateOf}.`,
          });
        duplicateOf = other.id;
      }
      return {
        set: {
          status: 'closed',
          close_reason: body.reason,
          close_note: body.note ?? null,
          duplicate_of: duplicateOf,
          closed_at: new Date(),
        },
        event: { kind: 'closed', note: body.note ?? body.reason },
      };
    },
    s,
  );
}
