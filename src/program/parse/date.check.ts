// Dates that do not exist ("31/02/2027", "ngày 30 tháng 2 năm 2026", "tháng
// 13/2026", "quý V/2026", "February 30, 2027"), wherever a line writes one.
// The deadline finder only keeps what it can read, so without this check an
// impossible deadline simply vanished from the preview and the task was saved
// with no due date. A date that does not exist is always a slip in an official
// text; nobody can tell which date was meant, so it is reported, never guessed.
import type { Message } from '../../platform/errors.ts';
import { MONTH_NAME, MONTHS, QUARTERS } from './deadline.lexicon.ts';
import { daysInMonth, isRealDate } from './deadline.periods.ts';

/** `why` says why the date cannot exist, without saying what to do (that depends on where it was written). */
export interface ImpossibleDate {
  phrase: string;
  at: number;
  why: Message;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const MONTH_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

type Reader = [RegExp, (m: RegExpExecArray) => { d?: string; m: string; y: string } | { quarter: string; y: string }];

const READERS: Reader[] = [
  // 31/02/2027, 31.02.2027, 31-02-2027 (day first, as written in Vietnam)
  [
    new RegExp(`(?<![\\p{L}\\p{N}/.-])(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?![/.-]?\\p{N})`, 'gu'),
    (m) => ({ d: m[1], m: m[3], y: m[4] }),
  ],
  // 2027-02-31
  [
    new RegExp(`(?<![\\p{L}\\p{N}/.-])(\\d{4})-(\\d{2})-(\\d{2})(?![/.-]?\\p{N})`, 'gu'),
    (m) => ({ d: m[3], m: m[2], y: m[1] }),
  ],
  // ngày 31 tháng 02 năm 2027
  [
    new RegExp(`${B}ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s*(?:năm|,|/)\\s*(\\d{4})${E}`, 'giu'),
    (m) => ({ d: m[1], m: m[2], y: m[3] }),
  ],
  // tháng 13/2026, tháng 13 năm 2026 (not the month of a "ngày … tháng … năm …" date, read above)
  [
    new RegExp(`(?<!ngày\\s+\\d{1,2}\\s+)${B}tháng\\s+(\\d{1,2})\\s*(?:/|-|năm)\\s*(\\d{4})${E}`, 'giu'),
    (m) => ({ m: m[1], y: m[2] }),
  ],
  // quý V/2026, quý 5 năm 2026
  [
    new RegExp(`${B}qu[ýí]\\s+([ivxlc]+|\\d{1,2})\\s*(?:/|-|năm)\\s*(\\d{4})${E}`, 'giu'),
    (m) => ({ quarter: m[1], y: m[2] }),
  ],
  // February 30, 2027 / 30 February 2027
  [
    new RegExp(`${B}${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${E}`, 'giu'),
    (m) => ({ d: m[2], m: String(MONTHS[m[1].toLowerCase()]), y: m[3] }),
  ],
  [
    new RegExp(`${B}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(\\d{4})${E}`, 'giu'),
    (m) => ({ d: m[1], m: String(MONTHS[m[2].toLowerCase()]), y: m[3] }),
  ],
];

function problem(parts: { d?: string; m: string; y: string } | { quarter: string; y: string }): Message | null {
  if ('quarter' in parts) {
    if (QUARTERS[parts.quarter.toLowerCase()]) return null;
    return {
      vi: `không có quý ${parts.quarter} (quý chỉ từ I đến IV)`,
      en: `there is no quarter ${parts.quarter} (quarters are I to IV)`,
    };
  }
  const [d, m, y] = [Number(parts.d ?? 1), Number(parts.m), Number(parts.y)];
  if (m < 1 || m > 12)
    return {
      vi: `không có tháng ${parts.m} (tháng chỉ từ 1 đến 12)`,
      en: `there is no month ${parts.m} (months are 1 to 12)`,
    };
  if (isRealDate(y, m, d)) return null;
  const days = daysInMonth(y, m);
  return { vi: `tháng ${m} năm ${y} chỉ có ${days} ngày`, en: `${MONTH_EN[m - 1]} ${y} has ${days} days` };
}

/** Every impossible date written in `text`, in order, each with why it cannot exist. */
export function impossibleDates(text: string): ImpossibleDate[] {
  if (!/\d{4}/.test(text)) return []; // every date read here has a four-digit year
  const out: ImpossibleDate[] = [];
  const seen = new Set<number>();
  for (const [re, read] of READERS) {
    for (const m of text.matchAll(re)) {
      const why = problem(read(m));
      if (!why || seen.has(m.index)) continue;
      seen.add(m.index);
      out.push({ phrase: m[0].trim(), at: m.index, why });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The sentence shown for an impossible date; `fix` says where to correct it. */
export function impossibleDateMessage(d: ImpossibleDate, fix: Message): Message {
  return {
    vi: `"${d.phrase}" không phải ngày có thật: ${d.why.vi}. ${fix.vi}`,
    en: `"${d.phrase}" is not a real date: ${d.why.en}. ${fix.en}`,
  };
}
