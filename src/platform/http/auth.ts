// Resolves who is calling (session cookie or bearer token) into request.ctx,
// and enforces CSRF protection on cookie-authenticated writes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestContext } from '../context.ts';
import type { Db } from '../db/db.ts';
import { AppError } from '../errors.ts';
import { authenticate } from '../../accounts/accounts.service.ts';

export const SESSION_COOKIE = 'apparatus_session';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    sessionToken: string | null;
    csrfToken: string | null;
  }
}

export function registerAuth(app: FastifyInstance, db: Db) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const base: RequestContext = {
      user: null,
      actorLabel: 'anonymous',
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      via: 'anonymous',
    };
    request.ctx = base;
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    const bearerToken = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (!bearerToken && !sessionToken) return;
    const auth = await authenticate(db, { bearerToken, sessionToken });
    if (!auth) {
      if (bearerToken)
        throw new AppError(
          401,
          'unauthenticated',
          { vi: 'Mã truy cập không hợp lệ', en: 'Invalid token' },
          { vi: 'Mã truy cập API không hợp lệ hoặc đã bị thu hồi.', en: 'The API token is invalid or was revoked.' },
        );
      return; // an expired cookie is treated as no login; the page will ask to sign in
    }
    request.sessionToken = auth.via === 'session' ? sessionToken! : null;
    request.csrfToken = auth.csrfToken;
    request.ctx = {
      ...base,
      user: auth.user,
      actorLabel: auth.user.username,
      via: auth.via,
      signIn: auth.signIn,
      readOnly: auth.readOnly,
    };
    if (auth.via === 'session' && !SAFE.has(request.method) && request.headers['x-csrf-token'] !== auth.csrfToken) {
      throw new AppError(
        403,
        'csrf',
        { vi: 'Thiếu mã chống giả mạo', en: 'CSRF token missing' },
        {
          vi: 'Yêu cầu thay đổi dữ liệu phải kèm tiêu đề x-csrf-token của phiên đăng nhập. Hãy tải lại trang.',
          en: "Requests that change data must carry the session's x-csrf-token header. Reload the page.",
        },
      );
    }
  });
}
