// The review queue: the reports awaiting the caller's review, the longest
// overdue first, with filters (program, unit, period, lateness), a count for
// the header, and accepting many at once. "Mine" are the reports whose
// reviewing unit is one the caller is granted at (the unit above the reporting
// units: a province officer's queue holds its communes' reports); "all" are all
// the reports the caller may review (their grants' whole subtrees).
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, todayIso } from '../../platform/errors.ts';
import * as store from './reviews.store.ts';
import { presentReport } from '../reports/reports.store.ts';
import { reviewReport } from '../reports/reports.service.ts';
import { ownGrantUnits, requireUnitIn, scopeOf } from '../program.scope.ts';
import { PROGRAM } from '../program.policy.ts';
import { reportRights, userOf } from '../program.rights.ts';
import { subtreeIds } from '../program.places.store.ts';
import type { TaskStatus } from '../program.types.ts';
import type { REPORT_STATES } from '../program.schemas.ts';

type ReportState = (typeof REPORT_STATES)[number];

export interface QueueQuery {
  programId?: number;
  unitId?: number;
  period?: string;
  lateness?: 'submission' | 'review';
  scope: 'mine' | 'all';
  limit: number;
  offset: number;
}

async function filterFor(
  db: Db,
  ctx: RequestContext,
  q: Omit<QueueQuery, 'limit' | 'offset'>,
): Promise<Omit<store.QueueFilter, 'limit' | 'offset'>> {
  const user = userOf(ctx);
  let reviewerUnits: number[] | null = null;
  if (user) {
    const writerGrants = ownGrantUnits(ctx, PROGRAM['report.review']);
    if (q.scope === 'mine') reviewerUnits = [...new Set(writerGrants)];
    else {
      const scope = writerGrants.length
        ? await scopeOf(db, ctx, PROGRAM['report.review'])
        : { all: false as const, unitIds: [] };
      reviewerUnits = scope.all ? null : scope.unitIds;
    }
  }
  let unitIds: number[] | undefined;
  if (q.unitId !== undefined) {
    await requireUnitIn(db, ctx, q.unitId, PROGRAM['task.read']);
    unitIds = await subtreeIds(db, q.unitId);
  }
  return {
    reviewerUnits,
    notBy: user?.id ?? null,
    programId: q.programId,
    unitIds,
    period: q.period,
    lateness: q.lateness,
    today: todayIso(),
  };
}

export async function reviewQueue(db: Db, ctx: RequestContext, q: QueueQuery) {
  const f = await filterFor(db, ctx, q);
  const page = await store.queuePage(db, { ...f, limit: q.limit, offset: q.offset });
  const user = userOf(ctx);
  return {
    total: page.total,
    overdue: page.overdue,
    items: page.items.map((r) => ({
      ...presentReport(r),
      task: {
        id: r.task_id,
        code: r.task_code,
        title: { vi: r.task_title_vi, en: r.task_title_en },
        unitId: r.unit_id,
        unitName: r.unit_name,
        programId: r.program_id,
        official: { progress: r.official_progress, status: r.official_status as TaskStatus },
      },
      waitingWorkingDays: r.waiting_days,
      reviewOverdue: r.review_overdue,
      can: reportRights(user, r.unit_id, r.chain, r),
    })),
  };
}

/** The header's badge: how many reports await the caller's own review, and how many of them are overdue. */
export async function reviewCount(db: Db, ctx: RequestContext, q: { programId?: number }) {
  return store.queueCounts(db, await filterFor(db, ctx, { scope: 'mine', programId: q.programId }));
}

/**
 * Accepts several reports, each in its own transaction with every rule of a single acceptance (the caller may
 * review it, did not write it, it still awaits review at the version shown). Per-item results: one stale or
 * refused report does not hold back the others, and nothing is half-accepted.
 */
export async function acceptMany(
  db: Db,
  ctx: RequestContext,
  items: { id: number; version: number }[],
  comment?: string,
) {
  const results: (
    | { id: number; ok: true; state: ReportState; version: number }
    | { id: number; ok: false; status: number; error: { vi: string; en: string } }
  )[] = [];
  for (const item of items) {
    try {
      const r = await reviewReport(db, ctx, item.id, 'accept', {
        version: item.version,
        ...(comment ? { comment } : {}),
      });
      results.push({ id: item.id, ok: true, state: r.state, version: r.version });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id: item.id, ok: false, status: err.status, error: err.detail });
    }
  }
  return { accepted: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length, results };
}
