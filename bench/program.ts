// `npm run bench:program`: the action program at national scale on PGlite and
// PostgreSQL side by side. Generates central tasks cascaded to all 34
// provinces and all 3,321 communes (300 central tasks ≈ 1M tasks, on both
// engines; about 25 minutes for the two), reports in bulk with generate_series, then measures the
// national and province dashboards (maintained rollups) against a naive
// GROUP BY over the task table in the same run, report submission (a report
// awaiting review: the task's reported figures and the reviewers' note, no
// official figure moves), report acceptance (the official figures move: the
// cascade parents, warning re-evaluation, rollups), the full daily
// re-evaluation, and how long a change takes to reach a dashboard's event stream.
// Environment: BENCH_CENTRAL (central tasks on PostgreSQL, default 300),
// BENCH_PGLITE_CENTRAL (default 300; 30 for a quick run at a tenth), BENCH_REPORTS (reports per commune task, default 10: about ten million on PostgreSQL),
// BENCH_ENGINES (default "pglite,postgres").
import fs from 'node:fs';
import { sql } from 'kysely';
import { type DatabaseHandle, type Engine } from '../src/platform/db/db.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { systemContext } from '../src/platform/context.ts';
import { todayIso } from '../src/platform/errors.ts';
import { createRealtime } from '../src/platform/realtime/realtime.ts';
import { importVn } from '../src/units/import/import.service.ts';
import { VN_DATA_DIR } from '../src/cli/demo.ts';
import { generate } from './program.generate.ts';
import { overview } from '../src/program/dashboards/dashboards.service.ts';
import { reviewReport, submitReport } from '../src/program/reports/reports.service.ts';
import { reevaluateAll } from '../src/program/warnings/warnings.service.ts';
import { availableEngines, machineDescription, openFresh } from './databases.ts';
import { measure, once, type Timing } from './measure.ts';

