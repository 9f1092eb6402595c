// Programs: import from a parsed tree, amendments readable as of a date,
// maintained rollups matching a rebuild from the tasks, on every engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { systemContext } from '../platform/context.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';
import { createProgramFromTree } from './tasks/tasks.import.ts';
import { TEST_META, testTree } from './program.fixtures.ts';
import { expectRollupsConsistent } from './program.testing.ts';

const ctx = systemContext('test');

describe.each(ENGINES)('program import on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedMiniRegistry(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('imports the tree all-or-nothing with kinds, sections, deadlines and rollups', async () => {
    const { program, counts } = await createProgramFromTree(t.db, ctx, TEST_META, testTree(), {
      language: 'vi',
      effectiveDate: '2026-01-15',
    });
    expect(counts).toEqual({ part: 2, section: 2, group: 1, task: 3, text: 1 });
    const tasks = await t.db
      .selectFrom('tasks')
      .selectAll()
      .where('program_id', '=', program.id)
      .orderBy('position')
      .execute();
    const digitise = tasks.find((x) => x.code === 'II.1.a.1')!;
    expect(digitise).toMatchObject({
      kind: 'task',
      due_date: '2026-12-31',
      deadline_kind: 'quarter',
      deadline_text: 'quý IV/2026',
    });
    expect(digitise.section_id).toBe(tasks.find((x) => x.code === 'II.1')!.id);
    expect(tasks.find((x) => x.code === 'I.1')!.kind).toBe('text');
    await expectRollupsConsistent(t, program.id);
    const again = createProgramFromTree(t.db, ctx, TEST_META, testTree(), {
      language: 'vi',
      effectiveDate: '2026-01-15',
    });
    await expect(again).rejects.toMatchObject({ status: 409 });
  });
});
