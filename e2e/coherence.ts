// The coherence harness: a browser test reads the figures a screen renders and
// holds each one against a direct SQL aggregation of the same data (written in
// the screen's spec, never through the application's own code), and checks the
// figures that must agree with each other (totals = sums of rows, counts = list
// lengths, a percentage = its parts, one figure on two tabs).
//
// A screen is a `CoherenceScreen`: a name and a `run` that drives the page and
// reports to the ledger. Adding a screen (the program dashboards, a task page)
// is one object in a new e2e/coherence.<module>.ts listed in e2e/coherence.test.ts;
// the helpers below read antd tables page by page, wait until the page has
// settled (event streams ignored), and write the expected text the way a
// Vietnamese screen writes it (7.799; 66,91%; 31/12/2025; "—").
import { sql, type RawBuilder } from 'kysely';
import type { Locator, Page } from 'playwright-core';
import type { Db } from '../src/platform/db/db.ts';

// ---- What a screen is, and what it reports.

export interface ScreenContext {
  page: Page;
  db: Db;
  ledger: Ledger;
  options: CoherenceOptions;
  /** While set, browser console errors it matches are an answer the screen provokes (a refusal), not a failure. */
  tolerate(expected: RegExp | null): void;
}
export interface CoherenceScreen {
  name: string;
  user: { username: string; password: string };
  run(ctx: ScreenContext): Promise<void>;
}
export interface CoherenceOptions {
  /** National scale: every province is opened, not only the sample ones. */
  national: boolean;
  /** Provinces opened on the staffing screens (codes). */
  sampleProvinces: string[];
}

/** What one screen showed against the data: figures checked, and every disagreement said in words. */
export class Ledger {
  checked = 0;
  readonly problems: string[] = [];
  constructor(readonly screen: string) {}

  /** A figure shown against the text the data says it must be. */
  figure(where: string, shown: string | null | undefined, expected: string) {
    this.checked++;
    if (norm(shown) !== norm(expected))
      this.problems.push(`${where}: shows "${shown ?? '(nothing)'}", the data says "${expected}"`);
  }

  /** Two figures on screen that must be equal (a total and its rows' sum, one figure on two tabs). */
  agree(what: string, a: string | number | null | undefined, b: string | number | null | undefined) {
    this.checked++;
    if (norm(String(a ?? '—')) !== norm(String(b ?? '—'))) this.problems.push(`${what}: ${a ?? '—'} ≠ ${b ?? '—'}`);
  }

