// Agencies that exist by law in every unit of the two-tier model, and the
// central agencies listed in data/vn/central-agencies.csv. Later modules name
// a task's lead agency from these.
import fs from 'node:fs';
import path from 'node:path';
import type { NewAgency } from './import.store.ts';
import type { VnUnit } from '../vn/vn-types.ts';
import { parseCsv, recordsToObjects } from '../../platform/formats/csv.ts';

// Law on Organisation of Local Government 2025 (Luật Tổ chức chính quyền địa
// phương số 72/2025/QH15): each province and commune has a People's Council and
// a People's Committee; the Party Charter and the Law on the Fatherland Front
// give each level a Party committee and a Fatherland Front committee.
const STANDARD = [
  { kind: 'party_committee', vi: 'Đảng ủy', en: 'Party Committee' },
  { kind: 'peoples_council', vi: 'Hội đồng nhân dân', en: "People's Council" },
  { kind: 'peoples_committee', vi: 'Ủy ban nhân dân', en: "People's Committee" },
  { kind: 'fatherland_front', vi: 'Ủy ban Mặt trận Tổ quốc Việt Nam', en: 'Viet Nam Fatherland Front Committee' },
] as const;
const STANDARD_SOURCE = 'Luật Tổ chức chính quyền địa phương 2025 (72/2025/QH15)';

export function standardAgencies(units: VnUnit[], ids: Map<string, number>, validFrom: string): NewAgency[] {
  const out: NewAgency[] = [];
  for (const u of units) {
    if (u.era !== 'new') continue;
    for (const s of STANDARD) {
      const partyName = u.level === 1 ? `Tỉnh ủy ${u.name}` : `Đảng ủy ${u.fullName}`;
      out.push({
        key: `${u.key}:${s.kind}`,
        unitId: ids.get(u.key)!,
        kind: s.kind,
        name: s.kind === 'party_committee' ? partyName : `${s.vi} ${u.fullName}`,
        nameEn: `${s.en} of ${u.fullNameEn ?? u.fullName}`,
        validFrom,
        source: STANDARD_SOURCE,
      });
    }
  }
  return out;
}

/** Central agencies (ministries, Party commissions): data, not code, so they can change without a release. */
export function readCentralAgencies(dataDir: string): Omit<NewAgency, 'unitId'>[] {
  const file = path.join(dataDir, 'central-agencies.csv');
  const parsed = parseCsv(fs.readFileSync(file, 'utf8'));
  const [header, ...records] = parsed.records;
  return recordsToObjects(header.cells, records).map(({ cells }) => ({
    key: `central:${cells.code}`,
    kind: cells.kind,
    name: cells.name,
    nameEn: cells.name_en || null,
    validFrom: cells.valid_from || null,
    source: cells.source,
  }));
}
