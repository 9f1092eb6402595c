// Program document (plain text, English or Vietnamese) → the section/task tree,
// in source order, every line's text kept exactly. Lines without a marker are
// kept as paragraphs AND listed in `unrecognised` with the reason, so a preview
// shows everything the parser did not understand before anything is saved.
import { todayIso } from '../../platform/errors.ts';
import { tooLarge } from '../../platform/upload/limits.ts';
import { runOffLoop } from '../../platform/upload/pool.ts';
import { findDeadlineInText, type Lang } from './deadline.find.ts';
import { findLeadAgency, guessOutputs } from './document.hints.ts';
import { classifyLine, letterFollows, romanValue } from './document.lines.ts';
import { impossibleDateMessage, impossibleDates } from './date.check.ts';
import type {
  ParsedNode,
  ParsedNodeKind,
  ParseError,
  ParseNote,
  ParseResult,
  UnrecognisedLine,
} from './document.types.ts';

export type { ParsedNode, ParseError, ParseResult } from './document.types.ts';

const FIX_IN_TEXT = {
  vi: 'Không lấy làm thời hạn; hãy sửa trong văn bản rồi xem trước lại.',
  en: 'It was not taken as a deadline; correct it in the text and preview again.',
};

/** Impossible dates anywhere in a line (a deadline, a cited date, a signature date): each an error with its line. */
function dateErrors(raw: string, line: number): ParseError[] {
  return impossibleDates(raw).map((d) => {
    const m = impossibleDateMessage(d, FIX_IN_TEXT);
    return { line, text: raw, phrase: d.phrase, error: m.en, errorVi: m.vi };
  });
}

const VI_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;

/** 'vi' when Vietnamese letters make up more than 1% of the letters. */
export function detectLang(text: string): Lang {
  // Counted by what a replace removes: no array of one-letter strings for a 2M-character document.
  const letters = text.length - text.replace(/\p{L}/gu, '').length;
  const vi = text.length - text.replace(VI_LETTERS, '').length;
  return letters > 0 && vi / letters > 0.01 ? 'vi' : 'en';
}

const TASK_KINDS: ParsedNodeKind[] = ['item', 'subitem', 'bullet'];

interface Held {
  lastItem: ParsedNode | null;
  lastSubitem: ParsedNode | null;
  bullets: number;
  paragraphs: number;
}

class TreeBuilder {
  readonly tree: ParsedNode[] = [];
  readonly unrecognised: UnrecognisedLine[] = [];
  readonly notes: ParseNote[] = [];
  private part: ParsedNode | null = null;
  private item: ParsedNode | null = null;
  private subitem: ParsedNode | null = null;
  private bullet: ParsedNode | null = null;
  private appendix: ParsedNode | null = null;
  private last: ParsedNode | null = null;
  private closing: ParsedNode | null = null;
  private readonly paths = new Set<string>();
  /** Next free "-n" suffix per path, so a marker repeated k times costs k steps, not k²/2. */
  private readonly nextSuffix = new Map<string, number>();
  /** What each container (null = the top) already holds, kept as nodes are added instead of re-scanned. */
  private readonly held = new Map<ParsedNode | null, Held>();
  private lastPart: ParsedNode | null = null;
  private appendices = 0;

  /** "From now until …" is read from today: once per document, not once per phrase. */
  private readonly referenceDate = todayIso();

  constructor(private readonly lang: Lang) {}

  private node(
    kind: ParsedNodeKind,
    marker: string,
    title: string,
    text: string,
    line: number,
    parent: ParsedNode | null,
    code: string,
  ): ParsedNode {
    const base = parent ? `${parent.path}.${code}` : code;
    let path = base;
    if (this.paths.has(path)) {
      let n = this.nextSuffix.get(base) ?? 2;
      while (this.paths.has(`${base}-${n}`)) n++;
      path = `${base}-${n}`;
      this.nextSuffix.set(base, n + 1);
    }
    this.paths.add(path);
    const node: ParsedNode = { kind, marker, path, title, text, line, children: [] };
    if (TASK_KINDS.includes(kind)) this.addHints(node, title);
    const refs = kind === 'footnote' ? [] : [...text.matchAll(/\[(\d{1,3})\]/g)].map((m) => m[1]);
    if (refs.length > 0) node.footnoteRefs = refs;
    (parent ? parent.children : this.tree).push(node);
    const held = this.holding(parent);
    if (kind === 'item') held.lastItem = node;
    else if (kind === 'subitem') held.lastSubitem = node;
    else if (kind === 'bullet') held.bullets++;
    else if (kind === 'paragraph') held.paragraphs++;
    this.last = node;
    return node;
  }

  private holding(parent: ParsedNode | null): Held {
    let held = this.held.get(parent);
    if (!held) this.held.set(parent, (held = { lastItem: null, lastSubitem: null, bullets: 0, paragraphs: 0 }));
    return held;
  }

