import { permissionsOf } from '@matriz/shared/auth/permissions';
import type { Actor } from '../audit/audit.ts';
import { AppError } from '../errors.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import type { Platform } from '../platform.ts';
import { forgetSessions } from './guard.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { endOpenSessions, insertSession } from './sessions.repo.ts';
import { findUserByUsername, updateUser } from './users.repo.ts';

export interface LoginInput {
  username: string;
  password: string;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  user: { id: string; username: string; full_name: string; roles: string[]; permissions: string[] };
  mustChangePassword: boolean;
}

/**
 * Checks the password, locks the account after repeated failures, and opens the one session the
 * user may have: any earlier session ends and its screens are told why.
 */
export async function login(platform: Platform, actor: Actor, input: LoginInput): Promise<LoginResult> {
  const { db, clock, config } = platform;
  const now = clock.now();
  const at = now.toISOString();
  const user = await findUserByUsername(db, input.username);
  const failedActor = { ...actor, userId: user?.id ?? null, username: input.username.toLowerCase() };

  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await platform.audit(db, failedActor, {
      entity: 'user',
      action: 'login_failed',
      after: { reason: 'unknown_user' },
    });
    throw new AppError('INVALID_CREDENTIALS', 401);
  }
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    const minutes = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000);
    await platform.audit(db, failedActor, { entity: 'user', entityId: user.id, action: 'login_locked' });
    throw new AppError('ACCOUNT_LOCKED', 429, { minutes });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = await db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('users')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', user.id)
        .returning('failed_logins')
        .executeTakeFirstOrThrow();
      const lock = row.failed_logins >= config.lockoutThreshold;
      if (lock) {
        const until = new Date(now.getTime() + config.lockoutMinutes * 60_000).toISOString();
        await updateUser(trx, user.id, { locked_until: until, failed_logins: 0 });
      }
      await platform.audit(trx, failedActor, {
        entity: 'user',
        entityId: user.id,
        action: lock ? 'login_lockout' : 'login_failed',
        after: { failed_logins: row.failed_logins },
      });
      return lock;
    });
    if (failures) throw new AppError('ACCOUNT_LOCKED', 429, { minutes: config.lockoutMinutes });
    throw new AppError('INVALID_CREDENTIALS', 401);
  }
  if (user.active !== 1) throw new AppError('USER_INACTIVE', 403);

  const token = newToken();
  const replaced = await db.transaction().execute(async (trx) => {
    const ended = await endOpenSessions(trx, user.id, 'replaced', at);
    await insertSession(trx, {
      id: newId(),
      token_hash: sha256(token),
      user_id: user.id,
      created_at: at,
      last_seen_at: at,
      ended_at: null,
      end_reason: null,
      ip: actor.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await updateUser(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: at });
    await platform.audit(
      trx,
      { ...actor, userId: user.id, username: user.username },
      {
        entity: 'user',
        entityId: user.id,
        action: 'login',
        after: { replaced_sessions: ended.length },
      },
    );
    return ended;
  });
  if (replaced.length > 0) {
    forgetSessions(platform, replaced);
    platform.bus.publish({
      type: 'session.ended',
      payload: { reason: 'SESSION_REPLACED' },
      audience: { sessionIds: replaced },
    });
  }
  return {
    token,
    user: {
      id: user.id,
      username: user.username,
      full_name: user.full_name,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
    },
    mustChangePassword: user.must_change_password === 1,
  };
}
