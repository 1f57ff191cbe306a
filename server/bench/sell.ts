/**
 * npm run bench:sell — 5-line tickets under four limit levels (global per draw, zone, banca, number),
 * 32 concurrent clients over HTTP (loopback) and the bare sale use case without HTTP, for two
 * workloads: "spread" (lines over many draws) and "close" (every line into one draw). Every sale
 * carries its own Idempotency-Key, as the POS sends it.
 * Prints tickets/s and p99 per engine and the HTTP ÷ bare ratio. Bounded: ~10 s per measurement.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { createSalesCommitter, sellTicket } from '../src/modules/lottery/sell-ticket.ts';
import type { Engine } from '../src/platform/db/database.ts';
import { createTestApp, type TestApp } from '../test/app-factory.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 32;
const LINES = 5;
const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

export interface SellFigure {
  engine: Engine;
  workload: 'spread' | 'close';
  httpPerSecond: number;
  httpP99: number;
  barePerSecond: number;
  /** Server CPU (user + system) per ticket sold: the figure to compare when the machine is busy. */
  httpCpuMs: number;
  /** Share of the HTTP run the server's event loop was busy: below ~0.9 the server was waiting, not working. */
  httpLoopBusy: number;
  /** Event-loop time per ticket sold over HTTP: the one thread's budget is 1,000 ms ÷ the target rate. */
  httpLoopMs: number;
  /** CPU the load generator used per request: on two cores it competes with the server. */
  loadCpuMs: number;
  bareCpuMs: number;
  bareP99: number;
  /** Time the HTTP run spent in COMMIT (the disk flush), and the longest one: disk stalls show here. */
  httpCommitMs: number;
  httpCommitMaxMs: number;
  refused: number;
}

interface Draw {
  id: string;
  lottery_id: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function randomLines(draws: Draw[]) {
  const numbers = new Set<string>();
  while (numbers.size < LINES) numbers.add(String(Math.floor(Math.random() * 100)).padStart(2, '0'));
  return [...numbers].map((number) => {
    const draw = draws[Math.floor(Math.random() * draws.length)];
    return {
      draw_id: draw.id,
      lottery_id: draw.lottery_id,
      bet_number: number,
      bet_type_code: 'DIRECTO' as const,
      bet_amount: 10,
    };
  });
}

async function openQuinielaDraws(app: TestApp): Promise<Draw[]> {
  const now = app.clock.now().toISOString();
  return app.platform.db
    .withTables<{
      lottery_draws: { id: string; lottery_id: string; status: string; close_at: string };
      lottery_lotteries: { id: string; result_format: string };
    }>()
    .selectFrom('lottery_draws as d')
    .innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id')
    .select(['d.id', 'd.lottery_id'])
    .where('d.status', '=', 'open')
    .where('d.close_at', '>', now)
    .where('l.result_format', '=', 'quiniela')
    .execute();
}

async function addLimits(app: TestApp, admin: string): Promise<void> {
  const zone = await app.platform.db
    .withTables<{ lottery_bancas: { code: string; zone_id: string; id: string } }>()
    .selectFrom('lottery_bancas')
    .select(['zone_id', 'id'])
    .where('code', '=', '010')
    .executeTakeFirstOrThrow();
  const rules = [
    { level: 'global', max_amount: 100_000_000 },
    { level: 'zone', zone_id: zone.zone_id, max_amount: 50_000_000 },
    { level: 'banca', banca_id: zone.id, max_amount: 10_000_000 },
    { level: 'number', bet_type: 'DIRECTO', max_amount: 1_000_000 },
  ];
  // The bench measures selling, not the demo banca's credit and daily cap: lift them for the run.
  await app.app.inject({
    method: 'PATCH',
    url: `/api/v1/lottery/bancas/${zone.id}`,
    headers: { cookie: admin },
    payload: { credit_limit: null, deactivation_balance: null, daily_sales_limit: null },
  });
  for (const rule of rules) {
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/v1/lottery/limits',
      headers: { cookie: admin },
      payload: rule,
    });
    if (response.statusCode !== 201) throw new Error(`limit rule refused: ${response.body}`);
  }
}

