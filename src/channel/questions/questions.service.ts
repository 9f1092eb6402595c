// The standing office's questions: ask (to the central office or the asking unit's province office, due in
// DEFAULT_DUE_WORKING_DAYS working days unless a later day is given), draft, review by a different officer
// (accept → answered, return with a reason → open again), publish to the FAQ (redacted), list in scope.
// Each mutation is one transaction with its audit record. Refusals check access before the question's state, so
// an officer out of scope learns nothing about it.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { badRequest, conflict, forbidden, notFound, todayIso } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { grantUnits, requireGrantOver, unitWithinAny } from '../../platform/policy/policy.ts';
import { workingDayAfter } from '../../platform/calendar/holidays.store.ts';
import { redact } from '../../platform/formats/redact.ts';
import { foldVietnamese } from '../../units/vn/vn-text.ts';
import { QUESTIONS } from './questions.policy.ts';
import * as store from './questions.store.ts';
import type { z } from 'zod';
import type { AskBody, ListQuery, Question } from './questions.schemas.ts';

/** Working days an office has to answer when the asker sets no due date (a working rule, not a legal one). */
export const DEFAULT_DUE_WORKING_DAYS = 10;
const QUESTION = { vi: 'câu hỏi', en: 'The question' };
const OFFICE = { vi: 'Cơ quan thường trực nhận câu hỏi này', en: 'The standing office this question is for' };

