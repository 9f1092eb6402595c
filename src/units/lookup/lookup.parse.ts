// Reading what a citizen types into the lookup: a unit name, a full name with
// its type ("Phường Quán Thánh"), or an address ("số 12 phố Phan Đình Phùng,
// Quán Thánh, Ba Đình, Hà Nội"), with or without diacritics. No database here:
// the query becomes tokens and candidate name spans, and candidates found by
// those spans are scored against the rest of the query (scoreCandidate).
//
// Type words (xã, phường, quận…) are never removed from the query: "Quán Thánh"
// and "Phương Liên" start with syllables that fold to type words. Every run of
// tokens is tried as a name, and a type word only counts where no name uses it.
import { foldVietnamese, nameKey } from '../vn/vn-text.ts';

export interface QueryToken {
  /** Lower case, NFC, as typed (with its marks, if any). */
  original: string;
  /** Folded: no marks, `đ` → `d`, only a-z0-9. */
  folded: string;
  /** Index of the comma-separated part the token is in. */
  part: number;
  /** True when the person typed marks on it: then its marks must agree with a name's. */
  marked: boolean;
}

export interface NameSpan {
  start: number;
  end: number;
  key: string;
}

export interface ParsedQuery {
  tokens: QueryToken[];
  /** Every run of up to MAX_SPAN tokens inside one part, as a folded name key, plus aliases; longest first. */
  spans: NameSpan[];
  /** The folded tokens joined by spaces (for the substring and similarity fallbacks). */
  folded: string;
}

/** Names have at most 6 syllables ("Phường Văn Miếu - Quốc Tử Giám"); a longer run is no name. */
const MAX_SPAN = 6;
/** The query is at most 200 characters; 40 tokens cover any real address. */
const MAX_TOKENS = 40;

/** Unit-type words, folded, with the types they name; `marked` is the word with its marks. */
const TYPE_WORDS: { words: string[]; marked: string | null; types: string[] }[] = [
  { words: ['thi', 'tran'], marked: 'thị trấn', types: ['township'] },
  { words: ['thi', 'xa'], marked: 'thị xã', types: ['town'] },
  { words: ['thanh', 'pho'], marked: 'thành phố', types: ['provincial_city', 'municipal_city', 'municipality'] },
  { words: ['thu', 'do'], marked: 'thủ đô', types: ['municipality'] },
  { words: ['dac', 'khu'], marked: 'đặc khu', types: ['special_zone'] },
  { words: ['phuong'], marked: 'phường', types: ['ward'] },
  { words: ['xa'], marked: 'xã', types: ['commune'] },
  { words: ['quan'], marked: 'quận', types: ['urban_district'] },
  { words: ['huyen'], marked: 'huyện', types: ['rural_district'] },
  { words: ['tinh'], marked: 'tỉnh', types: ['province'] },
  { words: ['tp'], marked: null, types: ['provincial_city', 'municipal_city', 'municipality'] },
  { words: ['tx'], marked: null, types: ['town'] },
  { words: ['tt'], marked: null, types: ['township'] },
  { words: ['p'], marked: null, types: ['ward'] },
  { words: ['q'], marked: null, types: ['urban_district'] },
  { words: ['h'], marked: null, types: ['rural_district'] },
];
/** English type words follow the name ("Ba Dinh Ward"); they only need to be ignorable. */
const ENGLISH_TYPE_WORDS = new Set([
  'ward',
  'commune',
  'district',
  'town',
  'township',
  'city',
  'province',
  'special',
  'zone',
]);

/** Words of a street address that never name a unit on their own (số, phố, ngõ, thôn, tổ dân phố…). */
const ADDRESS_WORDS = new Set([
  'so',
  'duong',
  'pho',
  'ngo',
  'ngach',
  'hem',
  'kiet',
  'thon',
  'ap',
  'to',
  'khu',
  'xom',
  'ban',
  'buon',
  'lang',
  'khom',
  'cum',
  'dan',
  'toa',
  'nha',
  'tang',
  'can',
  'ho',
  'tdp',
  'kp',
  'sn',
  'ql',
  'tl',
  'km',
]);

