// Deadline phrases, English and Vietnamese, into a typed period with its first
// and last day: "in the fourth quarter of 2026" / "quý IV/2026" / "Q4 2026",
// "June 2026" / "tháng 6/2026", "by June 1, 2026" / "trước ngày 01/6/2026",
// "2026–2030" / "giai đoạn 2026 - 2030", "from now until June 30, 2025", halves.
// A phrase that cannot be read throws DeadlineParseError naming the part.
import { AppError, todayIso, type Message } from '../../platform/errors.ts';
import type { Period } from '../program.types.ts';
import { HALVES, LEADING_CUES, MONTH_NAME, MONTHS, QUARTERS, unknownWords } from './deadline.lexicon.ts';
import {
  datePeriod,
  halfPeriod,
  isIsoDate,
  isRealDate,
  monthPeriod,
  quarterPeriod,
  rangePeriod,
  yearPeriod,
} from './deadline.periods.ts';

export class DeadlineParseError extends AppError {
  /** `part` is the piece of the phrase that could not be read. */
  constructor(
    readonly phrase: string,
    readonly part: string,
    why: Message,
  ) {
    super(400, 'deadline-parse', { vi: 'Không đọc được thời hạn', en: 'Unreadable deadline' }, why, { phrase, part });
    this.name = 'DeadlineParseError';
    this.message = `${why.vi} / ${why.en}`;
  }
}

/** Thrown inside the grammar; parseDeadline adds the whole phrase to it. */
class Unreadable {
  constructor(
    readonly part: string,
    readonly vi: string,
    readonly en: string,
  ) {}
}

export function normalisePhrase(phrase: string): string {
  return phrase
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:]+$/, '');
}

const CUES = [...LEADING_CUES].sort((a, b) => b.length - a.length);

function stripCues(s: string): string {
  for (let changed = true; changed;) {
    changed = false;
    for (const cue of CUES) {
      if (!s.startsWith(cue + ' ')) continue;
      const rest = s.slice(cue.length + 1);
      // "cuối" (end of) is a cue only before a period word; "6 tháng cuối năm" keeps it.
      if ((cue === 'cuối' || cue === 'hết') && !/^(năm|tháng|quý|quí)\s/.test(rest)) continue;
      s = rest;
      changed = true;
      break;
    }
  }
  return s;
}

function year(text: string): number {
  const y = Number(text);
  if (y < 1900 || y > 2199)
    throw new Unreadable(text, `năm ${text} nằm ngoài khoảng 1900–2199`, `the year ${text} is outside 1900–2199`);
  return y;
}

function quarter(token: string, y: string): Period {
  const q = QUARTERS[token];
  if (!q) throw new Unreadable(token, 'quý chỉ từ I đến IV (1–4)', 'a quarter is I–IV (1–4)');
  return quarterPeriod(year(y), q);
}

function half(token: string, y: string): Period {
  const h = HALVES[token];
  if (!h) throw new Unreadable(token, 'nửa năm chỉ là đầu hoặc cuối (1 hoặc 2)', 'a half is the first or the second');
  return halfPeriod(year(y), h);
}

function month(m: string, y: string): Period {
  const n = Number(m);
  if (n < 1 || n > 12) throw new Unreadable(m, `không có tháng ${m}`, `there is no month ${m}`);
  return monthPeriod(year(y), n);
}

function date(d: string, m: string, y: string): Period {
  const [dn, mn, yn] = [Number(d), Number(m), year(y)];
  if (!isRealDate(yn, mn, dn))
    throw new Unreadable(
      `${d}/${m}/${y}`,
      `ngày ${d}/${m}/${y} không có thật`,
      `${d}/${m}/${y} (day/month/year) is not a real date`,
    );
  return datePeriod(yn, mn, dn);
}

type Rule = [RegExp, (m: RegExpExecArray) => Period];