  private addHints(node: ParsedNode, title: string) {
    const deadline = findDeadlineInText(title, { lang: this.lang, referenceDate: this.referenceDate });
    if (deadline) node.deadline = deadline as ParsedNode['deadline'];
    const lead = findLeadAgency(title);
    if (lead) node.leadAgencyText = lead;
    const outputs = guessOutputs(title);
    if (outputs.length > 0) node.outputs = outputs;
  }

  private note(line: number, en: string, vi: string) {
    this.notes.push({ line, note: en, noteVi: vi });
  }

  addPart(marker: string, content: string, text: string, line: number) {
    const prev = this.lastPart;
    if (romanValue(marker) !== (prev ? romanValue(prev.marker) + 1 : 1)) {
      this.note(
        line,
        `part ${marker} does not follow ${prev?.marker ?? 'the start'}`,
        `phần ${marker} không nối tiếp ${prev?.marker ?? 'phần đầu'}`,
      );
    }
    this.part = this.lastPart = this.node('part', marker, content, text, line, null, marker);
    this.item = this.subitem = this.bullet = this.appendix = null;
  }

  addItem(marker: string, content: string, text: string, line: number) {
    const parent = this.appendix ?? this.part;
    const prev = this.holding(parent).lastItem;
    if (Number(marker) !== (prev ? Number(prev.marker) + 1 : 1)) {
      this.note(
        line,
        `item ${marker}. follows ${prev ? `${prev.marker}.` : 'no item'}`,
        `mục ${marker}. đứng sau ${prev ? `${prev.marker}.` : 'không mục nào'}`,
      );
    }
    this.item = this.node('item', marker, content, text, line, parent, marker);
    this.subitem = this.bullet = null;
  }

  addSubitem(marker: string, content: string, text: string, line: number) {
    const parent = this.item ?? this.appendix ?? this.part;
    const prev = this.holding(parent).lastSubitem;
    const where = parent?.path ?? 'the top';
    if (prev?.marker === marker) {
      const why = marker === 'd' ? "; in the Vietnamese alphabet this place is 'đ)', probably lost in translation" : '';
      this.note(
        line,
        `second "${marker})" under ${where}: kept as a separate item${why}`,
        `"${marker})" lặp lại trong ${where}: giữ thành mục riêng${marker === 'd' ? '; theo bảng chữ cái tiếng Việt vị trí này là "đ)"' : ''}`,
      );
    } else if (!letterFollows(prev?.marker ?? null, marker)) {
      this.note(
        line,
        `"${marker})" follows ${prev ? `"${prev.marker})"` : 'no letter'} under ${where}`,
        `"${marker})" đứng sau ${prev ? `"${prev.marker})"` : 'không mục chữ nào'} trong ${where}`,
      );
    }
    this.subitem = this.node('subitem', marker, content, text, line, parent, marker);
    this.bullet = null;
  }

  addBullet(marker: string, content: string, text: string, line: number, sub: boolean) {
    const parent = (sub ? this.bullet : null) ?? this.subitem ?? this.item ?? this.appendix ?? this.part;
    const index = this.holding(parent).bullets + 1;
    const node = this.node('bullet', marker, content, text, line, parent, String(index));
    if (!sub) this.bullet = node;
    if (/[.;:!?…]\s*-\s+\p{Lu}/u.test(content)) {
      this.note(
        line,
        'another "- " bullet starts inside this line; kept as one bullet, as written',
        'trong dòng này có một gạch đầu dòng "- " khác; giữ nguyên thành một dòng như văn bản',
      );
    }
  }

  addFootnote(marker: string, content: string, text: string, line: number) {
    this.node('footnote', marker, content, text, line, null, `fn${marker}`);
  }

  addAppendix(marker: string, content: string, text: string, line: number) {
    const index = ++this.appendices;
    this.appendix = this.node('appendix', marker, content, text, line, null, `app${marker || index}`);
    this.part = this.item = this.subitem = this.bullet = null;
  }

  /** "Nơi nhận:" and what follows until an appendix or footnote: recipients and signatures, not tasks. */
  addClosing(text: string, line: number) {
    const index = this.holding(null).paragraphs + 1;
    this.closing = this.node('paragraph', '', text.trim(), text, line, null, `p${index}`);
    this.part = this.item = this.subitem = this.bullet = this.appendix = null;
    this.unrecognised.push({
      line,
      text,
      reason: 'recipients block ("Nơi nhận:"): not part of the program',
      reasonVi: 'khối nơi nhận: không thuộc nội dung chương trình',
    });
  }

  inClosing(kind: string): boolean {
    if (kind === 'appendix' || kind === 'footnote') this.closing = null;
    return this.closing !== null;
  }

  addClosingLine(text: string, line: number) {
    const parent = this.closing!;
    this.node('paragraph', '', text.trim(), text, line, parent, `p${parent.children.length + 1}`);
    this.unrecognised.push({
      line,
      text,
      reason: `in the recipients and signature block (${parent.path})`,
      reasonVi: `thuộc khối nơi nhận và chữ ký (${parent.path})`,
    });
  }

