import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { isUniqueViolation, lotteryDb } from './db.ts';
import { findPartner, insertPartner, updatePartner } from './layoff.repo.ts';

export interface PartnerInput {
  code?: string;
  name?: string;
  commissionBp?: number;
  contact?: string | null;
  active?: boolean;
}

/** Registers a partner operator (bote) or changes one; audited with before and after. */
export async function savePartner(
  platform: Platform,
  actor: Actor,
  id: string | null,
  input: PartnerInput,
): Promise<string> {
  const db = lotteryDb(platform.db);
  const at = platform.clock.now().toISOString();
  try {
    if (id === null) {
      const row = {
        id: newId(),
        code: input.code!,
        name: input.name!,
        commission_bp: input.commissionBp ?? 0,
        contact: input.contact ?? null,
        active: input.active === false ? 0 : 1,
        created_at: at,
        updated_at: at,
      };
      await platform.db.transaction().execute(async (trx) => {
        await insertPartner(lotteryDb(trx), row);
        await platform.audit(trx, actor, {
          entity: 'lottery_partner',
          entityId: row.id,
          action: 'create',
          after: row,
        });
      });
      return row.id;
    }
    const before = await findPartner(db, id);
    if (!before || before.id !== id) throw notFound('lottery_partner', id);
    const changes = {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.commissionBp !== undefined && { commission_bp: input.commissionBp }),
      ...(input.contact !== undefined && { contact: input.contact }),
      ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
      updated_at: at,
    };
    await platform.db.transaction().execute(async (trx) => {
      await updatePartner(lotteryDb(trx), id, changes);
      await platform.audit(trx, actor, {
        entity: 'lottery_partner',
        entityId: id,
        action: 'update',
        before,
        after: changes,
      });
    });
    return id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CODE_TAKEN', 409, { code: input.code });
    throw error;
  }
}
