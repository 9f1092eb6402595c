// Personal data out of anything published (issue 13, item 6): e-mail addresses, 12-digit personal identification
// numbers (CCCD / số định danh cá nhân, Luật Căn cước 2023), phone numbers, and the reporter's own name when they
// did not choose to be named publicly. Applied when the text is stored (public_* columns), so no public read can
// forget it. Names of other people cannot be found reliably by pattern: moderation is the backstop.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// 12 digits, possibly written in groups of 4 (0012 3456 7890): an ID number, read before phones so it is named as such.
const ID_NUMBER = /(?<!\d)\d{4}[ .-]?\d{4}[ .-]?\d{4}(?!\d)/g;
// Vietnamese phones: +84 / 84 / 0, then 9 digits (mobiles, fixed lines with area codes), separators allowed.
const PHONE = /(?<![\p{N}])(?:\+?84|0)(?:[ .-]?\d){8,10}(?!\d)/gu;

export const MASKS = {
  email: '[email đã ẩn]',
  id: '[số định danh đã ẩn]',
  phone: '[số điện thoại đã ẩn]',
  name: '[họ tên đã ẩn]',
} as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with personal data masked; `names`: people's names to mask as well (any case). */
export function redact(text: string, names: (string | null | undefined)[] = []): string {
  let out = text.replace(EMAIL, MASKS.email).replace(ID_NUMBER, MASKS.id).replace(PHONE, MASKS.phone);
  for (const name of names) {
    const n = name?.trim();
    if (n && n.length >= 2) out = out.replace(new RegExp(escape(n), 'giu'), MASKS.name);
  }
  return out;
}

/** Does the text still carry something the patterns would mask? (tests, and a guard before publishing) */
export function carriesPersonalData(text: string): boolean {
  return redact(text) !== text;
}
