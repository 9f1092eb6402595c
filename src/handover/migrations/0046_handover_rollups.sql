-- Maintained rollups of handovers for the province and national dashboards (issue 11, item 6).
-- One row per overseeing province (0 = a handover whose registry names no successor, hence no
-- province); the nation is the sum of the 35 rows at most. Every change of a handover's state or of
-- a line moves these counters in the change's own transaction (rollups/rollups.store.ts), so the
-- dashboards read a few rows instead of aggregating millions of lines. Exact counts only: the
-- percentages are computed on screen.
create table handover_rollups (
  province_key               bigint primary key,
  handovers_draft            bigint not null default 0,
  handovers_submitted        bigint not null default 0,
  handovers_counted          bigint not null default 0,
  handovers_signed           bigint not null default 0,
  handovers_closed           bigint not null default 0,
  lines                      bigint not null default 0,
  outstanding                bigint not null default 0, -- lines not received (computed from lines)
  dossiers                   bigint not null default 0, -- record lines at dossier level
  dossiers_digitised         bigint not null default 0, -- … with every page digitised
  pages                      bigint not null default 0, -- pages of every record line
  pages_digitised            bigint not null default 0,
  land_records_not_digitised bigint not null default 0, -- land/investment records not fully digitised
  seals_not_surrendered      bigint not null default 0, -- seals and keys not surrendered to the police
  headquarters               bigint not null default 0, -- former headquarters (asset lines)
  headquarters_idle          bigint not null default 0  -- … idle (idleSince set) with the plan not done
);

-- Counts that depend on today's date are kept by day, so "past its deadline" / "idle more than N
-- months" is a sum over the days before a date (a few hundred rows), not a scan of the lines:
-- measure 'business_deadline': open unfinished business by its legal deadline;
-- measure 'hq_idle_since': idle headquarters with the plan not done, by the day they fell idle.
create table handover_rollup_days (
  province_key bigint not null,
  measure      text not null check (measure in ('business_deadline', 'hq_idle_since')),
  day          date not null,
  n            bigint not null default 0,
  primary key (province_key, measure, day)
);
