// Impossible dates are errors with their line in the document preview (issue 15):
// before, "trước ngày 31/02/2027" or "tháng 13/2026" simply gave the task no deadline.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { impossibleDates } from './date.check.ts';
import { parseProgramDocument } from './document.ts';
import type { ParsedNode } from './document.types.ts';

const read = (name: string) => readFileSync(new URL(`../../../data/program/${name}`, import.meta.url), 'utf8');
const flatten = (nodes: ParsedNode[]): ParsedNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe('impossible dates in a program document', () => {
  const text = [
    'I- NHIỆM VỤ',
    '1. Cải cách thể chế',
    'a) Ban hành Nghị định trước ngày 31/02/2027.',
    'b) Hoàn thành báo cáo trong tháng 13/2026.',
    'c) Trình Đề án trong quý IV/2026.',
    '- Xây dựng kế hoạch trong quý V/2026; tổng kết ngày 31 tháng 4 năm 2027.',
  ].join('\n');
  const result = parseProgramDocument(text);

  it('lists each with its line and the date as written, Vietnamese first', () => {
    expect(result.errors.map((e) => [e.line, e.phrase])).toEqual([
      [3, '31/02/2027'],
      [4, 'tháng 13/2026'],
      [6, 'quý V/2026'],
      [6, 'ngày 31 tháng 4 năm 2027'],
    ]);
    expect(result.errors[0].errorVi).toBe(
      '"31/02/2027" không phải ngày có thật: tháng 2 năm 2027 chỉ có 28 ngày. Không lấy làm thời hạn; hãy sửa trong văn bản rồi xem trước lại.',
    );
    expect(result.errors[0].error).toContain('February 2027 has 28 days');
    expect(result.errors[1].errorVi).toContain('không có tháng 13');
    expect(result.errors[2].errorVi).toContain('không có quý V');
    expect(result.errors[0].text).toBe('a) Ban hành Nghị định trước ngày 31/02/2027.');
  });

  it('keeps the real deadline beside them and invents none for the impossible ones', () => {
    const byPath = new Map(flatten(result.tree).map((n) => [n.path, n]));
    expect(byPath.get('I.1.a')!.deadline).toBeUndefined();
    expect(byPath.get('I.1.b')!.deadline).toBeUndefined();
    expect(byPath.get('I.1.c')!.deadline).toMatchObject({ kind: 'quarter', end: '2026-12-31' });
  });

  it('finds none in the real documents', () => {
    expect(parseProgramDocument(read('action-program-2026-2030.en.txt')).errors).toEqual([]);
    expect(parseProgramDocument(read('sample-plan.vi.txt')).errors).toEqual([]);
  });
});

describe('impossibleDates', () => {
  const phrases = (text: string) => impossibleDates(text).map((d) => d.phrase);

  it('reads every way a date is written', () => {
    expect(phrases('hạn 29/02/2027, 31.04.2026, 0/5/2026 và 2027-02-31')).toEqual([
      '29/02/2027',
      '31.04.2026',
      '0/5/2026',
      '2027-02-31',
    ]);
    expect(phrases('ngày 30 tháng 2 năm 2028; tháng 0/2026; tháng 13 năm 2026')).toEqual([
      'ngày 30 tháng 2 năm 2028',
      'tháng 0/2026',
      'tháng 13 năm 2026',
    ]);
    expect(phrases('by February 30, 2027 or 31st of June 2026; quý 5/2026')).toEqual([
      'February 30, 2027',
      '31st of June 2026',
      'quý 5/2026',
    ]);
  });

  it('leaves real dates, periods, ranges and document numbers alone', () => {
    expect(
      phrases(
        [
          '29/02/2028',
          'ngày 30 tháng 4 năm 2026',
          'tháng 12/2026',
          'quý IV/2026',
          'quý 1 năm 2027',
          'February 29, 2028',
          '2026-12-31',
          'giai đoạn 2026 - 2030',
          '6 tháng đầu năm 2027',
          'Nghị định số 62/2020/NĐ-CP',
          'Nghị quyết 57-NQ/TW',
          '1.500 tỷ đồng',
          'năm 2026',
        ].join('; '),
      ),
    ).toEqual([]);
  });
});
