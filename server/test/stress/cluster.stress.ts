import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type TestServer } from '../../../e2e/support/server.ts';
import { call, checkInvariants, login, openScratch, scratchDatabase } from './stress-kit.ts';

const CLOCK = '2026-01-29T10:00:00-04:00';

/** Two server instances on one PostgreSQL database, no proxy between them. */
describe.skipIf(!process.env.TEST_DATABASE_URL)('dos instancias sobre una base PostgreSQL', () => {
  let a: TestServer;
  let b: TestServer;
  let drop: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    const scratch = await scratchDatabase('postgres');
    drop = scratch.drop;
    url = scratch.url;
    const env = { DATABASE_URL: scratch.url, MATRIZ_CLOCK: CLOCK, LOG_LEVEL: 'warn' };
    a = await startServer(env, { dataDir: scratch.dataDir });
    b = await startServer(env, { dataDir: scratch.dataDir });
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await drop?.();
  });

  it('vendedores repartidos entre A y B sobre un número caliente con límite: ni un peso de más', async () => {
    const admin = await login(a.url, 'admin');
    const draws = await call(a.url, admin, 'GET', '/lottery/draws?status=open');
    const real = draws.body.draws.find((d: { lottery_code: string }) => d.lottery_code === 'REAL');
    for (const code of ['010', '011']) {
      const banca = (await call(a.url, admin, 'GET', `/lottery/bancas?q=${code}`)).body.items.find(
        (x: { code: string }) => x.code === code,
      );
      await call(a.url, admin, 'PATCH', `/lottery/bancas/${banca.id}`, { accept_partial_lines: false });
    }
    const rule = await call(a.url, admin, 'POST', '/lottery/limits', {
      level: 'number',
      bet_type: 'DIRECTO',
      number: '23',
      max_amount: 1000,
      draw_id: real.id,
    });
    expect(rule.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1200));

    const onA = await login(a.url, 'juan001');
    const onB = await login(b.url, 'maria011');
    const sales = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 === 0
          ? call(a.url, onA, 'POST', '/lottery/tickets', { entry: '23 7', draw_ids: [real.id] })
          : call(b.url, onB, 'POST', '/lottery/tickets', { entry: '23 7', draw_ids: [real.id] }),
      ),
    );
    const accepted = sales.filter((s) => s.status === 201);
    expect(accepted.length).toBe(Math.floor(1000 / 7));
    expect(new Set(sales.filter((s) => s.status !== 201).map((s) => s.body.error.code))).toEqual(
      new Set(['LIMIT_EXCEEDED']),
    );
    expect(sales.filter((s, i) => i % 2 === 1 && s.status === 201).length).toBeGreaterThan(0);

    const database = openScratch(url);
    try {
      expect(await checkInvariants(database)).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('una pizarra abierta en A ve en vivo una venta hecha en B', async () => {
    const supervisor = await login(a.url, 'supervisor1');
    const draws = await call(a.url, supervisor, 'GET', '/lottery/draws?status=open');
    const loteka = draws.body.draws.find((d: { lottery_code: string }) => d.lottery_code === 'LOTEKA');
    const socket = new WebSocket(`${a.url.replace('http', 'ws')}/api/v1/ws`, {
      headers: { cookie: supervisor.cookie },
    });
    const sold = new Promise<{ code: string; draw_ids: string[] }>((resolve, reject) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.type === 'lottery.ticket.sold') resolve(message.payload);
      });
      socket.on('error', reject);
    });
    await new Promise((resolve) => socket.once('open', resolve));

    const seller = await login(b.url, 'juan001');
    const started = Date.now();
    const sale = await call(b.url, seller, 'POST', '/lottery/tickets', {
      entry: '45 10',
      draw_ids: [loteka.id],
    });
    expect(sale.status).toBe(201);
    const event = await sold;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event.code).toBe(sale.body.ticket.ticket_code);
    const board = await call(a.url, supervisor, 'GET', `/lottery/draws/${loteka.id}/board`);
    expect(board.status).toBe(200);
    expect(JSON.stringify(board.body)).toContain('"45"');
    socket.close();
  });
});
