// End-to-end: the action-program dashboard updates live, with official figures.
// A manager watches the national dashboard in one browser context; an officer of
// Hà Nội, in another, reports that the city's part of a task is done (a 150% typo
// is refused on the field, not clamped). The report is "reported", not official:
// the dashboard keeps its counts and the task shows both figures. The manager
// accepts it from the review queue, and the dashboard, never reloaded, shows the
// new rating counts through server-sent events.
// The program is seeded through the HTTP API (import, cascade) like an admin would,
// so its numbers are known (the full demo program takes too long to load here).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests } from './browser.ts';
import { apiCall } from './session.ts';
import { chooseOption } from './antd.ts';
import { browserSuite, SHOTS } from './suite.ts';

const WAIT = 15_000;
const RATINGS = ['green', 'amber_green', 'amber', 'amber_red', 'red'] as const;
type Rating = (typeof RATINGS)[number];

// A Vietnamese program document in the official layout; the parser reads the deadlines.
const DOCUMENT = `I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa Nghị quyết thành các nhiệm vụ, có thời hạn và cơ quan chủ trì.
II. NHIỆM VỤ CHỦ YẾU
1. Chuyển đổi số trong cơ quan nhà nước
a) Số hóa hồ sơ
- Số hóa toàn bộ hồ sơ thủ tục hành chính còn hiệu lực, hoàn thành trong quý IV/2026.
- Kết nối cơ sở dữ liệu dân cư với hệ thống một cửa, hoàn thành trong tháng 6/2027.
2. Sắp xếp tổ chức bộ máy
- Ban hành quy chế làm việc của chính quyền địa phương hai cấp, hoàn thành trong năm 2026.
- Xây dựng đề án vị trí việc làm giai đoạn 2026 - 2030.
`;

function eventually<T>(read: () => Promise<T> | T, timeout = WAIT) {
  return expect.poll(read, { timeout, interval: 100 });
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `program-${name}.png`), fullPage });
}

interface Summary {
  total: number;
  byRating: Record<Rating | 'unrated', number>;
}
/** The five levels only (the API also counts 'unrated' cancelled and suspended tasks, which have no card). */
const five = (byRating: Summary['byRating']) =>
  Object.fromEntries(RATINGS.map((r) => [r, byRating[r]])) as Record<Rating, number>;

