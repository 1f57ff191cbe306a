import type { Actor } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { documentsOfSale, freeOrders, freePreviousReturn, freeReturn } from './documents.repo.ts';
import { findSale, markSaleAnnulled } from './sales.repo.ts';

/**
 * The admin annuls a sale: its pedido, extras and day's return become pending again and its
 * devolución anterior is free for another sale. Refused when a later sale already took this
 * sale's return as its devolución anterior (annul that one first).
 */
export async function annulSale(platform: Platform, actor: Actor, id: string, reason: string): Promise<void> {
  const at = platform.clock.now().toISOString();
  await platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const sale = await findSale(db, id);
    if (!sale) throw notFound('bakery_sale', id);
    if (!(await markSaleAnnulled(db, id, reason, at)))
      throw conflict('SALE_ANNULLED', { date: sale.sale_date });
    const documents = await documentsOfSale(db, id);
    const dayReturns = documents.filter((d) => d.used_as_return_sale_id === id);
    if ((await freeReturn(db, id, at)) !== dayReturns.length) {
      const laterUse = dayReturns.find((d) => d.used_as_previous_sale_id !== null);
      throw conflict('RETURN_USED_LATER', {
        code: laterUse?.code,
        sale_id: laterUse?.used_as_previous_sale_id,
      });
    }
    await freeOrders(db, id, at);
    await freePreviousReturn(db, id, at);
    await platform.audit(trx, actor, {
      entity: 'bakery_sale',
      entityId: id,
      action: 'annul',
      before: {
        status: 'confirmada',
        seller: sale.seller_name,
        date: sale.sale_date,
        value_cents: Number(sale.value_cents),
      },
      after: { status: 'anulada', reason, freed: documents.map((d) => d.code) },
    });
  });
  platform.bus.publish({
    type: 'bakery.sale.annulled',
    payload: { sale_id: id },
    audience: { permission: 'bakery.panel.summary' },
  });
}
