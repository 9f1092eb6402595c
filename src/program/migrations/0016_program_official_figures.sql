-- Trust the figures (issue 9): what a unit reports about itself is "reported"
-- until the level above accepts it; nobody reviews their own report; an edit
-- is a new version; a double click stores one report; the assignee asks the
-- assigner for changes instead of making them; a report left waiting too many
-- working days raises a warning on the reviewer's side.

-- How many working days the level above has to review a report (a program setting).
alter table programs add column review_days integer not null default 5 check (review_days between 1 and 60);

-- Days that are not working days besides Saturdays and Sundays. Seeded with the
-- fixed solar public holidays of the Labour Code 2019 (Bộ luật Lao động số
-- 45/2019/QH14, Điều 112); Tết, the Hùng Kings' day (lunar calendar), the extra
-- day around 2/9 and the yearly swapped days are announced each year and are
-- added by an administrator (`apparatus program holidays add`).
create table public_holidays (
  day      date primary key,
  name_vi  text not null,
  name_en  text not null,
  basis    text not null
);
insert into public_holidays (day, name_vi, name_en, basis)
select make_date(y, m, d), n.vi, n.en, 'Bộ luật Lao động 2019, Điều 112'
from generate_series(2025, 2030) y
cross join (values (1, 1, 'Tết Dương lịch', 'New Year''s Day'), (4, 30, 'Ngày Chiến thắng', 'Reunification Day'),
  (5, 1, 'Ngày Quốc tế lao động', 'International Workers'' Day'), (9, 2, 'Quốc khánh', 'National Day')) as n(m, d, vi, en);

-- The n-th working day after d (d itself not counted).
create function working_day_after(d date, n integer) returns date language sql stable as $$
  select x::date from generate_series((d + 1)::timestamp, (d + n * 3 + 30)::timestamp, interval '1 day') x
  where extract(isodow from x) < 6 and not exists (select 1 from public_holidays h where h.day = x::date)
  order by x offset greatest(n, 1) - 1 limit 1
$$;

-- Working days after a and up to b (0 when b <= a).
create function working_days_between(a date, b date) returns integer language sql stable as $$
  select count(*)::int from generate_series((a + 1)::timestamp, b::timestamp, interval '1 day') x
  where extract(isodow from x) < 6 and not exists (select 1 from public_holidays h where h.day = x::date)
$$;

-- Reports: who reviews them (the unit above the task's unit, fixed at submission),
-- by when, and the client's key that makes a submission idempotent.
alter table task_reports
  add column client_key text check (length(client_key) between 1 and 200),
  add column reviewer_unit_id bigint references units(id),
  add column review_due date,
  -- Not valid: rows written before this rule are kept as they are; every new or changed row is checked.
  add constraint task_reports_reviewer_not_author check (reviewed_by is null or submitted_by is null or reviewed_by <> submitted_by) not valid,
  add constraint task_reports_done_is_complete check (status <> 'done' or progress = 100) not valid,
  add constraint task_reports_not_started_is_zero check (status <> 'not_started' or progress = 0) not valid;
create unique index task_reports_client_key_idx on task_reports (task_id, client_key) where client_key is not null;
create index task_reports_review_queue_idx on task_reports (reviewer_unit_id, submitted_at) where state = 'submitted';

update task_reports r set reviewer_unit_id = coalesce(u.parent_id, u.id),
  review_due = working_day_after((r.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date, p.review_days)
from tasks t join units u on u.id = t.unit_id join programs p on p.id = t.program_id
where t.id = r.task_id and r.state = 'submitted';

-- An author's edit keeps the content it replaces: one row per superseded version.
create table task_report_versions (
  report_id           bigint not null references task_reports(id),
  version             integer not null,
  report_date         date not null,
  progress            numeric(5,2) not null,
  status              text not null,
  narrative           text,
  obstacles           text,
  resources_needed    text,
  state               text not null,
  review_comment      text,
  reviewed_by         bigint references users(id),
  reviewed_at         timestamptz,
  submitted_by        bigint references users(id),
  submitted_by_label  text not null,
  submitted_at        timestamptz not null,
  superseded_at       timestamptz not null default now(),
  primary key (report_id, version)
);

-- Tasks: the official figures (progress, status, done date, recent reports) follow
-- ACCEPTED reports only. Beside them, the latest report awaiting review (the
-- "reported" figure lists and dashboards show) and the review deadline of the
-- oldest report awaiting review (the engine's review_overdue warning).
alter table tasks
  add column pending_report_id bigint references task_reports(id),
  add column reported_progress numeric(5,2) check (reported_progress between 0 and 100),
  add column reported_status text check (reported_status in ('not_started','in_progress','done','suspended')),
  add column reported_date date,
  add column review_due date,
  add constraint tasks_reported_complete check ((pending_report_id is null) = (reported_progress is null)
    and (pending_report_id is null) = (reported_status is null) and (pending_report_id is null) = (reported_date is null)
    and (pending_report_id is null) = (review_due is null));

update tasks t set pending_report_id = r.id, reported_progress = r.progress, reported_status = r.status, reported_date = r.report_date,
  review_due = (select min(x.review_due) from task_reports x where x.task_id = t.id and x.state = 'submitted')
from (select distinct on (task_id) id, task_id, progress, status, report_date from task_reports where state = 'submitted'
      order by task_id, report_date desc, id desc) r
where r.task_id = t.id;

-- The assignee asks, the assigner decides: an approved request becomes an amendment.
create table task_change_requests (
  id                  bigserial primary key,
  task_id             bigint not null references tasks(id),
  program_id          bigint not null references programs(id),
  kind                text not null check (kind in ('deadline','cancel','funding','other')),
  reason              text not null check (length(reason) between 1 and 5000),
  proposed            jsonb not null default '{}',
  assigner_unit_id    bigint not null references units(id),
  state               text not null default 'pending' check (state in ('pending','approved','refused','withdrawn')),
  requested_by        bigint references users(id),
  requested_by_label  text not null,
  requested_at        timestamptz not null default now(),
  decided_by          bigint references users(id),
  decided_by_label    text,
  decided_at          timestamptz,
  decision_comment    text,
  decision_ref        text,
  amendment_id        bigint references program_amendments(id),
  version             integer not null default 1,
  check (decided_by is null or requested_by is null or decided_by <> requested_by),
  check ((state = 'pending') = (decided_at is null))
);
create index task_change_requests_task_idx on task_change_requests (task_id, requested_at desc);
create index task_change_requests_open_idx on task_change_requests (assigner_unit_id, requested_at) where state = 'pending';
create unique index task_change_requests_one_open_idx on task_change_requests (task_id, kind) where state = 'pending';

alter table program_amendments add column change_request_id bigint references task_change_requests(id);

-- The reviewer's lateness is a warning too.
alter table program_warnings drop constraint program_warnings_kind_check;
alter table program_warnings add constraint program_warnings_kind_check
  check (kind in ('overdue','at_risk','due_soon_low_progress','silent','lacking_resources','blocked','review_overdue'));

-- "Is there an unread note of this kind for this user": asked on every report submission.
create index notifications_unread_kind_idx on notifications (user_id, kind) where read_at is null;
