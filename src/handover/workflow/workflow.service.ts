// The handover's workflow: draft → submitted (by the handing-over side) → counted line by line (by the
// receiving side, never by the person who submitted) → signed (minutes signed by both sides, see
// minutes/) → closed (by the overseeing province). Outstanding lines are computed from the counts.
// A correction after signing opens a new version: a draft again, counted again, with new minutes.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, conflict, forbidden, notFound, todayIso } from '../../platform/errors.ts';

/** Months after which an idle former headquarters is warned about, unless the caller names another figure. */
export const IDLE_MONTHS = 12;
import { grantUnits, checkRole } from '../../platform/policy/policy.ts';
import { requireUser } from '../../accounts/sessions/sessions.access.ts';
import { HANDOVER } from '../handover.policy.ts';
import { HANDOVER_WORD, handoverOr404, requireAnyOf } from '../handover.access.ts';
import { requireDraft } from '../inventory/inventory.service.ts';
import { presentLine } from '../inventory/inventory.present.ts';
import * as lines from '../inventory/inventory.store.ts';
import { listMinutes } from '../minutes/minutes.store.ts';
import { presentMinutes } from '../minutes/minutes.present.ts';
import * as store from './workflow.store.ts';

const who = (ctx: RequestContext) => {
  const u = requireUser(ctx);
  return { id: u?.id ?? null, label: u?.username ?? ctx.actorLabel };
};

export async function getHandover(db: Db, ctx: RequestContext, id: number) {
  const h = await handoverOr404(db, id);
  const receivers = await store.receiversOf(db, h.id);
  await requireAnyOf(
    db,
    ctx,
    HANDOVER['handover.read'],
    [h.from_unit_id, h.province_unit_id, ...receivers.map((r) => r.id)],
    HANDOVER_WORD(h.id),
  );
  // Clearance for a secret record's content: a writer on either side (or the province), not a mere reader.
  const cleared = await onAnySide(db, ctx, h, receivers);
  const rows = await lines.linesOf(db, h.id);
  const o = await store.outstandingOf(db, h.id);
  const minutes = await listMinutes(db, h.id);
  return {
    id: h.id,
    fromUnit: { id: h.from_unit_id, code: h.from_code, name: h.from_full_name, level: h.level },
    effectiveDate: h.effective_date,
    provinceUnitId: h.province_unit_id,
    state: h.state,
    version: h.version,
    lines: o.lines,
    outstanding: o.pending + o.missing + o.damaged + o.disputed,
    receivers: receivers.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      level: r.level,
      role: r.role,
      linkKind: r.link_kind,
    })),
    lineList: rows.map((r) => presentLine(r, cleared)),
    outstandingByState: {
      total: o.pending + o.missing + o.damaged + o.disputed,
      pending: o.pending,
      missing: o.missing,
      damaged: o.damaged,
      disputed: o.disputed,
    },
    submittedBy: h.submitted_label,
    minutes: minutes.map(presentMinutes),
  };
}

async function onAnySide(db: Db, ctx: RequestContext, h: store.HandoverRow, receivers: { id: number }[]) {
  try {
    await requireAnyOf(
      db,
      ctx,
      HANDOVER['handover.edit'],
      [h.from_unit_id, h.province_unit_id, ...receivers.map((r) => r.id)],
      HANDOVER_WORD(h.id),
    );
    return true;
  } catch {
    return false;
  }
}

/** The units of the caller's grants (null: no limit, for the CLI and central roles at the country). */
function scopeOf(ctx: RequestContext): number[] | null {
  checkRole(ctx, HANDOVER['handover.read']);
  if (!ctx.user) return null;
  return grantUnits(ctx, HANDOVER['handover.read']);
}

async function provinceFilter(db: Db, code: string | undefined) {
  if (!code) return undefined;
  const p = await store.provinceByCode(db, code);
  if (!p)
    throw notFound({ vi: `tỉnh, thành phố mã ${code} đang hiệu lực`, en: `a province with code ${code} in force` });
  return p.id;
}

