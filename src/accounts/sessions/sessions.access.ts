// Who is calling. The rules of who may do what are declared per module (`<module>.policy.ts`) and
// checked through src/platform/policy/policy.ts; this file only answers "is anyone signed in".
import type { RequestContext } from '../../platform/context.ts';
import { unauthenticated } from '../../platform/errors.ts';

/** The signed-in user; null for the CLI and the system, which act with full rights (they hold the database). */
export function requireUser(ctx: RequestContext) {
  if (ctx.via === 'cli' || ctx.via === 'system') return null;
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}
