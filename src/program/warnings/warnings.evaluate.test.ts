// The evaluation paths must agree (a change's locked read and the daily run's
// pages judge a task the same way), a task without a start of its own runs
// from the program's start, and concurrent reports on sibling tasks roll up
// without losing either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createProgramFromTree } from '../tasks/tasks.import.ts';
import { TEST_META, testTree } from '../program.fixtures.ts';
import { cascadeTask } from '../cascade/cascade.service.ts';
import { adjustTask } from '../amendments/amendments.service.ts';
import { computeEvaluations, factsOfLocked, factsOfPage, judgeRows, loadEvalRowsOfUnits } from './warnings.evaluate.ts';
import { cascadeParents, evalPage, lockEvalRows } from './warnings.store.ts';
import { expectRollupsConsistent, reportAccepted } from '../program.testing.ts';
import { submitReport } from '../reports/reports.service.ts';
import { reevaluateAll } from './warnings.service.ts';

const ctx = systemContext('test');
const AS_OF = '2028-07-01';

describe.each(ENGINES)('warning evaluation on %s', (engine) => {
  let t: TestDb;
  let programId: number;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestDb(engine);
    const units = await seedMiniRegistry(t.db);
    programId = (
      await createProgramFromTree(t.db, ctx, TEST_META, testTree(), { language: 'vi', effectiveDate: '2026-01-15' })
    ).program.id;
    for (const r of await t.db
      .selectFrom('tasks')
      .select(['id', 'code', 'version'])
      .where('program_id', '=', programId)
      .execute())
      ids[r.code] = r.id;
    const version = async (id: number) =>
      (await t.db.selectFrom('tasks').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    const adjust = async (code: string, changes: object) =>
      adjustTask(t.db, ctx, ids[code], {
        version: await version(ids[code]),
        decisionRef: 'QĐ 1',
        reason: 'test',
        effectiveDate: '2026-02-01',
        changes,
      });
    // Funding on the central task only (its cascaded tasks inherit it), a dependency, and a task "by 2030" without a start.
    await adjust('II.1.a.1', {
      funding: [{ source: 'central_budget', amountRequired: 100, amountAllocated: 40 }],
      deadline: { phrase: 'năm 2030' },
    });
    await adjust('II.2.1', { dependsOn: [ids['II.1.a.2']] });
    await adjust('II.1.a.2', { deadline: { phrase: 'by 2030' } });
    await cascadeTask(t.db, ctx, ids['II.1.a.1'], {
      target: { kind: 'units', unitIds: [units.hanoi, units.hue] },
      asOf: '2026-02-01',
    });
    for (const r of await t.db.selectFrom('tasks').select(['id', 'code']).where('program_id', '=', programId).execute())
      ids[r.code] = r.id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  const summary = (judged: ReturnType<typeof judgeRows>) =>
    judged.map((j) => ({
      id: j.row.id,
      status: j.status,
      rating: j.rating,
      warnings: j.evaluation.warnings.map((w) => ({ kind: w.kind, facts: w.facts })),
    }));

  it('judges every task the same through a locked read, a daily page and a subtree read', async () => {
    const plain = await loadEvalRowsOfUnits(t.db, null);
    const bySubtree = summary(await computeEvaluations(t.db, plain, AS_OF));
    const page = await evalPage(t.db, 0, 1000);
    const byPage = summary(judgeRows(page.rows, AS_OF, factsOfPage(await cascadeParents(t.db), page)));
    const byLock = await t.db.transaction().execute(async (trx) =>
      summary(
        judgeRows(
          await lockEvalRows(
            trx,
            plain.map((r) => r.id),
            false,
          ),
          AS_OF,
          factsOfLocked(),
        ),
      ),
    );
    // Over 100 ids the locked read takes its bulk path: pad the list with ids no task has.
    const padded = [...plain.map((r) => r.id), ...Array.from({ length: 101 }, (_, i) => 1e9 + i)];
    const byBulkLock = await t.db
      .transaction()
      .execute(async (trx) => summary(judgeRows(await lockEvalRows(trx, padded, false), AS_OF, factsOfLocked())));
    expect(byPage).toEqual(bySubtree);
    expect(byLock).toEqual(bySubtree);
    expect(byBulkLock).toEqual(bySubtree);
    // The cascaded tasks are funded by the central task's line, so they lack resources for its gap, not for want of a source.
    const cascaded = bySubtree.filter((s) => plain.find((r) => r.id === s.id)?.cascaded);
    expect(cascaded).toHaveLength(2);
    for (const c of cascaded)
      expect(c.warnings.find((w) => w.kind === 'lacking_resources')?.facts).toMatchObject({
        required: 100,
        allocated: 40,
      });
    // The task that depends on one with no progress mid-program is not blocked (its dependency is not late yet).
    expect(bySubtree.find((s) => s.id === ids['II.2.1'])?.warnings.map((w) => w.kind)).not.toContain('blocked');
  });

  it('measures the elapsed time of a task due "by 2030" from the program start, not from 2030', async () => {
    const [row] = (await loadEvalRowsOfUnits(t.db, null)).filter((r) => r.id === ids['II.1.a.2']);
    expect(row).toMatchObject({ start: '2026-01-01', due_date: '2030-12-31' });
    const [judged] = await computeEvaluations(t.db, [row], AS_OF);
    const atRisk = judged.evaluation.warnings.find((w) => w.kind === 'at_risk');
    expect(atRisk, 'half the program has passed with no progress').toBeDefined();
    expect(atRisk!.message.en).toMatch(/elapsed|time/i);
  });

  it('rolls concurrent reports on sibling tasks up into their parent without losing either', async () => {
    const [hanoi, hue] = ['II.1.a.1@01', 'II.1.a.1@46'].map((c) => ids[c]);
    expect(hanoi && hue).toBeTruthy();
    for (const [a, b] of [
      [40, 80],
      [10, 30],
      [55, 65],
    ]) {
      await Promise.all([
        reportAccepted(t, hanoi, { progress: a, status: 'in_progress' }),
        reportAccepted(t, hue, { progress: b, status: 'in_progress' }),
      ]);
      const parent = await t.db
        .selectFrom('tasks')
        .select('progress')
        .where('id', '=', ids['II.1.a.1'])
        .executeTakeFirstOrThrow();
      expect(parent.progress).toBe((a + b) / 2);
    }
    await expectRollupsConsistent(t, programId);
  });

  it('writes on a report what the daily run would: the task, its cascade parent and a task depending on it', async () => {
    const asOf = '2028-07-02';
    const kindsOf = async (code: string) =>
      (await t.db.selectFrom('tasks').select('warning_kinds').where('id', '=', ids[code]).executeTakeFirstOrThrow())
        .warning_kinds;
    // II.2.1 depends on II.1.a.2: due in 2027 and not done, it blocks II.2.1.
    const dep = await t.db
      .selectFrom('tasks')
      .select('version')
      .where('id', '=', ids['II.1.a.2'])
      .executeTakeFirstOrThrow();
    await adjustTask(t.db, ctx, ids['II.1.a.2'], {
      version: dep.version,
      decisionRef: 'QĐ 2',
      reason: 'test',
      effectiveDate: '2026-03-01',
      changes: { deadline: { phrase: 'năm 2027' } },
    });
    await reevaluateAll(t.db, asOf);
    expect(await kindsOf('II.2.1')).toContain('blocked');
    await reportAccepted(t, ids['II.1.a.2'], { progress: 100, status: 'done' }, { submittedOn: asOf });
    expect(await kindsOf('II.2.1'), 'the report on the dependency re-judges the task depending on it').not.toContain(
      'blocked',
    );
    // Cascaded leaves: funded by the central task's line, their parent recomputed from both.
    await reportAccepted(
      t,
      ids['II.1.a.1@01'],
      { progress: 20, status: 'in_progress', resourcesNeeded: 'thêm kinh phí' },
      { submittedOn: asOf },
    );
    await reportAccepted(t, ids['II.1.a.1@46'], { progress: 100, status: 'done' }, { submittedOn: asOf });
    const lacking = await t.db
      .selectFrom('program_warnings')
      .select('facts')
      .where('task_id', '=', ids['II.1.a.1@01'])
      .where('kind', '=', 'lacking_resources')
      .where('resolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(lacking.facts, "judged with the central task's funding line").toEqual({
      required: 100,
      allocated: 40,
      allocatedPct: 40,
      reportDate: asOf,
    });
    // A report awaiting review on a silent task: the submit judges it (the unit reported), as the daily run would.
    expect(await kindsOf('II.2.1')).toContain('silent');
    await submitReport(t.db, ctx, ids['II.2.1'], { progress: 10, status: 'in_progress' }, { submittedOn: asOf });
    expect(await kindsOf('II.2.1')).not.toContain('silent');
    expect(await reevaluateAll(t.db, asOf), 'the daily run on the same date finds nothing to change').toMatchObject({
      changed: 0,
      raised: 0,
      resolved: 0,
    });
    await expectRollupsConsistent(t, programId);
  });
});
