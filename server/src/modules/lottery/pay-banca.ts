import type { Actor } from '../../platform/audit/audit.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { recordMovement } from './approve-movement.ts';

/** Pago: the house brings cash to a banca (e.g. to pay a big prize); above the threshold an admin approves. */
export function payBanca(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  request: { bancaId: string; amountCents: number; note: string | null; idempotencyKey?: string },
) {
  return recordMovement(platform, actor, auth, { kind: 'pago', ...request });
}
