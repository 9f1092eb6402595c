// /api/auth (sign in and out, who am I), /api/users (admin), /api/tokens.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/db.ts';
import { unauthenticated } from '../platform/errors.ts';
import { SESSION_COOKIE } from '../platform/http/auth.ts';
import * as service from './accounts.service.ts';
import * as users from './users/users.service.ts';
import * as tokens from './tokens/tokens.service.ts';
import { prepareDummyHash } from './accounts.passwords.ts';
import {
  NewTokenAnswer,
  NewUserAnswer,
  SessionAnswer,
  TokenListAnswer,
  UserPageAnswer,
  UserStateAnswer,
  ApiTokenOut,
} from './accounts.schemas.ts';
import { responses } from '../platform/schemas.ts';
import {
  GrantBody,
  GrantParams,
  IdParams,
  LoginBody,
  NewTokenBody,
  NewUserBody,
  PasswordBody,
  TokenListQuery,
  UserListQuery,
} from './accounts.schemas.ts';
import type { Role } from '../platform/context.ts';
import { ACCOUNTS } from './accounts.policy.ts';
import { roleAllows } from '../platform/policy/policy.ts';
import type { RequestContext } from '../platform/context.ts';

/**
 * The actions the caller's roles allow (before any resource is known), for the web to show only what
 * can work; the server still checks every request. From the rules of the registered routes.
 */
function allowedActions(app: FastifyInstance, ctx: RequestContext): string[] {
  return [
    ...new Set(
      app.routeRules.filter((r) => r.rule.who !== 'anyone' && roleAllows(ctx, r.rule)).map((r) => r.rule.action),
    ),
  ].sort();
}