  addParagraph(text: string, line: number, why?: { en: string; vi: string }) {
    const last = this.last;
    // An appendix heading alone on its line ("Phụ lục I") takes its title from the next line.
    if (!why && last?.kind === 'appendix' && last.title === '' && last.children.length === 0) {
      last.title = text.trim();
      this.node('paragraph', '', text.trim(), text, line, last, 'p1');
      this.last = last;
      return;
    }
    // A line right after a heading or footnote continues it; after a bullet it closes the list.
    const parent =
      last && last.kind !== 'bullet' && last.kind !== 'paragraph' ? last : (this.item ?? this.appendix ?? this.part);
    const index = this.holding(parent).paragraphs + 1;
    const node = this.node('paragraph', '', text.trim(), text, line, parent, `p${index}`);
    this.last = parent?.kind === 'footnote' ? parent : node;
    const where = parent ? `under ${parent.path}` : 'before the first heading';
    const whereVi = parent ? `trong ${parent.path}` : 'trước đề mục đầu tiên';
    this.unrecognised.push({
      line,
      text,
      reason: `${why?.en ?? 'no marker (I-, 1., a), -, +, [1], Appendix)'}; kept as a paragraph ${where}`,
      reasonVi: `${why?.vi ?? 'không có ký hiệu đầu dòng (I-, 1., a), -, +, [1], Phụ lục)'}; giữ thành đoạn văn ${whereVi}`,
    });
  }
}

function count(nodes: ParsedNode[], kind: ParsedNodeKind): number {
  return nodes.reduce((n, node) => n + (node.kind === kind ? 1 : 0) + count(node.children, kind), 0);
}

export function parseProgramDocument(text: string, options: { lang?: Lang | 'auto' } = {}): ParseResult {
  const lang = !options.lang || options.lang === 'auto' ? detectLang(text) : options.lang;
  const b = new TreeBuilder(lang);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: ParseError[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    const c = classifyLine(raw);
    if (c.kind !== 'blank') errors.push(...dateErrors(raw, line));
    if (c.kind !== 'blank' && c.kind !== 'separator' && b.inClosing(c.kind)) return b.addClosingLine(raw, line);
    switch (c.kind) {
      case 'blank':
      case 'separator':
        return;
      case 'closing':
        return b.addClosing(raw, line);
      case 'paragraph':
        return b.addParagraph(raw, line, c.why);
      case 'part':
        return b.addPart(c.marker, c.content, raw, line);
      case 'item':
        return b.addItem(c.marker, c.content, raw, line);
      case 'subitem':
        return b.addSubitem(c.marker, c.content, raw, line);
      case 'bullet':
        return b.addBullet(c.marker, c.content, raw, line, false);
      case 'subbullet':
        return b.addBullet(c.marker, c.content, raw, line, true);
      case 'footnote':
        return b.addFootnote(c.marker, c.content, raw, line);
      case 'appendix':
        return b.addAppendix(c.marker, c.content, raw, line);
    }
  });
  const t = b.tree;
  return {
    lang,
    tree: t,
    counts: {
      parts: count(t, 'part'),
      items: count(t, 'item'),
      subitems: count(t, 'subitem'),
      bullets: count(t, 'bullet'),
      footnotes: count(t, 'footnote'),
      appendices: count(t, 'appendix'),
      paragraphs: count(t, 'paragraph'),
    },
    errors,
    unrecognised: b.unrecognised,
    notes: b.notes,
  };
}

/** The most characters a document sent to the server may hold (the real 2026–2030 program: ~90,000). */
export const DOCUMENT_MAX_CHARS = 2_000_000;

/**
 * The parse of a document sent to the server: refused over DOCUMENT_MAX_CHARS,
 * run in a worker thread so the event loop keeps answering others meanwhile.
 */
export function parseProgramDocumentOffLoop(
  text: string,
  options: { lang?: Lang | 'auto' } = {},
): Promise<ParseResult> {
  if (text.length > DOCUMENT_MAX_CHARS)
    return Promise.reject(tooLarge({ limit: 'characters', max: DOCUMENT_MAX_CHARS, figure: text.length }));
  return runOffLoop<ParseResult>(new URL(import.meta.url), 'parseProgramDocument', [text, options]);
}

/**
 * The parse as UTF-8 JSON, for a preview: a 2M-character document's tree is
 * ~13 MB of JSON, so it is written in the worker too and moved out as bytes.
 */
export function parseProgramDocumentJson(text: string, options: { lang?: Lang | 'auto' } = {}): Buffer {
  return Buffer.from(JSON.stringify(parseProgramDocument(text, options)));
}

export function previewJsonOffLoop(text: string, options: { lang?: Lang | 'auto' } = {}): Promise<Buffer> {
  if (text.length > DOCUMENT_MAX_CHARS)
    return Promise.reject(tooLarge({ limit: 'characters', max: DOCUMENT_MAX_CHARS, figure: text.length }));
  return runOffLoop<Buffer>(new URL(import.meta.url), 'parseProgramDocumentJson', [text, options]);
}
