-- API tokens expire and may be read-only; sign-in limits become counters that
-- are reserved before the password is checked.

-- Tokens made before expiry existed get the default lifetime from today, so
-- none stops working the moment this migration runs.
alter table api_tokens add column expires_at timestamptz;
update api_tokens set expires_at = now() + interval '90 days';
alter table api_tokens alter column expires_at set not null;
alter table api_tokens add column read_only boolean not null default false;
create index api_tokens_user_idx on api_tokens (user_id);

-- One row per (address, user name) and one per address (username = ''). A
-- sign-in locks its two rows, counts itself as a failure, and only then checks
-- the password; a success takes its count back. Parallel guesses therefore see
-- each other, and failures from one address never block a name elsewhere.
create table login_throttles (
  ip             text not null,
  username       text not null,          -- lower-cased; '' for the whole address
  failures       integer not null default 0,
  window_start   timestamptz not null default now(),
  blocked_until  timestamptz,
  strikes        integer not null default 0,  -- blocks in a row without a success: the next one lasts twice as long
  updated_at     timestamptz not null default now(),
  primary key (ip, username)
);
create index login_throttles_updated_idx on login_throttles (updated_at);

-- The per-attempt log counted after the password check (a race); every
-- attempt is also in the audit log (auth.login, auth.login_failed).
drop table login_attempts;
