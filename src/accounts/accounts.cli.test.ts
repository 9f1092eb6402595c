// `apparatus tokens list|create|revoke` and `apparatus users deactivate|grant…`,
// run in-process through commander against a database the CLI opens itself.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { loadConfig } from '../platform/config.ts';
import { openAndMigrate } from '../platform/runtime.ts';
import { systemContext } from '../platform/context.ts';
import type { Db } from '../platform/db/db.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';
import { registerAdminCommands } from '../cli/admin.commands.ts';
import { runCli } from '../cli/cli.testing.ts';
import { createUser, authenticate } from './accounts.service.ts';

const run = (...args: string[]) => runCli(registerAdminCommands, ...args);

describe.each(ENGINES)('accounts CLI on %s', (engine) => {
  const saved = {
    url: process.env.DATABASE_URL,
    dir: process.env.APPARATUS_DATA_DIR,
    max: process.env.APPARATUS_TOKEN_MAX_DAYS,
  };
  let dir = '';
  let pg: TestDb | null = null;
  async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    if (pg) return fn(pg.db);
    const h = await openAndMigrate({ ...loadConfig(), databaseUrl: null, dataDir: dir });
    try {
      return await fn(h.db);
    } finally {
      await h.close();
    }
  }

  beforeAll(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'apparatus-accounts-')), 'db');
    if (engine === 'postgres') {
      pg = await createTestDb('postgres');
      process.env.DATABASE_URL = pg.url!;
    } else {
      delete process.env.DATABASE_URL;
      process.env.APPARATUS_DATA_DIR = dir;
    }
    process.env.APPARATUS_TOKEN_MAX_DAYS = '30';
    await withDb(async (db) => {
      await seedMiniRegistry(db);
      await createUser(db, systemContext('test'), {
        username: 'hanoi',
        displayName: 'Hà Nội',
        password: 'correct horse battery',
        grants: [{ role: 'province_officer', unitCode: '01' }],
      });
    });
  });
  afterAll(async () => {
    await pg?.drop();
    for (const [key, value] of [
      ['DATABASE_URL', saved.url],
      ['APPARATUS_DATA_DIR', saved.dir],
      ['APPARATUS_TOKEN_MAX_DAYS', saved.max],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('creates a read-only token for a user within the configured maximum, lists it, and revokes it', async () => {
    const tooLong = await run('tokens', 'create', '--user', 'hanoi', '--name', 'x', '--days', '31', '--json');
    expect(tooLong.code).toBe(2);
    expect(JSON.parse(tooLong.out).detail).toContain('30 days');
    const made = await run('tokens', 'create', '--user', 'hanoi', '--name', 'đồng bộ', '--read-only', '--json');
    expect(made.code).toBe(0);
    const token = JSON.parse(made.out) as { id: number; token: string; readOnly: boolean; expiresAt: string };
    expect(token).toMatchObject({ readOnly: true });
    expect(Date.parse(token.expiresAt) - Date.now()).toBeLessThanOrEqual(30 * 86_400_000); // the default is capped by the maximum
    expect(await withDb((db) => authenticate(db, { bearerToken: token.token }))).toMatchObject({
      via: 'token',
      readOnly: true,
    });

    const list = await run('tokens', 'list', '--user', 'hanoi', '--json');
    expect(JSON.parse(list.out).items).toEqual([
      expect.objectContaining({ id: token.id, username: 'hanoi', status: 'active' }),
    ]);
    expect(list.out).not.toContain(token.token);
    const text = await run('tokens', 'list', '--all');
    expect(text.out).toContain('read-only');

    const revoked = await run('tokens', 'revoke', String(token.id), '--json');
    expect(JSON.parse(revoked.out)).toMatchObject({ status: 'revoked' });
    expect(await withDb((db) => authenticate(db, { bearerToken: token.token }))).toBeNull();
    expect((await run('tokens', 'revoke', 'abc')).code).toBe(2);
  });

  it('switches an account off (its tokens die) and grants and takes away roles', async () => {
    const token = JSON.parse((await run('tokens', 'create', '--user', 'hanoi', '--name', 'y', '--json')).out) as {
      token: string;
    };
    const off = await run('users', 'deactivate', 'hanoi', '--json');
    expect(JSON.parse(off.out)).toMatchObject({ isActive: false, tokensRevoked: 1 });
    expect(await withDb((db) => authenticate(db, { bearerToken: token.token }))).toBeNull();
    expect(JSON.parse((await run('users', 'reactivate', 'hanoi', '--json')).out)).toMatchObject({ isActive: true });

    const granted = JSON.parse(
      (await run('users', 'grant', 'hanoi', '--role', 'viewer', '--unit', 'VN', '--json')).out,
    );
    expect(granted.grants.map((g: { role: string }) => g.role)).toEqual(['province_officer', 'viewer']);
    const after = JSON.parse(
      (await run('users', 'revoke-grant', 'hanoi', '--role', 'viewer', '--unit', 'VN', '--json')).out,
    );
    expect(after.grants.map((g: { role: string }) => g.role)).toEqual(['province_officer']);
    const listed = await run('users', 'list', '--json');
    expect(JSON.parse(listed.out).items.map((u: { username: string }) => u.username)).toEqual(['hanoi']);
    expect((await run('users', 'deactivate', 'nobody')).code).toBe(2);
  });
});
