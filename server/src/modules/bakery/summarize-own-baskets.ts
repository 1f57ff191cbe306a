import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { listBaskets } from './baskets.repo.ts';
import { presentBasket } from './baskets-view.ts';
import { bakeryToday } from './settings.ts';

/** The route seller's own view: the baskets they have out and those already counted as lost. */
export async function summarizeOwnBaskets(platform: Platform, sellerId: string) {
  const db = bakeryDb(platform.db);
  const today = await bakeryToday(platform);
  const { items } = await listBaskets(db, {
    sellerId,
    statuses: ['prestada', 'perdida'],
    page: 1,
    pageSize: 500,
  });
  const out = items.filter((b) => b.status === 'prestada').map((b) => presentBasket(b, today));
  const lost = items.filter((b) => b.status === 'perdida').map((b) => presentBasket(b, today));
  return { out_count: out.length, lost_count: lost.length, out, lost };
}
