import type { LotteryDb } from './db.ts';

/**
 * Moves the reprint count from `seen` to `next` unless somebody moved it meanwhile or the ticket
 * was cancelled (false: read again). Setting it to `seen` itself still holds the row until the
 * transaction ends: the portable stand-in for FOR UPDATE.
 */
export async function moveReprintCount(
  db: LotteryDb,
  ticketId: string,
  seen: number,
  next: number,
): Promise<boolean> {
  const result = await db
    .updateTable('lottery_tickets')
    .set({ reprint_count: next })
    .where('id', '=', ticketId)
    .where('reprint_count', '=', seen)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether the ticket's original was printed: the audit row of that print says so. */
export async function originalPrinted(db: LotteryDb, ticketId: string): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('entity', '=', 'lottery_ticket')
    .where('entity_id', '=', ticketId)
    .where('action', '=', 'print')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findUsername(db: LotteryDb, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
  return row?.username ?? '';
}
