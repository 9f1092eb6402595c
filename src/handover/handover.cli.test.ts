// `apparatus handover …` on the real registry: open (first use imports the reference data), status of a
// province, the minutes of a signed handover written to a file, and `verify` telling that file from another.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../platform/db/testing.ts';
import { systemContext } from '../platform/context.ts';
import { registerHandoverCommands } from '../cli/handover.commands.ts';
import { cliDatabase, runCli } from '../cli/cli.testing.ts';
import { addLine } from './inventory/inventory.service.ts';
import { countLine, submit } from './workflow/workflow.service.ts';
import { makeMinutes, sign } from './minutes/minutes.service.ts';
import { COLUMNS } from './sheet/sheet.columns.ts';

const run = (...args: string[]) => runCli(registerHandoverCommands, ...args);
const sys = systemContext('cli:test');

describe.each(ENGINES)('handover CLI on %s', (engine) => {
  const cli = cliDatabase(engine, 'apparatus-handover-');
  const { withDb } = cli;

  it('opens the handovers of 1 July 2025 by level, then none the second time', async () => {
    const first = await run('handover', 'open', '--as-of', '2025-07-01', '--json');
    expect(first.code, first.err).toBe(0);
    const r = JSON.parse(first.out);
    expect(r.levels.map((l: { levelName: string; opened: number }) => [l.levelName, l.opened])).toEqual([
      ['province', 63],
      ['district', 696],
      ['commune', 10035],
    ]);
    expect(JSON.parse((await run('handover', 'open', '--as-of', '2025-07-01', '--json')).out).opened).toBe(0);
    const status = JSON.parse((await run('handover', 'status', '--province', '01', '--json')).out);
    expect(status).toMatchObject({ province: '01', lines: 0, outstanding: 0 });
    expect(status.handovers).toBeGreaterThan(500); // Hà Nội's old province, its 30 districts and their communes
  }, 300_000);

  it('writes the signed minutes and verifies that file, not another', async () => {
    const id = await withDb(async (db) => {
      const h = await db
        .selectFrom('handovers')
        .innerJoin('units', 'units.id', 'handovers.from_unit_id')
        .select('handovers.id')
        .where('units.key', '=', 'old:c:00004') // Phường Trúc Bạch → Phường Ba Đình
        .executeTakeFirstOrThrow();
      const line = await addLine(db, sys, h.id, {
        kind: 'seal',
        title: 'Con dấu UBND phường Trúc Bạch',
        condition: 'good',
        files: [],
        sealKind: 'seal',
        identifier: 'TB-01',
        state: 'surrendered',
        receiptRef: 'BB 7/CA',
      });
      await submit(db, sys, h.id);
      await countLine(db, sys, h.id, line.id, { state: 'received' });
      const m = await makeMinutes(db, sys, h.id, '2025-08-15');
      await sign(db, sys, h.id, { side: 'from', documentSha256: m.documentSha256 });
      await sign(db, sys, h.id, { side: 'to', documentSha256: m.documentSha256 });
      return h.id;
    });
    const file = path.join(cli.root, 'bien-ban.docx');
    const written = await run('handover', 'minutes', String(id), '--out', file, '--json');
    expect(written.code, written.err).toBe(0);
    const ok = await run('handover', 'verify', file, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({
      match: true,
      handoverId: id,
      signedByBoth: true,
      fromUnit: 'Phường Trúc Bạch',
    });
    const other = path.join(cli.root, 'khac.docx');
    await writeFile(other, 'not the minutes');
    const bad = await run('handover', 'verify', other, '--json');
    expect(bad.code).toBe(3);
    expect(JSON.parse(bad.out).match).toBe(false);
  });

  it('imports an inventory (refused with its rows, dry run, for real), then shows the dashboard and the anomalies', async () => {
    const id = await withDb(async (db) => {
      const r = await db
        .selectFrom('handovers as h')
        .innerJoin('handover_receivers as r', 'r.handover_id', 'h.id')
        .select('h.id')
        .where('h.level', '=', 3)
        .where('h.state', '=', 'draft')
        .groupBy('h.id')
        .having((eb) => eb.fn.countAll(), '=', 1)
        .orderBy('h.id')
        .executeTakeFirstOrThrow();
      return r.id;
    });
    const cells: Record<string, string> = {
      'Loại dòng': 'Con dấu, chữ ký số',
      'Tên, tiêu đề': 'Con dấu UBND',
      'Loại dấu': 'Con dấu',
      'Số hiệu dấu, chứng thư số': 'D-1',
      'Trạng thái dấu': 'Đang sử dụng',
    };
    const csv = (rows: Record<string, string>[]) =>
      [COLUMNS.map((c) => c.header), ...rows.map((r) => COLUMNS.map((c) => r[c.header] ?? ''))]
        .map((r) => r.map((v) => `"${v}"`).join(','))
        .join('\n');
    const good = path.join(cli.root, 'danh-muc.csv');
    const bad = path.join(cli.root, 'sai.csv');
    await writeFile(good, csv([cells, { ...cells, 'Số hiệu dấu, chứng thư số': 'D-2' }]));
    await writeFile(bad, csv([cells, { ...cells, 'Trạng thái dấu': 'Mất' }]));
    const refused = await run('handover', 'import', bad, '--handover', String(id));
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('dòng / row 3');
    const dry = await run('handover', 'import', good, '--handover', String(id), '--dry-run', '--json');
    expect(dry.code, dry.err).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ dryRun: true, rows: 2 });
    const real = await run('handover', 'import', good, '--handover', String(id), '--json');
    expect(JSON.parse(real.out)).toMatchObject({ dryRun: false, rows: 2, kinds: { seal: 2 } });
    const status = JSON.parse((await run('handover', 'status', '--json')).out);
    expect(status.dashboard).toMatchObject({ province: null, sealsNotSurrendered: 2, lines: 3 });
    const check = await run('handover', 'check', '--json');
    expect(JSON.parse(check.out).anomalies).toHaveLength(5);
  });
});
