// Consistency checks of a submitted staffing table. Every figure that does not
// add up is reported with the exact difference and the rows involved; nothing
// is corrected and no row is dropped (an unreadable cell is itself an issue).
import { FIGURES, type Figure, type SubmittedTable, type TableRow } from './tables.layout.ts';

export type CheckKind =
  | 'invalid_number'
  | 'bad_stt'
  | 'duplicate_stt'
  | 'orphan_stt'
  | 'parts_sum'
  | 'assigned_plus_reserve'
  | 'children_sum'
  | 'child_exceeds_parent'
  | 'change_column'
  | 'unknown_code'
  | 'differs_from_recorded'
  | 'out_of_scope';

export interface Issue {
  check: CheckKind;
  severity: 'error' | 'warning';
  /** File rows involved: the row itself first, then the rows it was compared with. */
  rows: number[];
  column?: Figure;
  expected?: number;
  actual?: number;
  difference?: number;
  vi: string;
  en: string;
}

export type Recorded = Partial<Record<Figure, number>>;

const GROUPS = [
  ['assigned_total', 'assigned_civil_servants', 'assigned_contracts'],
  ['present_total', 'present_civil_servants', 'present_contracts'],
  ['plan_total', 'plan_civil_servants', 'plan_contracts'],
] as const;
const LABEL: Record<Figure, [string, string]> = {
  assigned_total: ['tổng biên chế được giao', 'assigned total'],
  assigned_civil_servants: ['công chức được giao', 'assigned civil servants'],
  assigned_contracts: ['HĐLĐ được giao', 'assigned contracts'],
  reserve: ['dự phòng', 'reserve'],
  present_total: ['tổng số có mặt', 'present total'],
  present_civil_servants: ['công chức có mặt', 'present civil servants'],
  present_contracts: ['HĐLĐ có mặt', 'present contracts'],
  plan_total: ['tổng kế hoạch', 'plan total'],
  plan_civil_servants: ['công chức kế hoạch', 'plan civil servants'],
  plan_contracts: ['HĐLĐ kế hoạch', 'plan contracts'],
  change: ['tăng/giảm', 'change'],
};
const sgn = (d: number) => (d > 0 ? `+${d}` : String(d));

export interface ParsedRow extends TableRow {
  values: Partial<Record<Figure, number>>;
  parent: ParsedRow | null;
  children: ParsedRow[];
  depth: number;
}

/** Reads the figures (signed only in the change column) and nests rows by STT; problems become issues. */
export function structure(table: SubmittedTable, issues: Issue[]): ParsedRow[] {
  const rows: ParsedRow[] = table.rows.map((r) => ({ ...r, values: {}, parent: null, children: [], depth: 0 }));
  for (const r of rows) {
    for (const f of FIGURES) {
      // Vietnamese thousands separators ("1.234") are read; anything else that is not a whole number ("12.5") is an issue.
      const compact = r.raw[f].replace(/\s/g, '').replace('−', '-');
      const text = /^[+-]?\d{1,3}(\.\d{3})+$/.test(compact) ? compact.replace(/\./g, '') : compact;
      if (text === '') continue;
      const ok = f === 'change' ? /^[+-]?\d+$/.test(text) : /^\d+$/.test(text);
      if (ok) r.values[f] = Number(text);
      else
        issues.push({
          check: 'invalid_number',
          severity: 'error',
          rows: [r.row],
          column: f,
          vi: `Dòng ${r.row}, cột ${LABEL[f][0]}: "${r.raw[f]}" không phải là số nguyên${f === 'change' ? '' : ' không âm'}.`,
          en: `Row ${r.row}, ${LABEL[f][1]}: "${r.raw[f]}" is not a${f === 'change' ? 'n' : ' non-negative'} integer.`,
        });
    }
  }
  const byStt = new Map<string, ParsedRow>();
  const total = rows.find((r) => r.stt === '' && /^tổng/i.test(r.name)) ?? null;
  for (const r of rows) {
    if (r === total) continue;
    if (!/^\d+(\.\d+)*$/.test(r.stt)) {
      issues.push({
        check: 'bad_stt',
        severity: 'error',
        rows: [r.row],
        vi: `Dòng ${r.row}: số thứ tự "${r.stt}" không đúng dạng 1, 1.1, 1.1.2.`,
        en: `Row ${r.row}: the number "${r.stt}" is not of the form 1, 1.1, 1.1.2.`,
      });
      continue;
    }
    const dup = byStt.get(r.stt);
    if (dup) {
      issues.push({
        check: 'duplicate_stt',
        severity: 'error',
        rows: [r.row, dup.row],
        vi: `Dòng ${r.row} trùng số thứ tự ${r.stt} với dòng ${dup.row}.`,
        en: `Row ${r.row} repeats number ${r.stt} of row ${dup.row}.`,
      });
      continue;
    }
    byStt.set(r.stt, r);
  }
  for (const [stt, r] of byStt) {
    const parentStt = stt.includes('.') ? stt.slice(0, stt.lastIndexOf('.')) : null;
    const parent = parentStt === null ? total : (byStt.get(parentStt) ?? null);
    if (parentStt !== null && !parent) {
      issues.push({
        check: 'orphan_stt',
        severity: 'error',
        rows: [r.row],
        vi: `Dòng ${r.row} (${stt}) không có dòng cấp trên ${parentStt}.`,
        en: `Row ${r.row} (${stt}) has no parent row ${parentStt}.`,
      });
    }
    r.parent = parent;
    r.depth = stt.split('.').length;
    parent?.children.push(r);
  }
  return rows;
}

