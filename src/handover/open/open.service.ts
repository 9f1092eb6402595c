// Opening the handovers of a reform date from the registry: every unit whose validity ended that day
// gets one handover to its successors, in one transaction with its audit record. Idempotent: a second
// run opens nothing and says so.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { checkRole } from '../../platform/policy/policy.ts';
import { badRequest } from '../../platform/errors.ts';
import { HANDOVER } from '../handover.policy.ts';
import { handoverDelta } from '../rollups/rollups.store.ts';
import * as store from './open.store.ts';

export const LEVEL_NAMES: Record<number, { key: string; vi: string; en: string }> = {
  1: { key: 'province', vi: 'cấp tỉnh', en: 'province' },
  2: { key: 'district', vi: 'cấp huyện', en: 'district' },
  3: { key: 'commune', vi: 'cấp xã', en: 'commune' },
};

export interface OpeningLevel {
  level: number;
  levelName: string;
  opened: number;
  total: number;
  withoutReceiver: number;
  receivers: number;
}

export async function openHandovers(db: Db, ctx: RequestContext, asOf: string) {
  checkRole(ctx, HANDOVER['handover.open']);
  return db.transaction().execute(async (trx) => {
    const inserted = await store.insertHandovers(trx, asOf);
    const ids = inserted.map((h) => h.id);
    await store.insertReceivers(trx, ids);
    // Counted once their province is known (insertReceivers sets it): the dashboards' rollups.
    await handoverDelta(trx, 1, ids);
    const counts = await store.countsByLevel(trx, asOf);
    if (counts.length === 0)
      throw badRequest({
        vi: `Không có đơn vị nào hết hiệu lực ngày ${asOf.split('-').reverse().join('/')}: hãy chọn ngày của một đợt sắp xếp (ví dụ 2025-07-01).`,
        en: `No unit's validity ended on ${asOf}: choose the date of a reorganisation (e.g. 2025-07-01).`,
      });
    const opened = new Map<number, number>();
    for (const h of inserted) opened.set(h.level, (opened.get(h.level) ?? 0) + 1);
    const levels: OpeningLevel[] = counts.map((c) => ({
      level: c.level,
      levelName: LEVEL_NAMES[c.level]?.key ?? String(c.level),
      opened: opened.get(c.level) ?? 0,
      total: c.total,
      withoutReceiver: c.without_receiver,
      receivers: c.receivers,
    }));
    const result = {
      asOf,
      opened: inserted.length,
      total: levels.reduce((s, l) => s + l.total, 0),
      levels,
      endedWithoutHandover: await store.endedWithoutHandover(trx, asOf),
    };
    if (inserted.length > 0)
      await recordAudit(trx, ctx, {
        action: 'handover.open',
        entity: 'handover_opening',
        entityId: asOf,
        after: result,
      });
    return result;
  });
}
