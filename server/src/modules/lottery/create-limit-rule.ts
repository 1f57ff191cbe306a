import type { LimitRuleBody } from '@matriz/shared/api/lottery-tickets';
import {
  BET_TYPE_CODES,
  BET_TYPES,
  type BetTypeCode,
  betTypesFor,
  normalizeNumber,
  type ResultFormat,
  validateNumber,
} from '@matriz/shared/lottery/games';
import { toCents } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { findLottery } from './catalog.repo.ts';
import { countEarlierSales } from './count-earlier-sales.ts';
import { type LotteryDb, lotteryDb } from './db.ts';
import { findDraw } from './draws.repo.ts';
import { findLimitScope, insertLimitRule } from './limits.repo.ts';
import { findBanca, findZone } from './network.repo.ts';

/** A limit rule names exactly what its level needs: a zone for a zone limit, a banca for a banca limit … */
function checkShape(body: LimitRuleBody): void {
  if (body.level === 'zone' && !body.zone_id)
    throw new AppError('LIMIT_RULE_INCOMPLETE', 422, { field: 'zone_id', level: body.level });
  if (body.level === 'banca' && !body.banca_id)
    throw new AppError('LIMIT_RULE_INCOMPLETE', 422, { field: 'banca_id', level: body.level });
  if ((body.level === 'bet_type' || body.level === 'number') && !body.bet_type) {
    throw new AppError('LIMIT_RULE_INCOMPLETE', 422, { field: 'bet_type', level: body.level });
  }
  if (body.level !== 'number' && body.number)
    throw new AppError('LIMIT_RULE_INCOMPLETE', 422, { field: 'number', level: body.level });
  if (body.starts_on && body.ends_on && body.starts_on > body.ends_on)
    throw new AppError('INVALID_DATE_RANGE', 422, { field: 'ends_on' });
}

/** Admins (who manage the network) set limits, blocks and hot numbers anywhere. */
export const managesWholeNetwork = (auth: AuthContext) => auth.permissions.has('lottery.network.manage');

/**
 * Anyone else may set or change a limit only inside what they cover: narrowed to one of their
 * zones or one of their bancas. A global or network-wide rule needs an admin.
 */
export async function checkLimitScope(
  db: LotteryDb,
  auth: AuthContext,
  rule: { level: string; zone_id: string | null; banca_id: string | null },
): Promise<void> {
  if (managesWholeNetwork(auth)) return;
  if (rule.level === 'global') throw new AppError('LIMIT_NEEDS_ADMIN', 403, { field: 'level' });
  if (!rule.zone_id && !rule.banca_id) throw new AppError('LIMIT_NEEDS_ADMIN', 403, { field: 'zone_id' });
  const scope = await findLimitScope(db, auth.userId);
  if (rule.banca_id && !scope.bancaIds.has(rule.banca_id))
    throw new AppError('LIMIT_OUT_OF_SCOPE', 403, { field: 'banca_id', id: rule.banca_id });
  if (rule.zone_id && !scope.zoneIds.has(rule.zone_id))
    throw new AppError('LIMIT_OUT_OF_SCOPE', 403, { field: 'zone_id', id: rule.zone_id });
}

export interface LimitTarget {
  zoneId?: string | null;
  bancaId?: string | null;
  lotteryId?: string | null;
  drawId?: string | null;
  betType?: BetTypeCode | null;
  number?: string | null;
  /** Blocks: a two-digit number also stands for every palé, tripleta or super palé carrying it. */
  carriedInPairs?: boolean;
}

const missing = (field: string, id: string) => new AppError('LIMIT_TARGET_NOT_FOUND', 422, { field, id });

/**
 * Refuses what could never govern a sale: a zone, banca, lottery or draw that does not exist or
 * that do not go together, a bet type the lottery does not sell, a number no sold line ever carries.
 * Returns the number as sold lines carry it (a palé's pairs in ascending order), or null.
 */
