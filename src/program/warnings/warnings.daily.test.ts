// The daily warning clock: exactly one claim per day, however many processes ask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { openDatabase } from '../../platform/db/db.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { claimDailyRun, runDailyIfDue } from './warnings.daily.ts';

const NO_MAIL = { smtpUrl: null, mailFrom: 'test@localhost' };

describe.each(ENGINES)('daily warning run on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedMiniRegistry(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('runs once a day and records the result', async () => {
    const first = await runDailyIfDue(t.db, NO_MAIL, '2027-01-10');
    expect(first).not.toBeNull();
    expect(await runDailyIfDue(t.db, NO_MAIL, '2027-01-10')).toBeNull();
    const row = await t.db
      .selectFrom('program_daily_runs')
      .selectAll()
      .where('as_of', '=', '2027-01-10')
      .executeTakeFirstOrThrow();
    expect(row.finished_at).not.toBeNull();
    expect(row.result).toEqual(JSON.parse(JSON.stringify(first)));
  });

  it.skipIf(engine !== 'postgres')('lets only one of several processes claim a day', async () => {
    const others = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: t.url })));
    try {
      const claims = await Promise.all([t.db, ...others.map((o) => o.db)].map((db) => claimDailyRun(db, '2027-02-01')));
      expect(claims.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });
});
