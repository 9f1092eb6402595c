// Units in force before 1 July 2025 (63 provinces, 696 districts, 10,035 communes).
// Codes, names and types come from the GSO catalogue export (authoritative); English names come
// from the thanglequoc tree, matched by code, and disagreements between the two are reported.

import { sourceRef } from './vn-issues.ts';
import {
  FILES,
  readCsvRows,
  readUnitsJson,
  type JsonUnit,
  type LoadContext,
  type OldJsonProvince,
} from './vn-sources.ts';
import { canonicalFullName, nameKey, normaliseName, splitPrefix, tidyText } from './vn-text.ts';
import type { UnitType, VnUnit } from './vn-types.ts';

export interface OldUnits {
  provinces: Map<string, VnUnit>;
  districts: Map<string, VnUnit>;
  communes: Map<string, VnUnit>;
}

const DISTRICT_TYPES: Record<string, UnitType> = {
  quận: 'urban_district',
  huyện: 'rural_district',
  'thị xã': 'town',
  'thành phố': 'provincial_city',
};
const COMMUNE_TYPES: Record<string, UnitType> = { phường: 'ward', xã: 'commune', 'thị trấn': 'township' };

export const oldKey = (level: 'p' | 'd' | 'c', code: string) => `old:${level}:${code}`;

export function buildOldUnits(ctx: LoadContext): OldUnits {
  const out: OldUnits = { provinces: new Map(), districts: new Map(), communes: new Map() };
  const make = (
    file: string,
    line: number,
    level: 1 | 2 | 3,
    type: UnitType,
    code: string,
    rawName: string,
    parentKey: string | null,
  ): VnUnit => {
    const fullName = canonicalFullName(rawName);
    if (fullName !== rawName) {
      ctx.log.add(
        'name_tidied',
        'info',
        file,
        line,
        `Name "${rawName}" (${code}) read as "${fullName}" (spaces/case of the prefix).`,
        { code },
      );
    }
    return {
      key: oldKey(level === 1 ? 'p' : level === 2 ? 'd' : 'c', code),
      code,
      level,
      type,
      name: normaliseName(fullName),
      fullName,
      nameEn: null,
      fullNameEn: null,
      parentKey,
      era: 'old',
      areaKm2: null,
      population: null,
      adminCentre: null,
      lon: null,
      lat: null,
      sources: [sourceRef(file, line)],
    };
  };

  const addProvince = (file: string, line: number, code: string, name: string) => {
    const known = out.provinces.get(code);
    if (known) {
      if (nameKey(known.fullName) !== nameKey(canonicalFullName(name))) {
        ctx.log.add(
          'name_mismatch',
          'warning',
          file,
          line,
          `Province ${code} is "${tidyText(name)}" here but "${known.fullName}" elsewhere in the catalogue.`,
          { code },
        );
      }
      return known;
    }
    const type: UnitType = /^thành phố /i.test(tidyText(name)) ? 'municipality' : 'province';
    const unit = make(file, line, 1, type, code, name, null);
    out.provinces.set(code, unit);
    return unit;
  };

  for (const r of readCsvRows(ctx, FILES.gsoDistricts)) {
    const code = r.cells['Mã'].trim();
    const province = addProvince(FILES.gsoDistricts, r.line, r.cells['Mã TP'].trim(), r.cells['Tỉnh / Thành Phố']);
    let type = DISTRICT_TYPES[tidyText(r.cells['Cấp']).toLowerCase()];
    if (type === 'provincial_city' && province.type === 'municipality') type = 'municipal_city'; // Thủ Đức
    if (!type) {
      ctx.log.add(
        'unknown_type',
        'error',
        FILES.gsoDistricts,
        r.line,
        `District ${code} "${r.cells['Tên']}" has unknown level "${r.cells['Cấp']}"; skipped.`,
      );
      continue;
    }
    if (out.districts.has(code)) {
      ctx.log.add(
        'duplicate_code',
        'error',
        FILES.gsoDistricts,
        r.line,
        `District code ${code} appears twice ("${r.cells['Tên']}"); first kept.`,
      );
      continue;
    }
    checkLevelAgainstName(ctx, FILES.gsoDistricts, r.line, code, r.cells['Tên'], r.cells['Cấp'], DISTRICT_TYPES);
    out.districts.set(code, make(FILES.gsoDistricts, r.line, 2, type, code, r.cells['Tên'], province.key));
  }

  for (const r of readCsvRows(ctx, FILES.gsoCommunes)) {
    const code = r.cells['Mã'].trim();
    const districtCode = r.cells['Mã QH'].trim();
    const provinceCode = r.cells['Mã TP'].trim();
    const type = COMMUNE_TYPES[tidyText(r.cells['Cấp']).toLowerCase()];
    const district = out.districts.get(districtCode);
    if (!type || !district) {
      ctx.log.add(
        type ? 'unplaced_row' : 'unknown_type',
        'error',
        FILES.gsoCommunes,
        r.line,
        `Commune ${code} "${r.cells['Tên']}": ${type ? `district ${districtCode} is not in the district catalogue` : `unknown level "${r.cells['Cấp']}"`}; skipped.`,
      );
      continue;
    }
    if (district.parentKey !== oldKey('p', provinceCode)) {
      ctx.log.add(
        'code_mismatch',
        'error',
        FILES.gsoCommunes,
        r.line,
        `Commune ${code} "${r.cells['Tên']}" says province ${provinceCode} but its district ${districtCode} is in ${district.parentKey}.`,
      );
    }
    if (out.communes.has(code)) {
      ctx.log.add(
        'duplicate_code',
        'error',
        FILES.gsoCommunes,
        r.line,
        `Commune code ${code} appears twice ("${r.cells['Tên']}"); first kept.`,
      );
      continue;
    }
    checkLevelAgainstName(ctx, FILES.gsoCommunes, r.line, code, r.cells['Tên'], r.cells['Cấp'], COMMUNE_TYPES);
    out.communes.set(code, make(FILES.gsoCommunes, r.line, 3, type, code, r.cells['Tên'], district.key));
  }

  enrichFromTree(ctx, out);
  return out;
}

