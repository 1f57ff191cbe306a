import type { Platform } from '../../platform/platform.ts';

/**
 * HOOK for the canastas issue: how many baskets the seller has out right now. The seller's
 * panel already shows this figure; until the baskets tables exist it is 0.
 */
export async function countBasketsLent(_platform: Platform, _sellerId: string): Promise<number> {
  return 0;
}
