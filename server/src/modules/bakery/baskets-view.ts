import { toMajor } from '@matriz/shared/money';
import type { BasketRow, MovementRow } from './baskets.repo.ts';

/** Whole days between two business dates (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function presentBasket(basket: BasketRow, today?: string) {
  return {
    id: basket.id,
    code: basket.code,
    colour: basket.colour,
    size: basket.size,
    status: basket.status,
    holder_id: basket.holder_id,
    holder_name: basket.holder_name,
    lent_at: basket.lent_at,
    lent_date: basket.lent_date,
    days_out: today && basket.lent_date ? daysBetween(basket.lent_date, today) : null,
    lost_at: basket.lost_at,
    charged: basket.charged_cents === null ? null : toMajor(Number(basket.charged_cents)),
    closed_at: basket.closed_at,
    auto_registered: basket.auto_registered === 1,
    created_at: basket.created_at,
  };
}
export type BasketView = ReturnType<typeof presentBasket>;

export function presentMovement(movement: MovementRow) {
  return {
    id: movement.id,
    basket_id: movement.basket_id,
    basket_code: movement.basket_code,
    kind: movement.kind,
    seller_id: movement.seller_id,
    seller_name: movement.seller_name,
    user_id: movement.user_id,
    username: movement.username,
    at: movement.at,
    business_date: movement.business_date,
    amount: movement.amount_cents === null ? null : toMajor(Number(movement.amount_cents)),
    note: movement.note,
    undone: movement.undone_at !== null,
    undone_at: movement.undone_at,
  };
}
export type MovementView = ReturnType<typeof presentMovement>;
