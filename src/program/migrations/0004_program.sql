-- Action programs: tasks in a tree, amendments with dated task versions,
-- cascade to units, progress reports with evidence, warnings, an in-app inbox,
-- and maintained rollups that dashboards read instead of scanning tasks.

create table programs (
  id                  bigserial primary key,
  code                text not null unique,
  title_vi            text not null,
  title_en            text,
  resolution_ref      text,                 -- the resolution the program implements
  issuing_body        text not null,
  period_start        date not null,
  period_end          date not null check (period_end >= period_start),
  cadence             text not null default 'quarterly' check (cadence in ('monthly','quarterly')),
  report_grace_days   integer not null default 10 check (report_grace_days >= 0),
  escalation_days     integer not null default 14 check (escalation_days >= 1),
  current_version     integer not null default 1,
  is_demo             boolean not null default false,
  created_at          timestamptz not null default now()
);

-- Every change of a program's content is an amendment (the import is version 1).
create table program_amendments (
  id              bigserial primary key,
  program_id      bigint not null references programs(id),
  version_no      integer not null,
  kind            text not null check (kind in ('import','add','adjust','cancel','cascade')),
  decision_ref    text,                    -- the decision that orders the change
  reason          text,
  effective_date  date not null,
  actor           text not null,
  created_at      timestamptz not null default now(),
  unique (program_id, version_no)
);

-- Current state of every task (the hot path: reports, warnings, rollups). Content
-- history lives in task_versions; progress history in task_reports.
create table tasks (
  id                bigserial primary key,
  program_id        bigint not null references programs(id),
  parent_id         bigint references tasks(id),
  kind              text not null check (kind in ('part','section','group','task','text')),
  cascaded          boolean not null default false,  -- a linked child created by a cascade
  position          integer not null default 0,      -- order among siblings, as in the document
  code              text not null,                   -- 'II.1.a.3'; cascaded: parent code + '@' + unit code
  section_id        bigint references tasks(id),     -- the numbered section the task counts under in rollups
  unit_id           bigint not null references units(id),  -- the unit responsible (the country for central tasks)
  title_vi          text,                            -- a document in one language fills one title; the other can be added
  title_en          text,
  description_vi    text,
  description_en    text,
  lead_agency_id    bigint references agencies(id),
  deadline_kind     text check (deadline_kind in ('year','half','quarter','month','date','range')),
  deadline_start    date,
  due_date          date,                             -- the deadline period's last day (derived)
  deadline_text     text,
  start_date        date,
  status            text not null default 'not_started' check (status in
                      ('not_started','in_progress','done','done_late','overdue','suspended','cancelled')),
  progress          numeric(5,2) not null default 0 check (progress between 0 and 100),
  done_date         date,
  outputs           text[] not null default '{}' check (outputs <@ array['law','resolution','decree','regulation','scheme',
                      'project','program','plan','report','system','other']::text[]),
  tags              text[] not null default '{}',
  rollup_mode       text not null default 'average' check (rollup_mode in ('average','weighted','all_must_finish')),
  weight            numeric(10,2) not null default 1 check (weight > 0),
  rating            text check (rating in ('green','amber_green','amber','amber_red','red')),
  rating_explanation jsonb,
  warning_kinds     text[] not null default '{}',    -- open warning kinds, sorted: lets the daily run skip unchanged tasks
  recent_reports    jsonb not null default '[]',     -- last reports the engine reads ({date,progress,resourcesNeeded}), newest last
  last_report_date  date,
  version           integer not null default 1,      -- optimistic concurrency
  is_demo           boolean not null default false,
  updated_at        timestamptz not null default now(),
  unique (program_id, code),
  check (title_vi is not null or title_en is not null)
);
create index tasks_parent_idx on tasks (parent_id, position);
create index tasks_unit_idx on tasks (unit_id, program_id);
create index tasks_due_idx on tasks (program_id, due_date) where kind = 'task';
create index tasks_rating_idx on tasks (program_id, rating) where kind = 'task' and rating in ('amber_red','red');
create index tasks_status_idx on tasks (program_id, status) where kind = 'task' and status = 'overdue';

create table task_coordinators (
  task_id    bigint not null references tasks(id),
  agency_id  bigint not null references agencies(id),
  primary key (task_id, agency_id)
);

create table task_funding (
  id                bigserial primary key,
  task_id           bigint not null references tasks(id),
  source            text check (source in ('central_budget','local_budget','oda','private','other')),
  amount_required   numeric(18,0) check (amount_required >= 0),
  amount_allocated  numeric(18,0) check (amount_allocated >= 0),
  note              text
);
create index task_funding_task_idx on task_funding (task_id);

