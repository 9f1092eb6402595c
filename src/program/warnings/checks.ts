// One function per early-warning rule. Each gets the facts already reduced to
// day numbers and returns a Warning (with the numbers behind it, in Vietnamese
// and English) or null. At most one warning per kind, so the store can keep
// warnings keyed by (task, kind) and acknowledge or resolve them one by one.
import type { ReportFacts, TaskFacts, TaskStatus, Warning } from '../program.types.ts';
import { dateOf, dayNumber } from './days.ts';
import { amount, days, NO_TEXT, pct, progressPct } from './format.ts';
import type { WarningRules } from './rules.ts';

/** Statuses after which a task needs nothing more: no warnings, and a dependency in them blocks nothing. */
export const FINISHED: ReadonlySet<TaskStatus> = new Set(['done', 'done_late', 'cancelled']);

export interface Facts {
  task: TaskFacts;
  today: number;
  start: number | null;
  due: number | null;
  /** Reports oldest first; only the first `known` are dated on or before asOf (later ones are ignored). */
  reports: ReportFacts[];
  known: number;
  /**
   * Build the messages and figures. Off, a check returns a shared bare warning (kind and severity
   * only): the daily run first asks which verdicts changed, for a million tasks, and builds the text
   * only for those.
   */
  text: boolean;
}

const bare = (kind: Warning['kind'], severity: Warning['severity']): Warning =>
  Object.freeze({ kind, severity, message: NO_TEXT, facts: Object.freeze({}) });
const BARE = {
  overdue: bare('overdue', 'critical'),
  at_risk: bare('at_risk', 'warning'),
  due_soon_low_progress: bare('due_soon_low_progress', 'warning'),
  silent: bare('silent', 'info'),
  lacking_resources: bare('lacking_resources', 'warning'),
  blocked: bare('blocked', 'warning'),
  review_overdue: bare('review_overdue', 'warning'),
} as const;

export function overdue({ task, today, due, text }: Facts): Warning | null {
  if (due === null || due >= today) return null;
  if (!text) return BARE.overdue;
  const late = today - due;
  return {
    kind: 'overdue',
    severity: 'critical',
    message: {
      vi: `Quá hạn ${days(late, 'vi')} (hạn ${task.due})`,
      en: `Overdue by ${days(late, 'en')} (due ${task.due})`,
    },
    facts: { due: task.due, daysLate: late },
  };
}

/** At risk: time running ahead of progress, or the recent trajectory reaching 100% after the due date. Not once overdue. */
export function atRisk(f: Facts, rules: WarningRules): Warning | null {
  const { task, today, start, due } = f;
  if (due === null || due < today || task.progress >= 100) return null;
  // asOf counts as a passed day: on the due date the whole period has elapsed.
  const timed = start !== null && start <= today && due >= start;
  const passed = timed ? today - start + 1 : 0,
    total = timed ? due - start + 1 : 1;
  // Compared multiplied out, in whole numbers: 66/120·100 is 55.00000000000001 in floating point.
  const behindTime = timed && passed * 100 - task.progress * total > rules.atRiskMarginPoints * total;
  const trend = trajectory(f, rules);
  const behindTrend = !!trend && (trend.finish === null || trend.finish > due);
  if (!behindTime && !behindTrend) return null;
  if (!f.text) return BARE.at_risk;
  const vi: string[] = [],
    en: string[] = [];
  const facts: Warning['facts'] = {};
  if (behindTime) {
    const elapsed = (passed / total) * 100;
    vi.push(
      `Đã trôi qua ${pct(elapsed, 'vi')} thời gian nhưng tiến độ chính thức mới đạt ${progressPct(task.progress, 'vi')}`,
    );
    en.push(
      `${pct(elapsed, 'en')} of the time has passed but official progress is only ${progressPct(task.progress, 'en')}`,
    );
    Object.assign(facts, {
      elapsedPct: round1(elapsed),
      progress: task.progress,
      marginPoints: rules.atRiskMarginPoints,
    });
  }
  if (trend && behindTrend) {
    const perMonth = trend.slope * 30;
    if (trend.finish === null) {
      vi.push(
        `Tiến độ chính thức qua ${trend.n} báo cáo đã duyệt gần nhất không tăng; với đà này sẽ không hoàn thành trước hạn ${task.due}`,
      );
      en.push(
        `Official progress in the last ${trend.n} accepted reports is not rising; at this pace the task will not finish by ${task.due}`,
      );
    } else {
      vi.push(
        `Theo đà ${trend.n} báo cáo đã duyệt gần nhất (+${pct(perMonth, 'vi')}/30 ngày), dự kiến đạt 100% vào ${dateOf(trend.finish)}, sau hạn ${task.due} ${days(trend.finish - due, 'vi')}`,
      );
      en.push(
        `At the pace of the last ${trend.n} accepted reports (+${pct(perMonth, 'en')} per 30 days), 100% is projected on ${dateOf(trend.finish)}, ${days(trend.finish - due, 'en')} after the due date ${task.due}`,
      );
    }
    Object.assign(facts, {
      trendReports: trend.n,
      slopePctPerDay: round1000(trend.slope),
      projectedFinish: trend.finish === null ? null : dateOf(trend.finish),
      due: task.due,
    });
  }
  return { kind: 'at_risk', severity: 'warning', message: { vi: vi.join('; '), en: en.join('; ') }, facts };
}

