// Which administration buttons to show. Only a hint for the screen: the server
// checks every change against the user's grants and its refusal is shown as is
// (see src/program/program.scope.ts and src/accounts/access.ts).
import type { User } from '../../types';

/** WRITER_ROLES in src/accounts/access.ts: may amend and cascade the tasks of their units. */
const WRITER_ROLES = ['system_admin', 'central_officer', 'province_officer', 'commune_officer'];

/** The server's access policy says the user's roles may import (program.import). */
export function canImport(user: User | null): boolean {
  return !!user && user.can.includes('program.import');
}

/**
 * Whether a writer's grant covers a unit, given the unit and its ancestors
 * (a grant covers its unit's subtree). `chain` empty = not known yet = no.
 */
export function canWriteIn(user: User | null, chain: number[]): boolean {
  if (!user || chain.length === 0) return false;
  return user.grants.some((g) => WRITER_ROLES.includes(g.role) && g.unitId !== null && chain.includes(g.unitId));
}
