// Text helpers for Vietnamese unit names.
//
// The sources spell the same name in different ways: tone mark on a different vowel
// (`Hòa` / `Hoà`), NFC or NFD code points, upper case (`Thị Trấn`, `Ninh BÌnh`), typographic
// apostrophes (`B’Lao` / `B'Lao`), double or non-breaking spaces, and with or without the unit
// prefix (`Thủ đô Hà Nội` / `Thành phố Hà Nội` / `Hà Nội`). Matching must see through all of that,
// while display keeps the source's own spelling (NFC, tidied spaces).

/** Unit-type prefixes as written in the sources (a prefix must be followed by a space and a name). */
export const UNIT_PREFIXES = [
  'Thành phố',
  'Thủ đô',
  'Thị trấn',
  'Thị xã',
  'Đặc khu',
  'Phường',
  'Quận',
  'Huyện',
  'Tỉnh',
  'Xã',
] as const;
export type UnitPrefix = (typeof UNIT_PREFIXES)[number];

const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const TONE_DIGIT: Record<string, string> = {
  '\u0300': '2',
  '\u0340': '2',
  '\u0301': '3',
  '\u0341': '3',
  '\u0309': '4',
  '\u0303': '5',
  '\u0323': '6',
};

// Loading compares the same few thousand names many times: cache the two keys (bounded).
const foldCache = new Map<string, string>();
const keyCache = new Map<string, string>();
function memo(cache: Map<string, string>, s: string, f: (s: string) => string): string {
  let v = cache.get(s);
  if (v === undefined) {
    if (cache.size > 200_000) cache.clear();
    v = f(s);
    cache.set(s, v);
  }
  return v;
}

/** NFC, non-breaking and repeated spaces collapsed, trimmed: the form we display and store. */
export function tidyText(s: string): string {
  // Fast paths: most cells are already NFC (no combining marks) and singly spaced.
  const nfc = COMBINING.test(s) ? s.normalize('NFC') : s;
  return CLEAN.test(nfc) ? nfc : nfc.replace(/[\s\u00A0\u200B]+/g, ' ').trim();
}
const COMBINING = /[\u0300-\u036F]/;
const CLEAN = /^(?:[^\s\u200B]+(?: [^\s\u200B]+)*)?$/;

/**
 * Fold for loose comparison and search: no tone marks, no diacritics, `đ` → `d`, lower case,
 * typographic apostrophes → `'`, spaces collapsed. `Hòa`, `Hoà`, `HOA`, `hoa` all give `hoa`.
 * Beware: folding also merges real distinct names (`Văn Lang` / `Văn Lăng`); see nameKey().
 */
export function foldVietnamese(s: string): string {
  return memo(foldCache, s, computeFold);
}
function computeFold(s: string): string {
  return tidyText(s)
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(APOSTROPHES, "'")
    .toLowerCase();
}

/**
 * Exact-but-forgiving key: case, Unicode form, spaces and tone-mark *placement* are ignored, but the
 * tone itself and the vowel marks are kept. So `Hòa` = `Hoà` (same tone, mark on another vowel)
 * while `Văn Lang` ≠ `Văn Lăng` and `Tân Thành` ≠ `Tân Thạnh`, which are different communes
 * of the same province in the 2025 data.
 */
export function nameKey(s: string): string {
  return memo(keyCache, s, computeNameKey);
}
function computeNameKey(s: string): string {
  // Per syllable: drop the tone mark wherever it sits and append the tone as a digit.
  const nfd = tidyText(s).toLowerCase().replace(APOSTROPHES, "'").normalize('NFD');
  let out = '';
  let tone = '';
  for (const ch of nfd) {
    if (ch === ' ') {
      out += tone + ' ';
      tone = '';
    } else if (TONE_DIGIT[ch]) tone = TONE_DIGIT[ch];
    else out += ch;
  }
  return (out + tone).normalize('NFC');
}

const prefixCache = new Map<string, { prefix: UnitPrefix | null; rest: string }>();

/** Split a leading unit prefix (compared case-insensitively), once: `Phường Phường Đúc` → `Phường` + `Phường Đúc`. */
export function splitPrefix(s: string): { prefix: UnitPrefix | null; rest: string } {
  let v = prefixCache.get(s);
  if (v === undefined) {
    if (prefixCache.size > 200_000) prefixCache.clear();
    v = computeSplitPrefix(s);
    prefixCache.set(s, v);
  }
  return { ...v };
}

function computeSplitPrefix(s: string): { prefix: UnitPrefix | null; rest: string } {
  const tidy = tidyText(s);
  const lower = tidy.toLowerCase();
  for (const prefix of UNIT_PREFIXES) {
    const p = prefix.toLowerCase();
    if (tidy.length <= p.length + 1 || lower[p.length] !== ' ') continue;
    const head = lower.slice(0, p.length);
    // Two-word prefixes are also recognised without tone marks (`Thi trấn Ngan Dừa` in the GSO
    // table); one-word ones must match exactly, or `Xá Nhè` would lose its first syllable.
    if (head === p || (p.includes(' ') && foldVietnamese(head) === foldVietnamese(p))) {
      return { prefix, rest: tidy.slice(p.length + 1) };
    }
  }
  return { prefix: null, rest: tidy };
}

/** Name without its unit prefix, NFC, for matching and display: `Thủ đô Hà Nội` → `Hà Nội`. */
export function normaliseName(s: string): string {
  return splitPrefix(s).rest;
}

/** Full name with a canonically-cased prefix: `Thị Trấn Ái Tử ` → `Thị trấn Ái Tử`. */
export function canonicalFullName(s: string): string {
  const { prefix, rest } = splitPrefix(s);
  return prefix ? `${prefix} ${rest}` : rest;
}

/** Folded name without prefix, punctuation or spaces, with `NT`/`N.T` read as `Nông trường`. */
export function compactKey(s: string): string {
  return foldVietnamese(normaliseName(s))
    .replace(/\bn\.?\s?t\.?\s/g, 'nong truong ')
    .replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance, small strings only (unit names). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

export type NameAgreement = 'same' | 'variant' | 'different';

/**
 * Compare two unit names from different sources, prefixes ignored.
 * `same`: equal up to case/NFC/tone placement. `variant`: a spelling variant of the same name
 * (`Quí`/`Quý`, `Ea Bar`/`EaBar`, `Hneng`/`H' Neng`, a letter or two). `different`: anything else.
 */
export function compareNames(a: string, b: string): NameAgreement {
  if (nameKey(normaliseName(a)) === nameKey(normaliseName(b))) return 'same';
  const ca = compactKey(a);
  const cb = compactKey(b);
  if (ca === cb) return 'variant';
  const allowed = Math.min(ca.length, cb.length) >= 5 ? 2 : 1;
  return editDistance(ca, cb) <= allowed ? 'variant' : 'different';
}
