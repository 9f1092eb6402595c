// Export of a node and the units and agencies directly under it in the layout
// of Decree 62/2020, Appendix IA (ExcelJS). Figures are the recorded ones; any
// part of the parent's quota not given out (or its own headcount) goes on an
// explicit "not allocated" row, so the exported table adds up and nothing is hidden.
// The plan columns are left empty: the next year's plan is not recorded here.
import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { readableRoot } from '../staffing.access.ts';
import { notFound } from '../../platform/errors.ts';
import * as store from '../quotas/quotas.store.ts';
import { loadPeriod } from '../quotas/quotas.service.ts';
import { COLUMNS, HEADINGS, FIGURES, type Figure } from './tables.layout.ts';
import { CONTRACTS } from './tables.service.ts';

export interface ExportRow {
  stt: string;
  code: string;
  name: string;
  values: Partial<Record<Figure, number>>;
  note: string;
}

export async function tableRows(
  db: Db,
  ctx: RequestContext,
  periodCode: string,
  unitId: number,
  category: string,
): Promise<ExportRow[]> {
  await readableRoot(db, ctx, unitId);
  const period = await loadPeriod(db, periodCode);
  const root = await store.findNodeByKey(db, period.id, `u:${unitId}`);
  const unit = await store.findUnit(db, unitId);
  if (!root || !unit)
    throw notFound({
      vi: `phân bổ biên chế của đơn vị ${unitId} trong thời kỳ ${periodCode}`,
      en: `A staffing allocation of unit ${unitId} in period ${periodCode}`,
    });
  const figures = async (nodeId: number) => {
    const rows = await store.allocationsOf(db, nodeId);
    const cs = rows.find((r) => r.category === category),
      hd = rows.find((r) => r.category === CONTRACTS);
    return { cs, hd };
  };
  const toValues = (
    cs?: { quota: number; reserve: number; present_below: number },
    hd?: { quota: number; present_below: number },
    reserve = true,
  ) => {
    const v: Partial<Record<Figure, number>> = {
      assigned_civil_servants: cs?.quota ?? 0,
      assigned_contracts: hd?.quota ?? 0,
      present_civil_servants: cs?.present_below ?? 0,
      present_contracts: hd?.present_below ?? 0,
    };
    v.assigned_total = v.assigned_civil_servants! + v.assigned_contracts!;
    v.present_total = v.present_civil_servants! + v.present_contracts!;
    if (reserve) v.reserve = cs?.reserve ?? 0;
    return v;
  };
  const own = await figures(root.id);
  const out: ExportRow[] = [
    { stt: '1', code: unit.code, name: unit.full_name, values: toValues(own.cs, own.hd), note: '' },
  ];
  const children = await store.openChildren(db, root.id);
  const given = { cs: 0, hd: 0, pcs: 0, phd: 0 };
  let i = 0;
  for (const c of children) {
    const f = await figures(c.id);
    if (!f.cs && !f.hd) continue;
    const values = toValues(f.cs, f.hd, false);
    given.cs += values.assigned_civil_servants!;
    given.hd += values.assigned_contracts!;
    given.pcs += values.present_civil_servants!;
    given.phd += values.present_contracts!;
    out.push({ stt: `1.${++i}`, code: c.agency_key ?? c.code, name: c.agency_name ?? c.full_name, values, note: '' });
  }
  const rest = {
    assigned_civil_servants: (own.cs?.quota ?? 0) - (own.cs?.reserve ?? 0) - given.cs,
    assigned_contracts: (own.hd?.quota ?? 0) - given.hd,
    present_civil_servants: (own.cs?.present_below ?? 0) - given.pcs,
    present_contracts: (own.hd?.present_below ?? 0) - given.phd,
  };
  if (i > 0 && Object.values(rest).some((x) => x !== 0)) {
    out.push({
      stt: `1.${i + 1}`,
      code: '',
      name: `Chưa phân bổ, tại cấp ${unit.full_name}`,
      note: 'Phần chưa giao xuống và số có mặt tại chính cấp này / not allocated below, and headcount at this level itself',
      values: {
        ...rest,
        assigned_total: rest.assigned_civil_servants + rest.assigned_contracts,
        present_total: rest.present_civil_servants + rest.present_contracts,
      },
    });
  }
  return out;
}

export async function exportXlsx(
  rows: ExportRow[],
  title: { period: string; unitName: string; year: number },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Apparatus';
  const ws = wb.addWorksheet('Phụ lục IA');
  ws.addRow([`KẾ HOẠCH BIÊN CHẾ CÔNG CHỨC NĂM ${title.year + 1} — ${title.unitName}`]);
  ws.addRow([`(Mẫu Phụ lục IA, Nghị định 62/2020/NĐ-CP; thời kỳ ${title.period}; thêm cột mã đơn vị và dự phòng)`]);
  ws.addRow([]);
  ws.addRow(COLUMNS.map((c) => (c === 'assigned_total' ? `${HEADINGS[c][0]} ${title.year}` : HEADINGS[c][0])));
  ws.addRow(COLUMNS.map((c) => HEADINGS[c][1]));
  ws.addRow(COLUMNS.map((_, i) => `(${i + 1})`));
  for (const r of rows) ws.addRow([r.stt, r.code, r.name, ...FIGURES.map((f) => r.values[f] ?? null), r.note]);
  ws.getRow(1).font = { bold: true, size: 13 };
  for (const n of [4, 5, 6]) ws.getRow(n).font = { bold: true };
  ws.getColumn(3).width = 42;
  ws.getColumn(2).width = 16;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function exportCsv(rows: ExportRow[]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return (
    [
      COLUMNS.join(','),
      ...rows.map((r) =>
        [r.stt, r.code, r.name, ...FIGURES.map((f) => r.values[f] ?? ''), r.note].map((x) => q(String(x))).join(','),
      ),
    ].join('\n') + '\n'
  );
}
