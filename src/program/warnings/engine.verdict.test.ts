// The daily run first judges a million tasks without building messages
// (evaluateTask's `text` false) and builds the text only for the tasks whose
// verdict changed. Both modes must agree on every rating and warning kind:
// checked over a seeded sweep of dates, progress, reports, funding and
// dependencies that crosses every rule's thresholds.
import { describe, expect, it } from 'vitest';
import type { ReportFacts, TaskFacts, TaskStatus } from '../program.types.ts';
import { evaluateTask } from './engine.ts';
import { addDays } from './days.ts';
import { DEFAULT_RULES } from './rules.ts';

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sample(rnd: () => number): { task: TaskFacts; reports: ReportFacts[]; asOf: string } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const start = addDays('2026-01-01', Math.floor(rnd() * 200));
  const due = addDays(start, Math.floor(rnd() * 400) - 30);
  const asOf = addDays(start, Math.floor(rnd() * 500) - 60);
  const reports: ReportFacts[] = [];
  for (let i = 0, n = Math.floor(rnd() * 6); i < n; i++) {
    reports.push({
      date: addDays(start, Math.floor(rnd() * 450)),
      progress: Math.floor(rnd() * 101),
      resourcesNeeded: rnd() < 0.2,
    });
  }
  const statuses: TaskStatus[] = ['not_started', 'in_progress', 'in_progress', 'overdue', 'done', 'suspended'];
  const task: TaskFacts = {
    id: 1,
    start: rnd() < 0.1 ? null : start,
    due: rnd() < 0.05 ? null : due,
    status: pick(statuses),
    progress: Math.floor(rnd() * 101),
    cadence: pick(['monthly', 'quarterly', null] as const),
    funding:
      rnd() < 0.2
        ? []
        : [
            {
              source: rnd() < 0.2 ? null : 'central_budget',
              required: rnd() < 0.3 ? null : 1000,
              allocated: rnd() < 0.3 ? null : Math.floor(rnd() * 1500),
            },
          ],
    dependencies:
      rnd() < 0.6
        ? []
        : [
            {
              id: 2,
              due: rnd() < 0.1 ? null : addDays(due, Math.floor(rnd() * 120) - 90),
              status: pick(statuses),
              progress: 50,
            },
          ],
    pending:
      rnd() < 0.7
        ? null
        : { latestDate: addDays(start, Math.floor(rnd() * 450)), reviewDue: addDays(start, Math.floor(rnd() * 460)) },
  };
  return { task, reports, asOf };
}

describe('verdict without text', () => {
  it('gives the same rating and warning kinds as the full evaluation, with empty texts', () => {
    const rnd = seeded(20261122);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const { task, reports, asOf } = sample(rnd);
      const full = evaluateTask(task, reports, asOf, DEFAULT_RULES, true);
      const bare = evaluateTask(task, reports, asOf, DEFAULT_RULES, false);
      expect(
        { rating: bare.rating, kinds: bare.warnings.map((w) => w.kind) },
        JSON.stringify({ task, reports, asOf }),
      ).toEqual({ rating: full.rating, kinds: full.warnings.map((w) => w.kind) });
      for (const w of full.warnings) seen.add(w.kind);
      if (bare.warnings.length) expect(bare.warnings[0].message).toEqual({ vi: '', en: '' });
    }
    // The sweep reached every rule, so the agreement above covers each of them.
    expect([...seen].sort()).toEqual([
      'at_risk',
      'blocked',
      'due_soon_low_progress',
      'lacking_resources',
      'overdue',
      'review_overdue',
      'silent',
    ]);
  });
});
