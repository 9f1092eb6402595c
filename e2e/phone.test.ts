// Every page works at 375 px (issue 10, item 7): citizens look up their commune
// and commune officers report from phones. Each page of the web app is opened in
// a 375 × 812 viewport, as a user who may see it, over the demo with its staffing
// and program content; once it has settled the page itself must not scroll
// sideways (a wide table may scroll inside its own box). A screenshot of each is
// kept as e2e/screenshots/phone-<page>.png, to look at, not only to measure.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { skipBrowserTests } from './browser.ts';
import { browserSuite, SHOTS } from './suite.ts';
import { chooseOption } from './antd.ts';
import { query, sql } from './coherence.ts';
import { seedProgram } from './coherence.program.ts';
import { loadStaffingDemo } from '../src/staffing/staffing.demo.ts';
import { seedChannel } from './channel.seed.ts';
import type { Db } from '../src/platform/db/db.ts';
import { openHandovers } from '../src/handover/open/open.service.ts';
import { systemContext } from '../src/platform/context.ts';

const WAIT = 20_000;
const PHONE = { width: 375, height: 812 };
type Who = 'anonymous' | 'admin' | 'hanoi' | 'badinh';
const LOGINS: Record<Exclude<Who, 'anonymous'>, [string, string]> = {
  admin: ['demo-admin', 'demo-admin-2025'],
  hanoi: ['demo-hanoi', 'demo-hanoi-2025'],
  badinh: ['demo-badinh', 'demo-badinh-2025'],
};

interface Ids {
  hanoi: number;
  badinh: number;
  program: number;
  hanoiTask: number;
  badinhTask: number;
  consultation: number;
}

interface PhonePage {
  name: string;
  who: Who;
  url: (ids: Ids) => string;
  /** What shows the page has its content (beyond the spinners being gone). */
  ready?: string;
  /** A tab to open after the page loads, by its label. */
  tab?: string;
  /** What a user does next to see the rest of the page (choose a province, open a row). */
  act?: (page: Page) => Promise<void>;
}

