// The figures of the annual implementation report: counts as of the report
// date (the end of the year, or today for the current year) from the
// maintained rollups, tasks due in the year, reports received, warnings.
// Official figures only: a report counts once the level above accepts it.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound, todayIso } from '../../platform/errors.ts';
import { checkRole } from '../../platform/policy/policy.ts';
import { PROGRAM } from '../program.policy.ts';
import { RATING_LABELS } from '../warnings/index.ts';
import { findProgram, findProgramByCode, listPrograms } from '../tasks/tasks.versions.store.ts';
import { heatmap, overview } from '../dashboards/dashboards.service.ts';

export const STATUS_LABELS: Record<string, { vi: string; en: string }> = {
  not_started: { vi: 'Chưa triển khai', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  done_late: { vi: 'Hoàn thành muộn', en: 'Done late' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  suspended: { vi: 'Tạm dừng', en: 'Suspended' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};
export { RATING_LABELS };
export const WARNING_LABELS: Record<string, string> = {
  overdue: 'Quá hạn',
  at_risk: 'Có nguy cơ chậm',
  due_soon_low_progress: 'Sắp đến hạn, tiến độ thấp',
  silent: 'Không báo cáo đúng kỳ',
  lacking_resources: 'Thiếu nguồn lực',
  blocked: 'Bị chặn bởi nhiệm vụ phụ thuộc',
};

export async function annualReportData(db: Db, ctx: RequestContext, opts: { year: number; programCode?: string }) {
  checkRole(ctx, PROGRAM['program.annual']);
  const program = opts.programCode ? await findProgramByCode(db, opts.programCode) : (await listPrograms(db)).at(-1);
  if (!program)
    throw notFound({
      vi: opts.programCode ? `chương trình mã ${opts.programCode}` : 'chương trình nào',
      en: opts.programCode ? `Program ${opts.programCode}` : 'Any program',
    });
  const yearEnd = `${opts.year}-12-31`;
  const asOf = todayIso() < yearEnd ? todayIso() : yearEnd;
  const [national, heat] = await Promise.all([overview(db, ctx, program.id), heatmap(db, ctx, program.id)]);
  const dueInYear = await sql<{
    code: string;
    title: string;
    unit: string;
    due_date: string;
    status: string;
    progress: number;
    rating: string | null;
  }>`
    select t.code, coalesce(t.title_vi, t.title_en) as title, u.name as unit, t.due_date, t.status, t.progress, t.rating
    from tasks t join units u on u.id = t.unit_id
    where t.program_id = ${program.id} and t.kind = 'task' and not t.cascaded and t.due_date between ${`${opts.year}-01-01`}::date and ${yearEnd}::date
    order by t.due_date, t.position`.execute(db);
  // Reports received, by review state. Every figure above (statuses, progress, ratings) is official: it counts
  // accepted reports only; reports awaiting review are counted here and nowhere else.
  const reports = await sql<{ total: number; late: number; accepted: number; returned: number; awaiting: number }>`
    select count(*)::int as total, count(*) filter (where r.is_late)::int as late,
           count(*) filter (where r.state = 'accepted')::int as accepted, count(*) filter (where r.state = 'returned')::int as returned,
           count(*) filter (where r.state = 'submitted')::int as awaiting
    from task_reports r join tasks t on t.id = r.task_id
    where t.program_id = ${program.id} and r.report_date between ${`${opts.year}-01-01`}::date and ${yearEnd}::date`.execute(
    db,
  );
  const warnings = await sql<{ kind: string; open: number; escalated: number }>`
    select w.kind, count(*)::int as open, count(*) filter (where w.escalated_at is not null)::int as escalated
    from program_warnings w join tasks t on t.id = w.task_id
    where t.program_id = ${program.id} and w.resolved_at is null group by w.kind order by w.kind`.execute(db);
  const provinces = heat.provinces.map((p) => {
    const cells = heat.cells.filter((c) => c.unitId === p.unitId);
    const sum = (f: (c: (typeof cells)[number]) => number) => cells.reduce((s, c) => s + f(c), 0);
    return {
      code: p.code,
      name: p.name,
      total: sum((c) => c.total),
      done: sum((c) => c.byStatus.done + c.byStatus.done_late),
      overdue: sum((c) => c.byStatus.overdue),
      atRisk: sum((c) => c.atRisk),
    };
  });
  return {
    program: await findProgram(db, program.id).then((p) => p!),
    year: opts.year,
    asOf,
    national,
    dueInYear: dueInYear.rows,
    reports: reports.rows[0],
    warnings: warnings.rows,
    provinces,
  };
}
export type AnnualReportData = Awaited<ReturnType<typeof annualReportData>>;
