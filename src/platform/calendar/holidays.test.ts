// The holiday calendar: the file in data/calendar and the rows migration 0030 seeds agree (one cannot change
// without the other), Tết 2026 and 2027 are in it, and working days skip it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../db/testing.ts';
import { readHolidayFile } from './holidays.data.ts';
import { holidaysFrom, workingDayAfter, workingDaysBetween } from './holidays.store.ts';

describe.each(ENGINES)('holiday calendar on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('seeds exactly the days of data/calendar/public-holidays-vn.csv, Tết 2026 and 2027 included', async () => {
    const file = readHolidayFile();
    const seeded = new Map((await holidaysFrom(t.db, '2025-01-01')).map((h) => [h.day, h]));
    for (const h of file) {
      expect(seeded.get(h.day), h.day).toMatchObject({ name_vi: h.name_vi, name_en: h.name_en });
      expect(seeded.get(h.day)!.basis.startsWith(h.basis), h.day).toBe(true);
    }
    const tet = (y: string) => file.filter((h) => h.day.startsWith(y) && h.name_vi.startsWith('Tết Nguyên đán'));
    expect(tet('2026').map((h) => h.day)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(tet('2027')).toHaveLength(5);
    // Every row is a weekday: a holiday on a weekend changes nothing, a compensatory day is written as its own row.
    for (const h of file) expect([0, 6], h.day).not.toContain(new Date(`${h.day}T00:00:00Z`).getUTCDay());
  });

  it('counts working days across Tết', async () => {
    expect(await workingDayAfter(t.db, '2026-02-13', 1)).toBe('2026-02-23');
    expect(await workingDaysBetween(t.db, '2026-02-13', '2026-02-23')).toBe(1);
    expect(await workingDayAfter(t.db, '2027-02-03', 1)).toBe('2027-02-11');
  });
});
