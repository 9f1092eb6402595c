import { z } from 'zod';
import { Timestamp } from '../platform/schemas.ts';
import { ROLES, type Role } from '../platform/context.ts';

// Text that is stored or searched: PostgreSQL refuses NUL bytes, and no name needs control characters.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const plain = (max: number) =>
  z.string().trim().max(max).regex(NO_CONTROL, 'không được có ký tự điều khiển / no control characters');

export const LoginBody = z.object({
  username: plain(100).min(1, 'Nhập tên đăng nhập / enter a user name'),
  password: z.string().min(1, 'Nhập mật khẩu / enter a password').max(500),
});

export const NewUserBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9._-]{3,50}$/, '3–50 chữ, số, . _ - / 3–50 letters, digits, . _ -'),
  displayName: plain(200).min(1),
  email: z.string().email().nullish(),
  password: z.string().min(10).max(500),
  grants: z
    .array(
      z
        .object({
          role: z.enum(ROLES as [string, ...string[]]),
          unitCode: plain(20).min(1).optional(),
          unitId: z.number().int().positive().optional(),
        })
        .refine((g) => g.unitCode !== undefined || g.unitId !== undefined, 'unitCode hoặc unitId / unitCode or unitId'),
    )
    .max(20)
    .default([]),
});

export const NewTokenBody = z
  .object({
    name: plain(100).min(1),
    expiresInDays: z.number().int().min(1).optional(),
    readOnly: z.boolean().optional(),
  })
  .strict();

export const TokenListQuery = z.object({
  all: z.enum(['true', 'false']).optional(),
  includeEnded: z.enum(['true', 'false']).optional(),
});

export const IdParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const GrantParams = z.object({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  grantId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export const UserListQuery = z.object({
  q: plain(100).optional(),
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const GrantBody = z
  .object({
    role: z.enum(ROLES as [string, ...string[]]),
    unitId: z.number().int().positive().optional(),
    unitCode: plain(20).min(1).optional(),
  })
  .strict();

export const PasswordBody = z.object({ password: z.string().min(10).max(500) }).strict();

// ---- Responses ----

const Id = z.number().int();
export const RoleOut = z.enum(ROLES as [Role, ...Role[]]);

/** The signed-in user: grants, and the actions the roles allow (rule names, for showing only what can work). */
export const SessionAnswer = z.object({
  user: z.object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    grants: z.array(z.object({ role: RoleOut, unitId: Id, unitName: z.string() })),
    can: z.array(z.string()),
  }),
  /** Sent back in x-csrf-token on every change; null for a client that authenticates by token. */
  csrfToken: z.string().nullable(),
});

export const AdminGrantOut = z.object({
  id: Id,
  role: RoleOut,
  unitId: Id,
  unitCode: z.string(),
  unitName: z.string(),
});
export const AdminUserOut = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: Timestamp,
  liveSessions: z.number().int(),
  liveTokens: z.number().int(),
  grants: z.array(AdminGrantOut),
});
export const UserPageAnswer = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(AdminUserOut),
});

/** POST /users: the new account and its grants. */
export const NewUserAnswer = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: Timestamp,
  grants: z.array(z.object({ role: RoleOut, unitId: Id, unitName: z.string() })),
});
/** A user after a change (switched off or on, a grant given or taken, a password set). */
export const UserStateAnswer = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  isActive: z.boolean(),
  grants: z.array(z.object({ id: Id, role: RoleOut, unitCode: z.string(), unitName: z.string() })),
  /** Switching off: the sign-ins it ended. */
  sessionsEnded: z.number().int().optional(),
  tokensRevoked: z.number().int().optional(),
});

export const TokenStatus = z.enum(['active', 'expired', 'revoked']);
export const ApiTokenOut = z.object({
  id: Id,
  name: z.string(),
  userId: Id,
  username: z.string(),
  displayName: z.string(),
  readOnly: z.boolean(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
  status: TokenStatus,
});
export const TokenListAnswer = z.object({
  items: z.array(ApiTokenOut),
  policy: z.object({ defaultDays: z.number().int(), maxDays: z.number().int() }),
});
/** The new token: its secret is in `token`, shown this once. */
export const NewTokenAnswer = ApiTokenOut.extend({ token: z.string() });
