// `npm run docs:policy`: writes docs/access-policy.md from the routes' declared rules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/db.ts';
import { loadConfig } from '../config.ts';
import { buildServer } from '../http/server.ts';
import { renderPolicyTable } from './policy.table.ts';

export const POLICY_DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/access-policy.md');

/** The table for the routes this server registers (routes need no data: an empty in-memory database). */
export async function currentPolicyTable(): Promise<string> {
  const handle = await openDatabase({ dataDir: 'memory' });
  const app = await buildServer(handle, loadConfig(), { logger: false });
  await app.ready();
  const table = renderPolicyTable(app.routeRules);
  await app.close();
  await handle.close();
  return table;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  fs.writeFileSync(POLICY_DOC, await currentPolicyTable());
  console.log(`wrote ${path.relative(process.cwd(), POLICY_DOC)}`);
}
