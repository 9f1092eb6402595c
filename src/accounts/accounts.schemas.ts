import { z } from 'zod';
import { ROLES } from '../platform/context.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập / enter a user name').max(100),
  password: z.string().min(1, 'Nhập mật khẩu / enter a password').max(500),
});

export const NewUserBody = z.object({
  username: z.string().trim().regex(/^[a-zA-Z0-9._-]{3,50}$/, '3–50 chữ, số, . _ - / 3–50 letters, digits, . _ -'),
  displayName: z.string().trim().min(1).max(200),
  email: z.string().email().nullish(),
  password: z.string().min(10).max(500),
  grants: z.array(z.object({ role: z.enum(ROLES as [string, ...string[]]), unitCode: z.string().min(1) })).default([]),
});

export const NewTokenBody = z.object({ name: z.string().trim().min(1).max(100) });
