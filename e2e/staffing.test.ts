// End-to-end: staffing quotas in a real browser. The period and the quotas of
// the country and of Hà Nội are set through the API as a central admin would;
// then the Hà Nội officer opens the staffing page, allocates to a commune, is
// refused with a clear message when asking for more than the city has left,
// and sees the city's table update.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from './browser.ts';
import { apiCall } from './session.ts';
import { chooseOption } from './antd.ts';
import { browserSuite, SHOTS } from './suite.ts';

const WAIT = 15_000;
const P = '2022-2026';

describe.skipIf(skipBrowserTests())('staffing quotas in a real browser', () => {
  const suite = browserSuite(WAIT);
  const signedIn = suite.signedIn;
  const call = apiCall;

  beforeAll(async () => {
    const admin = await signedIn('demo-central', 'demo-central-2025');
    const req = admin.context.request;
    await call(req, admin.csrf, 'POST', '/api/staffing/periods', {
      code: P,
      name: 'Thời kỳ 2022–2026',
      startDate: '2022-01-01',
      endDate: '2027-01-01',
    });
    const country = (await call<{ items: { id: number }[] }>(req, admin.csrf, 'GET', '/api/units/tree')).items[0];
    const provinces = (
      await call<{ items: { id: number; code: string }[] }>(
        req,
        admin.csrf,
        'GET',
        `/api/units/tree?parentId=${country.id}`,
      )
    ).items;
    await call(req, admin.csrf, 'POST', '/api/staffing/allocations', {
      period: P,
      category: 'commune_cadre',
      unitId: country.id,
      quota: 205_571,
    });
    await call(req, admin.csrf, 'POST', '/api/staffing/allocations', {
      period: P,
      category: 'commune_cadre',
      unitId: provinces.find((p) => p.code === '01')!.id,
      quota: 100,
      reserve: 10,
    });
  });

  it("a Hà Nội officer allocates to a commune, is refused past the city's quota, and the city table updates", async () => {
    const { context } = await signedIn('demo-hanoi', 'demo-hanoi-2025');
    const page = await context.newPage();
    await page.goto('/staffing');
    const rollup = page.getByTestId('staffing-rollup');
    // The officer starts at the city: the other provinces' figures and the national map are not theirs to read.
    await expect
      .poll(() => page.getByTestId('staffing-node-summary').textContent(), { timeout: WAIT })
      .toContain('Thành phố Hà Nội: Được giao 100');
    expect(await page.getByRole('tab', { name: 'Tỷ lệ biên chế đã dùng theo tỉnh' }).count()).toBe(0);

    const allocateTo = async (commune: string, quota: number) => {
      await chooseOption(page, page.getByTestId('allocate-unit'), commune, commune);
      // antd puts the test id on the input itself or on its wrapper, depending on the version.
      await page
        .locator('input[data-testid="allocate-quota"], [data-testid="allocate-quota"] input')
        .first()
        .fill(String(quota));
      await page.getByTestId('allocate-submit').click();
    };

    await allocateTo('Phường Ba Đình', 60);
    await expect
      .poll(() => page.getByTestId('allocate-ok').textContent(), { timeout: WAIT })
      .toContain('Đã giao 60 cho Phường Ba Đình; cấp trên còn 30');
    await expect.poll(() => rollup.textContent(), { timeout: WAIT }).toContain('Phường Ba Đình');
    await expect
      .poll(() => page.getByTestId('staffing-node-summary').textContent(), { timeout: WAIT })
      .toContain('Đã giao xuống 60');

    await allocateTo('Phường Hoàn Kiếm', 31);
    const refusal = page.getByTestId('allocate-refusal');
    await expect
      .poll(() => refusal.textContent(), { timeout: WAIT })
      .toContain('Vượt biên chế được giao của Thành phố Hà Nội (cán bộ, công chức cấp xã) 1 chỉ tiêu');
    expect(await refusal.textContent()).toContain('còn lại 30, đề nghị 31');
    await page.screenshot({ path: path.join(SHOTS, 'staffing-refusal.png'), fullPage: true });
    // Nothing changed: the city still shows 60 given out, and Hoàn Kiếm has no row.
    expect(await page.getByTestId('staffing-node-summary').textContent()).toContain('Đã giao xuống 60');
    expect(await rollup.textContent()).not.toContain('Hoàn Kiếm');

    await page.getByRole('tab', { name: 'Cắt giảm 2026–2031' }).click();
    await expect
      .poll(() => page.getByTestId('staffing-reductions').textContent(), { timeout: WAIT })
      .toContain('Tỉnh Tuyên Quang');

    // The 2025 commune norm for Hà Nội, next to what was just allocated: Ba Đình's current 60 is shown beside its proposal.
    await page.getByRole('tab', { name: 'Định mức cấp xã 2025' }).click();
    await chooseOption(page, page.getByTestId('norms-province'), 'Thành phố Hà Nội', 'Hà Nội');
    const row = page.getByTestId('norms-table').locator('tr', { hasText: 'Phường Ba Đình' });
    await expect.poll(() => row.textContent(), { timeout: WAIT }).toMatch(/Phường Ba Đình\d+60/);
  });

  it("a central officer sees a province's streamlining target and its headcounts against the planned path", async () => {
    const admin = await signedIn('demo-central', 'demo-central-2025');
    const req = admin.context.request;
    const country = (await call<{ items: { id: number }[] }>(req, admin.csrf, 'GET', '/api/units/tree')).items[0];
    const hanoi = (
      await call<{ items: { id: number; code: string }[] }>(
        req,
        admin.csrf,
        'GET',
        `/api/units/tree?parentId=${country.id}`,
      )
    ).items.find((p) => p.code === '01')!;
    // 100 present at the period start, 95 two years later; a 10% cut by the end of 2026 plans 96 on 2024-01-01: on track.
    await call(req, admin.csrf, 'POST', '/api/staffing/present', {
      period: P,
      category: 'commune_cadre',
      unitId: hanoi.id,
      asOf: '2022-01-01',
      present: 100,
    });
    await call(req, admin.csrf, 'POST', '/api/staffing/present', {
      period: P,
      category: 'commune_cadre',
      unitId: hanoi.id,
      asOf: '2024-01-01',
      present: 95,
    });
    await call(req, admin.csrf, 'POST', '/api/staffing/targets', {
      period: P,
      category: 'commune_cadre',
      unitId: hanoi.id,
      share: 10,
      basis: 'Kế hoạch tinh giản (thử)',
    });

    const page = await admin.context.newPage();
    await page.goto('/staffing');
    await page.getByRole('tab', { name: 'Tỷ lệ biên chế đã dùng theo tỉnh' }).click();
    await page.getByTestId('staffing-map').locator('canvas').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'staffing-map.png') });
    await page.getByRole('tab', { name: 'Mục tiêu tinh giản' }).click();
    const targets = page.getByTestId('staffing-targets');
    await expect.poll(() => targets.textContent(), { timeout: WAIT }).toContain('Thành phố Hà Nội');
    await targets.locator('tr', { hasText: 'Thành phố Hà Nội' }).click();
    const points = page.getByTestId('staffing-target-points');
    await expect.poll(() => points.locator('tbody tr.ant-table-row').count(), { timeout: WAIT }).toBe(2);
    expect(await points.textContent()).toContain('95');
    await page.locator('canvas:visible').first().waitFor(); // the target's chart (the map's canvas stays in its hidden tab)
    await page.screenshot({ path: path.join(SHOTS, 'staffing-targets.png'), fullPage: true });
  });
});
