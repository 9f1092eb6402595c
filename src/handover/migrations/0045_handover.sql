-- Handover of the units that ended on a reform date (issue 11): one handover per ended unit, its
-- receivers (the successors the registry names), its inventory lines, and each version of its minutes.
-- Opening is idempotent: one handover per ended unit (unique from_unit_id); a unit ends only once.
create table handovers (
  id               bigserial primary key,
  from_unit_id     bigint not null unique references units(id),
  effective_date   date not null,          -- the ended unit's valid_to: the day the successors took over
  level            smallint not null,      -- the ended unit's level, copied for the counts by level
  -- The province that oversees the handover: the new province holding the receivers (the ended unit's
  -- own province ended too on 1 July 2025). Null when the registry names no successor at all.
  province_unit_id bigint references units(id),
  state            text not null default 'draft'
                     check (state in ('draft', 'submitted', 'counted', 'signed', 'closed')),
  version          integer not null default 1,  -- a correction after signing opens a new version
  submitted_by     bigint references users(id),
  submitted_label  text,
  submitted_at     timestamptz,
  counted_by       bigint references users(id),
  counted_at       timestamptz,
  closed_at        timestamptz,
  opened_at        timestamptz not null default now(),
  -- Nobody counts their own handover (the service refuses it first; this is the backstop).
  check (counted_by is null or submitted_by is null or counted_by <> submitted_by)
);
create index handovers_province_idx on handovers (province_unit_id, state);
create index handovers_date_level_idx on handovers (effective_date, level);

-- Who receives: the successors in the registry's lineage (for a district, which has no lineage of
-- its own, the new province and the new communes its communes went to). `role` says why.
create table handover_receivers (
  handover_id  bigint not null references handovers(id) on delete cascade,
  unit_id      bigint not null references units(id),
  role         text not null check (role in ('successor', 'province', 'successor_commune')),
  link_kind    text,                      -- the lineage link's kind (whole, part, …); null when derived
  primary key (handover_id, unit_id)
);
create index handover_receivers_unit_idx on handover_receivers (unit_id);

create table handover_lines (
  id                 bigserial primary key,
  handover_id        bigint not null references handovers(id) on delete cascade,
  kind               text not null check (kind in ('record', 'seal', 'asset', 'business', 'account')),
  title              text not null,
  condition          text not null default 'unknown'
                       check (condition in ('good', 'worn', 'damaged', 'incomplete', 'unknown')),
  location           text,
  -- The receiver: a registry unit (an archive or a land registration office is not in the registry:
  -- the province unit stands for it, with `receiver_as` naming what it stands for).
  receiver_unit_id   bigint references units(id),
  receiver_as        text check (receiver_as in ('province_archive', 'land_registration_office',
                       'successor_commune', 'successor', 'province')),
  receiver_reason    text,               -- why the default receiver was overridden; null = the default
  -- Exact figures that are summed: money in đồng, areas in m², pages.
  amount_vnd         numeric(20, 0),     -- book value (asset) or balance (account)
  land_area_m2       numeric(14, 2),
  floor_area_m2      numeric(14, 2),
  pages              bigint,
  pages_digitised    bigint,
  land_or_investment boolean not null default false,
  legal_deadline     date,               -- unfinished business: the clock still running
  status             text,               -- kind-specific state (seal state, use plan status, settlement)
  details            jsonb not null default '{}'::jsonb,  -- the kind's other fields, validated by the schemas
  -- Photos and scans by content hash ({sha256, name}); the files wait for the platform file store.
  files              jsonb not null default '[]'::jsonb,
  count_state        text not null default 'pending'
                       check (count_state in ('pending', 'received', 'missing', 'damaged', 'disputed')),
  count_note         text,
  counted_by         bigint references users(id),
  counted_at         timestamptz,
  created_at         timestamptz not null default now(),
  check (pages_digitised is null or pages is null or pages_digitised <= pages),
  check (receiver_reason is null or length(receiver_reason) > 0)
);
create index handover_lines_handover_idx on handover_lines (handover_id, kind);

-- Each version of the minutes: the Word document as generated (kept byte for byte, so its SHA-256 can be
-- checked against any file later), the SHA-256 of the line list it was made from, and both signatures.
create table handover_minutes (
  id              bigserial primary key,
  handover_id     bigint not null references handovers(id) on delete cascade,
  version         integer not null,
  number          text not null,
  document        bytea not null,
  document_sha256 text not null unique,
  lines_sha256    text not null,
  line_count      integer not null,
  outstanding     integer not null,
  created_at      timestamptz not null default now(),
  created_by      bigint references users(id),
  from_signed_by  bigint references users(id),
  from_signed_label text,
  from_signed_at  timestamptz,
  to_signed_by    bigint references users(id),
  to_signed_label text,
  to_signed_at    timestamptz,
  unique (handover_id, version),
  check (from_signed_by is null or to_signed_by is null or from_signed_by <> to_signed_by)
);
