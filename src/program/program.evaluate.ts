// Runs the warning engine over tasks and stores what it says: the task's
// rating, explanation, derived status and open warning kinds, the warnings
// table (raise, refresh, resolve when the condition clears), and the rollup
// deltas, all in the caller's transaction. Used on every change (a few tasks)
// and by the daily run (batches of thousands).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db-schema.ts';
import type { Cadence, FundingSource, ReportFacts, TaskFacts, TaskStatus, Warning } from './program.types.ts';
import { countsInRollup, evaluateTask } from './warnings/index.ts';
import { applyRollupChanges, countedOf, type Counted } from './program.rollups.store.ts';

type Q = Kysely<Database>;

export interface EvalRow {
  id: number; program_id: number; kind: string; unit_id: number; section_id: number | null; status: string; progress: number;
  start_date: string | null; deadline_start: string | null; due_date: string | null; done_date: string | null;
  rating: string | null; warning_kinds: string[]; recent_reports: unknown; cadence: string;
  parent_id: number | null; cascaded: boolean; has_children: boolean;
}

export interface EvalOptions {
  /** Update messages and facts of warnings that stay open (the per-change path does; the daily run only writes changes). */
  refreshOpen: boolean;
  chains?: Map<number, number[]>;
}

export interface EvalOutcome { changedTaskIds: number[]; raised: number; resolved: number }

const EVAL_COLUMNS = sql`t.id, t.program_id, t.kind, t.unit_id, t.section_id, t.status, t.progress, t.start_date, t.deadline_start,
  t.due_date, t.done_date, t.rating, t.warning_kinds, t.recent_reports, p.cadence, t.parent_id, t.cascaded,
  exists(select 1 from tasks c where c.parent_id = t.id and c.cascaded) as has_children`;

export async function loadEvalRows(db: Q, ids: number[]): Promise<EvalRow[]> {
  if (ids.length === 0) return [];
  const r = await sql<EvalRow>`select ${EVAL_COLUMNS} from tasks t join programs p on p.id = t.program_id
    where t.id = any(${ids}::bigint[]) and t.kind = 'task' order by t.id for update of t`.execute(db);
  return r.rows;
}

/** Tasks of some units (a subtree), without locks: for reading what the engine would say on a date. */
export async function loadEvalRowsOfUnits(db: Q, unitIds: number[] | null): Promise<EvalRow[]> {
  const r = await sql<EvalRow>`select ${EVAL_COLUMNS} from tasks t join programs p on p.id = t.program_id
    where t.kind = 'task' ${unitIds ? sql`and t.unit_id = any(${unitIds}::bigint[])` : sql``} order by t.id`.execute(db);
  return r.rows;
}