const PAGES: PhonePage[] = [
  { name: 'login', who: 'anonymous', url: () => '/login', ready: 'form' },
  { name: 'lookup', who: 'anonymous', url: () => '/', ready: '.lookup-page' },
  {
    name: 'lookup-results',
    who: 'anonymous',
    url: () => `/lookup?q=${encodeURIComponent('Quán Thánh, Ba Đình, Hà Nội')}`,
    ready: '.lookup-results > *',
  },
  { name: 'stats', who: 'anonymous', url: () => '/stats', ready: 'canvas' },
  { name: 'consultations', who: 'anonymous', url: () => '/consultations', ready: '[data-testid="consultation-card"]' },
  {
    name: 'consultation',
    who: 'anonymous',
    url: (ids) => `/consultations/${ids.consultation}`,
    ready: '[data-testid="results"]',
  },
  { name: 'satisfaction', who: 'anonymous', url: () => '/satisfaction', ready: '[data-testid="satisfaction-total"]' },
  { name: 'units', who: 'admin', url: () => '/units', ready: '.ant-tree-treenode:not([aria-hidden])' },
  { name: 'unit-history', who: 'admin', url: (ids) => `/units/${ids.badinh}`, ready: '.related-item, .ant-timeline' },
  { name: 'audit', who: 'admin', url: () => '/audit', ready: '.ant-table-row' },
  {
    name: 'program-national',
    who: 'admin',
    url: (ids) => `/program?program=${ids.program}`,
    ready: '[data-testid="summary-total"]',
  },
  {
    name: 'program-province',
    who: 'hanoi',
    url: (ids) => `/program?program=${ids.program}&unit=${ids.hanoi}`,
    ready: '[data-testid="summary-total"]',
  },
  {
    name: 'program-content',
    who: 'admin',
    url: (ids) => `/program?program=${ids.program}&view=content`,
    ready: '.ant-table-row, .ant-tree-treenode',
  },
  { name: 'task', who: 'hanoi', url: (ids) => `/program/tasks/${ids.hanoiTask}`, ready: '[data-testid="task-detail"]' },
  {
    name: 'task-commune',
    who: 'badinh',
    url: (ids) => `/program/tasks/${ids.badinhTask}`,
    ready: '[data-testid="task-detail"]',
  },
  { name: 'reviews', who: 'hanoi', url: () => '/program/reviews', ready: '[data-testid="review-queue"]' },
  { name: 'inbox', who: 'badinh', url: () => '/program/inbox' },
  { name: 'program-import', who: 'admin', url: () => '/program/import' },
  { name: 'staffing', who: 'admin', url: () => '/staffing', ready: '[data-testid="staffing-rollup"] .ant-table-row' },
  {
    name: 'staffing-province',
    who: 'hanoi',
    url: () => '/staffing',
    ready: '[data-testid="staffing-rollup"] .ant-table-row',
  },
  {
    name: 'staffing-map',
    who: 'admin',
    url: () => '/staffing',
    tab: 'Tỷ lệ biên chế đã dùng theo tỉnh',
    ready: '[data-testid="staffing-map"] canvas',
  },
  {
    name: 'staffing-reductions',
    who: 'admin',
    url: () => '/staffing',
    tab: 'Cắt giảm 2026–2031',
    ready: '[data-testid="staffing-reductions"] .ant-table-row',
  },
  {
    name: 'staffing-norms',
    who: 'hanoi',
    url: () => '/staffing',
    tab: 'Định mức cấp xã 2025',
    act: async (page) => {
      await chooseOption(page, page.getByTestId('norms-province'), 'Thành phố Hà Nội', 'Hà Nội');
      await page.getByTestId('norms-table').locator('.ant-table-row').first().waitFor();
    },
  },
  {
    name: 'staffing-targets',
    who: 'admin',
    url: () => '/staffing',
    tab: 'Mục tiêu tinh giản',
    act: async (page) => {
      // The demo's targets are those of 2026–2031 (the provinces' cuts).
      await chooseOption(page, page.getByTestId('staffing-period'), 'Thời kỳ 2026–2031');
      await page.getByTestId('staffing-targets').locator('.ant-table-row').first().waitFor();
      await page.getByTestId('staffing-targets').locator('.ant-table-row').first().click();
      await page.getByTestId('staffing-target-points').waitFor();
    },
  },
  {
    name: 'staffing-blocks',
    who: 'admin',
    url: () => '/staffing',
    tab: 'Tổng cả nước theo khối',
    ready: '[data-testid="staffing-blocks"] .ant-table-row',
  },
  {
    name: 'staffing-trend',
    who: 'admin',
    url: () => '/staffing',
    tab: 'Xu hướng qua các thời kỳ',
    ready: '[data-testid="staffing-trend"] .ant-table-row',
  },
  { name: 'admin-users', who: 'admin', url: () => '/admin/users', ready: '.ant-table-row' },
  { name: 'admin-tokens', who: 'admin', url: () => '/admin/tokens' },
  { name: 'my-tokens', who: 'hanoi', url: () => '/tokens' },
  // Public channel, feedback (issue 13): what a citizen opens on a phone, and the officer's queue.
  { name: 'feedback-submit', who: 'anonymous', url: () => '/feedback', ready: '[data-testid="feedback-submit-page"]' },
  {
    name: 'feedback-track',
    who: 'anonymous',
    url: () => '/feedback/track',
    ready: '[data-testid="feedback-track-page"]',
  },
  { name: 'feedback-queue', who: 'badinh', url: () => '/feedback/queue', ready: '[data-testid="feedback-queue"]' },
  // Handovers (issue 11): the list as the province sees it, filtered to its communes, and the public check.
  {
    name: 'handovers',
    who: 'hanoi',
    url: () => '/handovers?level=3',
    ready: '[data-testid="handover-list"] .ant-table-row',
  },
  {
    name: 'handover-verify',
    who: 'anonymous',
    url: () => '/handovers/verify',
    ready: '[data-testid="handover-verify"]',
  },
];

/** Spinners and skeletons gone, and (when named) the page's own content shown. */
async function settle(page: Page, ready: string | undefined) {
  await page.waitForLoadState('load');
  if (ready) await page.locator(ready).first().waitFor({ state: 'visible' });
  await expect
    .poll(() => page.locator('.ant-spin-spinning:visible, .ant-skeleton:visible').count(), { timeout: WAIT })
    .toBe(0);
  await page.evaluate('document.fonts.ready.then(() => undefined)');
}

