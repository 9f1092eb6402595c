// The demo content of issues 11–14 (handover, people, public channel, indicators): each module's illustrative
// rows exist after one load, marked "minh họa", and a second load adds nothing (no row, no audit record).
// Runs on the real registry (as `serve --demo`) with the staffing demo, so placements meet a real quota.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { systemContext } from '../platform/context.ts';
import { importVn } from '../units/import/import.service.ts';
import { ensureDemoUsers, VN_DATA_DIR } from './demo.ts';
import { loadStaffingDemo } from '../staffing/staffing.demo.ts';
import { loadHandoverDemo } from '../handover/handover.demo.ts';
import { loadPeopleDemo, PEOPLE_DEMO_SOURCE } from '../people/people.demo.ts';
import { CHANNEL_DEMO_CONSULTATION, loadChannelDemo } from '../channel/channel.demo.ts';
import { INDICATORS_DEMO_SOURCE, loadIndicatorsDemo } from '../indicators/indicators.demo.ts';
import { requireDefinition } from '../indicators/definitions/definitions.service.ts';
import { readFigure } from '../indicators/rebuild/rebuild.service.ts';

const TABLES = [
  'handovers',
  'handover_lines',
  'handover_minutes',
  'people',
  'people_outcomes',
  'feedback_items',
  'consultation_votes',
  'consultations',
  'satisfaction_surveys',
  'indicator_values',
  'audit_log',
] as const;

async function counts(t: TestDb) {
  const out: Record<string, number> = {};
  for (const table of TABLES)
    out[table] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db)).rows[0].n;
  return out;
}

async function loadModules(t: TestDb) {
  return {
    handover: await loadHandoverDemo(t.db),
    people: await loadPeopleDemo(t.db),
    channel: await loadChannelDemo(t.db),
    indicators: await loadIndicatorsDemo(t.db),
  };
}

describe.each(ENGINES)('demo content of handover, people, channel and indicators on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await importVn(t.db, systemContext('test'), VN_DATA_DIR);
    await ensureDemoUsers(t.db);
    await loadStaffingDemo(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('loads each module through its services, marked illustrative, and a second load adds nothing', async () => {
    const first = await loadModules(t);
    // Handover: the opening of 1 July 2025, one inventory of the five kinds carried to signed minutes.
    expect(first.handover.opened).toBeGreaterThan(0);
    expect(first.handover.signed).toBe(1);
    const lines = await t.db.selectFrom('handover_lines').select(['kind', 'title']).execute();
    expect(new Set(lines.map((l) => l.kind))).toEqual(new Set(['record', 'seal', 'asset', 'business', 'account']));
    for (const l of lines) expect(l.title).toContain('minh họa');
    expect(await t.db.selectFrom('handovers').select('state').where('state', '=', 'signed').execute()).toHaveLength(1);
    // People: a few dozen, with placements within quota and an early retirement.
    expect(first.people!.people).toBe(36);
    expect(first.people!.outcomes.placed).toBeGreaterThan(0);
    expect(first.people!.outcomes.early_retirement).toBeGreaterThan(0);
    const people = await t.db.selectFrom('people').select(['full_name', 'source']).execute();
    for (const p of people)
      expect([p.full_name, p.source]).toEqual([expect.stringContaining('minh họa'), PEOPLE_DEMO_SOURCE]);
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'demo-hr').execute()).toHaveLength(1);
    // Channel: items in various states, some overdue, some answered and rated; a consultation with votes; surveys.
    const items = await t.db.selectFrom('feedback_items').select(['status', 'due_on', 'rating', 'title']).execute();
    for (const i of items) expect(i.title).toContain('minh họa');
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['received', 'in_progress', 'answered', 'closed']));
    const today = new Date().toISOString().slice(0, 10);
    expect(items.filter((i) => i.status === 'received' && String(i.due_on) < today).length).toBeGreaterThan(0);
    expect(items.filter((i) => i.rating !== null).length).toBe(2);
    const consultation = await t.db
      .selectFrom('consultations')
      .select('id')
      .where('title', '=', CHANNEL_DEMO_CONSULTATION)
      .executeTakeFirstOrThrow();
    expect(first.channel!.consultationId).toBe(consultation.id);
    expect(first.channel!.votes).toBe(6);
    expect(first.channel!.surveys).toBeGreaterThan(0);
    // Indicators: the national targets loaded, provincial figures some reported and one accepted.
    expect(first.indicators.national.targetsCreated).toBeGreaterThan(0);
    const figures = await t.db
      .selectFrom('indicator_values as v')
      .innerJoin('units as u', 'u.id', 'v.unit_id')
      .select(['u.key', 'v.period', 'v.accepted_at'])
      .where('v.source', '=', INDICATORS_DEMO_SOURCE)
      .execute();
    // Hà Nội's own figures: one accepted by the level above, one still reported.
    const hanoi = figures.filter((f) => f.key === 'new:p:01');
    expect(hanoi.map((f) => f.accepted_at !== null).sort()).toEqual([false, true]);
    // Merged Tuyên Quang's past: the two old provinces' figures before 2025, so the new one's 2024 is rebuilt.
    const def = await requireDefinition(t.db, 'GRDP');
    const tuyenQuang = await t.db
      .selectFrom('units')
      .select(['id', 'code', 'name', 'valid_from', 'key'])
      .where('key', '=', 'new:p:08')
      .executeTakeFirstOrThrow();
    const rebuilt = await readFigure(t.db, def, tuyenQuang, '2024', '9999-12-31');
    expect(rebuilt.how).not.toBe('own');
    expect(Number(rebuilt.figure?.value)).toBe(39200 + 57800);

    const before = await counts(t);
    const second = await loadModules(t);
    expect(await counts(t)).toEqual(before);
    expect(second.handover).toMatchObject({ opened: 0, inventories: 0, signed: 0 });
    expect([second.people, second.channel]).toEqual([null, null]);
    expect(second.indicators).toMatchObject({ recorded: 0, accepted: 0, national: { targetsCreated: 0 } });
  });
});
