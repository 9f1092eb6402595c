// The province boundaries file is not loaded into units (the map reads it directly), but its
// `properties.code` must be the official code of a province of 1 July 2025, one feature each,
// or the map would colour the wrong province.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NewUnits } from './vn-new-units.ts';
import type { LoadContext } from './vn-sources.ts';
import { nameKey, normaliseName } from './vn-text.ts';

export const GEO_PROVINCES_FILE = 'geo/provinces-34.geojson';

interface Feature {
  properties?: { code?: string; name?: string; fullName?: string };
}

export function checkProvinceBoundaries(ctx: LoadContext, neu: NewUnits): void {
  const file = GEO_PROVINCES_FILE;
  let features: Feature[];
  try {
    features = (JSON.parse(readFileSync(join(ctx.dataDir, file), 'utf8')) as { features?: Feature[] }).features ?? [];
  } catch (e) {
    ctx.log.add('geo_mismatch', 'warning', file, null, `Boundaries could not be read: ${(e as Error).message}.`);
    return;
  }
  const seen = new Set<string>();
  features.forEach((f, i) => {
    const code = String(f.properties?.code ?? '').trim();
    const province = neu.provinces.get(code);
    if (!province) {
      ctx.log.add(
        'geo_mismatch',
        'warning',
        file,
        null,
        `Feature #${i} has code "${code}", not a province of 1 July 2025.`,
        { index: i, code },
      );
      return;
    }
    if (seen.has(code))
      ctx.log.add('geo_mismatch', 'warning', file, null, `Province ${code} has more than one feature.`, { code });
    seen.add(code);
    const name = f.properties?.fullName ?? f.properties?.name ?? '';
    if (name && nameKey(normaliseName(name)) !== nameKey(province.name)) {
      ctx.log.add(
        'geo_mismatch',
        'warning',
        file,
        null,
        `Feature for ${code} is named "${name}" but the province is ${province.fullName}.`,
        { code },
      );
    }
  });
  for (const p of neu.provinces.values()) {
    if (!seen.has(p.code))
      ctx.log.add('geo_mismatch', 'warning', file, null, `${p.fullName} (${p.code}) has no boundary.`, {
        code: p.code,
      });
  }
}
