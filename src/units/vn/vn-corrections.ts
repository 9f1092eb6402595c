// Corrections to the published files, kept in data/vn/corrections.csv so that the published files
// stay byte-identical and every change has a written reason. Format (documented in data/vn/README.md):
//
//   file,row_match,field,wrong_value,right_value,reason
//
// - file: path under data/vn, e.g. `2025-07-01/gso-old-to-new.csv` or `2025-07-01/units.json`.
// - row_match: conditions joined by `&`, each `Column=value` with the column name as written in the
//   file's header (JSON: the property name, e.g. `Code=06978`). `line=426` matches the CSV line.
//   Values compare after trimming, NFC and space collapsing.
// - field: the column to change; wrong_value: what the file says now (must match, so a correction
//   stops applying if the file is ever republished with a different value); right_value: the fix.
// - reason: required; say which other source shows the right value.
// Corrections apply to rows in memory before reconciliation; any that match nothing are reported.

import { readFileSync, existsSync } from 'node:fs';
import { parseCsv } from '../../platform/formats/csv.ts';
import { IssueLog } from './vn-issues.ts';
import { tidyText } from './vn-text.ts';
import type { VnCorrectionApplied } from './vn-types.ts';

export const CORRECTIONS_FILE = 'corrections.csv';

export interface Correction {
  line: number;
  file: string;
  conditions: { column: string; value: string }[];
  field: string;
  wrongValue: string;
  rightValue: string;
  reason: string;
  hits: number;
  /** Rows that matched row_match but whose field did not hold wrong_value. */
  misses: string[];
}

/** A row any source file can expose to corrections: CSV line + named cells, or a JSON object. */
export interface CorrectableRow {
  line: number | null;
  cells: Record<string, unknown>;
}

const COLUMNS = ['file', 'row_match', 'field', 'wrong_value', 'right_value', 'reason'];

export function loadCorrections(path: string, log: IssueLog): Correction[] {
  if (!existsSync(path)) return [];
  const { records, problems } = parseCsv(readFileSync(path, 'utf8'));
  for (const p of problems) log.add('correction_invalid', 'error', CORRECTIONS_FILE, p.line, p.message);
  const [header, ...rows] = records;
  if (!header || COLUMNS.some((c, i) => header.cells[i]?.trim() !== c)) {
    log.add('correction_invalid', 'error', CORRECTIONS_FILE, 1, `header must be: ${COLUMNS.join(',')}`);
    return [];
  }
  const out: Correction[] = [];
  for (const r of rows) {
    const [file, rowMatch, field, wrongValue, rightValue, reason] = r.cells.map((c) => (c ?? '').trim());
    if (!file || file.startsWith('#')) continue; // blank or comment row
    const conditions = parseConditions(rowMatch ?? '');
    if (!conditions || !field || !reason || rightValue === undefined) {
      log.add(
        'correction_invalid',
        'error',
        CORRECTIONS_FILE,
        r.line,
        'correction needs file, row_match as Column=value[&…], field, right_value and a reason; not applied',
      );
      continue;
    }
    out.push({
      line: r.line,
      file,
      conditions,
      field,
      wrongValue: wrongValue ?? '',
      rightValue,
      reason,
      hits: 0,
      misses: [],
    });
  }
  return out;
}

function parseConditions(text: string): Correction['conditions'] | null {
  const parts = text
    .split('&')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const out: Correction['conditions'] = [];
  for (const p of parts) {
    const eq = p.indexOf('=');
    if (eq <= 0) return null;
    out.push({ column: p.slice(0, eq).trim(), value: p.slice(eq + 1).trim() });
  }
  return out;
}

const same = (a: unknown, b: string) => tidyText(String(a ?? '')) === tidyText(b);

function rowMatches(row: CorrectableRow, c: Correction): boolean {
  return c.conditions.every((cond) =>
    cond.column === 'line' ? String(row.line) === cond.value : same(row.cells[cond.column], cond.value),
  );
}

/** Apply the corrections for `file` to its rows, in place. */
export function applyCorrections(
  file: string,
  rows: CorrectableRow[],
  corrections: Correction[],
  applied: VnCorrectionApplied[],
): void {
  const mine = corrections.filter((c) => c.file === file);
  if (mine.length === 0) return;
  for (const row of rows) {
    for (const c of mine) {
      if (!rowMatches(row, c)) continue;
      const where = row.line == null ? file : `${file} line ${row.line}`;
      if (!same(row.cells[c.field], c.wrongValue)) {
        c.misses.push(`${where}: ${c.field} is "${String(row.cells[c.field] ?? '')}"`);
        continue;
      }
      row.cells[c.field] = c.rightValue;
      c.hits++;
      applied.push({
        line: c.line,
        reason: c.reason,
        detail: `${where}: ${c.field} "${c.wrongValue}" → "${c.rightValue}"`,
      });
    }
  }
}

/** After all files are read: every correction that changed nothing is an issue. */
export function reportUnappliedCorrections(corrections: Correction[], log: IssueLog): void {
  for (const c of corrections) {
    if (c.hits > 0) continue;
    const why = c.misses.length
      ? `the row was found but ${c.misses.join('; ')}, not "${c.wrongValue}"`
      : 'no row matches row_match';
    log.add(
      'correction_unmatched',
      'warning',
      CORRECTIONS_FILE,
      c.line,
      `Correction for ${c.file} (${c.field} "${c.wrongValue}" → "${c.rightValue}") did not apply: ${why}.`,
      { file: c.file, conditions: c.conditions, field: c.field },
    );
  }
}
