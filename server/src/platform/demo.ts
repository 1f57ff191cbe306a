import type { Actor } from './audit/audit.ts';
import { hashPassword } from './auth/passwords.ts';
import { insertUser } from './auth/users.repo.ts';
import { newId } from './ids.ts';
import type { Platform } from './platform.ts';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS = [
  { username: 'admin', fullName: 'Administrador General', roles: ['superadmin'] },
  { username: 'supervisor1', fullName: 'Supervisor Zona Gilberto', roles: ['supervisor'] },
  { username: 'cobrador1', fullName: 'Cobrador Zona Gilberto', roles: ['cobrador'] },
  { username: 'juan001', fullName: 'Juan Pérez', roles: ['vendedor'] },
  { username: 'despacho1', fullName: 'Despacho Panadería', roles: ['semiadmin'] },
  { username: 'ruta1', fullName: 'Carlos Ruta Uno', roles: ['route_seller'] },
  { username: 'panadero', fullName: 'Administración Panadería', roles: ['bakery_admin'] },
] as const;

/** The demo people every profile shares; modules add their own (bancas, sellers …) after this. */
export async function loadPlatformDemo(platform: Platform, actor: Actor): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = platform.clock.now().toISOString();
  await platform.db.transaction().execute(async (trx) => {
    for (const user of DEMO_USERS) {
      const id = newId();
      await insertUser(
        trx,
        {
          id,
          username: user.username,
          full_name: user.fullName,
          email: null,
          password_hash: passwordHash,
          active: 1,
          must_change_password: 0,
          failed_logins: 0,
          locked_until: null,
          created_at: at,
          updated_at: at,
          last_login_at: null,
          version: 1,
        },
        [...user.roles],
      );
      await platform.audit(trx, actor, {
        entity: 'user',
        entityId: id,
        action: 'create',
        after: { username: user.username, roles: user.roles, demo: true },
      });
    }
  });
}
