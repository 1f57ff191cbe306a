import type { Actor } from '../audit/audit.ts';
import { AppError, notFound } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { checkRoles } from './create-user.ts';
import { forgetSessions } from './guard.ts';
import { hashPassword } from './passwords.ts';
import { endOpenSessions } from './sessions.repo.ts';
import { auditPicture } from './user-view.ts';
import { findUserById, setUserRoles, type UserRow, updateUser } from './users.repo.ts';

async function loadUser(platform: Platform, id: string): Promise<UserRow> {
  const user = await findUserById(platform.db, id);
  if (!user) throw notFound('user', id);
  return user;
}

export async function editUser(
  platform: Platform,
  actor: Actor,
  id: string,
  changes: { fullName?: string; email?: string | null; roles?: string[] },
): Promise<UserRow> {
  const before = await loadUser(platform, id);
  const roles = changes.roles ? checkRoles(changes.roles) : undefined;
  await platform.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, {
      ...(changes.fullName !== undefined && { full_name: changes.fullName }),
      ...(changes.email !== undefined && { email: changes.email }),
      updated_at: platform.clock.now().toISOString(),
      version: before.version + 1,
    });
    if (roles) await setUserRoles(trx, id, roles);
    const after = await findUserById(trx, id);
    await platform.audit(trx, actor, {
      entity: 'user',
      entityId: id,
      action: 'update',
      before: auditPicture(before),
      after: auditPicture(after!),
    });
  });
  return loadUser(platform, id);
}

/** Deactivating ends the user's sessions at once; the screens are told. */
export async function setUserActive(
  platform: Platform,
  actor: Actor,
  id: string,
  active: boolean,
): Promise<UserRow> {
  const before = await loadUser(platform, id);
  if (!active && id === actor.userId) throw new AppError('CANNOT_DEACTIVATE_SELF', 422);
  const at = platform.clock.now().toISOString();
  const ended = await platform.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, {
      active: active ? 1 : 0,
      updated_at: at,
      failed_logins: 0,
      locked_until: null,
    });
    const endedSessions = active ? [] : await endOpenSessions(trx, id, 'deactivated', at);
    await platform.audit(trx, actor, {
      entity: 'user',
      entityId: id,
      action: active ? 'reactivate' : 'deactivate',
      before: { active: before.active === 1 },
      after: { active },
    });
    return endedSessions;
  });
  if (ended.length > 0) {
    forgetSessions(platform, ended);
    platform.bus.publish({
      type: 'session.ended',
      payload: { reason: 'USER_INACTIVE' },
      audience: { sessionIds: ended },
    });
  }
  return loadUser(platform, id);
}

export async function resetUserPassword(
  platform: Platform,
  actor: Actor,
  id: string,
  newPassword: string,
): Promise<void> {
  await loadUser(platform, id);
  const passwordHash = await hashPassword(newPassword);
  await platform.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, {
      password_hash: passwordHash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      updated_at: platform.clock.now().toISOString(),
    });
    await platform.audit(trx, actor, { entity: 'user', entityId: id, action: 'password_reset' });
  });
}
