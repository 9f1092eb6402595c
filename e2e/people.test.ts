// End-to-end: the register of affected people in a real browser. An HR officer of Hà Nội (created through the
// API by the administrator) imports a small register on the list page, opens a person, records an early
// retirement with its decision, and reads the calculation sheet with its total (figures checked by hand in
// src/people/outcomes/outcomes.benefit.test.ts); the person's page fits a 375 px phone without sideways
// scrolling. The administrator, not HR, sees the same list with the personal fields masked.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests } from './browser.ts';
import { apiCall } from './session.ts';
import { chooseOption } from './antd.ts';
import { browserSuite, SHOTS } from './suite.ts';
import { personCells, registerWorkbook } from '../src/people/people.testing.ts';

const WAIT = 15_000;

/** Types a day into an antd DatePicker (DD/MM/YYYY); leaving the field commits it (Enter would submit the form). */
async function fillDate(page: Page, testId: string, day: string): Promise<void> {
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(day);
  await input.press('Tab');
  await expect.poll(() => input.inputValue(), { timeout: WAIT }).toBe(day);
}

describe.skipIf(skipBrowserTests())('affected people in a real browser', () => {
  const suite = browserSuite(WAIT);
  let hanoi: number;

  beforeAll(async () => {
    const admin = await suite.signedIn('demo-admin', 'demo-admin-2025');
    const req = admin.context.request;
    const country = (await apiCall<{ items: { id: number }[] }>(req, admin.csrf, 'GET', '/api/units/tree')).items[0];
    hanoi = (
      await apiCall<{ items: { id: number; code: string }[] }>(
        req,
        admin.csrf,
        'GET',
        `/api/units/tree?parentId=${country.id}`,
      )
    ).items.find((p) => p.code === '01')!.id;
    await apiCall(req, admin.csrf, 'POST', '/api/users', {
      username: 'hr-hanoi',
      displayName: 'Cán bộ tổ chức Sở Nội vụ Hà Nội',
      password: 'hr-hanoi-2025-secret',
      grants: [{ role: 'hr_officer', unitCode: '01' }],
    });
  });

  it('HR imports a register, records an early retirement and reads the sheet; it fits a phone', async () => {
    const { context } = await suite.signedIn('hr-hanoi', 'hr-hanoi-2025-secret');
    const page = await context.newPage();
    await page.goto(`/people?unitId=${hanoi}`);
    const table = page.getByTestId('people-table');
    await expect.poll(() => table.textContent(), { timeout: WAIT }).toContain('Tổng số: 0 người');
    const buffer = await registerWorkbook([personCells(1), personCells(2, { 'Giới tính (Nam/Nữ)': 'Nữ' })]);
    await page.locator('.ant-upload input[type="file"]').setInputFiles({
      name: 'danh-sach.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await expect.poll(() => table.textContent(), { timeout: WAIT }).toContain('Nguyễn Văn Thử 1');
    expect(await table.textContent()).toContain('Tổng số: 2 người');
    expect(await page.getByTestId('masked').count()).toBe(0);
    expect(await page.getByTestId('people-export').getAttribute('href')).toBe(
      `/api/people/export.xlsx?unitId=${hanoi}`,
    );

    await page.getByTestId('person-link').filter({ hasText: 'Nguyễn Văn Thử 1' }).click();
    await expect.poll(() => page.getByTestId('person-title').textContent(), { timeout: WAIT }).toBe('Nguyễn Văn Thử 1');
    await chooseOption(page, page.getByTestId('outcome-kind'), 'Nghỉ hưu trước tuổi');
    await page.getByTestId('outcome-number').fill('25/QĐ-UBND');
    await fillDate(page, 'outcome-date', '15/07/2025');
    await page.getByTestId('outcome-signer').fill('Chủ tịch UBND thành phố');
    await fillDate(page, 'outcome-leave', '01/08/2025');
    await fillDate(page, 'outcome-reorg', '16/06/2025');
    await page.getByTestId('outcome-submit').click();

    // 0.9 × 60 + 4 × 7 + 9.25 months of 12,121,200 đ (4.98 and 0.2 × 2,340,000), to the đồng
    await expect.poll(() => page.getByTestId('sheet-total').textContent(), { timeout: WAIT }).toBe('1.106.059.500');
    const clauses = await page.getByTestId('sheet-clauses').textContent();
    expect(clauses).toContain('Điều 7 khoản 1 NĐ 178/2024/NĐ-CP');
    expect(clauses).toContain('654.544.800');
    expect(clauses).toContain('339.393.600');
    expect(clauses).toContain('112.121.100');
    expect(await page.getByTestId('person-outcome').textContent()).toContain('Nghỉ hưu trước tuổi');
    expect(await page.getByTestId('sheet-word').getAttribute('href')).toMatch(/\/api\/people\/\d+\/benefit\.docx$/);
    await page.screenshot({ path: path.join(SHOTS, 'people-sheet.png'), fullPage: true });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300); // antd's responsive grid re-renders on resize
    await expect.poll(() => page.getByTestId('sheet-total').textContent(), { timeout: WAIT }).toBe('1.106.059.500');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(SHOTS, 'people-sheet-375.png'), fullPage: true });
  });

  it('the administrator sees the same register with personal fields masked', async () => {
    const { context } = await suite.signedIn('demo-admin', 'demo-admin-2025');
    const page = await context.newPage();
    await page.goto(`/people?unitId=${hanoi}`);
    const table = page.getByTestId('people-table');
    await expect.poll(() => table.textContent(), { timeout: WAIT }).toContain('Tổng số: 2 người');
    expect(await table.textContent()).not.toContain('Nguyễn');
    expect(await page.getByTestId('masked').count()).toBeGreaterThanOrEqual(2);
    expect(await table.textContent()).toContain('1.106.059.500');
  });
});
