// Runs CLI commands inside a test: what they print to stdout and stderr, and
// the exit code they set, without spawning a process; and the database those
// commands open for themselves.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { Command } from 'commander';
import { createTestDb, type TestDb } from '../platform/db/testing.ts';
import type { Db, Engine } from '../platform/db/db.ts';
import { loadConfig } from '../platform/config.ts';
import { openAndMigrate } from '../platform/runtime.ts';

export async function runCli(
  register: (program: Command) => void,
  ...args: string[]
): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(console, 'log').mockImplementation((...a) => {
    out.push(a.join(' ') + '\n');
  });
  vi.spyOn(console, 'error').mockImplementation((...a) => {
    err.push(a.join(' ') + '\n');
  });
  const program = new Command('apparatus').exitOverride();
  register(program);
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'apparatus', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: out.join(''), err: err.join(''), code };
}

export interface CliDatabase {
  /** A temporary folder of the test's own: files the commands read or write go here (PGlite keeps its database in `db` under it). */
  readonly root: string;
  /** Runs `fn` on the database the commands use; on PGlite it is opened for `fn` only, then closed. */
  withDb<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

/**
 * The database of a `describe.each(ENGINES)` block whose tests run CLI commands. A command opens its
 * own database from DATABASE_URL / APPARATUS_DATA_DIR, as it does at the shell (src/cli/run.ts), so a
 * test can't hand it an in-memory one: this points those variables at a fresh PostgreSQL database or
 * an empty PGlite folder before the block's tests, and puts them back (and drops the database) after.
 * A PGlite folder has one user at a time, so `withDb` opens it only while the test seeds or checks,
 * and closes it before the next command runs; PostgreSQL takes many connections, so the test's stays open.
 *
 * Call it in the describe body, before the block's own beforeAll (which may then seed with `withDb`).
 */
export function cliDatabase(engine: Engine, prefix: string): CliDatabase {
  const saved = { url: process.env.DATABASE_URL, dir: process.env.APPARATUS_DATA_DIR };
  let root = '';
  let pg: TestDb | null = null;
  const dataDir = () => path.join(root, 'db');

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), prefix));
    if (engine === 'postgres') {
      pg = await createTestDb('postgres');
      process.env.DATABASE_URL = pg.url!;
    } else {
      delete process.env.DATABASE_URL;
      process.env.APPARATUS_DATA_DIR = dataDir();
    }
  });
  afterAll(async () => {
    await pg?.drop();
    for (const [key, value] of [
      ['DATABASE_URL', saved.url],
      ['APPARATUS_DATA_DIR', saved.dir],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  return {
    get root() {
      return root;
    },
    async withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
      if (pg) return fn(pg.db);
      const h = await openAndMigrate({ ...loadConfig(), databaseUrl: null, dataDir: dataDir() });
      try {
        return await fn(h.db);
      } finally {
        await h.close();
      }
    },
  };
}
