// The inventory sheet: an .xlsx and a CSV in the template import all or nothing (every bad row listed,
// Vietnamese first), --dry-run saves nothing, an export imports back unchanged; and the dashboards'
// rollups equal a naive aggregation of the lines after a random sequence of changes.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { seedHandoverRegistry } from '../handover.fixtures.ts';
import { openHandovers } from '../open/open.service.ts';
import { addLine, removeLine } from '../inventory/inventory.service.ts';
import { correct, countLine, getHandover, submit } from '../workflow/workflow.service.ts';
import { naiveDashboard, dashboard } from '../rollups/rollups.store.ts';
import { monthsBefore } from '../rollups/rollups.service.ts';
import { COLUMNS } from './sheet.columns.ts';
import { readInventoryFile } from './sheet.read.ts';
import { exportLines, importLines } from './sheet.service.ts';
import { checkHandovers } from '../check/check.service.ts';
import { userContext } from '../handover.fixtures.ts';

const sys = systemContext('test');
type Units = Awaited<ReturnType<typeof seedHandoverRegistry>>;

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục');
  ws.addRow(COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** A row with the given columns (by header) filled. */
const row = (cells: Record<string, string | number>) => COLUMNS.map((c) => cells[c.header] ?? null);

const dossier = (i: number) =>
  row({
    STT: i,
    'Loại dòng': 'Hồ sơ, tài liệu',
    'Tên, tiêu đề': `Hồ sơ số ${i}`,
    'Tình trạng': 'Tốt',
    'Cấp (Hồ sơ/Văn bản)': 'Hồ sơ',
    'Mã hồ sơ': `H${i}`,
    'Thời hạn bảo quản (năm/Vĩnh viễn)': 'Vĩnh viễn',
    'Ngày bắt đầu': '01/02/2019',
    'Số trang': 10,
    'Số trang đã số hóa': i % 2 ? 10 : 3,
    'Đất đai, dự án đầu tư (x)': i % 3 === 0 ? 'x' : '',
  });

describe.each(ENGINES)('handover inventory sheets on %s', (engine) => {
  let t: TestDb;
  let u: Units;
  let ids: Record<string, number>;
  beforeAll(async () => {
    t = await createTestDb(engine);
    u = await seedHandoverRegistry(t.db);
    await openHandovers(t.db, sys, '2025-07-01');
    const rows = await t.db.selectFrom('handovers').select(['id', 'from_unit_id']).execute();
    const byUnit = new Map(rows.map((r) => [r.from_unit_id, r.id]));
    ids = { district: byUnit.get(u.district)!, c1: byUnit.get(u.c1)!, c2: byUnit.get(u.c2)! };
  });
  afterAll(async () => {
    await t?.drop();
  });
  const lineCount = async (id: number) => (await getHandover(t.db, sys, id)).lines;

  it('refuses the whole file and lists every bad row with its reasons, Vietnamese first', async () => {
    const bytes = await xlsx([
      dossier(1),
      row({
        'Loại dòng': 'Con dấu, chữ ký số',
        'Tên, tiêu đề': 'Dấu UBND',
        'Loại dấu': 'Con dấu',
        'Số hiệu dấu, chứng thư số': 'D1',
        'Trạng thái dấu': 'Đã nộp công an',
      }),
      row({
        'Loại dòng': 'Hồ sơ, tài liệu',
        'Tên, tiêu đề': 'x',
        'Cấp (Hồ sơ/Văn bản)': 'Hồ sơ',
        'Số trang': 'nhiều',
        'Số dư (đồng)': '5',
      }),
      row({ 'Loại dòng': 'Việc đang giải quyết', 'Tên, tiêu đề': 'Đơn của bà B', 'Loại việc': 'Khiếu nại, tố cáo' }),
      row({ 'Loại dòng': 'Bàn ghế', 'Tên, tiêu đề': 'y' }),
    ]);
    const read = await readInventoryFile(bytes);
    expect(read.lines.map((l) => l.row)).toEqual([2, 3, 5]);
    const err = await importLines(t.db, sys, ids.district, read, { dryRun: false, source: 't.xlsx' }).catch((e) => e);
    expect(err.status).toBe(422);
    const rows = err.extra.rows as { row: number; reasons: { vi: string; en: string }[] }[];
    expect(rows.map((r) => r.row)).toEqual([3, 4, 5, 6]);
    expect(rows[0].reasons[0].vi).toContain('biên bản giao nhận');
    expect(rows[1].reasons.map((r) => r.vi).join('|')).toContain('cột "Số trang"');
    expect(rows[1].reasons.map((r) => r.vi).join('|')).toContain('cột "Số dư (đồng)" không dùng');
    expect(rows[2].reasons[0].vi).toContain('chưa có bên nhận mặc định'); // three successor communes: choose
    expect(rows[3].reasons[0].vi).toContain('Loại dòng');
    expect(await lineCount(ids.district)).toBe(0); // nothing saved
  });

  it('checks without saving on a dry run, then imports, from .xlsx and from CSV', async () => {
    const bytes = await xlsx([1, 2, 3, 4, 5, 6].map(dossier));
    const read = await readInventoryFile(bytes);
    const dry = await importLines(t.db, sys, ids.district, read, { dryRun: true, source: 't.xlsx' });
    expect(dry).toMatchObject({ dryRun: true, rows: 6, firstLineId: null });
    expect(await lineCount(ids.district)).toBe(0);
    const done = await importLines(t.db, sys, ids.district, read, { dryRun: false, source: 't.xlsx' });
    expect(done).toMatchObject({ dryRun: false, rows: 6, kinds: { record: 6 } });
    const h = await getHandover(t.db, sys, ids.district);
    expect(h.lineList[0]).toMatchObject({
      receiverUnitId: u.newP,
      receiverAs: 'province_archive',
      pages: 10,
      pagesDigitised: 10,
    });
    expect(h.lineList[1]).toMatchObject({ pagesDigitised: 3, landOrInvestment: false });
    expect(h.lineList[2]).toMatchObject({ receiverAs: 'land_registration_office', landOrInvestment: true });
    expect(h.lineList[0].details).toMatchObject({
      level: 'dossier',
      dossier: { retention: 'permanent', startDate: '2019-02-01' },
    });
    const csv = [
      COLUMNS.map((c) => `"${c.header}"`).join(','),
      dossier(7)
        .map((v) => (v === null ? '' : `"${v}"`))
        .join(','),
    ].join('\n');
    const r = await importLines(t.db, sys, ids.c1, await readInventoryFile(Buffer.from(csv)), {
      dryRun: false,
      source: 't.csv',
    });
    expect(r.rows).toBe(1);
  });

  it('exports the lines to .xlsx in the same layout, which imports back unchanged', async () => {
    const file = await exportLines(t.db, sys, ids.district);
    const read = await readInventoryFile(file);
    expect(read.problems).toEqual([]);
    expect(read.lines).toHaveLength(6);
    await importLines(t.db, sys, ids.district, read, { dryRun: false, source: 'back.xlsx' });
    const h = await getHandover(t.db, sys, ids.district);
    const strip = (l: (typeof h.lineList)[number]) => ({ ...l, id: 0 });
    expect(h.lineList.slice(6).map(strip)).toEqual(h.lineList.slice(0, 6).map(strip));
  });

  it('keeps the rollups equal to a naive aggregation after a random sequence of changes', async () => {
    const today = '2026-03-01';
    const o = { today, idleBefore: monthsBefore(today, 6) };
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor(seed / 65536) % n; // the low bits of this generator cycle
    };
    const c2 = ids.c2; // a split commune: each line chooses among its two successors
    const receiversOf = [u.n2, u.n3];
    const added: number[] = [];
    for (let i = 0; i < 60; i++) {
      const op = rnd(10);
      if (op < 6 || added.length === 0) {
        const common = {
          title: `dòng ${i}`,
          condition: 'good' as const,
          files: [],
          receiverUnitId: receiversOf[rnd(2)],
        };
        const kinds = [
          {
            ...common,
            kind: 'record' as const,
            level: rnd(2) ? ('dossier' as const) : ('document' as const),
            pages: 10,
            pagesDigitised: rnd(11),
            landOrInvestment: rnd(2) === 0,
          },
          {
            ...common,
            kind: 'seal' as const,
            sealKind: 'seal' as const,
            identifier: `S${i}`,
            state: rnd(2) ? ('in_use' as const) : ('surrendered' as const),
            receiptRef: 'BB-1',
          },
          {
            ...common,
            kind: 'asset' as const,
            assetKind: 'headquarters' as const,
            usePlan: 'keep' as const,
            idleSince: rnd(2) ? '2025-07-01' : '2026-02-01',
            planStatus: rnd(3) ? ('approved' as const) : ('done' as const),
          },
          {
            ...common,
            kind: 'business' as const,
            businessKind: 'petition' as const,
            legalDeadline: rnd(2) ? '2025-08-01' : '2026-08-01',
            landOrInvestment: false,
          },
        ];
        added.push((await addLine(t.db, sys, c2, kinds[rnd(4)])).id);
      } else if (op < 8) {
        const [id] = added.splice(rnd(added.length), 1);
        await removeLine(t.db, sys, c2, id);
      } else {
        const read = await readInventoryFile(
          await xlsx(
            [dossier(100 + i), dossier(200 + i)].map((r) => {
              r[5] = receiversOf[rnd(2)];
              return r;
            }),
          ),
        );
        await importLines(t.db, sys, c2, read, { dryRun: false, source: 'r.xlsx' });
      }
    }
    // Submit, count a few lines each way, correct: the states and count states move too.
    const officer = await userContext(t.db, 'xa2', 'commune_officer', u.n2);
    await submit(t.db, sys, c2);
    const h = await getHandover(t.db, sys, c2);
    for (const l of h.lineList.filter((l) => l.receiverUnitId === u.n2).slice(0, 8))
      await countLine(t.db, officer, c2, l.id, { state: (['received', 'missing', 'damaged'] as const)[rnd(3)] });
    for (const provinceId of [null, u.newP]) {
      const naive = await naiveDashboard(t.db, { ...o, provinceId });
      expect(await dashboard(t.db, { ...o, provinceId })).toEqual(naive);
    }
    const naive = await naiveDashboard(t.db, { ...o, provinceId: null });
    expect(Number(naive.lines)).toBeGreaterThan(30);
    expect(Number(naive.handovers_submitted)).toBe(1);
    expect(Number(naive.business_past_deadline) + Number(naive.headquarters_idle_past)).toBeGreaterThan(0);
    void correct;
  });

  it('reports anomalies: a seal surrendered without receipt, receivers outside the successors', async () => {
    await t.db
      .updateTable('handover_lines')
      .set({ status: 'surrendered', details: sql`'{"sealKind": "seal", "identifier": "X9"}'::jsonb` })
      .where('handover_id', '=', ids.c1)
      .execute();
    const r = await checkHandovers(t.db, sys);
    const by = Object.fromEntries(r.anomalies.map((a) => [a.kind, a.count]));
    expect(by.seal_surrendered_without_receipt).toBe(0); // record lines, not seals
    await t.db.updateTable('handover_lines').set({ kind: 'seal' }).where('handover_id', '=', ids.c1).execute();
    const r2 = await checkHandovers(t.db, sys);
    expect(r2.anomalies.find((a) => a.kind === 'seal_surrendered_without_receipt')).toMatchObject({
      count: 1,
      rows: [{ handoverId: ids.c1, note: 'X9' }],
    });
  });
});