/** The load generator runs in its own process, as real clients would: it does not eat the server's event loop. */
async function overHttp(app: TestApp, cookie: string, draws: Draw[]) {
  const address = await app.app.listen({ port: 0, host: '127.0.0.1' });
  const child = fork(fileURLToPath(import.meta.url), ['--load'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.send({ address, cookie, draws });
  // The server's CPU and event loop are measured from the moment the load starts, not while the
  // load generator's process boots.
  let serverCpu = process.cpuUsage();
  let serverLoop = performance.eventLoopUtilization();
  const result = await new Promise<{ ok: number; p99: number; refused: number; cpuMs: number }>(
    (resolve, reject) => {
      child.on('message', (message: { started?: true }) => {
        if (!message.started) return resolve(message as never);
        serverCpu = process.cpuUsage();
        serverLoop = performance.eventLoopUtilization();
      });
      child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    },
  );
  const serverUsed = process.cpuUsage(serverCpu);
  const loopBusy = performance.eventLoopUtilization(serverLoop).utilization;
  child.kill();
  await app.app.close();
  const requests = result.ok + result.refused;
  return {
    perSecond: result.ok / SECONDS,
    p99: result.p99,
    refused: result.refused,
    loadCpuMs: requests > 0 ? result.cpuMs / requests : 0,
    cpuMs: result.ok > 0 ? (serverUsed.user + serverUsed.system) / 1000 / result.ok : 0,
    loopBusy,
  };
}

async function generateLoad(): Promise<void> {
  const { address, cookie, draws } = await new Promise<{ address: string; cookie: string; draws: Draw[] }>(
    (resolve) => process.once('message', (message) => resolve(message as never)),
  );
  process.send!({ started: true });
  const cpu = process.cpuUsage();
  const result = await autocannon({
    url: address,
    connections: CLIENTS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/lottery/tickets',
        headers: { cookie, 'content-type': 'application/json' },
        // Every sale carries its own Idempotency-Key, as the POS sends it.
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ lines: randomLines(draws) }),
        }),
      },
    ],
  });
  const used = process.cpuUsage(cpu);
  process.send!(
    {
      ok: result['2xx'],
      p99: result.latency.p99,
      refused: result.non2xx,
      cpuMs: (used.user + used.system) / 1000,
    },
    () => process.exit(0),
  );
}

async function bare(app: TestApp, sellerId: string, draws: Draw[]) {
  const committer = createSalesCommitter(app.platform);
  const actor = { userId: sellerId, username: 'juan001', ip: '127.0.0.1' };
  const latencies: number[] = [];
  let refused = 0;
  const reasons = new Map<string, number>();
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < until) {
        const lines = randomLines(draws).map((l) => ({
          drawId: l.draw_id,
          lotteryId: l.lottery_id,
          betNumber: l.bet_number,
          betType: l.bet_type_code,
          betAmount: l.bet_amount,
        }));
        const started = performance.now();
        try {
          await sellTicket(
            app.platform,
            committer,
            actor,
            { multiplier: 1, discountBp: 0, lines },
            { idempotencyKey: randomUUID() },
          );
          latencies.push(performance.now() - started);
        } catch (error) {
          refused += 1;
          const code = (error as { code?: string }).code ?? (error as Error).message;
          reasons.set(code, (reasons.get(code) ?? 0) + 1);
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  if (reasons.size > 0) console.warn('refused (bare):', Object.fromEntries(reasons));
  return { perSecond: latencies.length / SECONDS, p99: percentile(latencies, 99), refused };
}

/** Time spent in COMMIT, where the disk flush happens: on SQLite on the event loop, on PostgreSQL a wait. */
interface CommitWatch {
  totalMs: number;
  maxMs: number;
}

let watching: CommitWatch | null = null;

function record(started: number): void {
  if (!watching) return;
  const ms = performance.now() - started;
  watching.totalMs += ms;
  watching.maxMs = Math.max(watching.maxMs, ms);
}

const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const result = pgQuery.apply(this, args);
  // A COMMIT travels alone or after the writes deferred to it (one message): either way it is timed.
  if (typeof args[0] === 'string' && /(^|;\n)commit$/.test(args[0]) && result instanceof Promise) {
    const started = performance.now();
    void result.then(
      () => record(started),
      () => record(started),
    );
  }
  return result;
} as typeof pg.Client.prototype.query;

function watchCommits(app: TestApp): CommitWatch {
  const sqlite = app.platform.database.sqlite;
  if (sqlite) {
    // Kysely runs COMMIT through the connection's cache of prepared statements: this same object.
    const commit = sqlite.prepare('commit');
    const run = commit.run.bind(commit);
    commit.run = (...args: Parameters<typeof run>) => {
      const started = performance.now();
      try {
        return run(...args);
      } finally {
        record(started);
      }
    };
  }
  watching = { totalMs: 0, maxMs: 0 };
  return watching;
}

/** BENCH_PROFILE=dir: a CPU profile of each measurement alone (setup excluded), for Chrome DevTools. */
const PROFILE_DIR = process.env.BENCH_PROFILE;

