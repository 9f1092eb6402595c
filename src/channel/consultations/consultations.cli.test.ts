// `apparatus consultation results ID` and `apparatus satisfaction index`, in-process, against a database the CLI
// opens itself (PGlite in a directory, or PostgreSQL when DATABASE_URL is set): the exact counts in --json, the
// rounded rates and the small-sample mark in text, and a refusal a person can act on.
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../platform/db/testing.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { registerChannelCommands } from '../../cli/channel.commands.ts';
import { cliDatabase, runCli } from '../../cli/cli.testing.ts';
import { createConsultation } from './consultations.service.ts';
import { confirmParticipation, participate } from './consultations.participate.ts';
import { answerSurvey } from '../satisfaction/satisfaction.service.ts';

const run = (...args: string[]) => runCli(registerChannelCommands, ...args);
const ctx = systemContext('test');

describe.each(ENGINES)('channel CLI on %s', (engine) => {
  const { withDb } = cliDatabase(engine, 'apparatus-channel-');
  let id = 0;

  beforeAll(async () => {
    await withDb(async (db) => {
      const units = await seedMiniRegistry(db);
      const c = await createConsultation(db, ctx, {
        title: 'Đề án thử',
        kind: 'plan',
        summary: '',
        unitId: units.hanoi,
        opensOn: '2026-03-01',
        closesOn: '2026-03-31',
        sections: [{ heading: 'Phương án', body: '' }],
      });
      id = c.id;
      for (const [who, code, overall] of [
        ['a', '00004', 'agree'],
        ['b', '00004', 'agree'],
        ['c', '19900', 'disagree'],
      ] as const) {
        const r = await participate(
          db,
          ctx,
          id,
          { email: `${who}@example.vn`, residenceCode: code, overall, votes: [], comments: [] },
          { today: '2026-03-05' },
        );
        await confirmParticipation(db, ctx, r.code);
      }
      await answerSurvey(db, ctx, { unitCode: '00004', answers: { '1.1': 5, '2.1': 2 } }, { today: '2026-02-01' });
    });
  });

  it('prints a consultation’s results: exact counts in JSON, the rate rounded in text', async () => {
    const json = await run('consultation', 'results', String(id), '--json');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.out);
    expect(r.overall).toEqual({ agree: 2, disagree: 1, votes: 3, approval: { numerator: 2, denominator: 3 } });
    expect(r.provinces.map((p: { unit: { code: string } }) => p.unit.code)).toEqual(['01', '46']);
    const text = await run('consultation', 'results', String(id));
    expect(text.out).toContain('66,67%');
    expect(text.out).toContain('Phường Ba Đình');
    const missing = await run('consultation', 'results', '999999', '--json');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).status).toBe(404);
  });

  it('prints the satisfaction index with its sample size and the small-sample mark', async () => {
    const json = await run('satisfaction', 'index', '--unit', '00004', '--period', '2026-Q1', '--json');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.out);
    expect(r.total).toMatchObject({ sample: 1, smallSample: true, overallHundredths: 5000 });
    const text = await run('satisfaction', 'index');
    expect(text.out).toContain('1 (ít / small)');
    expect(text.out).toContain('Thành phố Hà Nội');
    const bad = await run('satisfaction', 'index', '--period', '2026-5', '--json');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).detail_vi).toContain('NNNN-Qn');
  });
});
