-- Administrative units and agencies, each valid over a date range, and the
-- dated lineage events that link old units to new ones. Nothing is overwritten:
-- a merge ends the old rows (valid_to) and starts new ones (valid_from).
create table units (
  id            bigserial primary key,
  key           text not null unique,   -- stable import key, e.g. 'old:c:00004', 'new:c:00004'
  code          text not null,          -- official code; old and new units may share one
  level         smallint not null check (level between 0 and 3), -- 0 country, 1 province, 2 district, 3 commune
  type          text not null check (type in ('central','province','municipality','urban_district',
                  'rural_district','town','provincial_city','municipal_city','commune','ward','township','special_zone')),
  name          text not null,
  full_name     text not null,
  name_en       text,
  full_name_en  text,
  parent_id     bigint references units(id),
  valid_from    date,                   -- null: since before the records begin
  valid_to      date,                   -- exclusive; null: still in force
  area_km2      numeric(12,2),          -- null: unknown (never 0 for unknown)
  population    bigint,
  admin_centre  text,
  lon           double precision,
  lat           double precision,
  name_folded   text not null,          -- the short name folded (no diacritics, lower case): 'truc bach'
  search_text   text not null,          -- folded name, full and English names, then the places above
  source        text,
  check (valid_to is null or valid_from is null or valid_to > valid_from)
);
create index units_parent_idx on units (parent_id);
create index units_code_idx on units (code);
create index units_level_validity_idx on units (level, valid_from, valid_to);
create index units_search_trgm_idx on units using gin (search_text gin_trgm_ops);
create index units_name_folded_idx on units (name_folded);
-- For similarity search on misspelt names. Built on lower(name_folded) (equal to it:
-- the name is folded to lower case) so that PostgreSQL does not pick this index for
-- equality on name_folded, which pg_trgm also supports, 100x slower than the b-tree.
create index units_name_trgm_idx on units using gin (lower(name_folded) gin_trgm_ops);

create table lineage_events (
  id              bigserial primary key,
  kind            text not null check (kind in ('merge','split','rename','retype','reassign','dissolve','create')),
  effective_date  date not null,
  legal_basis     text,
  note            text,
  source          text
);
create index lineage_events_date_idx on lineage_events (effective_date);

create table lineage_links (
  id            bigserial primary key,
  event_id      bigint not null references lineage_events(id),
  from_unit_id  bigint not null references units(id),
  to_unit_id    bigint not null references units(id),
  kind          text not null check (kind in ('whole','part','unchanged','renamed','retyped')),
  note          text,                   -- the source's own words, e.g. 'Nhập một phần'
  source        text,                   -- file:line it came from
  unique (event_id, from_unit_id, to_unit_id)
);
create index lineage_links_from_idx on lineage_links (from_unit_id);
create index lineage_links_to_idx on lineage_links (to_unit_id);

create table agencies (
  id                bigserial primary key,
  key               text unique,          -- stable import key, e.g. 'new:c:00004:peoples_committee'
  unit_id           bigint not null references units(id),
  kind              text not null check (kind in ('party_committee','peoples_council','peoples_committee',
                      'department','fatherland_front','mass_organisation','public_service_centre',
                      'ministry','central_agency')),
  code              text,
  name              text not null,
  name_en           text,
  parent_agency_id  bigint references agencies(id),
  valid_from        date,
  valid_to          date,
  source            text,
  check (valid_to is null or valid_from is null or valid_to > valid_from)
);
create index agencies_unit_idx on agencies (unit_id);
create index agencies_parent_idx on agencies (parent_agency_id);

-- One row per import run of a reference dataset, with its reconciliation report.
create table dataset_imports (
  id            bigserial primary key,
  dataset       text not null,          -- e.g. 'vn-admin'
  checksum      text not null,          -- of the input files and corrections
  imported_at   timestamptz not null default now(),
  report        jsonb not null
);

-- Restructuring figures between the day before and the day of each lineage
-- event date, computed by the import in its transaction so the statistics page
-- reads one row instead of walking all lineage (other date pairs are computed live).
create table restructuring_rollups (
  from_date    date not null,
  to_date      date not null,
  computed_at  timestamptz not null default now(),
  result       jsonb not null,
  primary key (from_date, to_date)
);
