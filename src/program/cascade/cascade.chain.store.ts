// What a report on a cascaded task reads once the task and its cascade chain
// are locked, in one statement: the chain's children (to recompute the
// parents' progress) and the engine's facts about the task and the chain (own
// funding lines, dependencies, open warnings), plus the tasks that depend on
// any of them. Read after the locks, so a sibling's committed change is seen.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { DependencyFact, FundingFact } from '../warnings/warnings.store.ts';

type Q = Kysely<Database>;

export interface ChainChild {
  id: number;
  parent_id: number | null;
  status: string;
  progress: number;
  weight: number;
  done_date: string | null;
}

export interface ChainFacts {
  children: ChainChild[];
  funding: (FundingFact & { task_id: number })[];
  deps: (DependencyFact & { task_id: number })[];
  openWarnings: { task_id: number; id: number; kind: string }[];
  /** Tasks depending on `ids` (their "blocked" warning may change): locked and read by the caller. */
  dependents: number[];
}

/** `ids`: the task and its chain; `parentIds`: the chain (whose cascaded children are read). */
export async function readAfterChainLock(trx: Q, ids: number[], parentIds: number[]): Promise<ChainFacts> {
  const r = await sql<{
    children: ChainChild[] | null;
    funding: ChainFacts['funding'] | null;
    deps: ChainFacts['deps'] | null;
    open_warnings: ChainFacts['openWarnings'] | null;
    dependents: number[] | null;
  }>`/* prepare:chain-read */
    select
      (select json_agg(c) from (select id, parent_id, status, progress, weight, done_date
         from tasks where parent_id = any(${parentIds}::bigint[]) and cascaded) c) as children,
      (select json_agg(f order by f.id) from (select id, task_id, source, amount_required as required, amount_allocated as allocated
         from task_funding where task_id = any(${ids}::bigint[])) f) as funding,
      (select json_agg(x) from (select d.task_id, x.id, x.due_date as due, x.status, x.progress
         from task_dependencies d join tasks x on x.id = d.depends_on_id where d.task_id = any(${ids}::bigint[])) x) as deps,
      (select json_agg(w) from (select task_id, id, kind from program_warnings where task_id = any(${ids}::bigint[]) and resolved_at is null) w) as open_warnings,
      (select array_agg(distinct d.task_id) from task_dependencies d where d.depends_on_id = any(${ids}::bigint[])) as dependents`.execute(
    trx,
  );
  const row = r.rows[0];
  return {
    children: row.children ?? [],
    funding: row.funding ?? [],
    deps: row.deps ?? [],
    openWarnings: row.open_warnings ?? [],
    dependents: (row.dependents ?? []).map(Number),
  };
}
