import type { CompiledQuery } from 'kysely';
import { executeTogether } from '../../platform/db/execute-together.ts';
import { insertRowsQueries } from '../../platform/db/insert-rows.ts';
import type { LotteryDb } from './db.ts';
import type { LotteryAggNumbersTable, LotteryAggSalesTable, LotteryAggTicketsTable } from './money-tables.ts';

const CHUNK = 400;

const SALES_KEY = ['business_date', 'banca_id', 'seller_id', 'draw_id', 'bet_type'] as const;
const SALES_SUMS = [
  'lines',
  'bet',
  'total',
  'commission',
  'net',
  'cancelled_lines',
  'cancelled_total',
  'cancelled_commission',
  'winning_lines',
  'prizes_won',
] as const;
const TICKETS_KEY = ['business_date', 'banca_id', 'seller_id', 'hour'] as const;
const TICKETS_SUMS = [
  'tickets',
  'total',
  'commission',
  'cancelled_tickets',
  'cancelled_total',
  'cancelled_commission',
  'paid_tickets',
  'prizes_paid',
] as const;
const NUMBERS_KEY = ['business_date', 'lottery_id', 'bet_type', 'bet_number'] as const;
const NUMBERS_SUMS = ['lines', 'total', 'exposure'] as const;

// biome-ignore lint/suspicious/noExplicitAny: column names are only known at run time here
type Dynamic = any;

type AggTable = 'lottery_agg_sales' | 'lottery_agg_tickets' | 'lottery_agg_numbers';

const keyOf = (row: object, key: readonly string[]) =>
  key.map((k) => String((row as Record<string, unknown>)[k])).join('\u0001');

/**
 * The upserts that add rows to an aggregate, one multi-row statement per chunk (`… ON CONFLICT (key)
 * DO UPDATE SET s = s + excluded.s`). Rows are summed per key first (a key may appear once per
 * statement) and sent in key order, so concurrent writers take the rows' locks in the same order.
 */
function addRowsQueries<R extends object>(
  db: LotteryDb,
  table: AggTable,
  key: readonly string[],
  sums: readonly string[],
  rows: readonly R[],
): CompiledQuery[] {
  if (rows.length === 0) return [];
  const merged = new Map<string, R>();
  for (const row of rows) {
    const k = keyOf(row, key);
    const existing = merged.get(k);
    if (!existing) merged.set(k, { ...row });
    else {
      const target = existing as Record<string, unknown>;
      const source = row as Record<string, unknown>;
      for (const s of sums) target[s] = Number(target[s]) + Number(source[s]);
    }
  }
  const sorted = [...merged.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((e) => e[1]);
  return insertRowsQueries(db, table, sorted, (oneRow) =>
    oneRow.onConflict((oc: Dynamic) =>
      oc
        .columns([...key])
        .doUpdateSet((eb: Dynamic) =>
          Object.fromEntries(sums.map((s) => [s, eb(`${table}.${s}`, '+', eb.ref(`excluded.${s}`))])),
        ),
    ),
  );
}

export const aggSalesQueries = (db: LotteryDb, rows: readonly LotteryAggSalesTable[]) =>
  addRowsQueries(db, 'lottery_agg_sales', SALES_KEY, SALES_SUMS, rows);
export const aggTicketsQueries = (db: LotteryDb, rows: readonly LotteryAggTicketsTable[]) =>
  addRowsQueries(db, 'lottery_agg_tickets', TICKETS_KEY, TICKETS_SUMS, rows);
export const aggNumbersQueries = (db: LotteryDb, rows: readonly LotteryAggNumbersTable[]) =>
  addRowsQueries(db, 'lottery_agg_numbers', NUMBERS_KEY, NUMBERS_SUMS, rows);

export const addSalesAggregates = (db: LotteryDb, rows: readonly LotteryAggSalesTable[]) =>
  executeTogether(db, aggSalesQueries(db, rows));
export const addTicketAggregates = (db: LotteryDb, rows: readonly LotteryAggTicketsTable[]) =>
  executeTogether(db, aggTicketsQueries(db, rows));
export const addNumberAggregates = (db: LotteryDb, rows: readonly LotteryAggNumbersTable[]) =>
  executeTogether(db, aggNumbersQueries(db, rows));

/** The upsert moving the cached balances (what each banca owes the house) by the given deltas, in banca order. */
export function bancaBalanceQueries(
  db: LotteryDb,
  deltas: ReadonlyMap<string, number>,
  at: string,
): CompiledQuery[] {
  const rows = [...deltas.entries()]
    .filter(([, delta]) => delta !== 0)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([banca_id, balance]) => ({ banca_id, balance, updated_at: at }));
  if (rows.length === 0) return [];
  return [
    db
      .insertInto('lottery_banca_balances')
      .values(rows)
      .onConflict((oc) =>
        oc.column('banca_id').doUpdateSet((eb) => ({
          balance: eb('lottery_banca_balances.balance', '+', eb.ref('excluded.balance')),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .compile(),
  ];
}

export const addBancaBalances = (db: LotteryDb, deltas: ReadonlyMap<string, number>, at: string) =>
  executeTogether(db, bancaBalanceQueries(db, deltas, at));

export async function readBancaBalance(db: LotteryDb, bancaId: string): Promise<number> {
  const row = await db
    .selectFrom('lottery_banca_balances')
    .select('balance')
    .where('banca_id', '=', bancaId)
    .executeTakeFirst();
  return Number(row?.balance ?? 0);
}

/**
 * Sets a draw's prize columns to the given figures (set, not add: a re-settlement after a correction,
 * or a second run of the same settlement, lands on the same figures); rows not given go back to zero.
 */
export async function setDrawPrizeAggregates(
  db: LotteryDb,
  drawId: string,
  rows: readonly LotteryAggSalesTable[],
): Promise<void> {
  await db
    .updateTable('lottery_agg_sales')
    .set({ winning_lines: 0, prizes_won: 0 })
    .where('draw_id', '=', drawId)
    .where((eb) => eb.or([eb('winning_lines', '!=', 0), eb('prizes_won', '!=', 0)]))
    .execute();
  const sorted = [...rows].sort((a, b) => {
    const x = keyOf(a, SALES_KEY);
    const y = keyOf(b, SALES_KEY);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (let i = 0; i < sorted.length; i += CHUNK)
    await db
      .insertInto('lottery_agg_sales')
      .values(sorted.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns([...SALES_KEY]).doUpdateSet((eb) => ({
          winning_lines: eb.ref('excluded.winning_lines'),
          prizes_won: eb.ref('excluded.prizes_won'),
        })),
      )
      .execute();
}
