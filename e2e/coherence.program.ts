// The action-program screens under the coherence harness (e2e/coherence.ts): the
// national dashboard, a province's, a commune's, and task pages. Every figure is
// held against SQL over `tasks`, `task_reports` and `program_warnings` (counted
// from the tasks themselves, never from the maintained program_rollups the
// dashboards read), and the figures against each other: the total is the sum of
// the status counts, the rated tasks the sum of the five rating counts, total =
// rated + not rated, "at risk" is Amber/Red + Red, the share at risk is at-risk /
// rated, the sections' and units' rows add up, a list's length is the count it
// lists, and every sentence (a rollup's explanation, a warning) quotes the
// figures the screen shows beside it, under the name the screen gives them
// (issue 15: "132 nhiệm vụ" beside "trong 131", "Vàng: 100% … Vàng hoặc xấu hơn"
// beside "Có nguy cơ 0", "67%" beside "tiến độ mới đạt 0%").
import type { Locator, Page } from 'playwright-core';
import {
  column,
  query,
  readTable,
  sql,
  vi,
  watchRequests,
  type CoherenceScreen,
  type Ledger,
  type ScreenContext,
  type TableRead,
} from './coherence.ts';
import type { Db } from '../src/platform/db/db.ts';
import { loadProgramDemo, PROGRAM_2026_META } from '../src/program/program.demo.ts';
import { cancelTask } from '../src/program/amendments/amendments.cancel.ts';
import { systemContext } from '../src/platform/context.ts';
import { todayIso } from '../src/platform/errors.ts';

// ---- The words of the screen, written here (an independent writer, not the app's locale).

const RATINGS = ['green', 'amber_green', 'amber', 'amber_red', 'red'] as const;
type Rating = (typeof RATINGS)[number];
const STATUSES = ['not_started', 'in_progress', 'done', 'done_late', 'overdue', 'suspended', 'cancelled'] as const;
const RATING_VI: Record<Rating | 'unrated', string> = {
  green: 'Xanh',
  amber_green: 'Vàng-Xanh',
  amber: 'Vàng',
  amber_red: 'Vàng-Đỏ',
  red: 'Đỏ',
  unrated: 'Không đánh giá',
};
const STATUS_VI: Record<string, string> = {
  not_started: 'Chưa triển khai',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  done_late: 'Hoàn thành chậm',
  overdue: 'Quá hạn',
  suspended: 'Tạm dừng',
  cancelled: 'Đã hủy',
};
/** "At risk", as the issue defines it for every figure: rated Amber/Red or Red. */
const AT_RISK: Rating[] = ['amber_red', 'red'];
const SHARE = 0.25;
const PAGE_SIZE = 10; // the dashboard's task lists

/** A stored progress as the screens write it: at most two decimals, vi-VN ("33,33%"). */
const progressText = (v: number) => `${vi.dec(v, 2)}%`;
/** part / whole to one decimal, half up, computed in whole numbers ("36,1%"). */
function pct1(part: number, whole: number) {
  if (!whole) return '0%';
  const tenths = Math.floor((part * 2000 + whole) / (2 * whole)); // round(part * 1000 / whole), half up
  return `${vi.dec(tenths / 10, 1)}%`;
}
const num = (s: string | null | undefined) =>
  Number(
    (s ?? '')
      .replace(/\./g, '')
      .replace(',', '.')
      .replace(/[^\d.-]/g, '') || NaN,
  );

/** The rollup rule read from the program's definition, written again here: the worst level a quarter of the rated tasks reach, never Green with a task at risk. */
function rollupOf(byRating: Record<Rating, number>): Rating {
  const rated = RATINGS.reduce((s, r) => s + byRating[r], 0);
  if (rated === 0) return 'green';
  let worse = 0;
  for (let i = RATINGS.length - 1; i >= 1; i--) {
    worse += byRating[RATINGS[i]];
    if (worse / rated >= SHARE) return RATINGS[i];
  }
  return AT_RISK.some((r) => byRating[r] > 0) ? 'amber_green' : 'green';
}

// ---- The data, read directly.

