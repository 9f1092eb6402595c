// Taking part in a consultation without signing in: votes per section and overall, comments (redacted before
// they are stored), the commune of residence in force on the vote date; pending until the code e-mailed to the
// address is confirmed. One participation per address per draft (see consultations.service.ts for the identity
// and its limit). The consultation row is locked for the short transaction, so two participations with one
// address cannot both pass the check; it also serialises the participations of one draft (a known throughput limit).
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError, badRequest, conflict, notFound, todayIso } from '../../platform/errors.ts';
import { sendEmail } from '../../platform/notify/email.ts';
import { redactCounted as redact } from '../../platform/formats/redact.ts';
import { isOpen } from './consultations.arithmetic.ts';
import { identityHash, legacyIdentityHash, normaliseEmail, sha256 } from './consultations.service.ts';
import { serverHashSecret } from '../../platform/secrets/hash-secret.ts';
import { consultationSettings, type ConsultationSettings } from './consultations.settings.ts';
import * as store from './consultations.store.ts';
import type { ParticipationBody } from './consultations.schemas.ts';

const dmy = (iso: string) => iso.split('-').reverse().join('/');
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
  options: { today?: string; mail?: Pick<Config, 'smtpUrl' | 'mailFrom'>; hashSecret?: string } = {},
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
    const hash = identityHash(options.hashSecret ?? serverHashSecret(), id, body.email);
    const previous = await store.findParticipant(trx, id, [hash, legacyIdentityHash(id, body.email)]);
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

/** Confirms with the e-mailed code, if it is less than `codeHours` old (`now` is for tests). */
export async function confirmParticipation(
  db: Db,
  ctx: RequestContext,
  code: string,
  options: { now?: Date; settings?: ConsultationSettings } = {},
) {
  const { codeHours } = options.settings ?? consultationSettings();
  const issuedSince = new Date((options.now ?? new Date()).getTime() - codeHours * 3600_000);
  return db.transaction().execute(async (trx) => {
    const confirmHash = sha256(code.trim());
    const row = await store.confirmParticipant(trx, confirmHash, issuedSince);
    if (!row && (await store.pendingByConfirmHash(trx, confirmHash)))
      throw new AppError(
        410,
        'confirmation-code-expired',
        { vi: 'Mã xác nhận đã hết hạn', en: 'Confirmation code expired' },
        {
          vi: `Mã xác nhận chỉ có hiệu lực ${codeHours} giờ kể từ khi gửi ý kiến và mã này đã hết hạn. Hãy gửi lại ý kiến (cùng địa chỉ thư điện tử) để nhận mã mới.`,
          en: `A confirmation code is valid for ${codeHours} hours after taking part, and this one has expired. Take part again (with the same e-mail address) to receive a new code.`,
        },
      );
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
