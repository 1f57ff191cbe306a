import type { LimitRuleBody } from '@matriz/shared/api/lottery-tickets';
import { toCents } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { insertLimitRule } from './limits.repo.ts';

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

export async function createLimitRule(
  platform: Platform,
  actor: Actor,
  body: LimitRuleBody,
): Promise<string> {
  checkShape(body);
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
    number: body.number ?? null,
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
    await platform.audit(trx, actor, {
      entity: 'lottery_limit_rule',
      entityId: id,
      action: 'create',
      after: row,
    });
  });
  return id;
}
