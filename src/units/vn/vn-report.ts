// Totals against the official figures (README of the source data; data/vn/README.md).

import type { NewUnits } from './vn-new-units.ts';
import type { OldUnits } from './vn-old-units.ts';
import type { LoadContext } from './vn-sources.ts';
import { FILES } from './vn-sources.ts';
import type { VnCounts, VnEvent, VnExpected } from './vn-types.ts';

export const OFFICIAL_TOTALS: VnExpected = {
  old: { provinces: 63, districts: 696, communes: 10_035 },
  new: {
    provinces: 34,
    communes: 3_321,
    byType: { province: 28, municipality: 6, commune: 2_621, ward: 687, special_zone: 13 },
  },
};

export function countUnits(old: OldUnits, neu: NewUnits, events: VnEvent[]): VnCounts {
  const byType: Record<string, number> = {};
  for (const u of [...neu.provinces.values(), ...neu.communes.values()]) byType[u.type] = (byType[u.type] ?? 0) + 1;
  return {
    old: { provinces: old.provinces.size, districts: old.districts.size, communes: old.communes.size },
    new: { provinces: neu.provinces.size, communes: neu.communes.size, byType },
    links: events.reduce((n, e) => n + e.links.length, 0),
    events: events.length,
  };
}

export function checkTotals(ctx: LoadContext, counts: VnCounts, expected = OFFICIAL_TOTALS): void {
  const check = (what: string, file: string, actual: number, wanted: number) => {
    if (actual !== wanted) {
      ctx.log.add('count_mismatch', 'error', file, null, `${what}: ${actual} loaded, official total is ${wanted}.`, {
        what,
        actual,
        expected: wanted,
      });
    }
  };
  check('old provinces', FILES.gsoDistricts, counts.old.provinces, expected.old.provinces);
  check('old districts', FILES.gsoDistricts, counts.old.districts, expected.old.districts);
  check('old communes', FILES.gsoCommunes, counts.old.communes, expected.old.communes);
  check('new provinces', FILES.newUnitsJson, counts.new.provinces, expected.new.provinces);
  check('new communes', FILES.newUnitsJson, counts.new.communes, expected.new.communes);
  for (const [type, wanted] of Object.entries(expected.new.byType)) {
    check(`new ${type}`, FILES.newUnitsJson, counts.new.byType[type] ?? 0, wanted);
  }
}
