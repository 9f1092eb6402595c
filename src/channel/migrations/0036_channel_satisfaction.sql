-- Satisfaction surveys on the public services of a unit, in the structure of SIPAS (five components; see
-- src/channel/satisfaction/satisfaction.questions.ts for the questions and their source). One row per
-- returned questionnaire, one per answered question (1–5). The unit's province is kept at submission so that
-- the index per province needs no walk up the tree; the period (YYYY-Qn) is the quarter of the answer date.
create table satisfaction_surveys (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  province_id bigint references units (id),
  answered_on date not null,
  period text not null check (period ~ '^\d{4}-Q[1-4]$'),
  -- A closed feedback item this survey follows (filled by the feedback module later); free text here.
  feedback_ref text check (length(feedback_ref) <= 100),
  created_at timestamptz not null default now()
);
create index satisfaction_surveys_unit on satisfaction_surveys (unit_id, period);
create index satisfaction_surveys_province on satisfaction_surveys (province_id, period);
create index satisfaction_surveys_period on satisfaction_surveys (period);

create table satisfaction_answers (
  survey_id bigint not null references satisfaction_surveys (id) on delete cascade,
  component smallint not null check (component between 1 and 5),
  question text not null,
  score smallint not null check (score between 1 and 5),
  primary key (survey_id, question)
);
