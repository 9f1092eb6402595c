-- One row per webhook POST about escalated warnings (after retries): which run,
-- which receiver, which warnings, and every attempt with its HTTP status or
-- error, so an operator can see what a receiver missed and why.
create table program_webhook_deliveries (
  id            bigserial primary key,
  event         text not null,              -- 'program.warnings.escalated'
  as_of         date not null,              -- the day of the run that escalated them
  receiver      text not null,              -- the URL's origin only: a path or query may hold a token
  receiver_no   integer not null,           -- its place in APPARATUS_WEBHOOK_URLS, from 1
  delivery_id   text not null,              -- the x-apparatus-delivery header, the same on every attempt
  warning_ids   bigint[] not null,
  ok            boolean not null,
  attempts      jsonb not null,             -- [{at, status, error, ms}]
  error         text,
  created_at    timestamptz not null default now()
);
create index program_webhook_deliveries_failed_idx on program_webhook_deliveries (created_at) where not ok;
