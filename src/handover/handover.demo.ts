// Demo content (demo mode only): the handovers of 1 July 2025 opened for every ended unit (the registry's
// own data, not illustrative), then ILLUSTRATIVE inventories ("minh họa") for three of Hà Nội's old
// communes: one line of each of the five kinds, and the first carried through counting to minutes signed
// by both sides. Through the services, as `system:demo`. Idempotent: opening is (a second run opens
// nothing) and the inventories are written only while the first chosen handover has no line.
import type { Db } from '../platform/db/db.ts';
import { systemContext } from '../platform/context.ts';
import { openHandovers } from './open/open.service.ts';
import { addLine } from './inventory/inventory.service.ts';
import { defaultReceiver } from './inventory/inventory.receivers.ts';
import { receiversOf } from './workflow/workflow.store.ts';
import { countLine, submit } from './workflow/workflow.service.ts';
import { makeMinutes, sign } from './minutes/minutes.service.ts';
import type { LineInput } from './handover.schemas.ts';

export const HANDOVER_DEMO_DATE = '2025-07-01';
const M = ' (minh họa)';

/** The five kinds of line, each saying it is illustrative. */
function demoLines(code: string): LineInput[] {
  return [
    {
      kind: 'record',
      title: `Hồ sơ địa giới hành chính xã${M}`,
      condition: 'good',
      files: [],
      level: 'dossier',
      dossier: { fileCode: `DG-${code}`, retention: 'permanent', storageUnit: 'Hộp 01' },
      pages: 120,
      pagesDigitised: 80,
      landOrInvestment: false,
    },
    {
      kind: 'seal',
      title: `Con dấu Ủy ban nhân dân${M}`,
      condition: 'good',
      files: [],
      sealKind: 'seal',
      identifier: `CD-${code}`,
      state: 'in_use',
    },
    {
      kind: 'asset',
      title: `Trụ sở Ủy ban nhân dân cũ${M}`,
      condition: 'worn',
      files: [],
      assetKind: 'headquarters',
      floorAreaM2: '450',
      bookValueVnd: '3200000000',
      usePlan: 'convert_public_service',
      convertTo: 'community_house',
      planStatus: 'proposed',
      idleSince: HANDOVER_DEMO_DATE,
    },
    {
      kind: 'business',
      title: `Hồ sơ cấp giấy chứng nhận quyền sử dụng đất đang giải quyết${M}`,
      condition: 'good',
      files: [],
      businessKind: 'procedure_file',
      reference: `TTHC-${code}-01`,
      receivedOn: '2025-06-20',
      legalDeadline: '2025-07-15',
      landOrInvestment: false,
    },
    {
      kind: 'account',
      title: `Tài khoản dự toán ngân sách xã${M}`,
      condition: 'good',
      files: [],
      accountKind: 'budget',
      accountNumber: `9523.${code}`,
      institution: 'Kho bạc Nhà nước (minh họa)',
      balanceVnd: '125000000',
      settlement: 'in_progress',
    },
  ];
}

export async function loadHandoverDemo(db: Db, provinceCode = '01') {
  const ctx = systemContext('system:demo');
  const opened = await openHandovers(db, ctx, HANDOVER_DEMO_DATE);
  const province = await db
    .selectFrom('units')
    .select('id')
    .where('level', '=', 1)
    .where('code', '=', provinceCode)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', HANDOVER_DEMO_DATE)]))
    .executeTakeFirst();
  if (!province) return { opened: opened.opened, inventories: 0, signed: 0 };
  const chosen = await db
    .selectFrom('handovers as h')
    .innerJoin('units as u', 'u.id', 'h.from_unit_id')
    .select(['h.id', 'h.level', 'u.code'])
    .where('h.province_unit_id', '=', province.id)
    .where('h.level', '=', 3)
    .where('h.effective_date', '=', HANDOVER_DEMO_DATE)
    .orderBy('h.id')
    .limit(3)
    .execute();
  if (chosen.length === 0) return { opened: opened.opened, inventories: 0, signed: 0 };
  const written = await db
    .selectFrom('handover_lines')
    .select('id')
    .where('handover_id', '=', chosen[0].id)
    .executeTakeFirst();
  if (written) return { opened: opened.opened, inventories: 0, signed: 0 };
  let signed = 0;
  for (const [i, h] of chosen.entries()) {
    const receivers = await receiversOf(db, h.id);
    const lineIds: number[] = [];
    for (const line of demoLines(h.code)) {
      // A split commune has several successors and no default: the demo names the first.
      const def = defaultReceiver(h.level, line.kind, false, receivers);
      const receiverUnitId = def ? undefined : receivers[0]?.id;
      lineIds.push((await addLine(db, ctx, h.id, { ...line, receiverUnitId })).id);
    }
    if (i > 1) continue; // the third stays a draft
    await submit(db, ctx, h.id);
    if (i > 0) continue; // the second waits for its count
    for (const lineId of lineIds) await countLine(db, ctx, h.id, lineId, { state: 'received' });
    const minutes = await makeMinutes(db, ctx, h.id, HANDOVER_DEMO_DATE);
    await sign(db, ctx, h.id, { side: 'from', documentSha256: minutes.documentSha256 });
    await sign(db, ctx, h.id, { side: 'to', documentSha256: minutes.documentSha256 });
    signed++;
  }
  return { opened: opened.opened, inventories: chosen.length, signed };
}
