import { BANCA_ROLES } from '@matriz/shared/api/lottery-catalog';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { isUniqueViolation, lotteryDb } from './db.ts';
import { findBanca, findUserBrief, findZone, insertAssignments, listAssignments } from './network.repo.ts';

export interface AssignInput {
  userId: string;
  role: string;
  bancaId?: string;
  zoneId?: string;
}

/** Sellers and cashiers go to a banca; supervisors and cobradores to a zone. */
export function assignmentTarget(input: AssignInput): {
  bancaId: string | null;
  zoneId: string | null;
  targetKey: string;
} {
  if (BANCA_ROLES.includes(input.role)) {
    if (!input.bancaId || input.zoneId)
      throw new AppError('ASSIGNMENT_NEEDS_BANCA', 422, { field: 'banca_id', role: input.role });
    return { bancaId: input.bancaId, zoneId: null, targetKey: `banca:${input.bancaId}` };
  }
  if (!input.zoneId || input.bancaId)
    throw new AppError('ASSIGNMENT_NEEDS_ZONE', 422, { field: 'zone_id', role: input.role });
  return { bancaId: null, zoneId: input.zoneId, targetKey: `zone:${input.zoneId}` };
}

export async function assignUser(platform: Platform, actor: Actor, input: AssignInput) {
  const target = assignmentTarget(input);
  const id = newId();
  try {
    await platform.db.transaction().execute(async (trx) => {
      const db = lotteryDb(trx);
      if (!(await findUserBrief(db, input.userId))) {
        throw new AppError('NOT_FOUND', 422, { field: 'user_id', entity: 'user', id: input.userId });
      }
      if (target.bancaId && !(await findBanca(db, target.bancaId))) {
        throw new AppError('NOT_FOUND', 422, {
          field: 'banca_id',
          entity: 'lottery_banca',
          id: target.bancaId,
        });
      }
      if (target.zoneId && !(await findZone(db, target.zoneId))) {
        throw new AppError('NOT_FOUND', 422, { field: 'zone_id', entity: 'lottery_zone', id: target.zoneId });
      }
      const row = {
        id,
        user_id: input.userId,
        banca_id: target.bancaId,
        zone_id: target.zoneId,
        role: input.role,
        target_key: target.targetKey,
        created_at: platform.clock.now().toISOString(),
      };
      await insertAssignments(db, [row]);
      await platform.audit(trx, actor, {
        entity: 'lottery_assignment',
        entityId: id,
        action: 'create',
        after: row,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('ALREADY_ASSIGNED', { field: 'user_id' });
    throw error;
  }
  const rows = await listAssignments(lotteryDb(platform.db), { userId: input.userId });
  return rows.find((r) => r.id === id)!;
}
