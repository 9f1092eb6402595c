// The parser on the real 2026–2030 Action Program (English translation) and on
// a Vietnamese sample: the tree's shape and counts, text kept exactly, every
// unplaced line listed. Expected numbers were counted with grep/awk on the file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProgramDocument } from './document.ts';
import type { ParsedNode } from './document.types.ts';

const read = (name: string) => readFileSync(new URL(`../../../data/program/${name}`, import.meta.url), 'utf8');
const flatten = (nodes: ParsedNode[]): ParsedNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const byPath = (nodes: ParsedNode[]) => new Map(flatten(nodes).map((n) => [n.path, n]));
const childPaths = (n: ParsedNode | undefined, kind: ParsedNode['kind']) =>
  n?.children.filter((c) => c.kind === kind).map((c) => c.path);

describe('the 2026–2030 Action Program (English)', () => {
  const source = read('action-program-2026-2030.en.txt');
  const lines = source.split('\n');
  const result = parseProgramDocument(source);
  const nodes = byPath(result.tree);

  it('counts every level exactly', () => {
    expect(lines.length).toBe(267);
    expect(result.lang).toBe('en');
    expect(result.counts).toEqual({
      parts: 3,
      items: 22,
      subitems: 27,
      bullets: 207,
      footnotes: 1,
      appendices: 3,
      paragraphs: 2,
    });
  });

  it('has the three parts, the footnote and the three appendices at the top, in order', () => {
    expect(result.tree.map((n) => `${n.kind}:${n.path}:${n.line}`)).toEqual([
      'part:I:1',
      'part:II:5',
      'part:III:256',
      'footnote:fn1:263',
      'appendix:app1:265',
      'appendix:app2:266',
      'appendix:app3:267',
    ]);
    expect(nodes.get('II')!.title).toBe('MAIN TASKS');
    expect(nodes.get('app2')).toMatchObject({
      marker: '2',
      title: 'GDP AND GRDP GROWTH TARGETS FOR THE PERIOD OF 2026 - 2030',
    });
  });

  it('numbers the items of each part from 1', () => {
    expect(childPaths(nodes.get('I'), 'item')).toEqual(['I.1', 'I.2', 'I.3']);
    expect(childPaths(nodes.get('II'), 'item')).toEqual(Array.from({ length: 14 }, (_, i) => `II.${i + 1}`));
    expect(childPaths(nodes.get('III'), 'item')).toEqual(['III.1', 'III.2', 'III.3', 'III.4', 'III.5']);
  });

  it('keeps repeated letters as in the source, each with its own path', () => {
    const letters = (path: string) =>
      nodes
        .get(path)!
        .children.filter((c) => c.kind === 'subitem')
        .map((c) => `${c.marker}=${c.path}`);
    expect(letters('II.1')).toEqual(['a=II.1.a', 'b=II.1.b', 'c=II.1.c', 'd=II.1.d', 'd=II.1.d-2', 'e=II.1.e']);
    expect(letters('II.2')).toEqual(['a=II.2.a', 'b=II.2.b']);
    expect(
      letters('II.12')
        .map((l) => l.split('=')[0])
        .join(''),
    ).toBe('abcddeghik');
    expect(letters('II.13').map((l) => l.split('=')[1])).toEqual([
      'II.13.a',
      'II.13.b',
      'II.13.c',
      'II.13.d',
      'II.13.d-2',
      'II.13.e',
    ]);
    expect(letters('II.14')).toEqual(['a=II.14.a', 'b=II.14.b', 'c=II.14.c']);
    expect(nodes.get('II.1.d-2')).toMatchObject({
      line: 37,
      title: 'Institutions for resource management, environmental protection, climate change adaptation',
    });
  });

  it('puts every bullet under its lettered or numbered item (counted with awk)', () => {
    const expected: Record<string, number> = {
      'II.1.a': 9,
      'II.1.b': 13,
      'II.1.c': 2,
      'II.1.d': 2,
      'II.1.d-2': 3,
      'II.1.e': 3,
      'II.2.a': 4,
      'II.2.b': 17,
      'II.3': 5,
      'II.4': 11,
      'II.5': 2,
      'II.6': 10,
      'II.7': 12,
      'II.8': 8,
      'II.9': 7,
      'II.10': 5,
      'II.11': 7,
      'II.12.a': 3,
      'II.12.b': 5,
      'II.12.c': 7,
      'II.12.d': 3,
      'II.12.d-2': 4,
      'II.12.e': 6,
      'II.12.g': 5,
      'II.12.h': 7,
      'II.12.i': 5,
      'II.12.k': 3,
      'II.13.a': 4,
      'II.13.b': 5,
      'II.13.c': 4,
      'II.13.d': 5,
      'II.13.d-2': 7,
      'II.13.e': 5,
      'II.14.a': 3,
      'II.14.b': 3,
      'II.14.c': 3,
    };
    const actual: Record<string, number> = {};
    for (const n of flatten(result.tree)) {
      const bullets = n.children.filter((c) => c.kind === 'bullet').length;
      if (bullets > 0) actual[n.path] = bullets;
    }
    expect(actual).toEqual(expected);
    expect(nodes.get('II.1.a.3')).toMatchObject({ kind: 'bullet', marker: '-', line: 10 });
    expect(nodes.get('II.1.a.3')!.title).toMatch(/^Establish and effectively operate a two-way information system/);
  });

  it('keeps every line, in order, with its text unchanged', () => {
    const all = flatten(result.tree);
    expect(all.map((n) => n.line)).toEqual([...all.map((n) => n.line)].sort((a, b) => a - b));
    const kept = new Map(all.map((n) => [n.line, n.text]));
    lines.forEach((text, i) => {
      if (text === '---') expect(kept.has(i + 1)).toBe(false);
      else expect(kept.get(i + 1)).toBe(text);
    });
    expect(all.length).toBe(lines.length - 2);
  });

  it('lists the two lines without a marker, with where they were kept', () => {
    expect(result.unrecognised.map((u) => [u.line, u.reason])).toEqual([
      [204, 'no marker (I-, 1., a), -, +, [1], Appendix); kept as a paragraph under II.12'],
      [255, 'no marker (I-, 1., a), -, +, [1], Appendix); kept as a paragraph under II.14'],
    ]);
    expect(nodes.get('II.12.p1')!.text).toBe('(There is a list of accompanying projects and tasks).');
  });

  it('notes the repeated "d)" (đ in Vietnamese) and the line holding two bullets', () => {
    expect(result.notes.map((n) => n.line)).toEqual([37, 95, 168, 228]);
    expect(result.notes[0].note).toContain("'đ)'");
    expect(result.notes[1].note).toContain('kept as one bullet');
  });

  it('reads a deadline only where the text names one', () => {
    const withDeadline = flatten(result.tree)
      .filter((n) => n.deadline)
      .map((n) => [n.path, n.deadline!.text, n.deadline!.kind, n.deadline!.end]);
    expect(withDeadline).toEqual([
      ['II.1.b.3', 'by 2030', 'year', '2030-12-31'],
      ['II.2.b.8', 'by 2030', 'year', '2030-12-31'],
      ['II.2.b.15', 'by 2030', 'year', '2030-12-31'],
      ['II.4.2', 'by 2030', 'year', '2030-12-31'],
      ['II.14.c.1', 'before 2030', 'year', '2030-12-31'],
    ]);
  });

  it('names the lead agency where the text says who presides', () => {
    const leads = flatten(result.tree)
      .filter((n) => n.leadAgencyText)
      .map((n) => [n.path, n.leadAgencyText]);
    expect(leads).toEqual([['III.4', 'Central Party Office']]);
  });

  it('guesses outputs from what a task produces, not from the documents it cites', () => {
    const outputs = (path: string) => nodes.get(path)!.outputs;
    expect(outputs('II.1.a.2')).toEqual(['resolution']);
    expect(outputs('II.2.a.3')).toEqual(['project']);
    expect(outputs('II.2.b.1')).toEqual(['plan']);
    expect(outputs('II.2.b.4')).toEqual(['program']);
    expect(outputs('II.11.3')).toEqual(['system']); // "National Law Portal" is a portal
    expect(outputs('II.11.6')).toEqual(['law']);
    expect(outputs('II.12.c.2')).toEqual(['regulation']);
    expect(outputs('II.13.a.1')).toEqual(['law']);
    expect(outputs('II.5.1')).toBeUndefined(); // implements Plan No. 01-KH/BCDTW
    expect(outputs('II.11.1')).toBeUndefined(); // implements Resolution No. 140/NQ-CP
    expect(outputs('II.11.2')).toBeUndefined(); // "rule-of-law" is no law
    expect(nodes.get('II.4.10')!.footnoteRefs).toEqual(['1']);
  });
});

