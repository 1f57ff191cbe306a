import { invalid } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { type DocumentFilter, listDocuments } from './documents.repo.ts';
import { sellerScope, type Viewer } from './viewer.ts';
import { presentDocument } from './views.ts';

/** A page of pedidos, extras and devoluciones, newest first, within what the viewer may see. */
export async function searchDocuments(platform: Platform, viewer: Viewer, filter: DocumentFilter) {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw invalid('DATE_RANGE_INVALID', { from: filter.from, to: filter.to });
  }
  const { items, total } = await listDocuments(bakeryDb(platform.db), {
    ...filter,
    sellerId: sellerScope(viewer, filter.sellerId),
  });
  return { items: items.map(presentDocument), total, page: filter.page, page_size: filter.pageSize };
}
