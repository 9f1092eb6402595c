// Every rule at its edges: exactly at the threshold, one day (or one point)
// before and after. Expected figures are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import type { ReportFacts, TaskFacts, WarningKind } from '../program.types.ts';
import { evaluateTask } from './engine.ts';
import { warningRules } from './rules.ts';

/** A healthy task: funded, no cadence, no dependencies, far from any threshold unless a test says otherwise. */
function task(over: Partial<TaskFacts> = {}): TaskFacts {
  return {
    id: 1,
    start: null,
    due: '2026-12-31',
    status: 'in_progress',
    progress: 0,
    cadence: null,
    funding: [{ source: 'central_budget', required: 100, allocated: 100 }],
    dependencies: [],
    ...over,
  };
}
const report = (date: string, progress: number, resourcesNeeded = false): ReportFacts => ({
  date,
  progress,
  resourcesNeeded,
});
const kinds = (t: TaskFacts, reports: ReportFacts[], asOf: string, rules = warningRules()) =>
  evaluateTask(t, reports, asOf, rules).warnings.map((w) => w.kind);
const find = (t: TaskFacts, reports: ReportFacts[], asOf: string, kind: WarningKind) =>
  evaluateTask(t, reports, asOf).warnings.find((w) => w.kind === kind);

describe('overdue', () => {
  const t = task({ due: '2026-06-30', progress: 90 });
  it('is not raised on the due date itself (due is the inclusive last day)', () => {
    expect(kinds(t, [], '2026-06-29')).not.toContain('overdue');
    expect(kinds(t, [], '2026-06-30')).not.toContain('overdue');
  });
  it('is raised the day after, with the days late', () => {
    const w = find(t, [], '2026-07-01', 'overdue')!;
    expect(w.facts).toEqual({ due: '2026-06-30', daysLate: 1 });
    expect(w.message.vi).toBe('Quá hạn 1 ngày (hạn 2026-06-30)');
    expect(w.message.en).toBe('Overdue by 1 day (due 2026-06-30)');
    expect(find(t, [], '2026-07-31', 'overdue')!.facts.daysLate).toBe(31);
  });
  it('is not raised for done, done-late, cancelled or suspended tasks, which get no warnings at all', () => {
    for (const status of ['done', 'done_late', 'cancelled', 'suspended'] as const) {
      const e = evaluateTask(task({ due: '2026-06-30', status, funding: [] }), [], '2027-01-01');
      expect(e.warnings).toEqual([]);
    }
  });
  it('is judged from the dates, not from a stored "overdue" status', () => {
    expect(kinds(task({ status: 'overdue', due: '2026-06-30', progress: 90 }), [], '2026-06-30')).toEqual([]);
  });
});

describe('at risk: elapsed share of time ahead of progress by more than 25 points', () => {
  // 2026-01-01 .. 2026-04-30 is 31 + 28 + 31 + 30 = 120 days; asOf counts as elapsed.
  const t = task({ start: '2026-01-01', due: '2026-04-30', progress: 30 });
  it('is not raised at a gap of exactly 25 points', () => {
    // 2026-03-07 is day 31 + 28 + 7 = 66: 66 / 120 = 55.0% elapsed, 55 − 30 = 25.
    expect(kinds(t, [], '2026-03-06')).not.toContain('at_risk'); // 65/120 = 54.2%
    expect(kinds(t, [], '2026-03-07')).not.toContain('at_risk');
  });
  it('is raised one day later: 67 / 120 = 55.8%', () => {
    const w = find(t, [], '2026-03-08', 'at_risk')!;
    expect(w.facts).toEqual({ elapsedPct: 55.8, progress: 30, marginPoints: 25 });
    expect(w.message.vi).toBe('Đã trôi qua 55,8% thời gian nhưng tiến độ chính thức mới đạt 30%');
  });
  it('explains the numbers, as in the issue: 90 / 120 days = 75% against 30%', () => {
    expect(find(t, [], '2026-03-31', 'at_risk')!.message).toEqual({
      vi: 'Đã trôi qua 75% thời gian nhưng tiến độ chính thức mới đạt 30%',
      en: '75% of the time has passed but official progress is only 30%',
    });
  });
  it('follows the margin parameter and is silent before the start', () => {
    expect(kinds(t, [], '2026-03-07', warningRules({ atRiskMarginPoints: 24 }))).toContain('at_risk');
    expect(kinds(task({ start: '2026-05-01', due: '2026-12-31' }), [], '2026-04-30')).toEqual([]);
  });
  it('gives way to overdue once the due date has passed', () => {
    expect(kinds(t, [], '2026-05-01')).toEqual(['overdue']);
  });
});

