import type { CompiledQuery, Kysely, Transaction } from 'kysely';
import { businessDate } from '../clock.ts';
import { executeTogether } from '../db/execute-together.ts';
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

/**
 * Appends many rows with one move of the chain head: the batch takes `n` sequence numbers at once
 * and chains its rows in memory, in the order given. The rows go in one round trip with the
 * `alongside` writes (the changes being audited, see `executeTogether`).
 */
export async function recordAuditBatch(
  trx: Transaction<PlatformTables> | Kysely<PlatformTables>,
  items: readonly { actor: Actor; entry: AuditEntry }[],
  now: Date,
  timeZone: string,
  alongside: readonly CompiledQuery[] = [],
): Promise<void> {
  if (items.length === 0) return executeTogether(trx, alongside);
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', items.length) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const at = now.toISOString();
  const day = businessDate(now, timeZone);
  let prevHash = head.hash;
  let seq = Number(head.seq) - items.length;
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
  const inserts: CompiledQuery[] = [];
  for (let i = 0; i < rows.length; i += 500)
    inserts.push(
      trx
        .insertInto('audit_log')
        .values(rows.slice(i, i + 500))
        .compile(),
    );
  await executeTogether(trx, [
    ...alongside,
    ...inserts,
    trx.updateTable('audit_head').set({ hash: prevHash }).where('id', '=', 1).compile(),
  ]);
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
