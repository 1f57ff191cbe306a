import { makeBasketCode } from '@matriz/shared/bakery/basket-code';
import { systemActor } from '../../platform/audit/audit.ts';
import { findUserByUsername } from '../../platform/auth/users.repo.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { DEFAULT_BASKET_SETTINGS } from './basket-settings.ts';
import { insertBaskets, insertMovements } from './baskets.repo.ts';
import { bakeryToday } from './settings.ts';
import type { BakeryBasketMovementsTable, BakeryBasketsTable } from './tables.ts';

const COLOURS = ['rojo', 'azul', 'verde', 'amarillo'];
const SIZES = ['grande', 'mediana'];

/** Loans of the demo: seller, how many baskets, how many days ago; `lost` ones are already overdue. */
const LOANS: { username: string; count: number; daysAgo: number; lost?: boolean }[] = [
  { username: 'ruta2', count: 5, daysAgo: 1 },
  { username: 'ruta3', count: 4, daysAgo: 2 },
  { username: 'ruta4', count: 3, daysAgo: 3 },
  { username: 'ruta4', count: 2, daysAgo: 9, lost: true },
  { username: 'ruta5', count: 1, daysAgo: 10, lost: true },
];
const TOTAL = 40;

function dayBefore(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * Forty baskets CAN0001… (Luhn check digit), most at the bakery after a loan and a return last week,
 * some lent to ruta2–ruta5 and three already lost. ruta1 (whose panel the bakery tests pin) and
 * ruta6–ruta8 hold none.
 */
export async function loadBasketsDemo(platform: Platform): Promise<void> {
  const at = platform.clock.now().toISOString();
  const today = await bakeryToday(platform);
  const rule = DEFAULT_BASKET_SETTINGS.codeRule;
  await platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const baskets: BakeryBasketsTable[] = [];
    const movements: BakeryBasketMovementsTable[] = [];
    const move = (
      basket: BakeryBasketsTable,
      kind: BakeryBasketMovementsTable['kind'],
      sellerId: string,
      date: string,
      time: string,
    ) => {
      const id = newId();
      movements.push({
        id,
        basket_id: basket.id,
        kind,
        seller_id: sellerId,
        user_id: null,
        username: kind === 'perdida' ? 'sistema' : 'demo',
        at: `${date}T${time}.000Z`,
        business_date: date,
        amount_cents: null,
        note: null,
        prev_status: basket.status,
        prev_holder_id: basket.holder_id,
        prev_lent_at: basket.lent_at,
        prev_lent_date: basket.lent_date,
        prev_lost_at: basket.lost_at,
        prev_movement_id: basket.last_movement_id,
        prev_charged_cents: basket.charged_cents,
        prev_closed_at: basket.closed_at,
        undone_at: null,
        undone_by: null,
      });
      basket.last_movement_id = id;
      basket.version += 1;
    };
    const sellers = new Map<string, string>();
    for (const username of new Set(['ruta6', ...LOANS.map((l) => l.username)])) {
      const user = await findUserByUsername(trx, username);
      if (user) sellers.set(username, user.id);
    }
    for (let serial = 1; serial <= TOTAL; serial++) {
      const basket: BakeryBasketsTable = {
        id: newId(),
        code: makeBasketCode(rule, serial),
        colour: COLOURS[serial % COLOURS.length],
        size: SIZES[serial % SIZES.length],
        status: 'disponible',
        holder_id: null,
        lent_at: null,
        lent_date: null,
        lost_at: null,
        charged_cents: null,
        closed_at: null,
        last_movement_id: null,
        auto_registered: 0,
        version: 0,
        created_by: null,
        created_at: at,
        updated_at: at,
      };
      baskets.push(basket);
      // Last week every basket went out with ruta6 and came back the same afternoon.
      const ruta6 = sellers.get('ruta6');
      if (ruta6) {
        const day = dayBefore(today, 7);
        move(basket, 'sale', ruta6, day, '11:00:00');
        move(basket, 'entra', ruta6, day, '21:00:00');
      }
    }
    let next = 0;
    for (const loan of LOANS) {
      const sellerId = sellers.get(loan.username);
      if (!sellerId) continue;
      const day = dayBefore(today, loan.daysAgo);
      for (let i = 0; i < loan.count; i++) {
        const basket = baskets[next++];
        move(basket, 'sale', sellerId, day, '11:30:00');
        Object.assign(basket, {
          status: 'prestada',
          holder_id: sellerId,
          lent_at: `${day}T11:30:00.000Z`,
          lent_date: day,
        });
        if (loan.lost) {
          const lostDay = dayBefore(today, loan.daysAgo - 7);
          move(basket, 'perdida', sellerId, lostDay, '05:30:00');
          Object.assign(basket, { status: 'perdida', lost_at: `${lostDay}T05:30:00.000Z` });
        }
      }
    }
    await insertBaskets(db, baskets);
    await insertMovements(db, movements);
    await platform.audit(
      trx,
      { ...systemActor, username: 'demo' },
      {
        entity: 'bakery_demo',
        action: 'load_baskets',
        after: { baskets: baskets.length, movements: movements.length },
      },
    );
  });
}
