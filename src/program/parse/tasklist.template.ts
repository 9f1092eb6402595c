// The task-list template (one row per task) and the checks every imported row
// passes. Documented in data/program/README.md; keep the two in step.
import type { Message } from '../../platform/errors.ts';
import type { FundingSource, OutputKind, Period } from '../program.types.ts';

export interface TaskListRow {
  code: string;
  parentCode: string | null;
  titleVi: string | null;
  titleEn: string | null;
  leadAgency: string | null;
  coordinatingAgencies: string[];
  deadlinePhrase: string | null;
  /** 'YYYY-MM-DD' */
  start: string | null;
  fundingSource: FundingSource | null;
  /** Whole đồng (VND). */
  amountRequired: number | null;
  amountAllocated: number | null;
  outputKinds: OutputKind[];
  tags: string[];
}

/** A row as imported: its sheet row number and the deadline read from its phrase. */
export interface ImportedTaskRow extends TaskListRow {
  sheetRow: number;
  deadline: Period | null;
}

export interface TaskListError {
  row: number;
  column: string | null;
  message: Message;
}

export type ColumnKey = keyof TaskListRow;

export interface Column {
  key: ColumnKey;
  header: string;
  width: number;
  help: Message;
  example: string;
}

/** Lists inside one cell are separated by ';' (agency names may contain commas). */
export const LIST_SEPARATOR = ';';

export const COLUMNS: Column[] = [
  {
    key: 'code',
    header: 'Mã / Code',
    width: 14,
    example: 'II.1.a.3',
    help: {
      vi: 'Bắt buộc, duy nhất trong tệp. Chữ, số, dấu chấm, gạch ngang.',
      en: 'Required, unique in the file. Letters, digits, dots, hyphens.',
    },
  },
  {
    key: 'parentCode',
    header: 'Mã cấp trên / Parent code',
    width: 14,
    example: 'II.1.a',
    help: {
      vi: 'Mã của một dòng khác trong tệp; để trống nếu là cấp cao nhất.',
      en: 'Code of another row in the file; empty at the top level.',
    },
  },
  {
    key: 'titleVi',
    header: 'Tên (tiếng Việt) / Title (vi)',
    width: 60,
    example: 'Xây dựng Đề án vị trí việc làm',
    help: { vi: 'Cần ít nhất một trong hai tên.', en: 'At least one of the two titles is required.' },
  },
  {
    key: 'titleEn',
    header: 'Tên (tiếng Anh) / Title (en)',
    width: 60,
    example: 'Develop the job-position scheme',
    help: { vi: 'Cần ít nhất một trong hai tên.', en: 'At least one of the two titles is required.' },
  },
  {
    key: 'leadAgency',
    header: 'Cơ quan chủ trì / Lead agency',
    width: 28,
    example: 'Bộ Nội vụ',
    help: { vi: 'Tên cơ quan như trong danh mục.', en: 'Agency name as in the registry.' },
  },
  {
    key: 'coordinatingAgencies',
    header: 'Cơ quan phối hợp / Coordinating agencies',
    width: 36,
    example: 'Bộ Tài chính; Bộ Tư pháp',
    help: { vi: 'Nhiều cơ quan cách nhau bằng dấu ";".', en: 'Several agencies separated by ";".' },
  },
  {
    key: 'deadlinePhrase',
    header: 'Thời hạn / Deadline',
    width: 22,
    example: 'quý IV/2026',
    help: {
      vi: 'Như trong văn bản: "quý IV/2026", "tháng 6/2026", "năm 2026", "trước ngày 01/6/2026", "2026 - 2030", "6 tháng đầu năm 2027".',
      en: 'As written: "Q4 2026", "June 2026", "in 2026", "by June 1, 2026", "2026–2030", "first half of 2027".',
    },
  },
  {
    key: 'start',
    header: 'Ngày bắt đầu / Start',
    width: 14,
    example: '2026-01-01',
    help: {
      vi: 'NNNN-TT-NN hoặc ô kiểu ngày; không sau hạn hoàn thành.',
      en: 'YYYY-MM-DD or a date cell; not after the deadline.',
    },
  },
  {
    key: 'fundingSource',
    header: 'Nguồn kinh phí / Funding source',
    width: 20,
    example: 'central_budget',
    help: {
      vi: 'central_budget (ngân sách trung ương), local_budget (ngân sách địa phương), oda, private (tư nhân), other (khác).',
      en: 'central_budget, local_budget, oda, private, other (or the Vietnamese names).',
    },
  },
  {
    key: 'amountRequired',
    header: 'Kinh phí cần (đồng) / Amount required (VND)',
    width: 20,
    example: '1500000000',
    help: { vi: 'Số nguyên đồng, không âm.', en: 'Whole đồng, not negative.' },
  },
  {
    key: 'amountAllocated',
    header: 'Kinh phí đã bố trí (đồng) / Amount allocated (VND)',
    width: 20,
    example: '500000000',
    help: { vi: 'Số nguyên đồng, không âm.', en: 'Whole đồng, not negative.' },
  },
  {
    key: 'outputKinds',
    header: 'Sản phẩm / Expected output kind',
    width: 20,
    example: 'scheme',
    help: {
      vi: 'law, resolution, decree, regulation, scheme, project, program, plan, report, system, other (hoặc tên tiếng Việt: luật, nghị quyết, nghị định, quy định, đề án, dự án, chương trình, kế hoạch, báo cáo, hệ thống, khác); nhiều loại cách nhau bằng ";".',
      en: 'law, resolution, decree, regulation, scheme, project, program, plan, report, system, other; several separated by ";".',
    },
  },
  {
    key: 'tags',
    header: 'Nhãn / Tags',
    width: 20,
    example: 'chuyển đổi số; cải cách hành chính',
    help: { vi: 'Cách nhau bằng dấu ";".', en: 'Separated by ";".' },
  },
];

export const FUNDING_NAMES: Record<string, FundingSource> = {
  central_budget: 'central_budget',
  'ngân sách trung ương': 'central_budget',
  'central budget': 'central_budget',
  local_budget: 'local_budget',
  'ngân sách địa phương': 'local_budget',
  'local budget': 'local_budget',
  oda: 'oda',
  'vốn oda': 'oda',
  private: 'private',
  'tư nhân': 'private',
  'xã hội hóa': 'private',
  other: 'other',
  khác: 'other',
  'nguồn khác': 'other',
};

export const OUTPUT_NAMES: Record<string, OutputKind> = {
  law: 'law',
  luật: 'law',
  resolution: 'resolution',
  'nghị quyết': 'resolution',
  decree: 'decree',
  'nghị định': 'decree',
  regulation: 'regulation',
  'quy định': 'regulation',
  'quy chế': 'regulation',
  scheme: 'scheme',
  'đề án': 'scheme',
  project: 'project',
  'dự án': 'project',
  program: 'program',
  'chương trình': 'program',
  plan: 'plan',
  'kế hoạch': 'plan',
  report: 'report',
  'báo cáo': 'report',
  system: 'system',
  'hệ thống': 'system',
  other: 'other',
  khác: 'other',
};
