// Who may see and set staffing quotas (see src/platform/policy/policy.ts). A unit's figures are read by those whose
// grant covers it; a quota is set by the level that gives it; national settings by central roles.
import { CENTRAL, definePolicy, WRITERS } from '../platform/policy/policy.ts';

export const STAFFING = definePolicy({
  'staffing.reference': {
    who: 'signed-in',
    on: 'none',
    writes: false,
    what: { vi: 'Xem thời kỳ, loại biên chế, bộ quy tắc định mức', en: 'See periods, categories and norm rule sets' },
  },
  'staffing.national': {
    who: 'signed-in',
    on: 'none',
    writes: false,
    what: {
      vi: 'Xem số liệu toàn quốc đã công bố (cắt giảm theo tỉnh, theo khối)',
      en: 'See published national figures (cuts per province, blocks)',
    },
  },
  'staffing.read': {
    who: 'signed-in',
    on: 'unit',
    writes: false,
    what: {
      vi: 'Xem biên chế, số có mặt, mục tiêu, định mức của đơn vị trong phạm vi',
      en: 'See quota, headcount, targets and norms of units in scope',
    },
  },
  'staffing.period': {
    who: CENTRAL,
    on: 'none',
    writes: true,
    what: { vi: 'Tạo thời kỳ biên chế', en: 'Create a quota period' },
  },
  'staffing.allocate': {
    who: WRITERS,
    on: 'giver',
    writes: true,
    what: {
      vi: 'Giao biên chế, đặt mục tiêu tinh giản: cấp giao',
      en: 'Set a quota or a streamlining target: the level that gives it',
    },
  },
  'staffing.allocate.country': {
    who: CENTRAL,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Giao tổng biên chế cả nước (vai trò trung ương)',
      en: "Set the country's total quota (central roles)",
    },
  },
  'staffing.present': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: { vi: 'Ghi số có mặt của đơn vị trong phạm vi', en: 'Record the headcount of a unit in scope' },
  },
  'staffing.table.check': {
    who: WRITERS,
    on: 'unit',
    writes: false,
    what: { vi: 'Kiểm tra bảng biên chế nộp lên', en: 'Check a submitted quota table' },
  },
  'staffing.table.import': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: { vi: 'Nhập bảng biên chế (mọi dòng trong phạm vi)', en: 'Import a quota table (every row in scope)' },
  },
  'staffing.targets.national': {
    who: CENTRAL,
    on: 'unit',
    writes: true,
    what: { vi: 'Đặt mục tiêu mọi tỉnh theo bộ quy tắc', en: "Set every province's target from the rule set" },
  },
});
