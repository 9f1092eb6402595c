// The citizen's side of feedback: submit (no account; routed to the unit in force, deadline fixed, rate-limited
// per address), follow by tracking code, reopen within the configured period, rate the answer. Each change is
// one transaction with its audit record; the reporter's contact never enters the audit log.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, badRequest, conflict, notFound, todayIso, tooManyRequests } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { keyedHash } from '../../platform/secrets/hash-secret.ts';
import { rankUnits } from '../../units/lookup/lookup.service.ts';
import { CATEGORIES, categoryOf } from './feedback.categories.ts';
import { newTrackingCode, normaliseCode } from './feedback.code.ts';
import { addDays, dueDate } from './feedback.deadline.ts';
import { redact } from '../../platform/formats/redact.ts';
import { routeMany, routeNote } from './feedback.routing.ts';
import { unitBrief, unitByCodeOn } from './feedback.routing.store.ts';
import type { FeedbackSettings } from './feedback.settings.ts';
import * as store from './feedback.store.ts';
import { presentPublic, reopenUntil } from './feedback.present.ts';
import type { SubmitInput } from './feedback.schemas.ts';

const ITEM = { vi: 'phản ánh với mã này', en: 'An item with this code' };
export const todayOf = (s: FeedbackSettings) => (s.today ? s.today() : todayIso());

export function listCategories() {
  return {
    items: CATEGORIES.map((c) => ({
      code: c.code,
      name: { vi: c.name_vi, en: c.name_en },
      level: c.level,
      acceptDays: c.accept_days,
      answerDays: c.answer_days,
      dayKind: c.day_kind,
      basis: c.basis,
      verified: c.verified,
    })),
  };
}

/** Where it happened: the unit of that code on that day, or the most specific unit an address names. */
async function locate(db: Db, input: SubmitInput, day: string) {
  if (input.unitCode) {
    const u = await unitByCodeOn(db, input.unitCode, day);
    if (!u)
      throw badRequest({
        vi: `Không có đơn vị mã ${input.unitCode} vào ngày ${day}. Hãy kiểm tra mã hoặc nhập địa chỉ.`,
        en: `No unit has the code ${input.unitCode} on ${day}. Check the code or give an address.`,
      });
    return u;
  }
  const ranked = await rankUnits(db, input.address!, day);
  const top = ranked.units[0];
  const u = top ? await unitBrief(db, top.id) : undefined;
  if (!u)
    throw badRequest({
      vi: 'Không đọc được địa chỉ: hãy ghi tên xã/phường và tỉnh/thành phố (ví dụ "Quán Thánh, Ba Đình, Hà Nội").',
      en: 'The address could not be read: give the commune or ward and the province (e.g. "Quán Thánh, Ba Đình, Hà Nội").',
    });
  return u;
}

/** The address as the rate limit keeps it: keyed, since a plain hash of an IPv4 address is reversed by trying all 2^32. */
export const clientHash = (secret: string, ip: string) => keyedHash(secret, 'apparatus-feedback', ip);

export async function submit(db: Db, ctx: RequestContext, input: SubmitInput, settings: FeedbackSettings) {
  const category = categoryOf(input.category);
  if (!category)
    throw badRequest({
      vi: `Không có loại việc "${input.category}". Các loại: ${CATEGORIES.map((c) => c.code).join(', ')}.`,
      en: `There is no category "${input.category}". Categories: ${CATEGORIES.map((c) => c.code).join(', ')}.`,
    });
  const today = todayOf(settings);
  if (input.occurredOn && input.occurredOn > today)
    throw badRequest({
      vi: `Ngày xảy ra (${input.occurredOn}) sau hôm nay (${today}).`,
      en: `The day it happened (${input.occurredOn}) is after today (${today}).`,
    });
  const located = await locate(db, input, input.occurredOn ?? today);
  const route = (await routeMany(db, [located.id], category.level, today)).get(located.id);
  const target = route && (await unitBrief(db, route.unitId));
  if (!route || !target)
    throw new AppError(
      422,
      'no-unit-in-force',
      { vi: 'Không tìm được đơn vị tiếp nhận', en: 'No receiving unit' },
      {
        vi: `${located.full_name} không có đơn vị nào đang hoạt động kế thừa vào ngày ${today}. Hãy nhập địa chỉ hiện tại.`,
        en: `${located.full_name} has no successor in force on ${today}. Give the current address.`,
      },
    );
  const note = routeNote(route, located.full_name, target.full_name);
  const hide = input.privacy === 'public' ? [] : [input.name];
  const hash = ctx.ip ? clientHash(settings.hashSecret, ctx.ip) : null;

  return db.transaction().execute(async (trx) => {
    if (hash) {
      await store.lockClient(trx, hash);
      const recent = await store.countRecentFrom(trx, hash, new Date(Date.now() - 3600_000));
      if (recent >= settings.submitsPerHour)
        throw tooManyRequests(
          {
            vi: `Địa chỉ mạng này đã gửi ${recent} phản ánh trong một giờ qua (tối đa ${settings.submitsPerHour}). Hãy thử lại sau.`,
            en: `This network address sent ${recent} items in the past hour (at most ${settings.submitsPerHour}). Try again later.`,
          },
          3600,
        );
    }
    const due = await dueDate(trx, category, today);
    const row = await store.insertItem(trx, {
      code: newTrackingCode(),
      category: category.code,
      title: input.title,
      description: input.description,
      public_title: redact(input.title, hide),
      public_description: redact(input.description, hide),
      location_text: input.address ?? null,
      located_unit_id: located.id,
      unit_id: target.id,
      routing_note: `${note.vi} / ${note.en}`,
      occurred_on: input.occurredOn ?? null,
      received_on: today,
      due_on: due,
      privacy: input.privacy,
      reporter_name: input.name ?? null,
      reporter_email: input.email ?? null,
      reporter_phone: input.phone ?? null,
      client_hash: hash,
    });
    await store.insertEvent(trx, { item_id: row.id, kind: 'submitted', to_unit_id: target.id, note: note.vi });
    await recordAudit(trx, ctx, {
      action: 'feedback.submit',
      entity: 'feedback_item',
      entityId: row.id,
      after: { code: row.code, category: row.category, unitId: target.id, dueOn: due, privacy: row.privacy },
    });
    return {
      code: row.code,
      status: 'received' as const,
      category: row.category,
      located: { id: located.id, code: located.code, name: located.full_name },
      unit: { id: target.id, code: target.code, name: target.full_name },
      routing: note,
      receivedOn: today,
      dueOn: due,
    };
  });
}

