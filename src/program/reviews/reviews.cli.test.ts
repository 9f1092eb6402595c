// `apparatus program reviews` and `program holidays`, run in-process through
// commander against a database the CLI opens itself (a PGlite folder, or a
// PostgreSQL test database).
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { registerProgramCommands } from '../../cli/program.commands.ts';
import { cliDatabase, runCli } from '../../cli/cli.testing.ts';
import { createProgramFromTree } from '../tasks/tasks.import.ts';
import { TEST_META, testTree } from '../program.fixtures.ts';
import { cascadeTask } from '../cascade/cascade.service.ts';
import { submitReport } from '../reports/reports.service.ts';
import { readHolidayFile } from '../../platform/calendar/holidays.data.ts';

const run = (...args: string[]) => runCli(registerProgramCommands, ...args);
const ctx = systemContext('test');

describe.each(ENGINES)('program reviews and holidays CLI on %s', (engine) => {
  const { withDb } = cliDatabase(engine, 'apparatus-reviews-');

  beforeAll(async () => {
    await withDb(async (db) => {
      const units = await seedMiniRegistry(db);
      for (const [username, role, unitCode] of [
        ['hanoi', 'province_officer', '01'],
        ['central', 'central_officer', 'VN'],
      ] as const) {
        await createUser(db, ctx, {
          username,
          displayName: username,
          password: 'correct horse battery',
          grants: [{ role, unitCode }],
        });
      }
      const { program } = await createProgramFromTree(db, ctx, TEST_META, testTree(), {
        language: 'vi',
        effectiveDate: '2026-01-15',
      });
      const central = await db
        .selectFrom('tasks')
        .select('id')
        .where('program_id', '=', program.id)
        .where('code', '=', 'II.1.a.1')
        .executeTakeFirstOrThrow();
      await cascadeTask(db, ctx, central.id, { target: { kind: 'all_provinces' }, asOf: '2026-02-01' });
      const hanoi = await db
        .selectFrom('tasks')
        .select('id')
        .where('code', '=', 'II.1.a.1@01')
        .executeTakeFirstOrThrow();
      await cascadeTask(db, ctx, hanoi.id, {
        target: { kind: 'communes_of', provinceId: units.hanoi },
        asOf: '2026-02-01',
      });
      const baDinh = await db
        .selectFrom('tasks')
        .select('id')
        .where('code', '=', 'II.1.a.1@01@00004')
        .executeTakeFirstOrThrow();
      await submitReport(
        db,
        ctx,
        baDinh.id,
        { reportDate: '2026-11-02', progress: 35, status: 'in_progress' },
        { submittedOn: '2026-11-02' },
      );
    });
  });

  it("lists a reviewer's queue, and every report awaiting review without --user", async () => {
    const mine = await run('program', 'reviews', '--user', 'hanoi', '--json');
    expect(mine.code).toBe(0);
    const queue = JSON.parse(mine.out);
    expect(queue).toMatchObject({
      total: 1,
      items: [
        { progress: 35, reviewDue: '2026-11-09', task: { code: 'II.1.a.1@01@00004', official: { progress: 0 } } },
      ],
    });
    expect(queue.overdue).toBe(1);
    expect(JSON.parse((await run('program', 'reviews', '--user', 'central', '--json')).out).total).toBe(0);
    expect(JSON.parse((await run('program', 'reviews', '--user', 'central', '--all', '--json')).out).total).toBe(1);
    expect(JSON.parse((await run('program', 'reviews', '--late', 'review', '--json')).out).total).toBe(1);
    expect(JSON.parse((await run('program', 'reviews', '--period', '2026-Q3', '--json')).out).total).toBe(0);
    const text = await run('program', 'reviews', '--user', 'hanoi');
    expect(text.out).toContain('QUÁ HẠN DUYỆT');
    expect((await run('program', 'reviews', '--user', 'nobody')).code).not.toBe(0);
  });

  it('adds a public holiday that review deadlines then skip', async () => {
    // Tết 2027 is in the shipped calendar (data/calendar, migration 0030): add a day it does not hold.
    const added = await run(
      'program',
      'holidays',
      'add',
      '2027-03-15',
      '--name',
      'Ngày nghỉ thử',
      '--basis',
      'Thông báo thử',
      '--json',
    );
    expect(added.code).toBe(0);
    const listed = JSON.parse((await run('program', 'holidays', 'list', '--from', '2027-01-01', '--json')).out);
    const shipped = readHolidayFile()
      .map((h) => h.day)
      .filter((d) => d.startsWith('2027'));
    expect(listed.items.map((h: { day: string }) => h.day).filter((d: string) => d < '2028')).toEqual(
      ['2027-01-01', ...shipped, '2027-03-15', '2027-04-30', '2027-05-01', '2027-09-02'].sort(),
    );
    const due = await withDb(
      async (db) =>
        (
          await db
            .selectNoFrom((eb) => eb.fn<string>('working_day_after', [eb.val('2027-03-12'), eb.val(1)]).as('d'))
            .executeTakeFirstOrThrow()
        ).d,
    );
    expect(String(due)).toBe('2027-03-16'); // Friday + 1 working day: Monday the 15th is now a holiday
  });
});
