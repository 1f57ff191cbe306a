import type { Actor } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { assembleSale, type SaleRequest } from './assemble-sale.ts';
import { bakeryDb, isUniqueViolation } from './bakery.repo.ts';
import { findDocuments, markOrdersUsed, markPreviousReturnUsed, markReturnUsed } from './documents.repo.ts';
import { findLiveSale, insertSale } from './sales.repo.ts';

/**
 * Confirms the venta del día. Documents are claimed with conditional updates (still pending,
 * same seller); if any was taken meanwhile the whole sale rolls back. One live sale per seller
 * and date is a unique index, so two confirmations racing for the same day cannot both commit.
 */
export async function generateSale(platform: Platform, actor: Actor, request: SaleRequest): Promise<string> {
  const saleId = newId();
  const at = platform.clock.now().toISOString();
  const saleExists = () => conflict('SALE_EXISTS', { seller_id: request.sellerId, date: request.date });
  await platform.db
    .transaction()
    .execute(async (trx) => {
      const db = bakeryDb(trx);
      if (await findLiveSale(db, request.sellerId, request.date)) throw saleExists();
      const sale = await assembleSale(db, request);
      const { computation } = sale;
      await insertSale(
        db,
        {
          id: saleId,
          seller_id: request.sellerId,
          sale_date: request.date,
          status: 'confirmada',
          value_cents: computation.total.valueCents,
          commission_cents: computation.total.commissionCents,
          payable_cents: computation.total.payableCents,
          created_by: actor.userId ?? 'sistema',
          created_at: at,
          annulled_at: null,
          annul_reason: null,
        },
        computation.lines.map((line) => ({
          sale_id: saleId,
          product_id: line.productId,
          product_code: line.code,
          product_name: line.name,
          category: line.category,
          previous_qty: line.previousQty,
          pedido_qty: line.pedidoQty,
          extras_qty: line.extrasQty,
          return_qty: line.returnQty,
          quantity: line.quantity,
          unit_price_cents: line.unitPriceCents,
          commission_bp: line.commissionBp,
          value_cents: line.valueCents,
          commission_cents: line.commissionCents,
          payable_cents: line.payableCents,
        })),
      );
      const orderIds = [...(sale.pedido ? [sale.pedido.id] : []), ...sale.extras.map((e) => e.id)].sort();
      const claimed = await markOrdersUsed(db, orderIds, request.sellerId, saleId, at);
      const returnClaimed =
        !sale.dayReturn || (await markReturnUsed(db, sale.dayReturn.id, request.sellerId, saleId, at));
      const previousClaimed =
        !sale.previousReturn ||
        (await markPreviousReturnUsed(db, sale.previousReturn.id, request.sellerId, saleId, at));
      if (claimed !== orderIds.length || !returnClaimed || !previousClaimed) {
        const taken = (await findDocuments(db, orderIds))
          .filter((d) => d.sale_id !== saleId)
          .map((d) => d.code);
        if (!returnClaimed) taken.push(sale.dayReturn!.code);
        if (!previousClaimed) taken.push(sale.previousReturn!.code);
        throw conflict('DOCUMENT_USED', { code: taken[0], codes: taken });
      }
      await platform.audit(trx, actor, {
        entity: 'bakery_sale',
        entityId: saleId,
        action: 'confirm',
        after: {
          seller: sale.seller.username,
          date: request.date,
          documents: {
            pedido: sale.pedido?.code ?? null,
            extras: sale.extras.map((e) => e.code),
            previous_return: sale.previousReturn?.code ?? null,
            return: sale.dayReturn?.code ?? null,
          },
          value_cents: computation.total.valueCents,
          commission_cents: computation.total.commissionCents,
        },
      });
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw saleExists();
      throw error;
    });
  platform.bus.publish({
    type: 'bakery.sale.confirmed',
    payload: { sale_id: saleId, seller_id: request.sellerId, date: request.date },
    audience: { permission: 'bakery.panel.summary' },
  });
  return saleId;
}
