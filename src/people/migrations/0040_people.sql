-- People affected by the reorganisation (issue 12): the register of each unit before the reform and the
-- outcome of each person. Personal data (Decree 13/2023/NĐ-CP): the identity number is stored only
-- encrypted (AES-256-GCM, key from APPARATUS_PII_KEY) with a keyed hash (HMAC-SHA256) to find a person
-- by number without decrypting; names and birth dates are shown only to HR officers of the person's unit.
create table people (
  id                       bigserial primary key,
  unit_id                  bigint not null references units(id),   -- the unit the person worked in before the reform
  category                 text not null check (category in
                             ('cadre','civil_servant','public_employee','contract_worker','commune_part_time','party_committee')),
  full_name                text not null check (length(full_name) between 1 and 200),
  birth_date               date not null,
  sex                      text not null check (sex in ('m','f')),
  id_cipher                text not null,           -- base64(iv 12 | tag 16 | ciphertext): never the number itself
  id_hash                  text not null unique,    -- hex HMAC-SHA256 of the 12 digits under a key derived from the same secret
  position                 text,
  rank                     text,
  salary_coef              numeric(5,2) not null check (salary_coef > 0 and salary_coef < 100),
  position_allowance_coef  numeric(5,2) not null default 0 check (position_allowance_coef >= 0),
  other_allowances_vnd     bigint not null default 0 check (other_allowances_vnd >= 0),   -- a month, in đồng
  si_months                integer not null check (si_months between 0 and 720),          -- compulsory social insurance
  ethnic_minority          boolean not null default false,   -- restricted: for the impact report
  religious                boolean not null default false,   -- restricted: for the impact report
  -- Facts the exclusions of Decree 178/2024 read (people/outcomes/outcomes.exclusions.ts)
  pregnant_or_maternity    boolean not null default false,
  youngest_child_birth     date,
  under_discipline         boolean not null default false,   -- discipline review, prosecution or inspection
  source                   text,
  created_at               timestamptz not null default now(),
  updated_at               timestamptz not null default now()
);
create index people_unit_idx on people (unit_id);

-- What happens to each person: one outcome, replaced (and audited) if the decision changes.
-- A placement holds a position of the receiving unit's quota (staffing_allocations of the node
-- and category) from its start date until a headcount recorded after that date counts the person.
create table people_outcomes (
  person_id           bigint primary key references people(id),
  kind                text not null check (kind in
                        ('placed','early_retirement','resignation','until_retirement','part_time_ended')),
  receiving_unit_id   bigint references units(id),
  receiving_position  text,
  start_date          date,
  staffing_node_id    bigint references staffing_nodes(id),
  staffing_category   text references staffing_categories(code),
  decision_number     text not null check (length(decision_number) between 1 and 100),
  decision_date       date not null,
  decision_signer     text not null check (length(decision_signer) between 1 and 200),
  voluntary           boolean not null default false,
  recorded_at         timestamptz not null default now(),
  check ((kind = 'placed') = (receiving_unit_id is not null and start_date is not null
                              and staffing_node_id is not null and staffing_category is not null))
);
create index people_outcomes_placed_idx on people_outcomes (staffing_node_id, staffing_category, start_date)
  where kind = 'placed';
