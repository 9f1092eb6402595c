// Units from 1 July 2025: 34 provinces (28 provinces + 6 municipalities) and 3,321 commune-level
// units, no district level. Read from the thanglequoc v3 tree (official codes, types, English names).

import { FILES, readUnitsJson, type LoadContext, type NewJsonProvince } from './vn-sources.ts';
import { canonicalFullName, normaliseName, tidyText } from './vn-text.ts';
import type { UnitType, VnUnit } from './vn-types.ts';

export interface NewUnits {
  provinces: Map<string, VnUnit>;
  communes: Map<string, VnUnit>;
}

export const newKey = (level: 'p' | 'c', code: string) => `new:${level}:${code}`;

// AdministrativeUnitId in the thanglequoc schema: 3 phường, 4 xã, 5 đặc khu tại hải đảo.
const COMMUNE_TYPE_BY_ID: Record<number, UnitType> = { 3: 'ward', 4: 'commune', 5: 'special_zone' };
const COMMUNE_TYPE_BY_PREFIX: Record<string, UnitType> = { phường: 'ward', xã: 'commune', 'đặc khu': 'special_zone' };

export function buildNewUnits(ctx: LoadContext): NewUnits {
  const file = FILES.newUnitsJson;
  const tree = readUnitsJson<NewJsonProvince>(ctx, file, (p) => p.Wards);
  const out: NewUnits = { provinces: new Map(), communes: new Map() };
  const unit = (
    level: 1 | 3,
    type: UnitType,
    code: string,
    j: NewJsonProvince | NewJsonProvince['Wards'][number],
    parentKey: string | null,
  ): VnUnit => {
    const fullName = canonicalFullName(j.FullName);
    return {
      key: newKey(level === 1 ? 'p' : 'c', code),
      code,
      level,
      type,
      name: j.Name ? tidyText(j.Name) : normaliseName(fullName),
      fullName,
      nameEn: j.NameEn ? tidyText(j.NameEn) : null,
      fullNameEn: j.FullNameEn ? tidyText(j.FullNameEn) : null,
      parentKey,
      era: 'new',
      areaKm2: null,
      population: null,
      adminCentre: null,
      lon: null,
      lat: null,
      sources: [file],
    };
  };

  for (const p of tree) {
    const code = String(p.Code).trim();
    if (out.provinces.has(code)) {
      ctx.log.add(
        'duplicate_code',
        'error',
        file,
        null,
        `Province code ${code} appears twice ("${p.FullName}"); first kept.`,
      );
      continue;
    }
    const municipal =
      /trực thuộc trung ương/i.test(p.AdministrativeUnitFullName ?? '') || /^thành phố /i.test(tidyText(p.FullName));
    const province = unit(1, municipal ? 'municipality' : 'province', code, p, null);
    out.provinces.set(code, province);

    for (const w of p.Wards) {
      const wcode = String(w.Code).trim();
      const prefix = tidyText(w.FullName).toLowerCase();
      const type =
        COMMUNE_TYPE_BY_ID[w.AdministrativeUnitId ?? -1] ??
        Object.entries(COMMUNE_TYPE_BY_PREFIX).find(([k]) => prefix.startsWith(k + ' '))?.[1];
      if (!type) {
        ctx.log.add('unknown_type', 'error', file, null, `Unit ${wcode} "${w.FullName}" has no known type; skipped.`, {
          code: wcode,
        });
        continue;
      }
      if (w.ProvinceCode && String(w.ProvinceCode) !== code) {
        ctx.log.add(
          'code_mismatch',
          'warning',
          file,
          null,
          `Unit ${wcode} "${w.FullName}" sits under province ${code} but says ProvinceCode ${w.ProvinceCode}; kept under ${code}.`,
          { code: wcode },
        );
      }
      if (out.communes.has(wcode)) {
        ctx.log.add(
          'duplicate_code',
          'error',
          file,
          null,
          `Unit code ${wcode} appears twice ("${w.FullName}"); first kept.`,
          { code: wcode },
        );
        continue;
      }
      out.communes.set(wcode, unit(3, type, wcode, w, province.key));
    }
  }
  return out;
}
