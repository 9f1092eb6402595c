// A small parsed program for tests: two parts, one with numbered sections,
// lettered groups and bullet tasks (some with deadlines), one with clauses.
import type { ParsedNodeLike } from './tasks/tasks.import.ts';
import type { ProgramMetaInput } from './program.schemas.ts';

const node = (
  kind: string,
  marker: string,
  path: string,
  title: string,
  children: ParsedNodeLike[] = [],
  extra: Partial<ParsedNodeLike> = {},
): ParsedNodeLike => ({ kind, marker, path, title, text: title, line: 0, children, ...extra });

export const TEST_META: ProgramMetaInput = {
  code: 'CT-TEST',
  titleVi: 'Chương trình hành động thử nghiệm',
  titleEn: 'Test action program',
  resolutionRef: 'Nghị quyết 01-NQ/TW',
  issuingBody: 'BAN CHẤP HÀNH TRUNG ƯƠNG',
  periodStart: '2026-01-01',
  periodEnd: '2030-12-31',
  cadence: 'quarterly',
  reportGraceDays: 10,
  escalationDays: 14,
};

export function testTree(): ParsedNodeLike[] {
  return [
    node('part', 'I-', 'I', 'MỤC ĐÍCH, YÊU CẦU', [node('item', '1.', 'I.1', 'Cụ thể hóa Nghị quyết.')]),
    node('part', 'II-', 'II', 'NHIỆM VỤ CHỦ YẾU', [
      node('item', '1.', 'II.1', 'Hoàn thiện thể chế', [
        node('letter', 'a)', 'II.1.a', 'Thể chế chính trị', [
          node('bullet', '-', 'II.1.a.1', 'Số hóa hồ sơ', [], {
            deadline: { kind: 'quarter', start: '2026-10-01', end: '2026-12-31', text: 'quý IV/2026' },
          }),
          node('bullet', '-', 'II.1.a.2', 'Ban hành quy chế', [], {
            deadline: { kind: 'year', start: '2026-01-01', end: '2026-12-31', text: 'năm 2026' },
            outputs: ['regulation'],
          }),
        ]),
      ]),
      node('item', '2.', 'II.2', 'Mô hình tăng trưởng', [
        node('bullet', '-', 'II.2.1', 'Đề án tăng trưởng', [], {
          deadline: { kind: 'range', start: '2026-01-01', end: '2030-12-31', text: '2026–2030' },
          outputs: ['scheme'],
        }),
      ]),
    ]),
  ];
}
