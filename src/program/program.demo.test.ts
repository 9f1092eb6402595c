// The demo program: the real document through the parser, sample tasks with
// deadlines cascaded to provinces and communes, reports, consistent rollups.
// Runs on the mini registry (two provinces) to stay fast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../platform/testing.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';
import { loadProgramDemo } from './program.demo.ts';
import { expectRollupsConsistent } from './program.testing.ts';

describe('program demo on pglite', () => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestDb('pglite'); await seedMiniRegistry(t.db); });
  afterAll(async () => { await t?.drop(); });

  it('imports the fixture, cascades, reports, marks everything as demo, and loads once', async () => {
    const r = (await loadProgramDemo(t.db))!;
    expect(r.tasks.task).toBe(207);
    expect(r.cascaded).toBe(6 * 2 + 3); // six tasks to two provinces; then one commune each: II.5.1 in Hà Nội and Huế, II.6.4 in Huế
    expect(r.reports).toBeGreaterThan(0);
    const fromText = await t.db.selectFrom('tasks').select(['code', 'due_date', 'deadline_text']).where('code', '=', 'II.1.b.3').executeTakeFirstOrThrow();
    expect(fromText).toEqual({ code: 'II.1.b.3', due_date: '2030-12-31', deadline_text: 'by 2030' });
    const sampled = await t.db.selectFrom('tasks').select(['due_date', 'deadline_kind']).where('code', '=', 'II.5.1@46').executeTakeFirstOrThrow();
    expect(sampled).toEqual({ due_date: '2026-12-31', deadline_kind: 'quarter' });
    const notDemo = await t.db.selectFrom('tasks').select('id').where('is_demo', '=', false).execute();
    expect(notDemo).toEqual([]);
    expect((await t.db.selectFrom('task_reports').select('id').where('is_demo', '=', false).execute())).toEqual([]);
    await expectRollupsConsistent(t, r.programId);
    expect(await loadProgramDemo(t.db)).toBeNull();
  });
});
