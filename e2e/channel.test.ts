// The citizens' public channel on a 375 px phone, without signing in: a citizen opens the open consultation,
// votes on each section and overall, comments, chooses the commune of residence with the registry's lookup,
// gives an e-mail, receives the confirmation code by e-mail (caught by a local SMTP server the test runs, as
// the real server would send it), confirms it and sees the results counted with their vote and the drafting
// body's answer; then the satisfaction index with its small-sample mark. The page never scrolls sideways.
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { skipBrowserTests } from './browser.ts';
import { browserSuite, SHOTS } from './suite.ts';
import { chooseOption } from './antd.ts';
import { BA_DINH, CONSULTATION_TITLE, seedChannel } from './channel.seed.ts';
import type { Config } from '../src/platform/config.ts';

const WAIT = 20_000;
const PHONE = { width: 375, height: 812 };

/** The text of a one-part message, whichever transfer encoding nodemailer chose for it. */
function bodyText(raw: string): string {
  const cut = raw.indexOf('\r\n\r\n');
  const [head, body] = [raw.slice(0, cut), raw.slice(cut + 4)];
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

describe.skipIf(skipBrowserTests())('a citizen takes part in a consultation from a phone', () => {
  const mails: { to: string[]; text: string }[] = [];
  const catcher = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'], // a plain local catcher: no certificate to trust
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('latin1');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text: bodyText(raw) });
        callback();
      });
    },
  });
  // Filled before the server starts: this hook is registered before the suite's.
  const config: Partial<Config> = { mailFrom: 'Apparatus <no-reply@localhost>' };
  beforeAll(async () => {
    await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
    config.smtpUrl = `smtp://127.0.0.1:${(catcher.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => catcher.close(() => resolve()));
  });
  const suite = browserSuite(WAIT, { seed: seedChannel, config });
  let context: BrowserContext;

  beforeAll(async () => {
    // A context like a signed-in one (errors reported), then signed out: the pages as a citizen sees them.
    context = (await suite.signedIn('demo-badinh', 'demo-badinh-2025')).context;
    await context.clearCookies();
  });

  async function noSidewaysScroll(page: Page, what: string) {
    const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
    const shot = path.join(SHOTS, `channel-${what}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect(width, `${what} is ${width} px wide on a ${PHONE.width} px phone (see ${shot})`).toBeLessThanOrEqual(
      PHONE.width,
    );
  }

  it('opens the consultation, votes, confirms with the e-mailed code and sees the results', async () => {
    const page = await context.newPage();
    suite.tolerate(/status of 401/); // the header asks who is signed in
    try {
      await page.setViewportSize(PHONE);
      await page.goto('/');
      await page.getByRole('link', { name: 'Lấy ý kiến' }).first().click();
      const card = page.getByTestId('consultation-card').filter({ hasText: CONSULTATION_TITLE });
      await card.getByRole('button', { name: 'Xem và góp ý' }).click();
      await expect.poll(() => page.getByTestId('consultation-title').textContent()).toBe(CONSULTATION_TITLE);
      // Before this citizen: two confirmed participants, one agreeing overall.
      await expect.poll(() => page.getByTestId('results-participants').textContent()).toContain('2 người tham gia');
      await noSidewaysScroll(page, 'consultation');

      await page.getByTestId('vote-1').getByText('Đồng ý', { exact: true }).click();
      await page.getByTestId('vote-2').getByText('Không đồng ý', { exact: true }).click();
      await page.getByTestId('comment-2').fill('Nên giữ trụ sở cũ của phường Ba Đình, gần dân hơn.');
      await page.getByTestId('vote-overall').getByText('Đồng ý', { exact: true }).click();
      // The commune as the lookup names it: the same label the page builds (full name, province).
      const found = (await (
        await context.request.get(`/api/public/lookup?q=${encodeURIComponent(BA_DINH.search)}&limit=20`)
      ).json()) as {
        items: { current: boolean; unit: { code: string; fullName: string; provinceName: string | null } }[];
      };
      const baDinh = found.items.find((r) => r.current && r.unit.code === BA_DINH.code)!.unit;
      await chooseOption(
        page,
        page.getByTestId('residence'),
        `${baDinh.fullName}, ${baDinh.provinceName}`,
        BA_DINH.search,
      );
      await page.getByTestId('email').fill('cong.dan@example.vn');
      await page.getByTestId('send').click();
      await page.getByTestId('confirm-step').waitFor();
      await noSidewaysScroll(page, 'confirm');

      await expect.poll(() => mails.length, { timeout: WAIT }).toBe(1);
      expect(mails[0].to).toEqual(['cong.dan@example.vn']);
      const code = /Your confirmation code \(consultation \d+\): ([A-Za-z0-9_-]+)/.exec(mails[0].text)?.[1];
      expect(code, mails[0].text).toBeTruthy();
      await page.getByTestId('code').fill(code!);
      await page.getByTestId('confirm').click();
      await page.getByTestId('confirmed').waitFor();

      // Counted: 3 participants, overall 2 agree of 3 (66,67% on screen, counts beside it); section 2: 2 of 3.
      await expect.poll(() => page.getByTestId('results-participants').textContent()).toContain('3 người tham gia');
      const overall = page.getByTestId('results-overall');
      expect(await overall.textContent()).toContain('66,67%');
      expect(await overall.textContent()).toContain('2 đồng ý · 1 không đồng ý');
      const sections = page.getByTestId('results-section');
      expect(await sections.nth(1).textContent()).toContain('2 đồng ý · 1 không đồng ý');
      const hanoi = page.getByTestId('results-provinces').locator('.ant-table-row').filter({ hasText: 'Hà Nội' });
      expect(await hanoi.textContent()).toContain('100%');
      expect(await page.getByTestId('answer').first().textContent()).toContain('bãi đỗ xe');
      await noSidewaysScroll(page, 'results');
    } finally {
      suite.tolerate(null);
      await page.close();
    }
  }, 90_000);

  it('sees the satisfaction index with its sample size and the small-sample mark', async () => {
    const page = await context.newPage();
    suite.tolerate(/status of 401/);
    try {
      await page.setViewportSize(PHONE);
      await page.goto('/satisfaction');
      const total = page.getByTestId('satisfaction-total');
      // 5 questionnaires: components 60%, 60%, 100%, 100%, 60% → 76%; 5 < 30 is a small sample.
      await expect.poll(() => total.textContent()).toContain('76%');
      expect(await total.textContent()).toContain('Cỡ mẫu: 5 phiếu');
      await total.getByTestId('small-sample').waitFor();
      await page.getByTestId('satisfaction-series').locator('canvas').waitFor();
      await chooseOption(page, page.getByTestId('satisfaction-period'), '2026-Q1');
      // Q1: three questionnaires, components 2/3, 2/3, 3/3, 3/3, 2/3 → mean 80%.
      await expect.poll(() => total.textContent()).toContain('Cỡ mẫu: 3 phiếu');
      expect(await total.textContent()).toContain('80%');
      await page.keyboard.press('Escape'); // the period list closed, as a person leaves it
      await noSidewaysScroll(page, 'satisfaction');
    } finally {
      suite.tolerate(null);
      await page.close();
    }
  }, 60_000);
});
