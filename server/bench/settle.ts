/**
 * npm run bench:settle — one draw with 1,000,000 lines (100,000 tickets × 10 lines: directo, palé,
 * tripleta, two different prize tables copied at sale) settles after its result is published, on
 * SQLite and on PostgreSQL, while a seller keeps selling to another draw over HTTP (loopback inject).
 * Prints the settlement time (target ≤ 2 s) and the slowest concurrent sale (target ≤ 150 ms); the seller
 * sells one ticket every 50 ms (BENCH_SALE_EVERY_MS) from the same process, so its CPU competes too.
 * Data is bulk-inserted with INSERT … SELECT from a recursive CTE (SQLite) / generate_series (PostgreSQL)
 * into a throw-away database (temp file / random schema, dropped at the end).
 */
import { sql } from 'kysely';
import type { Engine } from '../src/platform/db/database.ts';

const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
process.env.TEST_DATABASE_URL = PG_URL;
const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const LINES_PER_TICKET = 10;
const SALE_EVERY_MS = Number(process.env.BENCH_SALE_EVERY_MS ?? 50);

export interface SettleFigure {
  engine: Engine;
  lines: number;
  loadSeconds: number;
  activateSeconds: number;
  settleSeconds: number;
  winningLines: number;
  sales: number;
  maxSaleMs: number;
  p99SaleMs: number;
}