interface Counts {
  total: number;
  byStatus: Record<string, number>;
  byRating: Record<Rating, number>;
  unrated: number;
}
const countCols = sql.raw(
  [
    'count(*)::int as total',
    'count(*) filter (where t.rating is null)::int as unrated',
    ...STATUSES.map((s) => `count(*) filter (where t.status = '${s}')::int as "s_${s}"`),
    ...RATINGS.map((r) => `count(*) filter (where t.rating = '${r}')::int as "r_${r}"`),
  ].join(', '),
);
const toCounts = (row: Record<string, number>): Counts => ({
  total: row.total,
  unrated: row.unrated,
  byStatus: Object.fromEntries(STATUSES.map((s) => [s, row[`s_${s}`] ?? 0])),
  byRating: Object.fromEntries(RATINGS.map((r) => [r, row[`r_${r}`] ?? 0])) as Record<Rating, number>,
});
const atRiskOf = (c: Counts) => AT_RISK.reduce((s, r) => s + c.byRating[r], 0);
const ratedOf = (c: Counts) => RATINGS.reduce((s, r) => s + c.byRating[r], 0);

/** The counted tasks (kind 'task' with a section) of a unit's subtree: all of them, by section, and by child unit's subtree. */
async function unitFacts(db: Db, programId: number, unitId: number) {
  const sub = sql`with recursive sub(id) as (select ${unitId}::bigint union select u.id from units u join sub on u.parent_id = sub.id)`;
  const counted = sql`t.program_id = ${programId} and t.kind = 'task' and t.section_id is not null`;
  const all = toCounts(
    (
      await query(
        db,
        sql<
          Record<string, number>
        >`${sub} select ${countCols} from tasks t where ${counted} and t.unit_id in (select id from sub)`,
      )
    )[0],
  );
  const sections = await query(
    db,
    sql<Record<string, number> & { section_id: number; code: string }>`${sub}
    select t.section_id, s.code, ${countCols} from tasks t join tasks s on s.id = t.section_id
     where ${counted} and t.unit_id in (select id from sub) group by t.section_id, s.code, s.position order by s.position`,
  );
  const children = await query(
    db,
    sql<Record<string, number> & { unit_id: number; name: string }>`
    with recursive kids(child, id) as (select u.id, u.id from units u where u.parent_id = ${unitId} union select k.child, u.id from units u join kids k on u.parent_id = k.id)
    select k.child as unit_id, c.name, ${countCols} from tasks t join kids k on k.id = t.unit_id join units c on c.id = k.child
     where ${counted} group by k.child, c.name, c.code order by c.code`,
  );
  const overdue = (
    await query(
      db,
      sql<{
        n: number;
      }>`${sub} select count(*)::int as n from tasks t where t.program_id = ${programId} and t.kind = 'task' and t.status = 'overdue' and t.unit_id in (select id from sub)`,
    )
  )[0].n;
  const atRisk = (
    await query(
      db,
      sql<{
        n: number;
      }>`${sub} select count(*)::int as n from tasks t where t.program_id = ${programId} and t.kind = 'task' and t.rating in ('amber_red', 'red') and t.unit_id in (select id from sub)`,
    )
  )[0].n;
  return {
    all,
    overdue,
    atRisk,
    sections: sections.map((s) => ({ sectionId: s.section_id, code: s.code, counts: toCounts(s) })),
    children: children.map((c) => ({ unitId: c.unit_id, name: c.name, counts: toCounts(c) })),
  };
}

async function programId(db: Db) {
  return (await query(db, sql<{ id: number }>`select id from programs where code = ${PROGRAM_2026_META.code}`))[0].id;
}
async function unitByCode(db: Db, code: string, level: number) {
  return (
    await query(
      db,
      sql<{
        id: number;
        name: string;
      }>`select id, name from units where code = ${code} and level = ${level} and valid_to is null`,
    )
  )[0];
}

// ---- The seed: the demo program, and one cancelled task in Hà Nội so "all tasks" and "rated tasks" differ (issue 15's 132 / 131).

