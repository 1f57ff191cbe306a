import type { Actor } from '../audit/audit.ts';
import { AppError, notFound } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { auditPicture } from './user-view.ts';
import { deleteUserRow, findUserById, userActedInAudit } from './users.repo.ts';

/**
 * Permanent deletion is for mistakes only: a user who ever signed in, acted, or is referenced by
 * any business record (a foreign key refuses the delete) keeps their row and can only be deactivated.
 */
export async function deleteUser(platform: Platform, actor: Actor, id: string): Promise<void> {
  const user = await findUserById(platform.db, id);
  if (!user) throw notFound('user', id);
  if (user.last_login_at || (await userActedInAudit(platform.db, id)))
    throw new AppError('USER_HAS_HISTORY', 409);
  try {
    await platform.db.transaction().execute(async (trx) => {
      await deleteUserRow(trx, id);
      await platform.audit(trx, actor, {
        entity: 'user',
        entityId: id,
        action: 'delete',
        before: auditPicture(user),
      });
    });
  } catch (error) {
    if (/foreign key/i.test(String((error as Error).message))) throw new AppError('USER_HAS_HISTORY', 409);
    throw error;
  }
}
