-- Background jobs as users see them: what was asked, by whom, over which unit, how far it has got,
-- and its result. The queue itself (claiming, retries, schedules, several server processes) is
-- pg-boss, in its own schema `pgboss`, created by pg-boss at start; this table is ours and the
-- screens, the CLI and the access checks read only this one.
create table jobs (
  id              bigserial primary key,
  kind            text not null,
  requested_by    bigint references users(id),
  requested_label text not null,
  unit_id         bigint references units(id),
  params          jsonb not null default '{}',
  state           text not null default 'queued' check (state in ('queued', 'running', 'retrying', 'done', 'failed')),
  progress_done   integer not null default 0 check (progress_done >= 0),
  progress_total  integer not null default 0 check (progress_total >= 0),
  phrase_vi       text,
  phrase_en       text,
  attempts        integer not null default 0,
  -- The result file. Stored in the database (storage 'db', bytes in result_bytes) until a deployment
  -- spans machines without a shared database, when an object store (S3-compatible) holds the bytes and
  -- result_ref names the object; the size limit of the 'db' storage is in jobs.storage.ts.
  result_name     text,
  result_type     text,
  result_size     integer,
  result_storage  text check (result_storage in ('db', 'object')),
  result_ref      text,
  result_bytes    bytea,
  summary         jsonb,
  error_vi        text,
  error_en        text,
  boss_job_id     text,
  created_at      timestamptz not null default now(),
  started_at      timestamptz,
  finished_at     timestamptz,
  updated_at      timestamptz not null default now()
);
create index jobs_requested_by on jobs (requested_by, created_at desc);
create index jobs_kind_state on jobs (kind, state);
