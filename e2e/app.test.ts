// End-to-end: the built web app in a real Chromium against a real server
// holding the real Vietnam data (30/06/2025: 63 provinces, 696 districts,
// 10,035 communes; 01/07/2025: 34 provinces, no districts, 3,321 communes).
// One browser and one server for the whole file; screenshots go to
// e2e/screenshots/<name>.png (git-ignored) so a person can look at the pages.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { launchBrowser, skipBrowserTests } from './browser.ts';
import { startServer, type TestServer } from './server.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const WAIT = 20_000;

/** Retries `read` until the matcher passes (the page renders asynchronously). */
function eventually<T>(read: () => Promise<T> | T, timeout = WAIT) {
  return expect.poll(read, { timeout, interval: 100 });
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe.skipIf(skipBrowserTests())('Apparatus in a real browser', () => {
  let browser: Browser;
  let server: TestServer;
  let official: BrowserContext; // logged in as demo-admin once the login test has run
  let officialPage: Page;
  // Uncaught exceptions and console errors in any page fail the test that caused them.
  let pageProblems: string[] = [];

  async function newContext(options: BrowserContextOptions): Promise<BrowserContext> {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      ...options,
    });
    context.setDefaultTimeout(WAIT);
    context.on('page', watch);
    return context;
  }

  function watch(page: Page): void {
    page.on('pageerror', (err) => pageProblems.push(`uncaught in ${page.url()}: ${err.message}`));
    page.on('console', (msg) => {
      // A visitor's /api/auth/me answers 401 by design; the browser logs every non-2xx load.
      if (
        msg.type() === 'error' &&
        !/Failed to load resource: the server responded with a status of 401/.test(msg.text())
      ) {
        pageProblems.push(`console error in ${page.url()}: ${msg.text()}`);
      }
    });
  }

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser(); // first: without a browser there is no point importing data
    server = await startServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    const problems = pageProblems;
    pageProblems = [];
    expect(problems, 'errors in the browser').toEqual([]);
  });

  it('a citizen on a phone finds the new ward of an old one, without diacritics and from an address, without logging in', async () => {
    const phone = await newContext({
      viewport: { width: 375, height: 800 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await phone.newPage();
      await page.goto('/lookup');
      const input = page.getByTestId('lookup-input');
      await input.waitFor();
      await expect(page.getByTestId('lookup-empty').textContent()).resolves.toContain('Có thể gõ không dấu');

      await input.pressSequentially('truc bach', { delay: 20 });
      const results = page.getByTestId('lookup-result');
      const trucBach = results.filter({ has: page.locator('.lookup-old-name', { hasText: /^Phường Trúc Bạch$/ }) });
      await trucBach.first().waitFor();
      // The ward itself comes first, not some other match on "bach". Under load the typing can pause
      // past the debounce, so the answer to "truc" may show first: wait for the query typed in full.
      await eventually(() => page.url()).toContain('q=truc+bach');
      await eventually(() => results.first().locator('.lookup-old-name').textContent()).toBe('Phường Trúc Bạch');
      await expect(trucBach.first().textContent()).resolves.toContain('Quận Ba Đình, Thành phố Hà Nội');
      await expect(trucBach.first().textContent()).resolves.toContain('Trước 01/07/2025');

      const successor = trucBach.first().getByTestId('lookup-successor');
      expect(await successor.count()).toBe(1);
      expect(await successor.locator('.lookup-new-name').textContent()).toBe('Phường Ba Đình');
      expect(await texts(successor.getByTestId('lookup-link-kind'))).toEqual(['Toàn bộ']);
      // The new ward's province, on its own line under the new name (soft: the rest of the flow still runs).
      expect
        .soft(await texts(successor.locator('.lookup-meta')), 'province line of the new ward')
        .toContain('Thành phố Hà Nội');
      expect(page.url()).toContain('q=truc+bach'); // shareable

      // A citizen does not need to log in: no login form, no user, no redirect.
      expect(new URL(page.url()).pathname).toBe('/lookup');
      expect(await page.getByTestId('login-username').count()).toBe(0);
      expect(await page.getByTestId('current-user').count()).toBe(0);
      // Made for a phone: nothing sticks out sideways.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await shot(page, 'lookup-phone');

      // Part of a street address, as printed on an old ID card.
      await input.fill('');
      await input.pressSequentially('so 2 pho truc bach', { delay: 10 });
      await eventually(() => page.url()).toContain('q=so+2+pho+truc+bach');
      await eventually(() => texts(results.locator('.lookup-old-name'))).toContain('Phường Trúc Bạch');
      expect(await texts(trucBach.first().getByTestId('lookup-successor').locator('.lookup-new-name'))).toEqual([
        'Phường Ba Đình',
      ]);
      expect(await page.getByTestId('login-username').count()).toBe(0);
      await shot(page, 'lookup-phone-address');
    } finally {
      await phone.close();
    }
  });

  it('an official logs in through the form and lands in the registry', async () => {
    official = await newContext({ viewport: { width: 1366, height: 900 } });
    officialPage = await official.newPage();
    const page = officialPage;

    // The registry is for officials: a visitor is sent to the login form.
    await page.goto('/units');
    await page.getByTestId('login-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('current-user').count()).toBe(0);

    await page.getByTestId('login-username').fill('demo-admin');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect(page.locator('.login-page [role="alert"]').textContent()).resolves.toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );
    expect(await page.getByTestId('current-user').count()).toBe(0);
    await eventually(() => page.getByTestId('login-submit').isEnabled()).toBe(true);
    await shot(page, 'login-refused');

    await page.getByTestId('login-password').fill('demo-admin-2025');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    await eventually(() => new URL(page.url()).pathname).toBe('/units');
    expect(await page.getByTestId('current-user').textContent()).toContain('Quản trị hệ thống (demo)');
    expect(await texts(page.locator('.app-nav .ant-menu-item'))).toEqual([
      'Tra cứu',
      'Thống kê',
      'Đơn vị hành chính',
      'Chương trình hành động',
      'Biên chế',
      'Nhật ký',
    ]);
    expect(await page.getByTestId('login-username').count()).toBe(0);
    await shot(page, 'logged-in');
    // On a 1280 px laptop every section stays in the bar; none folds into the "…" menu.
    await page.setViewportSize({ width: 1280, height: 900 });
    await eventually(() => page.locator('.app-nav .ant-menu-overflow-item-rest').isVisible()).toBe(false);
    for (const item of await page.locator('.app-nav .ant-menu-item').all()) expect(await item.isVisible()).toBe(true);
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it("the unit tree shows 63 provinces and districts on 30/06/2025, 34 provinces and communes on 01/07/2025, and a unit's history", async () => {
    const page = officialPage;
    await page.goto('/units');
    const tree = page.getByTestId('units-tree');
    const nodes = tree.getByRole('treeitem');
    // Unit names without the child count shown after them.
    const titles = async () => (await texts(nodes.locator('.ant-tree-title'))).map((t) => t.replace(/\d+$/, ''));
    /** How many nodes are shown at each depth: [country, provinces, their children]. */
    const perDepth = () =>
      nodes.evaluateAll((els: any[]) => {
        const counts: number[] = [];
        for (const el of els) {
          const depth = el.querySelectorAll('.ant-tree-indent-unit').length;
          counts[depth] = (counts[depth] ?? 0) + 1;
        }
        return counts;
      });
    const node = (name: string) =>
      nodes.filter({ has: page.locator('.ant-tree-title', { hasText: new RegExp(`^${name}\\d*$`) }) });

    // Before the reform: the country, its 63 provinces, Hà Nội's 30 districts.
    await page.getByTestId('asof-2025-06-30').click();
    await node('Tỉnh Hà Giang').waitFor();
    await eventually(perDepth).toEqual([1, 63]);
    expect(await texts(nodes.first().locator('.ant-tree-title'))).toEqual([
      'Nước Cộng hòa xã hội chủ nghĩa Việt Nam63',
    ]);
    await node('Thành phố Hà Nội').locator('.ant-tree-switcher').click();
    await node('Quận Ba Đình').waitFor();
    await eventually(perDepth).toEqual([1, 63, 30]);
    const before = await titles();
    expect(before).toEqual(
      expect.arrayContaining(['Quận Ba Đình', 'Quận Hoàn Kiếm', 'Huyện Ba Vì', 'Thị xã Sơn Tây', 'Tỉnh Hà Giang']),
    );
    expect(before.filter((t) => t.startsWith('Phường Ba Đình'))).toEqual([]);
    await page.mouse.move(0, 500); // away from the date buttons' tooltips
    await shot(page, 'units-2025-06-30');

    // After: 34 provinces, Hà Giang gone, Hà Nội's 126 communes and wards straight under it.
    await page.getByTestId('asof-2025-07-01').click();
    await node('Tỉnh Tuyên Quang').waitFor();
    await eventually(perDepth).toEqual([1, 34]);
    expect(await texts(nodes.first().locator('.ant-tree-title'))).toEqual([
      'Nước Cộng hòa xã hội chủ nghĩa Việt Nam34',
    ]);
    expect(await node('Tỉnh Hà Giang').count()).toBe(0);
    await node('Thành phố Hà Nội').locator('.ant-tree-switcher').click();
    await node('Phường Ba Đình').waitFor();
    await eventually(perDepth).toEqual([1, 34, 126]);
    const after = await titles();
    expect(after).toEqual(
      expect.arrayContaining(['Phường Ba Đình', 'Phường Hoàn Kiếm', 'Xã Ba Vì', 'Tỉnh Tuyên Quang']),
    );
    expect(after.filter((t) => /^(Quận|Huyện|Thị xã) /.test(t))).toEqual([]);
    await page.mouse.move(0, 500);
    await shot(page, 'units-2025-07-01');

    // The new ward's history: formed from the old wards, among them Trúc Bạch.
    await node('Phường Ba Đình').locator('.ant-tree-title').click();
    const detail = page.getByTestId('unit-detail');
    await eventually(() => detail.locator('h3').textContent()).toBe('Phường Ba Đình');
    expect(new URL(page.url()).pathname).toMatch(/^\/units\/\d+$/);
    const history = page.getByTestId('unit-history');
    await history.getByTestId('related-unit').first().waitFor();
    const headings = await texts(history.locator('h5'));
    expect(headings[0]).toMatch(/^Hình thành từ \(đơn vị tiền thân\) \([1-9]\d*\)$/);
    expect(headings[1]).toBe('Đã chuyển thành (đơn vị kế thừa) (0)');
    const predecessors = await texts(history.getByTestId('related-unit').locator('a'));
    expect(predecessors).toContain('Phường Trúc Bạch');
    await expect(history.textContent()).resolves.toContain('Sáp nhập');
    await shot(page, 'unit-history-ba-dinh', true);

    // Follow the lineage back: the old ward ended on 30/06/2025 and went whole into Ba Đình.
    await history
      .getByTestId('related-unit')
      .locator('a', { hasText: /^Phường Trúc Bạch$/ })
      .click();
    await eventually(() => detail.locator('h3').textContent()).toBe('Phường Trúc Bạch');
    await history.getByTestId('related-unit').first().waitFor();
    await expect(detail.textContent()).resolves.toContain('Đơn vị này không có hiệu lực vào ngày 01/07/2025');
    expect(await texts(history.locator('h5'))).toEqual([
      'Hình thành từ (đơn vị tiền thân) (0)',
      'Đã chuyển thành (đơn vị kế thừa) (1)',
    ]);
    expect(await texts(history.getByTestId('related-unit').locator('a'))).toEqual(['Phường Ba Đình']);
    await expect(history.getByTestId('related-unit').textContent()).resolves.toContain('Nhập toàn bộ');
    await shot(page, 'unit-history-truc-bach', true);
  });

  it('the statistics page draws the map of the 34 provinces and shows 63 → 34 and 10.035 → 3.321', async () => {
    const page = officialPage;
    await page.goto('/stats');
    const map = page.locator('[data-testid="stats-map"][data-rendered="true"]');
    await map.waitFor();

    // The map canvas really has provinces on it, coloured by the reduction (not the
    // grey of provinces without data, not an empty canvas).
    const pixels = await map
      .locator('canvas')
      .first()
      .evaluate((canvas: any) => {
        const ctx = canvas.getContext('2d');
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        let warm = 0;
        const colours = new Set<number>();
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
          if (a < 16 || (r > 245 && g > 245 && b > 245)) continue;
          painted++;
          if (r > 200 && r - b > 60) warm++; // the #fff3e0 → #b71c1c ramp
          colours.add((r << 16) | (g << 8) | b);
        }
        return {
          total: data.length / 4,
          painted,
          warm,
          colours: colours.size,
          dataUrlLength: canvas.toDataURL().length as number,
        };
      });
    expect(pixels.painted / pixels.total).toBeGreaterThan(0.08);
    expect(pixels.warm / pixels.total).toBeGreaterThan(0.05);
    expect(pixels.colours).toBeGreaterThan(20);
    expect(pixels.dataUrlLength).toBeGreaterThan(20_000);

    const rows = page.getByTestId('stats-table').locator('tbody tr.ant-table-row');
    await eventually(() => rows.count()).toBe(34);
    const hanoi = await texts(rows.filter({ hasText: 'Thành phố Hà Nội' }).locator('td'));
    expect(hanoi.slice(0, 7)).toEqual(['01', 'Thành phố Hà Nội', 'Giữ nguyên', '1', '526', '126', '76,05%']);
    const tuyenQuang = await texts(rows.filter({ hasText: 'Tỉnh Tuyên Quang' }).locator('td'));
    expect(tuyenQuang.slice(0, 6)).toEqual(['08', 'Tỉnh Tuyên Quang', 'Hà Giang, Tuyên Quang', '2', '330', '124']);

    // National figures, written the Vietnamese way (10.035).
    const provinces = await page.getByTestId('stats-summary-provinces').textContent();
    expect(provinces).toMatch(/Cấp tỉnh\s*63\s*34/);
    const communes = await page.getByTestId('stats-summary-communes').textContent();
    expect(communes).toMatch(/Cấp xã\s*10\.035\s*3\.321/);
    await expect(page.getByTestId('stats-summary-districts').textContent()).resolves.toMatch(
      /696\s*0.*Bãi bỏ cấp huyện/,
    );
    await page.waitForTimeout(1_200); // let the bars finish growing, for the picture only
    await shot(page, 'stats', true);
    // The map alone, larger (page coordinates: scrolled to the top, clipped from the full page).
    await page.evaluate('window.scrollTo(0, 0)');
    const box = await map.boundingBox();
    if (box) await page.screenshot({ path: path.join(SHOTS, 'stats-map.png'), clip: box, fullPage: true });
  });

  it('the audit viewer lists the login and the data import', async () => {
    const page = officialPage;
    await page.goto('/audit');
    const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const lines = (await texts(rows)).join('\n');
    // Actions and entities in words (issue 10), the code kept as the tag's tooltip.
    expect(lines).toMatch(/demo-admin\s*Đăng nhập\s*Tài khoản/);
    expect(lines).toMatch(/Đăng nhập sai/); // the wrong password above
    expect(lines).toMatch(/system:[\w-]+\s*Nhập dữ liệu đơn vị hành chính\s*Bộ dữ liệu/); // the import runs as a system actor
    expect(lines).toMatch(/system:demo\s*Tạo tài khoản\s*Tài khoản/);
    expect(lines).not.toMatch(/auth\.login|units\.import|users\.create/);
    // Newest first: the successful login is the latest entry.
    expect(await texts(rows.first().locator('td'))).toEqual(expect.arrayContaining(['demo-admin', 'Đăng nhập']));
    await expect(rows.first().locator('.ant-tag').getAttribute('title')).resolves.toBe('auth.login');
    await expect(page.getByTestId('audit-table').textContent()).resolves.toMatch(/Tổng \d+/);

    // The import's row opens on what was imported, field by field.
    await rows
      .filter({ hasText: 'Nhập dữ liệu đơn vị hành chính' })
      .first()
      .locator('.ant-table-row-expand-icon')
      .click();
    const diff = page.getByTestId('audit-diff');
    await expect(diff.textContent()).resolves.toContain('Sau khi thay đổi');
    await expect(diff.locator('th').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Trường', 'Trước khi thay đổi', 'Sau khi thay đổi']),
    );
    await shot(page, 'audit', true);
  });

  it('the language switch turns the interface to English and back to Vietnamese', async () => {
    const page = officialPage;
    await page.goto('/stats');
    await page.locator('[data-testid="stats-map"][data-rendered="true"]').waitFor();
    const nav = () => texts(page.locator('.app-nav .ant-menu-item'));
    expect(await nav()).toEqual([
      'Tra cứu',
      'Thống kê',
      'Đơn vị hành chính',
      'Chương trình hành động',
      'Biên chế',
      'Nhật ký',
    ]);

    await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await eventually(nav).toEqual([
      'Lookup',
      'Statistics',
      'Administrative units',
      'Action program',
      'Staffing quotas',
      'Audit log',
    ]);
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await eventually(() => page.locator('h2').textContent()).not.toMatch(/Thống kê/);
    // Numbers follow the language: 10,035 in English.
    await eventually(() => page.getByTestId('stats-summary-communes').textContent()).toMatch(/10,035\s*3,321/);
    expect(await texts(page.getByTestId('stats-table').locator('thead th'))).not.toContain('Tỉnh, thành phố');
    await page.waitForTimeout(1_200);
    await shot(page, 'stats-en');

    // The choice survives a reload (an office computer keeps its language).
    await page.reload();
    await eventually(nav).toEqual([
      'Lookup',
      'Statistics',
      'Administrative units',
      'Action program',
      'Staffing quotas',
      'Audit log',
    ]);

    await page.getByTestId('lang-switch').getByText('VI', { exact: true }).click();
    await eventually(nav).toEqual([
      'Tra cứu',
      'Thống kê',
      'Đơn vị hành chính',
      'Chương trình hành động',
      'Biên chế',
      'Nhật ký',
    ]);
    expect(await page.evaluate('document.documentElement.lang')).toBe('vi');
    await eventually(() => page.getByTestId('stats-summary-communes').textContent()).toMatch(/10\.035\s*3\.321/);
    await eventually(() => page.locator('h2').textContent()).toBe('Thống kê sắp xếp đơn vị hành chính');
  });

  it('logging out ends the session: the registry asks for a login again', async () => {
    const page = officialPage;
    await page.goto('/units');
    await page.getByTestId('logout').click();
    await eventually(() => page.getByTestId('current-user').count()).toBe(0);
    await page.goto('/audit');
    await page.getByTestId('login-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await official.close();
  });
});
