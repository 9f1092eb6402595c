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
import { recordAudit } from '../../platform/audit/record.ts';
import { keyedHash } from '../../platform/secrets/hash-secret.ts';
import { requireGrantOver } from '../../platform/policy/policy.ts';
import { badRequest, notFound, todayIso, type Message } from '../../platform/errors.ts';
import { findUnitById } from '../../units/registry/registry.store.ts';
import { CONSULTATIONS } from './consultations.policy.ts';
import { isOpen } from './consultations.arithmetic.ts';
import * as store from './consultations.store.ts';
import type { z } from 'zod';
import type { AnswerBody, ConsultationBody, GroupBody } from './consultations.schemas.ts';

const MANAGE = CONSULTATIONS['channel.consultation.manage'];
const THE_CONSULTATION: Message = { vi: 'Đợt lấy ý kiến này', en: 'This consultation' };
export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
/** Lower case, trimmed: addresses differing only in case are one person. (Gmail's dots are not folded: other providers differ.) */
export const normaliseEmail = (e: string) => e.trim().toLowerCase();
/**
 * The participant's identity as stored: an HMAC under the server secret (platform/secrets), so the table cannot be
 * matched against a list of addresses by someone who reads it.
 */
export const identityHash = (secret: string, consultationId: number, email: string) =>
  keyedHash(secret, 'consultation', `${consultationId}:${normaliseEmail(email)}`);
/** The unkeyed hash rows written before the secret were stored under; still matched so one address stays one vote. */
export const legacyIdentityHash = (consultationId: number, email: string) =>
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
