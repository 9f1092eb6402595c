// Inventory lines: drawn up by the handing-over side while the handover is a draft, each with its
// receiver (the default by kind, a choice among the successors, or an override with its reason).
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { HANDOVER } from '../handover.policy.ts';
import { HANDOVER_WORD, handoverOr404, requireAnyOf } from '../handover.access.ts';
import type { LineInput } from '../handover.schemas.ts';
import { receiversOf, unitInForce, type HandoverRow } from '../workflow/workflow.store.ts';
import { defaultReceiver, resolveReceiver } from './inventory.receivers.ts';
import { lineColumns, presentLine } from './inventory.present.ts';
import * as store from './inventory.store.ts';

const KIND_VI = {
  record: 'hồ sơ, tài liệu',
  seal: 'con dấu, chữ ký số',
  asset: 'trụ sở, tài sản',
  business: 'việc đang giải quyết',
  account: 'tài khoản',
};

export function requireDraft(h: HandoverRow) {
  if (h.state !== 'draft')
    throw conflict({
      vi: `Bàn giao số ${h.id} đã gửi (trạng thái ${h.state}): danh mục chỉ sửa được khi còn là bản nháp. Sau khi ký, hãy mở phiên bản đính chính.`,
      en: `Handover ${h.id} was already submitted (state ${h.state}): its inventory changes only as a draft. After signing, open a correcting version.`,
    });
}

export async function addLine(db: Db, ctx: RequestContext, handoverId: number, input: LineInput) {
  return db.transaction().execute(async (trx) => {
    const h = await handoverOr404(trx, handoverId, true);
    await requireAnyOf(trx, ctx, HANDOVER['handover.edit'], [h.from_unit_id], HANDOVER_WORD(h.id));
    requireDraft(h);
    // A seal surrendered to the police is proven by the police's receipt (biên bản giao nhận con dấu).
    if (input.kind === 'seal' && input.state === 'surrendered' && !input.receiptRef)
      throw badRequest({
        vi: 'Con dấu đã nộp cho cơ quan công an: hãy ghi số biên bản giao nhận của công an (receiptRef).',
        en: "A seal surrendered to the police: give the police's receipt number (receiptRef).",
      });
    const receivers = await receiversOf(trx, h.id);
    const land = 'landOrInvestment' in input ? input.landOrInvestment : false;
    const def = defaultReceiver(h.level, input.kind, land, receivers);
    const r = resolveReceiver(def, input.receiverUnitId, input.receiverReason, receivers);
    const names = receivers.map((x) => `${x.name} (id ${x.id})`).join(', ');
    if (!r.ok && r.problem === 'choose')
      throw badRequest({
        vi: `Dòng "${KIND_VI[input.kind]}" này chưa có bên nhận mặc định: hãy chọn receiverUnitId trong số ${names || '(không có đơn vị kế thừa)'}.`,
        en: `This ${input.kind} line has no default receiver: choose receiverUnitId among ${names || '(no successor)'}.`,
      });
    if (!r.ok)
      throw badRequest({
        vi: `Bên nhận khác mặc định (${def ? `đơn vị id ${def.unitId}` : 'không có'}): hãy ghi lý do (receiverReason).`,
        en: `The receiver differs from the default (${def ? `unit id ${def.unitId}` : 'none'}): give a reason (receiverReason).`,
      });
    if (r.outside && !(await unitInForce(trx, r.unitId, h.effective_date)))
      throw badRequest({
        vi: `Đơn vị id ${r.unitId} không tồn tại hoặc không còn hiệu lực ngày ${h.effective_date.split('-').reverse().join('/')}.`,
        en: `Unit id ${r.unitId} does not exist or is not in force on ${h.effective_date}.`,
      });
    const row = await store.insertLine(trx, {
      handover_id: h.id,
      ...lineColumns(input),
      receiver_unit_id: r.unitId,
      receiver_as: r.as,
      receiver_reason: r.reason,
    });
    const out = presentLine(row);
    await recordAudit(trx, ctx, { action: 'handover.line.add', entity: 'handover_line', entityId: row.id, after: out });
    return out;
  });
}

export async function removeLine(db: Db, ctx: RequestContext, handoverId: number, lineId: number) {
  return db.transaction().execute(async (trx) => {
    const h = await handoverOr404(trx, handoverId, true);
    await requireAnyOf(trx, ctx, HANDOVER['handover.edit'], [h.from_unit_id], HANDOVER_WORD(h.id));
    requireDraft(h);
    const line = await store.findLine(trx, h.id, lineId, true);
    if (!line)
      throw notFound({ vi: `dòng ${lineId} của bàn giao số ${h.id}`, en: `line ${lineId} of handover ${h.id}` });
    await store.deleteLine(trx, line.id);
    await recordAudit(trx, ctx, {
      action: 'handover.line.remove',
      entity: 'handover_line',
      entityId: line.id,
      before: presentLine(line),
    });
    return { removed: line.id };
  });
}
