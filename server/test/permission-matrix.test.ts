import { type Permission, ROLE_NAMES, ROLES } from '@matriz/shared/auth/permissions';
import { expect, it } from 'vitest';
import { createUser } from '../src/platform/auth/create-user.ts';
import type { RouteAccess } from '../src/platform/http/types.ts';
import { describeEngines } from './harness.ts';

/** Who may call a route, by the permission table alone. */
function allowed(access: RouteAccess | undefined, role: string | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === undefined || access === 'authenticated') return true;
  const needed: readonly Permission[] = typeof access === 'string' ? [access as Permission] : access;
  const granted = ROLES[role as keyof typeof ROLES] as readonly Permission[];
  return needed.some((p) => granted.includes(p));
}

describeEngines('matriz de permisos: cada ruta × cada rol', (t) => {
  it('un rol sin el permiso recibe 403 FORBIDDEN; con el permiso, nunca; sin sesión, 401', async () => {
    const app = t();
    const cookies = new Map<string | null, string | undefined>([[null, undefined]]);
    for (const role of ROLE_NAMES) {
      const username = `matriz_${role}`.slice(0, 32);
      await createUser(
        app.platform,
        { userId: null, username: 'test', ip: null },
        {
          username,
          fullName: role,
          password: 'clave-de-prueba',
          roles: [role],
        },
      );
      cookies.set(role, await app.login(username, 'clave-de-prueba'));
    }
    const apiRoutes = app.routes.filter(
      (r) => r.url.startsWith('/api/v1/') && !r.url.endsWith('/ws') && !r.url.endsWith('/auth/logout'),
    );
    expect(apiRoutes.length).toBeGreaterThan(60);
    const failures: string[] = [];
    for (const route of apiRoutes) {
      const url = route.url.replace(/:[a-z_]+/g, 'x');
      for (const [role, cookie] of cookies) {
        const response = await app.app.inject({
          method: route.method as 'GET',
          url,
          headers: cookie
            ? { cookie, 'content-type': 'application/json' }
            : { 'content-type': 'application/json' },
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
        });
        const code = response.statusCode >= 400 ? response.json().error?.code : null;
        const expected = allowed(route.access, role);
        const refused = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';
        if (expected === refused)
          failures.push(
            `${route.method} ${route.url} as ${role ?? 'anónimo'} → ${response.statusCode} ${code}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });
});
