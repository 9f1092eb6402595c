// End-to-end: the public channel's feedback in a real browser (issue 13, "Done means"). A citizen on a 375 px phone,
// not signed in, sends feedback about an old ward (Trúc Bạch, merged into Phường Ba Đình on 1 July 2025) chosen
// with the registry's lookup, and gets a tracking code; the officer of Phường Ba Đình finds it in the unit's queue
// (filters in the URL), sees a refusal on the answer's own field, takes it and answers; the citizen reads the answer
// by the code and rates it. No page scrolls sideways at 375 px. Screenshots: e2e/screenshots/feedback-*.png.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { skipBrowserTests } from './browser.ts';
import { chooseOption } from './antd.ts';
import { browserSuite, SHOTS } from './suite.ts';
import type { Session } from './session.ts';

const WAIT = 20_000;
const PHONE = { width: 375, height: 812 };
const TITLE = 'Đèn đường ngõ 5 Trúc Bạch hỏng';
const ANSWER = 'Phường đã thay bóng đèn ngõ 5 ngày hôm nay. Cảm ơn ông/bà đã phản ánh.';

function eventually<T>(read: () => Promise<T> | T, timeout = WAIT) {
  return expect.poll(read, { timeout, interval: 100 });
}
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `feedback-${name}.png`), fullPage: true });
/** How wide the page is: no wider than the phone, or the citizen scrolls sideways. */
const pageWidth = (page: Page) =>
  page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);

describe.skipIf(skipBrowserTests())('feedback from a phone, answered by the unit, rated by the citizen', () => {
  const suite = browserSuite(WAIT);
  let citizen: BrowserContext, officer: Session;
  let code = '';

  beforeAll(async () => {
    // A context like a signed-in one (errors reported), signed out: the citizen has no account.
    citizen = (await suite.signedIn('demo-badinh', 'demo-badinh-2025')).context;
    await citizen.clearCookies();
    officer = await suite.signedIn('demo-badinh', 'demo-badinh-2025');
  });

  it('a citizen on a phone submits and gets a tracking code', async () => {
    const page = await citizen.newPage();
    suite.tolerate(/status of 401/); // the header asks who is signed in: no one
    try {
      await page.setViewportSize(PHONE);
      await page.goto('/feedback');
      await page.getByTestId('feedback-submit-page').waitFor();
      await chooseOption(page, page.getByTestId('feedback-category'), 'Môi trường, vệ sinh');
      await page.getByTestId('feedback-where').getByText('Chọn xã, phường').click();
      // The old ward's name is offered as its successor in force.
      await chooseOption(page, page.getByTestId('feedback-commune'), 'Phường Ba Đình', 'Trúc Bạch');
      await page.getByLabel('Tiêu đề', { exact: true }).fill(TITLE);
      await page
        .getByLabel('Nội dung', { exact: true })
        .fill('Đèn đường ở ngõ 5 phố Trúc Bạch đã hỏng hai tuần, buổi tối rất tối và nguy hiểm.');
      await page.getByText('Ẩn tên khi công khai').click();
      await page.getByLabel('Họ tên').fill('Nguyễn Văn An');
      await page.getByLabel('Số điện thoại').fill('0912 345 678');
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'submit');
      await page.getByTestId('feedback-send').click();

      await page.getByTestId('feedback-sent').waitFor();
      code = (await page.getByTestId('feedback-code').textContent())!.trim();
      expect(code.length).toBeGreaterThanOrEqual(6);
      expect(await page.getByTestId('feedback-sent-unit').textContent()).toBe('Phường Ba Đình');
      expect(await page.getByTestId('feedback-sent-due').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'sent');
    } finally {
      suite.tolerate(null);
      await page.close();
    }
  }, 90_000);

  it('the officer of the routed unit finds it in the queue and answers', async () => {
    expect(code, 'the submission test gave a code').not.toBe('');
    const page = await officer.context.newPage();
    try {
      await page.goto('/feedback/queue');
      await page.getByTestId('feedback-queue').waitFor();
      await chooseOption(page, page.getByTestId('feedback-filter-status'), 'Đã tiếp nhận');
      // The filter is in the URL, so a link or a reload shows the same list.
      await eventually(() => new URL(page.url()).searchParams.get('status')).toBe('received');
      await page.reload();
      const row = page.locator(`tr[data-code="${code}"]`);
      await row.waitFor();
      await row.getByText(TITLE).click();
      const drawer = page.getByTestId('feedback-drawer');
      await drawer.getByText('Nguyễn Văn An', { exact: false }).waitFor(); // name_hidden: the officer sees the contact
      await eventually(() => new URL(page.url()).searchParams.get('item')).not.toBeNull();

      await drawer.getByTestId('feedback-assign').click();
      await eventually(() => drawer.getByTestId('feedback-drawer-status').textContent()).toBe('Đã giao cán bộ xử lý');

      // Too short an answer: the server's refusal is shown on the answer's own field.
      suite.tolerate(/status of 400/);
      await drawer.getByTestId('feedback-answer-text').fill('Ok');
      await drawer.getByTestId('feedback-answer-send').click();
      await drawer.locator('.ant-form-item-has-error').getByText('Trả lời người dân').waitFor();
      suite.tolerate(null);

      await drawer.getByTestId('feedback-answer-text').fill(ANSWER);
      await drawer.getByTestId('feedback-answer-send').click();
      await eventually(() => drawer.getByTestId('feedback-drawer-status').textContent()).toBe('Đã trả lời');
      await shot(page, 'officer');
    } finally {
      suite.tolerate(null);
      await page.close();
    }
  }, 90_000);

  it('the citizen reads the answer by the code and rates it', async () => {
    const page = await citizen.newPage();
    suite.tolerate(/status of 401/);
    try {
      await page.setViewportSize(PHONE);
      await page.goto('/feedback/track');
      const box = page.getByTestId('feedback-track-code').locator('input');
      await box.fill(code);
      await box.press('Enter');
      const item = page.getByTestId('feedback-item');
      await item.waitFor();
      expect(await page.getByTestId('feedback-status').textContent()).toContain('Đã trả lời');
      expect(await page.getByTestId('feedback-due').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(await page.getByTestId('feedback-answer').textContent()).toContain('thay bóng đèn ngõ 5');
      // The reporter's name never shows on the public page.
      expect(await item.textContent()).not.toContain('Nguyễn Văn An');
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

      await page.getByTestId('feedback-rate').locator('.ant-rate-star').nth(3).click();
      await page.getByTestId('feedback-rate-send').click();
      await eventually(() => page.getByTestId('feedback-rated').textContent()).toContain('4/5');
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'rated');
    } finally {
      suite.tolerate(null);
      await page.close();
    }
  }, 90_000);
});