export async function seedProgram(db: Db) {
  await loadProgramDemo(db);
  const pid = await programId(db);
  const victim = (
    await query(
      db,
      sql<{ id: number; version: number }>`
    select t.id, t.version from tasks t join units u on u.id = t.unit_id join units p on p.id = u.parent_id
     where t.program_id = ${pid} and t.code like 'II.5.1@01@%' and p.code = '01' and u.code <> '00004' and t.status <> 'cancelled' order by t.id limit 1`,
    )
  )[0];
  await cancelTask(db, systemContext('system:demo'), victim.id, {
    version: victim.version,
    decisionRef: 'Dữ liệu minh họa / demo',
    reason: 'Hủy một nhiệm vụ (minh họa) / a cancelled task, for the coherence test',
    effectiveDate: todayIso(),
  });
}

// ---- A dashboard (national, a province, a commune).

/** What a sentence explaining a rollup must say beside its figures: the rating shown, the rated tasks shown, the at-risk tasks shown. */
function checkExplanation(
  ledger: Ledger,
  at: string,
  text: string,
  shown: { rating: string; total: number; rated: number; atRisk: number },
) {
  ledger.holds(
    `${at}: the explanation "${text}" does not start with the rating shown (${shown.rating})`,
    text.startsWith(`${shown.rating}:`),
  );
  if (shown.rated === 0) {
    ledger.holds(
      `${at}: the explanation of a unit with no rated task does not say so ("${text}")`,
      text.includes('không có nhiệm vụ được đánh giá'),
    );
    return;
  }
  const within = [...text.matchAll(/trong ([\d.]+) nhiệm vụ( được đánh giá)?/g)];
  for (const m of within) {
    ledger.holds(
      `${at}: the explanation counts "trong ${m[1]} nhiệm vụ"${m[2] ?? ''} while ${shown.total} tasks are shown, ${shown.rated} of them rated ("${text}")`,
      num(m[1]) === shown.rated && (m[2] !== undefined || shown.rated === shown.total),
    );
  }
  const risk = text.match(/([\d.]+)\/([\d.]+) nhiệm vụ có nguy cơ \(Vàng-Đỏ hoặc Đỏ\)/);
  ledger.holds(
    `${at}: the explanation "${text}" does not quote the at-risk figure shown (${shown.atRisk} of ${shown.rated} rated, Vàng-Đỏ hoặc Đỏ)`,
    !!risk && num(risk[1]) === shown.atRisk && num(risk[2]) === shown.rated,
  );
}

async function text(l: Locator) {
  return ((await l.textContent({ timeout: 5000 }).catch(() => null)) ?? '').replace(/\s+/g, ' ').trim();
}

