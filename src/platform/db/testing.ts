// Test databases: every test file gets its own, so runs never see each other's
// data. PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it), so
// the same tests run on both engines.
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Engine } from './db.ts';
import { migrate } from './migrate.ts';

export const ENGINES: Engine[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb extends DatabaseHandle {
  drop(): Promise<void>;
  url: string | null;
}

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
      await dropWhenFree(adminUrl, name);
    },
  };
}

/**
 * pg's pool.end() resolves before its sockets have closed, so the server may
 * still count those sessions. Waiting for them (SQLSTATE 55006, "in use") is
 * cleaner than killing them, which made closing clients emit errors; FORCE is
 * only the last resort.
 */
async function dropWhenFree(adminUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        await c.query(`drop database if exists ${name}`);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006') throw err;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await c.query(`drop database if exists ${name} with (force)`);
  } finally {
    await c.end();
  }
}