/** The level column (`Cấp`) is authoritative, but a name that says another level is reported. */
function checkLevelAgainstName(
  ctx: LoadContext,
  file: string,
  line: number,
  code: string,
  name: string,
  level: string,
  types: Record<string, UnitType>,
): void {
  const prefix = splitPrefix(name).prefix?.toLowerCase();
  const byName = prefix ? types[prefix] : undefined;
  if (byName && byName !== types[tidyText(level).toLowerCase()]) {
    ctx.log.add(
      'type_mismatch',
      'warning',
      file,
      line,
      `${code} "${tidyText(name)}" has level "${tidyText(level)}" but its name says "${splitPrefix(name).prefix}"; the level column is used.`,
      { code },
    );
  }
}

/** English names from the thanglequoc tree; its names and parents are cross-checked, not used. */
function enrichFromTree(ctx: LoadContext, out: OldUnits): void {
  const file = FILES.oldUnitsJson;
  const tree = readUnitsJson<OldJsonProvince>(ctx, file, (p) => p.District);
  const seen = new Set<string>();
  const enrich = (map: Map<string, VnUnit>, j: JsonUnit, parentCode: string | null, what: string) => {
    const unit = map.get(j.Code);
    if (!unit) {
      ctx.log.add(
        'unplaced_row',
        'warning',
        file,
        null,
        `${what} ${j.Code} "${j.FullName}" is not in the GSO catalogue; ignored.`,
        { code: j.Code },
      );
      return;
    }
    seen.add(unit.key);
    unit.nameEn = j.NameEn ? tidyText(j.NameEn) : null;
    unit.fullNameEn = j.FullNameEn ? tidyText(j.FullNameEn) : null;
    unit.sources.push(file);
    const jsonFullName = canonicalFullName(j.FullName);
    if (jsonFullName !== unit.fullName && nameKey(jsonFullName) !== nameKey(unit.fullName)) {
      ctx.log.add(
        'name_mismatch',
        'warning',
        file,
        null,
        `${what} ${j.Code} is "${j.FullName}" here but "${unit.fullName}" in the GSO catalogue.`,
        { code: j.Code },
      );
    }
    const expectedParent =
      parentCode === null ? null : unit.level === 2 ? oldKey('p', parentCode) : oldKey('d', parentCode);
    if (parentCode !== null && unit.parentKey !== expectedParent) {
      ctx.log.add(
        'code_mismatch',
        'warning',
        file,
        null,
        `${what} ${j.Code} "${j.FullName}" is under ${expectedParent} here but ${unit.parentKey} in the GSO catalogue.`,
        { code: j.Code },
      );
    }
  };
  for (const p of tree) {
    enrich(out.provinces, p, null, 'Province');
    for (const d of p.District) {
      enrich(out.districts, d, p.Code, 'District');
      for (const w of d.Ward ?? []) enrich(out.communes, w, d.Code, 'Commune');
    }
  }
  for (const map of [out.provinces, out.districts, out.communes]) {
    for (const u of map.values()) {
      if (!seen.has(u.key))
        ctx.log.add(
          'missing_in_source',
          'info',
          file,
          null,
          `${u.fullName} (${u.code}) has no entry here: no English name.`,
          { key: u.key },
        );
    }
  }
}
