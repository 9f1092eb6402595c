// `handover check`: anomalies across every handover, for the central operator (the same rule as
// opening). Each has its exact count, the first rows, and a sentence saying what to do.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Message } from '../../platform/errors.ts';
import { checkRole } from '../../platform/policy/policy.ts';
import { HANDOVER } from '../handover.policy.ts';
import { ANOMALIES, find, type Anomaly } from './check.store.ts';

export const ANOMALY_WORDS: Record<Anomaly, Message> = {
  receiver_not_successor: {
    vi: 'Dòng giao cho đơn vị không phải đơn vị kế thừa: kiểm tra lý do ghi ở dòng',
    en: 'Line received by a unit that is not a successor: check the reason given on the line',
  },
  line_without_receiver: { vi: 'Dòng chưa có bên nhận', en: 'Line without a receiver' },
  seal_surrendered_without_receipt: {
    vi: 'Con dấu ghi đã nộp công an nhưng không có số biên bản giao nhận',
    en: "Seal marked surrendered without the police's receipt",
  },
  signed_with_outstanding: {
    vi: 'Bàn giao đã ký hoặc kết thúc nhưng còn dòng chưa nhận đủ: mở phiên bản đính chính',
    en: 'Handover signed or closed with outstanding lines: open a correcting version',
  },
  handover_without_receiver: {
    vi: 'Bàn giao không có đơn vị nhận (sổ đăng ký không ghi đơn vị kế thừa)',
    en: 'Handover without a receiver (the registry names no successor)',
  },
};

export async function checkHandovers(db: Db, ctx: RequestContext, limit = 100) {
  checkRole(ctx, HANDOVER['handover.open']);
  const anomalies = [];
  for (const kind of ANOMALIES) {
    const r = await find(db, kind, limit);
    anomalies.push({
      kind,
      message: ANOMALY_WORDS[kind],
      count: r.count,
      rows: r.rows.map((x) => ({ handoverId: x.handover_id, lineId: x.line_id, unitId: x.unit_id, note: x.note })),
    });
  }
  return { total: anomalies.reduce((s, a) => s + a.count, 0), anomalies };
}
