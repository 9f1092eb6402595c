// End-to-end: what the registry knows and the lookup reaches, in a real browser.
// The unit tree on a day before the registry's data says so instead of drawing
// the 63 provinces of 2008-2025; the unit browser's search finds an abolished
// ward, says when it ended and leads to its successor; a citizen on a phone
// reads an address within the province it names and pages past ten results.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests } from './browser.ts';
import { OPEN_DROPDOWN } from './antd.ts';
import { browserSuite, SHOTS } from './suite.ts';

const WAIT = 20_000;

function eventually<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: WAIT, interval: 100 });
}

const clean = async (texts: Promise<string[]>) => (await texts).map((t) => t.replace(/\s+/g, ' ').trim());

describe.skipIf(skipBrowserTests())(
  "the unit registry's dates, ended units and the lookup's pages in a real browser",
  () => {
    const suite = browserSuite(WAIT);

    async function officialPage(): Promise<Page> {
      const { context } = await suite.signedIn('demo-admin', 'demo-admin-2025');
      return context.newPage();
    }

    it('the tree on 01/01/1990 says the registry has no data before 30/06/2025 and draws no later province', async () => {
      const page = await officialPage();
      await page.goto('/units?asOf=1990-01-01');
      const notice = page.getByTestId('units-no-data-before');
      await eventually(() => notice.textContent()).toContain('Sổ đăng ký không có dữ liệu trước ngày 30/06/2025');
      const nodes = page.getByTestId('units-tree').getByRole('treeitem');
      // The country alone, with nothing under it: no province of 2008-2025, none of 2025.
      expect(await clean(nodes.locator('.ant-tree-title').allTextContents())).toEqual([
        'Nước Cộng hòa xã hội chủ nghĩa Việt Nam',
      ]);
      await page.screenshot({ path: path.join(SHOTS, 'units-1990.png') });

      // The notice offers the first day the registry has: there are the 63 provinces.
      await notice.getByRole('button', { name: 'Xem cây tại ngày 30/06/2025' }).click();
      await eventually(() => nodes.count()).toBe(64);
      expect(await notice.count()).toBe(0);
      // Titles end with the number of units under them.
      expect(
        (await clean(nodes.locator('.ant-tree-title').allTextContents())).map((t) => t.replace(/\d+$/, '')),
      ).toContain('Tỉnh Hà Giang');
    });

    it('the unit browser finds an abolished ward, says when it ended, and leads to the ward it went into', async () => {
      const page = await officialPage();
      await page.goto('/units');
      await page.getByTestId('units-tree').waitFor();
      const search = page.locator('input[data-testid="units-search"], [data-testid="units-search"] input').first();
      await search.pressSequentially('Trúc Bạch', { delay: 20 });
      const option = page
        .locator(`${OPEN_DROPDOWN} [data-testid="units-search-option"]`)
        .filter({ hasText: 'Phường Trúc Bạch' });
      await eventually(async () => (await option.count()) > 0 && (await option.first().textContent())).toContain(
        'Đã kết thúc: hiệu lực đến hết 30/06/2025 → Phường Ba Đình',
      );
      await expect(page.locator(OPEN_DROPDOWN).textContent()).resolves.toMatch(
        /Không có hiệu lực ngày \d{2}\/\d{2}\/\d{4}/,
      );
      await page.waitForTimeout(400); // the dropdown fades in: for the picture only
      await page.screenshot({ path: path.join(SHOTS, 'units-search-ended.png') });

      // The successor in the option is a link to it.
      await option.first().getByTestId('units-search-successor').click();
      const detail = page.getByTestId('unit-detail');
      await eventually(() => detail.locator('h3').textContent()).toBe('Phường Ba Đình');

      // Choosing the old ward opens it: its page says the same, with the same link.
      await search.fill('');
      await search.pressSequentially('truc bach', { delay: 20 });
      await eventually(() => option.count()).toBeGreaterThan(0);
      await option.first().locator('div').first().click();
      await eventually(() => detail.locator('h3').textContent()).toBe('Phường Trúc Bạch');
      const ended = page.getByTestId('unit-ended');
      await eventually(() => ended.textContent()).toBe('Đã kết thúc: hiệu lực đến hết 30/06/2025 → Phường Ba Đình');
      await expect(detail.textContent()).resolves.toContain(
        'Đến hết 30/06/2025 (ngày bắt đầu: không có trong nguồn dữ liệu)',
      );
      await ended.getByTestId('unit-ended-successor').click();
      await eventually(() => detail.locator('h3').textContent()).toBe('Phường Ba Đình');
    });

    it('a citizen on a phone reads an address within its province and sees more than ten results of a common name', async () => {
      const phone = await suite.browser.newContext({
        baseURL: suite.server.url,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        viewport: { width: 375, height: 800 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      phone.setDefaultTimeout(WAIT);
      const problems: string[] = [];
      try {
        const page = await phone.newPage();
        page.on('pageerror', (err) => problems.push(err.message));
        page.on('console', (msg) => {
          if (msg.type() === 'error' && !/status of 401/.test(msg.text())) problems.push(msg.text());
        });
        const results = page.getByTestId('lookup-result');
        const oldNames = () => clean(results.locator('.lookup-old-name').allTextContents());

        await page.goto(`/lookup?q=${encodeURIComponent('số 12 phố Phan Đình Phùng, Quán Thánh, Ba Đình, Hà Nội')}`);
        await eventually(oldNames).toEqual(['Phường Quán Thánh']);
        expect(await clean(results.first().locator('.lookup-new-name').allTextContents())).toEqual(['Phường Ba Đình']);

        await page.goto(`/lookup?q=${encodeURIComponent('Tân Thành')}`);
        await eventually(() => results.count()).toBe(10);
        const count = page.getByTestId('lookup-count');
        const total = Number(/trong (\d+) kết quả/.exec((await count.textContent()) ?? '')?.[1]);
        expect(total).toBeGreaterThan(60);
        expect(await count.textContent()).toBe(`Đang xem 10 trong ${total} kết quả`);
        await page.getByTestId('lookup-more').click();
        await eventually(() => results.count()).toBe(20);
        expect(await count.textContent()).toBe(`Đang xem 20 trong ${total} kết quả`);
        // Each result once: the second page continues the first.
        const ids = await results.evaluateAll((cards) => cards.map((c) => c.textContent));
        expect(new Set(ids).size).toBe(20);
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
        await page.getByTestId('lookup-more').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SHOTS, 'lookup-phone-more.png') });
      } finally {
        await phone.close();
      }
      expect(problems, 'errors in the browser').toEqual([]);
    });
  },
);
