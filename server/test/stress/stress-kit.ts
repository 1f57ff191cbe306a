import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { type Database, type Engine, openDatabase } from '../../src/platform/db/database.ts';

export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function stressEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A throw-away database for server processes: a SQLite file, or a whole PostgreSQL database. */
export async function scratchDatabase(
  engine: Engine,
): Promise<{ url: string; dataDir: string; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'matriz-stress-'));
  if (engine === 'sqlite') {
    return {
      url: `sqlite:${join(dataDir, 'stress.db')}`,
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `matriz_stress_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
}

export async function login(baseUrl: string, username: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0];
  return { cookie };
}

export async function call(
  baseUrl: string,
  session: Session,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

type Db = Database['db'];

/**
 * The invariants a crash must never break: no ticket without its lines, sale ledger entry and limit
 * claims; every limit counter equal to what the live (not cancelled) tickets claimed; the audit chain whole.
 */
export async function checkInvariants(database: Database): Promise<string[]> {
  // biome-ignore lint/suspicious/noExplicitAny: reads module tables the platform type does not list
  const db = database.db as unknown as Db & { selectFrom: any };
  const problems: string[] = [];
  const tickets: { id: string; code: string; status: string; total_lines: number; grand_total: number }[] =
    await db
      .selectFrom('lottery_tickets')
      .select(['id', 'code', 'status', 'total_lines', 'grand_total'])
      .execute();
  const lineCounts = new Map<string, number>();
  for (const row of (await db.selectFrom('lottery_ticket_lines').select(['ticket_id']).execute()) as {
    ticket_id: string;
  }[]) {
    lineCounts.set(row.ticket_id, (lineCounts.get(row.ticket_id) ?? 0) + 1);
  }
  const saleEntries = new Map<string, number>();
  for (const row of (await db
    .selectFrom('lottery_ledger_entries')
    .select(['ticket_id', 'amount', 'kind'])
    .where('kind', '=', 'sale')
    .execute()) as { ticket_id: string; amount: number }[]) {
    saleEntries.set(row.ticket_id, Number(row.amount));
  }
  for (const ticket of tickets) {
    if ((lineCounts.get(ticket.id) ?? 0) !== Number(ticket.total_lines))
      problems.push(`${ticket.code}: lines missing`);
    if (saleEntries.get(ticket.id) !== Number(ticket.grand_total))
      problems.push(`${ticket.code}: sale entry missing or wrong`);
  }
  const live = new Set(tickets.filter((t) => t.status !== 'cancelled').map((t) => t.id));
  const claimed = new Map<string, number>();
  for (const ticket of (await db.selectFrom('lottery_tickets').select(['id', 'claims_json']).execute()) as {
    id: string;
    claims_json: string;
  }[]) {
    if (!live.has(ticket.id)) continue;
    for (const [key, amount] of Object.entries(JSON.parse(ticket.claims_json) as Record<string, number>))
      claimed.set(key, (claimed.get(key) ?? 0) + amount);
  }
  for (const counter of (await db
    .selectFrom('lottery_limit_counters')
    .select(['key', 'sold', 'lim'])
    .execute()) as {
    key: string;
    sold: number;
    lim: number;
  }[]) {
    if (Number(counter.sold) !== (claimed.get(counter.key) ?? 0)) {
      problems.push(`counter ${counter.key}: ${counter.sold} ≠ claimed ${claimed.get(counter.key) ?? 0}`);
    }
    if (Number(counter.sold) > Number(counter.lim)) problems.push(`counter ${counter.key} oversold`);
  }
  const audit = await verifyAuditChain(database.db);
  if (!audit.ok) problems.push(`audit chain broken at ${audit.brokenAt}: ${audit.reason}`);
  return problems;
}

export function openScratch(url: string): Database {
  return openDatabase(url, { poolSize: 2 });
}
