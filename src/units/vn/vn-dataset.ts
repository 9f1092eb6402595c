// Loads Vietnam's administrative units before and after the 1 July 2025 reform from the published
// files in data/vn (no database), and reconciles the files against each other.
//
// Order matters: corrections are read first and applied as each file is read, so every check
// below sees the corrected rows; lineage needs both catalogues; figures need the new units.

import { join } from 'node:path';
import { readBandoCommunes } from './vn-bando-communes.ts';
import { readBandoProvinces } from './vn-bando-provinces.ts';
import { checkLineageCoverage } from './vn-conversion-checks.ts';
import { readConversionTable } from './vn-conversion-table.ts';
import { CORRECTIONS_FILE, loadCorrections, reportUnappliedCorrections } from './vn-corrections.ts';
import { buildEvents, crossCheckProvinceLineage } from './vn-events.ts';
import { checkProvinceBoundaries } from './vn-geo.ts';
import { IssueLog } from './vn-issues.ts';
import { buildNewUnits } from './vn-new-units.ts';
import { buildOldUnits } from './vn-old-units.ts';
import { checkTotals, countUnits, OFFICIAL_TOTALS } from './vn-report.ts';
import type { LoadContext } from './vn-sources.ts';
import type { VnDataset } from './vn-types.ts';

export type * from './vn-types.ts';
export { OFFICIAL_TOTALS } from './vn-report.ts';
export { FILES as VN_FILES } from './vn-sources.ts';

export interface LoadOptions {
  /** Skip data/vn/corrections.csv (to see the published files' own problems). */
  withoutCorrections?: boolean;
}

export function loadVnDataset(dataDir: string, options: LoadOptions = {}): VnDataset {
  const log = new IssueLog();
  const ctx: LoadContext = {
    dataDir,
    log,
    corrections: options.withoutCorrections ? [] : loadCorrections(join(dataDir, CORRECTIONS_FILE), log),
    applied: [],
  };

  const old = buildOldUnits(ctx);
  const neu = buildNewUnits(ctx);
  checkProvinceBoundaries(ctx, neu);

  const communeLinks = readConversionTable(ctx, old, neu);
  checkLineageCoverage(ctx, old, neu, communeLinks);

  const bandoProvinces = readBandoProvinces(ctx, old, neu);
  crossCheckProvinceLineage(ctx, old, neu, bandoProvinces.links, communeLinks);
  readBandoCommunes(ctx, neu, bandoProvinces.byBandoId);

  const events = buildEvents(old, neu, bandoProvinces.links, communeLinks);
  reportUnappliedCorrections(ctx.corrections, log);

  const counts = countUnits(old, neu, events);
  checkTotals(ctx, counts);

  const units = [
    ...old.provinces.values(),
    ...old.districts.values(),
    ...old.communes.values(),
    ...neu.provinces.values(),
    ...neu.communes.values(),
  ];
  return {
    units,
    events,
    report: { counts, expected: OFFICIAL_TOTALS, issues: log.issues, correctionsApplied: ctx.applied },
  };
}