const ctx = systemContext('bench');
/** Another actor than the submitter: nobody reviews their own report. */
const reviewer = systemContext('bench:reviewer');
const REPORTS = Number(process.env.BENCH_REPORTS ?? 10);
const log = (m: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

async function naiveNational(h: DatabaseHandle, programId: number) {
  await sql`select coalesce(case when u.level = 1 then u.id else u.parent_id end, 0) as province, t.section_id, t.status, t.rating, count(*)
    from tasks t join units u on u.id = t.unit_id where t.program_id = ${programId} and t.kind = 'task' group by 1, 2, 3, 4`.execute(
    h.db,
  );
}

async function naiveProvince(h: DatabaseHandle, programId: number, province: number) {
  await sql`select u.id, t.section_id, t.status, t.rating, count(*) from tasks t join units u on u.id = t.unit_id
    where t.program_id = ${programId} and t.kind = 'task' and (u.id = ${province} or u.parent_id = ${province}) group by 1, 2, 3, 4`.execute(
    h.db,
  );
}

async function benchEngine(engine: Engine, central: number) {
  const h = await openFresh(engine);
  try {
    await migrate(h.db);
    log(`${engine}: importing the unit registry`);
    await importVn(h.db, ctx, VN_DATA_DIR);
    log(`${engine}: generating ${central} central tasks, cascaded`);
    let g!: Awaited<ReturnType<typeof generate>>;
    const generateMs = await once(async () => {
      g = await generate(h, central, REPORTS);
    });
    log(`${engine}: ${g.tasks} tasks, ${g.reports} reports in ${generateMs} ms; first full evaluation`);
    const asOf = todayIso();
    const firstRun = await reevaluateAll(h.db, asOf);
    // The first run rewrote every task and raised a warning or two on each: vacuum as autovacuum would, before
    // measuring, so the figures below are the steady state and not autovacuum catching up with a million dead rows.
    await sql`vacuum analyze`.execute(h.db);
    const steadyRun = await reevaluateAll(h.db, asOf);
    log(`${engine}: dashboards`);
    const provinces = (
      await sql<{ id: number }>`select id from units where level = 1 and valid_to is null order by code`.execute(h.db)
    ).rows.map((r) => r.id);
    const national = await measure(100, () => overview(h.db, ctx, g.programId));
    const province = await measure(100, (i) => overview(h.db, ctx, g.programId, provinces[i % provinces.length]));
    const naiveNationalT = await measure(5, () => naiveNational(h, g.programId), 1);
    const naiveProvinceT = await measure(20, (i) => naiveProvince(h, g.programId, provinces[i % provinces.length]), 2);
    log(`${engine}: report submission`);
    const leaves = (
      await sql<{
        id: number;
      }>`select t.id from tasks t join units u on u.id = t.unit_id where t.program_id = ${g.programId} and t.cascaded and u.level = 3 order by md5(t.id::text) limit 260`.execute(
        h.db,
      )
    ).rows.map((r) => r.id);
    const sent: { id: number; version: number }[] = [];
    const submit = await measure(200, async (i) => {
      sent[i] = await submitReport(h.db, ctx, leaves[i], {
        progress: 50 + (i % 50),
        status: 'in_progress',
        narrative: 'bench',
      });
    });
    log(`${engine}: report acceptance`);
    // Each report is accepted once: the warm-up accepts reports of its own (on leaves the other measures do not use).
    for (let i = 0; i < 20; i++) {
      const r = await submitReport(h.db, ctx, leaves[240 + i], { progress: 40, status: 'in_progress' });
      await reviewReport(h.db, reviewer, r.id, 'accept', { version: r.version });
    }
    const accept = await measure(
      200,
      (i) => reviewReport(h.db, reviewer, sent[i].id, 'accept', { version: sent[i].version }),
      0,
    );
    log(`${engine}: change → event stream`);
    const realtime = createRealtime(h);
    // The event may arrive before submitReport returns (NOTIFY is sent at commit): note arrivals by report id.
    const arrivals = new Map<number, number>();
    const waiting = new Map<number, () => void>();
    const stop = await realtime.subscribe('program_report', (payload) => {
      const id = (payload as { reportId: number }).reportId;
      arrivals.set(id, performance.now());
      waiting.get(id)?.();
    });
    const visible = await measure(
      20,
      async (i) => {
        const report = await submitReport(h.db, ctx, leaves[200 + i], { progress: 30, status: 'in_progress' });
        if (arrivals.has(report.id)) return;
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('event not received within 5 s')), 5000);
          waiting.set(report.id, () => {
            clearTimeout(timer);
            resolve();
          });
        });
      },
      0,
    );
    await stop();
    await realtime.close();
    return {
      engine,
      centralTasks: central,
      tasks: g.tasks,
      reports: g.reports,
      generateMs,
      fullEvaluationFirst: { ...firstRun, tasksPerSecond: Math.round(firstRun.tasks / (firstRun.ms / 1000)) },
      fullEvaluationSteady: { ...steadyRun, tasksPerSecond: Math.round(steadyRun.tasks / (steadyRun.ms / 1000)) },
      nationalDashboard: national,
      provinceDashboard: province,
      naiveNationalGroupBy: naiveNationalT,
      naiveProvinceGroupBy: naiveProvinceT,
      submitReport: submit,
      acceptReport: accept,
      changeToEvent: visible,
    };
  } finally {
    if (process.env.BENCH_KEEP) log(`kept the database: ${h.location}`);
    else await h.drop();
  }
}

const wanted = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',') as Engine[];
const machine = machineDescription();
const results = [];
for (const e of wanted) {
  if (!(await availableEngines()).includes(e)) {
    log(`${e} not reachable: skipped`);
    continue;
  }
  results.push(
    await benchEngine(
      e,
      Number(e === 'postgres' ? (process.env.BENCH_CENTRAL ?? 300) : (process.env.BENCH_PGLITE_CENTRAL ?? 300)),
    ),
  );
}
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(
  'bench/results/program.json',
  JSON.stringify({ at: new Date().toISOString(), machine, reportsPerCommuneTask: REPORTS, results }, null, 2),
);
const t = (x: Timing) => `${x.p50} / ${x.p95}`;
console.log(`\nMachine: ${machine}\n`);
console.log(
  '| engine | tasks | reports | national dashboard p50/p95 ms | naive GROUP BY p50/p95 ms | province dashboard p50/p95 ms | naive p50/p95 ms | submit report p50/p95 ms | accept report p50/p95 ms | full re-evaluation tasks/s (first / steady) | change → event p50/p95 ms |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.engine} | ${r.tasks.toLocaleString('en')} | ${r.reports.toLocaleString('en')} | ${t(r.nationalDashboard)} | ${t(r.naiveNationalGroupBy)} | ${t(r.provinceDashboard)} | ${t(r.naiveProvinceGroupBy)} | ${t(r.submitReport)} | ${t(r.acceptReport)} | ${r.fullEvaluationFirst.tasksPerSecond.toLocaleString('en')} / ${r.fullEvaluationSteady.tasksPerSecond.toLocaleString('en')} | ${t(r.changeToEvent)} |`,
  );
}
