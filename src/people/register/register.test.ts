// The register's import (all or nothing, every bad row with its reasons in Vietnamese), identity numbers
// encrypted at rest with a keyed lookup hash, the export that imports back, and the production-mode refusal.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { personCells, registerWorkbook } from '../people.testing.ts';
import { readRegisterFile } from './register.sheet.ts';
import { importRegister } from './register.service.ts';
import { exportRegister } from './register.export.ts';
import { decryptId, idHash } from './register.crypto.ts';

const ctx = systemContext('test');

describe.each(ENGINES)('register of affected people on %s', (engine) => {
  let t: TestDb;
  let units: Awaited<ReturnType<typeof seedMiniRegistry>>;
  const env = { ...process.env };
  beforeAll(async () => {
    t = await createTestDb(engine);
    units = await seedMiniRegistry(t.db);
  });
  afterAll(async () => t?.drop());
  afterEach(() => {
    process.env.NODE_ENV = env.NODE_ENV;
    if (env.APPARATUS_PII_KEY === undefined) delete process.env.APPARATUS_PII_KEY;
    else process.env.APPARATUS_PII_KEY = env.APPARATUS_PII_KEY;
  });
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom('people')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const load = async (cells: Parameters<typeof registerWorkbook>[0], unitId = units.hanoi, dryRun = false) =>
    importRegister(t.db, ctx, await readRegisterFile(await registerWorkbook(cells)), { unitId, dryRun, source: 't' });

  it('refuses the whole file and lists every bad row with every reason, in Vietnamese first', async () => {
    const err = await load([
      personCells(1),
      personCells(2, { 'Số định danh cá nhân': '12345678901', 'Giới tính (Nam/Nữ)': 'X' }),
      personCells(3, { 'Ngày sinh': '31/02/1980' }),
      personCells(4, { 'Đối tượng': 'Bộ đội' }),
      personCells(5, { 'Số định danh cá nhân': personCells(1)['Số định danh cá nhân'] }),
      personCells(6, { 'Mã đơn vị': '19900' }),
      personCells(7, { 'Hệ số lương': 'bốn' }),
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.status).toBe(422);
    const rows = e.extra.rows as { row: number; reasons: { vi: string }[] }[];
    expect(rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(rows[0].reasons.map((r) => r.vi)).toEqual([
      expect.stringContaining('Nam hoặc Nữ'),
      expect.stringContaining('12 chữ số'),
    ]);
    expect(rows[1].reasons[0].vi).toContain('không có thật');
    expect(rows[2].reasons[0].vi).toContain('đối tượng "Bộ đội"');
    expect(rows[3].reasons[0].vi).toContain('trùng với dòng 2');
    expect(rows[4].reasons[0].vi).toContain('không có đơn vị mã 19900'); // Phong Điền starts on 1 July 2025
    expect(rows[5].reasons[0].vi).toContain('hệ số lương');
    expect(e.detail.vi).toContain('chưa nhập gì');
    expect(await count()).toBe(0);
  });

  it('stores ID numbers encrypted with a keyed hash, updates on re-import, and exports what imports back', async () => {
    const cells = [
      personCells(1, { 'Mã đơn vị': '00004' }), // Trúc Bạch before the reform
      personCells(2, { 'Giới tính (Nam/Nữ)': 'Nữ', 'Đối tượng': 'Cán bộ', 'Dân tộc thiểu số (x)': 'x' }),
      personCells(3, { 'Đối tượng': 'Người hoạt động không chuyên trách cấp xã', 'Ngày sinh': new Date('1975-01-02') }),
    ];
    const dry = await load(cells, units.hanoi, true);
    expect(dry).toMatchObject({ rows: 3, inserted: 3, updated: 0, dryRun: true });
    expect(await count()).toBe(0);
    expect(await load(cells)).toMatchObject({ rows: 3, inserted: 3, updated: 0, devKey: true });
    const stored = await t.db.selectFrom('people').selectAll().orderBy('id').execute();
    const id1 = String(personCells(1)['Số định danh cá nhân']);
    expect(stored[0].unit_id).toBe(units.trucBach);
    expect(stored[1].unit_id).toBe(units.hanoi);
    expect(stored[0]).toMatchObject({ salary_coef: 4.98, other_allowances_vnd: 1_500_000, si_months: 306 });
    expect(JSON.stringify(stored)).not.toContain(id1);
    expect(stored[0].id_hash).toBe(idHash(id1));
    expect(decryptId(stored[0].id_cipher)).toBe(id1);
    expect(stored[1]).toMatchObject({ sex: 'f', category: 'cadre', ethnic_minority: true });
    expect(await load(cells)).toMatchObject({ inserted: 0, updated: 3 });
    expect(await count()).toBe(3);

    const out = await exportRegister(t.db, ctx, units.hanoi);
    expect(out.rowCount).toBe(3);
    const back = await readRegisterFile(out.content);
    expect(back.problems).toEqual([]);
    const byId = (a: (string | number)[], b: (string | number)[]) => String(a[0]).localeCompare(String(b[0]));
    expect(
      back.people.map((p) => [p.idNumber, p.fullName, p.birthDate, p.siMonths, p.salaryCoef, p.sex]).sort(byId),
    ).toEqual(
      stored
        .map((s) => [decryptId(s.id_cipher), s.full_name, s.birth_date, s.si_months, s.salary_coef, s.sex])
        .sort(byId),
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'like', 'people.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['people.import', 'people.import', 'people.export']);
    expect(audit[2].after).toMatchObject({ rowCount: 3 });
    expect(JSON.stringify(audit)).not.toContain('Nguyễn');

    // The same number in another province's file: refused, the first unit keeps the person.
    const err = (await load([personCells(1)], units.hue).catch((e: unknown) => e)) as AppError;
    expect(err.status).toBe(422);
    expect((err.extra.rows as { reasons: { vi: string }[] }[])[0].reasons[0].vi).toContain('đơn vị khác');
  });

  it('refuses to write identity numbers in production mode without APPARATUS_PII_KEY, and uses the key when set', async () => {
    process.env.NODE_ENV = 'production';
    delete process.env.APPARATUS_PII_KEY;
    const err = (await load([personCells(9)]).catch((e: unknown) => e)) as AppError;
    expect(err.status).toBe(503);
    expect(err.detail.vi).toContain('APPARATUS_PII_KEY');
    process.env.APPARATUS_PII_KEY = 'ab'.repeat(32);
    expect(await load([personCells(9)])).toMatchObject({ inserted: 1, devKey: false });
    const row = await t.db
      .selectFrom('people')
      .selectAll()
      .where('id_hash', '=', idHash(String(personCells(9)['Số định danh cá nhân'])))
      .executeTakeFirstOrThrow();
    expect(decryptId(row.id_cipher)).toBe(String(personCells(9)['Số định danh cá nhân']));
    delete process.env.APPARATUS_PII_KEY;
    process.env.NODE_ENV = env.NODE_ENV;
    expect(() => decryptId(row.id_cipher)).toThrow(/APPARATUS_PII_KEY/);
  });
});
