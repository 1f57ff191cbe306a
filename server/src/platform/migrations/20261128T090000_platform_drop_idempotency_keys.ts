import type { Kysely } from 'kysely';

/**
 * The platform's first migration made a generic `idempotency_keys` table that nothing ever used: a
 * sale's Idempotency-Key lives on its ticket (unique per seller, with the request's hash), where
 * the sale's own transaction writes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').ifExists().execute();
}
