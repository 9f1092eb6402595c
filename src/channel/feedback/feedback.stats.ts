// Figures of the channel per answering unit (`feedback stats`, GET /api/feedback/stats) and the overdue list
// (`feedback overdue`), within the caller's scope; a province code narrows to the units in that province.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { readableUnits } from './feedback.officer.ts';
import { overdueItems, statsByUnit } from './feedback.stats.store.ts';
import { todayOf } from './feedback.service.ts';
import type { FeedbackSettings } from './feedback.settings.ts';

async function scope(db: Db, ctx: RequestContext, provinceCode: string | undefined, today: string) {
  return readableUnits(db, ctx, provinceCode, today);
}

export async function stats(
  db: Db,
  ctx: RequestContext,
  q: { provinceCode?: string; asOf?: string },
  s: FeedbackSettings,
) {
  const asOf = q.asOf ?? todayOf(s);
  const rows = await statsByUnit(db, await scope(db, ctx, q.provinceCode, asOf), asOf);
  const out = rows.map((r) => ({
    unit: { id: r.unit_id, code: r.code, name: r.full_name },
    total: r.total,
    open: r.open,
    overdue: r.overdue,
    answered: r.answered,
    answeredOnTime: r.answered_on_time,
    closed: r.closed,
    rated: r.rated,
    ratingSum: r.rating_sum,
  }));
  const sum = (k: keyof (typeof out)[number]) => out.reduce((a, r) => a + (r[k] as number), 0);
  return {
    asOf,
    rows: out,
    total: {
      total: sum('total'),
      open: sum('open'),
      overdue: sum('overdue'),
      answered: sum('answered'),
      answeredOnTime: sum('answeredOnTime'),
      closed: sum('closed'),
      rated: sum('rated'),
      ratingSum: sum('ratingSum'),
    },
  };
}

export async function overdue(
  db: Db,
  ctx: RequestContext,
  q: { provinceCode?: string; limit?: number },
  s: FeedbackSettings,
) {
  const today = todayOf(s);
  const rows = await overdueItems(db, await scope(db, ctx, q.provinceCode, today), today, q.limit ?? 1000);
  return {
    today,
    items: rows.map((r) => ({
      code: r.code,
      category: r.category,
      status: r.status,
      dueOn: r.due_on,
      unit: { code: r.unit_code, name: r.unit_name },
      workingDaysLate: r.days_late,
    })),
  };
}
