// The demo program: the real document through the parser, sample tasks with
// deadlines cascaded to provinces and communes, reports, consistent rollups.
// Runs on the mini registry (two provinces) to stay fast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../platform/db/testing.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';
import { loadProgramDemo } from './program.demo.ts';
import { expectRollupsConsistent } from './program.testing.ts';
import { sql } from 'kysely';
import { todayIso } from '../platform/errors.ts';
import { reevaluateAll } from './warnings/warnings.service.ts';

describe('program demo on pglite', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pglite');
    await seedMiniRegistry(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('imports the fixture, cascades, reports, marks everything as demo, and loads once', async () => {
    const r = (await loadProgramDemo(t.db))!;
    expect(r.tasks.task).toBe(207);
    expect(r.cascaded).toBe(6 * 2 + 3); // six tasks to two provinces; then one commune each: II.5.1 in Hà Nội and Huế, II.6.4 in Huế
    expect(r.reports).toBeGreaterThan(0);
    const fromText = await t.db
      .selectFrom('tasks')
      .select(['code', 'due_date', 'deadline_text'])
      .where('code', '=', 'II.1.b.3')
      .executeTakeFirstOrThrow();
    expect(fromText).toEqual({ code: 'II.1.b.3', due_date: '2030-12-31', deadline_text: 'by 2030' });
    const sampled = await t.db
      .selectFrom('tasks')
      .select(['due_date', 'deadline_kind'])
      .where('code', '=', 'II.5.1@46')
      .executeTakeFirstOrThrow();
    expect(sampled).toEqual({ due_date: '2026-12-31', deadline_kind: 'quarter' });
    const notDemo = await t.db.selectFrom('tasks').select('id').where('is_demo', '=', false).execute();
    expect(notDemo).toEqual([]);
    expect(await t.db.selectFrom('task_reports').select('id').where('is_demo', '=', false).execute()).toEqual([]);
    await expectRollupsConsistent(t, r.programId);
    expect(await loadProgramDemo(t.db)).toBeNull();
  });

  it('shows one set of figures everywhere: official from accepted reports, reported beside them, warnings quoting what the task shows', async () => {
    const programId = (await t.db.selectFrom('programs').select('id').executeTakeFirstOrThrow()).id;
    const states = await sql<{
      state: string;
      n: number;
    }>`select state, count(*)::int as n from task_reports group by state`.execute(t.db);
    const count = Object.fromEntries(states.rows.map((x) => [x.state, x.n]));
    // A realistic mix: most accepted, some awaiting review, some returned.
    expect(count.accepted).toBeGreaterThan(count.submitted);
    expect(count.submitted).toBeGreaterThan(0);
    expect(count.returned).toBeGreaterThan(0);
    // Each leaf's official progress is its latest ACCEPTED report's; its reported figures are its latest report awaiting review.
    const leaves = await sql<{
      code: string;
      progress: number;
      reported_progress: number | null;
      accepted: number | null;
      waiting: number | null;
    }>`
      select t.code, t.progress, t.reported_progress,
        (select r.progress from task_reports r where r.task_id = t.id and r.state = 'accepted' order by r.report_date desc, r.id desc limit 1) as accepted,
        (select r.progress from task_reports r where r.task_id = t.id and r.state = 'submitted' order by r.report_date desc, r.id desc limit 1) as waiting
      from tasks t where t.program_id = ${programId} and t.cascaded and not exists (select 1 from tasks c where c.parent_id = t.id and c.cascaded)`.execute(
      t.db,
    );
    expect(leaves.rows.length).toBeGreaterThan(0);
    for (const l of leaves.rows)
      expect([l.code, l.progress, l.reported_progress]).toEqual([l.code, l.accepted ?? 0, l.waiting]);
    // The Ba Đình task of issue 15 ("67%" beside "tiến độ mới đạt 0%"): every open warning that quotes a progress
    // quotes the task's official progress, and names it official.
    const quoting = await sql<{ code: string; progress: number; quoted: number; message_vi: string }>`
      select t.code, t.progress, (w.facts->>'progress')::numeric as quoted, w.message_vi from program_warnings w join tasks t on t.id = w.task_id
      where w.resolved_at is null and w.facts ? 'progress'`.execute(t.db);
    expect(quoting.rows.length).toBeGreaterThan(0);
    for (const w of quoting.rows) {
      expect([w.code, w.quoted]).toEqual([w.code, w.progress]);
      expect(w.message_vi).toContain('tiến độ chính thức');
    }
    // Nothing left for the daily run to change on the same day.
    expect(await reevaluateAll(t.db, todayIso())).toMatchObject({ changed: 0, raised: 0, resolved: 0 });
  });
});
