-- The streamlining target (chỉ tiêu tinh giản) of a node in a period and
-- category: from a baseline headcount (recorded in staffing_actuals on or
-- before the baseline date) down to a target headcount at a target date,
-- usually the period's last day. Progress is read against the straight line
-- between the two; the history itself stays in staffing_actuals.
create table staffing_targets (
  node_id             bigint not null references staffing_nodes(id),
  category            text not null references staffing_categories(code),
  baseline_date       date not null,              -- the date asked for (default: the period start)
  baseline_as_of      date not null,              -- the date of the recorded headcount used as baseline
  baseline_headcount  integer not null check (baseline_headcount >= 0),
  target_date         date not null,
  target_headcount    integer not null check (target_headcount >= 0),
  cut_percent         numeric(6,3) check (cut_percent >= 0 and cut_percent <= 100), -- null when typed in as a headcount
  rule_set_id         text,                       -- e.g. 'reduction-2026-2031' when the share came from a rule set
  rule_set_version    integer,
  basis               text not null,              -- the decision or legal basis
  -- who set it: like audit_log.actor, a user name or the CLI/system label (no foreign key:
  -- the CLI and the system have no user row)
  set_by              text not null,
  set_by_id           bigint,
  set_at              timestamptz not null default now(),
  primary key (node_id, category),
  check (target_date > baseline_date),
  check (baseline_as_of <= baseline_date),
  check (target_headcount <= baseline_headcount)
);
