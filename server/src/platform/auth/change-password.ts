import type { Actor } from '../audit/audit.ts';
import { AppError, notFound } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { findUserById, updateUser } from './users.repo.ts';

export async function changePassword(
  platform: Platform,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(platform.db, actor.userId ?? '');
  if (!user) throw notFound('user', actor.userId ?? undefined);
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError('WRONG_PASSWORD', 422);
  const passwordHash = await hashPassword(input.newPassword);
  await platform.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, {
      password_hash: passwordHash,
      must_change_password: 0,
      updated_at: platform.clock.now().toISOString(),
    });
    await platform.audit(trx, actor, { entity: 'user', entityId: user.id, action: 'password_changed' });
  });
}
