// Which administration buttons to show. Only a hint for the screen: the server
// checks every change against the user's grants and its refusal is shown as is
// (see src/program/program.scope.ts and src/accounts/access.ts).
import type { User } from '../../types';

/** Roles that may import a program document (previewDocument, createProgramFromTree). */
const IMPORT_ROLES = ['system_admin', 'central_officer'];
/** WRITER_ROLES in src/accounts/access.ts: may amend and cascade the tasks of their units. */
const WRITER_ROLES = ['system_admin', 'central_officer', 'province_officer', 'commune_officer'];

export function canImport(user: User | null): boolean {
  return !!user && user.grants.some((g) => IMPORT_ROLES.includes(g.role));
}

/**
 * Whether a writer's grant covers a unit, given the unit and its ancestors
 * (a grant covers its unit's subtree). `chain` empty = not known yet = no.
 */
export function canWriteIn(user: User | null, chain: number[]): boolean {
  if (!user || chain.length === 0) return false;
  return user.grants.some((g) => WRITER_ROLES.includes(g.role) && g.unitId !== null && chain.includes(g.unitId));
}
