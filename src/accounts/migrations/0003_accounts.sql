-- Accounts, role grants scoped to a unit subtree, database-backed sessions
-- (so several server processes share them), API tokens and login attempts.
create table users (
  id             bigserial primary key,
  username       text not null,
  display_name   text not null,
  email          text,
  password_hash  text not null,
  is_active      boolean not null default true,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create unique index users_username_idx on users (lower(username));

create table grants (
  id          bigserial primary key,
  user_id     bigint not null references users(id),
  role        text not null check (role in ('system_admin','central_officer','province_officer','commune_officer','viewer')),
  unit_id     bigint not null references units(id),   -- the grant covers this unit's subtree
  created_at  timestamptz not null default now(),
  unique (user_id, role, unit_id)
);
create index grants_user_idx on grants (user_id);

create table sessions (
  id            bigserial primary key,
  token_hash    text not null unique,   -- sha256 of the cookie value; the value itself is never stored
  csrf_token    text not null,
  user_id       bigint not null references users(id),
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  ip            text,
  user_agent    text
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

create table api_tokens (
  id            bigserial primary key,
  user_id       bigint not null references users(id),
  name          text not null,
  token_hash    text not null unique,
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

create table login_attempts (
  id         bigserial primary key,
  username   text not null,
  ip         text not null,
  at         timestamptz not null default now(),
  succeeded  boolean not null
);
create index login_attempts_user_idx on login_attempts (username, at); -- stored lower-cased
create index login_attempts_ip_idx on login_attempts (ip, at);