export function checkTable(
  table: SubmittedTable,
  recorded: Map<string, Recorded> = new Map(),
  knownCodes?: Set<string>,
): { rows: ParsedRow[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const rows = structure(table, issues);
  for (const r of rows) {
    const v = r.values;
    for (const [t, cs, hd] of GROUPS) {
      if (v[t] === undefined || v[cs] === undefined || v[hd] === undefined) continue;
      const d = v[t]! - (v[cs]! + v[hd]!);
      if (d !== 0)
        issues.push({
          check: 'parts_sum',
          severity: 'error',
          rows: [r.row],
          column: t,
          expected: v[cs]! + v[hd]!,
          actual: v[t],
          difference: d,
          vi: `Dòng ${r.row} (${r.name}): ${LABEL[t][0]} ${v[t]} ≠ công chức ${v[cs]} + HĐLĐ ${v[hd]} = ${v[cs]! + v[hd]!} (chênh ${sgn(d)}).`,
          en: `Row ${r.row} (${r.name}): ${LABEL[t][1]} ${v[t]} ≠ civil servants ${v[cs]} + contracts ${v[hd]} = ${v[cs]! + v[hd]!} (difference ${sgn(d)}).`,
        });
    }
    if (
      v.change !== undefined &&
      v.plan_total !== undefined &&
      v.assigned_total !== undefined &&
      v.change !== v.plan_total - v.assigned_total
    ) {
      const exp = v.plan_total - v.assigned_total;
      issues.push({
        check: 'change_column',
        severity: 'error',
        rows: [r.row],
        column: 'change',
        expected: exp,
        actual: v.change,
        difference: v.change - exp,
        vi: `Dòng ${r.row} (${r.name}): cột tăng/giảm ghi ${sgn(v.change)} nhưng kế hoạch ${v.plan_total} − được giao ${v.assigned_total} = ${sgn(exp)} (chênh ${sgn(v.change - exp)}).`,
        en: `Row ${r.row} (${r.name}): the change column says ${sgn(v.change)} but plan ${v.plan_total} − assigned ${v.assigned_total} = ${sgn(exp)} (difference ${sgn(v.change - exp)}).`,
      });
    }
    if (r.children.length) checkChildren(r, issues);
    checkRecorded(r, recorded, knownCodes, issues);
  }
  return { rows, issues };
}

function checkChildren(r: ParsedRow, issues: Issue[]) {
  const childRows = r.children.map((c) => c.row);
  for (const f of FIGURES) {
    if (f === 'reserve' || f === 'change' || r.values[f] === undefined) continue;
    for (const c of r.children) {
      if (c.values[f] !== undefined && c.values[f]! > r.values[f]!)
        issues.push({
          check: 'child_exceeds_parent',
          severity: 'error',
          rows: [c.row, r.row],
          column: f,
          expected: r.values[f],
          actual: c.values[f],
          difference: c.values[f]! - r.values[f]!,
          vi: `Dòng ${c.row} (${c.name}): ${LABEL[f][0]} ${c.values[f]} lớn hơn của cấp trên ở dòng ${r.row} (${r.values[f]}) là ${c.values[f]! - r.values[f]!}.`,
          en: `Row ${c.row} (${c.name}): ${LABEL[f][1]} ${c.values[f]} is larger than its parent's on row ${r.row} (${r.values[f]}) by ${c.values[f]! - r.values[f]!}.`,
        });
    }
    if (r.children.some((c) => c.values[f] === undefined)) continue;
    const sum = r.children.reduce((s, c) => s + c.values[f]!, 0);
    // The reserve is a civil-servant reserve kept at this level: it belongs in the assigned total and the assigned civil servants.
    const reserved = f === 'assigned_total' || f === 'assigned_civil_servants';
    const withReserve = reserved ? sum + (r.values.reserve ?? 0) : sum;
    const d = r.values[f]! - withReserve;
    if (d === 0) continue;
    if (reserved) {
      issues.push({
        check: 'assigned_plus_reserve',
        severity: 'error',
        rows: [r.row, ...childRows],
        column: f,
        expected: withReserve,
        actual: r.values[f],
        difference: d,
        vi: `Dòng ${r.row} (${r.name}): ${LABEL[f][0]} ${r.values[f]} ≠ các đơn vị trực thuộc ${sum} + dự phòng ${r.values.reserve ?? 0} = ${withReserve} (chênh ${sgn(d)}; dòng ${childRows.join(', ')}).`,
        en: `Row ${r.row} (${r.name}): ${LABEL[f][1]} ${r.values[f]} ≠ units below ${sum} + reserve ${r.values.reserve ?? 0} = ${withReserve} (difference ${sgn(d)}; rows ${childRows.join(', ')}).`,
      });
    } else {
      issues.push({
        check: 'children_sum',
        severity: 'error',
        rows: [r.row, ...childRows],
        column: f,
        expected: sum,
        actual: r.values[f],
        difference: d,
        vi: `Dòng ${r.row} (${r.name}): ${LABEL[f][0]} ${r.values[f]} ≠ tổng các dòng ${childRows.join(', ')} = ${sum} (chênh ${sgn(d)}).`,
        en: `Row ${r.row} (${r.name}): ${LABEL[f][1]} ${r.values[f]} ≠ the sum of rows ${childRows.join(', ')} = ${sum} (difference ${sgn(d)}).`,
      });
    }
  }
}

function checkRecorded(
  r: ParsedRow,
  recorded: Map<string, Recorded>,
  knownCodes: Set<string> | undefined,
  issues: Issue[],
) {
  if (!r.code) return;
  if (knownCodes && !knownCodes.has(r.code)) {
    issues.push({
      check: 'unknown_code',
      severity: 'error',
      rows: [r.row],
      vi: `Dòng ${r.row}: mã đơn vị "${r.code}" không có trong danh mục đang hiệu lực.`,
      en: `Row ${r.row}: unit code "${r.code}" is not in the registry in force.`,
    });
    return;
  }
  const rec = recorded.get(r.code);
  if (!rec) return;
  for (const [f, was] of Object.entries(rec) as [Figure, number][]) {
    const now = r.values[f];
    if (now === undefined || now === was) continue;
    issues.push({
      check: 'differs_from_recorded',
      severity: 'warning',
      rows: [r.row],
      column: f,
      expected: was,
      actual: now,
      difference: now - was,
      vi: `Dòng ${r.row} (${r.name}, mã ${r.code}): ${LABEL[f][0]} ${now} khác số đã ghi nhận ${was} (chênh ${sgn(now - was)}).`,
      en: `Row ${r.row} (${r.name}, code ${r.code}): ${LABEL[f][1]} ${now} differs from the recorded ${was} (difference ${sgn(now - was)}).`,
    });
  }
}
