// End-to-end: official figures, separation of duties and change requests in a
// real browser (issue 9). The commune of Ba Đình reports on the task Hà Nội
// gave it; the report shows as "reported" beside the official figure; only its
// author may edit it (the edit keeps the earlier version); a viewer gets no
// review button; Hà Nội sees the count in its header, accepts from its review
// queue, and the official figure moves on the commune's page without a reload.
// Then the commune asks for a later deadline (it may not change it itself) and
// Hà Nội approves it with its decision. Screenshots go to
// e2e/screenshots/program-review-*.png.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests } from './browser.ts';
import { apiCall, type Session } from './session.ts';
import { chooseOption } from './antd.ts';
import { browserSuite, SHOTS } from './suite.ts';

const WAIT = 20_000;
const DOCUMENT = `I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa Nghị quyết thành các nhiệm vụ.
II. NHIỆM VỤ CHỦ YẾU
1. Chuyển đổi số
- Số hóa toàn bộ hồ sơ thủ tục hành chính, hoàn thành trong quý IV/2026.
`;

function eventually<T>(read: () => Promise<T> | T, timeout = WAIT) {
  return expect.poll(read, { timeout, interval: 100 });
}
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `program-review-${name}.png`), fullPage: true });

describe.skipIf(skipBrowserTests())('official figures, reviews and change requests in a real browser', () => {
  const suite = browserSuite(WAIT);
  let admin: Session, badinh: Session, hanoi: Session, viewer: Session;
  let programId: number, taskId: number;

  beforeAll(async () => {
    admin = await suite.signedIn('demo-admin', 'demo-admin-2025');
    badinh = await suite.signedIn('demo-badinh', 'demo-badinh-2025');
    hanoi = await suite.signedIn('demo-hanoi', 'demo-hanoi-2025');
    viewer = await suite.signedIn('demo-viewer', 'demo-viewer-2025');
    const api = <T>(method: 'GET' | 'POST', url: string, data?: unknown) =>
      apiCall<T>(admin.context.request, admin.csrf, method, url, data);
    programId = (
      await api<{ program: { id: number } }>('POST', '/api/programs/import', {
        program: {
          code: 'CTHD-REVIEW',
          titleVi: 'Chương trình thử xem xét báo cáo',
          issuingBody: 'CHÍNH PHỦ',
          periodStart: '2026-01-01',
          periodEnd: '2030-12-31',
        },
        text: DOCUMENT,
        language: 'vi',
        effectiveDate: '2026-01-15',
      })
    ).program.id;
    const tasks = async () =>
      (
        await api<{ items: { id: number; code: string; kind: string }[] }>(
          'GET',
          `/api/programs/${programId}/tasks?limit=500`,
        )
      ).items;
    const central = (await tasks()).find((t) => t.kind === 'task')!;
    await api('POST', `/api/tasks/${central.id}/cascade`, { target: { kind: 'all_provinces' } });
    const hanoiTask = (await tasks()).find((t) => t.code === `${central.code}@01`)!;
    const me = await apiCall<{ user: { grants: { unitId: number }[] } }>(
      badinh.context.request,
      badinh.csrf,
      'GET',
      '/api/auth/me',
    );
    await apiCall(hanoi.context.request, hanoi.csrf, 'POST', `/api/tasks/${hanoiTask.id}/cascade`, {
      target: { kind: 'units', unitIds: [me.user.grants[0].unitId] },
    });
    taskId = (await tasks()).find((t) => t.code === `${central.code}@01@00004`)!.id;
  });

  it('the commune reports: "reported" beside the official figure, edited by its author only, a new version kept', async () => {
    const page = await badinh.context.newPage();
    await page.goto(`/program/tasks/${taskId}`);
    await page.getByTestId('task-detail').waitFor();
    // The definition is Hà Nội's: no amendment buttons for the commune, but a change request.
    expect(await page.getByTestId('task-assigned-by').textContent()).toContain('Hà Nội');
    expect(await page.getByTestId('task-adjust').count()).toBe(0);
    expect(await page.getByTestId('task-cancel').count()).toBe(0);
    await page.getByTestId('task-request-change').waitFor();
    await page.getByTestId('report-progress').fill('40');
    await chooseOption(page, page.getByTestId('report-status'), 'Đang thực hiện');
    await page.getByTestId('report-narrative').fill('Đã số hóa 40% hồ sơ.');
    await page.getByTestId('report-submit').click();
    await eventually(() => page.getByTestId('reported-progress').first().textContent()).toContain(
      'Báo cáo 40%, chờ duyệt',
    );
    expect(await page.getByTestId('official-progress').first().textContent()).toContain('Chính thức 0%');
    expect(await page.getByTestId('report-accept').count(), 'nobody reviews their own report').toBe(0);

    // The author corrects it: a new version, the first one kept.
    await page.getByTestId('report-edit').first().click();
    await page.getByTestId('report-progress').fill('45');
    await page.getByTestId('report-submit').click();
    await eventually(() => page.getByTestId('reported-progress').first().textContent()).toContain(
      'Báo cáo 45%, chờ duyệt',
    );
    await page.getByTestId('report-history-open').click();
    await eventually(() => page.getByTestId('report-version').first().textContent()).toContain('40%');
    await shot(page, 'history');
    await page.keyboard.press('Escape');
    await shot(page, 'reported');

    // A viewer sees the figures, and no button to review, report or amend.
    const seen = await viewer.context.newPage();
    await seen.goto(`/program/tasks/${taskId}`);
    await eventually(() => seen.getByTestId('reported-progress').first().textContent()).toContain('45%');
    expect(await seen.getByTestId('report-accept').count()).toBe(0);
    expect(await seen.getByTestId('report-edit').count()).toBe(0);
    expect(await seen.getByTestId('report-form').count()).toBe(0);
    expect(await seen.getByTestId('task-adjust').count()).toBe(0);
  });

  it("Hà Nội sees the count, accepts from its queue, and the official figure moves on the commune's open page", async () => {
    const commune = await badinh.context.newPage();
    await commune.goto(`/program/tasks/${taskId}`);
    await eventually(() => commune.getByTestId('live-indicator').getAttribute('data-status')).toBe('live');
    await commune.evaluate(() => {
      (globalThis as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const page = await hanoi.context.newPage();
    await page.goto(`/program?program=${programId}`);
    await eventually(() => page.getByTestId('review-queue-link').getAttribute('data-count')).toBe('1');
    await page.getByTestId('review-queue-link').click();
    // The queue shows the program's code; the stored code of the cascaded copy is the tooltip.
    const row = page.getByTestId('queue-table').locator('tr', { has: page.locator('[title$="@01@00004"]') });
    await row.waitFor();
    expect(await row.getByTestId('queue-reported').textContent()).toContain('45%');
    expect(await row.getByTestId('queue-official').textContent()).toContain('0%');
    await row.locator('input[type="checkbox"]').check();
    await page.getByTestId('queue-accept-selected').click();
    await eventually(() => page.getByTestId('queue-results').textContent()).toContain(
      'Đã tiếp nhận 1 báo cáo; 0 báo cáo không tiếp nhận được',
    );
    await shot(page, 'queue-accepted');

    await eventually(() => commune.getByTestId('official-progress').first().textContent()).toContain('Chính thức 45%');
    expect(await commune.getByTestId('reported-progress').count()).toBe(0);
    expect(await commune.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('the commune asks for a later deadline; Hà Nội approves it with its decision, and the deadline moves', async () => {
    const page = await badinh.context.newPage();
    await page.goto(`/program/tasks/${taskId}`);
    await page.getByTestId('task-request-change').click();
    await page.getByTestId('change-request-form').waitFor();
    await page.getByTestId('change-request-deadline').fill('quý II/2027');
    await page.getByTestId('change-request-reason').fill('Chờ hệ thống một cửa của thành phố nâng cấp.');
    await shot(page, 'request-form');
    await page.getByTestId('change-request-send').click();
    await eventually(() => page.getByTestId('change-request').first().getAttribute('data-state')).toBe('pending');
    expect(
      await page.getByTestId('change-request-approve').count(),
      'the commune does not decide its own request',
    ).toBe(0);

    const province = await hanoi.context.newPage();
    await province.goto(`/program/tasks/${taskId}`);
    await province.getByTestId('change-request-approve').click();
    await province.getByTestId('change-request-decision-ref').fill('Quyết định số 12/QĐ-UBND');
    await province.getByTestId('change-request-comment').fill('Đồng ý lùi hạn.');
    await province.getByTestId('change-request-decide').click();
    await eventually(() => province.getByTestId('change-request').first().getAttribute('data-state')).toBe('approved');
    await shot(province, 'request-approved');
    await eventually(() => page.getByTestId('task-detail').textContent()).toContain('30/06/2027');
    await eventually(() => page.getByTestId('change-request').first().getAttribute('data-state')).toBe('approved');
  });
});
