// Restructuring statistics between two dates: per province in force on `to`,
// how many provinces, districts and communes on `from` it was formed from.
// Each reduction is kept exact, as units removed over units before (6,714 of
// 10,035 communes), never as a rounded percentage: screens round it to the two
// decimals the State publishes (66,91 %), see platform/formats/percent.ts.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { badRequest } from '../../platform/errors.ts';
import { ratio, type Ratio } from '../../platform/formats/percent.ts';
import { inForceSql, noDataBefore } from '../registry/registry.store.ts';
import { stats } from '../registry/registry.service.ts';

/** The reduction from `before` to `after` units, exact: (before − after) of before. */
const reduction = (before: number, after: number): Ratio => ratio(before - after, before);
type Levels = { provinces: number; districts: number; communes: number };
const levelReductions = (b: Levels, a: Levels) => ({
  provinces: reduction(b.provinces, a.provinces),
  districts: reduction(b.districts, a.districts),
  communes: reduction(b.communes, a.communes),
});

interface Origin {
  new_id: number;
  old_id: number;
}

/** For every unit in force on `to`, the units in force on `from` it came from (itself if it lasted). */
async function originsBetween(db: Db, from: string, to: string): Promise<Origin[]> {
  const result = await sql<Origin>`
    with recursive back(new_id, unit_id, depth) as (
      select u.id, u.id, 0 from units u where ${inForceSql(to, 'u')}
      union all
      select b.new_id, l.from_unit_id, b.depth + 1
        from back b join units x on x.id = b.unit_id join lineage_links l on l.to_unit_id = b.unit_id
       where not ${inForceSql(from, 'x')} and b.depth < 10
    )
    select distinct b.new_id, b.unit_id as old_id from back b join units o on o.id = b.unit_id
     where ${inForceSql(from, 'o')}`.execute(db);
  return result.rows;
}

/** Figures between two dates: from the maintained rollup when there is one, else computed live. */
export async function restructuring(db: Db, from: string, to: string): Promise<Restructuring> {
  if (from >= to)
    throw badRequest({ vi: 'Ngày "từ" phải trước ngày "đến".', en: 'The "from" date must be before the "to" date.' });
  // Before the sources attest the units, counting them would present later units as if they had always existed.
  const firstDay = await noDataBefore(db, from);
  if (firstDay) {
    const vi = firstDay.split('-').reverse().join('/');
    throw badRequest(
      {
        vi: `Sổ đăng ký không có dữ liệu trước ngày ${vi}: hãy chọn ngày "từ" từ ${vi} trở đi.`,
        en: `The registry has no data before ${firstDay}: choose a "from" date on or after it.`,
      },
      { noDataBefore: firstDay },
    );
  }
  const rollup = await db
    .selectFrom('restructuring_rollups')
    .select('result')
    .where('from_date', '=', from)
    .where('to_date', '=', to)
    .executeTakeFirst();
  const result = rollup ? (rollup.result as unknown as Restructuring) : await computeRestructuring(db, from, to);
  // Area and population can be corrected at any time, so they are always read fresh.
  const facts = new Map(
    (
      await db
        .selectFrom('units')
        .select(['id', 'area_km2', 'population'])
        .where('id', 'in', result.provinces.length ? result.provinces.map((p) => p.id) : [0])
        .execute()
    ).map((u) => [u.id, u]),
  );
  // The reductions are derived again from the counts: a rollup stored before they were kept
  // exact carries a rounded `reductionPct`, which is dropped here, never passed on.
  const { before, after } = result.national;
  return {
    from: result.from,
    to: result.to,
    national: { before, after, reduction: levelReductions(before, after) },
    provinces: result.provinces.map(
      ({ reductionPct: _stale, ...p }: Restructuring['provinces'][number] & { reductionPct?: unknown }) => ({
        ...p,
        reduction: reduction(p.communesBefore, p.communesAfter),
        areaKm2: facts.get(p.id)?.area_km2 ?? null,
        population: facts.get(p.id)?.population ?? null,
      }),
    ),
  };
}

