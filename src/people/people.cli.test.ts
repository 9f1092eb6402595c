// `apparatus people import|list|export|outcome`, run in-process against a database the CLI opens itself:
// a bad file refused with every row (exit 2, --json), a dry run that saves nothing, the import, the masked list,
// a placement over quota refused with the figures, an exclusion with its reason.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../platform/db/testing.ts';
import { systemContext } from '../platform/context.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';
import { createPeriod, allocate } from '../staffing/quotas/quotas.service.ts';
import { recordPresent } from '../staffing/headcount/headcount.service.ts';
import { registerPeopleRegisterCommands } from '../cli/people-register.commands.ts';
import { cliDatabase, runCli } from '../cli/cli.testing.ts';
import { personCells, registerWorkbook } from './people.testing.ts';

const run = (...args: string[]) => runCli(registerPeopleRegisterCommands, ...args);
const ctx = systemContext('test');

describe.each(ENGINES)('people CLI on %s', (engine) => {
  const cli = cliDatabase(engine, 'apparatus-people-');
  const { withDb } = cli;
  beforeAll(async () => {
    await withDb(async (db) => {
      const u = await seedMiniRegistry(db);
      await createPeriod(db, ctx, { code: '2025-2030', name: 'Thử', startDate: '2025-01-01', endDate: '2031-01-01' });
      for (const [unitId, quota] of [
        [u.vn, 1000],
        [u.hanoi, 100],
        [u.baDinh, 10],
      ] as const)
        await allocate(db, ctx, { period: '2025-2030', category: 'commune_cadre', unitId, quota });
      await recordPresent(db, ctx, {
        period: '2025-2030',
        category: 'commune_cadre',
        unitId: u.baDinh,
        asOf: '2025-07-01',
        present: 9,
      });
    });
    fs.writeFileSync(
      path.join(cli.root, 'bad.xlsx'),
      await registerWorkbook([personCells(1), personCells(2, { 'Số định danh cá nhân': '12 345' })]),
    );
    fs.writeFileSync(
      path.join(cli.root, 'good.xlsx'),
      await registerWorkbook([
        personCells(1, { 'Mã đơn vị': '00004' }),
        personCells(2, { 'Mã đơn vị': '00004' }),
        personCells(3, { 'Giới tính (Nam/Nữ)': 'Nữ', 'Ngày sinh con nhỏ nhất': '01/01/2024' }),
      ]),
    );
  });

  it('imports all or nothing, lists masked, places within quota and refuses with the figures or the reason', async () => {
    const bad = await run('people', 'import', path.join(cli.root, 'bad.xlsx'), '--unit', '01', '--json');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out)).toMatchObject({ status: 422, rows: [{ row: 3 }] });
    expect(JSON.parse(bad.out).rows[0].reasons[0].vi).toContain('12 chữ số');

    const dry = await run('people', 'import', path.join(cli.root, 'good.xlsx'), '--unit', '01', '--dry-run', '--json');
    expect(JSON.parse(dry.out)).toMatchObject({ rows: 3, inserted: 3, dryRun: true });
    const done = await run('people', 'import', path.join(cli.root, 'good.xlsx'), '--unit', '01');
    expect(done.out).toContain('3 người / people, 3 mới / new');

    const list = JSON.parse((await run('people', 'list', '--unit', '01', '--json')).out);
    expect(list.total).toBe(3);
    expect(list.items[0].idNumberMasked).toMatch(/^\*{9}\d{3}$/);
    type Item = { id: number; unitCode: string };
    const [a, b] = list.items.filter((p: Item) => p.unitCode === '00004').map((p: Item) => String(p.id));
    const mother = String(list.items.find((p: Item) => p.unitCode === '01').id);
    const decision = ['--decision', '7/QĐ-UBND', '--decision-date', '2025-07-20', '--signer', 'Chủ tịch UBND'];
    const place = (id: string) =>
      run(
        'people',
        'outcome',
        id,
        '--kind',
        'placed',
        '--unit',
        '00004',
        '--start',
        '2025-08-01',
        '--position',
        'Chuyên viên',
        ...decision,
        '--json',
      );
    const first = await place(a);
    expect(first.code, first.out).toBe(0);
    expect(JSON.parse(first.out).quota).toMatchObject({ quota: 10, present: 9, available: 0 });
    const over = await place(b);
    expect(over.code).toBe(2);
    expect(JSON.parse(over.out)).toMatchObject({ status: 409, quota: 10, present: 9, placedSince: 1, available: 0 });

    const leaving = ['--leave-date', '2025-08-01', '--reorganisation-date', '2025-06-16'];
    const noDate = await run(
      'people',
      'outcome',
      mother,
      '--kind',
      'resignation',
      '--voluntary',
      ...decision,
      '--json',
    );
    expect(JSON.parse(noDate.out)).toMatchObject({ status: 400 });
    expect(JSON.parse(noDate.out).detail_vi).toContain('leaveDate: cần để tính chế độ');
    const excluded = await run('people', 'outcome', mother, '--kind', 'resignation', ...leaving, ...decision, '--json');
    expect(JSON.parse(excluded.out)).toMatchObject({ status: 422 });
    expect(JSON.parse(excluded.out).detail_vi).toContain('dưới 36 tháng');
    const voluntary = await run(
      'people',
      'outcome',
      mother,
      '--kind',
      'resignation',
      '--voluntary',
      ...leaving,
      ...decision,
    );
    expect(voluntary.code, voluntary.out).toBe(0);
    expect(voluntary.out).toContain('Chế độ / benefit (nd178-2024-nd67-2025, lương cơ sở / base 2.340.000 đ)');

    const exported = await run('people', 'export', '--unit', '01', '--out', path.join(cli.root, 'out.xlsx'), '--json');
    expect(JSON.parse(exported.out)).toMatchObject({ rows: 3 });
  }, 120_000);
});
