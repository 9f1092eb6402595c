// Finds the deadline in a task sentence ("… top 30 countries in the world by
// 2030."), only when confident: the period must follow a deadline word ("by",
// "before", "in", "trước", "trong", "đến", "chậm nhất") or a label ("Thời hạn:"),
// or stand alone in brackets ("(quý IV/2026)"). Dates of cited documents
// ("Resolution No. 57-NQ/TW, dated December 22, 2024") and a title's horizon
// ("to 2030, with a vision to 2045") are not deadlines. Two different
// candidates mean no answer: guessing would put a wrong due date on a task.
import type { Period } from '../program.types.ts';
import { MONTH_NAME } from './deadline.lexicon.ts';
import { todayIso } from '../../platform/errors.ts';
import { tryParseDeadline } from './deadline.ts';

export type Lang = 'en' | 'vi';

const B = '(?<![\\p{L}\\p{N}])'; // word start, Unicode-aware
const E = '(?![\\p{L}\\p{N}])'; // word end
const NOT_RANGE = '(?!\\s*(?:-|–|—|to|đến)\\s*\\d{4})(?![\\d/.-]\\d)';

const EN_CORE = [
  '(?:the\\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\s+(?:of\\s+)?\\d{4}',
  'q[1-4]\\s*[/-]?\\s*\\d{4}',
  '(?:the\\s+)?(?:first|second|1st|2nd)\\s+half\\s+(?:of\\s+)?(?:the\\s+year\\s+)?\\d{4}',
  `${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
  `\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+\\d{4}`,
  `${MONTH_NAME},?\\s+(?:of\\s+)?\\d{4}`,
  `(?:the\\s+end\\s+of\\s+)?(?:the\\s+year\\s+)?\\d{4}${NOT_RANGE}`,
].join('|');
const EN_CUE = '(?:by(?:\\s+the\\s+end\\s+of)?|before|until|no\\s+later\\s+than|not\\s+later\\s+than|in|during|within)';

const VI_CORE = [
  'qu[ýí]\\s+(?:iv|i{1,3}|[1-4])\\s*(?:/|-|năm)\\s*\\d{4}',
  '(?:6|sáu)\\s+tháng\\s+(?:đầu|cuối)\\s+năm\\s+\\d{4}',
  'nửa\\s+(?:đầu|cuối)\\s+năm\\s+\\d{4}',
  'ngày\\s+\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{4}',
  'ngày\\s+\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4}',
  'tháng\\s+\\d{1,2}\\s*(?:/|-|\\s+năm\\s+)\\s*\\d{4}',
  `năm\\s+\\d{4}${NOT_RANGE}`,
].join('|');
const VI_CUE =
  '(?:trước|chậm\\s+nhất(?:\\s+là|\\s+vào)?|hoàn\\s+thành(?:\\s+trong)?|trong|đến(?:\\s+hết)?|vào|cuối|hết)';

const FROM_NOW = '(?:from\\s+now\\s+(?:until|to|till)|từ\\s+nay\\s+(?:đến|tới)(?:\\s+hết)?)';

// Compiled once per language set: building them on every call was a third of a long document's parse.
const compiled = new Map<string, RegExp[]>();
function patterns(langs: Lang[]): RegExp[] {
  const key = langs.join(',');
  let res = compiled.get(key);
  if (!res) compiled.set(key, (res = buildPatterns(langs)));
  return res;
}

function buildPatterns(langs: Lang[]): RegExp[] {
  const list: string[] = [];
  if (langs.includes('en')) list.push(`${B}${EN_CUE}\\s+(?:${EN_CORE})${E}`);
  if (langs.includes('vi')) list.push(`${B}${VI_CUE}\\s+(?:${VI_CORE})${E}`);
  list.push(
    `${B}${FROM_NOW}\\s+(?:${langs.includes('en') ? EN_CORE : ''}${langs.length === 2 ? '|' : ''}${langs.includes('vi') ? VI_CORE : ''})${E}`,
  );
  return list.map((p) => new RegExp(p, 'giu'));
}

// A labelled deadline ("Thời hạn: quý IV/2026", "Deadline: 2026–2030") or a bracketed one.
const LABELLED =
  /(?:deadline|due(?:\s+date)?|time\s+limit|thời\s+hạn(?:\s+hoàn\s+thành)?|thời\s+gian\s+(?:hoàn\s+thành|thực\s+hiện))\s*:\s*([^;\n()]+?)(?=[;\n()]|\.\s|\.?$)/giu;
const BRACKETED = /\(([^()]{4,40})\)/gu;

const CITED_BEFORE = /(?:dated|issued|adopted|signed|promulgated|since|ban\s+hành|ký|kể\s+từ|vision|tầm\s+nhìn)\s*$/iu;
const HORIZON_AFTER = /^\s*,?\s*(?:with\s+a\s+vision|vision|tầm\s+nhìn)/iu;

interface Candidate {
  phrase: string;
  period: Period;
  at: number;
  end: number;
}

function tryParse(phrase: string, referenceDate?: string): Period | null {
  return tryParseDeadline(phrase, referenceDate ?? todayIso());
}

/** The one deadline a sentence names, or null when there is none or more than one. */
export function findDeadlineInText(
  text: string,
  options: { lang?: Lang | 'auto'; referenceDate?: string } = {},
): Period | null {
  const langs: Lang[] = !options.lang || options.lang === 'auto' ? ['en', 'vi'] : [options.lang];
  const found: Candidate[] = [];
  const take = (phrase: string, at: number, end: number) => {
    if (CITED_BEFORE.test(text.slice(Math.max(0, at - 20), at)) || HORIZON_AFTER.test(text.slice(end, end + 40)))
      return;
    const period = tryParse(phrase, options.referenceDate);
    if (period) found.push({ phrase, period, at, end });
  };
  for (const re of patterns(langs)) {
    for (const m of text.matchAll(re)) take(m[0], m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(LABELLED)) take(m[1].trim(), m.index, m.index + m[0].length);
  for (const m of text.matchAll(BRACKETED)) {
    const period = /\d{4}/.test(m[1]) ? tryParse(m[1], options.referenceDate) : null;
    if (period) found.push({ phrase: m[1].trim(), period, at: m.index, end: m.index + m[0].length });
  }
  // "from now until June 30, 2025" also contains "until June 30, 2025": keep the longer reading.
  const outer = outermost(found);
  const distinct = new Map(outer.map((c) => [`${c.period.kind}|${c.period.start}|${c.period.end}`, c]));
  if (distinct.size !== 1) return null;
  const [only] = distinct.values();
  return { ...only.period, text: only.phrase };
}

/**
 * The candidates no longer candidate contains, in one sort and one sweep (a
 * pairwise test was quadratic on a long line full of dates). Sorted by start,
 * longest first, a candidate is inside another exactly when an earlier one,
 * other than one with the very same span, ends at or after it.
 */
function outermost(found: Candidate[]): Candidate[] {
  const sorted = [...found].sort((a, b) => a.at - b.at || b.end - a.end);
  const kept = new Set<Candidate>();
  let reach = -1; // furthest end of the spans before the current group of identical spans
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j].at === sorted[i].at && sorted[j].end === sorted[i].end) j++;
    if (reach < sorted[i].end) for (let k = i; k < j; k++) kept.add(sorted[k]);
    reach = Math.max(reach, sorted[i].end);
    i = j;
  }
  return found.filter((c) => kept.has(c)); // in the order found: the phrase shown is the one the old code showed
}
