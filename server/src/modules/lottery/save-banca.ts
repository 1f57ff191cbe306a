import type { CreateBancaBody, UpdateBancaBody } from '@matriz/shared/api/lottery-catalog';
import { toCents } from '@matriz/shared/money';
import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { isUniqueViolation, type LotteryDb, lotteryDb } from './db.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { type BancaRow, findBanca, findZone, insertBancas, updateBancaRow } from './network.repo.ts';
import type { LotteryBancasTable } from './tables.ts';

/** DOMAIN.md §7: a 30-minute cancel window; every other cap starts off. */
export const DEFAULT_CANCEL_WINDOW_MINUTES = 30;

const cents = (value: number | null | undefined) =>
  value === null || value === undefined ? value : toCents(value);

/** API fields (major units, booleans, footer array) → columns (cents, 0/1, three columns). */
function columnsOf(input: UpdateBancaBody): Updateable<LotteryBancasTable> {
  const columns: Updateable<LotteryBancasTable> = {
    code: input.code,
    name: input.name,
    owner_name: input.owner_name,
    zone_id: input.zone_id,
    opens_at: input.opens_at,
    closes_at: input.closes_at,
    print_format: input.print_format,
    print_copies: input.print_copies,
    show_prize_table: input.show_prize_table === undefined ? undefined : input.show_prize_table ? 1 : 0,
    cancel_window_minutes: input.cancel_window_minutes,
    max_cancels_per_day: input.max_cancels_per_day,
    max_cancel_amount_cents: cents(input.max_cancel_amount),
    max_ticket_amount_cents: cents(input.max_ticket_amount),
    daily_sales_limit_cents: cents(input.daily_sales_limit),
    credit_limit_cents: cents(input.credit_limit),
    deactivation_balance_cents: cents(input.deactivation_balance),
    accept_partial_lines:
      input.accept_partial_lines === undefined ? undefined : input.accept_partial_lines ? 1 : 0,
  };
  if (input.footer_lines) {
    [columns.footer_line1, columns.footer_line2, columns.footer_line3] = input.footer_lines;
  }
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

async function checkZone(db: LotteryDb, zoneId: string): Promise<void> {
  const zone = await findZone(db, zoneId);
  if (!zone) throw new AppError('NOT_FOUND', 422, { field: 'zone_id', entity: 'lottery_zone', id: zoneId });
  if (zone.active !== 1) throw new AppError('ZONE_INACTIVE', 422, { field: 'zone_id', zone: zone.name });
}

/** Both hours or neither; a closing time before the opening one runs past midnight (22:00–08:00). */
function checkHours(opensAt: string | null, closesAt: string | null): void {
  if ((opensAt === null) !== (closesAt === null)) {
    throw new AppError('BANCA_HOURS_INCOMPLETE', 422, { field: opensAt === null ? 'opens_at' : 'closes_at' });
  }
  if (opensAt !== null && opensAt === closesAt) {
    throw new AppError('BANCA_HOURS_EMPTY', 422, {
      field: 'closes_at',
      opens_at: opensAt,
      closes_at: closesAt,
    });
  }
}

const codeTaken = (code: string | undefined) => conflict('CODE_TAKEN', { field: 'code', code });

export async function createBanca(
  platform: Platform,
  actor: Actor,
  input: CreateBancaBody,
): Promise<BancaRow> {
  const id = newId();
  const at = platform.clock.now().toISOString();
  try {
    await platform.db.transaction().execute(async (trx) => {
      const db = lotteryDb(trx);
      await checkZone(db, input.zone_id);
      const settings = await getOperatorSettings(db, platform.config);
      const [footer1, footer2, footer3] = settings.footer_lines;
      const row: LotteryBancasTable = {
        id,
        code: input.code,
        name: input.name,
        owner_name: input.owner_name,
        zone_id: input.zone_id,
        active: 1,
        opens_at: null,
        closes_at: null,
        print_format: settings.print_format,
        print_copies: settings.print_copies,
        footer_line1: footer1,
        footer_line2: footer2,
        footer_line3: footer3,
        show_prize_table: settings.show_prize_table ? 1 : 0,
        cancel_window_minutes: DEFAULT_CANCEL_WINDOW_MINUTES,
        max_cancels_per_day: null,
        max_cancel_amount_cents: null,
        max_ticket_amount_cents: null,
        daily_sales_limit_cents: null,
        credit_limit_cents: null,
        deactivation_balance_cents: null,
        accept_partial_lines: 0,
        created_at: at,
        updated_at: at,
        ...(columnsOf(input) as Partial<LotteryBancasTable>),
      };
      checkHours(row.opens_at, row.closes_at);
      await insertBancas(db, [row]);
      await platform.audit(trx, actor, {
        entity: 'lottery_banca',
        entityId: id,
        action: 'create',
        after: row,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
  return (await findBanca(lotteryDb(platform.db), id))!;
}

export async function updateBanca(
  platform: Platform,
  actor: Actor,
  id: string,
  input: UpdateBancaBody,
): Promise<BancaRow> {
  try {
    await platform.db.transaction().execute(async (trx) => {
      const db = lotteryDb(trx);
      const before = await findBanca(db, id);
      if (!before) throw notFound('lottery_banca', id);
      // Someone saved it since this edit was opened: refuse rather than overwrite what they saved.
      const changedMeanwhile = () =>
        conflict('RECORD_CHANGED', { entity: 'lottery_banca', id, label: before.code });
      if (input.version !== undefined && input.version !== before.version) throw changedMeanwhile();
      if (input.zone_id && input.zone_id !== before.zone_id) await checkZone(db, input.zone_id);
      const changes = columnsOf(input);
      checkHours(
        changes.opens_at === undefined ? before.opens_at : (changes.opens_at as string | null),
        changes.closes_at === undefined ? before.closes_at : (changes.closes_at as string | null),
      );
      const at = platform.clock.now().toISOString();
      if (!(await updateBancaRow(db, id, { ...changes, updated_at: at }, input.version)))
        throw changedMeanwhile();
      await platform.audit(trx, actor, {
        entity: 'lottery_banca',
        entityId: id,
        action: 'update',
        before,
        after: await findBanca(db, id),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
  return (await findBanca(lotteryDb(platform.db), id))!;
}
