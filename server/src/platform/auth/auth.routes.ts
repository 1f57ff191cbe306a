import { ApiTokenBody, ChangePasswordBody, LoginBody } from '@matriz/shared/api/auth';
import { IdParams } from '@matriz/shared/api/common';
import { permissionsOf } from '@matriz/shared/auth/permissions';
import type { FastifyRequest } from 'fastify';
import { notFound } from '../errors.ts';
import type { App } from '../http/types.ts';
import type { Platform } from '../platform.ts';
import { changePassword } from './change-password.ts';
import { createApiToken } from './create-api-token.ts';
import { SESSION_COOKIE } from './guard.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { listApiTokens, revokeApiToken } from './sessions.repo.ts';
import { findUserById } from './users.repo.ts';

export function registerAuthRoutes(app: App, platform: Platform): void {
  const modules = platform.config.modules;
  const secureCookie = platform.config.production;

  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 100, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: LoginBody },
    },
    async (request, reply) => {
      const result = await login(platform, request.actor, {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie,
        path: '/',
      });
      return { user: result.user, modules, must_change_password: result.mustChangePassword };
    },
  );

  app.get(
    '/auth/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'] } },
    async (request: FastifyRequest) => {
      const auth = request.auth!;
      const user = await findUserById(platform.db, auth.userId);
      if (!user) throw notFound('user', auth.userId);
      return {
        user: {
          id: user.id,
          username: user.username,
          full_name: user.full_name,
          roles: user.roles,
          permissions: [...auth.permissions],
        },
        modules,
        must_change_password: user.must_change_password === 1,
      };
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'] } },
    async (request, reply) => {
      if (request.auth!.sessionId) await logout(platform, request.actor, request.auth!.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { success: true };
    },
  );

  app.post(
    '/auth/password',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], body: ChangePasswordBody } },
    async (request) => {
      await changePassword(platform, request.actor, {
        currentPassword: request.body.current_password,
        newPassword: request.body.new_password,
      });
      return { success: true };
    },
  );

  app.get(
    '/auth/tokens',
    { config: { access: 'platform.tokens.manage' }, schema: { tags: ['auth'] } },
    async (request) => {
      const tokens = await listApiTokens(platform.db, request.auth!.userId);
      return {
        items: tokens.map((t) => ({
          id: t.id,
          name: t.name,
          scopes: JSON.parse(t.scopes) as string[],
          created_at: t.created_at,
          expires_at: t.expires_at,
          revoked_at: t.revoked_at,
          last_used_at: t.last_used_at,
        })),
      };
    },
  );

  app.post(
    '/auth/tokens',
    { config: { access: 'platform.tokens.manage' }, schema: { tags: ['auth'], body: ApiTokenBody } },
    async (request, reply) => {
      const owner = request.auth!;
      const created = await createApiToken(platform, request.actor, new Set(permissionsOf(owner.roles)), {
        name: request.body.name,
        scopes: request.body.scopes,
        expiresAt: request.body.expires_at,
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/auth/tokens/:id',
    { config: { access: 'platform.tokens.manage' }, schema: { tags: ['auth'], params: IdParams } },
    async (request) => {
      const revoked = await platform.db.transaction().execute(async (trx) => {
        const done = await revokeApiToken(
          trx,
          request.params.id,
          request.auth!.userId,
          platform.clock.now().toISOString(),
        );
        if (done)
          await platform.audit(trx, request.actor, {
            entity: 'api_token',
            entityId: request.params.id,
            action: 'revoke',
          });
        return done;
      });
      if (!revoked) throw notFound('api_token', request.params.id);
      return { success: true };
    },
  );
}
