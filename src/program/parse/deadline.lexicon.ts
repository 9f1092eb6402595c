// Words of English and Vietnamese deadline phrases. Everything is matched on
// normalised text (NFC, lower case, dashes folded to '-', single spaces).

export const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Regex source for an English month name (longest names first so "june" wins over "jun"). */
export const MONTH_NAME = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

/** Quarter numbers as written: "fourth", "4th", "4", "IV". */
export const QUARTERS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
};

export const HALVES: Record<string, 1 | 2> = {
  first: 1,
  second: 2,
  '1st': 1,
  '2nd': 2,
  '1': 1,
  '2': 2,
  đầu: 1,
  cuối: 2,
  sau: 2,
};

/**
 * Leading words that only say "this is when it is due" ("by", "trước", "in the
 * course of"): the period is what follows. "Before"/"trước" are read like "by",
 * as Vietnamese administrative texts use them ("trước ngày 01/6/2026" means the
 * deadline is 1 June 2026).
 */
export const LEADING_CUES = [
  'by the end of',
  'by end of',
  'at the end of',
  'the end of',
  'end of',
  'no later than',
  'not later than',
  'at the latest by',
  'by',
  'before',
  'until',
  'till',
  'through',
  'in',
  'during',
  'within',
  'on',
  'the',
  'chậm nhất là',
  'chậm nhất vào',
  'chậm nhất',
  'hoàn thành trong',
  'hoàn thành',
  'trước',
  'trong',
  'đến',
  'tới',
  'vào',
  'hết',
  'cuối',
];

/** Words a deadline phrase may contain; anything else is named in the error. */
export const VOCABULARY = new Set([
  ...Object.keys(MONTHS),
  ...Object.keys(QUARTERS),
  ...Object.keys(HALVES),
  ...LEADING_CUES.flatMap((c) => c.split(' ')),
  'quarter',
  'half',
  'year',
  'years',
  'period',
  'of',
  'from',
  'now',
  'today',
  'to',
  'q',
  'h',
  'q1',
  'q2',
  'q3',
  'q4',
  'h1',
  'h2',
  'st',
  'nd',
  'rd',
  'th',
  'quý',
  'quí',
  'tháng',
  'năm',
  'ngày',
  'giai',
  'đoạn',
  'thời',
  'kỳ',
  'nửa',
  'sáu',
  'từ',
  'nay',
  'là',
  'nhất',
]);

/** Tokens of a normalised phrase that are neither numbers nor known words. */
export function unknownWords(normalised: string): string[] {
  return normalised
    .split(/[\s,/.\-:;()]+/)
    .filter((t) => t !== '' && !/^\d+(st|nd|rd|th)?$/.test(t) && !VOCABULARY.has(t));
}
