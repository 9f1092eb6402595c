// End-to-end: one commune's handover in a real browser, from its inventory to signed minutes (issue 11).
// The service opens the handovers of 1 July 2025 in the set-up, as the central `handover open` would;
// an officer of a commune that ended then (merged whole into Phường Ba Đình) draws up the inventory,
// removes a line entered by mistake and submits; the Ba Đình officer counts line by line and sees the
// outstanding lines the server computes; both sides sign the minutes they downloaded; and anyone can
// check the file on the public page, without signing in, while an altered copy is not recognised.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests } from './browser.ts';
import { browserSuite, SHOTS } from './suite.ts';
import { chooseOption } from './antd.ts';
import { query, sql } from './coherence.ts';
import { openHandovers } from '../src/handover/open/open.service.ts';
import { createUser } from '../src/accounts/accounts.service.ts';
import { systemContext } from '../src/platform/context.ts';
import type { Db } from '../src/platform/db/db.ts';

const WAIT = 20_000;
const OLD_OFFICER: [string, string] = ['e2e-xa-cu', 'e2e-xa-cu-2025-mat-khau'];

/** Clicks the OK button of the open confirmation (antd Popconfirm). */
async function confirm(page: Page) {
  await page.locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary').first().click();
}
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `handover-${name}.png`), fullPage: true });

