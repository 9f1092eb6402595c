// The early-warning engine: pure, synchronous and allocation-light, so the
// whole national program (about a million tasks) re-evaluates in seconds on
// the daily clock and one task re-evaluates in microseconds on every change.
import {
  UNRATED_KINDS,
  type Evaluation,
  type ReportFacts,
  type TaskFacts,
  type TaskStatus,
  type Warning,
} from '../program.types.ts';
import {
  atRisk,
  blocked,
  dueSoonLowProgress,
  lackingResources,
  overdue,
  reviewOverdue,
  silent,
  type Facts,
} from './checks.ts';
import { dayNumber } from './days.ts';
import { NO_WARNINGS, rateWarnings } from './rating.ts';
import { NO_TEXT } from './format.ts';
import { DEFAULT_RULES, type WarningRules } from './rules.ts';

const ONLY_REVIEW_LATE = Object.freeze({
  vi: 'Xanh: không có cảnh báo về việc thực hiện; cảnh báo báo cáo chờ duyệt quá hạn thuộc về cấp trên.',
  en: 'Green: no warnings about delivery; the overdue review belongs to the level above.',
});

const NOT_ASSESSED: Partial<Record<TaskStatus, { vi: string; en: string }>> = {
  done: { vi: 'Xanh: nhiệm vụ đã hoàn thành.', en: 'Green: the task is done.' },
  done_late: {
    vi: 'Xanh: nhiệm vụ đã hoàn thành (muộn so với hạn).',
    en: 'Green: the task is done (later than its due date).',
  },
  cancelled: { vi: 'Không đánh giá: nhiệm vụ đã bị hủy.', en: 'Not assessed: the task was cancelled.' },
  suspended: { vi: 'Không đánh giá: nhiệm vụ đang tạm dừng.', en: 'Not assessed: the task is suspended.' },
};

/**
 * Evaluates one task on `asOf` ('YYYY-MM-DD'). Done, done-late, cancelled and suspended tasks get
 * no warnings: done ones are rated green; cancelled and suspended ones are rated green only
 * nominally and must be left out of rollups (see countsInRollup). The stored status 'overdue' is
 * treated like any active status: the engine recomputes lateness from the dates.
 * Reports after `asOf` are ignored, so a past date can be re-evaluated; they may come in any order.
 * `text` false: the rating and the warnings' kinds only, with empty messages and explanation (the
 * daily run's first pass, which only asks whether a verdict changed).
 */
export function evaluateTask(
  task: TaskFacts,
  reports: ReportFacts[],
  asOf: string,
  rules: WarningRules = DEFAULT_RULES,
  text = true,
): Evaluation {
  const done = NOT_ASSESSED[task.status];
  if (done) {
    // A report may still wait for review on a finished or suspended task: the reviewer is late all the same.
    const waiting =
      task.pending && task.status !== 'cancelled'
        ? reviewOverdue({ task, today: dayNumber(asOf), text } as Facts)
        : null;
    return { rating: 'green', warnings: waiting ? [waiting] : [], explanation: done };
  }
  const today = dayNumber(asOf);
  const ordered = inDateOrder(reports);
  // 'YYYY-MM-DD' strings sort as dates, so no parsing is needed to drop reports after asOf.
  let known = ordered.length;
  while (known > 0 && ordered[known - 1].date > asOf) known--;
  const facts: Facts = {
    task,
    today,
    start: task.start ? dayNumber(task.start) : null,
    due: task.due ? dayNumber(task.due) : null,
    reports: ordered,
    known,
    text,
  };
  // Most tasks have no warning: allocate the list only for the ones that do.
  let warnings: Warning[] | null = null;
  warnings = add(warnings, overdue(facts));
  warnings = add(warnings, atRisk(facts, rules));
  warnings = add(warnings, dueSoonLowProgress(facts, rules));
  warnings = add(warnings, silent(facts, rules));
  warnings = add(warnings, lackingResources(facts));
  warnings = add(warnings, blocked(facts));
  warnings = add(warnings, reviewOverdue(facts));
  if (!warnings) return { rating: 'green', warnings: [], explanation: NO_WARNINGS };
  // The reviewer's lateness is not the task's: it does not move the task's rating.
  const rated = task.pending ? warnings.filter((w) => !UNRATED_KINDS.has(w.kind)) : warnings;
  if (rated.length === 0) return { rating: 'green', warnings, explanation: text ? ONLY_REVIEW_LATE : NO_TEXT };
  const { rating, explanation } = rateWarnings(rated, text);
  return { rating, warnings, explanation };
}

function add(list: Warning[] | null, warning: Warning | null): Warning[] | null {
  if (!warning) return list;
  if (!list) return [warning];
  list.push(warning);
  return list;
}

/** Reports oldest first; sorts (a copy) only when the caller did not. */
function inDateOrder(reports: ReportFacts[]): ReportFacts[] {
  for (let i = 1; i < reports.length; i++) {
    if (reports[i].date < reports[i - 1].date)
      return [...reports].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return reports;
}