const ORD = '([a-z0-9]+)';
const SINGLE_RULES: Rule[] = [
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => date(m[3], m[2], m[1])],
  [/^(\d{4})-(\d{1,2})$/, (m) => month(m[2], m[1])],
  [/^(?:ngày\s+)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/, (m) => date(m[1], m[3], m[4])],
  [/^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm\s+|,\s*|\/\s*)(\d{4})$/, (m) => date(m[1], m[2], m[3])],
  [
    new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?:of\\s+)?(\\d{4})$`),
    (m) => date(m[2], String(MONTHS[m[1]]), m[3]),
  ],
  [
    new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(\\d{4})$`),
    (m) => date(m[1], String(MONTHS[m[2]]), m[3]),
  ],
  [new RegExp(`^${MONTH_NAME},?\\s+(?:of\\s+)?(\\d{4})$`), (m) => month(String(MONTHS[m[1]]), m[2])],
  [/^tháng\s+(\d{1,2})\s*(?:\/|-|năm|\s)\s*(\d{4})$/, (m) => month(m[1], m[2])],
  [/^(\d{1,2})\s*[/-]\s*(\d{4})$/, (m) => month(m[1], m[2])],
  [new RegExp(`^${ORD}\\s+quarter\\s+(?:of\\s+)?(?:the\\s+year\\s+)?(\\d{4})$`), (m) => quarter(m[1], m[2])],
  [new RegExp(`^quarter\\s+${ORD}\\s*(?:of\\s+|,\\s*|/\\s*)?(\\d{4})$`), (m) => quarter(m[1], m[2])],
  [/^q\s*([a-z0-9]+?)\s*[\s/-]?\s*(\d{4})$/, (m) => quarter(m[1], m[2])],
  [/^(\d{4})\s*[\s/-]?\s*q([0-9])$/, (m) => quarter(m[2], m[1])],
  [/^qu[ýí]\s+([^\s/-]+?)\s*(?:\/|-|năm|\s)\s*(\d{4})$/, (m) => quarter(m[1], m[2])],
  [new RegExp(`^${ORD}\\s+half\\s+(?:of\\s+)?(?:the\\s+year\\s+)?(\\d{4})$`), (m) => half(m[1], m[2])],
  [/^h([0-9])\s*[\s/-]?\s*(\d{4})$/, (m) => half(m[1], m[2])],
  [/^(?:6|sáu)\s+tháng\s+(\S+)\s+(?:năm\s+)?(\d{4})$/, (m) => half(m[1], m[2])],
  [/^nửa\s+(\S+)\s+(?:năm\s+)?(\d{4})$/, (m) => half(m[1], m[2])],
  [/^(?:(?:the\s+)?year\s+|năm\s+)?(\d{4})$/, (m) => yearPeriod(year(m[1]))],
];

const RECURRING =
  /^(hằng năm|hàng năm|hằng quý|hàng quý|hằng tháng|hàng tháng|thường xuyên|liên tục|annually|every year|quarterly|monthly|regularly|continuously|ongoing)$/;
const FROM_NOW =
  /^(?:from now|from today|starting now|từ nay|từ bây giờ|từ hôm nay)\s+(?:until|till|to|through|up to|cho đến|đến|tới)\s+(.+)$/;
const FROM_TO = /^(?:from|từ)\s+(.+?)\s+(?:to|until|till|through|đến|tới)\s+(.+)$/;
const YEARS =
  /^(?:(?:giai đoạn|thời kỳ|period of|period|years|the years)\s+)?(?:năm\s+)?(\d{4})\s*(?:-|to|through|đến|tới)\s*(?:năm\s+)?(\d{4})(?:\s+period)?$/;

function range(start: string, end: string, startText: string, endText: string): Period {
  if (end < start) {
    throw new Unreadable(
      endText,
      `thời hạn kết thúc (${end}) trước khi bắt đầu (${startText}: ${start})`,
      `the period ends (${end}) before it starts (${startText}: ${start})`,
    );
  }
  return rangePeriod(start, end);
}

