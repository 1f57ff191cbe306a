import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { activateTickets, findDrawTicketIds } from './settlement.repo.ts';

const PAGE = 2000;

/**
 * Spec 003 §8.4: a ticket goes pending → active once every draw it plays has closed. Runs after the
 * draws close, a page of each draw's tickets per statement, so a big draw never holds the writer.
 */
export async function activateTicketsOfDraws(
  platform: Platform,
  drawIds: readonly string[],
): Promise<number> {
  const db = lotteryDb(platform.db);
  let activated = 0;
  for (const drawId of drawIds) {
    let after = '';
    for (;;) {
      const ids = await findDrawTicketIds(db, drawId, after, PAGE);
      if (ids.length === 0) break;
      activated += await activateTickets(db, ids);
      after = ids[ids.length - 1];
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return activated;
}