describe('a Vietnamese plan', () => {
  const result = parseProgramDocument(read('sample-plan.vi.txt'));
  const nodes = byPath(result.tree);

  it('counts every level and detects the language', () => {
    expect(result.lang).toBe('vi');
    expect(result.counts).toEqual({
      parts: 3,
      items: 8,
      subitems: 8,
      bullets: 6,
      footnotes: 1,
      appendices: 1,
      paragraphs: 20,
    });
    expect(result.notes).toEqual([]);
  });

  it('reads "đ)" as the letter after d, and "+" as a sub-bullet', () => {
    expect(childPaths(nodes.get('II.1'), 'subitem')).toEqual([
      'II.1.a',
      'II.1.b',
      'II.1.c',
      'II.1.d',
      'II.1.đ',
      'II.1.e',
    ]);
    expect(childPaths(nodes.get('II.2.a.2'), 'bullet')).toEqual(['II.2.a.2.1', 'II.2.a.2.2']);
    expect(nodes.get('II.2.a.2.1')).toMatchObject({ marker: '+', line: 28 });
  });

  it('reads deadlines, lead agencies and outputs from the Vietnamese wording', () => {
    const facts = (path: string) => {
      const n = nodes.get(path)!;
      return [
        n.deadline && `${n.deadline.kind} ${n.deadline.start}..${n.deadline.end}`,
        n.leadAgencyText,
        n.outputs?.join(','),
      ];
    };
    expect(facts('II.1.a')).toEqual(['quarter 2026-10-01..2026-12-31', 'Sở Tư pháp', 'regulation']);
    expect(facts('II.1.b')).toEqual(['date 2026-06-01..2026-06-01', 'Sở Nội vụ', 'scheme']);
    expect(facts('II.1.c')).toEqual(['month 2026-06-01..2026-06-30', 'Văn phòng Ủy ban nhân dân tỉnh', 'regulation']);
    expect(facts('II.1.d')).toEqual(['half 2027-01-01..2027-06-30', 'Sở Tài chính', 'resolution']);
    expect(facts('II.1.đ')).toEqual(['quarter 2026-07-01..2026-09-30', 'Sở Nông nghiệp và Môi trường', 'report']);
    expect(facts('II.1.e')).toEqual([undefined, 'Sở Nội vụ', 'decree']);
    expect(facts('II.2.a.1')).toEqual(['month 2026-03-01..2026-03-31', undefined, 'plan']);
    expect(facts('II.2.a.2')).toEqual(['year 2027-01-01..2027-12-31', undefined, 'system']);
    expect(facts('II.2.a.2.2')).toEqual(['half 2027-07-01..2027-12-31', undefined, undefined]);
    expect(facts('II.2.b')).toEqual([undefined, 'Ủy ban nhân dân các xã, phường, đặc khu', undefined]);
    expect(facts('II.3.1')).toEqual(['quarter 2027-04-01..2027-06-30', 'Sở Tài chính', 'scheme']);
    expect(facts('II.3.2')).toEqual([undefined, 'Sở Xây dựng', 'plan']);
    expect(facts('III.1')).toEqual([undefined, undefined, undefined]);
  });

  it('lists the letterhead, the recipients block and the appendix note as unrecognised', () => {
    expect(result.unrecognised.map((u) => u.line)).toEqual([
      1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 38, 39, 40, 41, 42, 43, 44, 45, 50,
    ]);
    expect(result.unrecognised[0].reason).toContain('before the first heading');
    expect(result.unrecognised[11]).toMatchObject({
      text: '- Văn phòng Chính phủ;',
      reason: 'in the recipients and signature block (p11)',
    });
    expect(nodes.get('appI')).toMatchObject({
      kind: 'appendix',
      marker: 'I',
      title: 'DANH MỤC ĐỀ ÁN, NHIỆM VỤ TRỌNG TÂM GIAI ĐOẠN 2026 - 2030',
    });
  });
});