/** A keyset page of tasks for the daily run. */
export async function loadEvalPage(db: Q, afterId: number, limit: number): Promise<EvalRow[]> {
  const r = await sql<EvalRow>`select ${EVAL_COLUMNS} from tasks t join programs p on p.id = t.program_id
    where t.id > ${afterId} and t.kind = 'task' order by t.id limit ${limit}`.execute(db);
  return r.rows;
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

/** The engine's verdict on each row (no writes): derived status, rating (null when not rated), evaluation. */
export async function computeEvaluations(trx: Q, rows: EvalRow[], asOf: string) {
  const ids = rows.map((r) => r.id);
  const [ownFunding, deps] = ids.length === 0 ? [[], []] : await Promise.all([
    fundingOf(trx, ids),
    trx.selectFrom('task_dependencies as d').innerJoin('tasks as t', 't.id', 'd.depends_on_id')
      .select(['d.task_id', 't.id', 't.due_date', 't.status', 't.progress']).where(anyId('d.task_id', ids)).execute(),
  ]);
  // A cascaded task without funding lines of its own is funded by what the task it was cascaded from has
  // (a commune's by its province task's, else by the central task's): one "no funding source" warning per
  // commune would only repeat the parent's.
  const funding = [...ownFunding];
  const hasOwn = new Set(ownFunding.map((f) => f.task_id));
  let missing = rows.filter((r) => r.cascaded && r.parent_id !== null && !hasOwn.has(r.id))
    .map((r) => ({ taskId: r.id, ancestor: r.parent_id! }));
  for (let level = 0; level < 3 && missing.length; level++) {
    const lines = group(await fundingOf(trx, [...new Set(missing.map((m) => m.ancestor))]), (f) => f.task_id);
    for (const m of missing) for (const f of lines.get(m.ancestor) ?? []) funding.push({ ...f, task_id: m.taskId });
    const still = missing.filter((m) => !lines.has(m.ancestor));
    if (still.length === 0) break;
    const parents = new Map((await trx.selectFrom('tasks').select(['id', 'parent_id', 'cascaded']).where(anyId('id', [...new Set(still.map((m) => m.ancestor))])).execute())
      .map((t) => [t.id, t.cascaded ? t.parent_id : null]));
    missing = still.filter((m) => parents.get(m.ancestor) != null).map((m) => ({ taskId: m.taskId, ancestor: parents.get(m.ancestor)! }));
  }
  const fundingBy = group(funding, (f) => f.task_id);
  const depsBy = group(deps, (d) => d.task_id);
  return rows.map((row) => {
    const status = derivedStatus(row.status, row.progress, row.due_date, asOf);
    const facts: TaskFacts = {
      id: row.id, start: row.start_date ?? row.deadline_start, due: row.due_date, status, progress: row.progress,
      // A task whose progress rolls up from its cascaded tasks reports through them: no cadence of its own.
      cadence: row.has_children ? null : row.cadence as Cadence,
      funding: (fundingBy.get(row.id) ?? []).map((f) => ({ source: f.source as FundingSource | null, required: f.amount_required, allocated: f.amount_allocated })),
      dependencies: (depsBy.get(row.id) ?? []).map((d) => ({ id: d.id, due: d.due_date, status: d.status as TaskStatus, progress: d.progress })),
    };
    const evaluation = evaluateTask(facts, row.recent_reports as ReportFacts[], asOf);
    return { row, status, rating: countsInRollup(status) ? evaluation.rating : null, evaluation };
  });
}

export async function evaluateRows(trx: Q, rows: EvalRow[], asOf: string, opts: EvalOptions): Promise<EvalOutcome> {
  if (rows.length === 0) return { changedTaskIds: [], raised: 0, resolved: 0 };
  const updates: { id: number; status: string; rating: string | null; explanation: string; kinds: string[] }[] = [];
  const rollups: { before: Counted | null; after: Counted | null }[] = [];
  const evaluations = new Map<number, Warning[]>();
  for (const { row, status, rating, evaluation } of await computeEvaluations(trx, rows, asOf)) {
    const kinds = evaluation.warnings.map((w) => w.kind).sort();
    const changed = rating !== row.rating || status !== row.status || kinds.join() !== row.warning_kinds.join();
    if (!changed && !opts.refreshOpen) continue;
    evaluations.set(row.id, evaluation.warnings);
    updates.push({ id: row.id, status, rating, explanation: JSON.stringify(evaluation.explanation), kinds });
    rollups.push({ before: countedOf(row), after: countedOf({ ...row, status, rating }) });
  }
  if (updates.length === 0) return { changedTaskIds: [], raised: 0, resolved: 0 };
  await sql`update tasks t set status = v.status, rating = v.rating, rating_explanation = v.explanation::jsonb,
      warning_kinds = array(select jsonb_array_elements_text(v.kinds::jsonb)), updated_at = now()
    from (select unnest(${updates.map((u) => u.id)}::bigint[]) as id, unnest(${updates.map((u) => u.status)}::text[]) as status,
                 unnest(${updates.map((u) => u.rating)}::text[]) as rating, unnest(${updates.map((u) => u.explanation)}::text[]) as explanation,
                 unnest(${updates.map((u) => JSON.stringify(u.kinds))}::text[]) as kinds) v
    where t.id = v.id`.execute(trx);
  await applyRollupChanges(trx, rollups, opts.chains);
  const { raised, resolved } = await syncWarnings(trx, evaluations, opts.refreshOpen);
  return { changedTaskIds: updates.map((u) => u.id), raised, resolved };
}

/** Makes the open warnings of these tasks match the engine's: new kinds raised, gone kinds resolved by the system. */
async function syncWarnings(trx: Q, evaluations: Map<number, Warning[]>, refreshOpen: boolean) {
  const ids = [...evaluations.keys()];
  const open = await trx.selectFrom('program_warnings').select(['id', 'task_id', 'kind'])
    .where(anyId('task_id', ids)).where('resolved_at', 'is', null).execute();
  const openBy = new Map(open.map((w) => [`${w.task_id}:${w.kind}`, w.id]));
  const toInsert: { task_id: number; kind: string; severity: string; message_vi: string; message_en: string; facts: string }[] = [];
  const toRefresh: { id: number; w: Warning }[] = [];
  const keep = new Set<number>();
  for (const [taskId, warnings] of evaluations) {
    for (const w of warnings) {
      const existing = openBy.get(`${taskId}:${w.kind}`);
      if (existing) { keep.add(existing); if (refreshOpen) toRefresh.push({ id: existing, w }); continue; }
      toInsert.push({ task_id: taskId, kind: w.kind, severity: w.severity, message_vi: w.message.vi, message_en: w.message.en, facts: JSON.stringify(w.facts) });
    }
  }
  const gone = open.filter((w) => !keep.has(w.id)).map((w) => w.id);
  if (gone.length) await trx.updateTable('program_warnings').set({ resolved_at: new Date() }).where(anyId('id', gone)).execute();
  for (let i = 0; i < toInsert.length; i += 1000) await trx.insertInto('program_warnings').values(toInsert.slice(i, i + 1000)).execute();
  if (toRefresh.length) {
    await sql`update program_warnings w set severity = v.severity, message_vi = v.vi, message_en = v.en, facts = v.facts::jsonb
      from (select unnest(${toRefresh.map((r) => r.id)}::bigint[]) as id, unnest(${toRefresh.map((r) => r.w.severity)}::text[]) as severity,
                   unnest(${toRefresh.map((r) => r.w.message.vi)}::text[]) as vi, unnest(${toRefresh.map((r) => r.w.message.en)}::text[]) as en,
                   unnest(${toRefresh.map((r) => JSON.stringify(r.w.facts))}::text[]) as facts) v
      where w.id = v.id and (w.message_en <> v.en or w.severity <> v.severity)`.execute(trx);
  }
  return { raised: toInsert.length, resolved: gone.length };
}

async function fundingOf(trx: Q, ids: number[]) {
  if (ids.length === 0) return [];
  return trx.selectFrom('task_funding').select(['task_id', 'source', 'amount_required', 'amount_allocated']).where(anyId('task_id', ids)).execute();
}

/** `col = any($1::bigint[])`: one parameter however many ids (an IN list of 10,000 parameters is slow to bind and plan). */
const anyId = (col: string, ids: number[]) => sql<boolean>`${sql.ref(col)} = any(${ids}::bigint[])`;

function group<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) { const k = key(r); const list = m.get(k); if (list) list.push(r); else m.set(k, [r]); }
  return m;
}
