// The minutes of a counted handover: generated from the lines, stored byte for byte with the SHA-256 of
// the document and of its line list, then signed by each side (a signature names the document's hash,
// so nobody signs a document they did not read). `verify` tells whether a file is signed minutes.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { checkRole } from '../../platform/policy/policy.ts';
import { conflict, notFound, todayIso } from '../../platform/errors.ts';
import { requireUser } from '../../accounts/sessions/sessions.access.ts';
import { HANDOVER } from '../handover.policy.ts';
import { HANDOVER_WORD, handoverOr404, requireAnyOf } from '../handover.access.ts';
import { presentLine } from '../inventory/inventory.present.ts';
import { linesOf } from '../inventory/inventory.store.ts';
import { legalBasisOf, receiversOf, setState } from '../workflow/workflow.store.ts';
import { findUnitById } from '../../units/registry/registry.store.ts';
import { minutesDocx } from './minutes.docx.ts';
import { linesSha256, sha256 } from './minutes.hash.ts';
import { presentMinutes } from './minutes.present.ts';
import * as store from './minutes.store.ts';

const who = (ctx: RequestContext) => {
  const u = requireUser(ctx);
  return { id: u?.id ?? null, label: u?.username ?? ctx.actorLabel };
};

export async function makeMinutes(db: Db, ctx: RequestContext, id: number, date = todayIso()) {
  return db.transaction().execute(async (trx) => {
    const h = await handoverOr404(trx, id, true);
    const receivers = await receiversOf(trx, h.id);
    await requireAnyOf(
      trx,
      ctx,
      HANDOVER['handover.minutes'],
      [h.from_unit_id, ...receivers.map((r) => r.id)],
      HANDOVER_WORD(h.id),
    );
    if (h.state !== 'counted')
      throw conflict({
        vi: `Bàn giao số ${h.id} đang ở trạng thái ${h.state}: biên bản chỉ lập được khi bên nhận đã kiểm đếm mọi dòng.`,
        en: `Handover ${h.id} is ${h.state}: the minutes are drawn up once the receiving side has counted every line.`,
      });
    const existing = await store.findMinutes(trx, h.id, h.version, true);
    if (existing && (existing.from_signed_at || existing.to_signed_at))
      throw conflict({
        vi: `Biên bản phiên bản ${h.version} của bàn giao số ${h.id} đã có chữ ký: không lập lại được. Muốn sửa, hãy mở phiên bản đính chính sau khi ký xong.`,
        en: `Version ${h.version} of handover ${h.id}'s minutes is already signed: it cannot be redrawn. To change it, open a correcting version once signed.`,
      });
    const lines = (await linesOf(trx, h.id)).map((l) => presentLine(l));
    const province = h.province_unit_id ? await findUnitById(trx, h.province_unit_id) : undefined;
    const number = `${h.id}-${h.version}/BB-BG`;
    const linesHash = linesSha256(lines);
    const document = await minutesDocx({
      number,
      date,
      place: province?.name ?? h.from_name,
      fromName: h.from_full_name,
      effectiveDate: h.effective_date,
      legalBasis: await legalBasisOf(trx, h.id),
      version: h.version,
      receivers: receivers.map((r) => ({ id: r.id, name: r.name })),
      lines,
      linesSha256: linesHash,
    });
    const outstanding = lines.filter((l) => l.countState !== 'received').length;
    const saved = await store.saveMinutes(trx, {
      handoverId: h.id,
      version: h.version,
      number,
      document,
      documentSha256: sha256(document),
      linesSha256: linesHash,
      lineCount: lines.length,
      outstanding,
      createdBy: who(ctx).id,
    });
    const out = presentMinutes(saved);
    await recordAudit(trx, ctx, {
      action: 'handover.minutes.create',
      entity: 'handover_minutes',
      entityId: saved.id,
      after: out,
    });
    return out;
  });
}

