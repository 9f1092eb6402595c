// Shared plumbing of CLI commands.
import os from 'node:os';
import { loadConfig } from '../platform/config.ts';
import { openAndMigrate } from '../platform/runtime.ts';
import { systemContext } from '../platform/context.ts';
import type { DatabaseHandle } from '../platform/db/db.ts';
import { reportError } from './output.ts';

/** The CLI acts as the operator at the shell; the audit log names the OS user. */
export const cliContext = () => systemContext(`cli:${os.userInfo().username}`);

/** Runs `fn` with an open, migrated database; errors become readable messages and an exit code. */
export async function withDb(json: boolean, fn: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  let handle: DatabaseHandle | null = null;
  try {
    handle = await openAndMigrate(loadConfig());
    await fn(handle);
  } catch (err) {
    reportError(err, json);
  } finally {
    await handle?.close();
  }
}
