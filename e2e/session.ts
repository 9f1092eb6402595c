// Signed-in browser contexts and API calls for browser tests that seed their
// data through the HTTP API, as an administrator would.
import { expect } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';

export interface Session {
  context: BrowserContext;
  csrf: string;
}

/**
 * A browser context signed in through the API (the login form has its own
 * test). Uncaught page errors and console errors go to `report`; a 409 is an
 * expected answer in these flows (refusals, stale edits), so it is not one.
 */
export async function signedInContext(
  browser: Browser,
  baseURL: string,
  username: string,
  password: string,
  report: (problem: string) => void,
  timeout: number,
): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1440, height: 1000 },
  });
  context.setDefaultTimeout(timeout);
  context.on('page', (page) => {
    page.on('pageerror', (err) => report(`uncaught in ${page.url()}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/status of 409/.test(msg.text()))
        report(`console error in ${page.url()}: ${msg.text()}`);
    });
  });
  const res = await context.request.post('/api/auth/login', { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  return { context, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** A JSON API call that must succeed; the failure message carries the server's answer. */
export async function apiCall<T>(
  request: APIRequestContext,
  csrf: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  data?: unknown,
): Promise<T> {
  const res = await request.fetch(url, { method, data, headers: { 'x-csrf-token': csrf } });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}