export async function listHandovers(
  db: Db,
  ctx: RequestContext,
  q: { province?: string; state?: string; level?: number; q?: string; limit: number; offset: number },
) {
  const rows = await store.listHandovers(db, {
    scope: scopeOf(ctx),
    provinceId: await provinceFilter(db, q.province),
    state: q.state,
    level: q.level,
    name: q.q,
    limit: q.limit,
    offset: q.offset,
  });
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      fromUnit: { id: r.from_unit_id, code: r.code, name: r.name, level: r.level },
      effectiveDate: r.effective_date,
      provinceUnitId: r.province_unit_id,
      state: r.state,
      version: r.version,
      lines: r.lines,
      outstanding: r.outstanding,
    })),
  };
}

export async function handoverStatus(
  db: Db,
  ctx: RequestContext,
  q: { province?: string; idleMonths?: number; asOf?: string },
) {
  const scope = scopeOf(ctx);
  const provinceId = await provinceFilter(db, q.province);
  const rows = await store.statusCounts(db, { scope, provinceId });
  const idle = { months: q.idleMonths ?? IDLE_MONTHS, asOf: q.asOf ?? todayIso() };
  const idleCount = await store.idleHeadquarters(db, { scope, provinceId, ...idle });
  const sum = (k: 'handovers' | 'lines' | 'outstanding') => rows.reduce((s, r) => s + r[k], 0);
  return {
    province: q.province ?? null,
    handovers: sum('handovers'),
    lines: sum('lines'),
    outstanding: sum('outstanding'),
    idleHeadquarters: { ...idle, count: idleCount },
    rows,
  };
}

export async function submit(db: Db, ctx: RequestContext, id: number) {
  return db.transaction().execute(async (trx) => {
    const h = await handoverOr404(trx, id, true);
    await requireAnyOf(trx, ctx, HANDOVER['handover.edit'], [h.from_unit_id], HANDOVER_WORD(h.id));
    requireDraft(h);
    const o = await store.outstandingOf(trx, h.id);
    if (o.lines === 0)
      throw badRequest({
        vi: `Bàn giao số ${h.id} chưa có dòng nào: hãy lập danh mục (hồ sơ, con dấu, tài sản, việc đang giải quyết, tài khoản) trước khi gửi.`,
        en: `Handover ${h.id} has no line: draw up the inventory (records, seals, assets, unfinished business, accounts) before submitting.`,
      });
    const by = who(ctx);
    const after = await store.setState(trx, h.id, {
      state: 'submitted',
      submitted_by: by.id,
      submitted_label: by.label,
      submitted_at: new Date(),
    });
    await recordAudit(trx, ctx, {
      action: 'handover.submit',
      entity: 'handover',
      entityId: h.id,
      before: { state: h.state },
      after: { state: after.state, lines: o.lines, submittedBy: by.label },
    });
    return { id: h.id, state: after.state, lines: o.lines };
  });
}

