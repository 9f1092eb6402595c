// The share of an old unit that went to a new one through a 'part' link, with its basis (the population or
// area of the part, from the decision or the registry). Only a recorded share lets a part be apportioned.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { requireGrantOver } from '../../platform/policy/policy.ts';
import { INDICATORS } from '../indicators.policy.ts';
import { dec, cmp } from '../values/decimal.ts';
import { unitByCodeOn } from '../definitions/definitions.store.ts';
import * as store from './rebuild.store.ts';

export async function setShare(
  db: Db,
  ctx: RequestContext,
  fromKey: string,
  toKey: string,
  share: string,
  basis: string,
) {
  return db.transaction().execute(async (trx) => {
    const [from, to] = [await unitByCodeOn(trx, fromKey, '0001-01-01'), await unitByCodeOn(trx, toKey, '0001-01-01')];
    if (!from || !to)
      throw notFound({ vi: `đơn vị ${!from ? fromKey : toKey}`, en: `Unit ${!from ? fromKey : toKey}` });
    await requireGrantOver(trx, ctx, INDICATORS['indicators.share'], to.id, { vi: to.full_name, en: to.full_name });
    const link = await store.linkKind(trx, from.id, to.id);
    if (link?.kind !== 'part')
      throw badRequest({
        vi: `${from.full_name} không nhập một phần vào ${to.full_name} theo sổ đăng ký: tỷ lệ chỉ dùng cho liên kết "một phần".`,
        en: `The registry has no 'part' link from ${from.full_name} to ${to.full_name}: shares apply to part links only.`,
      });
    if (!/^\d+(\.\d+)?$/.test(share) || cmp(dec(share), dec(0)) <= 0 || cmp(dec(share), dec(1)) > 0)
      throw badRequest({
        vi: 'Tỷ lệ phải lớn hơn 0 và không quá 1 (ví dụ 0.4).',
        en: 'The share must be above 0 and at most 1 (e.g. 0.4).',
      });
    if (!basis.trim())
      throw badRequest({
        vi: 'Cần ghi căn cứ của tỷ lệ (dân số, diện tích, quyết định).',
        en: 'Give the basis of the share (population, area, decision).',
      });
    const before = (await store.shareOf(trx, from.id, to.id)) ?? undefined;
    await store.upsertShare(trx, {
      from_unit_id: from.id,
      to_unit_id: to.id,
      share,
      basis,
      set_by: ctx.user?.username ?? ctx.actorLabel,
    });
    const after = await store.shareOf(trx, from.id, to.id);
    await recordAudit(trx, ctx, {
      action: 'indicators.share.set',
      entity: 'indicator_share',
      entityId: `${from.id}>${to.id}`,
      before,
      after,
    });
    return after!;
  });
}
