// Public lookup: "which new unit is my old commune part of now?". Input may be
// a name or an address fragment, with or without diacritics, any tone-mark
// placement; no login, and only public registry facts are returned.
import type { Db } from '../platform/db.ts';
import { todayIso } from '../platform/errors.ts';
import { foldVietnamese } from './vn/vn-text.ts';
import * as search from './units.search.store.ts';
import { unitSummaries } from './units.store.ts';
import { currentSuccessors } from './units.service.ts';
import { toPlaced } from './units.present.ts';

// Words of a street address that never name a unit; dropped when a full
// address finds nothing, so "số 2 phố Trúc Bạch" still finds Trúc Bạch.
const ADDRESS_WORDS = new Set(['so', 'duong', 'pho', 'ngo', 'ngach', 'hem', 'kiet', 'thon', 'ap', 'to', 'khu', 'xom',
  'ban', 'buon', 'lang', 'khom', 'cum', 'dan', 'toa', 'nha', 'tang', 'can', 'ho']);
// Unit-type words are optional: people write "xã" for a ward or leave the type out.
const TYPE_WORDS = /\b(thu do|thanh pho|thi tran|thi xa|dac khu|tinh|quan|huyen|phuong|xa|tp|tx|tt|p|q|h)\b/g;

export function queryTokens(q: string): { folded: string; tokens: string[]; nameQuery: string } {
  const folded = foldVietnamese(q).replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
  const nameQuery = folded.replace(TYPE_WORDS, ' ').replace(/\s+/g, ' ').trim() || folded;
  return { folded, tokens: nameQuery ? nameQuery.split(' ') : [], nameQuery };
}

async function findUnits(db: Db, q: string, limit: number) {
  const { folded, tokens, nameQuery } = queryTokens(q);
  if (folded.length < 2) return [];
  let hits = await search.searchByTokens(db, tokens, nameQuery, null, limit);
  if (hits.length === 0) {
    const kept = tokens.filter((t) => !ADDRESS_WORDS.has(t) && !/^\d+[a-z]?$/.test(t));
    if (kept.length > 0 && kept.length < tokens.length) hits = await search.searchByTokens(db, kept, kept.join(' '), null, limit);
  }
  if (hits.length === 0) hits = await search.searchBySimilarity(db, nameQuery, null, limit);
  return hits;
}

export async function publicLookup(db: Db, q: string, limit = 10, asOf = todayIso()) {
  const hits = await findUnits(db, q, limit);
  const ids = hits.map((h) => h.id);
  const [rows, successors] = await Promise.all([unitSummaries(db, ids), currentSuccessors(db, ids, asOf)]);
  const byId = new Map(rows.map((r) => [r.id, toPlaced(r)]));
  const items = ids.map((id) => {
    const unit = byId.get(id)!;
    const current = (!unit.validFrom || unit.validFrom <= asOf) && (!unit.validTo || unit.validTo > asOf);
    return {
      unit, current,
      successors: current ? [] : (successors.get(id) ?? []).map((s) => ({
        unit: s.unit,
        province: s.unit.provinceCode ? { code: s.unit.provinceCode, name: s.unit.provinceShortName, fullName: s.unit.provinceName } : null,
        linkKind: s.linkKind, note: s.note,
      })),
    };
  });
  return { query: q, asOf, items };
}

/** Signed-in search of the registry on one date (the unit browser's search box). */
export async function searchUnits(db: Db, q: string, asOf: string, limit: number) {
  const { tokens, nameQuery } = queryTokens(q);
  const hits = await search.searchByTokens(db, tokens, nameQuery, asOf, limit);
  const rows = new Map((await unitSummaries(db, hits.map((h) => h.id))).map((r) => [r.id, toPlaced(r)]));
  return { asOf, items: hits.map((h) => rows.get(h.id)!) };
}
