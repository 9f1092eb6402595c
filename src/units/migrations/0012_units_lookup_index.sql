-- The public lookup reads names, not substrings: every run of words a citizen
-- types is tried as a unit name through this index, and the places around a
-- unit (its district and province, old or new, and its successors) tell which
-- of the units sharing a name an address means. Derived from units and
-- lineage only; every import rebuilds it (units.search.store.ts,
-- refreshLookupIndex, holds the same statement as below).
create table unit_lookup (
  unit_id   bigint primary key references units(id) on delete cascade,
  name_key  text not null,     -- the short name folded, punctuation as spaces: 'ba ria vung tau', 'ea h leo'
  context   text[] not null    -- name keys of the places an address may give with it
);
create index unit_lookup_name_key_idx on unit_lookup (name_key);

-- PostgreSQL's JIT would spend a second compiling this one-off statement; PGlite has none.
set local jit = off;

insert into unit_lookup (unit_id, name_key, context)
with k as (
  select id, parent_id, level, trim(regexp_replace(name_folded, '[^a-z0-9]+', ' ', 'g')) as key from units
),
up as (   -- the places above a unit, the country left out
  select c.id, p.id as place_id from k c join k p on p.id = c.parent_id where p.level > 0
  union all
  select c.id, pp.id from k c join k p on p.id = c.parent_id join k pp on pp.id = p.parent_id where pp.level > 0
  union all
  select c.id, p3.id from k c join k p on p.id = c.parent_id join k pp on pp.id = p.parent_id
    join k p3 on p3.id = pp.parent_id where p3.level > 0
),
related as (
  select id, place_id as other from up                                                              -- its district, province
  union all select l.from_unit_id, l.to_unit_id from lineage_links l                                -- its successors
  union all select l.from_unit_id, u.place_id from lineage_links l join up u on u.id = l.to_unit_id -- their province
  union all select u.id, l.to_unit_id from up u join lineage_links l on l.from_unit_id = u.place_id -- its province's successor
  union all select l.to_unit_id, u.place_id from lineage_links l join up u on u.id = l.from_unit_id -- its predecessors' district, province
)
select k.id, k.key, coalesce(array_agg(distinct o.key) filter (where o.key <> ''), '{}')
  from k left join related r on r.id = k.id left join k o on o.id = r.other
 group by k.id, k.key;
reset jit;
