// Micro-benchmark of the early-warning engine alone (no database): how many
// tasks per second a full re-evaluation can rate. Target from issue 3:
// ≥ 100,000 tasks/s on a 2-core machine. Run: npx tsx bench/warnings.ts [tasks]
// The facts mimic the national program: ~10 reports per task (10 M reports for
// 1 M tasks), monthly or quarterly cadence, funding, a dependency on some.
import { pathToFileURL } from 'node:url';
import type { Rating, ReportFacts, TaskFacts, TaskStatus } from '../src/program/program.types.ts';
import { addDays, evaluateTask, rollupRating } from '../src/program/warnings/index.ts';

/** Small deterministic generator, so two runs rate the same tasks. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32;
}

export function generateFacts(n: number, seed = 42): { task: TaskFacts; reports: ReportFacts[] }[] {
  const rnd = random(seed);
  const statuses: TaskStatus[] = ['in_progress', 'in_progress', 'in_progress', 'not_started', 'done', 'overdue'];
  const out: { task: TaskFacts; reports: ReportFacts[] }[] = [];
  for (let i = 0; i < n; i++) {
    const start = addDays('2026-01-01', Math.floor(rnd() * 365));
    const due = addDays(start, 60 + Math.floor(rnd() * 1400));
    const reports: ReportFacts[] = [];
    let progress = 0;
    const count = Math.floor(rnd() * 21); // 0..20, mean 10
    for (let r = 0; r < count; r++) {
      progress = Math.min(100, progress + Math.floor(rnd() * 12));
      reports.push({ date: addDays(start, 30 * (r + 1)), progress, resourcesNeeded: rnd() < 0.05 });
    }
    out.push({
      task: {
        id: i + 1,
        start,
        due,
        status: statuses[Math.floor(rnd() * statuses.length)],
        progress,
        cadence: rnd() < 0.7 ? 'monthly' : 'quarterly',
        funding:
          rnd() < 0.1
            ? []
            : [{ source: 'local_budget', required: 1_000_000, allocated: rnd() < 0.8 ? 1_000_000 : 600_000 }],
        dependencies:
          rnd() < 0.2
            ? [{ id: i, due: addDays(due, -30 + Math.floor(rnd() * 60)), status: 'in_progress', progress: 50 }]
            : [],
      },
      reports,
    });
  }
  return out;
}

export function benchWarnings(
  n = 200_000,
  asOf = '2027-06-30',
): { tasks: number; reports: number; ms: number; tasksPerSecond: number; warned: number; rollup: string } {
  const facts = generateFacts(n);
  for (let i = 0; i < Math.min(20_000, n); i++) evaluateTask(facts[i].task, facts[i].reports, asOf); // warm up the JIT
  const t0 = performance.now();
  let warned = 0;
  const ratings: Rating[] = [];
  for (const f of facts) {
    const e = evaluateTask(f.task, f.reports, asOf);
    if (e.warnings.length > 0) warned++;
    ratings.push(e.rating);
  }
  const ms = performance.now() - t0;
  return {
    tasks: n,
    reports: facts.reduce((s, f) => s + f.reports.length, 0),
    ms: Math.round(ms),
    tasksPerSecond: Math.round(n / (ms / 1000)),
    warned,
    rollup: rollupRating(ratings),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 200_000);
  console.log(JSON.stringify(benchWarnings(n), null, 2));
}