/** Short forms people write for places, folded → the name key they stand for. */
const ALIASES: Record<string, string> = {
  hcm: 'ho chi minh',
  tphcm: 'ho chi minh',
  'sai gon': 'ho chi minh',
  hn: 'ha noi',
  brvt: 'ba ria vung tau',
  tth: 'thua thien hue',
};

const markKey = (s: string) => nameKey(s);
const isNumber = (t: string) => /^\d+[a-z]?$/.test(t);

export function parseLookupQuery(q: string): ParsedQuery {
  const tokens: QueryToken[] = [];
  const parts = q
    .normalize('NFC')
    .toLowerCase()
    .split(/[,;|\n\r\t()]+/);
  parts.forEach((partText, part) => {
    for (const word of partText.split(/[^\p{L}\p{N}]+/u)) {
      if (!word) continue;
      const folded = foldVietnamese(word);
      // Folding can leave a letter outside a-z (none in Vietnamese names): split there, as the index does.
      for (const piece of folded.split(/[^a-z0-9]+/)) {
        if (piece && tokens.length < MAX_TOKENS)
          tokens.push({ original: word, folded: piece, part, marked: word !== folded });
      }
    }
  });
  const spans: NameSpan[] = [];
  for (let start = 0; start < tokens.length; start++) {
    for (let end = start + 1; end <= Math.min(tokens.length, start + MAX_SPAN); end++) {
      if (tokens[end - 1].part !== tokens[start].part) break;
      const key = tokens
        .slice(start, end)
        .map((t) => t.folded)
        .join(' ');
      // "số 12", "ngõ 12" are house and lane numbers; "Phường 12" or "12, Đông Hà" a ward.
      if (
        end - start === 1 &&
        isNumber(key) &&
        start > 0 &&
        tokens[start - 1].part === tokens[start].part &&
        ADDRESS_WORDS.has(tokens[start - 1].folded)
      )
        continue;
      spans.push({ start, end, key });
      if (ALIASES[key]) spans.push({ start, end, key: ALIASES[key] });
    }
  }
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  return { tokens, spans, folded: tokens.map((t) => t.folded).join(' ') };
}

/** Whether the token (with the ones after it) is a type word as typed: `phương` is a name, `phường` or `phuong` a type. */
function typeWordAt(tokens: QueryToken[], i: number): (typeof TYPE_WORDS)[number] | null {
  for (const tw of TYPE_WORDS) {
    const n = tw.words.length;
    if (i + n > tokens.length) continue;
    const run = tokens.slice(i, i + n);
    if (run.some((t, k) => t.folded !== tw.words[k] || t.part !== tokens[i].part)) continue;
    if (run.some((t) => t.marked) && marksAgreement(run, tw.marked ? tw.marked.split(' ').map(markKey) : []) < 0)
      continue;
    return tw;
  }
  return null;
}

/** The type word directly before `start` in the same part, if any (two-word types first). */
function typeBefore(tokens: QueryToken[], start: number): (typeof TYPE_WORDS)[number] | null {
  for (const n of [2, 1]) {
    const i = start - n;
    if (i < 0 || tokens[i].part !== tokens[start].part) continue;
    const tw = typeWordAt(tokens, i);
    if (tw && tw.words.length === n) return tw;
  }
  return null;
}

/**
 * Tokens that may stay unexplained without weakening a match: address words and
 * numbers. Type words are explained only as the prefix of a name the reading
 * uses (see scoreCandidate), so "phường quận Thanh" does not read as "Xã Thanh".
 */
export function ignorableTokens(tokens: QueryToken[]): boolean[] {
  return tokens.map((t) => ADDRESS_WORDS.has(t.folded) || ENGLISH_TYPE_WORDS.has(t.folded) || isNumber(t.folded));
}

