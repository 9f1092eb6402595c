// Leader scores on the database, both engines: evidence from ACCEPTED reports only (a submitted or returned
// report never counts), the public channel empty (its weight redistributed, flagged), the disruption term from
// the lineage, the appeal that records an objective cause and recomputes, and who may read a score.
// Figures are hand-computed in the comments; units are the mini registry (illustrative).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext, type RequestContext, type Role } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { addLeader, computeScores, explainScore, recordAssessment, recordExemption } from './scores.service.ts';

const sys = systemContext('test');
const TODAY = '2027-01-15';

async function userCtx(t: TestDb, username: string, role: Role, unitId: number): Promise<RequestContext> {
  const u = await createUser(t.db, sys, {
    username,
    displayName: username,
    password: 'correct horse 1',
    grants: [{ role, unitId }],
  });
  return {
    user: { id: u.id, username, displayName: username, grants: [{ role, unitId, unitName: 'x' }] },
    actorLabel: username,
    ip: null,
    userAgent: null,
    via: 'session',
  };
}
const refused = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

describe.each(ENGINES)('leader scores on %s', (engine) => {
  let t: TestDb;
  let u: Awaited<ReturnType<typeof seedMiniRegistry>>;
  let chair: number;
  let chairCtx: RequestContext;
  let errorId: number;
  const tasks: number[] = [];
  beforeAll(async () => {
    t = await createTestDb(engine);
    u = await seedMiniRegistry(t.db);
    // a second old ward merged into Ba Đình: two predecessors → disruption 1 point
    const ev = await t.db.selectFrom('lineage_events').select('id').executeTakeFirstOrThrow();
    const old = await t.db.selectFrom('units').selectAll().where('id', '=', u.trucBach).executeTakeFirstOrThrow();
    const { id: _id, ...rest } = old;
    const other = await t.db
      .insertInto('units')
      .values({ ...rest, key: 'old:c:00001', code: '00001', name: 'Phúc Xá', full_name: 'Phường Phúc Xá' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('lineage_links')
      .values({
        event_id: ev.id,
        from_unit_id: other.id,
        to_unit_id: u.baDinh,
        kind: 'whole',
        note: null,
        source: 'test',
      })
      .execute();
    const program = await t.db
      .insertInto('programs')
      .values({
        code: 'CT-TEST',
        title_vi: 'Chương trình thử',
        issuing_body: 'test',
        period_start: '2026-01-01',
        period_end: '2030-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const n of [1, 2, 3, 4]) {
      const r = await t.db
        .insertInto('tasks')
        .values({
          program_id: program.id,
          kind: 'task',
          code: `T${n}`,
          unit_id: u.baDinh,
          title_vi: `Nhiệm vụ ${n}`,
          due_date: '2026-06-30',
          status: 'in_progress',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      tasks.push(Number(r.id));
    }
    const report = (task: number, date: string, state: string) => ({
      task_id: task,
      report_date: date,
      period_label: '2026-Q2',
      period_due: '2026-07-10',
      progress: 100,
      status: 'done',
      state,
      submitted_by_label: 'test',
    });
    // t1 on time, t2 late (15/07), t3 on time; t4 only a submitted and a returned report: not completed
    await t.db
      .insertInto('task_reports')
      .values([
        report(tasks[0]!, '2026-06-01', 'accepted'),
        report(tasks[1]!, '2026-07-15', 'accepted'),
        report(tasks[2]!, '2026-06-20', 'accepted'),
        report(tasks[3]!, '2026-06-10', 'submitted'),
        report(tasks[3]!, '2026-06-05', 'returned'),
      ])
      .execute();
    chairCtx = await userCtx(t, 'chu-tich-ba-dinh', 'viewer', u.baDinh);
    chair = await addLeader(t.db, sys, {
      fullName: 'Nguyễn Văn A (minh họa)',
      userId: chairCtx.user!.id,
      unitId: u.baDinh,
      position: 'chair',
      groupCode: 'chair:01:commune',
      validFrom: '2025-07-01',
      decision: 'QĐ 1/2025 (minh họa)',
    });
    await addLeader(t.db, sys, {
      fullName: 'Trần Thị B (minh họa)',
      unitId: u.hueCommune,
      position: 'chair',
      groupCode: 'chair:46:commune',
      validFrom: '2025-07-01',
      decision: 'QĐ 2/2025 (minh họa)',
    });
    const a = { leaderId: chair, period: '2026', decision: 'BB 3/2026 (minh họa)', decidedOn: '2026-12-20' };
    await recordAssessment(t.db, sys, { ...a, kind: 'superior', score: 80 });
    await recordAssessment(t.db, sys, { ...a, kind: 'peer', score: 70 });
    await recordAssessment(t.db, sys, { ...a, kind: 'peer', score: 90 });
    await recordAssessment(t.db, sys, { ...a, kind: 'confidence', votes: { high: 6, medium: 2, low: 2 } });
    errorId = await recordAssessment(t.db, sys, { ...a, kind: 'major_error', taskId: tasks[2]!, note: 'Sai số liệu' });
  });
  afterAll(() => t?.close());

  it('computes from accepted reports only, every term with its evidence', async () => {
    const rows = await computeScores(t.db, sys, { period: '2026', today: TODAY });
    expect(rows).toHaveLength(2);
    const e = await explainScore(t.db, sys, chair, '2026');
    const term = (k: string) => e.terms.find((x) => x.key === k)!;
    // general, public empty → weight 0.8: superior 15 × 0.8 = 12; peers 7.5 × 0.8 = 6; votes 7.5 × 0.7 = 5.25
    expect(e.general).toBe(23.25);
    expect(e.flags).toContain('general.public.missing');
    // quantity 30 × 3/4 = 22.5 (t4's submitted report does not count); quality 5+5+3.75; timeliness 5+3.75+5
    expect(term('results.quantity').points).toBe(22.5);
    expect(term('results.quality').points).toBe(13.75);
    expect(term('results.timeliness').points).toBe(13.75);
    expect(term('results.quality').evidence).toContainEqual({ kind: 'error', id: errorId });
    // two units merged into Ba Đình → 1 point, named
    expect(term('adjustment.disruption').points).toBe(1);
    expect(e.total).toBe(74.25);
    expect(e.finalGrade).toBe('good');
  });

  it('an appeal records the objective cause and recomputes: quality 15, then timeliness 15', async () => {
    const r = await recordExemption(
      t.db,
      sys,
      {
        leaderId: chair,
        period: '2026',
        kind: 'major_error',
        assessmentId: errorId,
        cause: 'Số liệu nguồn do cấp trên cung cấp sai',
        certifiedBy: 'CV 9/2027 (minh họa)',
        certifiedOn: '2027-01-10',
      },
      { today: TODAY },
    );
    expect(r).toMatchObject({ before: 74.25, after: 75.5 });
    const d = await recordExemption(
      t.db,
      sys,
      {
        leaderId: chair,
        period: '2026',
        kind: 'delay',
        taskId: tasks[1]!,
        cause: 'Bão số 3',
        certifiedBy: 'CV 10/2027 (minh họa)',
        certifiedOn: '2027-01-10',
      },
      { today: TODAY },
    );
    expect(d.after).toBe(76.75);
    const e = await explainScore(t.db, sys, chair, '2026');
    expect(e.terms.find((x) => x.key === 'results.timeliness')!.evidence).toContainEqual({
      kind: 'exemption',
      id: d.exemptionId,
    });
    // an exemption must name this leader's own recorded error
    await refused(
      recordExemption(t.db, sys, {
        leaderId: chair,
        period: '2026',
        kind: 'major_error',
        assessmentId: 999999,
        cause: 'x',
        certifiedBy: 'y',
        certifiedOn: '2027-01-10',
      }),
    );
  });

  it('visible to the leader, superiors and the personnel committee only; each view audited', async () => {
    expect((await explainScore(t.db, chairCtx, chair, '2026')).leader.id).toBe(chair);
    expect(
      (await explainScore(t.db, await userCtx(t, 'ha-noi', 'province_officer', u.hanoi), chair, '2026')).total,
    ).toBe(76.75);
    expect((await explainScore(t.db, await userCtx(t, 'so-noi-vu', 'hr_officer', u.hanoi), chair, '2026')).total).toBe(
      76.75,
    );
    // the ward's own officers are not the leader's superiors; a viewer of the province is not the committee
    expect(
      (await refused(explainScore(t.db, await userCtx(t, 'ba-dinh', 'commune_officer', u.baDinh), chair, '2026')))
        .status,
    ).toBe(403);
    await refused(explainScore(t.db, await userCtx(t, 'xem', 'viewer', u.hanoi), chair, '2026'));
    await refused(explainScore(t.db, await userCtx(t, 'hue', 'province_officer', u.hue), chair, '2026'));
    const views = await t.db.selectFrom('audit_log').select('actor').where('action', '=', 'scores.view').execute();
    expect(views.length).toBeGreaterThanOrEqual(3);
  });
});
