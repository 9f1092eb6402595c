import { describe, it, expect } from 'vitest';
import { parseCsv } from './csv.ts';

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

  it('reports an unclosed quote at its line instead of throwing, keeping the records before it', () => {
    const { records, problems } = parseCsv('a,b\n1,"open\n2,3');
    expect(problems).toEqual([
      {
        line: 2,
        message: expect.stringContaining('never closed'),
        messageVi: expect.stringContaining('không bao giờ đóng'),
      },
    ]);
    expect(records).toEqual([{ line: 1, cells: ['a', 'b'] }]);
    expect(parseCsv('a,b\n"x\ny",1\n\n\n3,"open').problems[0].line).toBe(6);
  });

  it('handles a last line without newline, CR line ends and an empty file', () => {
    expect(parseCsv('x,y').records).toEqual([{ line: 1, cells: ['x', 'y'] }]);
    expect(parseCsv('x\ry\r\nz').records.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(parseCsv('').records).toEqual([]);
  });

  it('reads a Buffer as UTF-8', () => {
    expect(parseCsv(Buffer.from('mã,tên\n00004,Phường Trúc Bạch\n')).records[1].cells).toEqual([
      '00004',
      'Phường Trúc Bạch',
    ]);
  });

  it('stops at the record and column limits, saying where and how many', () => {
    const many = parseCsv('h\n' + '1\n'.repeat(1_000_000), { maxRecords: 1000 });
    expect(many.records).toHaveLength(1000);
    expect(many.overLimit).toEqual({ limit: 'records', line: 1001, figure: 1001 });
    const wide = parseCsv(`a,b\n${'x,'.repeat(500)}x\n`, { maxColumns: 20 });
    expect(wide.overLimit).toEqual({ limit: 'columns', line: 2, figure: 501 });
    expect(parseCsv(`a\n"${'x'.repeat(5000)}"\n`, { maxRecordChars: 1000 }).problems[0]).toMatchObject({ line: 2 });
  });
});

describe('parseCsv line of an unclosed quote', () => {
  it.each([
    ['a,b\n1,"open\n', 2],
    ['a,b\n1,"open\r\nmore\r\n', 2],
    ['"open', 1],
    ['a\n\n\n"x', 4],
  ])('%j → line %i', (text, line) => {
    expect(parseCsv(text).problems[0]?.line).toBe(line);
  });
});
