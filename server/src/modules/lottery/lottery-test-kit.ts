import type { TestApp } from '../../../test/harness.ts';
import { lotteryDb } from './db.ts';

/** 10:00 in Santo Domingo on a Thursday: the midday and evening draws are still open. */
export const THURSDAY_MORNING = '2026-01-29T14:00:00Z';

/** The next draw of a lottery still on sale at the test clock. */
export async function openDraw(app: TestApp, lotteryCode: string): Promise<string> {
  const draw = await lotteryDb(app.platform.db)
    .selectFrom('lottery_draws as d')
    .innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id')
    .select(['d.id'])
    .where('l.code', '=', lotteryCode)
    .where('d.status', '=', 'open')
    .where('d.close_at', '>', app.clock.now().toISOString())
    .orderBy('d.close_at')
    .executeTakeFirstOrThrow();
  return draw.id;
}
