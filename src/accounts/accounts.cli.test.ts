// `apparatus tokens list|create|revoke` and `apparatus users deactivate|grant…`,
// run in-process through commander against a database the CLI opens itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../platform/db/testing.ts';
import { systemContext } from '../platform/context.ts';
import { seedMiniRegistry } from '../units/units.fixtures.ts';
import { registerAdminCommands } from '../cli/admin.commands.ts';
import { cliDatabase, runCli } from '../cli/cli.testing.ts';
import { createUser, authenticate } from './accounts.service.ts';

const run = (...args: string[]) => runCli(registerAdminCommands, ...args);

describe.each(ENGINES)('accounts CLI on %s', (engine) => {
  const { withDb } = cliDatabase(engine, 'apparatus-accounts-');
  const savedMaxDays = process.env.APPARATUS_TOKEN_MAX_DAYS;

  beforeAll(async () => {
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
  afterAll(() => {
    if (savedMaxDays === undefined) delete process.env.APPARATUS_TOKEN_MAX_DAYS;
    else process.env.APPARATUS_TOKEN_MAX_DAYS = savedMaxDays;
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
