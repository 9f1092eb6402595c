// End-to-end: the administration screens (accounts, role grants, API tokens)
// in a real browser, under the server's content security policy (a blocked
// script or style is a console error, which fails the test), the API docs under
// the same policy, and a 9.9 MB evidence file uploaded through the report form.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests } from './browser.ts';
import { apiCall } from './session.ts';
import { chooseOption, OPEN_DROPDOWN } from './antd.ts';
import { browserSuite, SHOTS } from './suite.ts';

const WAIT = 20_000;

function eventually<T>(read: () => Promise<T> | T, timeout = WAIT) {
  return expect.poll(read, { timeout, interval: 100 });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `accounts-${name}.png`), fullPage: true });
}

/** Clicks the OK button of the open confirmation (antd Popconfirm). */
async function confirm(page: Page): Promise<void> {
  const ok = page
    .locator(
      '.ant-popover:not(.ant-popover-hidden) [data-testid="confirm-ok"], .ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary',
    )
    .first();
  await ok.click();
}

const DOCUMENT = `II. NHIỆM VỤ CHỦ YẾU
1. Chuyển đổi số trong cơ quan nhà nước
- Số hóa toàn bộ hồ sơ thủ tục hành chính còn hiệu lực, hoàn thành trong quý IV/2026.
`;

