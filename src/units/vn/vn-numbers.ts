// Parse numbers as written in the Vietnamese sources.
//
// The same files mix notations: `8.718.000` and `3.359,80` (Vietnamese: `.` groups thousands,
// `,` marks decimals) next to `102136`, `28.69` (English decimal point) and `30,509`. A lone
// separator is ambiguous, so the caller says what kind of quantity the cell holds:
//
// - `count` (population, numbers of units): a whole number. Any `.` or `,` must separate groups of
//   three digits, so `30,509` and `30.509` are both 30509. `28.69` is not a count: reported.
// - `measure` (area km², longitude, latitude): a decimal number. A single `,` or a single `.` is the
//   decimal mark (`30,509` km² = 30.509, `111.265` km² = 111.265: the bando file has many areas with
//   three decimals). Only when both marks appear (`3.359,80`) or a mark repeats (`1.234.567`) is one
//   of them a thousands separator; then the last mark is the decimal one.
//
// Unknown values (`đang cập nhật` = "being updated", empty, `-`) are null, never 0.
// Nothing here throws: unparseable input comes back as { ok: false, reason } for the caller to report.

export type NumberKind = 'count' | 'measure';
export type ParsedNumber = { ok: true; value: number | null } | { ok: false; reason: string };

const UNKNOWN = new Set(['', '-', '–', '—', '?', 'đang cập nhật', 'chưa có', 'n/a']);
const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);

export function isUnknownValue(raw: string | null | undefined): boolean {
  if (raw == null) return true;
  if (/^\s*[+-]?\d[\d.,]*\s*$/.test(raw)) return false; // the common case: a number
  return UNKNOWN.has(raw.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase());
}

export function parseVnNumber(raw: string | null | undefined, kind: NumberKind): ParsedNumber {
  if (isUnknownValue(raw)) return { ok: true, value: null };
  const text = raw!.replace(/[\s\u00A0]+/g, ' ').trim();
  const m = /^([+-]?)(\d[\d.,]*)$/.exec(text);
  if (!m) return { ok: false, reason: `"${text}" is not a number` };
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2];
  const value = kind === 'count' ? parseCount(body) : parseMeasure(body);
  if (value === null) {
    return {
      ok: false,
      reason:
        kind === 'count'
          ? `"${text}" is not a whole number with thousands grouped by 3 digits`
          : `"${text}" has separators that do not form a decimal number`,
    };
  }
  return { ok: true, value: sign * value };
}

function parseCount(body: string): number | null {
  if (/^\d+$/.test(body)) return Number(body);
  for (const sep of ['.', ',']) {
    if (GROUPED(sep).test(body)) return Number(body.split(sep).join(''));
  }
  return null;
}

function parseMeasure(body: string): number | null {
  if (/^\d+$/.test(body)) return Number(body);
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    // Both marks: the last one is the decimal mark, the other groups thousands (`3.359,80`).
    const decimal = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [intPart, fracPart, ...extra] = body.split(decimal);
    if (extra.length || !/^\d+$/.test(fracPart) || !GROUPED(group).test(intPart)) return null;
    return Number(`${intPart.split(group).join('')}.${fracPart}`);
  }
  const sep = dots > 0 ? '.' : ',';
  const count = dots + commas;
  if (count === 1) {
    const [intPart, fracPart] = body.split(sep);
    if (!intPart || !fracPart) return null;
    return Number(`${intPart}.${fracPart}`);
  }
  // Repeated mark: thousands groups without decimals (`1.234.567`).
  return GROUPED(sep).test(body) ? Number(body.split(sep).join('')) : null;
}
