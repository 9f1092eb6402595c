// Test databases: every test file gets its own, so runs never see each other's
// data. PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it), so
// the same tests run on both engines.
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Engine } from './db.ts';
import { migrate } from './migrate.ts';

export const ENGINES: Engine[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb extends DatabaseHandle { drop(): Promise<void>; url: string | null }

export async function createTestDb(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDb> {
  const doMigrate = options.migrate ?? true;
  if (engine === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory' });
    if (doMigrate) await migrate(handle.db);
    return { ...handle, url: null, drop: () => handle.close() };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set: PostgreSQL tests need a server');
  const name = `apparatus_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  if (doMigrate) await migrate(handle.db);
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
