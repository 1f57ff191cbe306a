import { isRoleName } from '@matriz/shared/auth/permissions';
import type { Actor } from '../audit/audit.ts';
import { AppError, conflict } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Platform } from '../platform.ts';
import { hashPassword } from './passwords.ts';
import { auditPicture } from './user-view.ts';
import { findUserById, findUserByUsername, insertUser, type UserRow } from './users.repo.ts';

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string | null;
  password: string;
  roles: string[];
  mustChangePassword?: boolean;
}

export function checkRoles(roles: string[]): string[] {
  for (const role of roles) if (!isRoleName(role)) throw new AppError('UNKNOWN_ROLE', 422, { role });
  return [...new Set(roles)];
}

export async function createUser(platform: Platform, actor: Actor, input: CreateUserInput): Promise<UserRow> {
  const roles = checkRoles(input.roles);
  const username = input.username.toLowerCase();
  if (await findUserByUsername(platform.db, username)) throw conflict('USERNAME_TAKEN', { username });
  const passwordHash = await hashPassword(input.password);
  const at = platform.clock.now().toISOString();
  const id = newId();
  await platform.db
    .transaction()
    .execute(async (trx) => {
      await insertUser(
        trx,
        {
          id,
          username,
          full_name: input.fullName,
          email: input.email ?? null,
          password_hash: passwordHash,
          active: 1,
          must_change_password: input.mustChangePassword ? 1 : 0,
          failed_logins: 0,
          locked_until: null,
          created_at: at,
          updated_at: at,
          last_login_at: null,
          version: 1,
        },
        roles,
      );
      const created = await findUserById(trx, id);
      await platform.audit(trx, actor, {
        entity: 'user',
        entityId: id,
        action: 'create',
        after: auditPicture(created!),
      });
    })
    .catch((error: unknown) => {
      if (String((error as Error).message).match(/unique|UNIQUE/))
        throw conflict('USERNAME_TAKEN', { username });
      throw error;
    });
  return (await findUserById(platform.db, id))!;
}
