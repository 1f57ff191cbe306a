/**
 * npm run bench:reports — 30 days × 100 bancas × 2,000 lines a day (BENCH_DAYS, BENCH_BANCAS,
 * BENCH_LINES) written in bulk (tickets and the per-day aggregates the sale path keeps; lines and
 * ledger are not read by the reports) into a throw-away SQLite file and PostgreSQL schema, then every
 * report (and the charts) asked 20 times over the whole period through HTTP (loopback inject).
 * Prints p95 per report and engine; target ≤ 300 ms.
 */
import type { Engine } from '../src/platform/db/database.ts';

const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
process.env.TEST_DATABASE_URL = PG_URL;
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const BANCAS = Number(process.env.BENCH_BANCAS ?? 100);
const LINES = Number(process.env.BENCH_LINES ?? 2000);
const RUNS = 20;

export interface ReportFigure {
  engine: Engine;
  report: string;
  p95Ms: number;
  loadSeconds: number;
  lines: number;
}

const KINDS = [
  'daily-sales',
  'sales-by-draw',
  'sales-by-seller',
  'top-numbers',
  'balances',
  'prizes',
  'cancelled',
  'unpaid',
  'reventado',
  'commissions',
  'cashback',
  'pnl',
] as const;

async function benchEngine(engine: Engine): Promise<ReportFigure[]> {
  const { createTestApp } = await import('../test/app-factory.ts');
  const { simulateSales } = await import('../src/modules/lottery/simulate-sales.ts');
  const app = await createTestApp(engine, { clock: '2026-01-29T14:00:00Z', poolSize: 4 });
  try {
    const started = Date.now();
    const sim = await simulateSales(app.platform, {
      days: DAYS,
      bancas: BANCAS,
      linesPerDay: LINES,
      lastDay: '2026-01-28',
      full: false,
      settle: false,
      log: (m) => process.env.BENCH_VERBOSE && console.log(`  [${engine}] ${m}`),
    });
    if (engine === 'postgres')
      await app.platform.db
        .executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } } as never)
        .catch(() => {});
    else
      await app.platform.db
        .executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } } as never)
        .catch(() => {});
    const loadSeconds = (Date.now() - started) / 1000;
    const cookie = await app.login('admin');
    const from = sim.firstDay;
    const to = sim.lastDay;
    const figures: ReportFigure[] = [];
    const time = async (name: string, url: string) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const response = await app.app.inject({ method: 'GET', url, headers: { cookie } });
        times.push(performance.now() - t0);
        if (response.statusCode !== 200)
          throw new Error(`${name}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      }
      times.sort((a, b) => a - b);
      figures.push({
        engine,
        report: name,
        p95Ms: times[Math.ceil(0.95 * RUNS) - 1],
        loadSeconds,
        lines: sim.lines,
      });
    };
    for (const kind of KINDS) await time(kind, `/api/v1/lottery/reports/${kind}?from=${from}&to=${to}`);
    await time('charts', `/api/v1/lottery/reports/charts?date=${to}`);
    return figures;
  } finally {
    await app.close();
  }
}

export async function benchReports(): Promise<ReportFigure[]> {
  const engines: Engine[] = ['sqlite'];
  try {
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: PG_URL });
    await client.connect();
    await client.end();
    engines.push('postgres');
  } catch {
    console.warn(`PostgreSQL no disponible en ${PG_URL}: se mide solo SQLite.`);
  }
  const all: ReportFigure[] = [];
  for (const engine of engines) all.push(...(await benchEngine(engine)));
  return all;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchReports();
  const engines = [...new Set(figures.map((f) => f.engine))];
  console.log(
    `\nReportes sobre ${DAYS} días × ${BANCAS} bancas × ${LINES} jugadas/día (p95 de ${RUNS} consultas, meta ≤ 300 ms)`,
  );
  for (const engine of engines) {
    const f = figures.filter((x) => x.engine === engine);
    console.log(
      `  ${engine}: ${f[0].lines.toLocaleString('en-US')} jugadas cargadas en ${f[0].loadSeconds.toFixed(1)} s`,
    );
  }
  console.log(`| Reporte | ${engines.join(' | ')} |`);
  console.log(`|---|${engines.map(() => '---').join('|')}|`);
  for (const report of [...new Set(figures.map((f) => f.report))]) {
    const cells = engines.map(
      (e) => `${figures.find((f) => f.engine === e && f.report === report)!.p95Ms.toFixed(0)} ms`,
    );
    console.log(`| ${report} | ${cells.join(' | ')} |`);
  }
}
