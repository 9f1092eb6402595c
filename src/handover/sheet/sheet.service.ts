// Importing an inventory sheet into a draft handover (all or nothing: every bad row listed with its
// reasons, Vietnamese first, nothing saved while one is bad; --dry-run checks everything and saves
// nothing) and exporting a handover's lines in the same layout. The rules are addLine's: the
// handing-over side, a draft, a seal surrendered only with the police's receipt, each line's
// receiver its default, a choice among the successors, or an override with its reason.
import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError, type Message } from '../../platform/errors.ts';
import { HANDOVER } from '../handover.policy.ts';
import { HANDOVER_WORD, handoverOr404, requireAnyOf } from '../handover.access.ts';
import { receiversOf, unitInForce } from '../workflow/workflow.store.ts';
import { getHandover } from '../workflow/workflow.service.ts';
import { requireDraft } from '../inventory/inventory.service.ts';
import { defaultReceiver, resolveReceiver } from '../inventory/inventory.receivers.ts';
import { lineColumns } from '../inventory/inventory.present.ts';
import type { NewLine } from '../inventory/inventory.store.ts';
import type { LineOut } from '../handover.schemas.ts';
import { COLUMNS, KIND_WORDS } from './sheet.columns.ts';
import type { ReadInventory, RowProblem } from './sheet.read.ts';
import * as store from './sheet.store.ts';

export function rowsRefused(problems: RowProblem[]) {
  const shown = problems.slice(0, 1000);
  const list = shown.map((p) => `dòng ${p.row}: ${p.reasons.map((r) => r.vi).join('; ')}`);
  return new AppError(
    422,
    'handover-rows-refused',
    { vi: 'Danh mục có dòng sai: chưa nhập dòng nào', en: 'Rows refused: nothing was imported' },
    {
      vi: `${problems.length} dòng sai, chưa nhập gì. Sửa các dòng sau rồi nhập lại cả tệp: ${list.slice(0, 20).join(' | ')}${problems.length > 20 ? ' …' : ''}`,
      en: `${problems.length} rows are wrong; nothing was imported. Fix them and import the whole file again.`,
    },
    {
      rows: shown,
      refusedRows: problems.length,
      errors: shown.map((p) => ({
        field: `row ${p.row}`,
        message: `${p.reasons.map((r) => r.vi).join('; ')} / ${p.reasons.map((r) => r.en).join('; ')}`,
      })),
    },
  );
}

export interface ImportOptions {
  dryRun: boolean;
  source: string | null;
}

export async function importLines(
  db: Db,
  ctx: RequestContext,
  handoverId: number,
  read: ReadInventory,
  o: ImportOptions,
) {
  return db.transaction().execute(async (trx) => {
    const h = await handoverOr404(trx, handoverId, true);
    await requireAnyOf(trx, ctx, HANDOVER['handover.edit'], [h.from_unit_id], HANDOVER_WORD(h.id));
    requireDraft(h);
    const receivers = await receiversOf(trx, h.id);
    const names = receivers.map((x) => `${x.name} (id ${x.id})`).join(', ') || '(không có đơn vị kế thừa)';
    const problems: RowProblem[] = [...read.problems];
    const rows: NewLine[] = [];
    const outside = new Map<number, number[]>(); // receivers outside the successors → rows naming them
    const kinds: Record<string, number> = {};
    for (const { row, input } of read.lines) {
      const reasons: Message[] = [];
      if (input.kind === 'seal' && input.state === 'surrendered' && !input.receiptRef)
        reasons.push({
          vi: 'con dấu đã nộp công an: ghi số biên bản giao nhận của công an',
          en: "a seal surrendered to the police: give the police's receipt number",
        });
      const land = 'landOrInvestment' in input ? input.landOrInvestment : false;
      const def = defaultReceiver(h.level, input.kind, land, receivers);
      const r = resolveReceiver(def, input.receiverUnitId, input.receiverReason, receivers);
      if (!r.ok && r.problem === 'choose')
        reasons.push({
          vi: `chưa có bên nhận mặc định: ghi "Bên nhận (id đơn vị)" là một trong ${names}`,
          en: `no default receiver: fill "Bên nhận (id đơn vị)" with one of ${names}`,
        });
      else if (!r.ok)
        reasons.push({
          vi: `bên nhận khác mặc định (${def ? `id ${def.unitId}` : 'không có'}): ghi "Lý do đổi bên nhận"`,
          en: `the receiver differs from the default (${def ? `id ${def.unitId}` : 'none'}): fill "Lý do đổi bên nhận"`,
        });
      if (reasons.length || !r.ok) {
        problems.push({ row, reasons });
        continue;
      }
      if (r.outside) outside.set(r.unitId, [...(outside.get(r.unitId) ?? []), row]);
      kinds[input.kind] = (kinds[input.kind] ?? 0) + 1;
      rows.push({
        handover_id: h.id,
        ...lineColumns(input),
        receiver_unit_id: r.unitId,
        receiver_as: r.as,
        receiver_reason: r.reason,
      });
    }
    for (const [unitId, at] of outside)
      if (!(await unitInForce(trx, unitId, h.effective_date)))
        for (const row of at)
          problems.push({
            row,
            reasons: [
              {
                vi: `đơn vị nhận id ${unitId} không tồn tại hoặc không còn hiệu lực ngày ${h.effective_date.split('-').reverse().join('/')}`,
                en: `receiving unit id ${unitId} does not exist or is not in force on ${h.effective_date}`,
              },
            ],
          });
    if (problems.length > 0) throw rowsRefused(problems.sort((a, b) => a.row - b.row));
    const answer = {
      handoverId: h.id,
      dryRun: o.dryRun,
      rows: rows.length,
      kinds,
      firstLineId: null as number | null,
      lastLineId: null as number | null,
    };
    if (o.dryRun) return answer;
    const range = await store.insertLines(trx, h.id, rows);
    answer.firstLineId = range?.fromId ?? null;
    answer.lastLineId = range?.toId ?? null;
    await recordAudit(trx, ctx, {
      action: 'handover.lines.import',
      entity: 'handover',
      entityId: h.id,
      after: {
        source: o.source,
        rows: rows.length,
        kinds,
        firstLineId: answer.firstLineId,
        lastLineId: answer.lastLineId,
      },
    });
    return answer;
  });
}

