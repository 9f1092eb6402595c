// Commune lineage from the GSO conversion table (BangChuyendoiĐVHCmoi_cu): one row per
// (new unit, old unit) pair with the GSO's note. Every row is checked against both catalogues by
// code *and* name, because a typo in a code silently links the wrong commune otherwise.

import { sourceRef } from './vn-issues.ts';
import { checkOldSide, checkNewSide, linkKindFromNote } from './vn-conversion-checks.ts';
import { oldKey, type OldUnits } from './vn-old-units.ts';
import type { NewUnits } from './vn-new-units.ts';
import { FILES, readCsvRows, splitNameCode, type LoadContext } from './vn-sources.ts';
import { tidyText } from './vn-text.ts';
import type { VnLink } from './vn-types.ts';

const COL = {
  newProvince: 'Tỉnh, thành phố',
  newName: 'Tên Xã mới',
  newCode: 'Mã Xã mới',
  oldName: 'Tên Xã cũ',
  oldCode: 'Mã Xã cũ',
  note: 'Ghi chú',
  oldDistrict: 'Quận/huyện',
  oldProvince: 'Tỉnh cũ',
} as const;

/** Links grouped by the new unit they form (toKey), in file order. */
export function readConversionTable(ctx: LoadContext, old: OldUnits, neu: NewUnits): Map<string, VnLink[]> {
  const file = FILES.conversion;
  const byNew = new Map<string, VnLink[]>();
  const seenPairs = new Map<string, number>();
  const checkedNew = new Set<string>();

  for (const r of readCsvRows(ctx, file, 2)) {
    const tidy: Partial<Record<keyof typeof COL, string>> = {};
    const c = (k: keyof typeof COL): string => (tidy[k] ??= tidyText(r.cells[COL[k]] ?? ''));
    if (!c('newName') && !c('newCode') && !c('oldName') && !c('oldCode')) {
      const first = c('newProvince');
      // Upper-case rows (`CAO BẰNG`) are the workbook's block headers; anything else is a stray row.
      if (first && first !== first.toUpperCase()) {
        ctx.log.add('incomplete_row', 'warning', file, r.line, `Row holds only "${first}" and no unit; ignored.`);
      }
      continue;
    }

    const newUnit = neu.communes.get(c('newCode'));
    if (!newUnit) {
      ctx.log.add(
        'unplaced_row',
        'error',
        file,
        r.line,
        `New unit code "${c('newCode')}" (${c('newName')}) is not a unit of 1 July 2025 in ${FILES.newUnitsJson}; row not linked (old: ${c('oldName')} ${c('oldCode')}).`,
        { newCode: c('newCode'), newName: c('newName'), oldCode: c('oldCode') },
      );
      continue;
    }
    const newCheckKey = `${newUnit.code}|${c('newName')}|${c('newProvince')}`;
    if (!checkedNew.has(newCheckKey)) {
      checkedNew.add(newCheckKey);
      checkNewSide(ctx, r.line, newUnit, c('newName'), splitNameCode(c('newProvince')).code);
    }

    const fromKey = resolveOld(ctx, r.line, old, c('oldName'), c('oldCode'), c('oldDistrict'), c('oldProvince'));
    if (!fromKey) continue;

    const pair = `${newUnit.key}|${fromKey}`;
    const firstLine = seenPairs.get(pair);
    if (firstLine !== undefined) {
      ctx.log.add(
        'duplicate_row',
        'warning',
        file,
        r.line,
        `${c('oldName')} (${fromKey}) → ${newUnit.fullName} (${newUnit.code}) is already given on line ${firstLine}; not linked twice.`,
      );
      continue;
    }
    seenPairs.set(pair, r.line);

    const note = (r.cells[COL.note] ?? '').trim();
    const kind = linkKindFromNote(note);
    if (!kind.known) {
      ctx.log.add(
        'unknown_note',
        'warning',
        file,
        r.line,
        `Note "${note}" is not a known kind; read as "${kind.kind}".`,
      );
    }
    const link: VnLink = { fromKey, toKey: newUnit.key, kind: kind.kind, note, source: sourceRef(file, r.line) };
    const list = byNew.get(newUnit.key);
    if (list) list.push(link);
    else byNew.set(newUnit.key, [link]);
  }
  return byNew;
}

/** The old unit a row comes from: a commune by code, or a whole district (island districts). */
function resolveOld(
  ctx: LoadContext,
  line: number,
  old: OldUnits,
  name: string,
  code: string,
  districtCell: string,
  provinceCell: string,
): string | null {
  const file = FILES.conversion;
  if (!code) {
    const district = old.districts.get(splitNameCode(districtCell).code ?? '');
    if (district && !name) return district.key; // `Sắp xếp toàn bộ huyện Côn Đảo thành đặc khu Côn Đảo`
    if (district) {
      ctx.log.add(
        'area_without_code',
        'info',
        file,
        line,
        `"${name}" is not a commune and has no code; linked to its district ${district.fullName} (${district.code}).`,
        { district: district.code },
      );
      return district.key;
    }
    ctx.log.add(
      'unplaced_row',
      'error',
      file,
      line,
      `Old unit "${name}" has no code and no known district ("${districtCell}"); row not linked.`,
    );
    return null;
  }
  const commune = old.communes.get(code);
  if (!commune) {
    ctx.log.add(
      'unplaced_row',
      'error',
      file,
      line,
      `Old code ${code} ("${name}") is not in the GSO catalogue of ${FILES.gsoCommunes}; row not linked.`,
      { oldCode: code, oldName: name },
    );
    return null;
  }
  checkOldSide(ctx, line, old, commune, name, splitNameCode(districtCell).code, splitNameCode(provinceCell));
  return oldKey('c', code);
}
