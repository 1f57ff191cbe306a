import type { PrizeTableView, PutPrizeTableBody } from '@matriz/shared/api/lottery-catalog';
import { BET_TYPES, isPrizeClassOf } from '@matriz/shared/lottery/games';
import { toCents } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { getPrizeTable, prizeScopeContext } from './prize-tables.ts';
import { findPrizeRows, replacePrizeRows } from './prizes.repo.ts';

/** Replaces every override at one scope (operator default, a banca, a lottery or a draw). */
export async function setPrizeTable(
  platform: Platform,
  actor: Actor,
  input: PutPrizeTableBody,
): Promise<PrizeTableView> {
  const seen = new Set<string>();
  input.entries.forEach((entry, index) => {
    if (
      BET_TYPES[entry.bet_type].paysResultMultiplier ||
      !isPrizeClassOf(entry.bet_type, entry.prize_class)
    ) {
      throw new AppError('PRIZE_CLASS_UNKNOWN', 422, {
        field: `entries.${index}.prize_class`,
        bet_type: entry.bet_type,
        prize_class: entry.prize_class,
      });
    }
    const key = `${entry.bet_type}:${entry.prize_class}`;
    if (seen.has(key)) throw new AppError('DUPLICATE_ENTRY', 422, { field: `entries.${index}`, entry: key });
    seen.add(key);
  });
  const at = platform.clock.now().toISOString();
  let scopeId = '';
  await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    scopeId = (await prizeScopeContext(db, input.scope, input.scope_id)).scopeId;
    const scope = { scope: input.scope, scopeId };
    const before = (await findPrizeRows(db, [scope])).map((r) => ({
      bet_type: r.bet_type,
      prize_class: r.prize_class,
      multiplier: Number(r.multiplier) / 100,
    }));
    await replacePrizeRows(
      db,
      scope,
      input.entries.map((e) => ({
        id: newId(),
        scope: input.scope,
        scope_id: scopeId,
        bet_type: e.bet_type,
        prize_class: e.prize_class,
        multiplier: toCents(e.multiplier)!,
        updated_at: at,
      })),
    );
    await platform.audit(trx, actor, {
      entity: 'lottery_prize_table',
      entityId: `${input.scope}:${scopeId}`,
      action: 'replace',
      before,
      after: input.entries,
    });
  });
  return getPrizeTable(lotteryDb(platform.db), input.scope, scopeId || null);
}
