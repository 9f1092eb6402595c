// A real Apparatus server for the browser tests: the built web app and the
// API on 127.0.0.1 at a free port, over a throwaway in-memory PGlite database
// holding the real Vietnam data and the demo users (see src/cli/demo.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseHandle, type Db } from '../src/platform/db/db.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { buildServer } from '../src/platform/http/server.ts';
import { loadDemo } from '../src/cli/demo.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const WEB_INDEX = path.join(WEB, 'dist', 'index.html');
// What the built app is made from: when any of it is newer than dist, dist is stale.
const WEB_SOURCES = [path.join(WEB, 'src'), path.join(WEB, 'index.html'), path.join(WEB, 'vite.config.ts')];

export interface TestServer {
  url: string;
  /** The server's own database, for tests that compare what a page shows with the data (e2e/coherence.ts). */
  db: Db;
  close(): Promise<void>;
}

/** What to load after the reference data and demo users: e.g. loadStaffingDemo, for a test that reads its figures. */
export interface ServerOptions {
  seed?: (db: Db) => Promise<unknown>;
  /** Settings over the test defaults: e.g. smtpUrl, to catch the e-mails the server sends (e2e/channel.test.ts). */
  config?: Partial<Config>;
}

function newestMtime(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** Why web/dist must be (re)built, or null when it is up to date. */
function buildReason(): string | null {
  const built = fs.statSync(WEB_INDEX, { throwIfNoEntry: false });
  if (!built) return 'web/dist/index.html is missing';
  if (Math.max(...WEB_SOURCES.map(newestMtime)) > built.mtimeMs) return 'web/ sources are newer than web/dist';
  return null;
}

/**
 * Builds the web app with Vite when web/dist is missing (a fresh clone) or
 * older than its sources, so `npm test` never needs a separate build step and
 * never tests yesterday's bundle.
 */
export async function ensureWebBuilt(): Promise<void> {
  const reason = buildReason();
  if (!reason) return;
  console.info(`e2e: building the web app (${reason})`);
  const started = Date.now();
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const previousNodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(WEB, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (previousNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousNodeEnv;
  }
  if (!fs.existsSync(WEB_INDEX)) throw new Error(`Vite finished but ${WEB_INDEX} was not written`);
  console.info(`e2e: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function openDemoDatabase(options: ServerOptions): Promise<DatabaseHandle> {
  // Always PGlite in memory, even when DATABASE_URL is set (CI): these tests are about the browser.
  const handle = await openDatabase({ databaseUrl: null, dataDir: 'memory' });
  try {
    await migrate(handle.db);
    await loadDemo(handle.db);
    await options.seed?.(handle.db);
    return handle;
  } catch (err) {
    await handle.close();
    throw err;
  }
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  // Built once by e2e/global-setup.ts before any test file runs, never here:
  // parallel files building into one folder served each other half-built apps.
  if (!fs.existsSync(WEB_INDEX))
    throw new Error(
      `${WEB_INDEX} is missing: run the tests through vitest (its global setup builds the web app) or \`npm run build:web\``,
    );
  const handle = await openDemoDatabase(options);

  let app: Awaited<ReturnType<typeof buildServer>> | null = null;
  try {
    const config = loadConfig({
      databaseUrl: null,
      host: '127.0.0.1',
      port: 0,
      demo: true,
      cookieSecure: false,
      trustProxy: false,
      loginMaxAttempts: 100,
      ...options.config,
    });
    const server = await buildServer(handle, config, { logger: false });
    app = server;
    await server.listen({ host: '127.0.0.1', port: 0 });
    const { port } = server.server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      db: handle.db,
      async close() {
        await server.close();
        await handle.close();
      },
    };
  } catch (err) {
    await app?.close();
    await handle.close();
    throw err;
  }
}