export async function countLine(
  db: Db,
  ctx: RequestContext,
  id: number,
  lineId: number,
  body: { state: 'received' | 'missing' | 'damaged' | 'disputed'; note?: string },
) {
  return db.transaction().execute(async (trx) => {
    const h = await handoverOr404(trx, id, true);
    const line = await lines.findLine(trx, h.id, lineId, true);
    if (!line)
      throw notFound({ vi: `dòng ${lineId} của bàn giao số ${h.id}`, en: `line ${lineId} of handover ${h.id}` });
    // The line's receiver counts it: the archive's lines the province, a commune's files the commune.
    await requireAnyOf(trx, ctx, HANDOVER['handover.count'], [line.receiver_unit_id], {
      vi: `Bên nhận dòng ${line.id}`,
      en: `The receiver of line ${line.id}`,
    });
    const by = who(ctx);
    if (by.id !== null && by.id === h.submitted_by)
      throw forbidden({
        vi: `Bạn đã gửi bàn giao số ${h.id}: không ai tự kiểm đếm bàn giao của mình. Người của bên nhận phải kiểm đếm.`,
        en: `You submitted handover ${h.id}: nobody counts their own handover. Someone of the receiving side must count it.`,
      });
    if (h.state !== 'submitted' && h.state !== 'counted')
      throw conflict({
        vi: `Bàn giao số ${h.id} đang ở trạng thái ${h.state}: chỉ kiểm đếm sau khi bên giao gửi và trước khi lập biên bản.`,
        en: `Handover ${h.id} is ${h.state}: lines are counted after submission and before the minutes.`,
      });
    const after = await lines.setCount(trx, line.id, { state: body.state, note: body.note ?? null, userId: by.id });
    const o = await store.outstandingOf(trx, h.id);
    const state: store.HandoverRow['state'] = o.pending === 0 ? 'counted' : 'submitted';
    if (state !== h.state)
      await store.setState(trx, h.id, {
        state,
        counted_by: state === 'counted' ? by.id : null,
        counted_at: state === 'counted' ? new Date() : null,
      });
    await recordAudit(trx, ctx, {
      action: 'handover.line.count',
      entity: 'handover_line',
      entityId: line.id,
      before: { countState: line.count_state, countNote: line.count_note },
      after: { countState: after.count_state, countNote: after.count_note, handoverState: state },
    });
    return {
      line: presentLine(after),
      handoverState: state,
      outstanding: o.pending + o.missing + o.damaged + o.disputed,
    };
  });
}

export async function close(db: Db, ctx: RequestContext, id: number) {
  return db.transaction().execute(async (trx) => {
    const h = await handoverOr404(trx, id, true);
    await requireAnyOf(trx, ctx, HANDOVER['handover.close'], [h.province_unit_id ?? h.from_unit_id], {
      vi: `Tỉnh giám sát bàn giao số ${h.id}`,
      en: `The province overseeing handover ${h.id}`,
    });
    if (h.state !== 'signed')
      throw conflict({
        vi: `Bàn giao số ${h.id} đang ở trạng thái ${h.state}: chỉ kết thúc được khi biên bản đã có chữ ký của cả hai bên.`,
        en: `Handover ${h.id} is ${h.state}: it closes only once both sides have signed the minutes.`,
      });
    await store.setState(trx, h.id, { state: 'closed', closed_at: new Date() });
    const o = await store.outstandingOf(trx, h.id);
    const outstanding = o.pending + o.missing + o.damaged + o.disputed;
    await recordAudit(trx, ctx, {
      action: 'handover.close',
      entity: 'handover',
      entityId: h.id,
      before: { state: h.state },
      after: { state: 'closed', outstanding },
    });
    return { id: h.id, state: 'closed' as const, outstanding };
  });
}

/** A correction after signing: a new version, a draft again; every line is counted again. */
export async function correct(db: Db, ctx: RequestContext, id: number, reason: string) {
  return db.transaction().execute(async (trx) => {
    const h = await handoverOr404(trx, id, true);
    await requireAnyOf(trx, ctx, HANDOVER['handover.edit'], [h.from_unit_id], HANDOVER_WORD(h.id));
    if (h.state !== 'signed' && h.state !== 'closed')
      throw conflict({
        vi: `Bàn giao số ${h.id} chưa ký (trạng thái ${h.state}): trước khi ký cứ sửa trực tiếp, không cần phiên bản đính chính.`,
        en: `Handover ${h.id} is not signed (state ${h.state}): before signing, change it directly; no correcting version is needed.`,
      });
    await lines.resetCounts(trx, h.id);
    const after = await store.setState(trx, h.id, {
      state: 'draft',
      version: h.version + 1,
      submitted_by: null,
      submitted_label: null,
      submitted_at: null,
      counted_by: null,
      counted_at: null,
      closed_at: null,
    });
    await recordAudit(trx, ctx, {
      action: 'handover.correct',
      entity: 'handover',
      entityId: h.id,
      before: { state: h.state, version: h.version },
      after: { state: after.state, version: after.version, reason },
    });
    return { id: h.id, state: after.state, version: after.version };
  });
}