async function checkSummary(page: Page, ledger: Ledger, at: string, e: Counts) {
  const card = (id: string) => page.getByTestId(id);
  const rated = ratedOf(e),
    atRisk = atRiskOf(e);
  const total = await text(card('summary-total').locator('.ant-statistic-content-value'));
  ledger.figure(`${at} · total tasks`, total, vi.int(e.total));
  ledger.figure(`${at} · rated tasks`, await text(card('summary-rated')), `${vi.int(rated)} được đánh giá`);
  const unrated = (await card('summary-unrated').count()) ? await text(card('summary-unrated')) : '';
  ledger.figure(
    `${at} · tasks not rated`,
    unrated,
    e.unrated ? `${vi.int(e.unrated)} không đánh giá (đã hủy, tạm dừng)` : '',
  );
  ledger.figure(
    `${at} · at risk`,
    await text(card('summary-at-risk')),
    `${vi.int(atRisk)}/${vi.int(rated)} nhiệm vụ được đánh giá ở mức Vàng-Đỏ hoặc Đỏ`,
  );
  const share = await text(card('summary-at-risk-share').locator('.ant-statistic-content'));
  ledger.figure(`${at} · share at risk`, share, pct1(atRisk, rated));
  const byRating = {} as Record<Rating, number>;
  for (const r of RATINGS) {
    const shown = await text(card(`rating-${r}`));
    ledger.figure(`${at} · rated ${RATING_VI[r]}`, shown, vi.int(e.byRating[r]));
    byRating[r] = num(shown);
  }
  let statusSum = 0;
  for (const s of STATUSES) {
    const shown = await text(card(`status-${s}`));
    ledger.figure(`${at} · ${STATUS_VI[s]}`, shown, vi.int(e.byStatus[s]));
    statusSum += num(shown);
  }
  const rating = await text(card('overall-rating'));
  ledger.figure(`${at} · overall rating`, rating, RATING_VI[rollupOf(e.byRating)]);
  // The figures beside each other.
  const shownTotal = num(total),
    shownRated = num((await text(card('summary-rated'))).split(' ')[0]);
  const shownRisk = (await text(card('summary-at-risk'))).match(/^([\d.]+)\/([\d.]+)/);
  ledger.agree(`${at} · total = the status counts summed`, shownTotal, statusSum);
  ledger.agree(
    `${at} · rated = the five rating counts summed`,
    shownRated,
    RATINGS.reduce((s, r) => s + byRating[r], 0),
  );
  ledger.agree(
    `${at} · total = rated + not rated`,
    shownTotal,
    shownRated + (unrated ? num(unrated.split(' ')[0]) : 0),
  );
  ledger.agree(
    `${at} · not rated = cancelled + suspended shown`,
    unrated ? num(unrated.split(' ')[0]) : 0,
    num(await text(card('status-cancelled'))) + num(await text(card('status-suspended'))),
  );
  ledger.agree(`${at} · at risk = Vàng-Đỏ + Đỏ shown`, num(shownRisk?.[1]), byRating.amber_red + byRating.red);
  ledger.agree(`${at} · share at risk = at risk / rated, as shown`, share, pct1(num(shownRisk?.[1]), shownRated));
  ledger.agree(`${at} · the overall rating is the rule's over the counts shown`, rating, RATING_VI[rollupOf(byRating)]);
  checkExplanation(ledger, `${at} · overall`, await text(card('overall-explanation')), {
    rating,
    total: shownTotal,
    rated: shownRated,
    atRisk: num(shownRisk?.[1]),
  });
  return { total: shownTotal, atRisk: num(shownRisk?.[1]), overdue: num(await text(card('status-overdue'))) };
}

/** A row of the sections or units table: total (and how many of it are not rated), at risk, rating, and for sections the explanation. */
function checkRow(ledger: Ledger, at: string, t: TableRead, cells: string[], e: Counts, explanation: string | null) {
  const [cTotal, cRisk, cRating] = ['Số nhiệm vụ', 'Có nguy cơ', 'Đánh giá'].map((x) => column(t, x));
  const atRisk = atRiskOf(e);
  ledger.figure(
    `${at}, tasks`,
    cells[cTotal],
    e.unrated ? `${vi.int(e.total)} ${vi.int(e.unrated)} không đánh giá` : vi.int(e.total),
  );
  ledger.figure(`${at}, at risk`, cells[cRisk], vi.int(atRisk));
  ledger.figure(`${at}, rating`, cells[cRating], RATING_VI[rollupOf(e.byRating)]);
  const shownTotal = num(cells[cTotal].split(' ')[0]);
  const shownUnrated = cells[cTotal].includes('không đánh giá') ? num(cells[cTotal].split(' ')[1]) : 0;
  if (explanation !== null)
    checkExplanation(ledger, at, explanation, {
      rating: cells[cRating],
      total: shownTotal,
      rated: shownTotal - shownUnrated,
      atRisk: num(cells[cRisk]),
    });
  return { total: shownTotal, atRisk: num(cells[cRisk]) };
}

/** A task list of the dashboard: the count it states and its first page, against SQL and against the figure it lists. */
async function checkList(
  page: Page,
  ledger: Ledger,
  at: string,
  testId: string,
  expected: number,
  shownFigure: number | null,
  figureName: string,
) {
  const table = page.getByTestId(testId);
  await table.waitFor();
  const total = await table.getAttribute('data-total');
  ledger.figure(`${at} · ${testId}: its count`, total, String(expected));
  if (shownFigure !== null)
    ledger.agree(`${at} · ${testId}: its count = the ${figureName} shown`, num(total), shownFigure);
  const rows = await table.locator('tbody tr.ant-table-row').count();
  ledger.agree(
    `${at} · ${testId}: rows on the first page = min(count, ${PAGE_SIZE})`,
    rows,
    Math.min(num(total), PAGE_SIZE),
  );
}

