import type { CompiledQuery, Kysely, Transaction } from 'kysely';
import { businessDate } from '../clock.ts';
import { insertRowsQueries } from '../db/insert-rows.ts';
import type { PlatformTables } from '../db/tables.ts';
import { newId, sha256 } from '../ids.ts';

/** Who did it, from where: carried from the request into every use case. */
export interface Actor {
  userId: string | null;
  username: string | null;
  ip: string | null;
}

export const systemActor: Actor = { userId: null, username: 'sistema', ip: null };

export interface AuditEntry {
  entity: string;
  entityId?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

interface HashedFields {
  seq: number;
  at: string;
  user_id: string | null;
  username: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export function auditHash(prevHash: string, row: HashedFields): string {
  return sha256(
    [
      prevHash,
      row.seq,
      row.at,
      row.user_id ?? '',
      row.username ?? '',
      row.entity,
      row.entity_id ?? '',
      row.action,
      row.before_json ?? '',
      row.after_json ?? '',
      row.ip ?? '',
    ].join('\u001f'),
  );
}

const toJson = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/**
 * Appends to the hash chain inside the caller's transaction, so the audit row commits or rolls
 * back with the change it describes. The head row serialises writers, which keeps one chain.
 */
export async function recordAudit(
  trx: Transaction<PlatformTables> | Kysely<PlatformTables>,
  actor: Actor,
  entry: AuditEntry,
  now: Date,
  timeZone: string,
): Promise<void> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const row: HashedFields = {
    seq: Number(head.seq),
    at: now.toISOString(),
    user_id: actor.userId,
    username: actor.username,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    action: entry.action,
    before_json: toJson(entry.before),
    after_json: toJson(entry.after),
    ip: actor.ip,
  };
  const hash = auditHash(head.hash, row);
  await trx
    .insertInto('audit_log')
    .values({ id: newId(), business_date: businessDate(now, timeZone), prev_hash: head.hash, hash, ...row })
    .execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

/** Sequence numbers taken on the chain head for a batch: the head row stays locked until the transaction ends. */
export interface AuditReservation {
  /** The head's sequence number before the batch. */
  seq: number;
  hash: string;
  count: number;
}

/** The statement taking `count` sequence numbers on the chain head (`auditReservationOf` reads its row). */
export function reserveAuditQuery(
  trx: Transaction<PlatformTables> | Kysely<PlatformTables>,
  count: number,
): CompiledQuery {
  return trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', count) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .compile();
}

export function auditReservationOf(
  row: { seq: number | string; hash: string },
  count: number,
): AuditReservation {
  return { seq: Number(row.seq) - count, hash: row.hash, count };
}

/**
 * The rows of a batch chained in memory from a reservation, in the order given, and the head's move
 * to the last of them. Fewer rows than reserved give the unused numbers back (the head is still
 * this transaction's), so the chain has no gap.
 */
export function auditRowsQueries(
  trx: Transaction<PlatformTables> | Kysely<PlatformTables>,
  reservation: AuditReservation,
  items: readonly { actor: Actor; entry: AuditEntry }[],
  now: Date,
  timeZone: string,
): CompiledQuery[] {
  if (items.length > reservation.count)
    throw new Error(`audit: ${items.length} rows for ${reservation.count} reserved numbers`);
  const at = now.toISOString();
  const day = businessDate(now, timeZone);
  let prevHash = reservation.hash;
  let seq = reservation.seq;
  const rows = items.map(({ actor, entry }) => {
    seq += 1;
    const row: HashedFields = {
      seq,
      at,
      user_id: actor.userId,
      username: actor.username,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      action: entry.action,
      before_json: toJson(entry.before),
      after_json: toJson(entry.after),
      ip: actor.ip,
    };
    const hash = auditHash(prevHash, row);
    const inserted = { id: newId(), business_date: day, prev_hash: prevHash, hash, ...row };
    prevHash = hash;
    return inserted;
  });
  return [
    ...insertRowsQueries(trx, 'audit_log', rows),
    trx.updateTable('audit_head').set({ seq, hash: prevHash }).where('id', '=', 1).compile(),
  ];
}

export async function ensureAuditHead(db: Kysely<PlatformTables>): Promise<void> {
  await db
    .insertInto('audit_head')
    .values({ id: 1, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  reason: string | null;
}

/** Walks the whole chain; any edited, deleted or inserted row breaks it. */
export async function verifyAuditChain(db: Kysely<PlatformTables>): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, checked, brokenAt: expectedSeq, reason: 'missing row' };
      if (row.prev_hash !== prevHash)
        return { ok: false, checked, brokenAt: seq, reason: 'previous hash differs' };
      if (auditHash(prevHash, { ...row, seq }) !== row.hash) {
        return { ok: false, checked, brokenAt: seq, reason: 'row content altered' };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash)) {
    return {
      ok: false,
      checked,
      brokenAt: expectedSeq,
      reason: 'chain head differs (rows removed at the end)',
    };
  }
  return { ok: true, checked, brokenAt: null, reason: null };
}
