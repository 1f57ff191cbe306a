import { type BetTypeCode, DEFAULT_PRIZES, type DrawResult, evaluate } from '@matriz/shared/lottery/games';
import { splitPrizeAmong } from '@matriz/shared/lottery/layoff';
import { potentialPrize } from '@matriz/shared/lottery/pricing';
import { type Actor, systemActor } from '../../platform/audit/audit.ts';
import { businessDate } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { type LotteryDb, lotteryDb } from './db.ts';
import { findDraw } from './draws.repo.ts';
import { layoffMemo } from './export-layoff.ts';
import { findPartner, layoffsOfDraw, setLayoffShare, soldOn, winningLinesOn } from './layoff.repo.ts';
import type { LotteryLedgerEntriesTable } from './sales-tables.ts';
import { insertLedgerEntries } from './tickets.repo.ts';

export interface LayoffShare {
  layoff_id: string;
  direction: string;
  partner_id: string;
  bet_type: string;
  number: string;
  amount: number;
  /** Prizes the house pays on the (draw, bet type, number), imports included, and what it sold there. */
  prize: number;
  sold: number;
  /** Export: the partner's part of the prize (it pays). Import: the prize the house owes the partner. */
  share: number;
}

type Layoff = Awaited<ReturnType<typeof layoffsOfDraw>>[number];

/** An import's prize: its amount × the multiplier the result gives that bet (house's lines, else defaults). */
async function importPrize(db: LotteryDb, layoff: Layoff, result: DrawResult | null): Promise<number> {
  const lines = await winningLinesOn(db, layoff.draw_id, layoff.bet_type, layoff.bet_number);
  let multiplier = 0;
  if (lines.length > 0) {
    const line = lines[0];
    multiplier = (JSON.parse(line.prize_multipliers) as Record<string, number>)[line.prize_class] ?? 0;
  } else if (result) {
    try {
      const hit = evaluate(layoff.bet_type as BetTypeCode, layoff.bet_number, result);
      if (hit)
        multiplier =
          hit.resultMultiplier ?? DEFAULT_PRIZES[layoff.bet_type as BetTypeCode]?.[hit.prizeClass] ?? 0;
    } catch {
      multiplier = 0;
    }
  }
  return multiplier > 0 ? potentialPrize(Number(layoff.amount), 1, multiplier) : 0;
}

/**
 * Once a draw is settled (its winning lines written with their prize), splits each exported
 * number's prizes in proportion: partner = prize × exported ÷ held (half-up), house = the rest, where
 * held = sold + imported and prize counts the imports' prizes too; an import owes its own prize. Writes the ledger (export: debit partner:<id>:receivable, credit
 * house:prizes; import: debit house:prizes, credit partner:<id>:payable). Safe to call again after a
 * result correction: a changed share is reversed and re-posted, an unchanged one is left alone.
 */
export async function layoffShares(
  platform: Platform,
  drawId: string,
  actor: Actor = systemActor,
): Promise<LayoffShare[]> {
  const db = lotteryDb(platform.db);
  const draw = await findDraw(db, drawId);
  if (!draw) throw notFound('lottery_draw', drawId);
  if (draw.status !== 'settled' && draw.status !== 'resulted')
    throw new AppError('LAYOFF_DRAW_NOT_SETTLED', 409, { status: draw.status });
  const result = draw.result_json ? (JSON.parse(draw.result_json) as DrawResult) : null;
  const layoffs = await layoffsOfDraw(db, drawId);
  const shares: LayoffShare[] = [];
  const groups = new Map<string, Layoff[]>();
  for (const layoff of layoffs) {
    const key = `${layoff.bet_type}|${layoff.bet_number}`;
    groups.set(key, [...(groups.get(key) ?? []), layoff]);
  }
  for (const group of groups.values()) {
    const { bet_type: betType, bet_number: number } = group[0];
    const [sold, winners] = await Promise.all([
      soldOn(db, drawId, betType, number),
      winningLinesOn(db, drawId, betType, number),
    ]);
    const imports = group.filter((l) => l.direction === 'import');
    const importPrizes = await Promise.all(imports.map((layoff) => importPrize(db, layoff, result)));
    // The house's position on the number is what it sold plus what it took in from partners, and so
    // is the prize it pays there: an export lays off a part of that whole position.
    const prize =
      winners.reduce((sum, l) => sum + Number(l.prize_amount), 0) + importPrizes.reduce((a, b) => a + b, 0);
    const held = sold + imports.reduce((sum, l) => sum + Number(l.amount), 0);
    const exports = group.filter((l) => l.direction === 'export');
    const exported = exports.map((l) => Number(l.amount));
    // Cancellations after an export can leave less held than exported: then the exports hold it all.
    const base = Math.max(
      held,
      exported.reduce((a, b) => a + b, 0),
    );
    const split = splitPrizeAmong(prize, base, exported);
    exports.forEach((layoff, i) => {
      shares.push({
        layoff_id: layoff.id,
        direction: 'export',
        partner_id: layoff.partner_id,
        bet_type: betType,
        number,
        amount: Number(layoff.amount),
        prize,
        sold,
        share: split.partners[i],
      });
    });
    imports.forEach((layoff, i) => {
      shares.push({
        layoff_id: layoff.id,
        direction: 'import',
        partner_id: layoff.partner_id,
        bet_type: betType,
        number,
        amount: Number(layoff.amount),
        prize,
        sold,
        share: importPrizes[i],
      });
    });
  }

  const now = platform.clock.now();
  const at = now.toISOString();
  const day = businessDate(now, platform.config.timezone);
  const byId = new Map(layoffs.map((l) => [l.id, l]));
  const changed = shares.filter((s) => Number(byId.get(s.layoff_id)!.prize_share) !== s.share);
  if (changed.length === 0) return shares;
  await platform.db.transaction().execute(async (trx) => {
    const tdb = lotteryDb(trx);
    const entries: LotteryLedgerEntriesTable[] = [];
    for (const share of changed) {
      const previous = Number(byId.get(share.layoff_id)!.prize_share);
      const partner = await findPartner(tdb, share.partner_id);
      const account = `partner:${share.partner_id}:${share.direction === 'export' ? 'receivable' : 'payable'}`;
      const [debit, credit] =
        share.direction === 'export' ? [account, 'house:prizes'] : ['house:prizes', account];
      const memo = layoffMemo('BOTE', draw, {
        betType: share.bet_type,
        number: share.number,
        partnerCode: partner?.code ?? '',
      });
      const entry = (kind: string, d: string, c: string, amount: number): LotteryLedgerEntriesTable => ({
        id: newId(),
        at,
        business_date: day,
        banca_id: 'house',
        kind,
        ticket_id: null,
        debit_account: d,
        credit_account: c,
        amount,
        memo,
      });
      if (previous > 0) entries.push(entry('layoff_prize_share_reversal', credit, debit, previous));
      if (share.share > 0) entries.push(entry('layoff_prize_share', debit, credit, share.share));
      await setLayoffShare(tdb, share.layoff_id, share.share, at);
      await platform.audit(trx, actor, {
        entity: 'lottery_layoff',
        entityId: share.layoff_id,
        action: 'share',
        before: { prize_share: previous },
        after: { prize_share: share.share, prize: share.prize, sold: share.sold },
      });
    }
    await insertLedgerEntries(tdb, entries);
  });
  return shares;
}