/** The value a line puts in a column, as the import reads it back. */
function cellOf(line: LineOut, path: string): unknown {
  const flat: Record<string, unknown> = {
    ...line.details,
    kind: line.kind,
    title: line.title,
    condition: line.condition,
    location: line.location,
    receiverUnitId: line.receiverUnitId,
    receiverReason: line.receiverReason,
    pages: line.pages,
    pagesDigitised: line.pagesDigitised,
    landOrInvestment: line.landOrInvestment,
    legalDeadline: line.legalDeadline,
    landAreaM2: line.landAreaM2,
    floorAreaM2: line.floorAreaM2,
    bookValueVnd: line.kind === 'asset' ? line.amountVnd : undefined,
    balanceVnd: line.kind === 'account' ? line.amountVnd : undefined,
    state: line.kind === 'seal' ? line.status : undefined,
    planStatus: line.kind === 'asset' ? line.status : undefined,
    settlement: line.kind === 'account' ? line.status : undefined,
  };
  const parts = path.split('.');
  let v: unknown = flat;
  for (const p of parts) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/** A handover's lines as .xlsx in the import's layout (secret records masked as the caller sees them); audited. */
export async function exportLines(db: Db, ctx: RequestContext, handoverId: number): Promise<Buffer> {
  const h = await getHandover(db, ctx, handoverId);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục bàn giao');
  ws.addRow(COLUMNS.map((c) => c.header));
  ws.getRow(1).font = { bold: true };
  h.lineList.forEach((line, i) => {
    ws.addRow(
      COLUMNS.map((c, j) => {
        if (j === 0) return i + 1;
        if (c.kinds && !c.kinds.includes(line.kind)) return null;
        const v = cellOf(line, c.path);
        if (v === undefined || v === null || v === '') return null;
        if (c.path === 'kind') return KIND_WORDS[line.kind];
        if (c.type === 'enum') return c.words![String(v)] ?? String(v);
        if (c.type === 'bool') return v ? 'x' : null;
        if (c.type === 'retention') return v === 'permanent' ? 'Vĩnh viễn' : v;
        if (c.type === 'date') return String(v).split('-').reverse().join('/');
        return v as string | number;
      }),
    );
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  await db.transaction().execute((trx) =>
    recordAudit(trx, ctx, {
      action: 'handover.lines.export',
      entity: 'handover',
      entityId: h.id,
      after: { rows: h.lineList.length, masked: h.lineList.filter((l) => l.masked).length },
    }),
  );
  return bytes;
}