async function byCode(db: Db, code: string) {
  const row = await store.itemByCode(db, normaliseCode(code));
  if (!row) throw notFound(ITEM);
  return row;
}

export async function track(db: Db, code: string, settings: FeedbackSettings) {
  return presentPublic(db, await byCode(db, code), todayOf(settings), settings.reopenDays);
}

export async function reopen(db: Db, ctx: RequestContext, code: string, reason: string, s: FeedbackSettings) {
  const found = await byCode(db, code);
  const today = todayOf(s);
  await db.transaction().execute(async (trx) => {
    const i = (await store.lockItem(trx, found.id))!;
    const until = reopenUntil(i, s.reopenDays);
    if (!until)
      throw conflict({
        vi: 'Chỉ mở lại được phản ánh đã được trả lời hoặc đã đóng (không phải do chuyển cơ quan khác hay trùng).',
        en: 'Only an answered or closed item (not forwarded elsewhere, not a duplicate) can be reopened.',
      });
    if (today > until)
      throw conflict({
        vi: `Đã quá thời hạn mở lại (đến hết ngày ${until}). Hãy gửi một phản ánh mới.`,
        en: `The time to reopen has passed (until ${until}). Submit a new item.`,
      });
    const category = categoryOf(i.category);
    const due = category ? await dueDate(trx, category, today) : addDays(today, 15);
    const after = await store.updateItem(trx, i.id, {
      status: i.assigned_to ? 'in_progress' : 'received',
      close_reason: null,
      close_note: null,
      closed_at: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
      reopen_count: i.reopen_count + 1,
      received_on: today,
      due_on: due,
    });
    const hide = i.privacy === 'public' ? [] : [i.reporter_name];
    await store.insertEvent(trx, { item_id: i.id, kind: 'reopened', note: redact(reason, hide) });
    await recordAudit(trx, ctx, {
      action: 'feedback.reopen',
      entity: 'feedback_item',
      entityId: i.id,
      before: { status: i.status, closeReason: i.close_reason, dueOn: i.due_on, reopenCount: i.reopen_count },
      after: { status: after.status, closeReason: null, dueOn: due, reopenCount: after.reopen_count },
    });
  });
  return track(db, found.code, s);
}

export async function rate(
  db: Db,
  ctx: RequestContext,
  code: string,
  body: { rating: number; comment?: string },
  s: FeedbackSettings,
) {
  const found = await byCode(db, code);
  await db.transaction().execute(async (trx) => {
    const i = (await store.lockItem(trx, found.id))!;
    if (!i.answered_at || (i.status !== 'answered' && i.close_reason !== 'resolved'))
      throw conflict({
        vi: 'Chỉ đánh giá được khi đơn vị đã trả lời.',
        en: 'An item can be rated only once the unit has answered it.',
      });
    if (i.rated_at && i.rated_at >= i.answered_at)
      throw conflict({
        vi: 'Câu trả lời này đã được đánh giá. Nếu chưa hài lòng, hãy mở lại phản ánh.',
        en: 'This answer has been rated already. If you are not satisfied, reopen the item.',
      });
    const hide = i.privacy === 'public' ? [] : [i.reporter_name];
    const after = await store.updateItem(trx, i.id, {
      rating: body.rating,
      rating_comment: body.comment ? redact(body.comment, hide) : null,
      rated_at: new Date(),
    });
    await store.insertEvent(trx, { item_id: i.id, kind: 'rated', note: `${body.rating}/5` });
    await recordAudit(trx, ctx, {
      action: 'feedback.rate',
      entity: 'feedback_item',
      entityId: i.id,
      before: { rating: i.rating },
      after: { rating: after.rating },
    });
  });
  return track(db, found.code, s);
}
