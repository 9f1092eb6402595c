// Figures for the new commune-level units from bando-communes.csv. The map site's codes are its
// own, so rows are placed by province + name + type, strictest first:
//   1. same name (tone placement ignored) and same type
//   2. same name, other type (reported: the two sources disagree on the type)
//   3. same folded name (no tone marks), if only one unit of the province folds that way
// Folding alone is not enough: Thái Nguyên has both `Văn Lang` and `Văn Lăng`, Quảng Ngãi `Ba Tô`
// and `Ba Tơ`, Tây Ninh `Tân Thành` and `Tân Thạnh`.

import { assignFigures, readFigures } from './vn-bando-figures.ts';
import { findByName } from './vn-bando-provinces.ts';
import { sourceRef } from './vn-issues.ts';
import type { NewUnits } from './vn-new-units.ts';
import { FILES, readCsvRows, type LoadContext } from './vn-sources.ts';
import { foldVietnamese, nameKey, tidyText } from './vn-text.ts';
import type { UnitType, VnUnit } from './vn-types.ts';

const TYPES: Record<string, UnitType> = { xã: 'commune', phường: 'ward', 'đặc khu': 'special_zone' };

export function readBandoCommunes(ctx: LoadContext, neu: NewUnits, byBandoId: Map<string, VnUnit>): void {
  const file = FILES.bandoCommunes;
  const grouped = new Map<string, VnUnit[]>();
  for (const c of neu.communes.values()) {
    const list = grouped.get(c.parentKey!);
    if (list) list.push(c);
    else grouped.set(c.parentKey!, [c]);
  }
  const byProvince = new Map([...grouped].map(([k, units]) => [k, indexUnits(units)]));
  const placed = new Map<string, number>();
  const sameFigures = new Map<string, { unit: VnUnit; line: number }[]>();

  for (const r of readCsvRows(ctx, file)) {
    const provinceName = tidyText(r.cells['tentinh'] ?? '');
    const name = tidyText(r.cells['tenhc'] ?? '');
    const type = TYPES[tidyText(r.cells['loai'] ?? '').toLowerCase()];
    const label = `${r.cells['loai']} ${name} (${provinceName})`;
    const province = findByName(neu.provinces.values(), provinceName);
    if (!province) {
      ctx.log.add(
        'unplaced_row',
        'warning',
        file,
        r.line,
        `${label}: province "${provinceName}" is not a province of 1 July 2025; row not placed.`,
      );
      continue;
    }
    const byId = byBandoId.get((r.cells['matinh'] ?? '').trim());
    if (byId && byId !== province) {
      ctx.log.add(
        'province_mismatch',
        'warning',
        file,
        r.line,
        `${label}: tentinh says ${province.fullName} but matinh ${r.cells['matinh']} is ${byId.fullName} in ${FILES.bandoProvinces}; placed by name.`,
      );
    }
    const unit = placeRow(ctx, r.line, byProvince.get(province.key) ?? indexUnits([]), name, type, label);
    if (!unit) continue;
    const first = placed.get(unit.key);
    if (first !== undefined) {
      ctx.log.add(
        'duplicate_row',
        'warning',
        file,
        r.line,
        `${label} places on ${unit.fullName} (${unit.code}) again (first on line ${first}); ignored.`,
      );
      continue;
    }
    placed.set(unit.key, r.line);
    const figures = readFigures(ctx, file, r.line, r.cells, `${unit.fullName} (${unit.code})`, 'commune');
    assignFigures(unit, figures, sourceRef(file, r.line));
    if (figures.areaKm2 !== null && figures.population !== null) {
      const k = `${figures.areaKm2}|${figures.population}`;
      const list = sameFigures.get(k);
      if (list) list.push({ unit, line: r.line });
      else sameFigures.set(k, [{ unit, line: r.line }]);
    }
  }

  for (const c of neu.communes.values()) {
    if (!placed.has(c.key)) {
      ctx.log.add(
        'new_without_figures',
        'warning',
        file,
        null,
        `${c.fullName} (${c.code}, ${c.parentKey}) has no row here: no area, population or centre.`,
        { key: c.key },
      );
    }
  }
  // The same area *and* population for two units is a copy error in the source (it shows up for
  // homonymous communes of different provinces): which one owns the figures cannot be told.
  for (const [k, list] of sameFigures) {
    if (list.length < 2) continue;
    const [area, population] = k.split('|');
    ctx.log.add(
      'duplicate_figures',
      'warning',
      file,
      list[0].line,
      `${list.length} units share area ${area} km² and population ${population}: ${list.map((x) => `${x.unit.fullName} (${x.unit.code}, line ${x.line})`).join('; ')}. Figures kept but unreliable.`,
      { keys: list.map((x) => x.unit.key), lines: list.map((x) => x.line) },
    );
  }
}

/** Units of one province indexed by exact key and by folded name. */
interface ProvinceIndex {
  byKey: Map<string, VnUnit[]>;
  byFold: Map<string, VnUnit[]>;
}

function indexUnits(units: VnUnit[]): ProvinceIndex {
  const index: ProvinceIndex = { byKey: new Map(), byFold: new Map() };
  const put = (m: Map<string, VnUnit[]>, k: string, u: VnUnit) => {
    const l = m.get(k);
    if (l) l.push(u);
    else m.set(k, [u]);
  };
  for (const u of units) {
    put(index.byKey, nameKey(u.name), u);
    put(index.byFold, foldVietnamese(u.name), u);
  }
  return index;
}

function placeRow(
  ctx: LoadContext,
  line: number,
  index: ProvinceIndex,
  name: string,
  type: UnitType | undefined,
  label: string,
): VnUnit | undefined {
  const file = FILES.bandoCommunes;
  const exact = index.byKey.get(nameKey(name)) ?? [];
  const exactTyped = exact.filter((c) => c.type === type);
  if (exactTyped.length === 1) return exactTyped[0];
  if (exact.length === 1) {
    ctx.log.add(
      'type_mismatch',
      'warning',
      file,
      line,
      `${label} is a ${exact[0].type} in ${FILES.newUnitsJson} (${exact[0].fullName}, ${exact[0].code}); placed there.`,
      { key: exact[0].key },
    );
    return exact[0];
  }
  const loose = index.byFold.get(foldVietnamese(name)) ?? [];
  const looseTyped = loose.filter((c) => c.type === type);
  const pick = looseTyped.length === 1 ? looseTyped[0] : loose.length === 1 ? loose[0] : undefined;
  if (pick) {
    ctx.log.add(
      'name_mismatch',
      'info',
      file,
      line,
      `${label} placed on ${pick.fullName} (${pick.code}) by folded name.`,
      { key: pick.key },
    );
    if (pick.type !== type)
      ctx.log.add(
        'type_mismatch',
        'warning',
        file,
        line,
        `${label} is a ${pick.type} in ${FILES.newUnitsJson}; placed there.`,
        { key: pick.key },
      );
    return pick;
  }
  ctx.log.add(
    'unplaced_row',
    'warning',
    file,
    line,
    `${label} matches ${exact.length + loose.length ? 'several units' : 'no unit'} of its province in ${FILES.newUnitsJson}; figures not used.`,
  );
  return undefined;
}
