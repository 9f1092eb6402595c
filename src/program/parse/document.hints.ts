// Guesses read from a task's wording, English or Vietnamese: the expected
// outputs ("Develop and implement the Project …" → project, "Xây dựng, ban hành
// Nghị định …" → decree) and the lead agency ("Bộ Nội vụ chủ trì" → Bộ Nội vụ).
// An output counts only as the first output noun after a verb that produces
// something (develop, issue, amend, xây dựng, ban hành…), so documents a task
// merely implements ("Implement Resolution No. 140/NQ-CP") are not outputs.
import type { OutputKind } from '../program.types.ts';

// Word edges; a hyphen joins words, so "rule-of-law" and "law-making" hold no "law".
const B = '(?<![\\p{L}\\p{N}-])';
const E = '(?![\\p{L}\\p{N}-])';

const PRODUCING = new RegExp(
  `${B}(?:develop(?:s|ing)?|issu(?:e|es|ing)|build(?:s|ing)?|establish(?:es|ing)?|complet(?:e|es|ing)|` +
    `promulgat(?:e|es|ing)|amend(?:s|ing)?|formulat(?:e|es|ing)|draft(?:s|ing)?|adopt(?:s|ing)?|prepar(?:e|es|ing)|` +
    `(?<!(?:Sở|Bộ)\\s)xây dựng|ban hành|sửa đổi|bổ sung|hoàn thiện|soạn thảo|thành lập|thiết lập|(?<!độc\\s)lập|phê duyệt)${E}`,
  'giu',
);

// Where the object of the verb ends: punctuation, or a purpose clause ("to …", "for …", "để …").
const OBJECT_END = /[;.:()]|\s(?:to|for|in order to|để|nhằm|về việc)\s/iu;

const OUTPUT_WORDS: [OutputKind, string][] = [
  ['law', 'laws?|law on|bộ luật|(?<!pháp\\s)luật'],
  ['decree', 'decrees?|nghị định'],
  ['resolution', 'resolutions?|nghị quyết'],
  ['regulation', 'regulations?|legal documents?|văn bản quy phạm pháp luật|quy định|quy chế'],
  ['scheme', 'schemes?|đề án'],
  ['project', 'projects?|dự án'],
  ['program', 'programmes?|programs?|chương trình'],
  ['plan', 'master plans?|plans?|kế hoạch|quy hoạch'],
  ['report', 'reports?|báo cáo'],
  [
    'system',
    'portals?|(?:digital|online|data|technology|software) platforms?|databases?|data cent(?:er|re)s?|(?:information|monitoring|management|warning|map|scoring|measurement) systems?|cổng thông tin|nền tảng số|cơ sở dữ liệu|hệ thống thông tin',
  ],
];
const OUTPUT_RES = OUTPUT_WORDS.map(([kind, words]) => [kind, new RegExp(`${B}(?:${words})${E}`, 'iu')] as const);
// The noun right after an output noun is the head of an English compound: "National Law Portal" is a portal.
const NEXT_WORD_RES = OUTPUT_WORDS.map(([kind, words]) => [kind, new RegExp(`^\\s+(?:${words})${E}`, 'iu')] as const);

// What follows a cited document's number describes that document, not the task's output:
// "Implement Resolution No. 140/NQ-CP … promulgating the Government's Action Program".
const CITATION = /(?:No\.|Nos\.|số)\s*\d/u;

/** The first output noun within ten words after each producing verb, in order, without repeats. */
export function guessOutputs(text: string): OutputKind[] {
  const kinds: OutputKind[] = [];
  const cited = CITATION.exec(text);
  const own = cited ? text.slice(0, cited.index) : text;
  for (const verb of own.matchAll(PRODUCING)) {
    // Ten words fit in 600 characters; reading on to the line's end made a long line quadratic.
    let window = own.slice(verb.index + verb[0].length, verb.index + verb[0].length + 600);
    const end = OBJECT_END.exec(window);
    if (end) window = window.slice(0, end.index);
    window = window.split(/\s+/).slice(0, 11).join(' ');
    let best: { kind: OutputKind; at: number; end: number } | null = null;
    for (const [kind, re] of OUTPUT_RES) {
      const m = re.exec(window);
      if (m && (!best || m.index < best.at)) best = { kind, at: m.index, end: m.index + m[0].length };
    }
    if (!best) continue;
    // English compounds end in their head noun; Vietnamese ones start with it ("Nghị quyết quy định …").
    const english = /^[\x20-\x7e]+$/.test(window.slice(best.at, best.end));
    const rest = window.slice(best.end);
    const head = english ? NEXT_WORD_RES.find(([, re]) => re.test(rest)) : undefined;
    const kind = head ? head[0] : best.kind;
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

const LEAD_PATTERNS = [
  /(?:cơ quan|đơn vị) chủ trì\s*:\s*([^;,.()\n]+)/iu,
  /(?:lead agency\s*:?|lead\s*:|presided over by)\s*([^;,.()\n]+?)(?=\s*[;,.()\n]|$)/iu,
  /^([^;.()]{3,80}?)\s+chủ trì/iu,
  /(?:\(|giao\s+|do\s+)([^;,.()]{3,80}?)\s+chủ trì/iu,
  /^([^;,.()]{3,120}?)\s+(?:shall\s+)?(?:presides?|presiding)\s+over/iu,
];

/** The lead agency the text names, as written (a leading "The" dropped), or undefined. */
export function findLeadAgency(text: string): string | undefined {
  for (const re of LEAD_PATTERNS) {
    const m = re.exec(text);
    if (m) return m[1].trim().replace(/^the\s+/i, '');
  }
  return undefined;
}