/** How wide the page is, and the widest elements sticking out past the viewport (to say what to fix). */
async function measure(page: Page) {
  // Runs in the page (these files are type-checked without the DOM's types).
  return page.evaluate((limit): { scrollWidth: number; culprits: string[] } => {
    const { document, getComputedStyle } = globalThis as any;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*')) as any[]) {
      const r = el.getBoundingClientRect();
      if (r.right <= limit + 0.5 || r.width === 0) continue;
      // Inside a box that scrolls or clips on its own, sticking out does not widen the page.
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox !== 'visible' && p.getBoundingClientRect().right <= limit + 0.5) {
          clipped = true;
          break;
        }
      }
      if (clipped) continue;
      const cls = typeof el.className === 'string' ? el.className.split(' ').filter(Boolean).slice(0, 2).join('.') : '';
      const tid = el.getAttribute('data-testid');
      culprits.push(
        `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}${tid ? `[${tid}]` : ''} right=${Math.round(r.right)}`,
      );
    }
    return { scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 8) };
  }, PHONE.width);
}

describe.skipIf(skipBrowserTests())('every page works on a 375 px phone', () => {
  const suite = browserSuite(WAIT, {
    seed: async (db: Db) => {
      await loadStaffingDemo(db);
      await seedProgram(db);
      await seedChannel(db);
      await openHandovers(db, systemContext('e2e'), '2025-07-01');
    },
  });
  const contexts = new Map<Who, BrowserContext>();
  let ids: Ids;

  async function phoneContext(who: Who): Promise<BrowserContext> {
    const known = contexts.get(who);
    if (known) return known;
    let context: BrowserContext;
    if (who === 'anonymous') {
      // The same context as a signed-in one (errors reported), then signed out: the public pages as a citizen sees them.
      context = (await suite.signedIn(...LOGINS.badinh)).context;
      await context.clearCookies();
    } else {
      context = (await suite.signedIn(...LOGINS[who])).context;
    }
    await Promise.all(context.pages().map((p) => p.close()));
    contexts.set(who, context);
    return context;
  }

  beforeAll(async () => {
    const db = suite.server.db;
    const unit = async (code: string, level: number) =>
      (
        await query(
          db,
          sql<{
            id: number;
          }>`select id from units where code = ${code} and level >= ${level} and valid_to is null order by level limit 1`,
        )
      )[0].id;
    const program = (await query(db, sql<{ id: number }>`select id from programs order by id limit 1`))[0].id;
    const task = async (like: string) =>
      (
        await query(
          db,
          sql<{
            id: number;
          }>`select id from tasks where program_id = ${program} and code like ${like} and status <> 'cancelled' order by id limit 1`,
        )
      )[0].id;
    ids = {
      hanoi: await unit('01', 1),
      badinh: await unit('00004', 2),
      program,
      hanoiTask: await task('II.5.1@01'),
      badinhTask: await task('II.5.1@01@00004'),
      consultation: (await query(db, sql<{ id: number }>`select id from consultations order by id limit 1`))[0].id,
    };
  });

  for (const spec of PAGES) {
    it(`${spec.name} (${spec.who})`, async () => {
      const context = await phoneContext(spec.who);
      const page = await context.newPage();
      // A citizen's page asks who is signed in; the 401 answer is expected.
      suite.tolerate(spec.who === 'anonymous' ? /status of 401/ : null);
      try {
        await page.setViewportSize(PHONE);
        await page.goto(spec.url(ids));
        await settle(page, spec.tab ? '.ant-tabs' : spec.ready);
        if (spec.tab) {
          // On a phone antd's tab bar holds only the first tabs and lists the others in its "…" menu, while the
          // hidden ones stay in the bar, out of its box: a click on the tab element itself opens it either way.
          const tab = page.getByRole('tab', { name: spec.tab });
          await tab.evaluate((el: any) => el.click());
          await expect.poll(() => tab.getAttribute('aria-selected'), { timeout: WAIT }).toBe('true');
          await settle(page, spec.ready);
        }
        if (spec.act) {
          await spec.act(page);
          await settle(page, undefined);
        }
        const shot = path.join(SHOTS, `phone-${spec.name}.png`);
        const { scrollWidth, culprits } = await measure(page);
        await page.screenshot({ path: shot, fullPage: true });
        expect(
          scrollWidth,
          `${spec.name} is ${scrollWidth} px wide on a ${PHONE.width} px phone (see ${shot}); sticking out: ${culprits.join(', ')}`,
        ).toBeLessThanOrEqual(PHONE.width);
      } finally {
        suite.tolerate(null);
        await page.close();
      }
    }, 60_000);
  }
});