const TABLE_60 = JSON.stringify({ first: 6000, second: 800, third: 400 });
const TABLE_56 = JSON.stringify({ first: 5600, second: 1200, third: 400 });
const PALE = JSON.stringify({ first_second: 100000, first_third: 100000, second_third: 10000 });
const TRIPLETA = JSON.stringify({ three: 2000000, two: 10000 });

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function benchEngine(engine: Engine): Promise<SettleFigure> {
  const { createTestApp } = await import('../test/app-factory.ts');
  const { advanceDraws } = await import('../src/modules/lottery/advance-draws.ts');
  const { publishResult } = await import('../src/modules/lottery/publish-result.ts');
  const app = await createTestApp(engine, { clock: '2026-01-29T14:00:00Z' });
  try {
    const db = app.platform.db.withTables<{
      lottery_draws: { id: string; lottery_id: string; draw_date: string; draw_at: string; close_at: string };
      lottery_lotteries: { id: string; code: string };
      lottery_bancas: { id: string; code: string; zone_id: string };
    }>();
    const draw = await db
      .selectFrom('lottery_draws as d')
      .innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id')
      .select(['d.id', 'd.lottery_id', 'd.draw_at'])
      .where('l.code', '=', 'REAL')
      .where('d.draw_date', '=', '2026-01-29')
      .executeTakeFirstOrThrow();
    const other = await db
      .selectFrom('lottery_draws as d')
      .innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id')
      .select(['d.id', 'd.lottery_id'])
      .where('l.code', '=', 'LOTEKA')
      .where('d.draw_date', '=', '2026-01-29')
      .executeTakeFirstOrThrow();
    const banca = await db
      .selectFrom('lottery_bancas')
      .select(['id', 'zone_id'])
      .where('code', '=', '010')
      .executeTakeFirstOrThrow();
    const seller = await app.platform.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'juan001')
      .executeTakeFirstOrThrow();

    const started = performance.now();
    const pg = engine === 'postgres';
    const series = (n: number) =>
      pg
        ? `(select g - 1 as i from generate_series(1, ${n}) as g) as n`
        : `(with recursive s(i) as (select 0 union all select i + 1 from s where i < ${n - 1}) select i from s) as n`;
    const pad = (expr: string, width: number) =>
      pg ? `lpad(cast(${expr} as text), ${width}, '0')` : `printf('%0${width}d', ${expr})`;
    const q = (text: string) => `'${text.replaceAll("'", "''")}'`;
    const now = '2026-01-29T14:00:00.000Z';
    await sql
      .raw(
        `insert into lottery_tickets (id, code, banca_id, zone_id, seller_id, business_date, created_at, status, currency,
          global_multiplier, discount_bp, total_lines, total_bet, total_discount, total_subtotal, grand_total,
          total_commission, total_net, lines_hash, signature, earliest_draw_at, latest_draw_at, expires_at, prize_total, reprint_count)
         select 'B' || ${pad('i', 8)}, 'BEN-20260129-' || ${pad('i', 6)}, ${q(banca.id)}, ${q(banca.zone_id)}, ${q(seller.id)},
          '2026-01-29', ${q(now)}, 'pending', 'DOP', 1, 0, ${LINES_PER_TICKET}, ${LINES_PER_TICKET * 1000}, 0,
          ${LINES_PER_TICKET * 1000}, ${LINES_PER_TICKET * 1000}, 0, ${LINES_PER_TICKET * 1000}, 'h', 's',
          ${q(draw.draw_at)}, ${q(draw.draw_at)}, '2026-04-29T00:00:00.000Z', 0, 0
         from ${series(TICKETS)}`,
      )
      .execute(app.platform.db);
    // Line k = ticket i × 10 + j. 60 % directo (two prize tables), 30 % palé, 10 % tripleta.
    const k = 'i';
    const t = `(${k} / ${LINES_PER_TICKET})`;
    const j = `(${k} % ${LINES_PER_TICKET})`;
    await sql
      .raw(
        `insert into lottery_ticket_lines (id, ticket_id, line_number, draw_id, lottery_id, bet_type, bet_number, typed,
          requested_amount, bet_amount, multiplier, discount_bp, discount_amount, subtotal, total, commission_bp,
          commission_amount, net_amount, prize_multipliers, status)
         select 'L' || ${pad(k, 9)}, 'B' || ${pad(t, 8)}, ${j} + 1, ${q(draw.id)}, ${q(draw.lottery_id)},
          case when ${j} < 6 then 'DIRECTO' when ${j} < 9 then 'PALE' else 'TRIPLETA' end,
          case when ${j} < 6 then ${pad(`(${k} * 7 + ${t}) % 100`, 2)}
               when ${j} < 9 then ${pad(`${k} % 50`, 2)} || ${pad(`50 + (${k} / 7) % 50`, 2)}
               else ${pad(`${t} % 30`, 2)} || ${pad(`30 + (${t} / 3) % 35`, 2)} || ${pad(`65 + (${t} / 5) % 35`, 2)} end,
          'x', 1000, 1000, 1, 0, 0, 1000, 1000, 0, 0, 1000,
          case when ${j} < 6 then (case when ${t} % 2 = 0 then ${q(TABLE_60)} else ${q(TABLE_56)} end)
               when ${j} < 9 then ${q(PALE)} else ${q(TRIPLETA)} end,
          'pending'
         from ${series(TICKETS * LINES_PER_TICKET)}`,
      )
      .execute(app.platform.db);
    // Setup only: fold the bulk load's write-ahead log into the database and refresh statistics, as a
    // day of normal trickle sales would have (otherwise the first commits during the timing checkpoint it).
    if (pg) await sql`analyze`.execute(app.platform.db);
    else {
      await sql`analyze`.execute(app.platform.db);
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(app.platform.db);
    }
    const loadSeconds = (performance.now() - started) / 1000;

    // Sales close: REAL's tickets now read active (nothing is written to them), timed apart from settlement.
    app.clock.set(new Date('2026-01-29T17:00:00Z'));
    const activateStarted = performance.now();
    await advanceDraws(app.platform);
    const activateSeconds = (performance.now() - activateStarted) / 1000;
    if (!pg) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(app.platform.db);

    const juan = await app.login('juan001');
    const sale = async () => {
      const t0 = performance.now();
      const response = await app.app.inject({
        method: 'POST',
        url: '/api/v1/lottery/tickets',
        headers: { cookie: juan },
        payload: {
          lines: [
            {
              draw_id: other.id,
              lottery_id: other.lottery_id,
              bet_number: String(Math.floor(Math.random() * 100)).padStart(2, '0'),
              bet_type_code: 'DIRECTO',
              bet_amount: 5,
            },
          ],
        },
      });
      if (response.statusCode !== 201) throw new Error(`sale refused: ${response.body}`);
      return performance.now() - t0;
    };
    if (!process.env.BENCH_NO_SALES) for (let i = 0; i < 20; i++) await sale();

    const latencies: number[] = [];
    let settling = true;
    // A busy network: one sale every SALE_EVERY_MS from the same process, each timed from its start.
    const selling = (async () => {
      while (settling && !process.env.BENCH_NO_SALES) {
        const started = performance.now();
        latencies.push(await sale());
        const rest = SALE_EVERY_MS - (performance.now() - started);
        if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      }
    })();
    const settleStarted = performance.now();
    const published = await publishResult(
      app.platform,
      { userId: null, username: 'bench', ip: null },
      { lottery: 'REAL', draw_date: '2026-01-29', first: '23', second: '45', third: '78' },
      'api',
    );
    const settleSeconds = (performance.now() - settleStarted) / 1000;
    settling = false;
    await selling;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      engine,
      lines: TICKETS * LINES_PER_TICKET,
      loadSeconds,
      activateSeconds,
      settleSeconds,
      winningLines: published.settlement.winning_lines,
      sales: latencies.length,
      maxSaleMs: sorted[sorted.length - 1] ?? 0,
      p99SaleMs: percentile(sorted, 99),
    };
  } finally {
    await app.close();
  }
}

export async function benchSettle(engines: Engine[] = ['sqlite', 'postgres']): Promise<SettleFigure[]> {
  const figures: SettleFigure[] = [];
  for (const engine of engines) {
    try {
      figures.push(await benchEngine(engine));
    } catch (error) {
      console.error(`bench:settle ${engine}: ${(error as Error).message}`);
    }
  }
  return figures;
}

export function printSettle(figures: SettleFigure[]): void {
  console.log(
    '| Motor | Líneas | Carga | Activar tickets | Liquidar (≤ 2 s) | Líneas ganadoras | Ventas durante | Venta más lenta (≤ 150 ms) | p99 venta |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const f of figures) {
    console.log(
      `| ${f.engine} | ${f.lines.toLocaleString('en-US')} | ${f.loadSeconds.toFixed(1)} s | ${f.activateSeconds.toFixed(2)} s | ${f.settleSeconds.toFixed(2)} s | ${f.winningLines.toLocaleString('en-US')} | ${f.sales} | ${f.maxSaleMs.toFixed(0)} ms | ${f.p99SaleMs.toFixed(0)} ms |`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engines = (process.env.BENCH_ENGINES?.split(',') as Engine[] | undefined) ?? ['sqlite', 'postgres'];
  printSettle(await benchSettle(engines));
  process.exit(0);
}
