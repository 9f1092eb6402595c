// Throwaway databases for benchmarks: a PGlite folder on disk, or a fresh
// database on the PostgreSQL server (DATABASE_URL, default the local one).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Engine } from '../src/platform/db/db.ts';

export const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function openFresh(engine: Engine): Promise<DatabaseHandle & { drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(`${os.tmpdir()}/apparatus-bench-`);
    const h = await openDatabase({ dataDir: dir });
    return {
      ...h,
      drop: async () => {
        await h.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `apparatus_bench_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const h = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...h,
    drop: async () => {
      await h.close();
      await adminQuery(`drop database ${name} with (force)`);
    },
  };
}

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** The engines this machine can benchmark: PGlite always, PostgreSQL when it answers. */
export async function availableEngines(): Promise<Engine[]> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return ['pglite', 'postgres'];
  } catch {
    return ['pglite'];
  }
}

export const machineDescription = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`;
