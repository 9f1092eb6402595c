// Dashboards: national → province → commune drill-down, section × province
// heat map, the map's share of tasks at risk, overdue/at-risk lists, the
// due-date timeline and "my tasks". Counts come from the maintained rollups.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound, todayIso, type Message } from '../../platform/errors.ts';
import type { Rating, TaskStatus, WarningKind } from '../program.types.ts';
import { requireUser } from '../../accounts/sessions/sessions.access.ts';
import { rollupRatingExplained } from '../warnings/index.ts';
import { ROLLUP_RATING, ROLLUP_STATUS } from '../program.db-types.ts';
import * as store from './dashboards.store.ts';
import { findProgram } from '../tasks/tasks.versions.store.ts';
import { presentReported } from '../tasks/tasks.content.ts';
import { countryUnitId, ownGrantUnits, requireUnitIn, scopeOf } from '../program.scope.ts';
import { PROGRAM } from '../program.policy.ts';
import { subtreeIds } from '../program.places.store.ts';

/**
 * A unit's or section's figures, each with one definition: `total` every task counted (cancelled and
 * suspended ones included), `rated` those the rollup rates (total − unrated), `atRisk` the rated ones
 * AT_RISK (Amber/Red or Red), `atRiskShare` atRisk / rated, exact (the screen rounds). The explanation
 * is written from the same counts, so it quotes `rated` and `atRisk` as the screen shows them.
 */
export function summarise(c: store.Counts) {
  const byStatus = Object.fromEntries(ROLLUP_STATUS.map((s) => [s, c[s] ?? 0]));
  const byRating = Object.fromEntries(ROLLUP_RATING.map((r) => [r, c[r] ?? 0]));
  const roll = rollupRatingExplained({
    green: c.green,
    amber_green: c.amber_green,
    amber: c.amber,
    amber_red: c.amber_red,
    red: c.red,
  });
  const rated = roll.total,
    atRisk = roll.atRisk;
  return {
    total: c.total,
    rated,
    unrated: c.total - rated,
    byStatus,
    byRating,
    atRisk,
    atRiskShare: rated > 0 ? atRisk / rated : 0,
    rating: roll.rating,
    explanation: roll.explanation,
  };
}

const add = (rows: store.Counts[]) => {
  const out = {} as store.Counts;
  for (const r of rows)
    for (const [k, v] of Object.entries(r))
      if (typeof v === 'number' && k !== 'section_id' && k !== 'unit_id' && k !== 'level')
        (out as Record<string, number>)[k] = ((out as Record<string, number>)[k] ?? 0) + v;
  for (const k of ['total', ...ROLLUP_STATUS, ...ROLLUP_RATING] as const) out[k] ??= 0;
  return out;
};

async function programOr404(db: Db, id: number) {
  const p = await findProgram(db, id);
  if (!p) throw notFound({ vi: `chương trình số ${id}`, en: `Program ${id}` });
  return p;
}

/** The unit to show when none is asked: the country for national scope, else the caller's first granted unit. */
async function defaultUnit(db: Db, ctx: RequestContext) {
  const user = requireUser(ctx);
  const scope = await scopeOf(db, ctx, PROGRAM['task.read']);
  if (scope.all || !user) return countryUnitId(db);
  return user.grants[0].unitId;
}

export async function overview(db: Db, ctx: RequestContext, programId: number, unitId?: number) {
  await programOr404(db, programId);
  const unit = unitId ?? (await defaultUnit(db, ctx));
  await requireUnitIn(db, ctx, unit, PROGRAM['task.read']);
  const [info, sections, children] = await Promise.all([
    store.unitHeader(db, unit),
    store.unitBySection(db, programId, unit),
    store.childrenTotals(db, programId, unit),
  ]);
  if (!info) throw notFound({ vi: `đơn vị số ${unit}`, en: `Unit ${unit}` });
  return {
    unit: { id: info.id, code: info.code, name: info.name, level: info.level, parentId: info.parent_id },
    ...summarise(add(sections)),
    sections: sections.map((s) => ({
      sectionId: s.section_id,
      code: s.code,
      title: { vi: s.title_vi, en: s.title_en },
      ...summarise(s),
    })),
    children: children.map((c) => ({ unitId: c.unit_id, code: c.code, name: c.name, level: c.level, ...summarise(c) })),
  };
}