async function checkDashboard(ctx: ScreenContext, unit: { id: number; name: string } | null, own: number[]) {
  const { page, db, ledger } = ctx;
  const { settled } = watchRequests(page);
  const pid = await programId(db);
  const unitId = unit?.id ?? (await unitByCode(db, 'VN', 0)).id;
  const at = unit?.name ?? 'Toàn quốc';
  await page.goto(`/program?program=${pid}${unit ? `&unit=${unit.id}` : ''}`);
  await page.getByTestId('summary-total').waitFor();
  await settled();
  const f = await unitFacts(db, pid, unitId);
  ledger.figure(
    `${at} · the unit shown`,
    await page.getByTestId('program-dashboard').getAttribute('data-unit'),
    String(unitId),
  );
  const head = await checkSummary(page, ledger, at, f.all);

  // Sections: one row per section with tasks in the subtree; the rows add up to the summary.
  const st = await readTable(page, page.getByTestId('section-table'), settled);
  ledger.agree(`${at} · section rows = sections with tasks (SQL)`, st.rows.length, f.sections.length);
  const cTitle = column(st, 'Lĩnh vực');
  let total = 0,
    atRisk = 0;
  for (const s of f.sections) {
    const i = st.rowKeys.indexOf(String(s.sectionId));
    if (i < 0) {
      ledger.holds(`${at} · section ${s.code} not listed`, false);
      continue;
    }
    const why = await text(
      page.getByTestId('section-table').locator(`tr[data-row-key="${s.sectionId}"] td`).first().locator('div').last(),
    );
    const r = checkRow(ledger, `${at} · section ${s.code}`, st, st.rows[i], s.counts, why);
    ledger.holds(
      `${at} · section ${s.code}: the title cell "${st.rows[i][cTitle]}" does not end with its explanation`,
      st.rows[i][cTitle].endsWith(why),
    );
    total += r.total;
    atRisk += r.atRisk;
  }
  ledger.agree(`${at} · the sections' tasks add up to the total`, total, head.total);
  ledger.agree(`${at} · the sections' at-risk tasks add up to the at-risk figure`, atRisk, head.atRisk);

  // Units below: one row per unit with tasks in its subtree; with the unit's own tasks they add up to the summary.
  const hasChildren = (await page.getByTestId('children-table').count()) > 0;
  ledger.agree(
    `${at} · units table shown iff units below have tasks (SQL)`,
    String(hasChildren),
    String(f.children.length > 0),
  );
  if (hasChildren) {
    const ct = await readTable(page, page.getByTestId('children-table'), settled);
    ledger.agree(`${at} · unit rows = units below with tasks (SQL)`, ct.rows.length, f.children.length);
    let sum = 0,
      risk = 0;
    for (const c of f.children) {
      const i = ct.rowKeys.indexOf(String(c.unitId));
      if (i < 0) {
        ledger.holds(`${at} · ${c.name} not listed`, false);
        continue;
      }
      ledger.figure(`${at} · ${c.name}, name`, ct.rows[i][column(ct, 'Đơn vị')], c.name);
      const r = checkRow(ledger, `${at} · ${c.name}`, ct, ct.rows[i], c.counts, null);
      sum += r.total;
      risk += r.atRisk;
    }
    const ownTasks = (
      await query(
        db,
        sql<{
          n: number;
          r: number;
        }>`select count(*)::int as n, count(*) filter (where rating in ('amber_red', 'red'))::int as r
      from tasks where program_id = ${pid} and kind = 'task' and section_id is not null and unit_id = ${unitId}`,
      )
    )[0];
    ledger.agree(`${at} · the units' tasks + the unit's own (${ownTasks.n}) = the total`, sum + ownTasks.n, head.total);
    ledger.agree(
      `${at} · the units' at-risk tasks + the unit's own (${ownTasks.r}) = the at-risk figure`,
      risk + ownTasks.r,
      head.atRisk,
    );
  }

  // The lists: as long as the figures they list.
  await checkList(page, ledger, at, 'overdue-list', f.overdue, head.overdue, '"Quá hạn" count');
  await checkList(page, ledger, at, 'atrisk-list', f.atRisk, head.atRisk, 'at-risk figure');
  const mine = (
    await query(
      db,
      sql<{ n: number }>`select count(*)::int as n from tasks where program_id = ${pid} and kind = 'task'
    and unit_id = any(${own}::bigint[]) and status not in ('done', 'done_late', 'cancelled')`,
    )
  )[0].n;
  await checkList(page, ledger, at, 'my-tasks', mine, null, '');
}

