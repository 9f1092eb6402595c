// Reporting periods and how a task follows its reports.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { addDays } from '../warnings/index.ts';
import { latestCounted } from './reports.store.ts';
import { updateTask, type TaskRow } from '../tasks/tasks.store.ts';
import { applyRollupChanges, countedOf } from '../dashboards/dashboards.rollups.store.ts';
import type { RollupChange } from '../warnings/warnings.evaluate.ts';
import type { PendingWrites } from './reports.pending.ts';

/** The reporting period containing `date` and the last day to report on it on time (period end + grace days). */
export function reportingPeriod(date: string, cadence: string, graceDays: number) {
  const y = Number(date.slice(0, 4)),
    m = Number(date.slice(5, 7));
  const endMonth = cadence === 'monthly' ? m : Math.ceil(m / 3) * 3;
  const end = new Date(Date.UTC(y, endMonth, 0)).toISOString().slice(0, 10);
  const label = cadence === 'monthly' ? date.slice(0, 7) : `${y}-Q${Math.ceil(m / 3)}`;
  return { label, end, due: addDays(end, graceDays) };
}

/** Engine window: the trend rule reads the last 4 reports; keep a couple more. */
const RECENT = 6;

type Counted = Awaited<ReturnType<typeof latestCounted>>[number];
const factOf = (r: Counted) => ({
  date: r.report_date,
  progress: r.progress,
  resourcesNeeded: !!r.resources_needed?.trim(),
});

/**
 * Sets the task's progress, status, done date and recent reports from its
 * latest reports (returned ones do not count), moving its rollup counts.
 * A "done" report after the due date makes the task done late. The rollup delta
 * goes to `rollups` when given (applied by the caller with the change's others).
 * `added`: a report just added to the task; when it is the latest, the stored
 * window plus this report is the new window, without reading the reports again.
 * `pending`: the write is left to the verdict statement (reports.pending.ts); the task is returned as it will be.
 */
export async function followReports(
  trx: Kysely<Database>,
  task: TaskRow,
  rollups?: RollupChange[],
  added?: Counted,
  pending?: PendingWrites,
): Promise<TaskRow> {
  let recent: ReturnType<typeof factOf>[], latest: Counted | undefined;
  if (
    added &&
    (!task.last_report_date || added.report_date >= task.last_report_date) &&
    Array.isArray(task.recent_reports)
  ) {
    recent = [...(task.recent_reports as ReturnType<typeof factOf>[]), factOf(added)].slice(-RECENT);
    latest = added;
  } else {
    const reports = await latestCounted(trx, task.id, RECENT);
    recent = reports.slice().reverse().map(factOf);
    latest = reports[0];
  }
  const set: Parameters<typeof updateTask>[2] = {
    recent_reports: JSON.stringify(recent),
    last_report_date: latest?.report_date ?? null,
  };
  if (latest) {
    set.progress = latest.status === 'done' ? 100 : latest.progress;
    if (latest.status === 'done') {
      set.status = task.due_date && latest.report_date > task.due_date ? 'done_late' : 'done';
      set.done_date = latest.report_date;
    } else {
      set.status = latest.status;
      set.done_date = null;
    }
  }
  let updated: TaskRow;
  if (pending) {
    updated = { ...task, ...set, recent_reports: recent, last_report_date: set.last_report_date ?? null } as TaskRow;
    pending.set(task.id, {
      progress: updated.progress,
      status: updated.status,
      done_date: updated.done_date,
      recent: { list: recent, lastReportDate: updated.last_report_date },
    });
  } else updated = await updateTask(trx, task.id, set);
  const delta = { before: countedOf(task), after: countedOf(updated) };
  if (rollups) rollups.push(delta);
  else await applyRollupChanges(trx, [delta]);
  return updated;
}
