// Consultations: the drafting body opens one on a draft; people take part without signing in (votes and
// comments, with their commune of residence); a participation counts once the code e-mailed to its address is
// confirmed; the drafting body groups comments and publishes an answer to each group.
//
// Who is a participant: an e-mail address the person can read. One participation per address per draft
// (a hash of the draft's id and the normalised address, unique in the database). The limit, said plainly: a
// person with several addresses can take part several times; an address only proves that someone reads it.
// A stronger identity (VNeID, the national identification app) is outside this platform's reach.
import crypto from 'node:crypto';
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { requireGrantOver } from '../../platform/policy/policy.ts';
import { badRequest, conflict, notFound, todayIso, type Message } from '../../platform/errors.ts';
import { sendEmail } from '../../platform/notify/email.ts';
import { findUnitById } from '../../units/registry/registry.store.ts';
import { CONSULTATIONS } from './consultations.policy.ts';
import { redact } from './consultations.redact.ts';
import { isOpen } from './consultations.arithmetic.ts';
import * as store from './consultations.store.ts';
import type { z } from 'zod';
import type { AnswerBody, ConsultationBody, GroupBody, ParticipationBody } from './consultations.schemas.ts';

const MANAGE = CONSULTATIONS['channel.consultation.manage'];
const THE_CONSULTATION: Message = { vi: 'Đợt lấy ý kiến này', en: 'This consultation' };
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
/** Lower case, trimmed: addresses differing only in case are one person. (Gmail's dots are not folded: other providers differ.) */
export const normaliseEmail = (e: string) => e.trim().toLowerCase();
export const identityHash = (consultationId: number, email: string) =>
  sha256(`consultation:${consultationId}:${normaliseEmail(email)}`);

const dmy = (iso: string) => iso.split('-').reverse().join('/');

export function present(c: store.ConsultationRow, today = todayIso()) {
  return {
    id: c.id,
    title: c.title,
    kind: c.kind as 'plan' | 'regulation' | 'other',
    summary: c.summary,
    unit: { id: c.unit_id, code: c.unit_code, name: c.unit_name },
    opensOn: c.opens_on,
    closesOn: c.closes_on,
    open: isOpen(c, today),
    createdAt: c.created_at,
  };
}

export async function requireConsultation(db: Db, id: number) {
  const c = await store.findConsultation(db, id);
  if (!c) throw notFound({ vi: `đợt lấy ý kiến số ${id}`, en: `Consultation ${id}` });
  return c;
}

export async function createConsultation(db: Db, ctx: RequestContext, body: z.infer<typeof ConsultationBody>) {
  if (!(await findUnitById(db, body.unitId)))
    throw notFound({ vi: `đơn vị số ${body.unitId}`, en: `Unit ${body.unitId}` });
  await requireGrantOver(db, ctx, MANAGE, body.unitId, { vi: 'Cơ quan soạn thảo', en: 'The drafting body' });
  if (body.closesOn < body.opensOn)
    throw badRequest({
      vi: `Ngày kết thúc (${dmy(body.closesOn)}) phải từ ngày bắt đầu (${dmy(body.opensOn)}) trở đi.`,
      en: `The closing date (${body.closesOn}) must be on or after the opening date (${body.opensOn}).`,
    });
  const id = await db.transaction().execute(async (trx) => {
    const id = await store.insertConsultation(trx, {
      ...body,
      createdBy: ctx.user?.username ?? ctx.actorLabel,
    });
    await recordAudit(trx, ctx, {
      action: 'channel.consultation.create',
      entity: 'consultation',
      entityId: id,
      after: {
        title: body.title,
        kind: body.kind,
        unitId: body.unitId,
        opensOn: body.opensOn,
        closesOn: body.closesOn,
        sections: body.sections.map((s) => s.heading),
      },
    });
    return id;
  });
  return getConsultation(db, id);
}

export async function listConsultations(db: Db, today = todayIso()) {
  return { items: (await store.listConsultations(db)).map((c) => present(c, today)) };
}

export async function getConsultation(db: Db, id: number, today = todayIso()) {
  const c = await requireConsultation(db, id);
  const [sections, comments, groups] = await Promise.all([
    store.sectionsOf(db, id),
    store.publishedComments(db, id),
    store.groupsOf(db, id),
  ]);
  return {
    ...present(c, today),
    sections,
    comments: comments.map((m) => ({
      id: m.id,
      sectionId: m.section_id,
      text: m.body,
      residence: m.residence,
      groupId: m.group_id,
      createdAt: m.created_at,
    })),
    groups: groups.map((g) => ({
      id: g.id,
      sectionId: g.section_id,
      title: g.title,
      comments: g.comments ?? 0,
      answer: g.answer,
      answeredAt: g.answered_at,
    })),
  };
}

