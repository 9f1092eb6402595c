// Runs the warning engine over tasks and stores what it says: the task's
// rating, explanation, derived status and open warning kinds, the warnings
// table (raise, refresh, resolve when the condition clears), and the rollup
// deltas, all in the caller's transaction. Used on every change (a few tasks,
// read locked with their facts) and by the daily run (pages of thousands,
// with run-wide facts). SQL lives in warnings.store.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { Cadence, ReportFacts, TaskFacts, TaskStatus, Warning } from '../program.types.ts';
import { countsInRollup, DEFAULT_RULES, evaluateTask } from './index.ts';
import { applyRollupChanges, countedOf, type Counted } from '../dashboards/dashboards.rollups.store.ts';
import type { PendingWrites } from '../reports/reports.pending.ts';
import {
  byTask,
  cascadeParents,
  factsOfRows,
  lockEvalRows,
  type CascadeParent,
  writeVerdicts,
  type DependencyFact,
  type EvalRow,
  type FundingFact,
  type JudgeRow,
  type LockedEvalRow,
  type NewWarning,
  type RefreshedWarning,
  type Verdict,
} from './warnings.store.ts';

export {
  evalRowsOfUnits as loadEvalRowsOfUnits,
  type EvalRow,
  type JudgeRow,
  type LockedEvalRow,
} from './warnings.store.ts';

type Q = Kysely<Database>;
export type RollupChange = { before: Counted | null; after: Counted | null };

export interface EvalOptions {
  /** Update messages and facts of warnings that stay open (the per-change path does; the daily run only writes changes). */
  refreshOpen: boolean;
  chains?: Map<number, number[]>;
  /** Collect the rollup deltas here instead of applying them (the caller applies all of a change's deltas at once). */
  rollups?: RollupChange[];
  /** Task figures not yet written (reports/reports.pending.ts), already laid over the rows: written with their verdicts. */
  pending?: PendingWrites;
}

export interface EvalOutcome {
  changedTaskIds: number[];
  raised: number;
  resolved: number;
}

/** What the engine needs besides the row: whether it has cascaded children, its funding (own or inherited), its dependencies. */
export interface EvalFacts {
  hasChildren(row: JudgeRow): boolean;
  funding(row: JudgeRow): FundingFact[];
  dependencies(row: JudgeRow): DependencyFact[];
}

/**
 * A cascaded task without funding lines of its own is funded by what the task it was cascaded from has
 * (a commune's by its province task's, else by the central task's): one "no funding source" warning per
 * commune would only repeat the parent's. At most 3 levels up.
 */
export function inheritedFunding(
  row: Pick<JudgeRow, 'id' | 'cascaded' | 'parent_id'>,
  linesOf: (id: number) => FundingFact[] | null | undefined,
  cascadeParentOf: (id: number) => number | null | undefined,
): FundingFact[] {
  const own = linesOf(row.id);
  if (own?.length) return own;
  let ancestor = row.cascaded ? row.parent_id : null;
  for (let level = 0; level < 3 && ancestor != null; level++) {
    const lines = linesOf(ancestor);
    if (lines?.length) return lines;
    ancestor = cascadeParentOf(ancestor) ?? null;
  }
  return [];
}

/** Facts for plain rows: the parents' funding and children loaded once (\`cascadeParents\`), the rows' own from their page. */
export function factsOfPage(
  parents: CascadeParent[],
  own: { funding: (FundingFact & { task_id: number })[]; deps: (DependencyFact & { task_id: number })[] },
): EvalFacts {
  const parentLines = new Map(parents.map((p) => [p.id, p.lines]));
  const parentOf = new Map(parents.map((p) => [p.id, p.parent_id]));
  const ownLines = byTask(own.funding);
  const depsBy = byTask(own.deps);
  return {
    hasChildren: (row) => parentOf.has(row.id),
    funding: (row) =>
      inheritedFunding(
        row,
        (id) => ownLines.get(id) ?? parentLines.get(id),
        (id) => parentOf.get(id),
      ),
    dependencies: (row) => depsBy.get(row.id) ?? [],
  };
}