export async function sign(
  db: Db,
  ctx: RequestContext,
  id: number,
  body: { side: 'from' | 'to'; documentSha256: string },
) {
  return db.transaction().execute(async (trx) => {
    const h = await handoverOr404(trx, id, true);
    const receivers = await receiversOf(trx, h.id);
    const sideUnits = body.side === 'from' ? [h.from_unit_id] : receivers.map((r) => r.id);
    await requireAnyOf(trx, ctx, HANDOVER['handover.minutes'], sideUnits, {
      vi: body.side === 'from' ? `Bên giao của bàn giao số ${h.id}` : `Bên nhận của bàn giao số ${h.id}`,
      en: body.side === 'from' ? `The handing-over side of handover ${h.id}` : `The receiving side of handover ${h.id}`,
    });
    const m = h.state === 'counted' ? await store.findMinutes(trx, h.id, h.version, true) : undefined;
    if (!m)
      throw conflict({
        vi: `Bàn giao số ${h.id} chưa có biên bản chờ ký (trạng thái ${h.state}).`,
        en: `Handover ${h.id} has no minutes awaiting signature (state ${h.state}).`,
      });
    if (m.document_sha256 !== body.documentSha256)
      throw conflict({
        vi: `Biên bản đang chờ ký có mã SHA-256 ${m.document_sha256}, khác với tệp bạn đã đọc: hãy tải lại biên bản, đọc và ký đúng tệp đó.`,
        en: `The minutes awaiting signature have SHA-256 ${m.document_sha256}, not the file you read: download them again, read and sign that file.`,
      });
    const by = who(ctx);
    if ((body.side === 'from' ? m.from_signed_at : m.to_signed_at) !== null)
      throw conflict({ vi: 'Bên này đã ký biên bản.', en: 'This side has already signed the minutes.' });
    const other = body.side === 'from' ? m.to_signed_by : m.from_signed_by;
    if (by.id !== null && other === by.id)
      throw conflict({
        vi: 'Bạn đã ký cho bên kia: hai chữ ký của biên bản phải là của hai người khác nhau.',
        en: 'You signed for the other side: the two signatures of the minutes must be two different people.',
      });
    await store.signSide(trx, m.id, body.side, by);
    const after = (await store.findMinutes(trx, h.id, h.version))!;
    const both = after.from_signed_at !== null && after.to_signed_at !== null;
    if (both) await setState(trx, h.id, { state: 'signed' });
    await recordAudit(trx, ctx, {
      action: 'handover.minutes.sign',
      entity: 'handover_minutes',
      entityId: m.id,
      before: presentMinutes(m),
      after: { ...presentMinutes(after), handoverState: both ? 'signed' : h.state },
    });
    return { ...presentMinutes(after), handoverState: both ? ('signed' as const) : h.state };
  });
}

/** The stored document of a version (the latest when none is named). */
export async function minutesFile(db: Db, ctx: RequestContext, id: number, version?: number) {
  const h = await handoverOr404(db, id);
  const receivers = await receiversOf(db, h.id);
  await requireAnyOf(
    db,
    ctx,
    HANDOVER['handover.read'],
    [h.from_unit_id, h.province_unit_id, ...receivers.map((r) => r.id)],
    HANDOVER_WORD(h.id),
  );
  const v = version ?? (await store.listMinutes(db, h.id)).at(-1)?.version;
  const doc = v ? await store.minutesDocument(db, h.id, v) : undefined;
  if (!doc)
    throw notFound({
      vi: `biên bản${version ? ` phiên bản ${version}` : ''} của bàn giao số ${h.id}`,
      en: `the minutes${version ? ` version ${version}` : ''} of handover ${h.id}`,
    });
  return {
    content: Buffer.from(doc.document),
    sha256: doc.document_sha256,
    fileName: `bien-ban-ban-giao-${h.id}-v${v}.docx`,
  };
}

/** Is a file (by its SHA-256) the minutes of a handover, signed by both, and still the current version? */
export async function verify(db: Db, ctx: RequestContext, documentSha256: string) {
  checkRole(ctx, HANDOVER['handover.verify']);
  const m = await store.findBySha(db, documentSha256);
  if (!m)
    return {
      match: false,
      documentSha256,
      handoverId: null,
      fromUnit: null,
      version: null,
      number: null,
      signedByBoth: false,
      superseded: false,
      linesUnchanged: false,
    };
  const current = linesSha256((await linesOf(db, m.handover_id)).map((l) => presentLine(l)));
  return {
    match: true,
    documentSha256,
    handoverId: m.handover_id,
    fromUnit: m.from_name,
    version: m.version,
    number: m.number,
    signedByBoth: m.from_signed_at !== null && m.to_signed_at !== null,
    superseded: m.latest_version > m.version,
    linesUnchanged: current === m.lines_sha256,
  };
}
