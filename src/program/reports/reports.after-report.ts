// What follows a report on a task without cascaded children (a leaf), in its
// transaction: the path a national program takes a million times a month, so
// it is kept to few statements. The leaf was locked (and read) by the caller
// and its new figures are pending; here its cascade chain is locked nearest
// first, one statement reads the chain's children and the engine's facts about
// the leaf and the chain, the parents are recomputed in memory, and the leaf
// and the parents that changed are judged and written once each
// (reports.pending.ts). Tasks depending on them are locked and judged too.
// Same outcome as afterTaskChange, which handles every other kind of change.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { evaluateRows, type RollupChange } from '../warnings/warnings.evaluate.ts';
import { byTask, groupBy, lockEvalRows, type FundingLink, type LockedEvalRow } from '../warnings/warnings.store.ts';
import { readAfterChainLock, type ChainFacts } from '../cascade/cascade.chain.store.ts';
import { planPropagation, recordPropagation } from '../cascade/cascade.propagate.ts';
import { lockCascadeChain, type TaskRow } from '../tasks/tasks.store.ts';
import { overlayPending, type PendingWrites } from './reports.pending.ts';
import { finishChange, type ChangeOptions } from '../tasks/tasks.after-change.ts';

type Q = Kysely<Database>;
/** A task row with what the engine derives (read by lockTaskForReport / lockCascadeChain). */
export type JudgedTaskRow = TaskRow & { start: string | null; kinds: string };

export async function afterReport(
  trx: Q,
  leaf: JudgedTaskRow & { cadence: string },
  opts: Required<Pick<ChangeOptions, 'asOf' | 'events'>> & {
    rollups: RollupChange[];
    pending: PendingWrites;
    audit: Parameters<typeof finishChange>[6];
  },
) {
  const { rollups, pending } = opts;
  const chain = leaf.cascaded && leaf.parent_id !== null ? await lockCascadeChain(trx, leaf.parent_id) : [];
  const facts = await readAfterChainLock(
    trx,
    [leaf.id, ...chain.map((c) => c.id)],
    chain.map((c) => c.id),
  );
  const changes = planPropagation(
    leaf,
    chain,
    groupBy(facts.children, (c) => c.parent_id!),
    true,
  );
  recordPropagation(changes, pending, rollups);
  const judged = evalRowsOf([leaf, ...changes.map((c) => c.parent)], [leaf, ...chain], leaf.cadence, facts);
  const ids = new Set(judged.map((r) => r.id));
  const dependents = facts.dependents.filter((id) => !ids.has(id));
  const rows = overlayPending(
    [...judged, ...(dependents.length ? await lockEvalRows(trx, dependents, false) : [])],
    pending,
  );
  const outcome = await evaluateRows(trx, rows, opts.asOf, { refreshOpen: true, rollups, pending });
  return finishChange(
    trx,
    leaf.program_id,
    rows.map((r) => r.id),
    outcome,
    rollups,
    opts.events,
    opts.audit,
  );
}

/**
 * Rows for the engine from rows in hand: `path` is the leaf then its chain nearest first, which is
 * also each row's funding chain (the tasks it was cascaded from). The chain's tasks have cascaded
 * children by definition; the leaf has none (checked by the caller under its lock).
 */
function evalRowsOf(rows: JudgedTaskRow[], path: JudgedTaskRow[], cadence: string, facts: ChainFacts): LockedEvalRow[] {
  const lines = byTask(facts.funding),
    deps = byTask(facts.deps),
    warnings = byTask(facts.openWarnings);
  return rows.map((row) => {
    const at = path.findIndex((p) => p.id === row.id);
    const fundingChain: FundingLink[] = [];
    for (let i = at; i < path.length && fundingChain.length < 4; i++) {
      const t = path[i];
      fundingChain.push({ id: t.id, parentId: t.cascaded ? t.parent_id : null, lines: lines.get(t.id) ?? null });
      if (!t.cascaded) break;
    }
    return {
      id: row.id,
      program_id: row.program_id,
      status: row.status,
      progress: row.progress,
      start: row.start,
      due_date: row.due_date,
      rating: row.rating,
      recent_reports: row.recent_reports,
      cadence,
      parent_id: row.parent_id,
      cascaded: row.cascaded,
      kinds: row.kinds,
      kind: row.kind,
      unit_id: row.unit_id,
      section_id: row.section_id,
      done_date: row.done_date,
      warning_kinds: row.warning_kinds,
      reported_date: row.reported_date,
      review_due: row.review_due,
      has_children: at > 0,
      funding_chain: fundingChain,
      deps: deps.get(row.id) ?? null,
      open_warnings: warnings.get(row.id)?.map((w) => ({ id: w.id, kind: w.kind })) ?? null,
    };
  });
}
