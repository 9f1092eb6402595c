// Loads the Vietnam reference dataset into the registry: all or nothing, in one
// transaction with its audit record; running it again with the same files is a
// no-op, and with changed files it rewrites the same rows (upsert by key).
import crypto from 'node:crypto';
import { sql } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../platform/db/db.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import type { NewUnit } from '../../platform/db/db-schema.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { checkRole } from '../../platform/policy/policy.ts';
import { UNITS } from '../units.policy.ts';
import { loadVnDataset } from '../vn/vn-dataset.ts';
import type { VnDataset, VnReport, VnUnit } from '../vn/vn-types.ts';
import { foldVietnamese } from '../vn/vn-text.ts';
import * as importStore from './import.store.ts';
import { refreshRestructuringRollups } from '../restructuring/restructuring.service.ts';
import { refreshLookupIndex } from '../lookup/lookup.store.ts';
import { standardAgencies, readCentralAgencies } from './import.agencies.ts';

export const VN_DATASET = 'vn-admin';
export const REFORM_DATE = '2025-07-01';
/** Bump when the import logic changes, so existing databases re-import. */
const IMPORT_VERSION = '2';

/**
 * What the sources say about the dates of the units, with the source. No file in
 * data/vn gives the day a pre-2025 unit (province, district or commune) began: the
 * GSO catalogue and conversion table list the units "before 01/7/2025", so the
 * registry knows them in force on 30/06/2025 and has no data before (see data/vn/README.md).
 */
export const OLD_UNITS_ATTESTED_ON = '2025-06-30';
const VALIDITY_SOURCES = {
  old: 'Đến hết 30/06/2025: bảng chuyển đổi ĐVHC của Tổng cục Thống kê (gso-old-to-new.csv, "Đơn vị hành chính trước ngày 01/7/2025") và danh mục ĐVHC (gso-communes.csv, gso-districts.csv). Ngày bắt đầu: không có trong nguồn dữ liệu.',
  newProvince:
    'Từ 01/07/2025: Nghị quyết 202/2025/QH15 (bando-provinces.csv, danh sách 34 tỉnh, thành phố trong 2025-07-01/units.json).',
  newCommune:
    'Từ 01/07/2025: bảng chuyển đổi ĐVHC của Tổng cục Thống kê (gso-old-to-new.csv, "Đơn vị hành chính từ ngày 01/7/2025"), theo nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp ĐVHC cấp xã của từng tỉnh.',
} as const;

export const COUNTRY = {
  key: 'vn',
  code: 'VN',
  name: 'Việt Nam',
  fullName: 'Nước Cộng hòa xã hội chủ nghĩa Việt Nam',
  nameEn: 'Viet Nam',
  fullNameEn: 'Socialist Republic of Viet Nam',
};

export interface ImportOutcome {
  skipped: boolean;
  checksum: string;
  report: VnReport;
  units: number;
  events: number;
  links: number;
  agencies: number;
  ms: number;
}

function datasetChecksum(dataDir: string): string {
  const hash = crypto.createHash('sha256').update(IMPORT_VERSION);
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else hash.update(name).update(fs.readFileSync(full));
    }
  };
  walk(dataDir);
  return hash.digest('hex');
}

/** Folded texts a lookup matches against: the short name, and the names with the places above. */
export function searchColumns(unit: { name: string; fullName: string; nameEn?: string | null }, placeNames: string[]) {
  const name = foldVietnamese(unit.name);
  return {
    name_folded: name,
    search_text: [
      name,
      foldVietnamese(`${unit.fullName} ${unit.nameEn ?? ''}`),
      foldVietnamese(placeNames.join(' ')),
    ].join(' | '),
  };
}

/** A unit row whose parent is known by key until the parent's id exists. */
interface PendingUnit {
  row: NewUnit;
  parentKey: string | null;
}

