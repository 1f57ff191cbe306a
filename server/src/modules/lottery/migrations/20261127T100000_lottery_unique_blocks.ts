import { type Kysely, sql } from 'kysely';

/**
 * One active block per number and reach (lottery, draw, bet type), one active hot-number mark per
 * number and lottery. The use cases checked this before inserting, but two identical requests at the
 * same moment both passed the check on PostgreSQL; the database now refuses the second.
 *
 * A missing lottery, draw or bet type means "every one", and NULLs never collide in a unique index,
 * hence the `coalesce(…, '')`. Only active rows count: a lifted block may be set again later.
 *
 * Duplicates already there are taken out of effect first, keeping the oldest of each group (earliest
 * created_at, then smallest id): the newer ones are set inactive, as lifting them would, so their rows
 * and the audit entries that name them stay.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const at = new Date().toISOString();
  await sql`update lottery_blocked_numbers set active = 0, updated_at = ${at}
    where active = 1 and exists (
      select 1 from lottery_blocked_numbers o
      where o.active = 1
        and o.number = lottery_blocked_numbers.number
        and coalesce(o.lottery_id, '') = coalesce(lottery_blocked_numbers.lottery_id, '')
        and coalesce(o.draw_id, '') = coalesce(lottery_blocked_numbers.draw_id, '')
        and coalesce(o.bet_type, '') = coalesce(lottery_blocked_numbers.bet_type, '')
        and (o.created_at < lottery_blocked_numbers.created_at
          or (o.created_at = lottery_blocked_numbers.created_at and o.id < lottery_blocked_numbers.id)))`.execute(
    db,
  );
  await sql`update lottery_hot_numbers set active = 0, updated_at = ${at}
    where active = 1 and exists (
      select 1 from lottery_hot_numbers o
      where o.active = 1
        and o.number = lottery_hot_numbers.number
        and coalesce(o.lottery_id, '') = coalesce(lottery_hot_numbers.lottery_id, '')
        and (o.created_at < lottery_hot_numbers.created_at
          or (o.created_at = lottery_hot_numbers.created_at and o.id < lottery_hot_numbers.id)))`.execute(db);
  await sql`create unique index lottery_blocks_active_unique on lottery_blocked_numbers
    (number, coalesce(lottery_id, ''), coalesce(draw_id, ''), coalesce(bet_type, '')) where active = 1`.execute(
    db,
  );
  await sql`create unique index lottery_hot_numbers_active_unique on lottery_hot_numbers
    (number, coalesce(lottery_id, '')) where active = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('lottery_hot_numbers_active_unique').execute();
  await db.schema.dropIndex('lottery_blocks_active_unique').execute();
}
