-- Citizens' feedback and petitions (issue 13, item 1). One row per item, with where it happened as read
-- (located_unit_id, possibly an old commune), who answers it now (unit_id, always a unit in force when routed or
-- forwarded), the deadline fixed at submission from the category's legal period, and the citizen's privacy choice.
-- The reporter's contact is kept for the answer only: it is never published, and with privacy 'withheld' no
-- officer's answer carries it. public_description / public_answer are the redacted texts (phones, e-mails,
-- 12-digit ID numbers, the reporter's name) that public pages show.
create table feedback_items (
  id                 bigserial primary key,
  code               text not null unique check (code ~ '^PA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
  category           text not null check (length(category) between 1 and 50),
  status             text not null default 'received'
                       check (status in ('received', 'assigned', 'in_progress', 'answered', 'closed')),
  close_reason       text check (close_reason in ('resolved', 'not_competent', 'duplicate', 'rejected')),
  close_note         text check (length(close_note) <= 4000),
  forwarded_to       text check (length(forwarded_to) <= 300),
  duplicate_of       bigint references feedback_items(id),
  title              text not null check (length(title) between 1 and 200),
  description        text not null check (length(description) between 1 and 8000),
  public_title       text not null,
  public_description text not null,
  location_text      text check (length(location_text) <= 500),
  located_unit_id    bigint not null references units(id),
  unit_id            bigint not null references units(id),
  routing_note       text not null,
  occurred_on        date,
  submitted_at       timestamptz not null default now(),
  received_on        date not null,
  due_on             date not null,
  privacy            text not null check (privacy in ('public', 'name_hidden', 'withheld')),
  reporter_name      text check (length(reporter_name) <= 200),
  reporter_email     text check (length(reporter_email) <= 200),
  reporter_phone     text check (length(reporter_phone) <= 30),
  client_hash        text,
  assigned_to        bigint references users(id),
  answer             text check (length(answer) <= 8000),
  public_answer      text,
  answered_at        timestamptz,
  answered_by        bigint references users(id),
  closed_at          timestamptz,
  reopen_count       integer not null default 0,
  rating             smallint check (rating between 1 and 5),
  rating_comment     text check (length(rating_comment) <= 1000),
  rated_at           timestamptz,
  updated_at         timestamptz not null default now(),
  check ((status = 'closed') = (close_reason is not null)),
  check (close_reason <> 'duplicate' or duplicate_of is not null),
  check (close_reason not in ('not_competent', 'rejected') or close_note is not null)
);
-- An officer's queue: the unit's open items by due date.
create index feedback_items_queue_idx on feedback_items (unit_id, due_on) where status <> 'closed';
create index feedback_items_unit_idx on feedback_items (unit_id, submitted_at);
create index feedback_items_located_idx on feedback_items (located_unit_id);
-- The rate limit on public submission: recent items from one address (hashed, never stored in clear).
create index feedback_items_client_idx on feedback_items (client_hash, submitted_at) where client_hash is not null;
create index feedback_items_overdue_idx on feedback_items (due_on) where status not in ('answered', 'closed');

-- What happened to an item, in order: the citizen's timeline (public rows) and the officers' (all rows).
create table feedback_events (
  id            bigserial primary key,
  item_id       bigint not null references feedback_items(id),
  at            timestamptz not null default now(),
  kind          text not null check (kind in ('submitted', 'assigned', 'started', 'answered', 'forwarded',
                  'closed', 'reopened', 'rated')),
  from_unit_id  bigint references units(id),
  to_unit_id    bigint references units(id),
  note          text check (length(note) <= 4000),
  actor_id      bigint references users(id)
);
create index feedback_events_item_idx on feedback_events (item_id, id);
