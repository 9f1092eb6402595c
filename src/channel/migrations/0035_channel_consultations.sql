-- Public consultations on a draft (a restructuring plan, a regulation): the drafting body's unit, ordered
-- sections, the window in which people take part, one participation per person per draft (an e-mail hash,
-- counted once its owner confirms it), votes agree/disagree per section and overall, comments per section
-- (stored already redacted: the drafting body does not need a phone number to read an opinion), and the
-- drafting body's groups of comments with the answer it publishes to each.
create table consultations (
  id bigint generated always as identity primary key,
  title text not null check (length(title) between 1 and 500),
  kind text not null check (kind in ('plan', 'regulation', 'other')),
  summary text not null default '',
  unit_id bigint not null references units (id),
  opens_on date not null,
  -- The last day on which people may take part (inclusive).
  closes_on date not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  check (closes_on >= opens_on)
);
create index consultations_unit on consultations (unit_id);

create table consultation_sections (
  id bigint generated always as identity primary key,
  consultation_id bigint not null references consultations (id),
  position integer not null check (position >= 1),
  heading text not null check (length(heading) between 1 and 500),
  body text not null default '',
  unique (consultation_id, position)
);

create table consultation_participants (
  id bigint generated always as identity primary key,
  consultation_id bigint not null references consultations (id),
  -- sha256 of the consultation id and the normalised e-mail: one participation per address per draft, not
  -- linkable across drafts by the hash alone.
  identity_hash text not null,
  -- sha256 of the confirmation code sent to the address; null once confirmed.
  confirm_hash text,
  confirmed_at timestamptz,
  residence_unit_id bigint not null references units (id),
  -- The residence's province (level 1 ancestor) on the vote date, kept so results by province need no walk.
  residence_province_id bigint not null references units (id),
  voted_on date not null,
  overall text check (overall in ('agree', 'disagree')),
  created_at timestamptz not null default now(),
  unique (consultation_id, identity_hash)
);
create index consultation_participants_confirm on consultation_participants (confirm_hash) where confirm_hash is not null;

create table consultation_votes (
  participant_id bigint not null references consultation_participants (id) on delete cascade,
  section_id bigint not null references consultation_sections (id),
  choice text not null check (choice in ('agree', 'disagree')),
  primary key (participant_id, section_id)
);

create table consultation_groups (
  id bigint generated always as identity primary key,
  consultation_id bigint not null references consultations (id),
  section_id bigint references consultation_sections (id),
  title text not null check (length(title) between 1 and 500),
  answer text,
  answered_at timestamptz,
  answered_by text,
  created_at timestamptz not null default now()
);

create table consultation_comments (
  id bigint generated always as identity primary key,
  participant_id bigint not null references consultation_participants (id) on delete cascade,
  section_id bigint not null references consultation_sections (id),
  -- Redacted before it is stored (phone numbers, e-mail addresses, 12-digit ID numbers).
  body text not null check (length(body) between 1 and 5000),
  redactions integer not null default 0,
  group_id bigint references consultation_groups (id),
  created_at timestamptz not null default now()
);
create index consultation_comments_section on consultation_comments (section_id);
