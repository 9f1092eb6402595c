-- The standing office's questions and answers (issue 13, item 3). Agencies and localities (asker_unit_id) ask the
-- central office (office_unit_id = the country) or their province's office; an officer of the office drafts the
-- answer, a different officer reviews it (accept → answered, return with a reason → open again), and an accepted
-- answer may be published to the public FAQ. *_folded columns hold the text lowercased without Vietnamese accents
-- (foldVietnamese), so search works with or without diacritics; public_* are the texts redacted of personal data.
create table office_questions (
  id               bigserial primary key,
  office_unit_id   bigint not null references units(id),
  asker_unit_id    bigint not null references units(id),
  asked_by         bigint references users(id),
  subject          text not null check (length(subject) between 3 and 300),
  body             text not null check (length(body) between 3 and 8000),
  asked_on         date not null,
  due_on           date not null,
  status           text not null default 'open' check (status in ('open', 'in_review', 'answered')),
  answer           text check (length(answer) <= 16000),
  drafted_by       bigint references users(id),
  return_reason    text check (length(return_reason) <= 2000),
  reviewed_by      bigint references users(id),
  answered_on      date,
  published_at     timestamptz,
  public_subject   text,
  public_body      text,
  public_answer    text,
  search_folded    text not null,
  created_at       timestamptz not null default now(),
  check (status <> 'in_review' or (answer is not null and drafted_by is not null)),
  check (published_at is null or status = 'answered')
);
create index office_questions_office on office_questions (office_unit_id, status, due_on);
create index office_questions_asker on office_questions (asker_unit_id);
create index office_questions_published_trgm on office_questions using gin (search_folded gin_trgm_ops)
  where published_at is not null;
