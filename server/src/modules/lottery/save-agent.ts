import { percentToBasisPoints } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { isUniqueViolation, type LotteryDb, lotteryDb } from './db.ts';
import { type AgentRow, findAgent, findZone, insertAgents, updateAgentRow } from './network.repo.ts';

export interface AgentInput {
  code?: string;
  name?: string;
  phone?: string | null;
  zone_id?: string | null;
  commission_percent?: number;
}

async function checkZone(db: LotteryDb, zoneId: string | null | undefined): Promise<void> {
  if (!zoneId) return;
  if (!(await findZone(db, zoneId)))
    throw new AppError('NOT_FOUND', 422, { field: 'zone_id', entity: 'lottery_zone', id: zoneId });
}

const basisPoints = (percent: number | undefined) =>
  percent === undefined ? undefined : (percentToBasisPoints(percent) ?? undefined);

export async function createAgent(
  platform: Platform,
  actor: Actor,
  input: AgentInput & { code: string; name: string; commission_percent: number },
): Promise<AgentRow> {
  const id = newId();
  const at = platform.clock.now().toISOString();
  try {
    await platform.db.transaction().execute(async (trx) => {
      const db = lotteryDb(trx);
      await checkZone(db, input.zone_id);
      const row = {
        id,
        code: input.code,
        name: input.name,
        phone: input.phone ?? null,
        zone_id: input.zone_id ?? null,
        commission_bp: basisPoints(input.commission_percent)!,
        active: 1,
        created_at: at,
        updated_at: at,
      };
      await insertAgents(db, [row]);
      await platform.audit(trx, actor, {
        entity: 'lottery_agent',
        entityId: id,
        action: 'create',
        after: row,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('CODE_TAKEN', { field: 'code', code: input.code });
    throw error;
  }
  return (await findAgent(lotteryDb(platform.db), id))!;
}

export async function updateAgent(
  platform: Platform,
  actor: Actor,
  id: string,
  input: AgentInput,
): Promise<AgentRow> {
  try {
    await platform.db.transaction().execute(async (trx) => {
      const db = lotteryDb(trx);
      const before = await findAgent(db, id);
      if (!before) throw notFound('lottery_agent', id);
      await checkZone(db, input.zone_id);
      const changes = Object.fromEntries(
        Object.entries({
          code: input.code,
          name: input.name,
          phone: input.phone,
          zone_id: input.zone_id,
          commission_bp: basisPoints(input.commission_percent),
        }).filter(([, v]) => v !== undefined),
      );
      await updateAgentRow(db, id, { ...changes, updated_at: platform.clock.now().toISOString() });
      await platform.audit(trx, actor, {
        entity: 'lottery_agent',
        entityId: id,
        action: 'update',
        before,
        after: await findAgent(db, id),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('CODE_TAKEN', { field: 'code', code: input.code });
    throw error;
  }
  return (await findAgent(lotteryDb(platform.db), id))!;
}
