// One event per new unit, saying how it was formed, with its links to the old units.

import type { NewUnits } from './vn-new-units.ts';
import type { OldUnits } from './vn-old-units.ts';
import { FILES, type LoadContext } from './vn-sources.ts';
import { nameKey } from './vn-text.ts';
import type { EventKind, VnEvent, VnLink, VnUnit } from './vn-types.ts';

export const PROVINCE_LEGAL_BASIS = 'Nghị quyết 202/2025/QH15';
/** The data does not carry the number of each province's commune resolution: say what it is. */
export const communeLegalBasis = (province: VnUnit) =>
  `Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp ĐVHC cấp xã năm 2025 (${province.fullName})`;

/**
 * >1 predecessor → merge; one predecessor only partly → split; one whole predecessor with another
 * name → rename; same name, other type → retype; same name and type → reassign (only the parent
 * changed, districts being abolished); none → create.
 */
export function eventKindFor(
  unit: VnUnit,
  links: VnLink[],
  predecessor: (key: string) => VnUnit | undefined,
): EventKind {
  const from = new Set(links.map((l) => l.fromKey));
  if (from.size === 0) return 'create';
  if (from.size > 1) return 'merge';
  if (links.every((l) => l.kind === 'part')) return 'split';
  const pred = predecessor(links[0].fromKey);
  if (!pred) return 'create';
  if (nameKey(pred.name) !== nameKey(unit.name)) return 'rename';
  if (pred.type !== unit.type) return 'retype';
  return 'reassign';
}

export function buildEvents(
  old: OldUnits,
  neu: NewUnits,
  provinceLinks: Map<string, VnLink[]>,
  communeLinks: Map<string, VnLink[]>,
): VnEvent[] {
  const lookup = oldLookup(old);
  const events: VnEvent[] = [];
  for (const p of neu.provinces.values()) {
    const links = provinceLinks.get(p.key) ?? [];
    events.push({ toKey: p.key, kind: eventKindFor(p, links, lookup), legalBasis: PROVINCE_LEGAL_BASIS, links });
  }
  for (const c of neu.communes.values()) {
    const links = communeLinks.get(c.key) ?? [];
    const province = neu.provinces.get(c.parentKey!.slice('new:p:'.length))!;
    events.push({ toKey: c.key, kind: eventKindFor(c, links, lookup), legalBasis: communeLegalBasis(province), links });
  }
  return events;
}

export function oldLookup(old: OldUnits): (key: string) => VnUnit | undefined {
  return (key) => {
    const [, level, code] = key.split(':');
    return (level === 'p' ? old.provinces : level === 'd' ? old.districts : old.communes).get(code);
  };
}

/**
 * Province lineage from bando-provinces.csv against the commune links: the old provinces of a new
 * province's communes' predecessors must be exactly the provinces Resolution 202 merged into it.
 */
export function crossCheckProvinceLineage(
  ctx: LoadContext,
  old: OldUnits,
  neu: NewUnits,
  provinceLinks: Map<string, VnLink[]>,
  communeLinks: Map<string, VnLink[]>,
): void {
  const lookup = oldLookup(old);
  const oldProvinceOf = (key: string): string | null => {
    let u = lookup(key);
    while (u && u.level > 1) u = u.parentKey ? lookup(u.parentKey) : undefined;
    return u?.key ?? null;
  };
  const fromCommunes = new Map<string, Set<string>>();
  for (const c of neu.communes.values()) {
    for (const l of communeLinks.get(c.key) ?? []) {
      const op = oldProvinceOf(l.fromKey);
      if (!op) continue;
      const set = fromCommunes.get(c.parentKey!) ?? new Set<string>();
      set.add(op);
      fromCommunes.set(c.parentKey!, set);
    }
  }
  for (const p of neu.provinces.values()) {
    const declared = new Set((provinceLinks.get(p.key) ?? []).map((l) => l.fromKey));
    const seen = fromCommunes.get(p.key) ?? new Set<string>();
    const missing = [...declared].filter((k) => !seen.has(k));
    const extra = [...seen].filter((k) => !declared.has(k));
    if (missing.length || extra.length) {
      const names = (keys: string[]) => keys.map((k) => `${lookup(k)?.fullName ?? k} (${k})`).join(', ');
      ctx.log.add(
        'province_lineage_mismatch',
        'warning',
        FILES.conversion,
        null,
        `${p.fullName}: ${missing.length ? `no commune comes from ${names(missing)}, declared in ${FILES.bandoProvinces}` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `communes come from ${names(extra)}, not declared in ${FILES.bandoProvinces}` : ''}.`,
        { key: p.key, missing, extra },
      );
    }
  }
}