export function accountsRoutes(db: Db, config: Config) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const limits = {
      maxAttempts: config.loginMaxAttempts,
      maxAttemptsPerAddress: config.loginMaxAttemptsPerAddress,
      windowMinutes: config.loginWindowMinutes,
      sessionHours: config.sessionHours,
    };
    const tokenPolicy = { defaultDays: config.tokenDefaultDays, maxDays: config.tokenMaxDays };
    void prepareDummyHash();

    app.post(
      '/auth/login',
      {
        config: { policy: ACCOUNTS['auth.login'] },
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets the session cookie',
          body: LoginBody,
          response: responses({ 200: SessionAnswer }),
        },
      },
      async (req, reply) => {
        const result = await service.login(db, req.ctx, req.body, limits);
        reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: config.cookieSecure,
          path: '/',
          expires: result.expiresAt,
        });
        return {
          user: { ...result.user, can: allowedActions(fastify, { ...req.ctx, user: result.user, via: 'session' }) },
          csrfToken: result.csrfToken,
        };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { policy: ACCOUNTS['auth.logout'] },
        schema: { tags: ['auth'], summary: 'Sign out', response: responses({ 204: z.void().describe('Signed out') }) },
      },
      async (req, reply) => {
        if (req.sessionToken) await service.logout(db, req.ctx, req.sessionToken);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );

    app.get(
      '/auth/me',
      {
        config: { policy: ACCOUNTS['auth.me'] },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, grants and CSRF token',
          response: responses({ 200: SessionAnswer }),
        },
      },
      async (req) => {
        if (!req.ctx.user) throw unauthenticated();
        return { user: { ...req.ctx.user, can: allowedActions(fastify, req.ctx) }, csrfToken: req.csrfToken };
      },
    );

    const tags = ['users'];
    const read = { policy: ACCOUNTS['users.read'] },
      write = { policy: ACCOUNTS['users.write'] };
    app.get(
      '/users',
      {
        config: read,
        schema: {
          tags,
          summary: 'Users with their grants, a page at a time (system admin)',
          querystring: UserListQuery,
          response: responses({ 200: UserPageAnswer }),
        },
      },
      async (req) =>
        users.listUsers(db, req.ctx, {
          ...req.query,
          active: req.query.active === undefined ? undefined : req.query.active === 'true',
        }),
    );

    app.post(
      '/users',
      {
        config: write,
        schema: {
          tags,
          summary: 'Create a user with role grants (system admin)',
          body: NewUserBody,
          response: responses({ 201: NewUserAnswer }),
        },
      },
      async (req, reply) => {
        const body = req.body;
        const user = await service.createUser(db, req.ctx, {
          ...body,
          grants: body.grants.map((g) => ({ ...g, role: g.role as Role })),
        });
        // camelCase on the wire, like every other answer (the service gives the stored row).
        return reply.status(201).send({
          id: user.id,
          username: user.username,
          displayName: user.display_name,
          email: user.email,
          isActive: user.is_active,
          createdAt: user.created_at,
          grants: user.grants,
        });
      },
    );
    app.post(
      '/users/:id/deactivate',
      {
        config: write,
        schema: {
          tags,
          summary: 'Switch an account off: its sessions end and its API tokens are revoked at once (system admin)',
          params: IdParams,
          response: responses({ 200: UserStateAnswer }),
        },
      },
      async (req) => users.deactivateUser(db, req.ctx, req.params.id),
    );
    app.post(
      '/users/:id/reactivate',
      {
        config: write,
        schema: {
          tags,
          summary: 'Switch an account back on; revoked tokens stay revoked (system admin)',
          params: IdParams,
          response: responses({ 200: UserStateAnswer }),
        },
      },
      async (req) => users.reactivateUser(db, req.ctx, req.params.id),
    );
    app.post(
      '/users/:id/grants',
      {
        config: write,
        schema: {
          tags,
          summary: 'Grant a role over a unit subtree (system admin)',
          params: IdParams,
          body: GrantBody,
          response: responses({ 201: UserStateAnswer }),
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await users.addGrant(db, req.ctx, req.params.id, { ...req.body, role: req.body.role as Role })),
    );
    app.delete(
      '/users/:id/grants/:grantId',
      {
        config: write,
        schema: {
          tags,
          summary: 'Take a role grant away (system admin)',
          params: GrantParams,
          response: responses({ 200: UserStateAnswer }),
        },
      },
      async (req) => users.revokeGrant(db, req.ctx, req.params.id, req.params.grantId),
    );
    app.post(
      '/users/:id/password',
      {
        config: write,
        schema: {
          tags,
          summary: "Set a user's password; their sessions end (system admin)",
          params: IdParams,
          body: PasswordBody,
          response: responses({ 200: UserStateAnswer }),
        },
      },
      async (req) => users.resetPassword(db, req.ctx, req.params.id, req.body.password),
    );

    app.get(
      '/tokens',
      {
        config: { policy: ACCOUNTS['tokens.read'] },
        schema: {
          tags: ['auth'],
          summary: "Your API tokens, and the lifetime rules; all=true: everyone's (system admin)",
          querystring: TokenListQuery,
          response: responses({ 200: TokenListAnswer }),
        },
      },
      async (req) => ({
        ...(await tokens.listApiTokens(db, req.ctx, {
          all: req.query.all === 'true',
          includeEnded: req.query.includeEnded === 'true',
        })),
        policy: tokenPolicy,
      }),
    );
    app.post(
      '/tokens',
      {
        config: { policy: ACCOUNTS['tokens.own'] },
        schema: {
          tags: ['auth'],
          summary: 'Create an API token for the signed-in user (shown once; needs a session, not a token)',
          body: NewTokenBody,
          response: responses({ 201: NewTokenAnswer }),
        },
      },
      async (req, reply) => reply.status(201).send(await tokens.createApiToken(db, req.ctx, req.body, tokenPolicy)),
    );
    app.post(
      '/tokens/:id/revoke',
      {
        config: { policy: ACCOUNTS['tokens.revoke'] },
        schema: {
          tags: ['auth'],
          summary: "Revoke an API token: your own, or anyone's for a system admin (needs a session)",
          params: IdParams,
          response: responses({ 200: ApiTokenOut }),
        },
      },
      async (req) => tokens.revokeApiToken(db, req.ctx, req.params.id),
    );
  };
}