/** The engine's verdict on plain rows read anywhere (a subtree for the CLI), loading their facts. */
export async function computeEvaluations(db: Q, rows: EvalRow[], asOf: string) {
  const [parents, own] = await Promise.all([
    cascadeParents(db),
    factsOfRows(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return judgeRows(rows, asOf, factsOfPage(parents, own));
}

/** Facts carried by rows read with lockEvalRows. */
export function factsOfLocked(): EvalFacts {
  return {
    hasChildren: (row) => (row as LockedEvalRow).has_children,
    funding: (row) => {
      const chain = new Map(((row as LockedEvalRow).funding_chain ?? []).map((l) => [l.id, l]));
      return inheritedFunding(
        row,
        (id) => chain.get(id)?.lines,
        (id) => chain.get(id)?.parentId,
      );
    },
    dependencies: (row) => (row as LockedEvalRow).deps ?? [],
  };
}

/**
 * The status the dates imply: an active task past its due date is overdue, an
 * overdue one whose deadline moved later is active again. Reports set the rest.
 */
export function derivedStatus(status: string, progress: number, due: string | null, asOf: string): TaskStatus {
  if ((status === 'not_started' || status === 'in_progress') && due && due < asOf) return 'overdue';
  if (status === 'overdue' && (!due || due >= asOf)) return progress > 0 ? 'in_progress' : 'not_started';
  return status as TaskStatus;
}

/**
 * The engine's verdict on each row (no I/O): derived status, rating (null when not rated), evaluation.
 * `text` false: without the messages and explanation (enough for verdictDiffers; see evaluateTask).
 */
export function judgeRows<R extends JudgeRow>(rows: R[], asOf: string, facts: EvalFacts, text = true) {
  return rows.map((row) => {
    const status = derivedStatus(row.status, row.progress, row.due_date, asOf);
    const task: TaskFacts = {
      id: row.id,
      start: row.start,
      due: row.due_date,
      status,
      progress: row.progress,
      // A task whose progress rolls up from its cascaded tasks reports through them: no cadence of its own.
      cadence: facts.hasChildren(row) ? null : (row.cadence as Cadence),
      // The stores read funding lines and dependencies in the engine's shape already.
      funding: facts.funding(row) as TaskFacts['funding'],
      dependencies: facts.dependencies(row) as TaskFacts['dependencies'],
      pending:
        row.reported_date && row.review_due ? { latestDate: row.reported_date, reviewDue: row.review_due } : null,
    };
    const evaluation = evaluateTask(task, row.recent_reports as ReportFacts[], asOf, DEFAULT_RULES, text);
    return { row, status, rating: countsInRollup(status) ? evaluation.rating : null, evaluation };
  });
}

export type Judged<R extends JudgeRow = JudgeRow> = ReturnType<typeof judgeRows<R>>[number];

/** The warning kinds as stored: sorted, comma-joined. */
export const kindsKey = (warnings: readonly Warning[]) =>
  warnings.length === 0
    ? ''
    : warnings.length === 1
      ? warnings[0].kind
      : warnings
          .map((w) => w.kind)
          .sort()
          .join(',');

export const verdictDiffers = (v: Judged) =>
  v.rating !== v.row.rating || v.status !== v.row.status || kindsKey(v.evaluation.warnings) !== v.row.kinds;

/** Locks, reads and evaluates these tasks (and those depending on them, when asked), writing what changed. */
export async function evaluateTasks(
  trx: Q,
  ids: number[],
  asOf: string,
  opts: EvalOptions & { withDependents?: boolean },
) {
  const rows = await lockEvalRows(trx, ids, opts.withDependents ?? false);
  return { rows, outcome: await evaluateRows(trx, rows, asOf, opts) };
}

/**
 * Locks, reads and judges many tasks, 2,000 at a time, refreshing their open warnings' text: tasks just
 * created (an import, a cascade) or whose dates just moved (copies following their task's deadline).
 */
export async function evaluateInSlices(trx: Q, ids: number[], asOf: string) {
  for (let i = 0; i < ids.length; i += 2000) {
    await evaluateRows(trx, await lockEvalRows(trx, ids.slice(i, i + 2000), false), asOf, { refreshOpen: true });
  }
}

export async function evaluateRows(
  trx: Q,
  rows: LockedEvalRow[],
  asOf: string,
  opts: EvalOptions,
): Promise<EvalOutcome> {
  const pending = opts.pending;
  if (rows.length === 0 && !pending?.size) return { changedTaskIds: [], raised: 0, resolved: 0 };
  const verdicts: Verdict[] = [];
  const rollups: RollupChange[] = [];
  const raised: NewWarning[] = [],
    refreshed: RefreshedWarning[] = [],
    gone: number[] = [];
  for (const judged of judgeRows(rows, asOf, factsOfLocked())) {
    const { row, status, rating, evaluation } = judged;
    const figures = pending?.get(row.id);
    if (!verdictDiffers(judged) && !opts.refreshOpen && !figures) continue;
    const kinds = evaluation.warnings.map((w) => w.kind).sort();
    verdicts.push({ id: row.id, status, rating, explanation: JSON.stringify(evaluation.explanation), kinds, figures });
    pending?.delete(row.id);
    rollups.push({ before: countedOf(row), after: countedOf({ ...row, status, rating }) });
    syncWarnings(row as LockedEvalRow, evaluation.warnings, opts.refreshOpen, { raised, refreshed, gone });
  }
  // Every pending figure belongs to a task evaluated here (the changed task and its cascade parents): one left over would be lost.
  if (pending?.size) throw new Error(`task figures left unwritten for tasks ${[...pending.keys()].join(', ')}`);
  if (verdicts.length === 0) return { changedTaskIds: [], raised: 0, resolved: 0 };
  await writeVerdicts(trx, verdicts, gone, raised, refreshed);
  if (opts.rollups) opts.rollups.push(...rollups);
  else await applyRollupChanges(trx, rollups, opts.chains);
  return { changedTaskIds: verdicts.map((u) => u.id), raised: raised.length, resolved: gone.length };
}

/** Makes a task's open warnings match the engine's: new kinds raised, gone kinds resolved by the system. */
function syncWarnings(
  row: LockedEvalRow,
  warnings: Warning[],
  refreshOpen: boolean,
  out: { raised: NewWarning[]; refreshed: RefreshedWarning[]; gone: number[] },
) {
  const open = new Map((row.open_warnings ?? []).map((w) => [w.kind, w.id]));
  for (const w of warnings) {
    const existing = open.get(w.kind);
    const text = { severity: w.severity, vi: w.message.vi, en: w.message.en, facts: JSON.stringify(w.facts) };
    if (existing !== undefined) {
      open.delete(w.kind);
      if (refreshOpen) out.refreshed.push({ id: existing, ...text });
    } else out.raised.push({ taskId: row.id, kind: w.kind, ...text });
  }
  out.gone.push(...open.values());
}