describe('at risk: least-squares trajectory of the recent reports', () => {
  // +10 points every 30 days: 10% on Jan 1 (day 0), 20% on Jan 31 (day 30), 30% on Mar 2 (day 60).
  // 100% on day 270 = 2026-09-28 (Jan 1 + 31+28+31+30+31+30+31+31 = Sep 1 at day 243, + 27).
  const reports = [report('2026-01-01', 10), report('2026-01-31', 20), report('2026-03-02', 30)];
  const asOf = '2026-03-02';
  it('is not raised when the projection lands exactly on the due date', () => {
    expect(kinds(task({ due: '2026-09-28', progress: 30 }), reports, asOf)).toEqual([]);
  });
  it('is raised when it lands one day after', () => {
    const w = find(task({ due: '2026-09-27', progress: 30 }), reports, asOf, 'at_risk')!;
    expect(w.facts).toMatchObject({
      trendReports: 3,
      projectedFinish: '2026-09-28',
      due: '2026-09-27',
      slopePctPerDay: 0.333,
    });
    expect(w.message.vi).toBe(
      'Theo đà 3 báo cáo đã duyệt gần nhất (+10%/30 ngày), dự kiến đạt 100% vào 2026-09-28, sau hạn 2026-09-27 1 ngày',
    );
  });
  it('needs three reports, and ignores reports after asOf', () => {
    const due = task({ due: '2026-09-27', progress: 20 });
    expect(kinds(due, reports.slice(0, 2), '2026-01-31')).toEqual([]);
    expect(kinds(due, reports, '2026-03-01')).toEqual([]); // the Mar 2 report is in the future
  });
  it('treats flat progress as never finishing', () => {
    const flat = [report('2026-01-01', 20), report('2026-01-31', 20), report('2026-03-02', 20)];
    expect(find(task({ progress: 20 }), flat, asOf, 'at_risk')!.facts.projectedFinish).toBeNull();
  });
  it('fits only the last N reports, in any input order', () => {
    // With the window at 3 the old 60% report drops out and the line is the one above.
    const older = [
      report('2026-03-02', 30),
      report('2025-12-02', 60),
      report('2026-01-31', 20),
      report('2026-01-01', 10),
    ];
    const e = evaluateTask(task({ due: '2026-09-27', progress: 30 }), older, asOf, warningRules({ trendWindow: 3 }));
    expect(e.warnings[0].facts.projectedFinish).toBe('2026-09-28');
  });
});

describe('due soon with low progress: due within 30 days and progress under 50%', () => {
  const t = task({ due: '2026-06-30', progress: 49 });
  it('starts exactly 30 days before the due date', () => {
    expect(kinds(t, [], '2026-05-30')).toEqual([]); // 31 days left
    const w = find(t, [], '2026-05-31', 'due_soon_low_progress')!;
    expect(w.facts).toEqual({ due: '2026-06-30', daysLeft: 30, progress: 49, minProgress: 50 });
    expect(w.message.vi).toBe('Còn 30 ngày đến hạn 2026-06-30 nhưng tiến độ chính thức mới đạt 49% (dưới 50%)');
  });
  it('lasts through the due date and then becomes overdue', () => {
    expect(find(t, [], '2026-06-30', 'due_soon_low_progress')!.facts.daysLeft).toBe(0);
    expect(kinds(t, [], '2026-07-01')).toEqual(['overdue']);
  });
  it('is not raised at exactly 50%', () => {
    expect(kinds(task({ due: '2026-06-30', progress: 50 }), [], '2026-06-15')).toEqual([]);
  });
});

describe('silent: no report for longer than the cadence plus 7 days of grace', () => {
  it('monthly allows 31 + 7 = 38 days after the last report', () => {
    const t = task({ cadence: 'monthly' });
    const r = [report('2026-03-01', 10)];
    expect(kinds(t, r, '2026-04-08')).toEqual([]); // Mar 1 + 38 days
    const w = find(t, r, '2026-04-09', 'silent')!;
    expect(w.facts).toEqual({ lastReport: '2026-03-01', daysSince: 39, allowedDays: 38 });
    expect(w.message.en).toBe(
      'No report for 39 days since the last report on 2026-03-01; the monthly cadence allows at most 38 days',
    );
  });
  it('quarterly allows 92 + 7 = 99 days, counted from the start before any report', () => {
    const t = task({ cadence: 'quarterly', start: '2026-01-01', due: '2027-12-31' });
    expect(kinds(t, [], '2026-04-10')).toEqual([]); // Jan 1 + 99 days
    expect(find(t, [], '2026-04-11', 'silent')!.facts).toEqual({ lastReport: null, daysSince: 100, allowedDays: 99 });
  });
  it('ignores a report dated after asOf, and tasks with no cadence', () => {
    const t = task({ cadence: 'monthly' });
    expect(kinds(t, [report('2026-03-01', 10), report('2026-04-20', 20)], '2026-04-09')).toEqual(['silent']);
    expect(kinds(task(), [report('2025-01-01', 10)], '2026-04-09')).toEqual([]);
  });
});

