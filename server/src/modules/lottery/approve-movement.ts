import { localDate } from '@matriz/shared/lottery/schedule';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { addBancaBalances } from './aggregates.repo.ts';
import { type LotteryDb, lotteryDb } from './db.ts';
import {
  decideMovement,
  findCashClose,
  findMoneyBanca,
  findMovement,
  findMovementByKey,
  insertLedger,
  insertMovement,
  moneyBancaIds,
  readMoneySettingsJson,
} from './money.repo.ts';
import type { LotteryMoneyMovementsTable } from './money-tables.ts';
import type { LotteryLedgerEntriesTable } from './sales-tables.ts';

export type MovementKind = 'cobro' | 'pago' | 'loan' | 'loan_repayment';

export interface MoneySettings {
  /** Cobros, pagos and repayments above this (cents) wait for an admin's approval; null = never. */
  approval_threshold: number | null;
}

export const DEFAULT_MONEY_SETTINGS: MoneySettings = { approval_threshold: 2_000_000 };

export async function getMoneySettings(db: LotteryDb): Promise<MoneySettings> {
  const stored = await readMoneySettingsJson(db);
  return { ...DEFAULT_MONEY_SETTINGS, ...(stored ? (JSON.parse(stored) as Partial<MoneySettings>) : {}) };
}

/**
 * The ledger entry of a movement and how it moves the banca's balance (what it owes the house):
 * cobro — the cobrador takes cash from the banca; pago — the house brings cash to the banca;
 * loan / loan_repayment — a receivable per loan (`banca:<id>:loan:<loan>`), outside the drawer.
 */
export function movementEntry(movement: LotteryMoneyMovementsTable, at: string, businessDate: string) {
  const banca = `banca:${movement.banca_id}`;
  const [debit, credit, delta] =
    movement.kind === 'cobro'
      ? ['house:cash', `${banca}:cash`, -movement.amount]
      : movement.kind === 'pago'
        ? [`${banca}:cash`, 'house:cash', movement.amount]
        : movement.kind === 'loan'
          ? [`${banca}:loan:${movement.loan_id}`, 'house:cash', 0]
          : ['house:cash', `${banca}:loan:${movement.loan_id}`, 0];
  const entry: LotteryLedgerEntriesTable = {
    id: newId(),
    at,
    business_date: businessDate,
    banca_id: movement.banca_id,
    kind: movement.kind,
    ticket_id: null,
    debit_account: debit,
    credit_account: credit,
    amount: movement.amount,
    memo: movement.note ? movement.note.slice(0, 200) : movement.kind.toUpperCase(),
  };
  return { entry, delta };
}

/** Writes an approved movement's ledger entry and balance change (inside the caller's transaction). */
export async function postMovement(
  db: LotteryDb,
  movement: LotteryMoneyMovementsTable,
  at: string,
): Promise<string> {
  const { entry, delta } = movementEntry(movement, at, movement.business_date);
  await insertLedger(db, [entry]);
  if (delta !== 0) await addBancaBalances(db, new Map([[movement.banca_id, delta]]), at);
  return entry.id;
}

export async function refuseIfClosed(db: LotteryDb, bancaId: string, day: string): Promise<void> {
  if (await findCashClose(db, bancaId, day))
    throw new AppError('CASH_CLOSED', 409, { banca_id: bancaId, date: day });
}

export interface MovementRequest {
  kind: MovementKind;
  bancaId: string;
  amountCents: number;
  note: string | null;
  loanId?: string | null;
  idempotencyKey?: string;
  /** Loans are always admin decisions: never wait for approval. */
  forceApproved?: boolean;
}

/**
 * Records a cobro / pago / loan movement for a banca the user handles: approved at once (ledger and
 * balance in the same transaction) unless it is above the approval threshold and the user is not a
 * money admin — then it waits, without touching the ledger, for `approveMovement`.
 */
