// Opens the one database the platform uses: PGlite in a data folder by default,
// a PostgreSQL server when DATABASE_URL is set. Both speak the same SQL.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
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
const INT8 = 20,
  NUMERIC = 1700,
  DATE = 1082;
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
  return {
    db,
    engine: 'pglite',
    location: inMemory ? 'memory' : dataDir,
    raw: { engine: 'pglite', pglite: pgl },
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}

// Arrays follow their elements: pg would give bigint[] as strings and date[] as Date objects, where PGlite applies
// the element parsers above. Both are read as text arrays and converted like single values.
const INT8_ARRAY = 1016,
  NUMERIC_ARRAY = 1231,
  DATE_ARRAY = 1182,
  TEXT_ARRAY = 1009;
const textArray = (v: string) =>
  pg.types.getTypeParser(TEXT_ARRAY as Parameters<typeof pg.types.getTypeParser>[0])(v) as (string | null)[];
const numberArray = (v: string) => textArray(v).map((x) => (x === null ? null : Number(x)));

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const parsers: Record<number, (v: string) => unknown> = {
    [INT8]: toNumber,
    [NUMERIC]: toNumber,
    [DATE]: keepString,
    [INT8_ARRAY]: numberArray,
    [NUMERIC_ARRAY]: numberArray,
    [DATE_ARRAY]: textArray,
  };
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
  pool.on('error', (err) => {
    console.error(`PostgreSQL connection lost (${redactUrl(url)}): ${err.message}`);
  });
  // Fail fast with a readable message when the server is not there.
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end();
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(err as Error).message}`, { cause: err });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return {
    db,
    engine: 'postgres',
    location: redactUrl(url),
    raw: { engine: 'postgres', url },
    close: () => db.destroy(),
  };
}

/**
 * A statement that starts with the comment `/* prepare:NAME *\/` runs as a named prepared statement, so
 * the server keeps its plan per connection. For the hot statements of a change (each a few hundred
 * microseconds to run) planning took as long as running: 1.2 ms of 1.9 ms for the evaluation read.
 * Only marked statements are prepared: their text is fixed (arrays, never IN lists of varying length),
 * so each connection keeps a bounded set. PGlite ignores the comment.
 */
const PREPARE = /^\/\* prepare:([a-z0-9_.-]{1,40}) \*\//;

function preparingPool(pool: pg.Pool): PostgresPool {
  const patched = new WeakSet<pg.PoolClient>();
  return {
    end: () => pool.end(),
    connect: async () => {
      const client = await pool.connect();
      if (!patched.has(client)) {
        patched.add(client);
        // The pool listens for errors only while a client is idle. When the server goes away just as a
        // client is handed out, pg emits 'error' on it with nobody listening, which would crash the
        // process; the query in flight is rejected anyway (and answered 503), and the pool drops the
        // dead client when it is released, so there is nothing more to do here.
        client.on('error', () => {});
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        (client as { query: unknown }).query = (text: unknown, values?: unknown) => {
          const m = typeof text === 'string' ? PREPARE.exec(text) : null;
          if (!m) return query(text, values);
          const name = `${m[1]}.${crypto
            .createHash('sha1')
            .update(text as string)
            .digest('hex')
            .slice(0, 16)}`;
          return query({ name, text, values });
        };
      }
      return client;
    },
  };
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
