// Consistency checks of submitted tables (every kind, with exact differences
// and rows), and the Appendix IA Excel round trip through the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { parseCsvTable, parseXlsxTable } from './tables.layout.ts';
import { checkTable } from './tables.check.ts';
import { checkSubmitted, importSubmitted } from './tables.service.ts';
import { exportXlsx, exportCsv, tableRows } from './tables.export.ts';
import { allocate, available } from '../quotas/quotas.service.ts';
import { recordPresent } from '../headcount/headcount.service.ts';
import { addCommunes, createTestPeriod } from '../staffing.fixtures.ts';

const HEADER =
  'stt,code,name,assigned_total,assigned_civil_servants,assigned_contracts,reserve,present_total,present_civil_servants,present_contracts,plan_total,plan_civil_servants,plan_contracts,change,note';

describe('consistency checks of a submitted table', () => {
  // Line numbers: the header is line 1, so "Tổng cộng" is line 2, row 1 is line 3, …
  const csv = [
    HEADER,
    ',,Tổng cộng,100,90,10,,80,72,8,,,,,', // line 2: children 60+45=105 ≠ 100 → assigned_plus_reserve −5
    '1,X1,Sở A,60,55,5,0,40,36,4,58,53,5,-2,', // line 3: fine
    '2,X2,Sở B,45,41,3,0,40,36,4,44,40,4,+1,', // line 4: 41+3=44 ≠ 45 (+1); change says +1, plan−assigned = −1 (+2)
    '2.1,X21,Phòng B1,50,45,5,,12.5,,,,,,,', // line 5: child 50 > parent 45; "12.5" is not a whole number
    '3.1,X31,Phòng lạc,1,1,0,,,,,,,,,', // line 6: no row 3
    '1,X9,Trùng số,1,1,0,,,,,,,,,', // line 7: repeats STT 1
  ].join('\n');
  const { issues } = checkTable(parseCsvTable(csv));
  const find = (check: string, row: number) => issues.filter((i) => i.check === check && i.rows[0] === row);

  it('flags assigned + reserve ≠ total with the difference and all rows involved', () => {
    const i = find('assigned_plus_reserve', 2);
    expect(i.map((x) => [x.column, x.expected, x.actual, x.difference])).toEqual([
      ['assigned_total', 105, 100, -5],
      ['assigned_civil_servants', 96, 90, -6],
    ]);
    expect(i[0].rows).toEqual([2, 3, 4]);
    expect(i[0].vi).toContain('tổng biên chế được giao 100 ≠ các đơn vị trực thuộc 105 + dự phòng 0 = 105 (chênh -5');
  });
  it('flags parts that do not add up, and a wrong change column', () => {
    expect(find('parts_sum', 4)).toEqual([
      expect.objectContaining({ column: 'assigned_total', expected: 44, actual: 45, difference: 1 }),
    ]);
    expect(find('change_column', 4)).toEqual([expect.objectContaining({ expected: -1, actual: 1, difference: 2 })]);
    expect(find('parts_sum', 3)).toEqual([]);
  });
  it('flags a child larger than its parent and sums of children that differ from the parent', () => {
    expect(find('child_exceeds_parent', 5)).toEqual([
      expect.objectContaining({ column: 'assigned_total', rows: [5, 4], difference: 5 }),
      expect.objectContaining({ column: 'assigned_civil_servants', difference: 4 }),
      expect.objectContaining({ column: 'assigned_contracts', difference: 2 }),
    ]);
    expect(find('children_sum', 2).map((i) => [i.column, i.expected, i.difference])).toEqual([
      ['assigned_contracts', 8, 2],
    ]);
  });
  it('keeps unreadable figures and bad numbering as issues, never drops the row', () => {
    expect(find('invalid_number', 5)).toEqual([expect.objectContaining({ column: 'present_total' })]);
    expect(find('orphan_stt', 6)).toHaveLength(1);
    expect(find('duplicate_stt', 7)).toEqual([expect.objectContaining({ rows: [7, 3] })]);
    expect(parseCsvTable(csv).rows).toHaveLength(6);
  });
});

