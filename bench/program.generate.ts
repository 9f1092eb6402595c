// The national-scale program generator of the benchmarks: central tasks in 14
// sections with quarterly deadlines over 2026–2030, cascaded to every province
// and every commune in two INSERT … SELECTs, with `reports` reports per commune
// task in bulk (generate_series), the tasks following their reports, and the
// rollups rebuilt.
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/platform/db/db.ts';
import { systemContext } from '../src/platform/context.ts';
import { createProgramFromTree, type ParsedNodeLike } from '../src/program/tasks/tasks.import.ts';
import { rebuildRollups } from '../src/program/dashboards/dashboards.rollups.store.ts';

const ctx = systemContext('bench');

/** 14 sections of central tasks with quarterly deadlines spread over 2026–2030. */
function syntheticTree(central: number): ParsedNodeLike[] {
  const sectionCount = Math.min(14, central);
  const per = Math.ceil(central / sectionCount);
  let made = 0;
  const sections = Array.from({ length: sectionCount }, (_, s) => {
    const children: ParsedNodeLike[] = [];
    for (let i = 1; i <= per && made < central; i++, made++) {
      const q = made % 20;
      const year = 2026 + Math.floor(q / 4);
      const quarter = (q % 4) + 1;
      const end = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
      children.push({
        kind: 'bullet',
        marker: '-',
        path: `II.${s + 1}.${i}`,
        title: `Task ${s + 1}.${i}`,
        text: `- Task ${s + 1}.${i}`,
        line: 0,
        children: [],
        deadline: { kind: 'quarter', start: `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`, end },
      });
    }
    return {
      kind: 'item',
      marker: `${s + 1}.`,
      path: `II.${s + 1}`,
      title: `Section ${s + 1}`,
      text: `${s + 1}. Section`,
      line: 0,
      children,
    };
  });
  return [
    {
      kind: 'part',
      marker: 'II-',
      path: 'II',
      title: 'MAIN TASKS',
      text: 'II- MAIN TASKS',
      line: 0,
      children: sections,
    },
  ];
}

const inForce = (a: string) =>
  sql.raw(
    `(${a}.valid_from is null or ${a}.valid_from <= current_date) and (${a}.valid_to is null or ${a}.valid_to > current_date)`,
  );

/** Cascades every central task to all provinces, then every province task to its communes, in two INSERT … SELECTs. */
export async function generate(h: DatabaseHandle, central: number, reportsPerTask: number) {
  const { program } = await createProgramFromTree(
    h.db,
    ctx,
    {
      code: 'BENCH',
      titleVi: 'Chương trình đo hiệu năng',
      issuingBody: 'Bench',
      periodStart: '2026-01-01',
      periodEnd: '2030-12-31',
      cadence: 'quarterly',
      reportGraceDays: 10,
      escalationDays: 14,
    },
    syntheticTree(central),
    { language: 'en', effectiveDate: '2026-01-01' },
  );
  const cols = sql`program_id, parent_id, kind, cascaded, position, code, section_id, unit_id, lead_agency_id, title_en, deadline_kind, deadline_start, due_date, start_date`;
  const lead = (u: string) =>
    sql.raw(`(select min(a.id) from agencies a where a.unit_id = ${u}.id and a.kind = 'peoples_committee')`);
  await sql`insert into tasks (${cols}) select c.program_id, c.id, 'task', true, c.position, c.code || '@' || p.code, c.section_id, p.id, ${lead('p')},
      c.title_en, c.deadline_kind, c.deadline_start, c.due_date, date '2026-01-15'
    from tasks c cross join units p where c.program_id = ${program.id} and c.kind = 'task' and not c.cascaded and p.level = 1 and ${inForce('p')}`.execute(
    h.db,
  );
  await sql`insert into tasks (${cols}) select c.program_id, c.id, 'task', true, c.position, c.code || '@' || p.code, c.section_id, p.id, ${lead('p')},
      c.title_en, c.deadline_kind, c.deadline_start, c.due_date, date '2026-01-15'
    from tasks c join units pr on pr.id = c.unit_id join units p on p.parent_id = pr.id
    where c.program_id = ${program.id} and c.cascaded and pr.level = 1 and p.level = 3 and ${inForce('p')}`.execute(
    h.db,
  );
  // `reportsPerTask` reports spread evenly from 2026-01-15 to 2026-11-15 (all in the past on the bench's
  // date), progress growing with the days passed at a pace set by the task id (17–82% by November);
  // the tasks follow their reports.
  const step = Math.max(1, Math.floor(304 / reportsPerTask));
  const day = (k: string) => sql.raw(`(date '2026-01-15' + (${k}) * ${step})`);
  const progressAt = (k: string) => sql.raw(`round(least(100, (${k}) * ${step} * (5 + (t.id % 20)) / 90.0), 2)`);
  await sql`insert into task_reports (task_id, report_date, period_label, period_due, progress, status, state, submitted_by_label, submitted_at)
    select t.id, d, to_char(d, 'YYYY') || '-Q' || extract(quarter from d), (date_trunc('quarter', d) + interval '3 months' - interval '1 day')::date + 10,
      ${progressAt('k')}, case when ${progressAt('k')} >= 100 then 'done' else 'in_progress' end, 'accepted', 'bench', d
    from tasks t join units u on u.id = t.unit_id cross join generate_series(1, ${reportsPerTask}) k cross join lateral (select ${day('k')} as d) dd
    where t.program_id = ${program.id} and t.cascaded and u.level = 3`.execute(h.db);
  await sql`update tasks t set progress = ${progressAt(String(reportsPerTask))}, last_report_date = ${day(String(reportsPerTask))},
      status = case when ${progressAt(String(reportsPerTask))} >= 100 then 'done' else 'in_progress' end,
      recent_reports = (select jsonb_agg(jsonb_build_object('date', to_char(${day('k')}, 'YYYY-MM-DD'), 'progress', ${progressAt('k')}, 'resourcesNeeded', false) order by k)
                        from generate_series(greatest(1, ${reportsPerTask} - 5), ${reportsPerTask}) k)
    from units u where u.id = t.unit_id and t.program_id = ${program.id} and t.cascaded and u.level = 3`.execute(h.db);
  for (const level of [1, 0]) {
    // province tasks, then central tasks: the average of their children
    await sql`update tasks p set progress = c.avg, status = case when c.avg >= 100 then 'done' when c.avg > 0 then 'in_progress' else 'not_started' end
      from (select parent_id, round(avg(progress), 2) as avg from tasks where program_id = ${program.id} and cascaded group by parent_id) c, units u
      where p.id = c.parent_id and u.id = p.unit_id and u.level = ${level}`.execute(h.db);
  }
  await h.db.transaction().execute((trx) => rebuildRollups(trx, program.id));
  await sql`analyze`.execute(h.db);
  const counts = (
    await sql<{
      tasks: number;
      reports: number;
    }>`select (select count(*) from tasks where kind = 'task')::int as tasks, (select count(*) from task_reports)::int as reports`.execute(
      h.db,
    )
  ).rows[0];
  return { programId: program.id, ...counts };
}
