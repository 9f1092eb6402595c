// One line of a program document → what it is, from its leading marker alone.
// The markers are those of Vietnamese administrative documents and their
// English translations: "I-"/"II." parts, "1." items, "a)" lettered items
// (including "đ"), "-" bullets, "+" sub-bullets, "[1]" footnotes, appendix titles.

export type LineClass =
  | { kind: 'blank' }
  | { kind: 'separator' }
  | { kind: 'closing' }
  | {
      kind: 'part' | 'item' | 'subitem' | 'bullet' | 'subbullet' | 'footnote' | 'appendix';
      marker: string;
      content: string;
    }
  | { kind: 'paragraph'; why?: { en: string; vi: string } };

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/; // I … XXXIX
const PART = /^([IVX]+)\s*[-.–—]\s*(\S.*)$/;
const ITEM = /^(\d{1,3})\.\s+(\S.*)$/;
const MULTI_LEVEL = /^\d{1,3}\.\d{1,3}\.?\s/;
const NUMBER_PAREN = /^\d{1,3}\)\s/;
const SUBITEM = /^([a-zđ])\)\s*(\S.*)$/u;
const BULLET = /^([-–—•])\s+(\S.*)$/;
const GLUED_DASH = /^-\p{L}/u;
const SUBBULLET = /^\+\s+(\S.*)$/;
const FOOTNOTE = /^\[(\d{1,3})\]\.?\s*(\S.*)$/;
const APPENDIX =
  /^(?:APPENDIX|ANNEX|PHỤ LỤC|Appendix|Annex|Phụ lục)(?:\s+(?:số\s+|No\.\s*)?(\d{1,3}|[IVX]+))?\s*(?:[:.\-–—]\s*(.*)|$)/u;
const SEPARATOR = /^(?:-{3,}|_{3,}|\*{1,3})$/;
// "Nơi nhận:" opens the recipients and signature block at the end of a Vietnamese document.
const CLOSING = /^(?:Nơi nhận|Recipients)\s*:/iu;

export function classifyLine(raw: string): LineClass {
  const line = raw.trim();
  if (line === '') return { kind: 'blank' };
  if (SEPARATOR.test(line)) return { kind: 'separator' };
  if (CLOSING.test(line)) return { kind: 'closing' };
  let m = PART.exec(line);
  if (m && ROMAN.test(m[1])) return { kind: 'part', marker: m[1], content: m[2] };
  if ((m = ITEM.exec(line))) return { kind: 'item', marker: m[1], content: m[2] };
  if ((m = SUBITEM.exec(line))) return { kind: 'subitem', marker: m[1], content: m[2] };
  if ((m = BULLET.exec(line))) return { kind: 'bullet', marker: m[1], content: m[2] };
  if ((m = SUBBULLET.exec(line))) return { kind: 'subbullet', marker: '+', content: m[1] };
  if ((m = FOOTNOTE.exec(line))) return { kind: 'footnote', marker: m[1], content: m[2] };
  if ((m = APPENDIX.exec(line))) return { kind: 'appendix', marker: m[1] ?? '', content: (m[2] ?? '').trim() };
  if (MULTI_LEVEL.test(line)) {
    return {
      kind: 'paragraph',
      why: {
        en: 'multi-level numbering such as "1.1." is not a level of the program tree',
        vi: 'đánh số nhiều cấp kiểu "1.1." không phải một cấp của cây chương trình',
      },
    };
  }
  if (NUMBER_PAREN.test(line)) {
    return { kind: 'paragraph', why: { en: 'numbered "1)" rather than "1."', vi: 'đánh số kiểu "1)" thay vì "1."' } };
  }
  if (GLUED_DASH.test(line)) {
    return {
      kind: 'paragraph',
      why: {
        en: 'starts with "-" but no space follows it, so it is not read as a bullet',
        vi: 'bắt đầu bằng "-" nhưng không có dấu cách sau đó nên không đọc là gạch đầu dòng',
      },
    };
  }
  return { kind: 'paragraph' };
}

/** Next letters allowed after `prev` in a lettered list: Vietnamese order (a b c d đ e g h i k …) or English. */
const VI_LETTERS = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');
export function letterFollows(prev: string | null, next: string): boolean {
  if (prev === null) return next === 'a';
  const vi = VI_LETTERS[VI_LETTERS.indexOf(prev) + 1];
  const en = prev === 'đ' ? 'e' : String.fromCharCode(prev.charCodeAt(0) + 1);
  return next === vi || next === en;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };
export function romanValue(roman: string): number {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = ROMAN_VALUES[roman[i]];
    total += i + 1 < roman.length && ROMAN_VALUES[roman[i + 1]] > v ? -v : v;
  }
  return total;
}
