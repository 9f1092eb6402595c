// Types of the administration API (/api/users, /api/tokens).

export interface AdminGrant { id: number; role: string; unitId: number; unitCode: string; unitName: string }

export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  isActive: boolean;
  createdAt: string;
  liveSessions: number;
  liveTokens: number;
  grants: AdminGrant[];
}

export interface UserPage { total: number; limit: number; offset: number; items: AdminUser[] }

export type TokenStatus = 'active' | 'expired' | 'revoked';

export interface ApiToken {
  id: number;
  name: string;
  userId: number;
  username: string;
  displayName: string;
  readOnly: boolean;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: TokenStatus;
}

export interface TokenList { items: ApiToken[]; policy: { defaultDays: number; maxDays: number } }

export interface NewToken extends ApiToken { token: string }
