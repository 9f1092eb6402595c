// Reads for the Excel task list: a program's own tasks (not the cascaded copies)
// with their agencies and funding, and agencies looked up by the names in a file.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { coordinatorsOf, fundingOf, type TaskRow } from '../tasks/tasks.store.ts';

type Q = Kysely<Database>;

/** The program's content rows in document order, with their parent's code. */
export async function contentTasks(db: Q, programId: number) {
  const rows = await db
    .selectFrom('tasks as t')
    .leftJoin('tasks as p', 'p.id', 't.parent_id')
    .leftJoin('agencies as a', 'a.id', 't.lead_agency_id')
    .selectAll('t')
    .select(['p.code as parent_code', 'a.name as lead_agency_name'])
    .where('t.program_id', '=', programId)
    .where('t.cascaded', '=', false)
    .orderBy('t.position')
    .orderBy('t.id')
    .execute();
  const ids = rows.map((r) => r.id);
  const [coordinators, funding] = await Promise.all([coordinatorsOf(db, ids), fundingOf(db, ids)]);
  return rows.map((r) => ({
    ...(r as TaskRow),
    parentCode: r.parent_code,
    leadAgencyName: r.lead_agency_name,
    coordinators: coordinators.filter((c) => c.task_id === r.id).map((c) => ({ id: c.id, name: c.name })),
    funding: funding.filter((f) => f.task_id === r.id),
  }));
}
export type ContentTask = Awaited<ReturnType<typeof contentTasks>>[number];

/**
 * Agencies whose Vietnamese or English name may be one of these: exact, or equal after lower() (which
 * folds non-ASCII letters only under some server locales); the caller compares the candidates exactly.
 */
export async function agenciesNamed(db: Q, names: string[]) {
  if (names.length === 0) return [];
  const exact = [...new Set(names)];
  const folded = [...new Set(names.map((n) => n.toLowerCase()))];
  const r = await sql<{
    id: number;
    name: string;
    name_en: string | null;
    valid_from: string | null;
    valid_to: string | null;
  }>`
    select id, name, name_en, valid_from, valid_to from agencies
    where name = any(${exact}::text[]) or name_en = any(${exact}::text[])
       or lower(name) = any(${folded}::text[]) or lower(name_en) = any(${folded}::text[]) order by id`.execute(db);
  return r.rows;
}
