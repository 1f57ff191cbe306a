import { invalid } from '../../platform/errors.ts';
import type { BakeryDb } from './bakery.repo.ts';
import { findProductsByCodes } from './products.repo.ts';
import type { BakeryDocumentLinesTable } from './tables.ts';

export interface LineInput {
  product_code: string;
  quantity: number;
}

/** Scanned codes to document lines: unknown or inactive products are refused by line; a code scanned twice sums. */
export async function resolveLines(
  db: BakeryDb,
  documentId: string,
  input: LineInput[],
): Promise<BakeryDocumentLinesTable[]> {
  const codes = [...new Set(input.map((l) => l.product_code.toUpperCase()))];
  const products = new Map((await findProductsByCodes(db, codes)).map((p) => [p.code, p]));
  const quantities = new Map<string, number>();
  for (const [index, line] of input.entries()) {
    const code = line.product_code.toUpperCase();
    const product = products.get(code);
    if (!product) throw invalid('PRODUCT_NOT_FOUND', { code, line: index + 1 });
    if (product.active !== 1) throw invalid('PRODUCT_INACTIVE', { code, line: index + 1 });
    quantities.set(product.id, (quantities.get(product.id) ?? 0) + line.quantity);
  }
  return [...quantities].map(([product_id, quantity]) => ({ document_id: documentId, product_id, quantity }));
}