create table task_dependencies (
  task_id        bigint not null references tasks(id),
  depends_on_id  bigint not null references tasks(id),
  primary key (task_id, depends_on_id),
  check (task_id <> depends_on_id)
);
create index task_dependencies_on_idx on task_dependencies (depends_on_id);

-- Dated content versions (type-2 history): reading "the program as of D" is one
-- indexed query (valid_from <= D < valid_to), no replay. Chosen over an
-- amendment log to replay because reads as of a date are frequent and
-- replaying a thousand tasks' amendments per read is not; the amendment rows
-- still say who changed what, why and under which decision.
create table task_versions (
  id             bigserial primary key,
  task_id        bigint not null references tasks(id),
  program_id     bigint not null references programs(id),
  amendment_id   bigint not null references program_amendments(id),
  valid_from     date not null,
  valid_to       date,                  -- exclusive; null while current
  content        jsonb not null         -- code, titles, deadline, lead, coordinators, funding, outputs, tags, status if cancelled
);
create index task_versions_task_idx on task_versions (task_id, valid_from);
create index task_versions_asof_idx on task_versions (program_id, valid_from, valid_to);

-- Evidence files are stored once per SHA-256 in the database, not on disk:
-- the file commits or rolls back with its report, several server processes on
-- one PostgreSQL see the same files, and one backup holds everything.
create table evidence_blobs (
  sha256      text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes  integer not null,
  media_type  text not null,
  content     bytea not null,
  created_at  timestamptz not null default now()
);

create table task_reports (
  id                bigserial primary key,
  task_id           bigint not null references tasks(id),
  report_date       date not null,
  period_label      text not null,        -- '2026-06' (monthly) or '2026-Q2' (quarterly)
  period_due        date not null,        -- last day to submit on time
  progress          numeric(5,2) not null check (progress between 0 and 100),
  status            text not null check (status in ('not_started','in_progress','done','suspended')),
  narrative         text,
  obstacles         text,
  resources_needed  text,
  state             text not null default 'submitted' check (state in ('submitted','accepted','returned')),
  review_comment    text,
  reviewed_by       bigint references users(id),
  reviewed_at       timestamptz,
  submitted_by      bigint references users(id),
  submitted_by_label text not null,
  submitted_at      timestamptz not null default now(),
  is_late           boolean not null default false,
  version           integer not null default 1,
  is_demo           boolean not null default false
);
create index task_reports_task_idx on task_reports (task_id, report_date desc);
create index task_reports_state_idx on task_reports (state) where state = 'submitted';

create table report_evidence (
  report_id  bigint not null references task_reports(id),
  sha256     text not null references evidence_blobs(sha256),
  file_name  text not null,
  primary key (report_id, sha256)
);

create table program_warnings (
  id                  bigserial primary key,
  task_id             bigint not null references tasks(id),
  kind                text not null check (kind in ('overdue','at_risk','due_soon_low_progress','silent','lacking_resources','blocked')),
  severity            text not null check (severity in ('info','warning','critical')),
  message_vi          text not null,
  message_en          text not null,
  facts               jsonb not null,
  raised_at           timestamptz not null default now(),
  acknowledged_at     timestamptz,
  acknowledged_by     bigint references users(id),
  resolved_at         timestamptz,
  resolved_by         bigint references users(id),   -- null with resolved_at set: the condition cleared by itself
  escalated_at        timestamptz,
  escalated_to_unit   bigint references units(id)
);
-- One open warning per task and kind.
create unique index program_warnings_open_idx on program_warnings (task_id, kind) where resolved_at is null;
create index program_warnings_task_idx on program_warnings (task_id);
create index program_warnings_escalation_idx on program_warnings (raised_at) where resolved_at is null and escalated_at is null;

create table notifications (
  id          bigserial primary key,
  user_id     bigint not null references users(id),
  kind        text not null,            -- 'report_returned', 'report_accepted', 'warning_escalated'
  title_vi    text not null,
  title_en    text not null,
  body_vi     text not null,
  body_en     text not null,
  entity      text not null,
  entity_id   bigint not null,
  created_at  timestamptz not null default now(),
  read_at     timestamptz
);
create index notifications_user_idx on notifications (user_id, created_at desc);

-- Counts of tasks (kind 'task') in a unit's SUBTREE and one section, by status
-- and rating. Every change that alters a task's status, rating, unit or
-- section updates the rows of the unit and of its ancestors in the same
-- transaction, so a dashboard reads a few dozen rows, never the task table.
create table program_rollups (
  program_id     bigint not null references programs(id),
  unit_id        bigint not null references units(id),
  section_id     bigint not null references tasks(id),
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
  primary key (program_id, unit_id, section_id)
);
