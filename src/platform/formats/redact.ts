// Personal data out of anything published (issue 13, item 6): e-mail addresses, 12-digit personal identification
// numbers (CCCD / số định danh cá nhân, Luật Căn cước 2023), Vietnamese phone numbers, and names the caller knows
// (a reporter's own name when they did not choose to be named). One set of patterns for every module that
// publishes what the public wrote (feedback, consultation comments), so a pattern fixed here is fixed everywhere.
// Names of other people cannot be found reliably by pattern: moderation is the backstop.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// 12 digits, possibly written in groups with single spaces, dots or dashes (0012 3456 7890, 001 203 004 006);
// read before phones, since an ID number starts with 0 too and should be named as what it is.
const ID_NUMBER = /(?<!\d)\d(?:[ .-]?\d){11}(?!\d)/g;
// Vietnamese phones: +84 / 84 / 0, then 8 to 10 digits (mobiles, fixed lines with area codes), separators allowed.
const PHONE = /(?<![\p{N}+])(?:\+?84|0)(?:[ .-]?\d){8,10}(?!\d)/gu;

export const MASKS = {
  email: '[thư điện tử đã ẩn]',
  id: '[số định danh đã ẩn]',
  phone: '[số điện thoại đã ẩn]',
  name: '[họ tên đã ẩn]',
} as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with personal data masked and how many masks were put; `names`: names to mask too (any case). */
export function redactCounted(
  text: string,
  names: (string | null | undefined)[] = [],
): { text: string; count: number } {
  let count = 0;
  const mask = (s: string, re: RegExp, by: string) =>
    s.replace(re, () => {
      count++;
      return by;
    });
  let out = mask(mask(mask(text, EMAIL, MASKS.email), ID_NUMBER, MASKS.id), PHONE, MASKS.phone);
  for (const name of names) {
    const n = name?.trim();
    if (n && n.length >= 2) out = mask(out, new RegExp(escape(n), 'giu'), MASKS.name);
  }
  return { text: out, count };
}

/** The text with personal data masked. */
export const redact = (text: string, names: (string | null | undefined)[] = []): string =>
  redactCounted(text, names).text;

/** Does the text still carry something the patterns would mask? (tests, and a guard before publishing) */
export const carriesPersonalData = (text: string): boolean => redactCounted(text).count > 0;