async function grantUnits(db: Db, username: string) {
  return (
    await query(
      db,
      sql<{
        unit_id: number;
      }>`select g.unit_id from grants g join users u on u.id = g.user_id where u.username = ${username}`,
    )
  ).map((r) => r.unit_id);
}

export const programNationalScreen: CoherenceScreen = {
  name: 'program dashboard, national',
  user: { username: 'demo-viewer', password: 'demo-viewer-2025' },
  async run(ctx) {
    await checkDashboard(ctx, null, await grantUnits(ctx.db, 'demo-viewer'));
  },
};

export const programProvinceScreen: CoherenceScreen = {
  name: 'program dashboard, a province (Hà Nội)',
  user: { username: 'demo-hanoi', password: 'demo-hanoi-2025' },
  async run(ctx) {
    await checkDashboard(ctx, await unitByCode(ctx.db, '01', 1), await grantUnits(ctx.db, 'demo-hanoi'));
  },
};

export const programCommuneScreen: CoherenceScreen = {
  name: 'program dashboard, a commune (Ba Đình)',
  user: { username: 'demo-badinh', password: 'demo-badinh-2025' },
  async run(ctx) {
    await checkDashboard(ctx, await unitByCode(ctx.db, '00004', 3), await grantUnits(ctx.db, 'demo-badinh'));
  },
};

// ---- A task page.

interface TaskRow {
  id: number;
  code: string;
  status: string;
  rating: Rating | null;
  progress: number;
  pending_report_id: number | null;
  reported_progress: number | null;
  review_due: string | null;
  last_report_date: string | null;
  rating_vi: string | null;
}

