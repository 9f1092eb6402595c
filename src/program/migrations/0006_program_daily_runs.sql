-- One row per day the daily warning run was claimed. With several server
-- processes on one database, the insert decides which one runs it.
create table program_daily_runs (
  as_of        date primary key,
  claimed_at   timestamptz not null default now(),
  finished_at  timestamptz,
  result       jsonb
);
