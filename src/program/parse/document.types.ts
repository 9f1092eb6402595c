// What the program-document parser returns: the tree as written, the counts a
// person checks against the document, and every line it could not place.
import type { OutputKind, Period } from '../program.types.ts';

export type ParsedNodeKind = 'part' | 'item' | 'subitem' | 'bullet' | 'footnote' | 'appendix' | 'paragraph';

export interface ParsedNode {
  kind: ParsedNodeKind;
  /** The marker as written: 'II', '1', 'a', 'đ', '-', '+', '[1]' → '1', '' for a paragraph. */
  marker: string;
  /** Stable code from the markers: 'II', 'II.1', 'II.1.a', 'II.1.a.3'; a repeated marker gets '-2' ('II.1.d-2'). */
  path: string;
  /** The line without its marker. */
  title: string;
  /** The whole line exactly as in the source. */
  text: string;
  /** 1-based line number in the source. */
  line: number;
  children: ParsedNode[];
  /** The deadline the text names, when confident; `text` holds the phrase it came from. */
  deadline?: Period & { text: string };
  /** The lead agency as written ("Bộ Nội vụ chủ trì" → "Bộ Nội vụ"), when the text names one. */
  leadAgencyText?: string;
  /** Expected outputs guessed from words ("Đề án", "Resolution", "Law"…): a guess to confirm, not a fact. */
  outputs?: OutputKind[];
  /** Footnote markers referred to in the text ("[1]" → '1'). */
  footnoteRefs?: string[];
}

export interface ParseCounts {
  parts: number;
  items: number;
  subitems: number;
  bullets: number;
  footnotes: number;
  appendices: number;
  paragraphs: number;
}

export interface UnrecognisedLine {
  line: number;
  text: string;
  reason: string;
  reasonVi: string;
}

/** Things worth a look that did not stop the parse (a repeated letter, a gap in numbering, two bullets on one line). */
export interface ParseNote {
  line: number;
  note: string;
  noteVi: string;
}

/**
 * A mistake that stops the import: today a date that does not exist ("31/02/2027",
 * "tháng 13/2026"). `phrase` is the date as written; `error`/`errorVi` say why and what to do.
 */
export interface ParseError {
  line: number;
  text: string;
  phrase: string;
  error: string;
  errorVi: string;
}

export interface ParseResult {
  lang: 'en' | 'vi';
  tree: ParsedNode[];
  counts: ParseCounts;
  /** Empty when the document can be imported. */
  errors: ParseError[];
  unrecognised: UnrecognisedLine[];
  notes: ParseNote[];
}
