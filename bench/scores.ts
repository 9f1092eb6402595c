// Leader scoring benchmark (issue 14: every commune chair for a year, 3,321 leaders, ≤ 10 s), PGlite and
// PostgreSQL side by side, on the real registry. Synthetic evidence (illustrative): 10 tasks per commune due
// in 2026, 8 completed by accepted reports (one late), a submitted-only report on another, a superior rating,
// two peer ratings and a confidence vote per chair. Measured: `computeScores` for the year (read evidence in
// set-based statements, score, cap per province group, store 3,321 rows with their explanation, audit) against
// a naive baseline in the same run — the same rule, one leader at a time (the evidence queries per leader) —
// over a sample of leaders, extrapolated to all and labelled so. Writes bench/results/scores.json.
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Engine } from '../src/platform/db/db.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { systemContext } from '../src/platform/context.ts';
import { importVn } from '../src/units/import/import.service.ts';
import { VN_DATA_DIR } from '../src/cli/demo.ts';
import { computeScores, scoreOffices } from '../src/indicators/scores/scores.service.ts';
import { officesInPeriod } from '../src/indicators/scores/scores.store.ts';
import { periodSpan } from '../src/indicators/scores/scores.period.ts';
import { availableEngines, machineDescription, openFresh } from './databases.ts';
import { once } from './measure.ts';

const ctx = systemContext('bench');
const SAMPLE = Number(process.env.BENCH_SCORES_SAMPLE ?? 200);

async function run(engine: Engine) {
  const h = await openFresh(engine);
  try {
    await migrate(h.db);
    await importVn(h.db, ctx, VN_DATA_DIR);
    const seedMs = await once(async () => {
      await sql`insert into programs (code, title_vi, issuing_body, period_start, period_end)
                values ('BENCH', 'Chương trình (tổng hợp)', 'bench', '2026-01-01', '2030-12-31')`.execute(h.db);
      await sql`create temporary table chairs as
        select c.id as unit_id, p.code as province, row_number() over (order by c.id) as n
          from units c join units p on p.id = c.parent_id
         where c.level = 3 and (c.valid_from is null or c.valid_from <= '2026-01-01')
           and (c.valid_to is null or c.valid_to > '2026-01-01')`.execute(h.db);
      await sql`insert into leaders (id, full_name) select n, 'Chủ tịch ' || n || ' (tổng hợp)' from chairs`.execute(
        h.db,
      );
      await sql`select setval('leaders_id_seq', (select max(id) from leaders))`.execute(h.db);
      await sql`insert into leader_offices (leader_id, unit_id, position, group_code, valid_from, decision)
                select n, unit_id, 'chair', 'chair:' || province, '2025-07-01', 'QĐ (tổng hợp)' from chairs`.execute(
        h.db,
      );
      await sql`insert into tasks (program_id, kind, code, unit_id, title_vi, due_date, status)
                select (select id from programs where code = 'BENCH'), 'task', 'B' || c.n || '.' || g, c.unit_id,
                       'Nhiệm vụ ' || g, make_date(2026, 1 + (g % 12), 28), 'in_progress'
                  from chairs c, generate_series(1, 10) g`.execute(h.db);
      await sql`insert into task_reports (task_id, report_date, period_label, period_due, progress, status, state, submitted_by_label)
                select t.id, t.due_date + case when t.code like '%.3' then 20 else -5 end, '2026', t.due_date, 100, 'done',
                       case when t.code like '%.9' then 'submitted' else 'accepted' end, 'bench'
                  from tasks t where t.code like 'B%' and t.code not like '%.10'`.execute(h.db);
      await sql`insert into leader_assessments (leader_id, period, kind, score, votes_high, votes_medium, votes_low, decision, decided_on, recorded_by)
                select n, '2026', k.kind, case when k.kind = 'confidence' then null else 60 + (n * 7 + k.o) % 40 end,
                       case when k.kind = 'confidence' then 20 + n % 10 end, case when k.kind = 'confidence' then 5 end,
                       case when k.kind = 'confidence' then 2 end, 'BB (tổng hợp)', '2026-12-20', 'bench'
                  from chairs, (values ('superior', 1), ('peer', 2), ('peer', 3), ('confidence', 4)) k(kind, o)`.execute(
        h.db,
      );
    });
    const leaders = Number((await sql<{ n: number }>`select count(*)::int as n from leaders`.execute(h.db)).rows[0]!.n);
    // Naive first: one leader at a time over a sample (the same rule and evidence, eight queries each)
    const offices = (await officesInPeriod(h.db, periodSpan('2026'), null)).slice(0, SAMPLE);
    const naiveSampleMs = await once(async () => {
      for (const o of offices) await scoreOffices(h.db, [o], '2026', '2027-01-15');
    });
    let scored = 0;
    const computeMs = await once(async () => {
      scored = (await computeScores(h.db, ctx, { period: '2026', today: '2027-01-15' })).length;
    });
    const excellent = Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from leader_scores where final_grade = 'excellent'`.execute(
          h.db,
        )
      ).rows[0]!.n,
    );
    return {
      engine,
      leaders,
      scored,
      excellent,
      seedMs,
      computeMs,
      naiveSample: SAMPLE,
      naiveSampleMs,
      naiveExtrapolatedMs: Math.round((naiveSampleMs / SAMPLE) * leaders),
    };
  } finally {
    await h.drop();
  }
}

const results = [];
for (const engine of await availableEngines()) {
  const r = await run(engine);
  console.log(JSON.stringify(r));
  results.push(r);
}
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/scores.json', JSON.stringify({ machine: machineDescription(), results }, null, 2));