const closedProblem = (c: { opens_on: string; closes_on: string }, today: string) =>
  today < c.opens_on
    ? conflict({
        vi: `Đợt lấy ý kiến này bắt đầu từ ngày ${dmy(c.opens_on)}; hãy quay lại từ ngày đó.`,
        en: `This consultation opens on ${c.opens_on}; come back from that day.`,
      })
    : conflict({
        vi: `Đợt lấy ý kiến này đã kết thúc ngày ${dmy(c.closes_on)}; không nhận thêm ý kiến, biểu quyết. Bạn vẫn xem được kết quả và giải trình.`,
        en: `This consultation closed on ${c.closes_on}; it takes no more comments or votes. Its results and answers remain readable.`,
      });

/**
 * Takes part: votes (per section, overall) and comments, pending until the code sent to the address is
 * confirmed. Returns the answer and the code (the route never sends the code back: only the e-mail carries it).
 */
export async function participate(
  db: Db,
  ctx: RequestContext,
  id: number,
  body: z.infer<typeof ParticipationBody>,
  options: { today?: string; mail?: Pick<Config, 'smtpUrl' | 'mailFrom'> } = {},
) {
  const today = options.today ?? todayIso();
  const code = crypto.randomBytes(24).toString('base64url');
  const result = await db.transaction().execute(async (trx) => {
    const c = await store.lockConsultation(trx, id);
    if (!c) throw notFound({ vi: `đợt lấy ý kiến số ${id}`, en: `Consultation ${id}` });
    if (!isOpen(c, today)) throw closedProblem(c, today);
    if (!body.overall && body.votes.length === 0 && body.comments.length === 0)
      throw badRequest({
        vi: 'Hãy biểu quyết (chung hoặc từng phần) hoặc góp ý ít nhất một phần.',
        en: 'Vote (overall or on a section) or comment on at least one section.',
      });
    const sectionIds = new Set((await store.sectionsOf(trx, id)).map((s) => s.id));
    const foreign = [...body.votes, ...body.comments].map((v) => v.sectionId).filter((s) => !sectionIds.has(s));
    if (foreign.length)
      throw badRequest({
        vi: `Phần số ${foreign.join(', ')} không thuộc dự thảo này.`,
        en: `Section ${foreign.join(', ')} is not part of this draft.`,
      });
    const seen = new Set<number>();
    for (const v of body.votes) {
      if (seen.has(v.sectionId))
        throw badRequest({
          vi: `Mỗi phần chỉ biểu quyết một lần (phần số ${v.sectionId} có hai phiếu).`,
          en: `One vote per section (section ${v.sectionId} has two).`,
        });
      seen.add(v.sectionId);
    }
    const residence = await store.communeOn(trx, body.residenceCode, today);
    if (!residence || residence.province_id == null)
      throw badRequest({
        vi: `Không có xã, phường, đặc khu nào mã ${body.residenceCode} đang hiệu lực ngày ${dmy(today)}. Hãy dùng mã xã mới (sau sắp xếp) nơi bạn cư trú.`,
        en: `No commune with code ${body.residenceCode} is in force on ${today}. Use the (post-reorganisation) code of the commune you live in.`,
      });
    const hash = identityHash(id, body.email);
    const previous = await store.findParticipant(trx, id, hash);
    if (previous?.confirmed_at)
      throw conflict({
        vi: 'Địa chỉ thư điện tử này đã tham gia đợt lấy ý kiến này. Mỗi người chỉ biểu quyết một lần.',
        en: 'This e-mail address has already taken part in this consultation. Each person votes once.',
      });
    // An unconfirmed participation of the same address is replaced: someone else cannot block an address by
    // using it first, since only its owner can confirm.
    if (previous) await store.deleteParticipant(trx, previous.id);
    const comments = body.comments.map((m) => {
      const r = redact(m.text);
      return { sectionId: m.sectionId, body: r.text, redactions: r.count };
    });
    const participantId = await store.insertParticipation(trx, {
      consultationId: id,
      identityHash: hash,
      confirmHash: sha256(code),
      residenceUnitId: residence.id,
      residenceProvinceId: residence.province_id,
      votedOn: today,
      overall: body.overall ?? null,
      votes: body.votes,
      comments,
    });
    // The audit row holds no address: the hash's first characters tell two participations apart.
    await recordAudit(trx, ctx, {
      action: 'channel.consultation.participate',
      entity: 'consultation_participant',
      entityId: participantId,
      before: previous ? { replacedPendingParticipant: previous.id } : undefined,
      after: {
        consultationId: id,
        identity: hash.slice(0, 12),
        residence: residence.code,
        overall: body.overall ?? null,
        votes: body.votes.length,
        comments: comments.length,
        redactions: comments.reduce((s, m) => s + m.redactions, 0),
      },
    });
    return { participantId, consultationId: c.id };
  });
  const sent = options.mail
    ? await sendEmail(options.mail, {
        to: normaliseEmail(body.email),
        subject: 'Xác nhận ý kiến góp ý / Confirm your participation',
        text: [
          `Mã xác nhận ý kiến của bạn (đợt lấy ý kiến số ${id}): ${code}`,
          'Ý kiến và biểu quyết chỉ được tính khi bạn xác nhận mã này.',
          '',
          `Your confirmation code (consultation ${id}): ${code}`,
          'Your comments and votes count only once you confirm this code.',
        ].join('\n'),
      })
    : { status: 'disabled' as const };
  return {
    answer: {
      id: result.participantId,
      status: 'pending' as const,
      email: sent.status,
      message:
        sent.status === 'sent'
          ? {
              vi: 'Đã gửi mã xác nhận đến thư điện tử của bạn. Ý kiến được tính khi bạn xác nhận.',
              en: 'A confirmation code was sent to your e-mail. Your participation counts once you confirm it.',
            }
          : {
              vi: 'Chưa gửi được thư xác nhận. Ý kiến của bạn được lưu nhưng chỉ được tính khi xác nhận; hãy thử lại sau.',
              en: 'The confirmation e-mail could not be sent. Your participation is kept but counts only once confirmed; try again later.',
            },
    },
    code,
  };
}

