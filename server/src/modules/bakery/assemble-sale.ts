import { fitsSaleDate, type SaleRole } from '@matriz/shared/bakery/document-dates';
import {
  computeSale,
  MAX_SALE_VALUE_CENTS,
  quantitiesOf,
  type SaleComputation,
  type SaleInput,
  type SaleProduct,
  SaleTooLargeError,
} from '@matriz/shared/bakery/sale-math';
import { toMajor } from '@matriz/shared/money';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import type { BakeryDb } from './bakery.repo.ts';
import { type DocumentRow, findDocuments } from './documents.repo.ts';
import { findProductsByIds } from './products.repo.ts';
import { findSeller, type SellerRow } from './sellers.repo.ts';

export interface SaleRequest {
  sellerId: string;
  date: string;
  pedidoId: string | null;
  extraIds: string[];
  previousReturnId: string | null;
  returnId: string | null;
}

export interface AssembledSale {
  seller: SellerRow;
  pedido: DocumentRow | null;
  extras: DocumentRow[];
  previousReturn: DocumentRow | null;
  dayReturn: DocumentRow | null;
  computation: SaleComputation;
}

const expectedKind: Record<SaleRole, DocumentRow['kind']> = {
  pedido: 'PD',
  extra: 'EX',
  previous_return: 'DV',
  return: 'DV',
};

function checkDocument(document: DocumentRow, role: SaleRole, seller: SellerRow, saleDate: string): void {
  const code = document.code;
  if (document.seller_id !== seller.user_id) {
    throw conflict('DOCUMENT_OTHER_SELLER', { code, role, seller: seller.username });
  }
  if (document.kind !== expectedKind[role])
    throw invalid('DOCUMENT_WRONG_KIND', { code, role, expected: expectedKind[role] });
  if (document.status === 'anulado') throw conflict('DOCUMENT_ANNULLED', { code });
  if (role === 'previous_return') {
    if (document.used_as_previous_sale_id) throw conflict('DOCUMENT_USED', { code, role });
    if (!document.used_as_return_sale_id) throw invalid('RETURN_NOT_USED_YET', { code });
  } else if (document.status !== 'pendiente') {
    throw conflict('DOCUMENT_USED', { code, role });
  }
  if (!fitsSaleDate(role, document.doc_date, saleDate)) {
    const dates = { code, role, document_date: document.doc_date, sale_date: saleDate };
    throw invalid(
      role === 'previous_return' ? 'PREVIOUS_RETURN_NOT_BEFORE' : 'DOCUMENT_NOT_SALE_DATE',
      dates,
    );
  }
}

function compute(input: SaleInput): SaleComputation {
  try {
    return computeSale(input);
  } catch (error) {
    if (!(error instanceof SaleTooLargeError)) throw error;
    throw invalid('SALE_TOO_LARGE', { value: toMajor(error.valueCents), max: toMajor(MAX_SALE_VALUE_CENTS) });
  }
}

/**
 * Loads and checks everything a sale is made of, then applies the formula. Shared by the preview
 * and the confirmation, so the screen shows exactly what will be stored. Reads only: the
 * confirmation re-checks each document with a conditional update.
 */
export async function assembleSale(db: BakeryDb, request: SaleRequest): Promise<AssembledSale> {
  const seller = await findSeller(db, request.sellerId);
  if (!seller) throw notFound('bakery_seller', request.sellerId);
  const wanted: [string, SaleRole][] = [
    ...(request.pedidoId ? [[request.pedidoId, 'pedido'] as [string, SaleRole]] : []),
    ...request.extraIds.map((id) => [id, 'extra'] as [string, SaleRole]),
    ...(request.previousReturnId
      ? [[request.previousReturnId, 'previous_return'] as [string, SaleRole]]
      : []),
    ...(request.returnId ? [[request.returnId, 'return'] as [string, SaleRole]] : []),
  ];
  if (!request.pedidoId && request.extraIds.length === 0 && !request.previousReturnId) {
    throw invalid('SALE_EMPTY', { seller: seller.username, date: request.date });
  }
  const ids = wanted.map(([id]) => id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) throw invalid('DOCUMENT_REPEATED', { id: repeated });
  const documents = new Map((await findDocuments(db, ids)).map((d) => [d.id, d]));
  for (const [id, role] of wanted) {
    const document = documents.get(id);
    if (!document) throw new AppError('NOT_FOUND', 404, { entity: 'bakery_document', id, role });
    checkDocument(document, role, seller, request.date);
  }
  const pick = (id: string | null) => (id ? documents.get(id)! : null);
  const pedido = pick(request.pedidoId);
  const extras = request.extraIds.map((id) => documents.get(id)!);
  const previousReturn = pick(request.previousReturnId);
  const dayReturn = pick(request.returnId);

  const productIds = [...new Set([...documents.values()].flatMap((d) => d.lines.map((l) => l.product_id)))];
  const products = new Map<string, SaleProduct>(
    (await findProductsByIds(db, productIds)).map((p) => [
      p.id,
      { id: p.id, code: p.code, name: p.name, category: p.category, priceCents: Number(p.price_cents) },
    ]),
  );
  const quantities = (document: DocumentRow | null) =>
    quantitiesOf((document?.lines ?? []).map((l) => ({ productId: l.product_id, quantity: l.quantity })));
  const computation = compute({
    products,
    rates: { panaderia: seller.commission_panaderia_bp, bizcocheria: seller.commission_bizcocheria_bp },
    previousReturn: quantities(previousReturn),
    pedido: quantities(pedido),
    extras: extras.map(quantities),
    dayReturn: quantities(dayReturn),
  });
  const [firstNegative] = computation.negative;
  if (firstNegative) {
    throw invalid('NEGATIVE_QUANTITY', {
      product_code: firstNegative.code,
      product_name: firstNegative.name,
      quantity: firstNegative.quantity,
      products: computation.negative.map((n) => n.code),
    });
  }
  return { seller, pedido, extras, previousReturn, dayReturn, computation };
}
