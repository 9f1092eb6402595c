// /api/auth (sign in and out, who am I), /api/users (admin), /api/tokens.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { unauthenticated } from '../platform/errors.ts';
import { SESSION_COOKIE } from '../platform/http-auth.ts';
import * as service from './accounts.service.ts';
import { LoginBody, NewTokenBody, NewUserBody } from './accounts.schemas.ts';
import type { Role } from '../platform/context.ts';
import { ACCOUNTS } from './accounts.policy.ts';
import { roleAllows } from '../platform/policy.ts';
import type { RequestContext } from '../platform/context.ts';

/**
 * The actions the caller's roles allow (before any resource is known), for the web to show only what
 * can work; the server still checks every request. From the rules of the registered routes.
 */
function allowedActions(app: FastifyInstance, ctx: RequestContext): string[] {
  return [...new Set(app.routeRules.filter((r) => r.rule.who !== 'anyone' && roleAllows(ctx, r.rule)).map((r) => r.rule.action))].sort();
}

export function accountsRoutes(db: Db, config: Config) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const limits = { maxAttempts: config.loginMaxAttempts, windowMinutes: config.loginWindowMinutes, sessionHours: config.sessionHours };

    app.post('/auth/login', { config: { policy: ACCOUNTS['auth.login'] }, schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: LoginBody } }, async (req, reply) => {
      const result = await service.login(db, req.ctx, req.body, limits);
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', expires: result.expiresAt,
      });
      return { user: { ...result.user, can: allowedActions(fastify, { ...req.ctx, user: result.user, via: 'session' }) }, csrfToken: result.csrfToken };
    });

    app.post('/auth/logout', { config: { policy: ACCOUNTS['auth.logout'] }, schema: { tags: ['auth'], summary: 'Sign out' } }, async (req, reply) => {
      if (req.sessionToken) await service.logout(db, req.ctx, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });

    app.get('/auth/me', { config: { policy: ACCOUNTS['auth.me'] }, schema: { tags: ['auth'], summary: 'The signed-in user, grants and CSRF token' } }, async (req) => {
      if (!req.ctx.user) throw unauthenticated();
      return { user: { ...req.ctx.user, can: allowedActions(fastify, req.ctx) }, csrfToken: req.csrfToken };
    });

    app.get('/users', { config: { policy: ACCOUNTS['users.read'] }, schema: { tags: ['users'], summary: 'All users with their grants (system admin)' } }, async (req) => ({
      items: await service.listUsers(db, req.ctx),
    }));

    app.post('/users', { config: { policy: ACCOUNTS['users.write'] }, schema: { tags: ['users'], summary: 'Create a user with role grants (system admin)', body: NewUserBody } }, async (req, reply) => {
      const body = req.body;
      const user = await service.createUser(db, req.ctx, { ...body, grants: body.grants.map((g) => ({ role: g.role as Role, unitCode: g.unitCode })) });
      return reply.status(201).send(user);
    });

    app.post('/tokens', { config: { policy: ACCOUNTS['tokens.own'] }, schema: { tags: ['auth'], summary: 'Create an API token for the signed-in user (shown once)', body: NewTokenBody } }, async (req, reply) =>
      reply.status(201).send(await service.createApiToken(db, req.ctx, req.body.name)));
  };
}