export async function recordMovement(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  request: MovementRequest,
  check?: (db: LotteryDb) => Promise<void>,
) {
  const db = lotteryDb(platform.db);
  const admin = auth.permissions.has('lottery.money.manage');
  if (request.idempotencyKey) {
    const existing = await findMovementByKey(db, actor.userId!, request.idempotencyKey);
    if (existing) return { ...existing, replayed: true };
  }
  const scope = await moneyBancaIds(db, auth.userId, admin || auth.permissions.has('lottery.network.manage'));
  const banca = await findMoneyBanca(db, request.bancaId);
  if (!banca || (scope && !scope.includes(banca.id))) throw notFound('lottery_banca', request.bancaId);
  if (!(request.amountCents > 0)) throw new AppError('AMOUNT_INVALID', 422, { field: 'amount' });
  const settings = await getMoneySettings(db);
  const now = platform.clock.now();
  const at = now.toISOString();
  const day = localDate(now, platform.config.timezone);
  const needsApproval =
    !request.forceApproved &&
    !admin &&
    settings.approval_threshold !== null &&
    request.amountCents > settings.approval_threshold;
  const row: LotteryMoneyMovementsTable = {
    id: newId(),
    kind: request.kind,
    banca_id: banca.id,
    zone_id: banca.zone_id,
    amount: request.amountCents,
    status: needsApproval ? 'pending' : 'approved',
    business_date: day,
    loan_id: request.loanId ?? null,
    note: request.note,
    created_at: at,
    created_by: actor.userId!,
    decided_at: needsApproval ? null : at,
    decided_by: needsApproval ? null : actor.userId!,
    ledger_entry_id: null,
    idempotency_key: request.idempotencyKey ?? null,
  };
  await platform.db.transaction().execute(async (trx) => {
    const tdb = lotteryDb(trx);
    await refuseIfClosed(tdb, banca.id, day);
    if (check) await check(tdb);
    if (!needsApproval) row.ledger_entry_id = await postMovement(tdb, row, at);
    await insertMovement(tdb, row);
    await platform.audit(trx, actor, {
      entity: 'lottery_money_movement',
      entityId: row.id,
      action: request.kind,
      after: {
        banca: banca.code,
        amount: row.amount,
        status: row.status,
        loan_id: row.loan_id,
        note: row.note,
      },
    });
  });
  platform.bus.publish({
    type: 'lottery.money.movement',
    payload: {
      id: row.id,
      kind: row.kind,
      banca_id: row.banca_id,
      amount: row.amount / 100,
      status: row.status,
    },
    audience: { permission: 'lottery.money.read' },
  });
  return { ...row, replayed: false };
}

/** An admin approves (ledger written now, on today's business date) or rejects a pending movement. */
export async function approveMovement(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  id: string,
  decision: 'approve' | 'reject',
) {
  if (!auth.permissions.has('lottery.money.manage')) throw forbidden('lottery.money.manage');
  const db = lotteryDb(platform.db);
  const movement = await findMovement(db, id);
  if (!movement) throw notFound('lottery_money_movement', id);
  if (movement.status !== 'pending')
    throw new AppError('MOVEMENT_NOT_PENDING', 409, { id, status: movement.status });
  const now = platform.clock.now();
  const at = now.toISOString();
  const day = localDate(now, platform.config.timezone);
  const status = decision === 'approve' ? 'approved' : 'rejected';
  await platform.db.transaction().execute(async (trx) => {
    const tdb = lotteryDb(trx);
    const posted = { ...movement, amount: Number(movement.amount), business_date: day };
    let ledgerId: string | null = null;
    if (status === 'approved') {
      await refuseIfClosed(tdb, movement.banca_id, day);
      ledgerId = newId();
      const { entry, delta } = movementEntry(posted, at, day);
      entry.id = ledgerId;
      if (!(await decideMovement(tdb, id, status, actor.userId!, at, ledgerId)))
        throw new AppError('MOVEMENT_NOT_PENDING', 409, { id });
      await insertLedger(tdb, [entry]);
      if (delta !== 0) await addBancaBalances(tdb, new Map([[movement.banca_id, delta]]), at);
    } else if (!(await decideMovement(tdb, id, status, actor.userId!, at, null))) {
      throw new AppError('MOVEMENT_NOT_PENDING', 409, { id });
    }
    await platform.audit(trx, actor, {
      entity: 'lottery_money_movement',
      entityId: id,
      action: decision,
      before: { status: 'pending' },
      after: { status, amount: Number(movement.amount), kind: movement.kind },
    });
  });
  return { id, status };
}