async function checkTask(ctx: ScreenContext, taskId: number, why: string) {
  const { page, db, ledger } = ctx;
  const { settled } = watchRequests(page);
  const task = (
    await query(
      db,
      sql<TaskRow>`select id, code, status, rating, progress::float as progress, pending_report_id, reported_progress::float as reported_progress,
    review_due::text as review_due, last_report_date::text as last_report_date, rating_explanation->>'vi' as rating_vi from tasks where id = ${taskId}`,
    )
  )[0];
  const reports = await query(
    db,
    sql<{
      progress: number;
      state: string;
      report_date: string;
    }>`select progress::float as progress, state, report_date::text as report_date
    from task_reports where task_id = ${taskId} order by report_date desc, id desc`,
  );
  const warnings = await query(
    db,
    sql<{
      kind: string;
      message_vi: string;
    }>`select kind, message_vi from program_warnings where task_id = ${taskId} and resolved_at is null order by raised_at, id`,
  );
  const children = await query(db, sql<{ id: number }>`select id from tasks where parent_id = ${taskId}`);
  const at = `task ${task.code} (${why})`;
  await page.goto(`/program/tasks/${taskId}`);
  await page.getByTestId('task-detail').waitFor();
  await settled();

  const official = await text(page.getByTestId('task-figures').getByTestId('official-progress'));
  ledger.figure(`${at} · official progress`, official, `Chính thức ${progressText(task.progress)}`);
  const reportedTag = page.getByTestId('task-figures').getByTestId('reported-progress');
  const reported = (await reportedTag.count()) ? await text(reportedTag) : '';
  const overdueReview = task.review_due !== null && task.review_due < todayIso();
  ledger.figure(
    `${at} · reported progress awaiting review`,
    reported,
    task.pending_report_id === null
      ? ''
      : `Báo cáo ${progressText(task.reported_progress ?? 0)}, chờ duyệt${overdueReview ? ' · quá hạn xem xét' : ''}`,
  );
  ledger.figure(
    `${at} · status`,
    await text(
      page
        .getByTestId('task-detail')
        .locator('.ant-descriptions-item-label', { hasText: /^Tình trạng$/ })
        .locator('xpath=following-sibling::td[1]'),
    ),
    STATUS_VI[task.status],
  );
  ledger.figure(`${at} · rating`, await text(page.getByTestId('task-rating')), RATING_VI[task.rating ?? 'unrated']);
  const ratingWhy = await text(page.getByTestId('task-rating-why'));
  ledger.figure(`${at} · why the rating`, ratingWhy, task.rating_vi ?? '');
  ledger.figure(
    `${at} · last report`,
    await text(
      page
        .getByTestId('task-detail')
        .locator('.ant-descriptions-item-label', { hasText: /^Báo cáo gần nhất$/ })
        .locator('xpath=following-sibling::td[1]'),
    ),
    vi.date(task.last_report_date),
  );

  // Reports: as many as stored, newest first; the official figure is the newest accepted one's, the reported one the newest waiting.
  const isLeaf = children.length === 0;
  if (isLeaf) {
    const rt = await readTable(page, page.getByTestId('report-list'), settled);
    ledger.agree(`${at} · reports listed = reports stored`, rt.rows.length, reports.length);
    const [cDate, cProgress, cState] = ['Ngày báo cáo', 'Tiến độ', 'Trạng thái'].map((x) => column(rt, x));
    const STATE_VI: Record<string, string> = {
      submitted: 'Chờ tiếp nhận',
      accepted: 'Đã tiếp nhận',
      returned: 'Bị trả lại',
    };
    for (const [i, r] of reports.entries()) {
      const row = rt.rows[i] ?? [];
      ledger.figure(
        `${at} · report ${i + 1}, date`,
        (row[cDate] ?? '').replace(/\s*Nộp muộn$/, ''),
        vi.date(r.report_date),
      );
      ledger.figure(`${at} · report ${i + 1}, progress`, row[cProgress], progressText(r.progress));
      // A report awaiting review says its review deadline after its state ("Chờ tiếp nhậnHạn xem xét: …").
      ledger.figure(
        `${at} · report ${i + 1}, state`,
        (row[cState] ?? '').replace(/Hạn xem xét.*$/, ''),
        STATE_VI[r.state],
      );
    }
    const accepted = rt.rows.find((r) => r[cState].startsWith(STATE_VI.accepted));
    ledger.agree(
      `${at} · official progress = the newest accepted report's shown`,
      official,
      `Chính thức ${accepted?.[cProgress] ?? '0%'}`,
    );
    const waiting = rt.rows.find((r) => r[cState].startsWith(STATE_VI.submitted));
    ledger.agree(
      `${at} · reported progress = the newest report awaiting review shown`,
      reported.replace(/, chờ duyệt.*$/, ''),
      waiting ? `Báo cáo ${waiting[cProgress]}` : '',
    );
  } else {
    const ct = await readTable(page, page.getByTestId('child-tasks'), settled);
    ledger.agree(`${at} · child tasks listed = tasks under it (SQL)`, ct.rows.length, children.length);
    const kids = await query(
      db,
      sql<{
        id: number;
        status: string;
        rating: Rating | null;
        progress: number;
        pending_report_id: number | null;
        reported_progress: number | null;
      }>`
      select id, status, rating, progress::float as progress, pending_report_id, reported_progress::float as reported_progress from tasks where parent_id = ${taskId}`,
    );
    const [cProgress, cStatus, cRating] = ['Tiến độ', 'Tình trạng', 'Đánh giá'].map((x) => column(ct, x));
    for (const k of kids) {
      const i = ct.rowKeys.indexOf(String(k.id));
      if (i < 0) {
        ledger.holds(`${at} · child task ${k.id} not listed`, false);
        continue;
      }
      // The cell reads "Chính thức 45%" then, while a report waits, "Báo cáo 71%, chờ duyệt" (the children are paged: read from the table's text).
      const cell = ct.rows[i][cProgress];
      ledger.figure(
        `${at} · child ${k.id}, official progress`,
        cell.match(/^Chính thức [\d.,]+%/)?.[0],
        `Chính thức ${progressText(k.progress)}`,
      );
      ledger.figure(
        `${at} · child ${k.id}, reported progress`,
        cell.match(/Báo cáo [\d.,]+%/)?.[0] ?? '',
        k.pending_report_id === null ? '' : `Báo cáo ${progressText(k.reported_progress ?? 0)}`,
      );
      ledger.figure(`${at} · child ${k.id}, status`, ct.rows[i][cStatus], STATUS_VI[k.status]);
      ledger.figure(`${at} · child ${k.id}, rating`, ct.rows[i][cRating], RATING_VI[k.rating ?? 'unrated']);
    }
    ledger.figure(
      `${at} · the children card's count`,
      await text(page.getByText(/^Nhiệm vụ giao cho các đơn vị \(\d+\)$/)),
      `Nhiệm vụ giao cho các đơn vị (${children.length})`,
    );
  }

  // Warnings: the open ones, each with its text; any progress a warning quotes of this task is the official one shown, named "chính thức".
  const items = page.getByTestId('task-warnings').locator('[data-kind]');
  ledger.agree(`${at} · warnings listed = open warnings (SQL)`, await items.count(), warnings.length);
  const shownOfficial = official.replace(/^Chính thức /, '');
  for (const [i, w] of warnings.entries()) {
    const item = items.nth(i);
    ledger.figure(`${at} · warning ${i + 1}, kind`, await item.getAttribute('data-kind'), w.kind);
    const message = await text(item.getByTestId('warning-message'));
    ledger.figure(`${at} · warning ${i + 1}, text`, message, w.message_vi);
    for (const m of message.matchAll(/tiến độ( chính thức)? mới đạt ([\d.,]+%)/g)) {
      ledger.holds(
        `${at} · warning ${i + 1} quotes "tiến độ${m[1] ?? ''} mới đạt ${m[2]}" beside "${official}"${reported ? ` and "${reported}"` : ''}: it must quote the official progress shown and name it official`,
        m[1] !== undefined && m[2] === shownOfficial,
      );
    }
  }
  ledger.holds(
    `${at} · the rating's reason "${ratingWhy}" is not Green yet no warning is listed`,
    task.rating === null ||
      warnings.length > 0 ||
      ratingWhy.startsWith('Xanh') ||
      task.status === 'done' ||
      task.status === 'done_late',
  );
}

