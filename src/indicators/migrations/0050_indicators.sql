-- Socio-economic indicators (issue 14, items 1–4): definitions, values with their
-- revisions, targets with their decisions, and the shares that apportion a unit
-- split by the 2025 reorganisation. Every figure is numeric: exact as entered,
-- never a float. Nothing here is overwritten: a revision or a new target version
-- is a new row, so any date's knowledge can be read back ("as known on").

create table indicator_definitions (
  code          text primary key check (code ~ '^[A-Z][A-Z0-9_.]{0,39}$'),
  name_vi       text not null,
  name_en       text not null,
  unit_vi       text not null,            -- '%', 'tỷ đồng', 'USD/người'
  unit_en       text not null,
  direction     text not null check (direction in ('higher', 'lower')),
  -- count, amount: additive levels; ratio: numerator / denominator × factor;
  -- growth: (this level / last level − 1) × factor; share: part / whole × factor
  kind          text not null check (kind in ('count', 'amount', 'ratio', 'growth', 'share')),
  aggregation   text not null check (aggregation in ('sum', 'ratio_of_sums', 'weighted_mean', 'none')),
  weight_code   text references indicator_definitions(code),
  factor        numeric not null default 1 check (factor > 0),
  period_type   text not null check (period_type in ('month', 'quarter', 'half', 'year', 'period')),
  cumulative    boolean not null default false,   -- year-to-date figures: never summed across periods
  source        text,
  created_at    timestamptz not null default now(),
  check ((aggregation = 'weighted_mean') = (weight_code is not null)),
  -- a ratio of sums needs the parts, and only kinds that have parts can have one
  check (aggregation <> 'ratio_of_sums' or kind in ('ratio', 'growth', 'share')),
  check (aggregation <> 'sum' or kind in ('count', 'amount'))
);

-- One row per figure as it became known. A revision is a new row with a later
-- known_from; the latest accepted row known on a date is the official figure then.
create table indicator_values (
  id              bigserial primary key,
  indicator_code  text not null references indicator_definitions(code),
  unit_id         bigint not null references units(id),
  period          text not null,
  value           numeric not null,
  numerator       numeric,          -- ratio, growth, share: the parts, so that units can be combined
  denominator     numeric check (denominator is null or denominator <> 0),
  status          text not null check (status in ('provisional', 'official', 'estimated', 'revised')),
  source          text not null,    -- publication, office or file the figure comes from
  known_from      date not null,    -- the day the figure was published or reported
  note            text,
  recorded_by     text not null,
  recorded_by_id  bigint references users(id),
  recorded_at     timestamptz not null default now(),
  -- "reported" until the level above accepts it (null): a unit's own figure does not count as official before
  accepted_at     timestamptz,
  accepted_by     text,
  accepted_by_id  bigint references users(id),
  check ((numerator is null) = (denominator is null)),
  -- the author never accepts a figure awaiting review; a figure accepted as it is entered (by the level above,
  -- the statistics office) has accepted_at = recorded_at (both now() of the one transaction)
  check (accepted_by_id is null or recorded_by_id is null or accepted_by_id <> recorded_by_id or accepted_at = recorded_at)
);
create index indicator_values_read_idx on indicator_values (indicator_code, unit_id, period, known_from desc, id desc);
create index indicator_values_period_idx on indicator_values (indicator_code, period);

-- Targets: point, minimum, maximum or range, one version per decision.
create table indicator_targets (
  id               bigserial primary key,
  indicator_code   text not null references indicator_definitions(code),
  unit_id          bigint not null references units(id),
  period           text not null,           -- the year or span the target is for: '2030', '2026-2030'
  version          integer not null check (version >= 1),
  target_kind      text not null check (target_kind in ('point', 'min', 'max', 'range')),
  low              numeric,
  high             numeric,
  -- for an average growth target: every year of the span must average it (compound)
  per_year         boolean not null default false,
  baseline_period  text,
  baseline_value   numeric,
  decision         text not null,           -- the resolution or decision that set it
  decided_on       date not null,
  source           text,
  set_by           text not null,
  set_by_id        bigint references users(id),
  set_at           timestamptz not null default now(),
  unique (indicator_code, unit_id, period, version),
  check (target_kind <> 'point' or (low is not null and low = high)),
  check (target_kind <> 'min' or (low is not null and high is null)),
  check (target_kind <> 'max' or (high is not null and low is null)),
  check (target_kind <> 'range' or (low is not null and high is not null and low < high)),
  check ((baseline_period is null) = (baseline_value is null))
);

-- The share of an old unit that went to a new one through a 'part' lineage link, with its basis
-- (population or area of the part, from the registry or the decision). Without a share a part is
-- never apportioned: the rebuilt figure is missing.
create table indicator_shares (
  from_unit_id  bigint not null references units(id),
  to_unit_id    bigint not null references units(id),
  share         numeric not null check (share > 0 and share <= 1),
  basis         text not null,
  set_by        text not null,
  set_at        timestamptz not null default now(),
  primary key (from_unit_id, to_unit_id)
);
