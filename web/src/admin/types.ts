// Types of the administration API (/api/users, /api/tokens): the server's response schemas, as JSON.
import type { Answer } from '../../../src/platform/schemas.ts';
import type {
  AdminGrantOut,
  AdminUserOut,
  ApiTokenOut,
  NewTokenAnswer,
  TokenListAnswer,
  TokenStatus as TokenStatusSchema,
  UserPageAnswer,
} from '../../../src/accounts/accounts.schemas.ts';

export type AdminGrant = Answer<typeof AdminGrantOut>;
export type AdminUser = Answer<typeof AdminUserOut>;
export type UserPage = Answer<typeof UserPageAnswer>;
export type TokenStatus = Answer<typeof TokenStatusSchema>;
export type ApiToken = Answer<typeof ApiTokenOut>;
export type TokenList = Answer<typeof TokenListAnswer>;
export type NewToken = Answer<typeof NewTokenAnswer>;
