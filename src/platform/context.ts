// Who is asking and from where: passed to every service call, which checks
// access against it and writes it into the audit log.
export type Role =
  'system_admin' | 'central_officer' | 'province_officer' | 'commune_officer' | 'viewer' | 'hr_officer';
// hr_officer (issue 12): keeps the register of affected people of the units it is granted over (a unit's HR officers,
// a province's Department of Home Affairs); the only role that sees their names, birth dates and identity numbers.
export const ROLES: Role[] = [
  'system_admin',
  'central_officer',
  'province_officer',
  'commune_officer',
  'viewer',
  'hr_officer',
];

export interface Grant {
  role: Role;
  unitId: number;
  unitName: string;
}

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  grants: Grant[];
}

export interface RequestContext {
  user: AuthUser | null;
  /** Label written to the audit log when there is no user: 'system', 'cli:<os user>'. */
  actorLabel: string;
  ip: string | null;
  userAgent: string | null;
  via: 'session' | 'token' | 'cli' | 'system' | 'anonymous';
  /** A read-only API token: the policy refuses every operation that writes. */
  readOnly?: boolean;
  /** The sign-in behind the request (a session or an API token) and when it ends: live streams close with it. */
  signIn?: { sessionId: number | null; tokenId: number | null; expiresAt: Date | null };
}

export function systemContext(label = 'system'): RequestContext {
  return { user: null, actorLabel: label, ip: null, userAgent: null, via: label.startsWith('cli') ? 'cli' : 'system' };
}
