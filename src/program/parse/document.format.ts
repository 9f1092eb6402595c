// The import preview as text: the recognised tree (indented), counts per level,
// the lines the parser could not place and its notes. Pure: returns lines.
import type { ParsedNode, ParseResult } from './document.types.ts';

const KIND_LABEL: Record<ParsedNode['kind'], string> = {
  part: 'phần/part',
  item: 'mục/item',
  subitem: 'điểm/subitem',
  bullet: 'ý/bullet',
  footnote: 'chú thích/footnote',
  appendix: 'phụ lục/appendix',
  paragraph: 'đoạn/paragraph',
};

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function nodeLine(n: ParsedNode, depth: number, width: number): string {
  const extras = [
    n.deadline && `hạn/due: "${n.deadline.text}" ${n.deadline.kind} ${n.deadline.start}…${n.deadline.end}`,
    n.leadAgencyText && `chủ trì/lead: ${n.leadAgencyText}`,
    n.outputs && `sản phẩm/outputs: ${n.outputs.join(', ')}`,
  ].filter(Boolean);
  const head = `${'  '.repeat(depth)}${n.path}  [${KIND_LABEL[n.kind]}, dòng/line ${n.line}]  ${clip(n.title, width)}`;
  return extras.length > 0 ? `${head}  {${extras.join('; ')}}` : head;
}

export function formatPreview(result: ParseResult, width = 90): string[] {
  const out: string[] = [];
  const walk = (nodes: ParsedNode[], depth: number) => {
    for (const n of nodes) {
      out.push(nodeLine(n, depth, width));
      walk(n.children, depth + 1);
    }
  };
  out.push(`Cây nhận diện được / recognised tree (ngôn ngữ/language: ${result.lang}):`);
  walk(result.tree, 1);
  const c = result.counts;
  out.push(
    '',
    'Số lượng theo cấp / counts per level:',
    `  phần/parts ${c.parts}, mục/items ${c.items}, điểm/subitems ${c.subitems}, ý/bullets ${c.bullets}, ` +
      `chú thích/footnotes ${c.footnotes}, phụ lục/appendices ${c.appendices}, đoạn/paragraphs ${c.paragraphs}`,
  );
  if (result.errors.length > 0) {
    out.push('', `LỖI, chưa nhập được / ERRORS, cannot be imported: ${result.errors.length}`);
    for (const e of result.errors) out.push(`  dòng/line ${e.line}: ${e.errorVi}`, `    ${e.error}`);
  }
  out.push('', `Dòng không nhận diện được / unrecognised lines: ${result.unrecognised.length}`);
  for (const u of result.unrecognised)
    out.push(`  dòng/line ${u.line}: ${clip(u.text.trim(), width)}`, `    ${u.reasonVi}`, `    ${u.reason}`);
  if (result.notes.length > 0) {
    out.push('', `Ghi chú / notes: ${result.notes.length}`);
    for (const n of result.notes) out.push(`  dòng/line ${n.line}: ${n.noteVi}`, `    ${n.note}`);
  }
  return out;
}