/**
 * Least-squares line through the last N reports (x = day, y = progress). The projected finish is the
 * first whole day on which the line reaches 100%; null when the line is flat or falling.
 * Undefined when there are too few reports or they all share one date (no slope to fit).
 */
export function trajectory(
  { reports, known }: Facts,
  rules: WarningRules,
): { n: number; slope: number; finish: number | null } | undefined {
  const n = Math.min(rules.trendWindow, known);
  if (n < rules.trendMinReports || n < 2) return undefined;
  const from = known - n;
  const x0 = dayNumber(reports[from].date);
  const xs = new Array<number>(n);
  let sx = 0,
    sy = 0;
  for (let i = 0; i < n; i++) {
    xs[i] = dayNumber(reports[from + i].date) - x0;
    sx += xs[i];
    sy += reports[from + i].progress;
  }
  const mx = sx / n,
    my = sy / n;
  let sxy = 0,
    sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    sxy += dx * (reports[from + i].progress - my);
    sxx += dx * dx;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  if (slope <= 0) return { n, slope, finish: null };
  // Small epsilon so a line landing exactly on a day (x = 270.00000000000003 from float error) stays on it.
  return { n, slope, finish: x0 + Math.ceil(mx + (100 - my) / slope - 1e-9) };
}

export function dueSoonLowProgress({ task, today, due, text }: Facts, rules: WarningRules): Warning | null {
  if (due === null || due < today || due - today > rules.dueSoonDays || task.progress >= rules.dueSoonMinProgress)
    return null;
  if (!text) return BARE.due_soon_low_progress;
  const left = due - today;
  return {
    kind: 'due_soon_low_progress',
    severity: 'warning',
    message: {
      vi: `Còn ${days(left, 'vi')} đến hạn ${task.due} nhưng tiến độ chính thức mới đạt ${progressPct(task.progress, 'vi')} (dưới ${pct(rules.dueSoonMinProgress, 'vi')})`,
      en: `${days(left, 'en')} left until the due date ${task.due} but official progress is only ${progressPct(task.progress, 'en')} (below ${pct(rules.dueSoonMinProgress, 'en')})`,
    },
    facts: { due: task.due, daysLeft: left, progress: task.progress, minProgress: rules.dueSoonMinProgress },
  };
}

/**
 * Silent: no report for longer than the cadence plus grace, counted from the last report or, before any, from the start.
 * A report awaiting review counts here (the unit did report; a slow review is the reviewer's warning, not the unit's).
 */
export function silent({ task, today, start, reports, known, text }: Facts, rules: WarningRules): Warning | null {
  if (!task.cadence) return null;
  const accepted = known > 0 ? reports[known - 1].date : null;
  const waiting = task.pending && task.pending.latestDate <= dateOf(today) ? task.pending.latestDate : null;
  const lastReport = waiting && (!accepted || waiting > accepted) ? waiting : accepted;
  const last = lastReport ? dayNumber(lastReport) : start;
  if (last === null || last > today) return null;
  const allowed = rules.cadenceDays[task.cadence] + rules.silentGraceDays;
  const since = today - last;
  if (since <= allowed) return null;
  if (!text) return BARE.silent;
  const cadence =
    task.cadence === 'monthly' ? { vi: 'hằng tháng', en: 'monthly' } : { vi: 'hằng quý', en: 'quarterly' };
  const from = lastReport
    ? { vi: `kể từ báo cáo gần nhất ngày ${lastReport}`, en: `since the last report on ${lastReport}` }
    : {
        vi: `kể từ ngày bắt đầu ${task.start} (chưa có báo cáo nào)`,
        en: `since the start on ${task.start} (no report yet)`,
      };
  return {
    kind: 'silent',
    severity: 'info',
    message: {
      vi: `Đã ${days(since, 'vi')} không báo cáo ${from.vi}; kỳ báo cáo ${cadence.vi} cho phép tối đa ${days(allowed, 'vi')}`,
      en: `No report for ${days(since, 'en')} ${from.en}; the ${cadence.en} cadence allows at most ${days(allowed, 'en')}`,
    },
    facts: { lastReport, daysSince: since, allowedDays: allowed },
  };
}

