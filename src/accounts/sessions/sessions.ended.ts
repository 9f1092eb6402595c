// When a sign-in ends (sign-out, a revoked token, a deactivated user), every server process closes the
// live streams it opened: announced over the realtime bus when the ending commits.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { publishAfterCommit } from '../../platform/realtime/realtime.ts';

export const SIGN_IN_ENDED = 'auth_sign_in_ended';

export interface SignInEnded {
  sessionId?: number;
  tokenId?: number;
  userId?: number;
}

export function announceSignInEnded(trx: Kysely<Database>, ended: SignInEnded): Promise<void> {
  return publishAfterCommit(trx, SIGN_IN_ENDED, ended);
}

/** Does this announcement end the sign-in of the request with this context? */
export function endsSignIn(payload: unknown, ctx: RequestContext): boolean {
  const p = payload as SignInEnded | null;
  if (!p || !ctx.user) return false;
  return (
    (p.userId !== undefined && p.userId === ctx.user.id) ||
    (p.sessionId !== undefined && p.sessionId === ctx.signIn?.sessionId) ||
    (p.tokenId !== undefined && p.tokenId === ctx.signIn?.tokenId)
  );
}
