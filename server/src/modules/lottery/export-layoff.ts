import {
  type BetTypeCode,
  isBetTypeCode,
  normalizeNumber,
  validateNumber,
} from '@matriz/shared/lottery/games';
import { layoffCommission } from '@matriz/shared/lottery/layoff';
import type { Actor } from '../../platform/audit/audit.ts';
import { businessDate } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { findDraw } from './draws.repo.ts';
import { findPartner, insertLayoff, layoffTotals, retentionCandidates, soldOn } from './layoff.repo.ts';
import { consumeCounters } from './limits.repo.ts';
import type { LotteryLayoffsTable } from './risk-tables.ts';
import { insertLedgerEntries } from './tickets.repo.ts';

export interface LayoffRequest {
  lottery?: string;
  drawId: string;
  number: string;
  betType: string;
  amountCents: number;
  partner: string;
  commissionBp?: number;
  reference?: string | null;
}

/** How a lay-off's ledger entries read on a partner's statement: which draw, which play, which partner. */
export function layoffMemo(
  label: string,
  draw: { lottery_code: string; draw_date: string; draw_time: string },
  play: { betType: string; number: string; partnerCode: string },
): string {
  return `${label} ${draw.lottery_code} ${draw.draw_date} ${draw.draw_time} ${play.betType} ${play.number} ${play.partnerCode}`;
}

/** The house's own retention for a (lottery, bet type, number): the most specific rule, else 0. */
async function retentionFor(
  platform: Platform,
  lotteryId: string,
  betType: string,
  number: string,
): Promise<number> {
  const candidates = await retentionCandidates(lotteryDb(platform.db), lotteryId, betType, number);
  const score = (r: { lottery_id: string | null; number: string | null }) =>
    (r.number ? 2 : 0) + (r.lottery_id ? 1 : 0);
  const best = candidates.sort((a, b) => score(b) - score(a))[0];
  return best ? Number(best.max_cents) : 0;
}

/**
 * Records an export (lay-off of excess to a partner) or an import (a partner's excess taken on).
 * An export may never pass the sales above the house's retention (plus imports) still not exported:
 * it is checked inside the transaction by a conditional upsert of the counter `X|draw|bet type|number`
 * whose limit is that excess, so two concurrent exports cannot both take the last of it.
 */
export async function recordLayoff(
  platform: Platform,
  actor: Actor,
  direction: 'export' | 'import',
  request: LayoffRequest,
): Promise<string> {
  const db = lotteryDb(platform.db);
  const draw = await findDraw(db, request.drawId);
  if (!draw) throw notFound('lottery_draw', request.drawId);
  if (request.lottery && request.lottery !== draw.lottery_code && request.lottery !== draw.lottery_id)
    throw new AppError('DRAW_LOTTERY_MISMATCH', 422, { lottery: request.lottery, draw: draw.lottery_code });
  if (draw.status === 'settled' || draw.status === 'resulted')
    throw new AppError('LAYOFF_DRAW_RESULTED', 409, { status: draw.status });
  if (!isBetTypeCode(request.betType))
    throw new AppError('BET_TYPE_UNKNOWN', 422, { bet_type: request.betType });
  const betType: BetTypeCode = request.betType;
  const number = normalizeNumber(betType, request.number);
  const problem = validateNumber(betType, number);
  if (problem) throw new AppError('INVALID_NUMBER', 422, { number: request.number, reason: problem });
  const partner = await findPartner(db, request.partner);
  if (!partner) throw notFound('lottery_partner', request.partner);
  if (partner.active !== 1) throw new AppError('PARTNER_INACTIVE', 409, { partner: partner.code });
  const retention =
    direction === 'export' ? await retentionFor(platform, draw.lottery_id, betType, number) : 0;
  const commissionBp = request.commissionBp ?? partner.commission_bp;
  const commission = layoffCommission(request.amountCents, commissionBp);
  const now = platform.clock.now();
  const at = now.toISOString();
  const day = businessDate(now, platform.config.timezone);
  const row: LotteryLayoffsTable = {
    id: newId(),
    direction,
    partner_id: partner.id,
    lottery_id: draw.lottery_id,
    draw_id: draw.id,
    bet_type: betType,
    bet_number: number,
    amount: request.amountCents,
    commission_bp: commissionBp,
    commission_amount: commission,
    reference: request.reference ?? null,
    created_by: actor.userId,
    created_at: at,
    business_date: day,
    prize_share: 0,
    shared_at: null,
  };
  const account = `partner:${partner.id}`;
  const entry = (kind: string, debit: string, credit: string, amount: number) => ({
    id: newId(),
    at,
    business_date: day,
    banca_id: 'house',
    kind,
    ticket_id: null,
    debit_account: debit,
    credit_account: credit,
    amount,
    memo: layoffMemo(direction === 'export' ? 'BOTE EXPORTADO' : 'BOTE IMPORTADO', draw, {
      betType,
      number,
      partnerCode: partner.code,
    }),
  });
  const ledger =
    direction === 'export'
      ? [
          entry('layoff_export', 'house:layoff_ceded', `${account}:payable`, request.amountCents),
          entry('layoff_commission', `${account}:payable`, 'house:layoff_commission', commission),
        ]
      : [
          entry('layoff_import', `${account}:receivable`, 'house:layoff_assumed', request.amountCents),
          entry('layoff_commission', 'house:layoff_commission_paid', `${account}:receivable`, commission),
        ];

  await platform.db.transaction().execute(async (trx) => {
    const tdb = lotteryDb(trx);
    if (direction === 'export') {
      const [sold, totals] = await Promise.all([
        soldOn(tdb, draw.id, betType, number),
        layoffTotals(tdb, draw.id, betType, number),
      ]);
      const excess = Math.max(0, sold + totals.imported - retention);
      const key = `X|${draw.id}|${betType}|${number}`;
      const consumed = await consumeCounters(tdb, () => draw.id, [
        { key, limitCents: excess, amountCents: request.amountCents, level: 'number', ruleId: null, number },
      ]);
      // A first insert is not conditional: check the total against the excess as well.
      if (!consumed.has(key) || totals.exported + request.amountCents > excess) {
        throw new AppError('LAYOFF_EXCEEDS_EXCESS', 422, {
          sold: sold / 100,
          imported: totals.imported / 100,
          retention: retention / 100,
          exported: totals.exported / 100,
          available: Math.max(0, excess - totals.exported) / 100,
          requested: request.amountCents / 100,
        });
      }
    }
    await insertLayoff(tdb, row);
    await insertLedgerEntries(
      tdb,
      ledger.filter((e) => e.amount > 0),
    );
    await platform.audit(trx, actor, {
      entity: 'lottery_layoff',
      entityId: row.id,
      action: direction,
      after: { ...row, partner: partner.code, lottery: draw.lottery_code },
    });
  });
  platform.bus.publish({
    type: 'lottery.layoff.recorded',
    payload: { id: row.id, direction, draw_id: draw.id, bet_type: betType, number, amount: row.amount / 100 },
    audience: { permission: 'lottery.risk.read' },
  });
  return row.id;
}

/** POST /lottery/pots/export: lays off part of the excess of a number to a partner operator. */
export function exportLayoff(platform: Platform, actor: Actor, request: LayoffRequest): Promise<string> {
  return recordLayoff(platform, actor, 'export', request);
}