/** Reads a normalised phrase; null when no rule matches. */
function read(phrase: string, referenceDate: string): Period | null {
  const s = stripCues(phrase);
  if (RECURRING.test(s)) {
    throw new Unreadable(
      s,
      'thời hạn lặp lại (hằng năm, thường xuyên…) không phải một khoảng thời gian xác định',
      'a recurring deadline (annually, regularly…) is not one period',
    );
  }
  let m = FROM_NOW.exec(s);
  if (m) {
    const end = readOrFail(m[1], referenceDate);
    return range(referenceDate, end.end, 'now / từ nay', m[1]);
  }
  m = YEARS.exec(s);
  if (m) return range(yearPeriod(year(m[1])).start, yearPeriod(year(m[2])).end, m[1], m[2]);
  m = FROM_TO.exec(s);
  if (m) {
    const [a, b] = [readOrFail(m[1], referenceDate), readOrFail(m[2], referenceDate)];
    return range(a.start, b.end, m[1], m[2]);
  }
  for (const [re, build] of SINGLE_RULES) {
    const hit = re.exec(s);
    if (hit) return build(hit);
  }
  return null;
}

function readOrFail(phrase: string, referenceDate: string): Period {
  const p = read(phrase, referenceDate);
  if (p) return p;
  const unknown = unknownWords(phrase);
  if (unknown.length > 0) {
    const part = unknown.join(' ');
    throw new Unreadable(part, `không hiểu từ "${part}"`, `"${part}" is not a word of a deadline`);
  }
  if (!/\d{4}/.test(phrase))
    throw new Unreadable(phrase, `không thấy năm trong "${phrase}"`, `there is no year in "${phrase}"`);
  throw new Unreadable(
    phrase,
    `"${phrase}" không phải năm, nửa năm, quý, tháng, ngày hay giai đoạn`,
    `"${phrase}" is not a year, half, quarter, month, date or period`,
  );
}

/**
 * The period a phrase names, or null when it names none: for scanning text,
 * where most candidates fail and building an error (with its stack) for each
 * was most of a long document's parse.
 */
export function tryParseDeadline(phrase: string, referenceDate: string): Period | null {
  const normalised = normalisePhrase(phrase);
  if (normalised === '' || !isIsoDate(referenceDate)) return null;
  try {
    return { ...readOrFail(normalised, referenceDate), text: phrase.trim() };
  } catch (err) {
    if (err instanceof Unreadable) return null;
    throw err;
  }
}

/**
 * Reads a deadline phrase into a period. `referenceDate` ('YYYY-MM-DD', default
 * today in Vietnam) is the start of "from now until …". Slash dates are
 * day/month/year, as written in Vietnam.
 */
export function parseDeadline(phrase: string, context: { referenceDate?: string } = {}): Period {
  const referenceDate = context.referenceDate ?? todayIso();
  if (!isIsoDate(referenceDate)) {
    throw new DeadlineParseError(phrase, referenceDate, {
      vi: `Ngày tham chiếu "${referenceDate}" phải có dạng NNNN-TT-NN.`,
      en: `The reference date "${referenceDate}" must be written YYYY-MM-DD.`,
    });
  }
  const normalised = normalisePhrase(phrase);
  if (normalised === '') {
    throw new DeadlineParseError(phrase, '', { vi: 'Thời hạn đang để trống.', en: 'The deadline is empty.' });
  }
  try {
    return { ...readOrFail(normalised, referenceDate), text: phrase.trim() };
  } catch (err) {
    if (!(err instanceof Unreadable)) throw err;
    // Name the part as the user wrote it ("V", not the folded "v").
    const at = phrase.normalize('NFC').toLowerCase().indexOf(err.part);
    const part = at >= 0 ? phrase.normalize('NFC').slice(at, at + err.part.length) : err.part;
    throw new DeadlineParseError(phrase, part, {
      vi: `Không đọc được "${part}" trong thời hạn "${phrase.trim()}": ${err.vi}. Ví dụ đúng: "quý IV/2026", "tháng 6/2026", "trước ngày 01/6/2026", "giai đoạn 2026 - 2030".`,
      en: `Could not read "${part}" in the deadline "${phrase.trim()}": ${err.en}. Examples: "Q4 2026", "June 2026", "by June 1, 2026", "2026–2030".`,
    });
  }
}
