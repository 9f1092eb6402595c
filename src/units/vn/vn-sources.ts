// Reading the published files into plain rows, with data/vn/corrections.csv applied.
// File names are relative to the data directory and are what issues and `sources` cite.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, recordsToObjects } from '../../platform/formats/csv.ts';
import { applyCorrections, type Correction } from './vn-corrections.ts';
import type { IssueLog } from './vn-issues.ts';
import type { VnCorrectionApplied } from './vn-types.ts';

export const FILES = {
  gsoCommunes: 'pre-2025-07-01/gso-communes.csv',
  gsoDistricts: 'pre-2025-07-01/gso-districts.csv',
  oldUnitsJson: 'pre-2025-07-01/units.json',
  newUnitsJson: '2025-07-01/units.json',
  conversion: '2025-07-01/gso-old-to-new.csv',
  bandoCommunes: '2025-07-01/bando-communes.csv',
  bandoProvinces: '2025-07-01/bando-provinces.csv',
} as const;

export interface LoadContext {
  dataDir: string;
  log: IssueLog;
  corrections: Correction[];
  applied: VnCorrectionApplied[];
}

export interface Row {
  line: number;
  cells: Record<string, string>;
}

/** A CSV file as rows keyed by the last header row (the conversion table has two header rows). */
export function readCsvRows(ctx: LoadContext, file: string, headerRows = 1): Row[] {
  const { records, problems } = parseCsv(readFileSync(join(ctx.dataDir, file), 'utf8'));
  for (const p of problems) ctx.log.add('csv_syntax', 'error', file, p.line, p.message);
  const header = records[headerRows - 1]?.cells ?? [];
  const rows = recordsToObjects(header, records.slice(headerRows));
  applyCorrections(file, rows, ctx.corrections, ctx.applied);
  return rows;
}

// Shapes of the thanglequoc/vietnamese-provinces-database JSON trees (only the fields we use).
export interface JsonUnit {
  Code: string;
  Name: string;
  NameEn?: string | null;
  FullName: string;
  FullNameEn?: string | null;
  [k: string]: unknown;
}
export interface OldJsonProvince extends JsonUnit {
  District: (JsonUnit & { Ward: JsonUnit[] | null })[];
}
export interface NewJsonProvince extends JsonUnit {
  AdministrativeUnitFullName?: string;
  Wards: (JsonUnit & { ProvinceCode?: string; AdministrativeUnitId?: number; Type?: string })[];
}

/**
 * A units.json tree. Every province, district and commune object is offered to corrections as a
 * row (JSON has no useful line numbers); corrections change the objects in place.
 */
export function readUnitsJson<T extends JsonUnit>(ctx: LoadContext, file: string, children: (p: T) => JsonUnit[]): T[] {
  const tree = JSON.parse(readFileSync(join(ctx.dataDir, file), 'utf8')) as T[];
  const rows = [];
  for (const p of tree) {
    rows.push({ line: null, cells: p as Record<string, unknown> });
    for (const c of children(p)) {
      rows.push({ line: null, cells: c as Record<string, unknown> });
      const grand = (c as { Ward?: JsonUnit[] | null }).Ward;
      if (Array.isArray(grand)) for (const g of grand) rows.push({ line: null, cells: g as Record<string, unknown> });
    }
  }
  applyCorrections(file, rows, ctx.corrections, ctx.applied);
  return tree;
}

/** `Thành phố Hà Nội (01)` → { name: 'Thành phố Hà Nội', code: '01' }; code null when absent. */
export function splitNameCode(cell: string): { name: string; code: string | null } {
  const m = /^(.*?)\s*\((\d+)\)\s*$/s.exec(cell.trim());
  return m ? { name: m[1].trim(), code: m[2] } : { name: cell.trim(), code: null };
}
