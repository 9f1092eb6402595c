// Public lookup: "which new unit is my old commune part of now?". Input may be
// a name or an address, with or without diacritics, any tone-mark placement;
// no login, and only public registry facts are returned.
//
// How a query is read (lookup.parse.ts): every run of words is tried as a
// unit name through the lookup index; a unit found so is kept when the rest of
// the query agrees with the places around it (an address names the district and
// province above the commune, old or new), so "Quán Thánh, Ba Đình, Hà Nội"
// means the ward of Hà Nội and no unit of another province. Half-typed words
// fall back to substrings of the search text, misspellings to similarity.
import type { Db } from '../../platform/db/db.ts';
import { todayIso } from '../../platform/errors.ts';
import * as search from './lookup.store.ts';
import { lineageFrom, unitSummaries } from '../registry/registry.store.ts';
import { currentSuccessors } from '../registry/registry.service.ts';
import { toPlaced } from '../registry/registry.present.ts';
import {
  compareScores,
  essentialTokens,
  ignorableTokens,
  parseLookupQuery,
  scoreCandidate,
  type Candidate,
  type Score,
} from './lookup.parse.ts';
import { knownInForce, type Validity } from '../registry/registry.validity.ts';

import { MAX_MATCHES } from '../units.schemas.ts';
export { MAX_MATCHES };

interface Ranked extends Validity {
  id: number;
}

/**
 * Units the query may mean, best first, up to MAX_MATCHES. `asOf` null: units of
 * any date. `fuzzy`: when nothing matches, names that merely look alike (misspellings).
 */
export async function rankUnits(
  db: Db,
  q: string,
  asOf: string | null,
  fuzzy = true,
): Promise<{ units: Ranked[]; complete: boolean }> {
  const parsed = parseLookupQuery(q);
  if (parsed.folded.replace(/ /g, '').length < 2) return { units: [], complete: true };
  const ignorable = ignorableTokens(parsed.tokens);

  const named = (
    await search.unitsNamed(
      db,
      parsed.spans.map((s) => s.key),
    )
  )
    .filter((c) => !asOf || knownInForce(c, asOf))
    .map((c) => ({ c, s: scoreCandidate(parsed, ignorable, c) }))
    .filter((x): x is { c: Candidate; s: Score } => x.s !== null);
  // An address names places above its unit: keep the units the most places agree with.
  const maxContext = Math.max(0, ...named.map((x) => x.s.context));
  const kept = named.filter((x) => x.s.context === maxContext).sort(byScore);
  const whole = kept.filter((x) => x.s.unexplained === 0);
  if (maxContext > 0) return { units: kept.map((x) => x.c), complete: true };
  if (whole.length > 0) return { units: whole.map((x) => x.c), complete: true };

  // No name explains the query: maybe a word is half-typed ("truc ba"), or the text has extra words.
  let hits = await search.searchByTokens(db, parsed.folded.split(' '), parsed.folded, asOf, MAX_MATCHES);
  const essential = essentialTokens(parsed);
  if (hits.length === 0 && essential.length > 0 && essential.length < parsed.tokens.length) {
    hits = await search.searchByTokens(db, essential, essential.join(' '), asOf, MAX_MATCHES);
  }
  if (fuzzy && hits.length === 0 && kept.length === 0 && essential.length > 0) {
    hits = await search.searchBySimilarity(db, essential.join(' '), asOf, MAX_MATCHES);
  }
  const seen = new Set(hits.map((h) => h.id));
  const units: Ranked[] = [...hits, ...kept.map((x) => x.c).filter((c) => !seen.has(c.id))].filter(
    (u) => !asOf || knownInForce(u, asOf),
  );
  return { units: units.slice(0, MAX_MATCHES), complete: hits.length < MAX_MATCHES };
}

function byScore(a: { c: Candidate; s: Score }, b: { c: Candidate; s: Score }): number {
  // Then communes before larger units, old units before new ones (the lookup is about old names), shorter names.
  return (
    compareScores(a.s, b.s) ||
    b.c.level - a.c.level ||
    Number(a.c.validTo === null) - Number(b.c.validTo === null) ||
    a.c.name.length - b.c.name.length ||
    a.c.id - b.c.id
  );
}

export interface LookupOptions {
  limit?: number;
  offset?: number;
  asOf?: string;
}

/**
 * One page of matches, each with what it belongs to on `asOf`. Pages are cut
 * from one ranking, so asking for the next page (`nextOffset`) never repeats
 * or skips a unit; `total` counts every match (a lower bound when `totalExact`
 * is false, past MAX_MATCHES).
 */
export async function publicLookup(db: Db, q: string, limit = 10, asOf = todayIso(), offset = 0) {
  const ranked = await rankUnits(db, q, null);
  const ids = ranked.units.slice(offset, offset + limit).map((u) => u.id);
  const [rows, successors] = await Promise.all([unitSummaries(db, ids), currentSuccessors(db, ids, asOf)]);
  const byId = new Map(rows.map((r) => [r.id, toPlaced(r)]));
  const items = ids.map((id) => {
    const unit = byId.get(id)!;
    const current = (!unit.validFrom || unit.validFrom <= asOf) && (!unit.validTo || unit.validTo > asOf);
    return {
      unit,
      current,
      successors: current
        ? []
        : (successors.get(id) ?? []).map((s) => ({
            unit: s.unit,
            province: s.unit.provinceCode
              ? { code: s.unit.provinceCode, name: s.unit.provinceShortName, fullName: s.unit.provinceName }
              : null,
            linkKind: s.linkKind,
            note: s.note,
          })),
    };
  });
  const total = ranked.units.length;
  return {
    query: q,
    asOf,
    total,
    totalExact: ranked.complete,
    offset,
    limit,
    nextOffset: offset + limit < total ? offset + limit : null,
    items,
  };
}

/**
 * Signed-in search of the registry (the unit browser's search box and the
 * unit pickers). Units in force on `asOf` come first. With `includeEnded`,
 * units not in force that day follow, each ended one with the units it went
 * into, so an abolished commune is found and leads to its successor.
 */
export async function searchUnits(db: Db, q: string, asOf: string, limit: number, includeEnded = false) {
  // No look-alike names here: an official picking a unit wants the unit named, or nothing.
  const ranked = (await rankUnits(db, q, includeEnded ? null : asOf, false)).units;
  const inForce = ranked.filter((u) => knownInForce(u, asOf));
  const others = includeEnded ? ranked.filter((u) => !knownInForce(u, asOf)) : [];
  const page = [...inForce, ...others].slice(0, limit);
  const ids = page.map((u) => u.id);
  const ended = page.filter((u) => u.validTo !== null && u.validTo <= asOf).map((u) => u.id);
  const [rows, links] = await Promise.all([unitSummaries(db, ids), lineageFrom(db, ended, 'forward', 1)]);
  const byId = new Map(rows.map((r) => [r.id, toPlaced(r)]));
  const next = new Map<number, { unit: ReturnType<typeof toPlaced>; linkKind: string; effectiveDate: string }[]>();
  for (const l of links)
    next.set(l.start_id, [
      ...(next.get(l.start_id) ?? []),
      { unit: toPlaced(l), linkKind: l.link_kind, effectiveDate: l.effective_date },
    ]);
  return {
    asOf,
    items: page.map((u) => ({
      ...byId.get(u.id)!,
      attestedFrom: u.attestedFrom,
      inForce: knownInForce(u, asOf),
      successors: next.get(u.id) ?? [],
    })),
  };
}
