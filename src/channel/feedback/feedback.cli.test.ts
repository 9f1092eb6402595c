// `apparatus feedback stats` and `feedback overdue`, run in-process against a database the CLI opens itself
// (a PGlite folder, or a PostgreSQL test database): an item submitted long ago and left unanswered is overdue,
// an answered one counts as answered and not overdue; --province narrows; --json is exact.
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { registerFeedbackCommands } from '../../cli/feedback.commands.ts';
import { cliDatabase, runCli } from '../../cli/cli.testing.ts';
import { submit } from './feedback.service.ts';
import { answer } from './feedback.officer.ts';
import { feedbackSettings } from './feedback.settings.ts';

const run = (...args: string[]) => runCli(registerFeedbackCommands, ...args);
const ctx = systemContext('test');

describe.each(ENGINES)('feedback CLI on %s', (engine) => {
  const { withDb } = cliDatabase(engine, 'apparatus-feedback-');

  beforeAll(async () => {
    await withDb(async (db) => {
      await seedMiniRegistry(db);
      const old = feedbackSettings({ today: () => '2026-01-05' });
      const input = {
        category: 'environment',
        title: 'Rác',
        description: 'Rác để lâu ngày.',
        privacy: 'public' as const,
      };
      await submit(db, ctx, { ...input, unitCode: '00004' }, old);
      const b = await submit(db, ctx, { ...input, unitCode: '19900' }, old);
      const id = (
        await db.selectFrom('feedback_items').select('id').where('code', '=', b.code).executeTakeFirstOrThrow()
      ).id;
      await answer(db, ctx, id, 'Đã thu gom xong.', old);
    });
  });

  it('counts per unit, narrows to a province, and lists what is overdue', async () => {
    const all = await run('feedback', 'stats', '--as-of', '2026-03-01', '--json');
    expect(all.code, all.err).toBe(0);
    const r = JSON.parse(all.out);
    // The answer was written today, long after its due date in January: answered, not on time.
    expect(r.total).toMatchObject({ total: 2, open: 2, overdue: 1, answered: 1, answeredOnTime: 0, closed: 0 });
    const hanoi = JSON.parse(
      (await run('feedback', 'stats', '--province', '01', '--as-of', '2026-03-01', '--json')).out,
    );
    expect(hanoi.rows.map((x: { unit: { code: string } }) => x.unit.code)).toEqual(['00004']);
    const text = await run('feedback', 'stats', '--as-of', '2026-03-01');
    expect(text.out).toContain('quá hạn / overdue 1');

    const late = JSON.parse((await run('feedback', 'overdue', '--json')).out);
    expect(late.items).toHaveLength(1);
    expect(late.items[0]).toMatchObject({ unit: { code: '00004' }, status: 'received' });
    expect(late.items[0].workingDaysLate).toBeGreaterThan(0);
    const hue = JSON.parse((await run('feedback', 'overdue', '--province', '46', '--json')).out);
    expect(hue.items).toEqual([]);
    const bad = await run('feedback', 'stats', '--province', '99', '--json');
    expect(bad.code).not.toBe(0);
  });
});
