import type { LotteryDb } from './db.ts';

/** Counts one more reprint if nobody counted it meanwhile; false when the count moved (retry). */
export async function bumpReprintCount(db: LotteryDb, ticketId: string, seen: number): Promise<boolean> {
  const result = await db
    .updateTable('lottery_tickets')
    .set({ reprint_count: seen + 1 })
    .where('id', '=', ticketId)
    .where('reprint_count', '=', seen)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findUsername(db: LotteryDb, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
  return row?.username ?? '';
}
