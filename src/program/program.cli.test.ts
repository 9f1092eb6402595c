// The CLI's reads: warnings as of a date for a unit's subtree (no writes), and
// the annual report as Word (official heading and title) and Excel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { systemContext } from '../platform/context.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';
import { createProgramFromTree } from './tasks/tasks.import.ts';
import { TEST_META, testTree } from './program.fixtures.ts';
import { cascadeTask } from './cascade/cascade.service.ts';
import { adjustTask } from './amendments/amendments.service.ts';
import { warningsAsOf } from '../cli/program.commands.ts';
import { annualReportData } from './annual/annual.service.ts';
import { reviewReport, submitReport } from './reports/reports.service.ts';
import { annualReportDocx } from './annual/annual.docx.ts';
import { annualReportXlsx } from './annual/annual.xlsx.ts';

const ctx = systemContext('test');

describe.each(ENGINES)('program warnings and annual report on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    const units = await seedMiniRegistry(t.db);
    const { program } = await createProgramFromTree(t.db, ctx, TEST_META, testTree(), {
      language: 'vi',
      effectiveDate: '2026-01-15',
    });
    const central = await t.db
      .selectFrom('tasks')
      .select('id')
      .where('program_id', '=', program.id)
      .where('code', '=', 'II.1.a.1')
      .executeTakeFirstOrThrow();
    await cascadeTask(t.db, ctx, central.id, { target: { kind: 'units', unitIds: [units.hanoi] }, asOf: '2026-02-01' });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('lists what the engine says on a date for one unit, without writing', async () => {
    const before = await t.db.selectFrom('program_warnings').select('id').execute();
    const r = await warningsAsOf(t.db, '2027-01-10', '01');
    expect(r.tasks).toBe(1);
    expect(r.warnings.map((w) => w.kind)).toContain('overdue');
    expect(r.byRating).toEqual({ red: 1 });
    const early = await warningsAsOf(t.db, '2026-01-20', '01');
    expect(early.warnings.map((w) => w.kind)).not.toContain('overdue');
    expect(await t.db.selectFrom('program_warnings').select('id').execute()).toEqual(before);
    await expect(warningsAsOf(t.db, '2026-01-20', '99')).rejects.toMatchObject({ status: 404 });
  });

  it("funds a cascaded task by its parent's lines, and asks no reports of a task that rolls up from its children", async () => {
    const kinds = async (unit: string, asOf = '2026-06-01') =>
      (await warningsAsOf(t.db, asOf, unit)).warnings.map((w) => `${w.code}:${w.kind}`);
    expect(await kinds('01')).toContain('II.1.a.1@01:lacking_resources');
    const central = await t.db.selectFrom('tasks').selectAll().where('code', '=', 'II.1.a.1').executeTakeFirstOrThrow();
    await adjustTask(t.db, ctx, central.id, {
      version: central.version,
      decisionRef: 'QĐ 3',
      reason: 'cấp kinh phí',
      effectiveDate: '2026-02-01',
      changes: { funding: [{ source: 'central_budget', amountRequired: 100, amountAllocated: 100 }] },
    });
    expect(await kinds('01')).not.toContain('II.1.a.1@01:lacking_resources');
    const all = await kinds('VN', '2027-02-15');
    expect(all).toContain('II.1.a.1@01:silent'); // the Hà Nội task reports itself
    expect(all).not.toContain('II.1.a.1:silent'); // the central task reports through Hà Nội's
  });

  it('counts only accepted figures in the annual report (CLI `program report`)', async () => {
    const hanoi = await t.db
      .selectFrom('tasks')
      .select('id')
      .where('code', '=', 'II.1.a.1@01')
      .executeTakeFirstOrThrow();
    const before = await annualReportData(t.db, ctx, { year: 2026 });
    const sent = await submitReport(t.db, ctx, hanoi.id, { progress: 100, status: 'done' });
    const waiting = await annualReportData(t.db, ctx, { year: 2026 });
    expect(waiting.national.byStatus).toEqual(before.national.byStatus);
    expect(waiting.dueInYear).toEqual(before.dueInYear);
    expect(waiting.reports.awaiting).toBe(before.reports.awaiting + 1);
    await reviewReport(t.db, systemContext('reviewer'), sent.id, 'accept', { version: sent.version });
    const accepted = await annualReportData(t.db, ctx, { year: 2026 });
    expect(accepted.national.byStatus.done).toBe(before.national.byStatus.done + 2); // Hà Nội's task and the central task it is the only copy of
    expect(accepted.reports).toMatchObject({
      awaiting: before.reports.awaiting,
      accepted: before.reports.accepted + 1,
    });
  });

  it('writes the annual report in the official layout as docx and as xlsx', async () => {
    const data = await annualReportData(t.db, ctx, { year: 2026 });
    expect(data.dueInYear.map((d) => d.code)).toEqual(['II.1.a.1', 'II.1.a.2']);
    const zip = await JSZip.loadAsync(await annualReportDocx(data));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('BAN CHẤP HÀNH TRUNG ƯƠNG');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('BÁO CÁOKết quả thực hiện Chương trình hành động năm 2026');
    expect(text).toContain('01Hà Nội1');
    expect(text).toContain('Thiếu nguồn lực');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await annualReportXlsx(data)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo nội dung',
      'Hạn năm 2026',
      'Theo địa phương',
      'Cảnh báo',
    ]);
    expect(String(wb.getWorksheet('Tổng hợp')!.getCell('A1').value)).toContain(
      'BÁO CÁO Kết quả thực hiện Chương trình hành động năm 2026',
    );
    expect(wb.getWorksheet('Tổng hợp')!.getCell('B5').value).toBe(4); // three central tasks and the Hà Nội task
  });
});