/** Rows by level (country, provinces, districts, communes): parents are written before children. */
function toRows(dataset: VnDataset): PendingUnit[][] {
  const byKey = new Map(dataset.units.map((u) => [u.key, u]));
  const places = (u: VnUnit) => {
    const names: string[] = [];
    for (
      let p = u.parentKey ? byKey.get(u.parentKey) : undefined;
      p;
      p = p.parentKey ? byKey.get(p.parentKey) : undefined
    )
      names.push(p.fullName);
    return names;
  };
  const levels: PendingUnit[][] = [[], [], [], []];
  levels[0].push({
    parentKey: null,
    row: {
      key: COUNTRY.key,
      code: COUNTRY.code,
      level: 0,
      type: 'central',
      name: COUNTRY.name,
      full_name: COUNTRY.fullName,
      name_en: COUNTRY.nameEn,
      full_name_en: COUNTRY.fullNameEn,
      parent_id: null,
      valid_from: null,
      valid_to: null,
      area_km2: null,
      population: null,
      admin_centre: 'Hà Nội',
      lon: null,
      lat: null,
      ...searchColumns({ name: COUNTRY.name, fullName: COUNTRY.fullName, nameEn: COUNTRY.nameEn }, []),
      source: 'apparatus',
    },
  });
  for (const u of dataset.units) {
    levels[u.level].push({
      parentKey: u.parentKey ?? COUNTRY.key,
      row: {
        key: u.key,
        code: u.code,
        level: u.level,
        type: u.type,
        name: u.name,
        full_name: u.fullName,
        name_en: u.nameEn,
        full_name_en: u.fullNameEn,
        parent_id: null,
        valid_from: u.era === 'new' ? REFORM_DATE : null,
        valid_to: u.era === 'old' ? REFORM_DATE : null,
        attested_from: u.era === 'old' ? OLD_UNITS_ATTESTED_ON : null,
        validity_source:
          u.era === 'old'
            ? VALIDITY_SOURCES.old
            : u.level === 1
              ? VALIDITY_SOURCES.newProvince
              : VALIDITY_SOURCES.newCommune,
        area_km2: u.areaKm2,
        population: u.population,
        admin_centre: u.adminCentre,
        lon: u.lon,
        lat: u.lat,
        ...searchColumns(u, places(u)),
        source: u.sources.join('; '),
      },
    });
  }
  return levels;
}

/**
 * The registry needs its reference data to answer anything: load it on first
 * use (server start, CLI), so a fresh install never shows zero units.
 */
export async function ensureReferenceData(db: Db, dataDir: string): Promise<ImportOutcome | null> {
  if (await importStore.lastImport(db, VN_DATASET)) return null;
  return importVn(db, systemContext('system:reference-data'), dataDir);
}

export async function importVn(
  db: Db,
  ctx: RequestContext,
  dataDir: string,
  options: { force?: boolean } = {},
): Promise<ImportOutcome> {
  checkRole(ctx, UNITS['units.import']);
  const started = performance.now();
  const checksum = datasetChecksum(dataDir);
  const previous = await importStore.lastImport(db, VN_DATASET);
  if (previous && previous.checksum === checksum && !options.force) {
    const report = previous.report as unknown as VnReport;
    return {
      skipped: true,
      checksum,
      report,
      units: 0,
      events: 0,
      links: 0,
      agencies: 0,
      ms: Math.round(performance.now() - started),
    };
  }
  const dataset = loadVnDataset(dataDir);
  const central = readCentralAgencies(dataDir);
  const levels = toRows(dataset);
  const outcome = await db.transaction().execute(async (trx) => {
    const ids = new Map<string, number>();
    for (const pending of levels) {
      const resolved = pending.map(({ row, parentKey }) => ({
        ...row,
        parent_id: parentKey ? ids.get(parentKey)! : null,
      }));
      for (const [k, v] of await importStore.upsertUnits(trx, resolved)) ids.set(k, v);
    }
    await importStore.deleteLineageFromSource(trx, VN_DATASET);
    const links = await importStore.insertEvents(
      trx,
      dataset.events.map((e) => ({
        kind: e.kind,
        effectiveDate: REFORM_DATE,
        legalBasis: e.legalBasis,
        note: null,
        source: VN_DATASET,
        links: e.links.map((l) => ({
          fromId: ids.get(l.fromKey)!,
          toId: ids.get(l.toKey)!,
          kind: l.kind,
          note: l.note,
          source: l.source,
        })),
      })),
    );
    const agencies = [
      ...standardAgencies(dataset.units, ids, REFORM_DATE),
      ...central.map((a) => ({ ...a, unitId: ids.get(COUNTRY.key)! })),
    ];
    await importStore.upsertAgencies(trx, agencies);
    await refreshLookupIndex(trx);
    await refreshRestructuringRollups(trx);
    const summary = {
      units: ids.size,
      events: dataset.events.length,
      links,
      agencies: agencies.length,
      counts: dataset.report.counts,
      issues: dataset.report.issues.length,
    };
    await importStore.insertImportRecord(trx, VN_DATASET, checksum, dataset.report);
    await recordAudit(trx, ctx, {
      action: 'units.import',
      entity: 'dataset',
      entityId: VN_DATASET,
      before: previous ? { checksum: previous.checksum, importedAt: previous.imported_at } : null,
      after: { checksum, ...summary },
    });
    return { skipped: false, checksum, report: dataset.report, ...summary };
  });
  // Fresh statistics after a bulk load, or the planner guesses (a lookup took 400 ms instead of 20 on PostgreSQL).
  await sql`analyze units, lineage_events, lineage_links, agencies, unit_lookup`.execute(db);
  return { ...outcome, ms: Math.round(performance.now() - started) };
}
