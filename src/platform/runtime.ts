// Opens the configured database and brings its schema up to date: the first
// step of every entry point (server, CLI, benchmarks).
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db.ts';
import { migrate } from './migrate.ts';

export async function openAndMigrate(config: Config): Promise<DatabaseHandle & { migrationsApplied: number }> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const result = await migrate(handle.db);
    return { ...handle, migrationsApplied: result.applied.length };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
