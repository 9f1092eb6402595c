// Which administration buttons to show. Only a hint for the screen: the server
// checks every change against the user's grants and its refusal is shown as is
// (see src/program/program.scope.ts and src/accounts/access.ts). What a user may
// do on a task, a report or a change request is not decided here: the server
// sends it with each of them (`can`, src/program/program.rights.ts).
import type { User } from '../../types';

/** Roles that may import a program document (previewDocument, createProgramFromTree). */
const IMPORT_ROLES = ['system_admin', 'central_officer'];

export function canImport(user: User | null): boolean {
  return !!user && user.grants.some((g) => IMPORT_ROLES.includes(g.role));
}