describe.each(ENGINES)('Appendix IA import and export on %s', (engine) => {
  let t: TestDb;
  let u: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let communes: number[];
  const sys = systemContext('test');
  const opts = { period: '2022-2026', category: 'cadre_civil_servant', asOf: '2026-03-31' };
  beforeAll(async () => {
    t = await createTestDb(engine);
    u = await seedMiniRegistry(t.db);
    communes = await addCommunes(t.db, u.hanoi, 'RT', 2);
    await createTestPeriod(t.db);
    for (const [unitId, cs, hd, reserve] of [
      [u.vn, 1000, 100, 0],
      [u.hanoi, 200, 20, 5],
      [communes[0], 60, 5, 0],
      [communes[1], 70, 6, 0],
    ]) {
      await allocate(t.db, sys, { period: opts.period, category: 'cadre_civil_servant', unitId, quota: cs, reserve });
      await allocate(t.db, sys, { period: opts.period, category: 'labour_contract', unitId, quota: hd });
    }
    await recordPresent(t.db, sys, {
      period: opts.period,
      category: 'cadre_civil_servant',
      unitId: communes[0],
      asOf: '2026-03-31',
      present: 58,
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('exports a table that adds up, reads it back identical, and imports an edited one', async () => {
    const rows = await tableRows(t.db, sys, opts.period, u.hanoi, opts.category);
    expect(rows.map((r) => [r.stt, r.code, r.values.assigned_total, r.values.present_total])).toEqual([
      ['1', '01', 220, 58],
      ['1.1', 'RT000', 65, 58],
      ['1.2', 'RT001', 76, 0],
      ['1.3', '', 74, 0],
    ]); // 200−5−130 + 20−11 not allocated
    const xlsx = await exportXlsx(rows, { period: opts.period, unitName: 'Thành phố Hà Nội', year: 2026 });
    const back = await parseXlsxTable(xlsx);
    expect(
      exportCsv(
        back.rows.map((r) => ({
          stt: r.stt,
          code: r.code,
          name: r.name,
          note: r.note,
          values: Object.fromEntries(
            Object.entries(r.raw)
              .filter(([, v]) => v !== '')
              .map(([k, v]) => [k, Number(v)]),
          ),
        })),
      ),
    ).toBe(exportCsv(rows));
    const clean = await checkSubmitted(t.db, sys, back, opts);
    expect(clean.issues).toEqual([]);

    // Edit the workbook as a province would: RT001 gets 75 civil servants (and the not-allocated row 69), 66 present.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const setRow = (n: number, values: Record<number, number>) => {
      for (const [c, v] of Object.entries(values)) ws.getRow(n).getCell(Number(c)).value = v;
    };
    setRow(9, { 4: 81, 5: 75, 8: 66, 9: 66 });
    setRow(10, { 4: 69, 5: 60 });
    setRow(7, { 8: 124, 9: 124 });
    const edited = await parseXlsxTable(Buffer.from(await wb.xlsx.writeBuffer()));
    const check = await checkSubmitted(t.db, sys, edited, opts);
    expect(check.errors).toBe(0);
    expect(check.issues.map((i) => [i.rows[0], i.column, i.difference])).toEqual([
      // RT001 had no headcount recorded: a first figure is not a difference. Hà Nội had no contract headcount, so no recorded total.
      [7, 'present_civil_servants', 66],
      [9, 'assigned_civil_servants', 5],
      [9, 'assigned_total', 5],
    ]);
    const result = await importSubmitted(t.db, sys, edited, opts);
    // 2 changed civil-servant headcounts + 3 first contract headcounts (0, as the table states).
    expect(result).toMatchObject({ allocations: 1, presents: 5 });
    const rt1 = (await available(t.db, sys, opts.period, { unitId: communes[1] })).items.find(
      (i) => i.category === 'cadre_civil_servant',
    )!;
    expect(rt1).toMatchObject({ quota: 75, present: 66 });
    const again = await tableRows(t.db, sys, opts.period, u.hanoi, opts.category);
    expect(again.map((r) => [r.stt, r.values.assigned_total, r.values.present_total])).toEqual([
      ['1', 220, 124],
      ['1.1', 65, 58],
      ['1.2', 81, 66],
      ['1.3', 69, 0],
    ]);
  });

  it('refuses a table with errors as a whole and changes nothing', async () => {
    const csv = [
      HEADER,
      '1,01,Thành phố Hà Nội,220,200,20,5,,,,,,,,',
      '1.1,RT000,Xã RT 0,65,60,5,,,,,,,,,',
      '1.2,RT001,Xã RT 1,90,90,0,,,,,,,,,',
      '1.3,ZZ999,Không có,1,1,0,,,,,,,,,',
    ].join('\n');
    const err = await importSubmitted(t.db, sys, parseCsvTable(csv), opts).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    const checks = ((err as AppError).extra.issues as { check: string }[]).map((i) => i.check);
    expect(checks).toContain('unknown_code');
    expect(checks).toContain('assigned_plus_reserve');
    expect(
      (await available(t.db, sys, opts.period, { unitId: communes[1] })).items.find(
        (i) => i.category === 'cadre_civil_servant',
      )!.quota,
    ).toBe(75);
  });
});
