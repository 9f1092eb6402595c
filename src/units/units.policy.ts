// Who may read and correct the unit registry (see src/platform/policy/policy.ts). The registry is public
// reference data: citizens look units up without signing in; the browser and checks need a sign-in.
import { ADMIN, definePolicy, WRITERS } from '../platform/policy/policy.ts';

export const UNITS = definePolicy({
  'public.read': {
    who: 'anyone',
    on: 'none',
    writes: false,
    what: { vi: 'Tra cứu, thống kê, bản đồ công khai', en: 'Public lookup, statistics and map' },
  },
  'units.read': {
    who: 'signed-in',
    on: 'none',
    writes: false,
    what: { vi: 'Xem sổ đơn vị hành chính, lịch sử, kiểm tra', en: 'Browse the unit registry, its history and checks' },
  },
  'units.import': {
    who: ADMIN,
    on: 'none',
    writes: true,
    what: { vi: 'Nhập dữ liệu đơn vị hành chính chính thức', en: 'Import the official unit data' },
  },
  'units.edit': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: { vi: 'Sửa thông tin một đơn vị trong phạm vi', en: "Correct a unit's facts within one's scope" },
  },
});
