// The browser for the end-to-end tests: Debian's Chromium (or CHROMIUM_PATH),
// driven by playwright-core. Never a downloaded browser. When there is no
// Chromium the browser tests skip with a message, unless APPARATUS_E2E_REQUIRED=1
// (CI), where a missing browser is a failure.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const MISSING_BROWSER_MESSAGE = "browser tests skipped: install Debian's chromium (apt-get install chromium)";

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH when set (and only it), else /usr/bin/chromium; null when not an executable file. */
export function findChromium(): string | null {
  const wanted = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return isExecutable(wanted) ? wanted : null;
}

function whereLooked(): string {
  return process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : DEFAULT_CHROMIUM;
}

export function browserTestsRequired(): boolean {
  return process.env.APPARATUS_E2E_REQUIRED === '1';
}

/**
 * Whether the browser tests of a file should be skipped. Says why on the
 * console when they are. With APPARATUS_E2E_REQUIRED=1 they never skip:
 * `launchBrowser` then fails with the same message.
 */
export function skipBrowserTests(): boolean {
  if (findChromium() || browserTestsRequired()) return false;
  console.warn(`${MISSING_BROWSER_MESSAGE} — no executable Chromium at ${whereLooked()}`);
  return true;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      `${MISSING_BROWSER_MESSAGE} — but APPARATUS_E2E_REQUIRED=1 (CI) does not allow skipping them, ` +
        `so this is a failure (no executable Chromium at ${whereLooked()})`,
    );
  }
  return chromium.launch({ executablePath, args: LAUNCH_ARGS, timeout: 60_000 });
}
