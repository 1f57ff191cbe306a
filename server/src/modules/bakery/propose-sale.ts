import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { findSaleCandidates } from './documents.repo.ts';
import { findLiveSale } from './sales.repo.ts';
import { findSeller } from './sellers.repo.ts';
import { presentDocument, presentSeller } from './views.ts';

/**
 * What the sale screen offers for a seller and a date: the pending pedido and extras of that
 * date (older pending ones as alternatives), the devolución anterior (the latest return still
 * awaiting its second use) and the pending returns to pick the day's one from.
 */
export async function proposeSale(platform: Platform, sellerId: string, date: string) {
  const db = bakeryDb(platform.db);
  const seller = await findSeller(db, sellerId);
  if (!seller) throw notFound('bakery_seller', sellerId);
  const candidates = (await findSaleCandidates(db, sellerId, date)).map(presentDocument);
  const pending = candidates.filter((d) => d.status === 'pendiente');
  const pedidos = pending.filter((d) => d.kind === 'PD');
  const extras = pending.filter((d) => d.kind === 'EX');
  const returns = pending.filter((d) => d.kind === 'DV');
  const previousReturn = candidates.find((d) => d.kind === 'DV' && d.used_as_return_sale_id !== null) ?? null;
  const existing = await findLiveSale(db, sellerId, date);
  return {
    seller: presentSeller(seller),
    date,
    existing_sale_id: existing?.id ?? null,
    proposed: {
      pedido_id: (pedidos.find((d) => d.date === date) ?? pedidos[0])?.id ?? null,
      extra_ids: extras.filter((d) => d.date === date).map((d) => d.id),
      previous_return_id: previousReturn?.id ?? null,
      return_id: returns.find((d) => d.date === date)?.id ?? null,
    },
    candidates: { pedidos, extras, returns, previous_return: previousReturn },
  };
}
