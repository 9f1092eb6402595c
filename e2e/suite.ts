// The harness of a browser test file that works through signed-in contexts:
// Chromium and a demo server started before its tests and closed after them,
// and every uncaught page error or console error failing the test it happened in.
// Call browserSuite() inside the file's describe, before its own hooks.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type ServerOptions, type TestServer } from './server.ts';
import { signedInContext, type Session } from './session.ts';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SHOTS = path.join(E2E_DIR, 'screenshots');

export interface BrowserSuite {
  readonly browser: Browser;
  readonly server: TestServer;
  /** A context signed in through the API (closed after the file). */
  signedIn(username: string, password: string): Promise<Session>;
  /** While set, page problems it matches are expected answers (a refusal the test provokes), not errors. */
  tolerate(expected: RegExp | null): void;
}

export function browserSuite(wait: number, serverOptions: ServerOptions = {}): BrowserSuite {
  let browser: Browser | undefined, server: TestServer | undefined;
  const contexts: BrowserContext[] = [];
  let problems: string[] = [];
  let tolerated: RegExp | null = null;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser(); // first: without a browser there is no point starting the server
    server = await startServer(serverOptions);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });
  afterEach(() => {
    const found = problems;
    problems = [];
    expect(found, 'errors in the browser').toEqual([]);
  });

  return {
    get browser() {
      return browser!;
    },
    get server() {
      return server!;
    },
    async signedIn(username, password) {
      const session = await signedInContext(
        browser!,
        server!.url,
        username,
        password,
        (p) => {
          if (!tolerated?.test(p)) problems.push(p);
        },
        wait,
      );
      contexts.push(session.context);
      return session;
    },
    tolerate(expected) {
      tolerated = expected;
    },
  };
}
