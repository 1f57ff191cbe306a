import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { countHeld } from './baskets.repo.ts';

/** How many baskets the seller has out right now (lent, not yet lost); shown on the seller's panel. */
export async function countBasketsLent(platform: Platform, sellerId: string): Promise<number> {
  return countHeld(bakeryDb(platform.db), sellerId, 'prestada');
}
