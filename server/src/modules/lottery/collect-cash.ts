import type { Actor } from '../../platform/audit/audit.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { recordMovement } from './approve-movement.ts';

/** Cobro: the zone's cobrador (or an admin) collects cash from a banca; above the threshold an admin approves. */
export function collectCash(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  request: { bancaId: string; amountCents: number; note: string | null; idempotencyKey?: string },
) {
  return recordMovement(platform, actor, auth, { kind: 'cobro', ...request });
}