/** The query without type, address and number tokens: the fallback when every token together finds nothing. */
export function essentialTokens(parsed: ParsedQuery): string[] {
  const skip = ignorableTokens(parsed.tokens);
  for (let i = 0; i < parsed.tokens.length; i++) {
    const tw = typeWordAt(parsed.tokens, i);
    if (tw) for (let k = 0; k < tw.words.length; k++) skip[i + k] = true;
  }
  return parsed.tokens.filter((_, i) => !skip[i]).map((t) => t.folded);
}

export interface Candidate {
  id: number;
  name: string;
  nameKey: string;
  type: string;
  level: number;
  validFrom: string | null;
  validTo: string | null;
  attestedFrom: string | null;
  context: string[];
}

export interface Score {
  /** Distinct names of the places around the unit that the query also gives (district, province, old or new). */
  context: number;
  /** Tokens neither in the name, nor in a matched place, nor ignorable. */
  unexplained: number;
  /** +1 when the marks typed agree with the name's, −1 when they do not, 0 when none were typed. */
  marks: number;
  /** Tokens of the name itself. */
  nameLength: number;
  /** +1 when the type word before the name is the unit's type, −1 when it is another, 0 when there is none. */
  typeAgrees: number;
}

/**
 * How well a unit found by one of the query's spans fits the whole query: its
 * best placement (a name can occur twice: "Quản Bạ, Quản Bạ"), the places
 * around it that the rest of the query names, and what stays unexplained.
 */
export function scoreCandidate(parsed: ParsedQuery, ignorable: boolean[], c: Candidate): Score | null {
  const nameMarks = c.name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(markKey);
  const context = new Set(c.context);
  let best: Score | null = null;
  for (const span of parsed.spans) {
    if (span.key !== c.nameKey) continue;
    const used = new Array<boolean>(parsed.tokens.length).fill(false);
    const use = (from: number, to: number) => {
      for (let i = from; i < to; i++) used[i] = true;
      const tw = typeBefore(parsed.tokens, from);
      if (tw) for (let i = from - tw.words.length; i < from; i++) used[i] = true;
    };
    use(span.start, span.end);
    // Places: longest spans first, each place name counted once, no token used twice.
    const places = new Set<string>();
    for (const s of parsed.spans) {
      if (!context.has(s.key) || places.has(s.key)) continue;
      let free = true;
      for (let i = s.start; i < s.end && free; i++) free = !used[i];
      if (!free) continue;
      use(s.start, s.end);
      places.add(s.key);
    }
    let unexplained = 0;
    for (let i = 0; i < parsed.tokens.length; i++) if (!used[i] && !ignorable[i]) unexplained++;
    const score: Score = {
      context: places.size,
      unexplained,
      marks: marksAgreement(parsed.tokens.slice(span.start, span.end), nameMarks),
      nameLength: span.end - span.start,
      typeAgrees: typeAgreement(parsed.tokens, span.start, c.type),
    };
    if (!best || compareScores(score, best) < 0) best = score;
  }
  return best;
}

/** Marks typed on only some syllables are compared on those syllables only. */
function marksAgreement(tokens: QueryToken[], nameMarks: string[]): number {
  if (!tokens.some((t) => t.marked)) return 0;
  if (nameMarks.length !== tokens.length) return -1;
  return tokens.every((t, i) => !t.marked || markKey(t.original) === nameMarks[i]) ? 1 : -1;
}

function typeAgreement(tokens: QueryToken[], start: number, type: string): number {
  const tw = typeBefore(tokens, start);
  if (!tw) return 0;
  return tw.types.includes(type) ? 1 : -1;
}

/** Best first: more places agreeing, fewer tokens unexplained, marks agreeing, longer names, the type agreeing. */
export function compareScores(a: Score, b: Score): number {
  return (
    b.context - a.context ||
    a.unexplained - b.unexplained ||
    b.marks - a.marks ||
    b.nameLength - a.nameLength ||
    b.typeAgrees - a.typeAgrees
  );
}