  /** Anything else a screen must hold to be believed (a message that names a field the form has). */
  holds(what: string, ok: boolean) {
    this.checked++;
    if (!ok) this.problems.push(what);
  }
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

// ---- The text a Vietnamese screen writes, from exact numbers (an independent writer, not the app's).

const int = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
export const vi = {
  none: '—',
  notAssigned: 'Chưa giao',
  int: (n: number | null | undefined) => (n === null || n === undefined ? '—' : int.format(n)),
  dec: (n: number | null | undefined, digits: number) =>
    n === null || n === undefined ? '—' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(n),
  /** part of whole as the State writes it: two decimals, half up, computed in whole numbers ("66,91%"). */
  pct(part: number | null | undefined, whole: number | null | undefined) {
    if (part === null || part === undefined || !whole) return '—';
    const n = BigInt(part) * 20_000n,
      d = BigInt(whole) * 2n;
    const neg = n < 0n !== d < 0n,
      a = n < 0n ? -n : n,
      b = d < 0n ? -d : d;
    const h = (a + b / 2n) / b; // hundredths of a percent, half up
    const whole100 = h / 100n,
      frac = h % 100n;
    const fracText = frac === 0n ? '' : `,${String(frac).padStart(2, '0').replace(/0$/, '')}`;
    return `${neg && h !== 0n ? '-' : ''}${int.format(Number(whole100))}${fracText}%`;
  },
  date: (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—'),
};

// ---- Reading a page.

/** Counts the page's requests in flight (event streams excepted), to know when what it shows has settled. */
export function watchRequests(page: Page) {
  const inFlight = new Set<unknown>();
  const stream = (r: { headers(): Record<string, string>; url(): string }) =>
    (r.headers().accept ?? '').includes('text/event-stream') || r.url().includes('/events');
  page.on('request', (r) => {
    if (!stream(r)) inFlight.add(r);
  });
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  return {
    /** Resolves once no request has been in flight and nothing spins for `quiet` ms. */
    async settled(quiet = 250, timeout = 20_000) {
      const started = Date.now();
      let calmSince = 0;
      while (Date.now() - started < timeout) {
        const spinning = await page
          .locator('.ant-spin-spinning, .ant-table-placeholder .ant-spin')
          .count()
          .catch(() => 0);
        if (inFlight.size === 0 && spinning === 0) {
          calmSince ||= Date.now();
          if (Date.now() - calmSince >= quiet) return;
        } else calmSince = 0;
        await page.waitForTimeout(50);
      }
      throw new Error(`the page did not settle in ${timeout} ms (${inFlight.size} requests in flight)`);
    },
  };
}

export interface TableRead {
  headers: string[];
  rows: string[][];
  rowKeys: (string | null)[];
}

/** One page of an antd table: the leaf column titles (grouped headers resolved) and every cell's text. */
export async function readTablePage(table: Locator): Promise<TableRead> {
  // Runs in the page (this project's TypeScript for node has no DOM types, hence `any`).
  return table.evaluate((root: any) => {
    const text = (e: any): string => (e.textContent ?? '').replace(/\s+/g, ' ').trim();
    // Header grid: a grouped header spans its children's columns; the leaves are the last title in each column.
    const grid: (string | undefined)[][] = [];
    root.querySelectorAll('thead tr').forEach((tr: any, r: number) => {
      grid[r] ??= [];
      let c = 0;
      tr.querySelectorAll('th').forEach((th: any) => {
        while (grid[r][c] !== undefined) c++;
        const span = Number(th.getAttribute('colspan') ?? 1),
          down = Number(th.getAttribute('rowspan') ?? 1);
        for (let i = 0; i < down; i++) for (let j = 0; j < span; j++) (grid[r + i] ??= [])[c + j] = text(th);
        c += span;
      });
    });
    const leaves = grid.length ? grid[grid.length - 1].map((t) => t ?? '') : [];
    const rows: any[] = [...root.querySelectorAll('tbody tr.ant-table-row')];
    return {
      headers: leaves,
      rows: rows.map((tr) => [...tr.querySelectorAll(':scope > td')].map(text)),
      rowKeys: rows.map((tr) => tr.getAttribute('data-row-key') as string | null),
    };
  });
}

/** Every page of an antd table (clicking "next" until the last), then back to the first page. */
export async function readTable(page: Page, table: Locator, settled: () => Promise<void>): Promise<TableRead> {
  await settled();
  const first = await readTablePage(table);
  // antd puts a table's test id on the table, its pagination beside it in the wrapper.
  const wrapper = table.locator(
    'xpath=ancestor-or-self::div[contains(concat(" ", normalize-space(@class), " "), " ant-table-wrapper ")][1]',
  );
  const next = wrapper.locator('.ant-pagination-next');
  let pages = 1;
  while (
    (await next.count()) &&
    (await next.getAttribute('aria-disabled')) !== 'true' &&
    !(await next.getAttribute('class'))?.includes('disabled')
  ) {
    await next.click();
    await settled();
    const more = await readTablePage(table);
    first.rows.push(...more.rows);
    first.rowKeys.push(...more.rowKeys);
    pages++;
  }
  if (pages > 1) {
    await wrapper.locator('.ant-pagination-item-1').click();
    await settled();
  }
  return first;
}

/** The column whose title starts with `title` (titles carry sort icons and hints after them). */
export function column(t: TableRead, title: string): number {
  const i = t.headers.findIndex((h) => h.startsWith(title));
  if (i < 0) throw new Error(`no column "${title}" among ${JSON.stringify(t.headers)}`);
  return i;
}

/** A table's rows by the text of one column (a unit's name), each as {column title → cell text}. */
export function rowsBy(
  t: TableRead,
  keyTitle: string,
  strip: RegExp = /\s*Minh họa\s*$/,
): Map<string, Record<string, string>> {
  const k = column(t, keyTitle);
  return new Map(
    t.rows.map((cells) => [cells[k].replace(strip, ''), Object.fromEntries(t.headers.map((h, i) => [h, cells[i]]))]),
  );
}

// ---- The data side.

/** A direct SQL read for an expected figure; the rows as given. */
export async function query<T>(db: Db, q: RawBuilder<T>): Promise<T[]> {
  return (await q.execute(db)).rows;
}
export { sql };