describe('lacking resources', () => {
  it('flags a task with no funding source', () => {
    expect(find(task({ funding: [] }), [], '2026-01-01', 'lacking_resources')!.message.vi).toBe(
      'Chưa xác định nguồn kinh phí',
    );
    expect(kinds(task({ funding: [{ source: null, required: null, allocated: null }] }), [], '2026-01-01')).toEqual([
      'lacking_resources',
    ]);
  });
  it('flags allocated below required, not allocated equal to required', () => {
    const funded = (allocated: number) =>
      task({ funding: [{ source: 'local_budget', required: 5_000_000, allocated }] });
    expect(kinds(funded(5_000_000), [], '2026-01-01')).toEqual([]);
    const w = find(funded(4_999_999), [], '2026-01-01', 'lacking_resources')!;
    expect(w.facts).toEqual({ required: 5_000_000, allocated: 4_999_999, allocatedPct: 100 });
    expect(find(funded(2_000_000), [], '2026-01-01', 'lacking_resources')!.message).toEqual({
      vi: 'Kinh phí mới bố trí 2.000.000 trên 5.000.000 cần thiết (40%)',
      en: 'Only 2,000,000 of the 5,000,000 required has been allocated (40%)',
    });
  });
  it('flags the latest report asking for resources, not an earlier one', () => {
    const asked = [report('2026-02-01', 10, true)];
    expect(find(task(), asked, '2026-02-01', 'lacking_resources')!.facts).toEqual({ reportDate: '2026-02-01' });
    expect(kinds(task(), [...asked, report('2026-03-01', 20)], '2026-03-01')).toEqual([]);
    expect(kinds(task(), [report('2026-03-01', 20), report('2026-03-02', 20, true)], '2026-03-01')).toEqual([]);
  });
});

describe('blocked by a dependency', () => {
  const dep = (due: string, status: TaskFacts['status'] = 'in_progress') => ({ id: 7, due, status, progress: 40 });
  it('when a dependency is overdue: not on its due date, from the day after', () => {
    const t = task({ dependencies: [dep('2026-05-31')] });
    expect(kinds(t, [], '2026-05-31')).toEqual([]);
    expect(find(t, [], '2026-06-01', 'blocked')!.message.vi).toBe(
      'Bị chặn bởi nhiệm vụ phụ thuộc: nhiệm vụ #7 quá hạn 1 ngày (tiến độ chính thức 40%)',
    );
    expect(kinds(task({ dependencies: [dep('2026-05-31', 'done')] }), [], '2026-06-01')).toEqual([]);
  });
  it("when a dependency is due after this task's due date", () => {
    const due = '2026-06-30';
    expect(kinds(task({ due, dependencies: [dep('2026-06-30')] }), [], '2026-01-01')).toEqual([]);
    expect(find(task({ due, dependencies: [dep('2026-07-01')] }), [], '2026-01-01', 'blocked')!.message.en).toBe(
      "Blocked by a dependency: task #7 is due 2026-07-01, 1 day after this task's due date",
    );
  });
});

describe('reports awaiting review', () => {
  const pending = (latestDate: string, reviewDue: string) => ({ latestDate, reviewDue });
  it('count as reporting for the silent rule (the unit did report), and only that', () => {
    const t = task({ cadence: 'monthly', progress: 10, pending: pending('2026-04-01', '2026-04-08') });
    expect(kinds(task({ cadence: 'monthly', progress: 10 }), [report('2026-03-01', 10)], '2026-04-09')).toEqual([
      'silent',
    ]);
    expect(kinds(t, [report('2026-03-01', 10)], '2026-04-08')).toEqual([]);
    // A report awaiting review dated after asOf (a past date re-evaluated) does not count.
    expect(
      kinds({ ...t, pending: pending('2026-04-20', '2026-04-27') }, [report('2026-03-01', 10)], '2026-04-09'),
    ).toEqual(['silent']);
  });
  it("raise review_overdue the day after the review deadline, without moving the task's rating", () => {
    const t = task({ pending: pending('2026-04-01', '2026-04-08') });
    expect(kinds(t, [], '2026-04-08')).toEqual([]);
    const e = evaluateTask(t, [], '2026-04-10');
    expect(e.warnings.map((w) => w.kind)).toEqual(['review_overdue']);
    expect(e.rating).toBe('green');
    expect(e.warnings[0].facts).toEqual({ reviewDue: '2026-04-08', daysLate: 2 });
    expect(e.warnings[0].message.en).toBe(
      'A report awaiting review by the level above is 2 days past its review deadline (2026-04-08); its progress does not count as official yet',
    );
    // With a rated warning beside it, the rating is that warning's alone.
    const behind = evaluateTask({ ...t, funding: [] }, [], '2026-04-10');
    expect(behind.rating).toBe('amber_green');
    expect(behind.explanation.en).not.toContain('review');
  });
  it('still raise review_overdue on a finished or suspended task, never on a cancelled one', () => {
    for (const status of ['done', 'suspended'] as const) {
      expect(kinds(task({ status, pending: pending('2026-04-01', '2026-04-08') }), [], '2026-04-10')).toEqual([
        'review_overdue',
      ]);
    }
    expect(
      kinds(task({ status: 'cancelled', pending: pending('2026-04-01', '2026-04-08') }), [], '2026-04-10'),
    ).toEqual([]);
  });
});
