import { IdParams } from '@matriz/shared/api/common';
import { CreateUserBody, ResetPasswordBody, UpdateUserBody, UserListQuery } from '@matriz/shared/api/users';
import { ROLES } from '@matriz/shared/auth/permissions';
import type { App } from '../http/types.ts';
import type { Platform } from '../platform.ts';
import { createUser } from './create-user.ts';
import { deleteUser } from './delete-user.ts';
import { editUser, resetUserPassword, setUserActive } from './update-user.ts';
import { presentUser } from './user-view.ts';
import { listUsers } from './users.repo.ts';

export function registerUserRoutes(app: App, platform: Platform): void {
  const manage = { config: { access: 'platform.users.manage' as const } };

  app.get('/roles', { config: { access: 'platform.users.read' }, schema: { tags: ['users'] } }, async () => ({
    roles: Object.entries(ROLES).map(([name, permissions]) => ({ name, permissions })),
  }));

  app.get(
    '/users',
    { config: { access: 'platform.users.read' }, schema: { tags: ['users'], querystring: UserListQuery } },
    async (request) => {
      const q = request.query;
      const { items, total } = await listUsers(platform.db, {
        q: q.q,
        active: q.active === undefined ? undefined : q.active === 'true',
        role: q.role,
        page: q.page,
        pageSize: q.page_size,
      });
      return { items: items.map(presentUser), total, page: q.page, page_size: q.page_size };
    },
  );

  app.post(
    '/users',
    { ...manage, schema: { tags: ['users'], body: CreateUserBody } },
    async (request, reply) => {
      const body = request.body;
      const user = await createUser(platform, request.actor, {
        username: body.username,
        fullName: body.full_name,
        email: body.email,
        password: body.password,
        roles: body.roles,
        mustChangePassword: true,
      });
      return reply.status(201).send({ user: presentUser(user) });
    },
  );

  app.patch(
    '/users/:id',
    { ...manage, schema: { tags: ['users'], params: IdParams, body: UpdateUserBody } },
    async (request) => {
      const body = request.body;
      const user = await editUser(platform, request.actor, request.params.id, {
        fullName: body.full_name,
        email: body.email,
        roles: body.roles,
      });
      return { user: presentUser(user) };
    },
  );

  app.post(
    '/users/:id/deactivate',
    { ...manage, schema: { tags: ['users'], params: IdParams } },
    async (request) => ({
      user: presentUser(await setUserActive(platform, request.actor, request.params.id, false)),
    }),
  );

  app.post(
    '/users/:id/reactivate',
    { ...manage, schema: { tags: ['users'], params: IdParams } },
    async (request) => ({
      user: presentUser(await setUserActive(platform, request.actor, request.params.id, true)),
    }),
  );

  app.post(
    '/users/:id/reset-password',
    { ...manage, schema: { tags: ['users'], params: IdParams, body: ResetPasswordBody } },
    async (request) => {
      await resetUserPassword(platform, request.actor, request.params.id, request.body.new_password);
      return { success: true };
    },
  );

  app.delete('/users/:id', { ...manage, schema: { tags: ['users'], params: IdParams } }, async (request) => {
    await deleteUser(platform, request.actor, request.params.id);
    return { success: true };
  });
}