describe.skipIf(skipBrowserTests())('a commune handed over in a real browser', () => {
  let commune: { handoverId: number; unitId: number; name: string };
  const suite = browserSuite(WAIT, {
    seed: async (db: Db) => {
      await openHandovers(db, systemContext('e2e'), '2025-07-01');
      // A commune whose only receiver is Phường Ba Đình (00004), where demo-badinh works.
      const [c] = await query(
        db,
        sql<{ handover_id: number; unit_id: number; name: string }>`
          select h.id as handover_id, h.from_unit_id as unit_id, u.full_name as name
            from handovers h join units u on u.id = h.from_unit_id
           where h.level = 3
             and (select count(*) from handover_receivers r where r.handover_id = h.id) = 1
             and exists (select 1 from handover_receivers r join units n on n.id = r.unit_id
                          where r.handover_id = h.id and n.code = '00004' and n.valid_to is null)
           order by u.code limit 1`,
      );
      commune = { handoverId: c.handover_id, unitId: c.unit_id, name: c.name };
      // The ended commune's own officer: the handing-over side.
      await createUser(db, systemContext('e2e'), {
        username: OLD_OFFICER[0],
        displayName: 'Cán bộ xã cũ',
        password: OLD_OFFICER[1],
        grants: [{ role: 'commune_officer', unitId: c.unit_id }],
      });
    },
  });

  beforeAll(() => {
    expect(commune?.handoverId, 'a commune merged whole into Phường Ba Đình').toBeGreaterThan(0);
  });

  it('goes from inventory to signed minutes, and the public page recognises the signed file', async () => {
    // ---- the handing-over side: find the handover by name, draw up the inventory, submit.
    const from = (await suite.signedIn(...OLD_OFFICER)).context;
    const page = await from.newPage();
    const short = commune.name.replace(/^(Phường|Xã|Thị trấn) /, '');
    await page.goto(`/handovers?level=3&q=${encodeURIComponent(short)}`);
    const link = page.getByTestId('handover-link').filter({ hasText: commune.name });
    await link.first().waitFor();
    // The filters are in the URL: the level select shows "Cấp xã" after a reload of the link.
    expect(await page.getByTestId('handover-level').textContent()).toContain('Cấp xã');
    await link.first().click();
    await page.getByTestId('handover-detail').waitFor();
    expect(await page.getByTestId('handover-state').textContent()).toBe('Đang lập danh mục');
    expect(await page.getByTestId('handover-receivers').textContent()).toContain('Phường Ba Đình');
    expect(await page.getByTestId('handover-detail').textContent()).toContain('01/07/2025');

    const addLine = async (kind: string, fill: () => Promise<void>) => {
      await page.getByTestId('add-line').click();
      await chooseOption(page, page.getByTestId('line-kind'), kind);
      await fill();
      await page.getByTestId('line-submit').click();
      await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    };
    await addLine('Hồ sơ, tài liệu', async () => {
      await page.getByTestId('line-title').fill('Hồ sơ địa chính thửa đất số 12');
      await page.locator('[data-testid="line-pages"] input, input[data-testid="line-pages"]').first().fill('120');
      await page
        .locator('[data-testid="line-pages-digitised"] input, input[data-testid="line-pages-digitised"]')
        .first()
        .fill('40');
    });
    await addLine('Tài khoản', async () => {
      await page.getByTestId('line-title').fill('Tài khoản tiền gửi tại Kho bạc');
      await page.getByTestId('line-account-number').fill('9523.1.1234567');
      await page.getByTestId('line-balance').fill('1234567890');
    });
    await addLine('Con dấu, chữ ký số', async () => {
      await page.getByTestId('line-title').fill('Dấu nhập nhầm');
      await page.getByTestId('line-identifier').fill('NHAM-1');
    });
    const lines = page.getByTestId('handover-lines');
    await expect.poll(() => lines.textContent(), { timeout: WAIT }).toContain('Hồ sơ địa chính thửa đất số 12');
    expect(await lines.textContent()).toContain('120 trang, đã số hóa 40');
    await page.getByRole('tab', { name: /Tài khoản/ }).click();
    await expect.poll(() => lines.textContent(), { timeout: WAIT }).toContain('1.234.567.890 ₫');
    await page.getByRole('tab', { name: /Con dấu/ }).click();
    await page.locator('[data-testid^="remove-"]:visible').first().click();
    await confirm(page);
    await expect
      .poll(() => page.getByRole('tab', { name: /Con dấu/ }).textContent(), { timeout: WAIT })
      .toContain('(0)');
    await shot(page, 'inventory');
    await page.getByTestId('submit-handover').click();
    expect(await page.locator('.ant-popover:not(.ant-popover-hidden)').textContent()).toContain('Gửi danh mục 2 dòng');
    await confirm(page);
    await expect
      .poll(() => page.getByTestId('handover-state').textContent(), { timeout: WAIT })
      .toBe('Đã gửi, chờ kiểm đếm');

    // ---- the receiving side: count each line; the outstanding count is the server's.
    const to = (await suite.signedIn('demo-badinh', 'demo-badinh-2025')).context;
    const recv = await to.newPage();
    await recv.goto(`/handovers/${commune.handoverId}`);
    await recv.getByTestId('handover-detail').waitFor();
    const outstanding = () => recv.getByTestId('handover-outstanding').textContent();
    expect(await outstanding()).toMatch(/^2 — 2 dòng: 2 chưa kiểm đếm/);
    await chooseOption(recv, recv.locator('[data-testid^="count-"]:visible').first(), 'Đã nhận');
    await expect.poll(outstanding, { timeout: WAIT }).toMatch(/^1 — 2 dòng: 1 chưa kiểm đếm/);
    await recv.getByRole('tab', { name: /Tài khoản/ }).click();
    await chooseOption(recv, recv.locator('[data-testid^="count-"]:visible').first(), 'Thiếu');
    await expect.poll(outstanding, { timeout: WAIT }).toMatch(/^1 — 2 dòng: 0 chưa kiểm đếm, 1 thiếu/);
    await expect.poll(() => recv.getByTestId('handover-state').textContent(), { timeout: WAIT }).toBe('Đã kiểm đếm');

    // ---- the minutes: drawn up, then signed by each side on the file it downloaded.
    await recv.getByTestId('make-minutes').click();
    await recv.getByTestId('minutes-number').waitFor();
    await recv.getByTestId('sign-to').click();
    await confirm(recv);
    await recv.getByTestId('signed-to').waitFor();
    await page.reload();
    await page.getByTestId('sign-from').click();
    await confirm(page);
    await page.getByTestId('signed-from').waitFor();
    await expect.poll(() => page.getByTestId('handover-state').textContent(), { timeout: WAIT }).toBe('Đã ký biên bản');
    await shot(page, 'signed');
    const href = await page.getByTestId('minutes-download').getAttribute('href');
    const file = await from.request.get(href!);
    expect(file.status()).toBe(200);
    const docx = await file.body();

    // ---- anyone: the public page recognises the signed file, and not an altered copy.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-e2e-'));
    const signed = path.join(dir, 'bien-ban.docx');
    const altered = path.join(dir, 'bien-ban-sua.docx');
    fs.writeFileSync(signed, docx);
    fs.writeFileSync(altered, Buffer.concat([docx, Buffer.from(' ')]));
    const citizen = (await suite.signedIn('demo-viewer', 'demo-viewer-2025')).context;
    await citizen.clearCookies();
    const pub = await citizen.newPage();
    suite.tolerate(/status of 401/); // the public page asks who is signed in
    try {
      await pub.goto('/handovers/verify');
      await pub.locator('input[type="file"]').setInputFiles(signed);
      const result = pub.getByTestId('verify-result');
      await expect.poll(() => result.textContent(), { timeout: WAIT }).toContain(`của ${commune.name}`);
      expect(await result.textContent()).toContain('Đã được cả bên giao và bên nhận ký.');
      expect(await result.textContent()).toContain('Danh mục bàn giao vẫn đúng như lúc lập biên bản.');
      await shot(pub, 'verify');
      await pub.locator('input[type="file"]').setInputFiles(altered);
      await expect.poll(() => result.textContent(), { timeout: WAIT }).toContain('không phải biên bản bàn giao');
    } finally {
      suite.tolerate(null);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
