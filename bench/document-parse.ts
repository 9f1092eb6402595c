// The program document parser on large and hostile documents: time per size
// and shape, and the ratio between a document and one twice its size (about 2
// for a linear parser, about 4 for a quadratic one). Target (issue 9): any
// 2,000,000-character document in under 2 s. Run: npx tsx bench/document-parse.ts [maxChars]
import { readFileSync } from 'node:fs';
import { parseProgramDocument } from '../src/program/parse/document.ts';

const read = (name: string) => readFileSync(new URL(`../data/program/${name}`, import.meta.url), 'utf8');

/** `unit(i)` repeated until the text holds `chars` characters. */
function grow(chars: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const s = unit(i);
    parts.push(s);
    n += s.length;
  }
  return parts.join('').slice(0, chars);
}

const en = read('action-program-2026-2030.en.txt');
const vi = read('sample-plan.vi.txt');

const SHAPES: Record<string, (chars: number) => string> = {
  // The real documents, one after another (many parts, items and bullets in realistic proportions).
  'real documents': (c) => grow(c, (i) => `${i % 2 ? vi : en}\n`),
  // One part, every line an item: each new item is compared with the previous item of the same parent.
  'one part, numbered items': (c) =>
    'I- NHIỆM VỤ\n' + grow(c, (i) => `${i + 1}. Xây dựng Đề án số ${i} hoàn thành trong quý IV/2026\n`),
  // One item, the same letter again and again: each repeat gets the next free path ("a-2", "a-3", …).
  'one item, repeated "a)"': (c) => 'I- A\n1. B\n' + grow(c, () => 'a) Ban hành Nghị định trước ngày 31/12/2026\n'),
  // Bullets and unmarked lines under one item.
  'bullets and paragraphs': (c) =>
    'I- A\n1. B\n' +
    grow(c, (i) => (i % 3 ? `- Hoàn thành báo cáo ${i} trong năm 2027\n` : `Đoạn văn không có ký hiệu ${i}\n`)),
  // One line with no newline: deadline phrases, producing verbs and labels all along it.
  'one 2M-character line': (c) =>
    '- ' +
    grow(c, (i) => `develop the law ${i} by 2030 before June 2027 (quý IV/2026) Thời hạn: năm 2028 xây dựng đề án `),
  // Impossible dates everywhere: each is listed as an error with its line.
  'impossible dates': (c) =>
    'I- A\n1. B\n' + grow(c, (i) => `- Hoàn thành trước ngày 31/02/2027 và trong tháng 13/2026 (${i})\n`),
};

const max = Number(process.argv[2] ?? 2_000_000);
const sizes = [max / 4, max / 2, max].map(Math.round);
console.log(`node ${process.version}; sizes ${sizes.join(', ')} characters; ms per parse (best of 2)`);
let worst = 0;
for (const [name, make] of Object.entries(SHAPES)) {
  const times: number[] = [];
  for (const size of sizes) {
    const text = make(size);
    let best = Infinity;
    for (let run = 0; run < 2; run++) {
      const t = performance.now();
      const r = parseProgramDocument(text);
      best = Math.min(best, performance.now() - t);
      if (run === 0 && r.tree.length === 0) throw new Error(`${name}: nothing parsed`);
    }
    times.push(best);
  }
  worst = Math.max(worst, times.at(-1)!);
  const ratio = times[2] / times[1];
  console.log(
    `${name.padEnd(28)} ${times.map((t) => `${Math.round(t)}`.padStart(7)).join(' ')}   ×${ratio.toFixed(2)} for twice the size`,
  );
}
console.log(`slowest ${max.toLocaleString('en')}-character document: ${Math.round(worst)} ms (target < 2000)`);
process.exitCode = worst < 2000 ? 0 : 1;
