// Users created and signed in through the API for HTTP tests: the session cookie and CSRF header each user's
// requests carry. Many older HTTP tests still build these by hand (about 20 files); new ones use this.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../platform/db/db.ts';
import { systemContext, type Role } from '../platform/context.ts';
import { createUser } from './accounts.service.ts';

export const TEST_PASSWORD = 'correct horse battery';

export async function signedInUsers(
  app: FastifyInstance,
  db: Db,
  users: readonly { name: string; role: Role; unit: string }[],
): Promise<Record<string, Record<string, string>>> {
  const headers: Record<string, Record<string, string>> = {};
  for (const u of users) {
    await createUser(db, systemContext('test'), {
      username: u.name,
      displayName: u.name,
      password: TEST_PASSWORD,
      grants: [{ role: u.role, unitCode: u.unit }],
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.name, password: TEST_PASSWORD },
    });
    headers[u.name] = {
      cookie: `apparatus_session=${res.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
      'x-csrf-token': res.json().csrfToken,
    };
  }
  return headers;
}