/** Recomputes the rollups for every lineage event date (day before → day of). Call inside the writing transaction. */
export async function refreshRestructuringRollups(db: Db): Promise<number> {
  await db.deleteFrom('restructuring_rollups').execute();
  const dates = await db.selectFrom('lineage_events').select('effective_date').distinct().execute();
  for (const { effective_date: to } of dates) {
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const result = await computeRestructuring(db, from, to);
    await db
      .insertInto('restructuring_rollups')
      .values({ from_date: from, to_date: to, result: JSON.stringify(result), computed_at: new Date() })
      .execute();
  }
  return dates.length;
}

export type Restructuring = Awaited<ReturnType<typeof computeRestructuring>>;

export async function computeRestructuring(db: Db, from: string, to: string) {
  const [origins, before, after] = await Promise.all([originsBetween(db, from, to), stats(db, from), stats(db, to)]);
  const ids = [...new Set(origins.flatMap((o) => [o.new_id, o.old_id]))];
  const units = await db
    .selectFrom('units')
    .leftJoin('units as p', 'p.id', 'units.parent_id')
    .select([
      'units.id',
      'units.code',
      'units.name',
      'units.full_name',
      'units.level',
      'units.parent_id',
      'units.area_km2',
      'units.population',
      'p.level as parent_level',
      'p.parent_id as grandparent_id',
    ])
    .where('units.id', 'in', ids.length ? ids : [0])
    .execute();
  const byId = new Map(units.map((u) => [u.id, u]));
  const provinceOf = (id: number) => {
    const u = byId.get(id)!;
    return u.level === 1 ? u.id : u.parent_level === 1 ? u.parent_id! : u.grandparent_id!;
  };
  const perProvince = new Map<
    number,
    { formedFrom: Set<number>; districts: Set<number>; communesBefore: Set<number>; communesAfter: Set<number> }
  >();
  const entry = (id: number) =>
    perProvince.get(id) ??
    perProvince
      .set(id, { formedFrom: new Set(), districts: new Set(), communesBefore: new Set(), communesAfter: new Set() })
      .get(id)!;
  for (const o of origins) {
    const n = byId.get(o.new_id)!,
      old = byId.get(o.old_id)!;
    if (n.level === 1 && old.level === 1) entry(n.id).formedFrom.add(old.id);
    if (n.level === 3) {
      const e = entry(provinceOf(n.id));
      e.communesAfter.add(n.id);
      if (old.level === 3) {
        e.communesBefore.add(old.id);
        if (old.parent_level === 2) e.districts.add(old.parent_id!);
      }
    }
  }
  const provinces = [...perProvince.entries()]
    .filter(([id]) => byId.get(id)?.level === 1)
    .map(([id, e]) => {
      const u = byId.get(id)!;
      return {
        id,
        code: u.code,
        name: u.name,
        fullName: u.full_name,
        formedFrom: [...e.formedFrom]
          .map((p) => ({ code: byId.get(p)!.code, name: byId.get(p)!.name }))
          .sort((a, b) => a.code.localeCompare(b.code)),
        formedFromCount: e.formedFrom.size,
        districtsBefore: e.districts.size,
        communesBefore: e.communesBefore.size,
        communesAfter: e.communesAfter.size,
        reduction: reduction(e.communesBefore.size, e.communesAfter.size),
        areaKm2: u.area_km2 as number | null,
        population: u.population as number | null,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const level = (s: typeof before) => ({
    provinces: s.byLevel.provinces,
    districts: s.byLevel.districts,
    communes: s.byLevel.communes,
  });
  const b = level(before),
    a = level(after);
  return {
    from,
    to,
    national: { before: b, after: a, reduction: levelReductions(b, a) },
    provinces,
  };
}
