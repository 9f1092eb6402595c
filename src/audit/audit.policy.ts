// Who may read the audit log (see src/platform/policy/policy.ts). Writing it is part of every change, not an operation.
import { ADMIN, definePolicy } from '../platform/policy/policy.ts';

export const AUDIT = definePolicy({
  'audit.read': {
    who: ADMIN,
    on: 'none',
    writes: false,
    what: { vi: 'Xem nhật ký kiểm tra', en: 'Read the audit log' },
  },
});
