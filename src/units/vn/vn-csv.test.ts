import { describe, it, expect } from 'vitest';
import { parseCsv } from './vn-csv.ts';

describe('parseCsv', () => {
  it('drops the BOM, reads quoted cells spanning lines and keeps start lines', () => {
    const text = '\uFEFFa,b,c\r\n1,"two\nlines",3\r\n4,"say ""hi""",6\n\n7,,\n';
    const { records, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'two\nlines', '3'] },
      { line: 4, cells: ['4', 'say "hi"', '6'] },
      { line: 6, cells: ['7', '', ''] },
    ]);
  });

  it('reports an unclosed quote instead of throwing', () => {
    const { records, problems } = parseCsv('a,b\n1,"open\n2,3');
    expect(problems).toEqual([{ line: 2, message: expect.stringContaining('never closed') }]);
    expect(records[1].cells).toEqual(['1', 'open\n2,3']);
  });

  it('handles a last line without newline and an empty file', () => {
    expect(parseCsv('x,y').records).toEqual([{ line: 1, cells: ['x', 'y'] }]);
    expect(parseCsv('').records).toEqual([]);
  });
});