export async function confirmParticipation(db: Db, ctx: RequestContext, code: string) {
  return db.transaction().execute(async (trx) => {
    const row = await store.confirmParticipant(trx, sha256(code.trim()));
    if (!row)
      throw notFound({
        vi: 'mã xác nhận này (mã sai, hoặc đã được dùng)',
        en: 'This confirmation code (wrong, or already used)',
      });
    await recordAudit(trx, ctx, {
      action: 'channel.consultation.confirm',
      entity: 'consultation_participant',
      entityId: row.id,
      before: { confirmed: false },
      after: { confirmed: true, consultationId: row.consultation_id, votedOn: row.voted_on },
    });
    return { id: row.id, consultationId: row.consultation_id, confirmed: true as const };
  });
}

export async function groupComments(db: Db, ctx: RequestContext, id: number, body: z.infer<typeof GroupBody>) {
  const c = await requireConsultation(db, id);
  await requireGrantOver(db, ctx, MANAGE, c.unit_id, THE_CONSULTATION);
  if (body.sectionId !== null && !(await store.sectionsOf(db, id)).some((s) => s.id === body.sectionId))
    throw badRequest({
      vi: `Phần số ${body.sectionId} không thuộc dự thảo này.`,
      en: `Section ${body.sectionId} is not part of this draft.`,
    });
  return db.transaction().execute(async (trx) => {
    await store.lockConsultation(trx, id);
    const g = await store.insertGroup(trx, { consultationId: id, sectionId: body.sectionId, title: body.title });
    const moved = await store.assignComments(trx, id, g.id, body.sectionId, body.commentIds);
    const missing = body.commentIds.filter((x) => !moved.some((m) => m.id === x));
    if (missing.length)
      throw badRequest({
        vi: `Ý kiến số ${missing.join(', ')} không thuộc ${body.sectionId ? 'phần này của ' : ''}dự thảo này (hoặc chưa được xác nhận).`,
        en: `Comment ${missing.join(', ')} is not a published comment of this ${body.sectionId ? 'section of this ' : ''}draft.`,
      });
    await recordAudit(trx, ctx, {
      action: 'channel.consultation.group',
      entity: 'consultation_group',
      entityId: g.id,
      after: {
        consultationId: id,
        sectionId: body.sectionId,
        title: body.title,
        comments: moved.map((m) => ({ id: m.id, fromGroup: m.group_id })),
      },
    });
    return {
      id: g.id,
      sectionId: g.section_id,
      title: g.title,
      comments: moved.length,
      answer: g.answer,
      answeredAt: g.answered_at,
    };
  });
}

export async function answerGroup(
  db: Db,
  ctx: RequestContext,
  id: number,
  groupId: number,
  body: z.infer<typeof AnswerBody>,
) {
  const c = await requireConsultation(db, id);
  await requireGrantOver(db, ctx, MANAGE, c.unit_id, THE_CONSULTATION);
  return db.transaction().execute(async (trx) => {
    const g = await store.lockGroup(trx, id, groupId);
    if (!g)
      throw notFound({
        vi: `nhóm ý kiến số ${groupId} của đợt này`,
        en: `Comment group ${groupId} of this consultation`,
      });
    const after = await store.setAnswer(trx, groupId, body.answer, ctx.user?.username ?? ctx.actorLabel);
    await recordAudit(trx, ctx, {
      action: 'channel.consultation.answer',
      entity: 'consultation_group',
      entityId: groupId,
      before: { answer: g.answer, answeredBy: g.answered_by },
      after: { answer: body.answer, answeredBy: ctx.user?.username ?? ctx.actorLabel },
    });
    const counts = (await store.groupsOf(trx, id)).find((x) => x.id === groupId);
    return {
      id: after.id,
      sectionId: after.section_id,
      title: after.title,
      comments: counts?.comments ?? 0,
      answer: after.answer,
      answeredAt: after.answered_at,
    };
  });
}