export function lackingResources({ task, reports, known, text }: Facts): Warning | null {
  let required = 0,
    allocated = 0,
    anyRequired = false,
    anySource = false;
  for (const f of task.funding) {
    if (f.source !== null) anySource = true;
    if (f.required !== null) {
      required += f.required;
      anyRequired = true;
    }
    allocated += f.allocated ?? 0; // nothing recorded means nothing allocated yet
  }
  const latest = known > 0 ? reports[known - 1] : undefined;
  const underfunded = anyRequired && allocated < required;
  if (anySource && !underfunded && !latest?.resourcesNeeded) return null;
  if (!text) return BARE.lacking_resources;
  const vi: string[] = [],
    en: string[] = [];
  const facts: Warning['facts'] = {};
  if (!anySource) {
    vi.push('Chưa xác định nguồn kinh phí');
    en.push('No funding source is set');
    facts.noFundingSource = 1;
  }
  if (underfunded) {
    const share = required > 0 ? (allocated / required) * 100 : 0;
    vi.push(
      `Kinh phí mới bố trí ${amount(allocated, 'vi')} trên ${amount(required, 'vi')} cần thiết (${pct(share, 'vi')})`,
    );
    en.push(
      `Only ${amount(allocated, 'en')} of the ${amount(required, 'en')} required has been allocated (${pct(share, 'en')})`,
    );
    Object.assign(facts, { required, allocated, allocatedPct: round1(share) });
  }
  if (latest?.resourcesNeeded) {
    vi.push(`Báo cáo đã duyệt gần nhất (ngày ${latest.date}) đề nghị bổ sung nguồn lực`);
    en.push(`The latest accepted report (${latest.date}) asks for more resources`);
    facts.reportDate = latest.date;
  }
  return { kind: 'lacking_resources', severity: 'warning', message: { vi: vi.join('; '), en: en.join('; ') }, facts };
}

/** Blocked: an unfinished dependency is overdue, or is due after this task's own due date. */
export function blocked({ task, today, due, text }: Facts): Warning | null {
  if (task.dependencies.length === 0) return null;
  if (!text) return task.dependencies.some((dep) => blocks(dep, today, due)) ? BARE.blocked : null;
  const vi: string[] = [],
    en: string[] = [];
  const ids: number[] = [];
  for (const dep of task.dependencies) {
    if (!blocks(dep, today, due)) continue;
    const depDue = dayNumber(dep.due!);
    if (depDue < today) {
      vi.push(
        `nhiệm vụ #${dep.id} quá hạn ${days(today - depDue, 'vi')} (tiến độ chính thức ${progressPct(dep.progress, 'vi')})`,
      );
      en.push(
        `task #${dep.id} is ${days(today - depDue, 'en')} overdue (official progress ${progressPct(dep.progress, 'en')})`,
      );
      ids.push(dep.id);
    } else {
      // due after this task's own due date
      vi.push(`nhiệm vụ #${dep.id} có hạn ${dep.due}, sau hạn của nhiệm vụ này ${days(depDue - due!, 'vi')}`);
      en.push(`task #${dep.id} is due ${dep.due}, ${days(depDue - due!, 'en')} after this task's due date`);
      ids.push(dep.id);
    }
  }
  if (ids.length === 0) return null;
  return {
    kind: 'blocked',
    severity: 'warning',
    message: {
      vi: `Bị chặn bởi nhiệm vụ phụ thuộc: ${vi.join('; ')}`,
      en: `Blocked by a dependency: ${en.join('; ')}`,
    },
    facts: { blockingTaskIds: ids.join(',') },
  };
}

/**
 * Review overdue: a report has waited past its review deadline (so many working days after its
 * submission, a program setting). The warning is about the level above: it is left out of the task's
 * rating (UNRATED_KINDS) and escalates above the reviewer.
 */
export function reviewOverdue({ task, today, text }: Facts): Warning | null {
  const p = task.pending;
  if (!p) return null;
  const due = dayNumber(p.reviewDue);
  if (due >= today) return null;
  if (!text) return BARE.review_overdue;
  const late = today - due;
  return {
    kind: 'review_overdue',
    severity: 'warning',
    message: {
      vi: `Báo cáo chờ cấp trên duyệt đã quá hạn duyệt (${p.reviewDue}) ${days(late, 'vi')}; tiến độ trong báo cáo chưa được tính là chính thức`,
      en: `A report awaiting review by the level above is ${days(late, 'en')} past its review deadline (${p.reviewDue}); its progress does not count as official yet`,
    },
    facts: { reviewDue: p.reviewDue, daysLate: late },
  };
}

/** Whether one dependency blocks: unfinished and overdue, or due after the task itself. */
function blocks(dep: TaskFacts['dependencies'][number], today: number, due: number | null): boolean {
  if (dep.due === null || FINISHED.has(dep.status)) return false;
  const depDue = dayNumber(dep.due);
  return depDue < today || (due !== null && depDue > due);
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round1000 = (x: number) => Math.round(x * 1000) / 1000;
