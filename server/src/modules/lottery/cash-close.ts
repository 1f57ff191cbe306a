import { localDate } from '@matriz/shared/lottery/schedule';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { type LotteryDb, lotteryDb } from './db.ts';
import {
  bancaDayTotals,
  findCashClose,
  findMoneyBanca,
  insertCashClose,
  moneyBancaIds,
  movementTotalsOfDay,
} from './money.repo.ts';

export interface CuadreFigures {
  tickets: number;
  sales: number;
  cancelled_tickets: number;
  cancelled: number;
  commission: number;
  paid_tickets: number;
  prizes_paid: number;
  cobros: number;
  pagos: number;
  opening_cash: number;
  /** opening + sales − cancellations − commission (net of cancelled) − prizes paid − cobros + pagos */
  expected: number;
}

/** Cuadre de caja (DOMAIN.md §8): what the drawer should hold. Commission is the banca's to keep. */
export function cuadre(
  t: {
    tickets: number;
    sales: number;
    commission: number;
    cancelled_tickets: number;
    cancelled: number;
    cancelled_commission: number;
    paid_tickets: number;
    prizes_paid: number;
  },
  movements: ReadonlyMap<string, number>,
  openingCash = 0,
): CuadreFigures {
  const commission = t.commission - t.cancelled_commission;
  const cobros = movements.get('cobro') ?? 0;
  const pagos = movements.get('pago') ?? 0;
  return {
    tickets: t.tickets,
    sales: t.sales,
    cancelled_tickets: t.cancelled_tickets,
    cancelled: t.cancelled,
    commission,
    paid_tickets: t.paid_tickets,
    prizes_paid: t.prizes_paid,
    cobros,
    pagos,
    opening_cash: openingCash,
    expected: openingCash + t.sales - t.cancelled - commission - t.prizes_paid - cobros + pagos,
  };
}

async function visibleBanca(db: LotteryDb, auth: AuthContext, bancaId: string) {
  const all = auth.permissions.has('lottery.money.manage') || auth.permissions.has('lottery.network.manage');
  const scope = await moneyBancaIds(db, auth.userId, all);
  const banca = await findMoneyBanca(db, bancaId);
  if (!banca || (scope && !scope.includes(banca.id))) throw notFound('lottery_banca', bancaId);
  return banca;
}

/** The banca's cuadre of a day (from the aggregates and the day's movements), with its close if any. */
export async function bancaCuadre(platform: Platform, auth: AuthContext, bancaId: string, day?: string) {
  const db = lotteryDb(platform.db);
  const banca = await visibleBanca(db, auth, bancaId);
  const date = day ?? localDate(platform.clock.now(), platform.config.timezone);
  const [totals, movements, close] = await Promise.all([
    bancaDayTotals(db, banca.id, date),
    movementTotalsOfDay(db, banca.id, date),
    findCashClose(db, banca.id, date),
  ]);
  return { banca, date, figures: cuadre(totals, movements), close: close ?? null };
}

/**
 * Closes a banca's day with the counted cash: the difference is recorded, and from then on no
 * cobro/pago/approval can land on that banca and day (CASH_CLOSED). Once only.
 */
export async function closeCashDay(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  request: { bancaId: string; date: string; countedCents: number; note: string | null },
) {
  const { banca, date, figures } = await bancaCuadre(platform, auth, request.bancaId, request.date);
  const at = platform.clock.now().toISOString();
  const row = {
    id: newId(),
    banca_id: banca.id,
    business_date: date,
    expected_cash: figures.expected,
    counted_cash: request.countedCents,
    difference: request.countedCents - figures.expected,
    figures_json: JSON.stringify(figures),
    closed_at: at,
    closed_by: actor.userId!,
    note: request.note,
  };
  await platform.db.transaction().execute(async (trx) => {
    if (!(await insertCashClose(lotteryDb(trx), row)))
      throw new AppError('CASH_ALREADY_CLOSED', 409, { banca: banca.code, date });
    await platform.audit(trx, actor, {
      entity: 'lottery_cash_close',
      entityId: row.id,
      action: 'close',
      after: {
        banca: banca.code,
        date,
        expected: row.expected_cash,
        counted: row.counted_cash,
        difference: row.difference,
      },
    });
  });
  return { ...row, figures };
}
