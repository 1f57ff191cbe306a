import type { Actor } from '../audit/audit.ts';
import type { Platform } from '../platform.ts';
import { forgetSessions } from './guard.ts';
import { endSession } from './sessions.repo.ts';

export async function logout(platform: Platform, actor: Actor, sessionId: string): Promise<void> {
  await platform.db.transaction().execute(async (trx) => {
    await endSession(trx, sessionId, 'logout', platform.clock.now().toISOString());
    await platform.audit(trx, actor, { entity: 'user', entityId: actor.userId, action: 'logout' });
  });
  forgetSessions(platform, [sessionId]);
  // Other instances forget the session, and the session's other tabs close their live channel.
  platform.bus.publish({
    type: 'session.ended',
    payload: { reason: 'SIGNED_OUT' },
    audience: { sessionIds: [sessionId] },
  });
}
