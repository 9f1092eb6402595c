// Who may sign in, see themselves, manage users and hold API tokens (see src/platform/policy/policy.ts).
import { ADMIN, definePolicy } from '../platform/policy/policy.ts';

export const ACCOUNTS = definePolicy({
  'auth.login': { who: 'anyone', on: 'none', writes: true, what: { vi: 'Đăng nhập', en: 'Sign in' } },
  'auth.logout': {
    who: 'anyone',
    on: 'self',
    writes: true,
    what: { vi: 'Đăng xuất (phiên của chính mình)', en: "Sign out (one's own session)" },
  },
  'auth.me': {
    who: 'signed-in',
    on: 'self',
    writes: false,
    what: { vi: 'Xem tài khoản, quyền của chính mình', en: "See one's own account and rights" },
  },
  'users.read': {
    who: ADMIN,
    on: 'none',
    writes: false,
    what: { vi: 'Xem danh sách người dùng và quyền', en: 'List users and their grants' },
  },
  'users.write': {
    who: ADMIN,
    on: 'none',
    writes: true,
    what: { vi: 'Tạo, sửa người dùng và cấp quyền', en: 'Create and change users and grants' },
  },
  'tokens.own': {
    who: 'signed-in',
    on: 'self',
    writes: true,
    what: {
      vi: 'Tạo mã truy cập API của chính mình (cần phiên đăng nhập, mã không tạo được mã)',
      en: "Create one's own API tokens (needs a session: a token cannot make tokens)",
    },
  },
  'tokens.read': {
    who: 'signed-in',
    on: 'self',
    writes: false,
    what: {
      vi: 'Xem mã truy cập API của chính mình (quản trị: của mọi người)',
      en: "List one's own API tokens (administrators: everyone's)",
    },
  },
  'tokens.revoke': {
    who: 'signed-in',
    on: 'self',
    writes: true,
    what: {
      vi: 'Thu hồi mã truy cập API của chính mình (quản trị: của bất kỳ ai)',
      en: "Revoke one's own API token (administrators: anyone's)",
    },
  },
  'tokens.all': {
    who: ADMIN,
    on: 'none',
    writes: false,
    what: { vi: 'Xem và thu hồi mã truy cập API của mọi người', en: "See and revoke everyone's API tokens" },
  },
});
