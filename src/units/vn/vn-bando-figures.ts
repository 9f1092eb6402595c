// Reading the figures (area, population, centre, coordinates) of a sapnhap.bando.com.vn row.
// Unknown stays null; anything unparseable or implausible is reported, never silently zeroed.

import { parseVnNumber, isUnknownValue, type NumberKind } from './vn-numbers.ts';
import type { LoadContext } from './vn-sources.ts';
import { tidyText } from './vn-text.ts';
import type { VnUnit } from './vn-types.ts';

export interface Figures {
  areaKm2: number | null;
  population: number | null;
  adminCentre: string | null;
  lon: number | null;
  lat: number | null;
}

export const FIGURE_COLUMNS = {
  area: 'dientichkm2',
  population: 'dansonguoi',
  centre: 'trungtamhc',
  lon: 'kinhdo',
  lat: 'vido',
} as const;

// Vietnam incl. Hoàng Sa and Trường Sa lies within these bounds; anything outside is a typo.
const LON = [102, 118];
const LAT = [6, 24];

export function readFigures(
  ctx: LoadContext,
  file: string,
  line: number,
  cells: Record<string, string>,
  label: string,
  level: 'province' | 'commune',
): Figures {
  const num = (column: string, kind: NumberKind): number | null => {
    const raw = cells[column] ?? '';
    const parsed = parseVnNumber(raw, kind);
    if (!parsed.ok) {
      ctx.log.add('unparsed_number', 'warning', file, line, `${label}: ${column} ${parsed.reason}; left unknown.`, {
        column,
        raw,
      });
      return null;
    }
    if (parsed.value === null) {
      ctx.log.add('value_unknown', 'info', file, line, `${label}: ${column} is "${tidyText(raw)}" (unknown).`, {
        column,
        raw,
      });
    }
    return parsed.value;
  };
  const implausible = (column: string, value: number, why: string) =>
    ctx.log.add('implausible_value', 'warning', file, line, `${label}: ${column} = ${value} ${why}.`, {
      column,
      value,
    });

  let areaKm2 = num(FIGURE_COLUMNS.area, 'measure');
  const population = num(FIGURE_COLUMNS.population, 'count');
  const lon = num(FIGURE_COLUMNS.lon, 'measure');
  const lat = num(FIGURE_COLUMNS.lat, 'measure');
  if (areaKm2 !== null && areaKm2 <= 0) {
    implausible(FIGURE_COLUMNS.area, areaKm2, 'is not an area; read as unknown');
    areaKm2 = null;
  }
  if (population !== null && level === 'commune') {
    // Communes after the reform have thousands of people; two-digit values look like figures in
    // thousands or truncated cells, a six-digit-plus one like a province total pasted in.
    if (population < 100)
      implausible(
        FIGURE_COLUMNS.population,
        population,
        'is implausibly small for a commune-level unit (thousands? truncated?); kept as given',
      );
    if (population > 500_000)
      implausible(
        FIGURE_COLUMNS.population,
        population,
        'is implausibly large for a commune-level unit; kept as given',
      );
  }
  if (lon !== null && (lon < LON[0] || lon > LON[1]))
    implausible(FIGURE_COLUMNS.lon, lon, 'is outside Vietnam; kept as given');
  if (lat !== null && (lat < LAT[0] || lat > LAT[1]))
    implausible(FIGURE_COLUMNS.lat, lat, 'is outside Vietnam; kept as given');
  const centreRaw = cells[FIGURE_COLUMNS.centre] ?? '';
  const adminCentre = isUnknownValue(centreRaw) ? null : tidyCentre(centreRaw);
  return { areaKm2, population, adminCentre, lon, lat };
}

/** Keep line breaks between listed offices but drop stray spaces / NBSP. */
function tidyCentre(raw: string): string {
  return raw.split(/\r?\n/).map(tidyText).filter(Boolean).join('\n');
}

export function assignFigures(unit: VnUnit, f: Figures, source: string): void {
  unit.areaKm2 = f.areaKm2;
  unit.population = f.population;
  unit.adminCentre = f.adminCentre;
  unit.lon = f.lon;
  unit.lat = f.lat;
  unit.sources.push(source);
}
