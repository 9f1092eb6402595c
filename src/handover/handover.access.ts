// The sides of a handover, for the unit half of each rule: the handing-over side holds a grant over the
// ended unit, the receiving side over one of its receivers, the overseeing province over the province.
import type { Db } from '../platform/db/db.ts';
import type { RequestContext } from '../platform/context.ts';
import type { Message } from '../platform/errors.ts';
import { notFound } from '../platform/errors.ts';
import { outOfScope, unitsReachable, type Rule } from '../platform/policy/policy.ts';
import { findHandover } from './workflow/workflow.store.ts';

export const HANDOVER_WORD = (id: number): Message => ({ vi: `Biên bản bàn giao số ${id}`, en: `Handover ${id}` });

/** The handover, or a 404 a person can act on. */
export async function handoverOr404(db: Db, id: number, lock = false) {
  const h = await findHandover(db, id, lock);
  if (!h) throw notFound({ vi: `bàn giao số ${id}`, en: `handover ${id}` });
  return h;
}

/** The caller holds a grant (of a role the rule admits) over one of `units`, or is refused. */
export async function requireAnyOf(db: Db, ctx: RequestContext, rule: Rule, units: (number | null)[], what: Message) {
  const ids = units.filter((u): u is number => u != null);
  const reach = await unitsReachable(db, ctx, rule, ids);
  if (reach.size === 0) throw outOfScope(what);
}
