// Which administration buttons to show. Only a hint for the screen: the server
// checks every change against the user's grants and its refusal is shown as is
// (see src/program/program.scope.ts and src/accounts/sessions/sessions.access.ts). What a user may
// do on a task, a report or a change request is not decided here: the server
// sends it with each of them (`can`, src/program/program.rights.ts).
import type { User } from '../../types';

/** The server's access policy says the user's roles may import (program.import). */
export function canImport(user: User | null): boolean {
  return !!user && user.can.includes('program.import');
}
