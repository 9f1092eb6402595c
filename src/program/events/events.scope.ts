// Live program events as each subscriber may see them: the same scope as the API's reads (a grant's
// subtree), applied to the task ids an event names. Ids outside the scope are removed; an event with
// none left is not sent; an event too large to list ids ("re-read everything") carries no count.
// Unknown payload shapes are dropped: deny by default.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Selector } from '../../platform/realtime/sse.ts';
import { scopeOf } from '../program.scope.ts';
import { unitsOfTasks } from './events.store.ts';
import { PROGRAM } from '../program.policy.ts';

interface Payload {
  programId?: number;
  taskId?: number;
  taskIds?: number[] | null;
  count?: number;
}

// Every subscriber of this process gets the same parsed payload object: its tasks are looked up once.
const lookups = new WeakMap<object, Promise<Map<number, number>>>();

export async function eventSelector(db: Db, ctx: RequestContext): Promise<Selector> {
  const scope = await scopeOf(db, ctx, PROGRAM['events.read']);
  if (scope.all) return (_channel, payload) => payload;
  const units = new Set(scope.unitIds);
  const unitsOf = (p: Payload, ids: number[]) => {
    let hit = lookups.get(p);
    if (!hit) {
      hit = unitsOfTasks(db, ids);
      lookups.set(p, hit);
    }
    return hit;
  };
  return async (_channel, payload) => {
    const p = payload as Payload | null;
    if (!p || typeof p !== 'object') return null;
    if (typeof p.taskId === 'number') {
      const unit = (await unitsOf(p, [p.taskId])).get(p.taskId);
      return unit !== undefined && units.has(unit) ? p : null;
    }
    if (p.taskIds === null) return { programId: p.programId, taskIds: null };
    if (Array.isArray(p.taskIds)) {
      const map = await unitsOf(p, p.taskIds);
      const ids = p.taskIds.filter((id) => units.has(map.get(id) ?? -1));
      return ids.length ? { ...p, taskIds: ids, count: ids.length } : null;
    }
    return null;
  };
}