async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(PROFILE_DIR!, { recursive: true });
    writeFileSync(`${PROFILE_DIR}/${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}

async function measure(engine: Engine, workload: 'spread' | 'close'): Promise<SellFigure> {
  const options = {
    demo: 'dr' as const,
    clock: '2026-01-29T14:00:00Z',
    poolSize: 40,
    env: { LOG_LEVEL: 'silent' },
  };
  const figures: {
    perSecond: number;
    p99: number;
    refused: number;
    cpuMs: number;
    loopBusy: number;
    commitMs: number;
    commitMaxMs: number;
    loadCpuMs?: number;
  }[] = [];
  for (const mode of ['bare', 'http'] as const) {
    const app = await createTestApp(engine, options);
    try {
      const admin = await app.login('admin');
      await addLimits(app, admin);
      const all = await openQuinielaDraws(app);
      const draws = workload === 'spread' ? all : all.slice(0, 1);
      const cookie = await app.login('juan001');
      const seller = await app.platform.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'juan001')
        .executeTakeFirstOrThrow();
      const run = () => (mode === 'bare' ? bare(app, seller.id, draws) : overHttp(app, cookie, draws));
      const commits = watchCommits(app);
      const cpu = process.cpuUsage();
      const loop = performance.eventLoopUtilization();
      const figure = await (PROFILE_DIR ? profiled(`${engine}-${workload}-${mode}`, run) : run());
      const used = process.cpuUsage(cpu);
      const sold = figure.perSecond * SECONDS;
      watching = null;
      figures.push({
        cpuMs: sold > 0 ? (used.user + used.system) / 1000 / sold : 0,
        loopBusy: performance.eventLoopUtilization(loop).utilization,
        commitMs: commits.totalMs,
        commitMaxMs: commits.maxMs,
        ...figure,
      });
    } finally {
      await app.close();
    }
  }
  const [bareFigure, httpFigure] = figures;
  return {
    engine,
    workload,
    httpPerSecond: httpFigure.perSecond,
    httpCpuMs: httpFigure.cpuMs,
    httpLoopBusy: httpFigure.loopBusy,
    httpLoopMs: httpFigure.perSecond > 0 ? (httpFigure.loopBusy * 1000) / httpFigure.perSecond : 0,
    loadCpuMs: httpFigure.loadCpuMs ?? 0,
    bareCpuMs: bareFigure.cpuMs,
    httpP99: httpFigure.p99,
    barePerSecond: bareFigure.perSecond,
    bareP99: bareFigure.p99,
    httpCommitMs: httpFigure.commitMs,
    httpCommitMaxMs: httpFigure.commitMaxMs,
    refused: httpFigure.refused + bareFigure.refused,
  };
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function benchSell(): Promise<SellFigure[]> {
  process.env.BENCH_DATABASE_URL = PG_URL;
  const wanted = (process.env.BENCH_ENGINES?.split(',') as Engine[] | undefined) ?? ['sqlite', 'postgres'];
  const reachable = !wanted.includes('postgres') || (await postgresReachable());
  if (!reachable) console.warn(`PostgreSQL no disponible en ${PG_URL}: solo SQLite`);
  const engines = reachable ? wanted : wanted.filter((engine) => engine === 'sqlite');
  const figures: SellFigure[] = [];
  for (const engine of engines) {
    const workloads = (process.env.BENCH_WORKLOADS?.split(',') as ('spread' | 'close')[] | undefined) ?? [
      'spread',
      'close',
    ];
    for (const workload of workloads) figures.push(await measure(engine, workload));
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--load')) {
  await generateLoad();
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchSell();
  console.log(
    '| workload | engine | HTTP tickets/s | HTTP p99 ms | bare tickets/s | bare p99 ms | HTTP ÷ bare | refused | CPU ms/ticket HTTP | bare | server loop busy | loop ms/ticket | load CPU ms/request | COMMIT ms (longest) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const f of figures) {
    console.log(
      `| ${f.workload} | ${f.engine} | ${f.httpPerSecond.toFixed(0)} | ${f.httpP99.toFixed(1)} | ${f.barePerSecond.toFixed(0)} | ${f.bareP99.toFixed(1)} | ${(f.httpPerSecond / f.barePerSecond).toFixed(2)} | ${f.refused} | ${f.httpCpuMs.toFixed(2)} | ${f.bareCpuMs.toFixed(2)} | ${f.httpLoopBusy.toFixed(2)} | ${f.httpLoopMs.toFixed(2)} | ${f.loadCpuMs.toFixed(2)} | ${f.httpCommitMs.toFixed(0)} (${f.httpCommitMaxMs.toFixed(0)}) |`,
    );
  }
  process.exit(0);
}
