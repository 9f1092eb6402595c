// Task writes a report submission defers to the statement that stores the
// verdicts. A report used to update its task three times in one transaction
// (its progress, its cascade parents' progress, then everyone's verdict): each
// UPDATE writes a new row version and, when the page is full, an entry in every
// index of the task table. Deferred, each task is written once. The evaluation
// reads the rows as stored and lays these values over them, so the engine and the
// rollup deltas see the tasks as they will be written.
import type { DependencyFact, LockedEvalRow } from '../warnings/warnings.store.ts';

export interface PendingTaskWrite {
  progress: number;
  status: string;
  done_date: string | null;
  /** Set when the task follows a new report: its window of recent reports and the latest report's date. */
  recent?: { list: unknown[]; lastReportDate: string | null };
  /** Set when the reports awaiting review changed (one was accepted or returned): what waits now, null for nothing. */
  reported?: ReportedFigures | null;
}

/** The latest report awaiting review, and the review deadline of the oldest one (tasks.pending_report_id and the reported_* columns). */
export interface ReportedFigures {
  reportId: number;
  progress: number;
  status: string;
  date: string;
  reviewDue: string;
}

/** By task id; filled by followReports and recordPropagation, emptied by evaluateRows as it writes them. */
export type PendingWrites = Map<number, PendingTaskWrite>;

/** The rows with the pending values laid over them, their dependencies' figures included. */
export function overlayPending(rows: LockedEvalRow[], pending: PendingWrites | undefined): LockedEvalRow[] {
  if (!pending || pending.size === 0) return rows;
  return rows.map((row) => {
    const own = pending.get(row.id);
    const deps = row.deps?.some((d) => pending.has(d.id))
      ? row.deps.map((d) => overlayDependency(d, pending.get(d.id)))
      : row.deps;
    if (!own && deps === row.deps) return row;
    if (!own) return { ...row, deps };
    return {
      ...row,
      deps,
      progress: own.progress,
      status: own.status,
      done_date: own.done_date,
      ...(own.recent ? { recent_reports: own.recent.list } : {}),
      ...(own.reported !== undefined
        ? { reported_date: own.reported?.date ?? null, review_due: own.reported?.reviewDue ?? null }
        : {}),
    };
  });
}

const overlayDependency = (d: DependencyFact, p: PendingTaskWrite | undefined): DependencyFact =>
  p ? { ...d, status: p.status, progress: p.progress } : d;
