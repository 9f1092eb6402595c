-- Counts of tasks (kind 'task') in a unit's SUBTREE by the month they are due,
-- by status and rating: the due-date timeline reads these rows instead of
-- grouping the task table. Maintained with program_rollups, in the same
-- transaction, by the same deltas (a task whose due date moves leaves one
-- month's row and joins another's). Tasks without a due date are not counted.
create table program_due_rollups (
  program_id     bigint not null references programs(id),
  unit_id        bigint not null references units(id),
  due_month      date not null check (extract(day from due_month) = 1),
  total          integer not null default 0,
  not_started    integer not null default 0,
  in_progress    integer not null default 0,
  done           integer not null default 0,
  done_late      integer not null default 0,
  overdue        integer not null default 0,
  suspended      integer not null default 0,
  cancelled      integer not null default 0,
  green          integer not null default 0,
  amber_green    integer not null default 0,
  amber          integer not null default 0,
  amber_red      integer not null default 0,
  red            integer not null default 0,
  unrated        integer not null default 0,
  primary key (program_id, unit_id, due_month)
);

-- The rows for the tasks already there (as program.rollups.store.ts rebuildRollups computes them).
insert into program_due_rollups (program_id, unit_id, due_month, total, not_started, in_progress, done, done_late, overdue,
  suspended, cancelled, green, amber_green, amber, amber_red, red, unrated)
with recursive up(task_unit, unit_id, depth) as (
  select distinct unit_id, unit_id, 0 from tasks where kind = 'task'
  union all
  select up.task_unit, u.parent_id, up.depth + 1 from up join units u on u.id = up.unit_id where u.parent_id is not null and up.depth < 10
)
select t.program_id, up.unit_id, date_trunc('month', t.due_date::timestamp)::date, count(*),
  count(*) filter (where t.status = 'not_started'), count(*) filter (where t.status = 'in_progress'),
  count(*) filter (where t.status = 'done'), count(*) filter (where t.status = 'done_late'),
  count(*) filter (where t.status = 'overdue'), count(*) filter (where t.status = 'suspended'),
  count(*) filter (where t.status = 'cancelled'),
  count(*) filter (where t.rating = 'green'), count(*) filter (where t.rating = 'amber_green'),
  count(*) filter (where t.rating = 'amber'), count(*) filter (where t.rating = 'amber_red'),
  count(*) filter (where t.rating = 'red'), count(*) filter (where t.rating is null)
from tasks t join up on up.task_unit = t.unit_id
where t.kind = 'task' and t.section_id is not null and t.due_date is not null
group by t.program_id, up.unit_id, date_trunc('month', t.due_date::timestamp)::date;
