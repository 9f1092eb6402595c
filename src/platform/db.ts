// Opens the one database the platform uses: PGlite in a data folder by default,
// a PostgreSQL server when DATABASE_URL is set. Both speak the same SQL.
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './db-schema.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { lockDataDir } from './dir-lock.ts';

export type Db = Kysely<Database>;
export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** Where the data lives, for messages: a folder, 'memory' or the server URL without password. */
  location: string;
  /** The engine's own client, for what Kysely cannot do: LISTEN/NOTIFY in platform/realtime.ts. */
  raw?: { engine: 'pglite'; pglite: PGlite } | { engine: 'postgres'; url: string };
  close(): Promise<void>;
}

// Same JavaScript values on both engines: counts and ids as numbers, dates as
// 'YYYY-MM-DD' strings (a Date object would shift with the time zone).
const INT8 = 20, NUMERIC = 1700, DATE = 1082;
const toNumber = (v: string) => (v === null ? null : Number(v));
const keepString = (v: string) => v;

export interface OpenOptions {
  databaseUrl?: string | null;
  /** PGlite data folder; 'memory' for a throwaway in-memory database. */
  dataDir?: string;
  /** Connection pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPGlite(options.dataDir ?? 'memory');
}

async function openPGlite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir === 'memory';
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  let pgl: PGlite;
  try {
    pgl = await PGlite.create({
      ...(inMemory ? {} : { dataDir }),
      extensions: { pg_trgm },
      parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepString },
    });
  } catch (err) {
    unlock();
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pgl) });
  return { db, engine: 'pglite', location: inMemory ? 'memory' : dataDir, raw: { engine: 'pglite', pglite: pgl }, close: async () => { await db.destroy(); unlock(); } };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const parsers: Record<number, (v: string) => unknown> = { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepString };
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection can be cut by the server (restart, failover, a dropped
  // database); pg reports it on the pool, and unhandled it would crash the process.
  // The pool replaces the connection on next use, so a log line is enough.
  pool.on('error', (err) => { console.error(`PostgreSQL connection lost (${redactUrl(url)}): ${err.message}`); });
  // Fail fast with a readable message when the server is not there.
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end();
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', location: redactUrl(url), raw: { engine: 'postgres', url }, close: () => db.destroy() };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}