export const programTaskScreen: CoherenceScreen = {
  name: 'program task pages',
  user: { username: 'demo-hanoi', password: 'demo-hanoi-2025' },
  async run(ctx) {
    const pid = await programId(ctx.db);
    const pick = async (why: string, where: ReturnType<typeof sql>) => {
      const r = (
        await query(
          ctx.db,
          sql<{ id: number }>`select t.id from tasks t join units u on u.id = t.unit_id
        where t.program_id = ${pid} and t.kind = 'task' and (u.code = '01' or u.parent_id = (select id from units where code = '01' and level = 1 and valid_to is null)) and ${where}
        order by t.id limit 1`,
        )
      )[0];
      if (r) await checkTask(ctx, r.id, why);
      else ctx.ledger.holds(`the demo has a task in Hà Nội that is ${why}`, false);
    };
    // A leaf whose official and reported figures differ, with a warning quoting progress (the issue's "67%" beside "0%").
    await pick(
      'reported beside official, a warning quoting progress',
      sql`t.pending_report_id is not null and t.reported_progress <> t.progress
      and exists (select 1 from program_warnings w where w.task_id = t.id and w.resolved_at is null and w.facts ? 'progress')`,
    );
    await pick(
      'a warning quoting progress',
      sql`exists (select 1 from program_warnings w where w.task_id = t.id and w.resolved_at is null and w.facts ? 'progress')
      and t.pending_report_id is null and t.progress > 0`,
    );
    await pick("Ba Đình's", sql`u.code = '00004'`);
    await pick(
      "the city's, cascaded to its communes",
      sql`u.code = '01' and exists (select 1 from tasks c where c.parent_id = t.id and c.cascaded)`,
    );
    await pick('cancelled', sql`t.status = 'cancelled'`);
  },
};

export const programScreens: CoherenceScreen[] = [
  programNationalScreen,
  programProvinceScreen,
  programCommuneScreen,
  programTaskScreen,
];
