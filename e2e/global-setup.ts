// Runs once before any test file. The browser test files run in parallel
// workers; each building web/dist itself let one build empty the folder while
// another file's server was serving from it (404s on the app's chunks in CI).
import { ensureWebBuilt } from './server.ts';

export default async function setup(): Promise<void> {
  await ensureWebBuilt();
}