export async function heatmap(db: Db, ctx: RequestContext, programId: number) {
  await programOr404(db, programId);
  const scope = await scopeOf(db, ctx, PROGRAM['task.read']);
  const cells = await store.provinceSectionCells(db, programId, scope);
  const sections = await store.sectionsIn(db, [...new Set(cells.map((c) => c.section_id))]);
  const provinces = [
    ...new Map(cells.map((c) => [c.unit_id, { unitId: c.unit_id, code: c.code, name: c.name }])).values(),
  ].sort((a, b) => a.code.localeCompare(b.code));
  return {
    sections: sections.map((s) => ({ sectionId: s.id, code: s.code, title: { vi: s.title_vi, en: s.title_en } })),
    provinces,
    cells: cells.map((c) => ({ unitId: c.unit_id, sectionId: c.section_id, ...summarise(c) })),
  };
}

/** Share of rated tasks at risk (AT_RISK) per province, for the map (properties.code = province code). */
export async function riskMap(db: Db, ctx: RequestContext, programId: number) {
  const h = await heatmap(db, ctx, programId);
  return {
    provinces: h.provinces.map((p) => {
      const s = summarise(
        add(
          h.cells
            .filter((c) => c.unitId === p.unitId)
            .map((c) => ({ ...c.byStatus, ...c.byRating, total: c.total }) as store.Counts),
        ),
      );
      return { ...p, total: s.total, rated: s.rated, atRisk: s.atRisk, atRiskShare: s.atRiskShare, rating: s.rating };
    }),
  };
}

type ListRow = Awaited<ReturnType<typeof store.taskList>>['items'][number];

/** A row of the overdue, at-risk and "my tasks" lists, camelCase like the other program answers. */
function presentListItem(r: ListRow) {
  return {
    taskId: r.id,
    taskCode: r.code,
    title: { vi: r.title_vi, en: r.title_en },
    unitId: r.unit_id,
    unitName: r.unit_name,
    dueDate: r.due_date,
    // Text and JSON columns as their CHECK constraints and the engine write them (tasks.content.ts presentTaskRow).
    status: r.status as TaskStatus,
    progress: r.progress,
    rating: r.rating as Rating | null,
    warningKinds: r.warning_kinds as WarningKind[],
    ratingExplanation: r.rating_explanation as Message | null,
    lastReportDate: r.last_report_date,
    version: r.version,
    reported: presentReported(r),
  };
}

export async function taskList(
  db: Db,
  ctx: RequestContext,
  programId: number,
  kind: 'overdue' | 'at_risk',
  q: { unitId?: number; limit: number; offset: number },
) {
  await programOr404(db, programId);
  if (q.unitId) await requireUnitIn(db, ctx, q.unitId, PROGRAM['task.read']);
  const scope = await scopeOf(db, ctx, PROGRAM['task.read']);
  const unitIds = q.unitId ? await subtreeIds(db, q.unitId) : null;
  const { items, total } = await store.taskList(db, scope, {
    programId,
    unitIds,
    kind,
    limit: q.limit,
    offset: q.offset,
  });
  return { total, items: items.map(presentListItem) };
}

/** Unfinished tasks of the units the caller is granted directly (not their subtrees). */
export async function myTasks(db: Db, ctx: RequestContext, programId: number, q: { limit: number; offset: number }) {
  const user = requireUser(ctx);
  await programOr404(db, programId);
  const scope = await scopeOf(db, ctx, PROGRAM['task.read']);
  const own = user ? user.grants.map((g) => g.unitId) : [await countryUnitId(db)];
  const { items, total } = await store.taskList(db, scope, {
    programId,
    unitIds: own,
    kind: 'mine',
    limit: q.limit,
    offset: q.offset,
  });
  return { total, items: items.map(presentListItem) };
}

/**
 * Tasks due per month, from the due-month rollups: the asked unit's subtree, else everything the caller
 * may read (the country, or the subtrees of their grants). `from` and `to` select whole months.
 */
export async function timeline(
  db: Db,
  ctx: RequestContext,
  programId: number,
  q: { unitId?: number; from?: string; to?: string },
) {
  const program = await programOr404(db, programId);
  if (q.unitId) await requireUnitIn(db, ctx, q.unitId, PROGRAM['task.read']);
  const scope = await scopeOf(db, ctx, PROGRAM['task.read']);
  const from = q.from ?? todayIso().slice(0, 8) + '01';
  const to = q.to ?? program.period_end;
  const user = requireUser(ctx);
  const units = q.unitId
    ? [q.unitId]
    : scope.all || !user
      ? [await countryUnitId(db)]
      : await store.outermostUnits(db, ownGrantUnits(ctx, PROGRAM['task.read']));
  return {
    from,
    to,
    months: await store.dueTimeline(db, programId, units, `${from.slice(0, 7)}-01`, `${to.slice(0, 7)}-01`),
  };
}
