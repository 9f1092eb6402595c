// The unit registry, read side: the tree on a date, one unit, its history,
// search and the public lookup. Every query takes an as-of date.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound, todayIso } from '../../platform/errors.ts';
import { requireUser } from '../../accounts/sessions/sessions.access.ts';
import * as store from './registry.store.ts';
import { toPlaced, toSummary, type PlacedUnit } from './registry.present.ts';

/**
 * Children of a unit (the country when null) in force on `asOf`. Units the
 * registry has no data on that day (before any source attests them) are left
 * out and `noDataBefore` gives the first day it has: the tree of 1990 says
 * "no data before 30/06/2025" instead of showing the provinces of 2008-2025.
 */
export async function tree(db: Db, ctx: RequestContext, parentId: number | null, asOf = todayIso()) {
  requireUser(ctx);
  const rows = await store.childrenAsOf(db, parentId, asOf);
  const unknownFrom = [
    ...rows.filter((r) => !r.known).map((r) => r.attested_from),
    ...rows.map((r) => r.unknown_children_from),
  ]
    .filter((d): d is string => d !== null)
    .sort();
  return { asOf, noDataBefore: unknownFrom[0] ?? null, items: rows.filter((r) => r.known).map(toSummary) };
}

async function loadUnit(db: Db, id: number) {
  const row = await store.findUnitById(db, id);
  if (!row) throw notFound({ vi: `đơn vị số ${id}`, en: `Unit ${id}` });
  return row;
}

export async function getUnit(db: Db, ctx: RequestContext, id: number) {
  requireUser(ctx);
  const row = await loadUnit(db, id);
  const ancestors = (await store.ancestorsOf(db, id)).map(toSummary);
  return {
    ...toSummary(row),
    areaKm2: row.area_km2,
    population: row.population,
    adminCentre: row.admin_centre,
    lon: row.lon,
    lat: row.lat,
    source: row.source,
    validitySource: row.validity_source,
    parent: ancestors.at(-1) ?? null,
    ancestors,
  };
}

async function related(db: Db, id: number, direction: 'back' | 'forward') {
  const rows = await store.lineageFrom(db, [id], direction);
  return rows.map((r) => ({
    unit: toPlaced(r),
    depth: r.depth,
    linkKind: r.link_kind,
    note: r.note,
    event: { id: r.event_id, kind: r.event_kind, effectiveDate: r.effective_date, legalBasis: r.legal_basis },
  }));
}

export async function history(db: Db, ctx: RequestContext, id: number) {
  const unit = await getUnit(db, ctx, id);
  const [predecessors, successors] = await Promise.all([related(db, id, 'back'), related(db, id, 'forward')]);
  return { unit, predecessors, successors };
}

/** Units in force on a date, by level and type; before the registry's data, none, with the first day it has (`noDataBefore`). */
export async function stats(db: Db, asOf: string) {
  const [rows, noDataBefore] = await Promise.all([store.countsAsOf(db, asOf), store.noDataBefore(db, asOf)]);
  const byLevel = { national: 0, provinces: 0, districts: 0, communes: 0 };
  const keys = ['national', 'provinces', 'districts', 'communes'] as const;
  for (const r of rows) byLevel[keys[r.level]] += r.count;
  return { asOf, noDataBefore, byLevel, byType: rows.map((r) => ({ level: r.level, type: r.type, count: r.count })) };
}

/**
 * Follows lineage forward from each of `ids` to the units in force on `asOf`.
 * A unit reached only through paths with a 'part' link on the way is 'part'.
 */
export async function currentSuccessors(db: Db, ids: number[], asOf: string) {
  const rows = await store.lineageFrom(db, ids, 'forward');
  const inForce = (u: PlacedUnit) => (!u.validFrom || u.validFrom <= asOf) && (!u.validTo || u.validTo > asOf);
  const out = new Map<number, Map<number, { unit: PlacedUnit; linkKind: string; note: string | null }>>();
  for (const r of rows) {
    const unit = toPlaced(r);
    if (!inForce(unit)) continue;
    const reached = out.get(r.start_id) ?? new Map();
    out.set(r.start_id, reached);
    const kind = r.all_whole ? r.link_kind : 'part';
    const seen = reached.get(r.unit_id);
    if (!seen || (seen.linkKind === 'part' && kind !== 'part'))
      reached.set(r.unit_id, { unit, linkKind: kind, note: r.note });
  }
  return new Map([...out.entries()].map(([start, m]) => [start, [...m.values()]]));
}

export async function agencies(db: Db, ctx: RequestContext, unitId: number) {
  requireUser(ctx);
  await loadUnit(db, unitId);
  const rows = await store.agenciesOf(db, unitId);
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    name: a.name,
    nameEn: a.name_en,
    parentAgencyId: a.parent_agency_id,
    validFrom: a.valid_from,
    validTo: a.valid_to,
    source: a.source,
  }));
}
