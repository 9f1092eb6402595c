// Routing: which unit in force answers an item, from its category's level, the place (as it was when it happened)
// and the day of submission. An old commune reaches its successor through the registry's lineage; an old commune
// split between several new communes goes to the province they lie in, whose officers forward it to the right
// commune (the address alone cannot say which part); a place with no successor (an abolished district) is
// answered by the successor of the unit above it.
import type { Db } from '../../platform/db/db.ts';
import type { Message } from '../../platform/errors.ts';
import { reachedInForce, unitBrief, type Reached } from './feedback.routing.store.ts';

export type RouteReason = 'same' | 'successor' | 'province' | 'split' | 'split_provinces' | 'above';
export interface Route {
  unitId: number;
  reason: RouteReason;
  /** The units in force the place became (for the note and for officers who dispatch a split). */
  reached: Reached[];
}

/** The pure choice among the units in force a place reached; null when it reached none. */
export function chooseTarget(startId: number, reached: Reached[], level: 'commune' | 'province'): Route | null {
  if (reached.length === 0) return null;
  const provinces = [...new Set(reached.map((r) => r.provinceId).filter((p): p is number => p !== null))].sort(
    (a, b) => a - b,
  );
  if (level === 'province') {
    if (provinces.length === 0) return null;
    return { unitId: provinces[0], reason: provinces.length === 1 ? 'province' : 'split_provinces', reached };
  }
  if (reached.length === 1)
    return { unitId: reached[0].id, reason: reached[0].id === startId ? 'same' : 'successor', reached };
  if (provinces.length === 0) return null;
  return { unitId: provinces[0], reason: provinces.length === 1 ? 'split' : 'split_provinces', reached };
}

/** Routes many places at once (one query per level climbed): the submission and the whole-registry test use it. */
export async function routeMany(
  db: Db,
  startIds: number[],
  level: 'commune' | 'province',
  asOf: string,
): Promise<Map<number, Route>> {
  const out = new Map<number, Route>();
  // Each place climbs to the unit above while it reaches nothing in force (at most country → province → district → commune).
  let pending = new Map(startIds.map((id) => [id, id]));
  for (let climb = 0; climb < 4 && pending.size > 0; climb++) {
    const reached = await reachedInForce(db, [...new Set(pending.values())], asOf);
    const next = new Map<number, number>();
    for (const [start, current] of pending) {
      const route = chooseTarget(current, reached.get(current) ?? [], level);
      if (route) out.set(start, climb === 0 ? route : { ...route, reason: 'above' });
      else {
        const parent = (await unitBrief(db, current))?.parent_id;
        if (parent) next.set(start, parent);
      }
    }
    pending = next;
  }
  return out;
}

export function routeNote(route: Route, located: string, target: string): Message {
  const names = route.reached.map((r) => r.fullName).join(', ');
  switch (route.reason) {
    case 'same':
      return { vi: `Chuyển đến ${target}, nơi xảy ra sự việc.`, en: `Sent to ${target}, where it happened.` };
    case 'successor':
      return {
        vi: `${located} đã được sắp xếp; chuyển đến đơn vị kế thừa: ${target}.`,
        en: `${located} was reorganised; sent to its successor: ${target}.`,
      };
    case 'province':
      return {
        vi: `Loại việc này do cấp tỉnh trả lời: chuyển đến ${target}.`,
        en: `This kind of item is answered by the province: sent to ${target}.`,
      };
    case 'split':
    case 'split_provinces':
      return {
        vi: `${located} được chia cho nhiều đơn vị (${names}); chuyển đến ${target} để chuyển tiếp đến đúng đơn vị.`,
        en: `${located} was split between several units (${names}); sent to ${target} to forward to the right one.`,
      };
    case 'above':
      return {
        vi: `${located} không còn đơn vị kế thừa trực tiếp; chuyển đến ${target}.`,
        en: `${located} has no direct successor; sent to ${target}.`,
      };
  }
}
