// Personal data out of published comments (issue 13, item 6): e-mail addresses, 12-digit personal ID numbers
// (căn cước / CCCD, Decree 137/2015 and the 2023 Identification Law use 12 digits) and Vietnamese phone
// numbers (10 digits from 0, or +84 / 84 and 9 digits, separators allowed). A comment is stored already
// redacted: the drafting body reads opinions, it does not need a way to reach the writer. Names are not
// detected (no reliable rule for Vietnamese names in free text): a known limit, said in the report.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Digits may be written in groups ("0012 3456 7890"): 12 digits with optional single spaces, dots or dashes.
const ID12 = /(?<![\d])\d(?:[ .-]?\d){11}(?![\d])/g;
const PHONE = /(?<![\d+])(?:\+84|84|0)(?:[ .-]?\d){9}(?![\d])/g;

export const REDACTED = {
  email: '[thư điện tử đã ẩn]',
  id: '[số định danh đã ẩn]',
  phone: '[số điện thoại đã ẩn]',
} as const;

/** The text with personal data replaced, and how many replacements were made. */
export function redact(text: string): { text: string; count: number } {
  let count = 0;
  const sub = (re: RegExp, by: string) => (s: string) =>
    s.replace(re, () => {
      count++;
      return by;
    });
  // E-mail first (an address may hold digits), then 12-digit IDs before phones (an ID starts with 0 too).
  const out = [sub(EMAIL, REDACTED.email), sub(ID12, REDACTED.id), sub(PHONE, REDACTED.phone)].reduce(
    (s, f) => f(s),
    text,
  );
  return { text: out, count };
}