describe.skipIf(skipBrowserTests())('action program: a live dashboard in a real browser', () => {
  const suite = browserSuite(WAIT);
  const signedIn = suite.signedIn;
  let programId: number;
  let hanoiTaskId: number;
  let hanoiSecondTaskId: number;

  const call = apiCall;

  /** The rating counts shown on the dashboard, as numbers. */
  async function shownRatings(page: Page): Promise<Record<Rating, number>> {
    const out = {} as Record<Rating, number>;
    for (const r of RATINGS) out[r] = Number(await page.getByTestId(`rating-${r}`).textContent());
    return out;
  }

  beforeAll(async () => {
    // The administrator imports the program and assigns two tasks to every province.
    const { context, csrf } = await signedIn('demo-admin', 'demo-admin-2025');
    const imported = await call<{ program: { id: number } }>(context.request, csrf, 'POST', '/api/programs/import', {
      program: {
        code: 'CTHD-E2E',
        titleVi: 'Chương trình hành động thực hiện Nghị quyết (thử nghiệm)',
        titleEn: 'Action program (test)',
        issuingBody: 'CHÍNH PHỦ',
        periodStart: '2026-01-01',
        periodEnd: '2030-12-31',
        cadence: 'quarterly',
      },
      text: DOCUMENT,
      language: 'vi',
      effectiveDate: '2026-01-15',
      decisionRef: 'QĐ 1/2026',
    });
    programId = imported.program.id;
    const tasks = await call<{ items: { id: number; code: string }[] }>(
      context.request,
      csrf,
      'GET',
      `/api/programs/${programId}/tasks?limit=500`,
    );
    const byCode = new Map(tasks.items.map((t) => [t.code, t.id]));
    for (const code of ['II.1.a.1', 'II.2.1']) {
      await call(context.request, csrf, 'POST', `/api/tasks/${byCode.get(code)}/cascade`, {
        target: { kind: 'all_provinces' },
      });
    }
    const all = await call<{ items: { id: number; code: string }[] }>(
      context.request,
      csrf,
      'GET',
      `/api/programs/${programId}/tasks?limit=500`,
    );
    hanoiTaskId = all.items.find((t) => t.code === 'II.1.a.1@01')!.id;
    hanoiSecondTaskId = all.items.find((t) => t.code === 'II.2.1@01')!.id;
  });

  it("an officer's report changes the rating counts on a dashboard open in another browser, without a reload", async () => {
    const manager = await signedIn('demo-central', 'demo-central-2025');
    const officer = await signedIn('demo-hanoi', 'demo-hanoi-2025');
    const before = await call<Summary>(
      manager.context.request,
      manager.csrf,
      'GET',
      `/api/programs/${programId}/dashboard`,
    );
    const taskBefore = await call<{ rating: Rating; status: string }>(
      officer.context.request,
      officer.csrf,
      'GET',
      `/api/tasks/${hanoiTaskId}`,
    );
    expect(taskBefore.rating).not.toBe('green'); // no funding source at least: never green while unfinished

    // (1) The manager's dashboard, with the real numbers and a live stream.
    const dash = await manager.context.newPage();
    await dash.goto(`/program?program=${programId}`);
    await dash.getByTestId('program-dashboard').waitFor();
    await eventually(() => dash.getByTestId('live-indicator').getAttribute('data-status')).toBe('live');
    await eventually(() => shownRatings(dash)).toEqual(five(before.byRating));
    expect(RATINGS.reduce((s, r) => s + before.byRating[r], 0)).toBe(before.total); // 4 central + 2 × 34 province tasks, all rated
    expect(before.total).toBe(4 + 2 * 34);
    await dash.getByTestId('risk-map').and(dash.locator('[data-rendered="true"]')).waitFor();
    await dash.getByTestId('heatmap').waitFor();
    await dash.getByTestId('atrisk-list').waitFor();
    await dash.evaluate(() => {
      (globalThis as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await shot(dash, 'dashboard-before');

    // (2) The officer of Hà Nội reports that the city's part is done; a slip of the finger (150%) is refused on the field.
    const page = await officer.context.newPage();
    await page.goto(`/program/tasks/${hanoiTaskId}`);
    await page.getByTestId('task-detail').waitFor();
    expect(await page.getByTestId('task-rating').getAttribute('data-rating')).toBe(taskBefore.rating);
    await page.getByTestId('report-progress').fill('150');
    await chooseOption(page, page.getByTestId('report-status'), 'Hoàn thành');
    await page
      .getByTestId('report-narrative')
      .fill('Đã số hóa 100% hồ sơ thủ tục hành chính còn hiệu lực của thành phố.');
    await page.getByTestId('report-submit').click();
    const fieldError = page.getByTestId('report-form').locator('.ant-form-item-explain-error').first();
    await eventually(() => fieldError.textContent()).toContain('từ 0 đến 100');
    expect(await page.getByTestId('report-progress').inputValue(), 'the figure typed is kept, not clamped to 100').toBe(
      '150',
    );
    await page.getByTestId('report-progress').fill('100');
    await shot(page, 'task-report-form');
    const tickBefore = Number(await dash.getByTestId('live-indicator').getAttribute('data-tick'));
    await page.getByTestId('report-submit').click();

    // Sent, the report is "reported": the task shows it beside the official figure, and the dashboard keeps its counts.
    await eventually(() => page.getByTestId('reported-progress').first().textContent()).toContain(
      'Báo cáo 100%, chờ duyệt',
    );
    expect(await page.getByTestId('official-progress').first().textContent()).toContain('Chính thức 0%');
    expect(await page.getByTestId('task-rating').getAttribute('data-rating')).toBe(taskBefore.rating);
    expect(await page.getByTestId('report-accept').count(), 'nobody reviews their own report').toBe(0);
    await page.getByTestId('report-list').getByText('Đã số hóa 100%').waitFor();
    await eventually(async () =>
      Number(await dash.getByTestId('live-indicator').getAttribute('data-tick')),
    ).toBeGreaterThan(tickBefore);
    expect(await shownRatings(dash), 'a report awaiting review moves no national count').toEqual(five(before.byRating));
    await shot(page, 'task-after-report');

    // (3) The manager accepts it from the review queue (the country reviews the provinces' reports).
    const queue = await manager.context.newPage();
    await queue.goto('/program/reviews');
    // The queue shows the program's code; the cascaded copy's stored code is the tooltip.
    const row = queue.getByTestId('queue-table').locator('tr', { has: queue.locator('[title="II.1.a.1@01"]') });
    await row.waitFor();
    expect(await row.getByTestId('queue-official').textContent()).toContain('0%');
    await shot(queue, 'review-queue');
    const expected = {
      ...five(before.byRating),
      [taskBefore.rating]: before.byRating[taskBefore.rating] - 1,
      green: before.byRating.green + 1,
    };
    const submitted = Date.now();
    await row.getByTestId('queue-accept').click();

    // (1) again: the same page, not reloaded, shows the new numbers.
    await eventually(() => shownRatings(dash)).toEqual(expected);
    const seenAfterMs = Date.now() - submitted;
    await eventually(() => page.getByTestId('task-rating').getAttribute('data-rating')).toBe('green');
    await eventually(() => page.getByTestId('official-progress').first().textContent()).toContain('Chính thức 100%');
    expect(await page.getByTestId('reported-progress').count()).toBe(0);
    expect(await dash.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const after = await call<Summary>(
      manager.context.request,
      manager.csrf,
      'GET',
      `/api/programs/${programId}/dashboard`,
    );
    expect(five(after.byRating)).toEqual(expected); // the numbers on screen are the server's
    expect(Number(await dash.getByTestId('status-done').textContent())).toBe(1);
    console.info(`program e2e: dashboard updated ${seenAfterMs} ms after the report was accepted`);
    await shot(dash, 'dashboard-after');
  });

  it("a stale edit of a report gets the server's 409 message and keeps what the officer typed", async () => {
    const officer = await signedIn('demo-hanoi', 'demo-hanoi-2025');
    // A report still awaiting review (an accepted one cannot be edited).
    const report = await call<{ id: number; version: number }>(
      officer.context.request,
      officer.csrf,
      'POST',
      `/api/tasks/${hanoiSecondTaskId}/reports`,
      { progress: 20, status: 'in_progress', narrative: 'Bản đầu' },
    );
    const page = await officer.context.newPage();
    await page.goto(`/program/tasks/${hanoiSecondTaskId}`);
    await page.getByTestId('report-list').getByRole('button', { name: 'Sửa' }).first().click();
    const mine = 'Bổ sung: đã kết nối với Cổng dịch vụ công quốc gia.';
    await page.getByTestId('report-obstacles').fill(mine);
    // Meanwhile a colleague edits the same report.
    await call(officer.context.request, officer.csrf, 'PATCH', `/api/reports/${report.id}`, {
      version: report.version,
      narrative: 'Sửa bởi đồng nghiệp',
    });
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-conflict').waitFor();
    expect(await page.getByTestId('report-conflict').textContent()).toContain(
      'Báo cáo đã được người khác sửa hoặc xét duyệt',
    );
    expect(await page.getByTestId('report-obstacles').inputValue()).toBe(mine);
    await shot(page, 'report-conflict');
  });

  it('the dashboard drills down from the nation to a province and switches to English', async () => {
    const manager = await signedIn('demo-central', 'demo-central-2025');
    const national = await call<Summary & { children: { unitId: number; code: string; total: number }[] }>(
      manager.context.request,
      manager.csrf,
      'GET',
      `/api/programs/${programId}/dashboard`,
    );
    const page = await manager.context.newPage();
    await page.goto(`/program?program=${programId}`);
    await eventually(() => shownRatings(page)).toEqual(five(national.byRating));
    await page.getByTestId('risk-map').and(page.locator('[data-rendered="true"]')).waitFor();
    // The "my tasks" list shows each row's code, title and unit as the API gives them (camelCase).
    const mine = await call<{
      items: {
        taskId: number;
        taskCode: string;
        title: { vi: string | null };
        unitName: string;
        dueDate: string | null;
      }[];
    }>(manager.context.request, manager.csrf, 'GET', `/api/programs/${programId}/my-tasks?limit=10`);
    expect(mine.items.length).toBeGreaterThan(0);
    const first = mine.items[0];
    expect(first.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const link = page.getByTestId('my-tasks').locator(`a[href="/program/tasks/${first.taskId}"]`);
    await eventually(() => link.textContent()).toBe(`${first.taskCode} ${first.title.vi}`);
    expect(await page.getByTestId('my-tasks').textContent()).toContain(first.unitName);
    await shot(page, 'national');

    const hanoi = national.children.find((c) => c.code === '01')!;
    const province = await call<Summary>(
      manager.context.request,
      manager.csrf,
      'GET',
      `/api/programs/${programId}/dashboard?unitId=${hanoi.unitId}`,
    );
    await page.getByTestId('drill-01').click();
    await eventually(() => page.getByTestId('program-dashboard').getAttribute('data-unit')).toBe(String(hanoi.unitId));
    await eventually(() => page.getByTestId('unit-breadcrumb').textContent()).toContain('Hà Nội');
    await eventually(() => shownRatings(page)).toEqual(five(province.byRating));
    await shot(page, 'hanoi');

    await page.getByTestId('lang-switch').getByText('EN').click();
    await eventually(() => page.getByTestId('live-indicator').textContent()).toContain('Live updates');
    expect(await page.getByTestId('rating-counts').textContent()).toContain('Amber/Green');
    await shot(page, 'hanoi-en');
  });
});