export async function checkLimitTarget(db: LotteryDb, target: LimitTarget): Promise<string | null> {
  const [zone, banca, lottery, draw] = await Promise.all([
    target.zoneId ? findZone(db, target.zoneId) : null,
    target.bancaId ? findBanca(db, target.bancaId) : null,
    target.lotteryId ? findLottery(db, target.lotteryId) : null,
    target.drawId ? findDraw(db, target.drawId) : null,
  ]);
  if (target.zoneId && !zone) throw missing('zone_id', target.zoneId);
  if (target.bancaId && !banca) throw missing('banca_id', target.bancaId);
  if (target.lotteryId && !lottery) throw missing('lottery_id', target.lotteryId);
  if (target.drawId && !draw) throw missing('draw_id', target.drawId);
  if (zone && banca && banca.zone_id !== zone.id)
    throw new AppError('LIMIT_TARGET_MISMATCH', 422, { field: 'banca_id', other: 'zone_id' });
  if (lottery && draw && draw.lottery_id !== lottery.id)
    throw new AppError('LIMIT_TARGET_MISMATCH', 422, { field: 'draw_id', other: 'lottery_id' });

  const lotteryCode = lottery?.code ?? draw?.lottery_code ?? null;
  const format = (lottery?.result_format ?? draw?.result_format ?? null) as ResultFormat | null;
  const sold: readonly BetTypeCode[] = format ? betTypesFor(format) : BET_TYPE_CODES;
  if (target.betType && !sold.includes(target.betType))
    throw new AppError('LIMIT_BET_TYPE_NOT_SOLD', 422, {
      field: 'bet_type',
      bet_type: target.betType,
      lottery: lotteryCode,
    });
  const number = target.number ?? null;
  if (number === null) return null;
  if (target.betType) {
    if (target.carriedInPairs && BET_TYPES[target.betType].shape === 'pairs' && /^\d{2}$/.test(number))
      return number;
    const normalized = normalizeNumber(target.betType, number);
    const reason = validateNumber(target.betType, normalized);
    if (reason)
      throw new AppError('LIMIT_NUMBER_INVALID', 422, {
        field: 'number',
        number,
        bet_type: target.betType,
        reason,
      });
    return normalized;
  }
  const takenAsWritten = sold.some(
    (type) => normalizeNumber(type, number) === number && validateNumber(type, number) === null,
  );
  if (!takenAsWritten)
    throw new AppError('NUMBER_NEVER_SOLD', 422, { field: 'number', number, lottery: lotteryCode });
  return number;
}

export async function createLimitRule(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  body: LimitRuleBody,
): Promise<string> {
  checkShape(body);
  const db = lotteryDb(platform.db);
  const number = await checkLimitTarget(db, {
    zoneId: body.zone_id,
    bancaId: body.banca_id,
    lotteryId: body.lottery_id,
    drawId: body.draw_id,
    betType: body.bet_type,
    number: body.number,
  });
  await checkLimitScope(db, auth, {
    level: body.level,
    zone_id: body.zone_id ?? null,
    banca_id: body.banca_id ?? null,
  });
  const id = newId();
  const at = platform.clock.now().toISOString();
  const row = {
    id,
    level: body.level,
    measure: body.measure,
    max_cents: toCents(body.max_amount)!,
    lottery_id: body.lottery_id ?? null,
    draw_id: body.draw_id ?? null,
    zone_id: body.zone_id ?? null,
    banca_id: body.banca_id ?? null,
    bet_type: body.bet_type ?? null,
    number,
    weekday: body.weekday ?? null,
    starts_on: body.starts_on ?? null,
    ends_on: body.ends_on ?? null,
    note: body.note ?? null,
    active: 1,
    created_at: at,
    updated_at: at,
  };
  await platform.db.transaction().execute(async (trx) => {
    await insertLimitRule(lotteryDb(trx), row);
    await countEarlierSales(lotteryDb(trx), {
      drawId: row.draw_id,
      lotteryId: row.lottery_id,
      betType: row.bet_type,
    });
    await platform.audit(trx, actor, {
      entity: 'lottery_limit_rule',
      entityId: id,
      action: 'create',
      after: row,
    });
  });
  return id;
}
