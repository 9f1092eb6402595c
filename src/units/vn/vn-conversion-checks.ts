// Row-level checks for the conversion table and the reading of its notes.

import type { NewUnits } from './vn-new-units.ts';
import { newKey } from './vn-new-units.ts';
import { oldKey, type OldUnits } from './vn-old-units.ts';
import { FILES, type LoadContext } from './vn-sources.ts';
import { compareNames, foldVietnamese, nameKey, normaliseName, splitPrefix, type UnitPrefix } from './vn-text.ts';
import type { LinkKind, UnitType, VnUnit } from './vn-types.ts';

const PREFIX_TYPE: Partial<Record<UnitPrefix, UnitType>> = {
  Phường: 'ward',
  Xã: 'commune',
  'Thị trấn': 'township',
  'Đặc khu': 'special_zone',
};

/**
 * GSO notes → link kind, read on folded text so spacing and typos (`Nhâp một phần`, `Nhập một  phần`)
 * do not matter. Anything mentioning a part (`một phần`, `phần còn lại`) is `part`, even
 * `Đổi tên từ một phần Phường 15`: only part of the old unit went into this one.
 */
export function linkKindFromNote(note: string): { kind: LinkKind; known: boolean } {
  const f = foldVietnamese(note);
  if (/mot phan|phan con lai/.test(f)) return { kind: 'part', known: true };
  if (f.startsWith('giu nguyen')) return { kind: 'unchanged', known: true };
  if (f.startsWith('doi ten')) return { kind: 'renamed', known: true };
  if (f.startsWith('doi loai hinh')) return { kind: 'retyped', known: true };
  if (/toan bo/.test(f)) return { kind: 'whole', known: true };
  return { kind: 'whole', known: false };
}

/** New-unit side of a row: name, type and province against 2025-07-01/units.json. */
export function checkNewSide(
  ctx: LoadContext,
  line: number,
  unit: VnUnit,
  name: string,
  provinceCode: string | null,
): void {
  const file = FILES.conversion;
  const agreement = compareNames(name, unit.fullName);
  if (agreement === 'different') {
    ctx.log.add(
      'code_mismatch',
      'error',
      file,
      line,
      `New code ${unit.code} is "${unit.fullName}" in ${FILES.newUnitsJson} but "${name}" here.`,
      { code: unit.code },
    );
  } else if (agreement === 'variant') {
    ctx.log.add(
      'name_mismatch',
      'info',
      file,
      line,
      `New unit ${unit.code}: "${name}" here, "${unit.fullName}" in ${FILES.newUnitsJson} (spelling variant).`,
      { code: unit.code },
    );
  }
  const prefixType = PREFIX_TYPE[splitPrefix(name).prefix ?? 'Tỉnh'];
  if (prefixType && prefixType !== unit.type) {
    ctx.log.add(
      'type_mismatch',
      'warning',
      file,
      line,
      `New unit ${unit.code} "${unit.fullName}" is a ${unit.type} in ${FILES.newUnitsJson} but "${name}" here.`,
      { code: unit.code },
    );
  }
  if (provinceCode && unit.parentKey !== newKey('p', provinceCode)) {
    ctx.log.add(
      'code_mismatch',
      'error',
      file,
      line,
      `New unit ${unit.code} "${unit.fullName}" is in ${unit.parentKey} but listed under province ${provinceCode}.`,
      { code: unit.code },
    );
  }
}

const byDistrict = new WeakMap<OldUnits, Map<string, VnUnit[]>>();
function communesOfDistrict(old: OldUnits, districtKey: string): VnUnit[] {
  let index = byDistrict.get(old);
  if (!index) {
    index = new Map();
    for (const c of old.communes.values()) {
      const list = index.get(c.parentKey!);
      if (list) list.push(c);
      else index.set(c.parentKey!, [c]);
    }
    byDistrict.set(old, index);
  }
  return index.get(districtKey) ?? [];
}