describe('lines that look like markers but are not', () => {
  const text = [
    'II. NHIỆM VỤ',
    'Mô tả chung của phần.',
    '1. Nhiệm vụ một',
    '-thiếu dấu cách',
    '1.1. Đánh số nhiều cấp',
    '3. Nhảy số',
    'a) Một',
    'c) Ba',
  ].join('\r\n');
  const result = parseProgramDocument(text, { lang: 'vi' });

  it('gives each its reason and keeps it as a paragraph', () => {
    expect(result.unrecognised.map((u) => [u.line, u.text])).toEqual([
      [2, 'Mô tả chung của phần.'],
      [4, '-thiếu dấu cách'],
      [5, '1.1. Đánh số nhiều cấp'],
    ]);
    expect(result.unrecognised[0].reason).toContain('under II');
    expect(result.unrecognised[1].reason).toContain('no space follows');
    expect(result.unrecognised[2].reason).toContain('multi-level numbering');
    expect(result.tree[0].children.map((c) => c.path)).toEqual(['II.p1', 'II.1', 'II.3']);
  });

  it('notes gaps in numbering and lettering', () => {
    expect(result.notes.map((n) => [n.line, n.note])).toEqual([
      [1, 'part II does not follow the start'],
      [6, 'item 3. follows 1.'],
      [8, '"c)" follows "a)" under II.3'],
    ]);
  });
});
