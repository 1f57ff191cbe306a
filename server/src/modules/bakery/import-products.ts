import { parseProductCsv } from '@matriz/shared/bakery/product-csv';
import type { Actor } from '../../platform/audit/audit.ts';
import { invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { findProductsByCodes, insertProducts, updateProduct } from './products.repo.ts';
import type { BakeryProductsTable } from './tables.ts';

export interface ImportOutcome {
  created: number;
  updated: number;
}

/** All or nothing: a bad line refuses the whole file; known codes are updated, new ones created. */
export async function importProducts(platform: Platform, actor: Actor, csv: string): Promise<ImportOutcome> {
  const parsed = parseProductCsv(csv);
  if (!parsed.ok) throw invalid('CSV_INVALID', { ...parsed.problem });
  const seen = new Map<string, number>();
  for (const row of parsed.rows) {
    const earlier = seen.get(row.code);
    if (earlier !== undefined)
      throw invalid('CSV_DUPLICATE_CODE', { code: row.code, line: row.line, first_line: earlier });
    seen.set(row.code, row.line);
  }
  const at = platform.clock.now().toISOString();
  return platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const existing = new Map((await findProductsByCodes(db, [...seen.keys()])).map((p) => [p.code, p]));
    const fresh: BakeryProductsTable[] = [];
    for (const row of parsed.rows) {
      const values = {
        name: row.name,
        price_cents: row.priceCents,
        category: row.category,
        active: row.active ? 1 : 0,
      };
      const current = existing.get(row.code);
      if (current) await updateProduct(db, current.id, { ...values, updated_at: at });
      else fresh.push({ id: newId(), code: row.code, ...values, created_at: at, updated_at: at });
    }
    await insertProducts(db, fresh);
    const outcome = { created: fresh.length, updated: parsed.rows.length - fresh.length };
    await platform.audit(trx, actor, {
      entity: 'bakery_product',
      action: 'import',
      after: { ...outcome, codes: [...seen.keys()] },
    });
    return outcome;
  });
}
