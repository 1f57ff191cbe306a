import type { BakeryDb } from './bakery.repo.ts';

/** What was already sent to a seller, so a job run again (retry, by hand, next tick) never repeats it. */
export interface BakeryMailLogTable {
  kind: string;
  seller_id: string;
  /** The day (reminder) or `from..to` range (reports) the message is about. */
  period: string;
  sent_at: string;
}

export type MailLogKind = 'pedido_reminder' | 'report_weekly' | 'report_monthly';

const logDb = (db: BakeryDb) => db.withTables<{ bakery_mail_log: BakeryMailLogTable }>();

export async function sentSellerIds(db: BakeryDb, kind: MailLogKind, period: string): Promise<Set<string>> {
  const rows = await logDb(db)
    .selectFrom('bakery_mail_log')
    .select('seller_id')
    .where('kind', '=', kind)
    .where('period', '=', period)
    .execute();
  return new Set(rows.map((r) => r.seller_id));
}

/** Records the send; false when another run already did (the caller then sends nothing). */
export async function claimSend(
  db: BakeryDb,
  entry: { kind: MailLogKind; seller_id: string; period: string; sent_at: string },
): Promise<boolean> {
  const result = await logDb(db)
    .insertInto('bakery_mail_log')
    .values(entry)
    .onConflict((oc) => oc.columns(['kind', 'seller_id', 'period']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
