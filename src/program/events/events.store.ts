// The unit of each task an event names, for filtering live events per subscriber. A task never changes
// unit (a cascade makes a new task per unit), so answers are kept: most events name tasks seen before.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

const KEEP = 200_000;
const known = new Map<number, number>();

export async function unitsOfTasks(db: Kysely<Database>, ids: number[]): Promise<Map<number, number>> {
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) {
    const rows = await db.selectFrom('tasks').select(['id', 'unit_id']).where('id', 'in', missing).execute();
    if (known.size + rows.length > KEEP) known.clear();
    for (const r of rows) known.set(r.id, r.unit_id);
  }
  return new Map(ids.flatMap((id) => (known.has(id) ? [[id, known.get(id)!] as const] : [])));
}