/** Old-unit side of a row: does the code really name the commune the row says, where it says? */
export function checkOldSide(
  ctx: LoadContext,
  line: number,
  old: OldUnits,
  commune: VnUnit,
  name: string,
  districtCode: string | null,
  province: { name: string; code: string | null },
): void {
  const file = FILES.conversion;
  const agreement = compareNames(name, commune.fullName);
  if (agreement === 'different') {
    const key = nameKey(normaliseName(name));
    const other = communesOfDistrict(old, commune.parentKey!).find((c) => c !== commune && nameKey(c.name) === key);
    if (other) {
      ctx.log.add(
        'code_mismatch',
        'error',
        file,
        line,
        `Old code ${commune.code} is "${commune.fullName}" in the GSO catalogue, but this row names "${name}", whose code is ${other.code}: likely a typo in the code.`,
        { code: commune.code, rowName: name, likelyCode: other.code },
      );
    } else {
      ctx.log.add(
        'name_mismatch',
        'warning',
        file,
        line,
        `Old code ${commune.code} is "${commune.fullName}" in the GSO catalogue but "${name}" here.`,
        { code: commune.code, rowName: name },
      );
    }
  } else if (agreement === 'variant') {
    ctx.log.add(
      'name_mismatch',
      'info',
      file,
      line,
      `Old code ${commune.code}: "${name}" here, "${commune.fullName}" in the GSO catalogue (spelling variant).`,
      { code: commune.code, rowName: name },
    );
  }
  const prefixType = PREFIX_TYPE[splitPrefix(name).prefix ?? 'Tỉnh'];
  if (agreement !== 'different' && prefixType && prefixType !== commune.type) {
    ctx.log.add(
      'type_mismatch',
      'warning',
      file,
      line,
      `Old code ${commune.code} "${commune.fullName}" is a ${commune.type} by the GSO catalogue's level column, but "${name}" here.`,
      { code: commune.code },
    );
  }
  const district = old.districts.get(commune.parentKey!.slice('old:d:'.length))!;
  if (districtCode && district.code !== districtCode) {
    ctx.log.add(
      'code_mismatch',
      'warning',
      file,
      line,
      `Old code ${commune.code} "${commune.fullName}" is in district ${district.code} (${district.fullName}) in the GSO catalogue, not ${districtCode}.`,
      { code: commune.code },
    );
  }
  const provinceKey = district.parentKey!;
  const provinceUnit = old.provinces.get(provinceKey.slice('old:p:'.length))!;
  const provinceOk = province.code
    ? oldKey('p', province.code) === provinceKey
    : !province.name || nameKey(normaliseName(province.name)) === nameKey(provinceUnit.name);
  if (!provinceOk) {
    ctx.log.add(
      'code_mismatch',
      'warning',
      file,
      line,
      `Old code ${commune.code} "${commune.fullName}" (district ${district.fullName}) is in ${provinceUnit.fullName} (${provinceUnit.code}) in the GSO catalogue, but the row says "${province.name}${province.code ? ` (${province.code})` : ''}".`,
      { code: commune.code, province: provinceUnit.code },
    );
  }
}

/** After all rows: who has no successor or no predecessor, and which old units' links contradict. */
export function checkLineageCoverage(
  ctx: LoadContext,
  old: OldUnits,
  neu: NewUnits,
  byNew: Map<string, { fromKey: string; kind: LinkKind; source: string }[]>,
): void {
  const file = FILES.conversion;
  const byOld = new Map<string, { kind: LinkKind; source: string; toKey: string }[]>();
  for (const [toKey, links] of byNew) {
    for (const l of links) {
      const list = byOld.get(l.fromKey);
      if (list) list.push({ ...l, toKey });
      else byOld.set(l.fromKey, [{ ...l, toKey }]);
    }
  }
  const districtsWithCommunes = new Set([...old.communes.values()].map((c) => c.parentKey));
  const mustHaveSuccessor = [
    ...old.communes.values(),
    ...[...old.districts.values()].filter((d) => !districtsWithCommunes.has(d.key)),
  ];
  for (const u of mustHaveSuccessor) {
    if (byOld.has(u.key)) continue;
    const district = u.level === 3 ? old.districts.get(u.parentKey!.slice(6)) : undefined;
    ctx.log.add(
      'old_without_successor',
      'error',
      file,
      null,
      `${u.fullName} (${u.code}${district ? `, ${district.fullName}` : ''}) is in no row of the conversion table.`,
      { key: u.key, catalogue: u.sources[0] },
    );
  }
  for (const u of neu.communes.values()) {
    if (!byNew.has(u.key)) {
      ctx.log.add(
        'new_without_predecessor',
        'error',
        file,
        null,
        `${u.fullName} (${u.code}, ${u.parentKey}) is formed from nothing in the conversion table.`,
        { key: u.key },
      );
    }
  }
  for (const [fromKey, links] of byOld) {
    const whole = links.filter((l) => l.kind !== 'part');
    const lines = links.map((l) => l.source.split(':').pop()).join(', ');
    if (whole.length > 0 && links.length > 1) {
      ctx.log.add(
        'inconsistent_links',
        'warning',
        file,
        null,
        `${fromKey} goes wholly into ${whole.map((l) => l.toKey).join(', ')} yet has ${links.length} successors (lines ${lines}).`,
        { key: fromKey },
      );
    } else if (whole.length === 0 && links.length === 1) {
      ctx.log.add(
        'inconsistent_links',
        'info',
        file,
        null,
        `${fromKey} goes only "partly" into ${links[0].toKey} (line ${lines}) and nowhere else.`,
        { key: fromKey },
      );
    }
  }
}