export interface Clock {
  today?: () => string;
}
const todayOf = (c: Clock) => (c.today ? c.today() : todayIso());
const fold = (...parts: (string | null)[]) => foldVietnamese(parts.filter(Boolean).join(' '));
const words = (q: string) => [...new Set(fold(q).split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length >= 2).slice(0, 12);

async function present(db: Db, r: store.QuestionRow, today: string): Promise<z.infer<typeof Question>> {
  const [o, a] = await Promise.all([store.unitById(db, r.office_unit_id), store.unitById(db, r.asker_unit_id)]);
  return {
    id: Number(r.id),
    office: { code: o.code, name: o.name },
    asker: { code: a.code, name: a.name },
    subject: r.subject,
    body: r.body,
    status: r.status as 'open',
    askedOn: r.asked_on,
    dueOn: r.due_on,
    overdue: r.status !== 'answered' && r.due_on < today,
    answer: r.answer,
    draftedBy: r.drafted_by === null ? null : Number(r.drafted_by),
    returnReason: r.return_reason,
    reviewedBy: r.reviewed_by === null ? null : Number(r.reviewed_by),
    answeredOn: r.answered_on,
    published: r.published_at !== null,
  };
}

/** The office a question goes to: the country's for 'central', else a province that holds the asking unit. */
async function officeFor(db: Db, office: string, asker: { id: number; level: number }, today: string) {
  const code = office.toLowerCase() === 'central' ? 'VN' : office;
  const o = await store.unitByCode(db, code, today);
  if (!o || o.level > 1)
    throw badRequest({
      vi: `"${office}" không phải cơ quan thường trực: dùng "central" (trung ương) hoặc mã tỉnh của đơn vị hỏi.`,
      en: `"${office}" is not a standing office: use "central" or the asking unit's province code.`,
    });
  if (o.level === 1 && !(await unitWithinAny(db, asker.id, [o.id])))
    throw badRequest({
      vi: `Đơn vị hỏi không thuộc tỉnh ${o.name}: hỏi Thường trực tỉnh của mình hoặc trung ương.`,
      en: `The asking unit is not in ${o.name}: ask your own province's office or the central one.`,
    });
  return o;
}

export async function ask(db: Db, ctx: RequestContext, b: z.infer<typeof AskBody>, clock: Clock = {}) {
  const today = todayOf(clock);
  const asker = await store.unitByCode(db, b.askerUnitCode, today);
  if (!asker) throw notFound({ vi: `đơn vị mã ${b.askerUnitCode}`, en: `The unit ${b.askerUnitCode}` });
  await requireGrantOver(db, ctx, QUESTIONS['questions.ask'], asker.id, { vi: 'Đơn vị hỏi', en: 'The asking unit' });
  const office = await officeFor(db, b.office, asker, today);
  if (b.dueOn && b.dueOn <= today)
    throw badRequest({
      vi: `Hạn trả lời ${b.dueOn} phải sau hôm nay (${today}).`,
      en: `The due date ${b.dueOn} must be after today (${today}).`,
    });
  const dueOn = b.dueOn ?? (await workingDayAfter(db, today, DEFAULT_DUE_WORKING_DAYS));
  return db.transaction().execute(async (trx) => {
    const row = await store.insertQuestion(trx, {
      office_unit_id: office.id,
      asker_unit_id: asker.id,
      asked_by: ctx.user?.id ?? null,
      subject: b.subject,
      body: b.body,
      asked_on: today,
      due_on: dueOn,
      search_folded: fold(b.subject, b.body),
    });
    const after = await present(trx, row, today);
    await recordAudit(trx, ctx, { action: 'questions.ask', entity: 'office_question', entityId: row.id, after });
    return after;
  });
}

async function loadFor(db: Db, ctx: RequestContext, id: number, rule: keyof typeof QUESTIONS) {
  const r = await store.lockQuestion(db, id);
  if (!r) throw notFound(QUESTION);
  await requireGrantOver(db, ctx, QUESTIONS[rule], r.office_unit_id, OFFICE);
  return r;
}

export async function get(db: Db, ctx: RequestContext, id: number, clock: Clock = {}) {
  const r = await store.questionById(db, id);
  if (!r) throw notFound(QUESTION);
  const rule = QUESTIONS['questions.read'];
  try {
    await requireGrantOver(db, ctx, rule, r.asker_unit_id);
  } catch {
    await requireGrantOver(db, ctx, rule, r.office_unit_id, QUESTION);
  }
  return present(db, r, todayOf(clock));
}

export async function draft(db: Db, ctx: RequestContext, id: number, answer: string, clock: Clock = {}) {
  const today = todayOf(clock);
  return db.transaction().execute(async (trx) => {
    const r = await loadFor(trx, ctx, id, 'questions.answer');
    if (r.status !== 'open')
      throw conflict({
        vi: 'Câu hỏi đã có câu trả lời đang chờ duyệt hoặc đã được trả lời; không soạn lại được.',
        en: 'The question already has an answer under review or accepted; it cannot be drafted again.',
      });
    if (!ctx.user)
      throw badRequest({
        vi: 'Chỉ cán bộ đã đăng nhập mới soạn được câu trả lời (người duyệt phải là người khác).',
        en: 'Only a signed-in officer can draft an answer (the reviewer must be someone else).',
      });
    const before = await present(trx, r, today);
    const row = await store.updateQuestion(trx, id, { status: 'in_review', answer, drafted_by: ctx.user.id });
    const after = await present(trx, row, today);
    await recordAudit(trx, ctx, { action: 'questions.draft', entity: 'office_question', entityId: id, before, after });
    return after;
  });
}

export async function review(
  db: Db,
  ctx: RequestContext,
  id: number,
  d: { decision: 'accept' | 'return'; reason?: string },
  clock: Clock = {},
) {
  const today = todayOf(clock);
  return db.transaction().execute(async (trx) => {
    const r = await loadFor(trx, ctx, id, 'questions.answer');
    if (ctx.user && r.drafted_by !== null && Number(r.drafted_by) === ctx.user.id)
      throw forbidden({
        vi: 'Không ai tự duyệt câu trả lời mình soạn: nhờ một cán bộ khác của cơ quan thường trực duyệt.',
        en: 'Nobody reviews their own answer: ask another officer of the standing office to review it.',
      });
    if (r.status !== 'in_review')
      throw conflict({
        vi: 'Câu hỏi không có câu trả lời đang chờ duyệt.',
        en: 'The question has no answer waiting for review.',
      });
    if (d.decision === 'return' && !d.reason)
      throw badRequest({
        vi: 'Trả lại câu trả lời cần nêu lý do để người soạn sửa.',
        en: 'Returning an answer needs a reason the drafter can act on.',
      });
    const before = await present(trx, r, today);
    const row = await store.updateQuestion(
      trx,
      id,
      d.decision === 'accept'
        ? { status: 'answered', reviewed_by: ctx.user?.id ?? null, answered_on: today, return_reason: null }
        : { status: 'open', return_reason: d.reason!, reviewed_by: ctx.user?.id ?? null },
    );
    const after = await present(trx, row, today);
    // Spelt out, so that the audit-action check finds both actions in the text.
    if (d.decision === 'accept')
      await recordAudit(trx, ctx, {
        action: 'questions.accept',
        entity: 'office_question',
        entityId: id,
        before,
        after,
      });
    else
      await recordAudit(trx, ctx, {
        action: 'questions.return',
        entity: 'office_question',
        entityId: id,
        before,
        after,
      });
    return after;
  });
}

export async function publish(db: Db, ctx: RequestContext, id: number, clock: Clock = {}) {
  const today = todayOf(clock);
  return db.transaction().execute(async (trx) => {
    const r = await loadFor(trx, ctx, id, 'questions.answer');
    if (r.status !== 'answered' || r.published_at !== null)
      throw conflict({
        vi: 'Chỉ công bố được câu trả lời đã được duyệt và chưa công bố.',
        en: 'Only an accepted answer not yet published can be published.',
      });
    const before = await present(trx, r, today);
    const pub = { subject: redact(r.subject), body: redact(r.body), answer: redact(r.answer ?? '') };
    const row = await store.updateQuestion(trx, id, {
      published_at: new Date(),
      public_subject: pub.subject,
      public_body: pub.body,
      public_answer: pub.answer,
      search_folded: fold(pub.subject, pub.body, pub.answer),
    });
    const after = await present(trx, row, today);
    await recordAudit(trx, ctx, {
      action: 'questions.publish',
      entity: 'office_question',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Questions in the caller's scope (asked by or sent to units their grants cover); the CLI sees all. */
export async function list(db: Db, ctx: RequestContext, q: z.infer<typeof ListQuery>, clock: Clock = {}) {
  const today = todayOf(clock);
  const unitIds = ctx.user ? await store.subtreeOf(db, grantUnits(ctx, QUESTIONS['questions.read'])) : null;
  let officeId: number | undefined;
  if (q.office) {
    const o = await store.unitByCode(db, q.office.toLowerCase() === 'central' ? 'VN' : q.office, today);
    if (!o || o.level > 1)
      throw badRequest({
        vi: `"${q.office}" không phải cơ quan thường trực: dùng "central" hoặc mã tỉnh.`,
        en: `"${q.office}" is not a standing office: use "central" or a province code.`,
      });
    officeId = o.id;
  }
  const rows = await store.list(db, {
    unitIds,
    officeId,
    overdueOn: q.overdue === 'true' ? today : undefined,
    limit: q.limit,
  });
  return {
    today,
    items: rows.map((r) => ({
      id: Number(r.id),
      office: { code: r.office_code, name: r.office_name },
      asker: { code: r.asker_code, name: r.asker_name },
      subject: r.subject,
      status: r.status,
      askedOn: r.asked_on,
      dueOn: r.due_on,
      overdue: r.status !== 'answered' && r.due_on < today,
      published: r.published_at !== null,
    })),
  };
}

const faqItem = (r: store.PublishedRow & { score?: number }) => ({
  id: Number(r.id),
  office: { code: r.office_code, name: r.office_name },
  subject: r.public_subject ?? '',
  body: r.public_body ?? '',
  answer: r.public_answer ?? '',
  answeredOn: r.answered_on,
  ...(r.score === undefined ? {} : { score: Math.round(Number(r.score) * 1000) / 1000 }),
});

/** The public FAQ: published questions holding every word of `q`, with or without accents. */
export async function faq(db: Db, q: string, limit: number) {
  return { items: (await store.faq(db, words(q), limit)).map(faqItem) };
}

/** Published questions like the one about to be sent (trigram word similarity on the folded text). */
export async function similar(db: Db, q: string, limit: number) {
  const text = fold(q).trim();
  if (text.length < 3) return { items: [] };
  return { items: (await store.similar(db, text, 0.3, limit)).map(faqItem) };
}
