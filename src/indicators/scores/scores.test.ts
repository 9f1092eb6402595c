// Leader scores on the database, both engines: evidence from ACCEPTED reports only (a submitted or returned
// report never counts), the public channel empty (its weight redistributed, flagged), the disruption term from
// the lineage, the appeal that records an objective cause and recomputes, and who may read a score.
// Figures are hand-computed in the comments; units are the mini registry (illustrative).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext, type RequestContext, type Role } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { seedScores } from './scores.fixtures.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { computeScores, explainScore, recordExemption } from './scores.service.ts';

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
  let tasks: number[] = [];
  beforeAll(async () => {
    t = await createTestDb(engine);
    const seeded = await seedScores(t.db);
    ({ u, tasks, chair, errorId } = seeded);
    chairCtx = {
      user: {
        id: seeded.chairUserId,
        username: 'chu-tich-ba-dinh',
        displayName: 'x',
        grants: [{ role: 'viewer', unitId: u.baDinh, unitName: 'x' }],
      },
      actorLabel: 'chu-tich-ba-dinh',
      ip: null,
      userAgent: null,
      via: 'session',
    };
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