describe.skipIf(skipBrowserTests())('administration screens in a real browser', () => {
  const suite = browserSuite(WAIT);
  let hanoiTaskId = 0;

  beforeAll(async () => {
    const { context, csrf } = await suite.signedIn('demo-admin', 'demo-admin-2025');
    const imported = await apiCall<{ program: { id: number } }>(context.request, csrf, 'POST', '/api/programs/import', {
      program: {
        code: 'CTHD-ACC',
        titleVi: 'Chương trình thử nghiệm minh chứng',
        titleEn: 'Evidence test program',
        issuingBody: 'CHÍNH PHỦ',
        periodStart: '2026-01-01',
        periodEnd: '2030-12-31',
        cadence: 'quarterly',
      },
      text: DOCUMENT,
      language: 'vi',
      effectiveDate: '2026-01-15',
      decisionRef: 'QĐ 2/2026',
    });
    const tasks = await apiCall<{ items: { id: number; code: string }[] }>(
      context.request,
      csrf,
      'GET',
      `/api/programs/${imported.program.id}/tasks?limit=50`,
    );
    const leaf = tasks.items.find((t) => t.code === 'II.1.1')!;
    await apiCall(context.request, csrf, 'POST', `/api/tasks/${leaf.id}/cascade`, {
      target: { kind: 'all_provinces' },
    });
    const all = await apiCall<{ items: { id: number; code: string }[] }>(
      context.request,
      csrf,
      'GET',
      `/api/programs/${imported.program.id}/tasks?limit=500`,
    );
    hanoiTaskId = all.items.find((t) => t.code === 'II.1.1@01')!.id;
  });

  it('an administrator grants a role, takes it away, and switches an account off and on, confirming each', async () => {
    const viewer = await suite.signedIn('demo-viewer', 'demo-viewer-2025');
    const admin = await suite.signedIn('demo-admin', 'demo-admin-2025');
    const page = await admin.context.newPage();
    await page.goto('/units');
    await page.getByTestId('admin-menu').hover();
    await page.getByTestId('nav-admin-users').click();
    await page.getByTestId('users-search').locator('input').fill('demo-viewer');
    const row = page.locator('tr', { hasText: 'demo-viewer' });
    await eventually(() => page.locator('[data-testid="users-table"] tbody tr.ant-table-row').count()).toBe(1);
    expect(await row.getByTestId('user-grant').count()).toBe(1);

    // Grant "province officer" over Huế, picking the unit by name.
    await row.getByTestId('grant-add').click();
    await chooseOption(page, page.getByTestId('grant-role'), 'Cán bộ cấp tỉnh');
    await page.getByTestId('grant-unit').locator('input').fill('Huế');
    await page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`, { hasText: 'Thành phố Huế' }).first().click();
    await page.getByTestId('grant-save').click();
    await eventually(() => row.getByTestId('user-grant').count()).toBe(2);
    await shot(page, 'users-granted');
    const me = await apiCall<{ user: { grants: { role: string }[] } }>(
      viewer.context.request,
      viewer.csrf,
      'GET',
      '/api/auth/me',
    );
    expect(me.user.grants.map((g) => g.role).sort()).toEqual(['province_officer', 'viewer']);

    // Take it away: a confirmation first.
    await row.getByTestId('user-grant').filter({ hasText: 'Huế' }).getByTestId('grant-revoke').click();
    await expect(page.locator('.ant-popover:not(.ant-popover-hidden)').textContent()).resolves.toContain(
      'Thu hồi vai trò Cán bộ cấp tỉnh',
    );
    await confirm(page);
    await eventually(() => row.getByTestId('user-grant').count()).toBe(1);

    // Switch the account off: the viewer's open session ends at once.
    await row.getByTestId('user-deactivate').click();
    await expect(page.locator('.ant-popover:not(.ant-popover-hidden)').textContent()).resolves.toContain(
      'Mọi phiên đăng nhập kết thúc ngay',
    );
    await confirm(page);
    await eventually(() => row.getByTestId('user-reactivate').count()).toBe(1);
    expect((await viewer.context.request.get('/api/auth/me')).status()).toBe(401);
    await shot(page, 'users-deactivated');
    await row.getByTestId('user-reactivate').click();
    await confirm(page);
    await eventually(() => row.getByTestId('user-deactivate').count()).toBe(1);
    const audit = await apiCall<{ items: { action: string }[] }>(
      admin.context.request,
      admin.csrf,
      'GET',
      '/api/audit?actor=demo-admin&pageSize=10',
    );
    expect(audit.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(['grants.create', 'grants.revoke', 'users.deactivate', 'users.reactivate']),
    );
  });

  it('an officer makes a read-only API token, sees it once, uses it, and revokes it', async () => {
    const officer = await suite.signedIn('demo-hanoi', 'demo-hanoi-2025');
    const page = await officer.context.newPage();
    await page.goto('/units');
    await page.getByTestId('current-user').click();
    await page.getByTestId('nav-my-tokens').click();
    await page.getByTestId('token-new').click();
    await page.getByTestId('token-name').fill('Đồng bộ số liệu tỉnh');
    await page.getByTestId('token-days').fill('30');
    await page.getByTestId('token-save').click();
    const value = (await page.getByTestId('token-value').textContent())!.trim();
    expect(value).toMatch(/^apt_/);
    await shot(page, 'token-created');
    await page.getByTestId('token-created-close').click();
    await eventually(() => page.getByTestId('token-status').allTextContents()).toEqual(['Còn hiệu lực']);

    const bearer = { authorization: `Bearer ${value}` };
    const api = officer.context.request;
    expect((await api.get('/api/units/tree', { headers: bearer })).status()).toBe(200);
    expect((await api.post('/api/tokens', { headers: bearer, data: { name: 'x' } })).status()).toBe(403); // read-only, and no token mints tokens

    await page.getByTestId('token-revoke').click();
    await confirm(page);
    await eventually(() => page.getByTestId('token-revoke').count()).toBe(0);
    expect((await api.get('/api/units/tree', { headers: bearer })).status()).toBe(401);
  });

  it('the API documentation works under the content security policy', async () => {
    const admin = await suite.signedIn('demo-admin', 'demo-admin-2025');
    const page = await admin.context.newPage();
    const res = await page.goto('/api/docs');
    expect(res?.status()).toBe(200);
    await page.locator('.swagger-ui .opblock').first().waitFor();
    const home = await page.goto('/');
    expect(home?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('an officer attaches a 9.9 MB scan to a report through the form and downloads it as an attachment', async () => {
    const officer = await suite.signedIn('demo-hanoi', 'demo-hanoi-2025');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'apparatus-e2e-')), 'bien-ban-nghiem-thu.pdf');
    const bytes = crypto.randomBytes(Math.round(9.9 * 1024 * 1024));
    fs.writeFileSync(file, bytes);
    const page = await officer.context.newPage();
    await page.goto(`/program/tasks/${hanoiTaskId}`);
    await page.getByTestId('task-detail').waitFor();
    await page.getByTestId('report-progress').fill('30');
    await chooseOption(page, page.getByTestId('report-status'), 'Đang thực hiện');
    await page.locator('.ant-upload input[type="file"]').setInputFiles(file);
    await page.getByTestId('report-submit').click();
    const link = page.getByTestId('report-list').getByRole('link', { name: 'bien-ban-nghiem-thu.pdf' });
    await link.waitFor({ timeout: 60_000 });
    const download = await officer.context.request.get((await link.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers()['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(await download.body(), bytes)).toBe(0);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
