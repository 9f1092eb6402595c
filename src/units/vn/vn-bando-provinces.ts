// Province lineage (Resolution 202/2025/QH15) and province figures from bando-provinces.csv.
// `truocsapnhap` lists the old provinces in words (`tỉnh Hà Giang và tỉnh Tuyên Quang`,
// `không sáp nhập`), matched to the GSO catalogue by name, tolerant to prefixes and tone marks.

import { assignFigures, readFigures } from './vn-bando-figures.ts';
import { sourceRef } from './vn-issues.ts';
import type { NewUnits } from './vn-new-units.ts';
import type { OldUnits } from './vn-old-units.ts';
import { FILES, readCsvRows, type LoadContext } from './vn-sources.ts';
import { foldVietnamese, nameKey, normaliseName, tidyText } from './vn-text.ts';
import type { VnLink, VnUnit } from './vn-types.ts';

// Abbreviations the file uses for old provinces, by folded spelling.
const ALIASES: Record<string, string> = { tphcm: 'Hồ Chí Minh', 'tp hcm': 'Hồ Chí Minh', 'tp. hcm': 'Hồ Chí Minh' };

export interface BandoProvinces {
  /** Links old province → new province, by new province key. */
  links: Map<string, VnLink[]>;
  /** The map site's own province ids (`mahc`, used as `matinh` in bando-communes.csv) → new province. */
  byBandoId: Map<string, VnUnit>;
}

export function findByName<T extends VnUnit>(units: Iterable<T>, rawName: string): T | undefined {
  const list = [...units];
  const key = nameKey(normaliseName(rawName));
  const exact = list.filter((u) => nameKey(u.name) === key);
  if (exact.length === 1) return exact[0];
  const folded = foldVietnamese(normaliseName(rawName));
  const loose = list.filter((u) => foldVietnamese(u.name) === folded);
  return loose.length === 1 ? loose[0] : undefined;
}

export function readBandoProvinces(ctx: LoadContext, old: OldUnits, neu: NewUnits): BandoProvinces {
  const file = FILES.bandoProvinces;
  const out: BandoProvinces = { links: new Map(), byBandoId: new Map() };
  const placed = new Map<string, number>();
  for (const r of readCsvRows(ctx, file)) {
    const label = tidyText(r.cells['tentinh'] ?? '');
    const province = findByName(neu.provinces.values(), label);
    if (!province) {
      ctx.log.add(
        'unplaced_row',
        'warning',
        file,
        r.line,
        `Province "${label}" matches no province of 1 July 2025; row ignored.`,
      );
      continue;
    }
    const first = placed.get(province.key);
    if (first !== undefined) {
      ctx.log.add(
        'duplicate_row',
        'warning',
        file,
        r.line,
        `${province.fullName} already given on line ${first}; row ignored.`,
      );
      continue;
    }
    placed.set(province.key, r.line);
    out.byBandoId.set(r.cells['mahc'].trim(), province);
    assignFigures(
      province,
      readFigures(ctx, file, r.line, r.cells, province.fullName, 'province'),
      sourceRef(file, r.line),
    );
    out.links.set(province.key, provinceLinks(ctx, r.line, r.cells['truocsapnhap'] ?? '', province, old));
    checkUnitCounts(ctx, r.line, r.cells['con'] ?? '', province, neu);
  }
  for (const p of neu.provinces.values()) {
    if (!placed.has(p.key))
      ctx.log.add(
        'new_without_figures',
        'warning',
        file,
        null,
        `${p.fullName} (${p.code}) has no row: no figures, no province lineage.`,
        { key: p.key },
      );
  }
  return out;
}

function provinceLinks(ctx: LoadContext, line: number, text: string, province: VnUnit, old: OldUnits): VnLink[] {
  const file = FILES.bandoProvinces;
  const note = tidyText(text);
  const unchanged = foldVietnamese(note) === 'khong sap nhap';
  const names = unchanged
    ? [province.name]
    : note
        .split(/,|\s+và\s+/)
        .map((s) => s.trim())
        .filter(Boolean);
  const links: VnLink[] = [];
  for (const n of names) {
    const alias = ALIASES[foldVietnamese(n)];
    const from = findByName(old.provinces.values(), alias ?? n);
    if (!from) {
      ctx.log.add(
        'unplaced_row',
        'warning',
        file,
        line,
        `Old province "${n}" (forming ${province.fullName}) is not in the GSO catalogue.`,
        { name: n },
      );
      continue;
    }
    const kind = !unchanged ? 'whole' : nameKey(from.name) === nameKey(province.name) ? 'unchanged' : 'renamed';
    links.push({ fromKey: from.key, toKey: province.key, kind, note, source: sourceRef(file, line) });
  }
  return links;
}

/** `124 ĐVHC (07 phường, 117 xã)` against the units of 2025-07-01/units.json. */
function checkUnitCounts(ctx: LoadContext, line: number, text: string, province: VnUnit, neu: NewUnits): void {
  const f = foldVietnamese(text);
  const stated: Record<string, number> = {};
  const total = /(\d+)\s*dvhc/.exec(f);
  if (total) stated.total = Number(total[1]);
  for (const [word, type] of [
    ['phuong', 'ward'],
    ['xa', 'commune'],
    ['dac khu', 'special_zone'],
  ] as const) {
    const m = new RegExp(`(\\d+)\\s*${word}\\b`).exec(f);
    stated[type] = m ? Number(m[1]) : 0;
  }
  const actual: Record<string, number> = { total: 0, ward: 0, commune: 0, special_zone: 0 };
  for (const c of neu.communes.values()) {
    if (c.parentKey !== province.key) continue;
    actual.total++;
    actual[c.type]++;
  }
  for (const k of Object.keys(actual)) {
    if (stated[k] !== undefined && stated[k] !== actual[k]) {
      ctx.log.add(
        'count_mismatch',
        'warning',
        FILES.bandoProvinces,
        line,
        `${province.fullName}: "${tidyText(text)}" gives ${stated[k]} ${k} but ${FILES.newUnitsJson} has ${actual[k]}.`,
        { key: province.key, kind: k },
      );
    }
  }
}
