// End-to-end: the tabs of one browser share one live-event stream.
// Chromium allows six HTTP/1.1 connections per host and an open event stream
// holds one, so with a stream per tab an officer's seventh tab never loaded.
// Here eight task pages open in one browser profile: all load, only one event
// stream is opened, all of them update on a change, and when the tab holding
// the stream closes, another tab opens it and the rest keep updating.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests } from './browser.ts';
import { apiCall, type Session } from './session.ts';
import { browserSuite } from './suite.ts';

const WAIT = 20_000;
const TABS = 8;
const STREAM = '/api/programs/events';
const DOCUMENT = `I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa Nghị quyết thành các nhiệm vụ.
II. NHIỆM VỤ CHỦ YẾU
1. Chuyển đổi số
- Số hóa toàn bộ hồ sơ thủ tục hành chính, hoàn thành trong quý IV/2026.
`;

function eventually<T>(read: () => Promise<T> | T, timeout = WAIT) {
  return expect.poll(read, { timeout, interval: 100 });
}

describe.skipIf(skipBrowserTests())('live updates: one event stream for all the tabs of a browser', () => {
  const suite = browserSuite(WAIT);
  let admin: Session;
  let programId: number;
  let taskId: number;

  beforeAll(async () => {
    admin = await suite.signedIn('demo-admin', 'demo-admin-2025');
    const imported = await apiCall<{ program: { id: number } }>(
      admin.context.request,
      admin.csrf,
      'POST',
      '/api/programs/import',
      {
        program: {
          code: 'CTHD-LIVE',
          titleVi: 'Chương trình thử cập nhật trực tiếp',
          issuingBody: 'CHÍNH PHỦ',
          periodStart: '2026-01-01',
          periodEnd: '2030-12-31',
        },
        text: DOCUMENT,
        language: 'vi',
        effectiveDate: '2026-01-15',
      },
    );
    programId = imported.program.id;
    const tasks = await apiCall<{ items: { id: number; kind: string }[] }>(
      admin.context.request,
      admin.csrf,
      'GET',
      `/api/programs/${programId}/tasks?limit=50`,
    );
    taskId = tasks.items.find((t) => t.kind === 'task')!.id;
  });

  const tick = async (page: Page) => Number(await page.getByTestId('live-indicator').getAttribute('data-tick'));
  /** The tabs' ticks once they stop moving (a stream that takes over makes every tab re-read once). */
  async function settledTicks(pages: Page[]): Promise<number[]> {
    let last = await Promise.all(pages.map(tick));
    for (;;) {
      await pages[0].waitForTimeout(700);
      const now = await Promise.all(pages.map(tick));
      if (now.every((n, i) => n === last[i])) return now;
      last = now;
    }
  }
  const report = (progress: number) =>
    apiCall(admin.context.request, admin.csrf, 'POST', `/api/tasks/${taskId}/reports`, {
      progress,
      status: 'in_progress',
    });

  it(`opens ${TABS} task pages with one stream, updates them all, and hands the stream over when its tab closes`, async () => {
    const opened: Page[] = [];
    const streams = new Map<Page, number>();
    for (let i = 0; i < TABS; i++) {
      const page = await admin.context.newPage();
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === STREAM) streams.set(page, (streams.get(page) ?? 0) + 1);
      });
      await page.goto(`/program/tasks/${taskId}`);
      // With a stream per tab, the seventh tab's requests wait for a free connection forever.
      await page.getByTestId('task-detail').waitFor();
      opened.push(page);
    }
    for (const page of opened)
      await eventually(() => page.getByTestId('live-indicator').getAttribute('data-status')).toBe('live');
    expect(
      [...streams.values()].reduce((a, b) => a + b, 0),
      'event streams opened by the tabs',
    ).toBe(1);

    // A change reaches every tab.
    const before = await settledTicks(opened);
    await report(30);
    for (const [i, page] of opened.entries()) await eventually(() => tick(page)).toBeGreaterThan(before[i]);

    // The tab holding the stream closes: one of the others opens it, and they all still update.
    const leader = [...streams.keys()][0];
    await leader.close();
    const rest = opened.filter((p) => p !== leader);
    await eventually(() => [...streams.entries()].filter(([p]) => p !== leader).length).toBe(1);
    for (const page of rest)
      await eventually(() => page.getByTestId('live-indicator').getAttribute('data-status')).toBe('live');
    const beforeSecond = await settledTicks(rest);
    await report(60);
    for (const [i, page] of rest.entries()) await eventually(() => tick(page)).toBeGreaterThan(beforeSecond[i]);
    // Reported, not yet official: the task shows the latest report awaiting review beside its official progress.
    const after = await apiCall<{ progress: number; reported: { progress: number } | null }>(
      admin.context.request,
      admin.csrf,
      'GET',
      `/api/tasks/${taskId}`,
    );
    expect(after).toMatchObject({ progress: 0, reported: { progress: 60 } });
    for (const page of rest) await page.close();
  });
});
