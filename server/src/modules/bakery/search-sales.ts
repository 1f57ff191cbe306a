import { toMajor } from '@matriz/shared/money';
import { invalid } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { presentSaleSummary } from './sale-view.ts';
import { listSales, type SaleFilter } from './sales.repo.ts';
import { sellerScope, type Viewer } from './viewer.ts';

/**
 * The sales history: a page of sales, annulled ones included, within what the viewer may see (a route
 * seller only their own), with the sums of the confirmed ones the filter matches.
 */
export async function searchSales(platform: Platform, viewer: Viewer, filter: SaleFilter) {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw invalid('DATE_RANGE_INVALID', { from: filter.from, to: filter.to });
  }
  const { items, total, confirmed } = await listSales(bakeryDb(platform.db), {
    ...filter,
    sellerId: sellerScope(viewer, filter.sellerId),
  });
  return {
    items: items.map(presentSaleSummary),
    total,
    page: filter.page,
    page_size: filter.pageSize,
    confirmed_totals: {
      value: toMajor(confirmed.value_cents),
      commission: toMajor(confirmed.commission_cents),
      payable: toMajor(confirmed.payable_cents),
    },
  };
}
