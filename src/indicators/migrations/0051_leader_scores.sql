-- Leader capacity scoring (issue 14, items 5–6). A leader is a person holding a position at a unit for a term
-- of office; assessments (superior and peer ratings, confidence votes, major errors) are entered with the
-- decision or minutes they come from; an appeal records an objective-cause exemption, after which the score is
-- recomputed. Every computation is kept (a new row), with the rule-set version and the explanation: a score
-- can always be traced to what it was computed from at the time.

create table leaders (
  id          bigserial primary key,
  full_name   text not null check (length(full_name) between 1 and 200),
  -- the leader's own account, if any: a leader sees their own score and its evidence
  user_id     bigint references users(id),
  created_at  timestamptz not null default now()
);

create table leader_offices (
  id          bigserial primary key,
  leader_id   bigint not null references leaders(id),
  unit_id     bigint not null references units(id),
  position    text not null check (position in ('chair', 'vice_chair', 'secretary', 'director', 'other')),
  -- leaders compared with each other for the 20 % cap: same position, same level of units, same province
  group_code  text not null check (length(group_code) between 1 and 100),
  valid_from  date not null,
  valid_to    date,                 -- exclusive; null: in office
  decision    text not null check (length(decision) between 1 and 300),
  check (valid_to is null or valid_to > valid_from)
);
create index leader_offices_unit_idx on leader_offices (unit_id, valid_from);
create index leader_offices_leader_idx on leader_offices (leader_id);

create table leader_assessments (
  id           bigserial primary key,
  leader_id    bigint not null references leaders(id),
  period       text not null check (period ~ '^\d{4}(-Q[1-4])?$'),
  kind         text not null check (kind in ('superior', 'peer', 'confidence', 'major_error')),
  score        numeric(5,2) check (score between 0 and 100),          -- superior, peer
  votes_high   integer check (votes_high >= 0),                      -- confidence
  votes_medium integer check (votes_medium >= 0),
  votes_low    integer check (votes_low >= 0),
  task_id      bigint references tasks(id),                          -- major_error: the product it was found in
  note         text check (length(note) <= 2000),
  decision     text not null check (length(decision) between 1 and 300),
  decided_on   date not null,
  recorded_by  text not null,
  recorded_at  timestamptz not null default now(),
  check ((kind in ('superior', 'peer')) = (score is not null)),
  check ((kind = 'confidence') = (votes_high is not null and votes_medium is not null and votes_low is not null)),
  check ((kind = 'major_error') = (task_id is not null))
);
create index leader_assessments_idx on leader_assessments (leader_id, period);

-- An appeal's outcome: the competent authority certified an objective cause for a major error or a delay.
create table score_exemptions (
  id             bigserial primary key,
  leader_id      bigint not null references leaders(id),
  period         text not null check (period ~ '^\d{4}(-Q[1-4])?$'),
  kind           text not null check (kind in ('major_error', 'delay')),
  assessment_id  bigint references leader_assessments(id),
  task_id        bigint references tasks(id),
  cause          text not null check (length(cause) between 1 and 2000),
  certified_by   text not null check (length(certified_by) between 1 and 300),   -- the certifying decision
  certified_on   date not null,
  recorded_by    text not null,
  recorded_at    timestamptz not null default now(),
  check ((kind = 'major_error') = (assessment_id is not null)),
  check ((kind = 'delay') = (task_id is not null))
);
create unique index score_exemptions_error_uq on score_exemptions (assessment_id) where kind = 'major_error';
create unique index score_exemptions_delay_uq on score_exemptions (leader_id, period, task_id) where kind = 'delay';

create table leader_scores (
  id           bigserial primary key,
  leader_id    bigint not null references leaders(id),
  period       text not null check (period ~ '^\d{4}(-Q[1-4])?$'),
  unit_id      bigint not null references units(id),
  group_code   text not null,
  rule_set     text not null,
  total        numeric(5,2) not null,
  general      numeric(5,2) not null,
  results      numeric(5,2) not null,
  grade        text not null check (grade in ('excellent', 'good', 'completed', 'not_completed')),
  final_grade  text not null check (final_grade in ('excellent', 'good', 'completed', 'not_completed')),
  capped       boolean not null default false,
  explanation  jsonb not null,
  computed_at  timestamptz not null default now(),
  computed_by  text not null
);
create index leader_scores_read_idx on leader_scores (leader_id, period, id desc);
create index leader_scores_group_idx on leader_scores (period, group_code);
