import { fitsSaleDate } from '@matriz/shared/bakery/document-dates';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { findSaleCandidates } from './documents.repo.ts';
import { findLiveSale } from './sales.repo.ts';
import { findSeller } from './sellers.repo.ts';
import { presentDocument, presentSeller } from './views.ts';

/**
 * What the sale screen offers for a seller and a date: the pending pedidos, extras and returns of
 * that very date and the devolución anterior (the latest earlier return still awaiting its second
 * use). A pedido is proposed only when it is the one pending that day: of several, the user picks.
 */
export async function proposeSale(platform: Platform, sellerId: string, date: string) {
  const db = bakeryDb(platform.db);
  const seller = await findSeller(db, sellerId);
  if (!seller) throw notFound('bakery_seller', sellerId);
  const candidates = (await findSaleCandidates(db, sellerId, date)).map(presentDocument);
  const ofTheDay = candidates.filter((d) => d.status === 'pendiente' && d.date === date);
  const pedidos = ofTheDay.filter((d) => d.kind === 'PD');
  const extras = ofTheDay.filter((d) => d.kind === 'EX');
  const returns = ofTheDay.filter((d) => d.kind === 'DV');
  const previousReturn =
    candidates.find(
      (d) =>
        d.kind === 'DV' && d.used_as_return_sale_id !== null && fitsSaleDate('previous_return', d.date, date),
    ) ?? null;
  const existing = await findLiveSale(db, sellerId, date);
  return {
    seller: presentSeller(seller),
    date,
    existing_sale_id: existing?.id ?? null,
    proposed: {
      pedido_id: pedidos.length === 1 ? pedidos[0].id : null,
      extra_ids: extras.map((d) => d.id),
      previous_return_id: previousReturn?.id ?? null,
      return_id: returns.length === 1 ? returns[0].id : null,
    },
    /** Several pedidos pending that day: none is proposed and the screen asks which one. */
    pedido_choice_required: pedidos.length > 1,
    candidates: { pedidos, extras, returns, previous_return: previousReturn },
  };
}
