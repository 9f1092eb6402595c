// The province and national handover dashboards (issue 11, item 6), read from the maintained rollups:
// exact counts only (the screen computes the percentages). A province's figures need a grant over the
// province; the nation's a grant over the country (the CLI, as the operator, sees both).
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireGrantOver } from '../../platform/policy/policy.ts';
import { notFound, todayIso } from '../../platform/errors.ts';
import { countryUnit } from '../../units/registry/registry.store.ts';
import { HANDOVER } from '../handover.policy.ts';
import { provinceByCode } from '../workflow/workflow.store.ts';
import { IDLE_MONTHS } from '../workflow/workflow.service.ts';
import * as store from './rollups.store.ts';

/** `iso` minus `months`, the day clamped to the month's end as PostgreSQL's interval arithmetic does. */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export type Figures = Record<keyof store.Counters, number>;
export const toFigures = (c: store.Counters): Figures =>
  Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number(v)])) as Figures;

export async function handoverDashboard(
  db: Db,
  ctx: RequestContext,
  q: { province?: string; idleMonths?: number; asOf?: string },
) {
  let provinceId: number | null = null;
  let name: string | null = null;
  if (q.province) {
    const p = await provinceByCode(db, q.province);
    if (!p)
      throw notFound({
        vi: `tỉnh, thành phố mã ${q.province} đang hiệu lực`,
        en: `a province with code ${q.province} in force`,
      });
    provinceId = p.id;
    name = p.full_name;
    await requireGrantOver(db, ctx, HANDOVER['handover.read'], p.id, {
      vi: `Tỉnh ${p.full_name}`,
      en: `Province ${p.full_name}`,
    });
  } else {
    const country = await countryUnit(db);
    if (!country) throw notFound({ vi: 'đơn vị cả nước', en: 'the country unit' });
    await requireGrantOver(db, ctx, HANDOVER['handover.read'], country.id, {
      vi: 'Số liệu cả nước',
      en: 'National figures',
    });
  }
  const asOf = q.asOf ?? todayIso();
  const idleMonths = q.idleMonths ?? IDLE_MONTHS;
  const c = await store.dashboard(db, { provinceId, today: asOf, idleBefore: monthsBefore(asOf, idleMonths) });
  const f = toFigures(c);
  return {
    province: q.province ? { code: q.province, id: provinceId!, name: name! } : null,
    asOf,
    idleMonths,
    handovers: {
      draft: f.handovers_draft,
      submitted: f.handovers_submitted,
      counted: f.handovers_counted,
      signed: f.handovers_signed,
      closed: f.handovers_closed,
    },
    lines: f.lines,
    outstanding: f.outstanding,
    dossiers: f.dossiers,
    dossiersDigitised: f.dossiers_digitised,
    pages: f.pages,
    pagesDigitised: f.pages_digitised,
    landRecordsNotDigitised: f.land_records_not_digitised,
    sealsNotSurrendered: f.seals_not_surrendered,
    headquarters: f.headquarters,
    headquartersIdle: f.headquarters_idle,
    headquartersIdlePastMonths: f.headquarters_idle_past,
    businessPastDeadline: f.business_past_deadline,
  };
}
