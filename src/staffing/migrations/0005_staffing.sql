-- Staffing quotas (biên chế): five-year periods, categories, an allocation tree
-- that follows the unit registry, the assigned quota of each node per category,
-- and the headcount present at a date. The rule every level lives by — a node's
-- children's quotas plus its own reserve never exceed its own quota — is checked
-- by the service inside the writing transaction, with the parent's row locked.
create table staffing_periods (
  id               bigserial primary key,
  code             text not null unique,        -- '2022-2026'
  name             text not null,
  start_date       date not null,
  end_date         date not null,               -- exclusive
  legal_basis      text,
  tolerance_share  numeric(5,4) not null default 0.95 check (tolerance_share > 0 and tolerance_share <= 1),
  check (end_date > start_date)
);

create table staffing_categories (
  code     text primary key,
  name_vi  text not null,
  name_en  text not null,
  sort     smallint not null
);
insert into staffing_categories (code, name_vi, name_en, sort) values
  ('cadre_civil_servant', 'Cán bộ, công chức', 'Cadres and civil servants', 1),
  ('public_employee', 'Viên chức hưởng lương từ ngân sách nhà nước', 'Public employees paid by the state budget', 2),
  ('commune_cadre', 'Cán bộ, công chức cấp xã', 'Commune-level cadres and civil servants', 3),
  ('association', 'Biên chế hội', 'Association staff', 4),
  ('trade_union', 'Biên chế công đoàn', 'Trade-union staff', 5),
  ('labour_contract', 'Hợp đồng lao động', 'Labour contracts', 6);

-- One node per unit (or agency) per period. key is 'u:<unit id>' or 'a:<agency id>'.
create table staffing_nodes (
  id          bigserial primary key,
  period_id   bigint not null references staffing_periods(id),
  key         text not null,
  parent_id   bigint references staffing_nodes(id),
  unit_id     bigint not null references units(id),   -- the unit itself, or the agency's unit: scope is checked on it
  agency_id   bigint references agencies(id),
  depth       smallint not null,
  closed_at   date,                                    -- set when a merge moved its quota to a successor
  successor_node_id bigint references staffing_nodes(id),
  unique (period_id, key)
);
create index staffing_nodes_parent_idx on staffing_nodes (parent_id);
create index staffing_nodes_unit_idx on staffing_nodes (unit_id);

-- The quota of one node in one category. allocated_below and present_below are
-- rollups maintained in the writing transaction (never recomputed by a scan):
-- allocated_below = sum of the open children's quota; present_below = the
-- present headcount of the whole subtree, this node included.
create table staffing_allocations (
  node_id          bigint not null references staffing_nodes(id),
  category         text not null references staffing_categories(code),
  quota            integer not null default 0 check (quota >= 0),
  reserve          integer not null default 0 check (reserve >= 0),
  allocated_below  integer not null default 0 check (allocated_below >= 0),
  present          integer,                  -- latest recorded headcount of this node itself
  present_as_of    date,
  present_below    integer not null default 0,
  decision_ref     text,                     -- the decision that assigned it, when given
  updated_at       timestamptz not null default now(),
  primary key (node_id, category),
  check (allocated_below + reserve <= quota)
);

-- Headcount present at a date, as typed in or imported; the history of reductions.
create table staffing_actuals (
  node_id   bigint not null references staffing_nodes(id),
  category  text not null references staffing_categories(code),
  as_of     date not null,
  present   integer not null check (present >= 0),
  source    text,
  primary key (node_id, category, as_of)
);
