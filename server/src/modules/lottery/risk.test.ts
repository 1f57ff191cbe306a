import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { lotteryDb } from './db.ts';
import { anomalyChecksDone } from './detect-anomalies.ts';
import { openDraw, THURSDAY_MORNING } from './lottery-test-kit.ts';

/** Sells and waits for the sale's anomaly checks; `exposure` also waits for the draw's exposure check (up to 2 s). */
async function sell(
  app: TestApp,
  cookie: string,
  entry: string,
  drawId: string,
  { exposure = false } = {},
): Promise<string> {
  const response = await app.app.inject({
    method: 'POST',
    url: '/api/v1/lottery/tickets',
    headers: { cookie },
    payload: { entry, draw_ids: [drawId] },
  });
  expect(response.statusCode, response.body).toBe(201);
  const code = response.json().ticket.ticket_code as string;
  await anomalyChecksDone(app.platform, `sold|${code}`, { exposure });
  return code;
}

async function call(
  app: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: object,
) {
  return app.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload });
}

async function addLimit(app: TestApp, admin: string, body: object) {
  const response = await call(app, admin, 'POST', '/lottery/limits', body);
  expect(response.statusCode, response.body).toBe(201);
}

async function anomalies(app: TestApp, kind: string) {
  return lotteryDb(app.platform.db)
    .selectFrom('lottery_anomalies')
    .selectAll()
    .where('kind', '=', kind)
    .execute();
}

type BoardNumber = {
  number: string;
  colour: string;
  sold: number;
  exposure: number;
  combination_payout: number;
  net_risk: number;
  available: number | null;
};
const cell = (board: { numbers: BoardNumber[] }, n: string) => board.numbers.find((x) => x.number === n)!;

describeEngines(
  'pizarra y exposición',
  (t) => {
    it('directo, palé y tripleta: vendido, pago si sale primero y exposición por combinación', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'REAL');
      await sell(app, juan, '23 150\n2345 10\n234567 2', drawId);
      const supervisor = await app.login('supervisor1');
      const response = await call(app, supervisor, 'GET', `/lottery/draws/${drawId}/board`);
      expect(response.statusCode, response.body).toBe(200);
      const board = response.json();
      expect(board.numbers).toHaveLength(100);
      const n23 = cell(board, '23');
      // Directo: 150 × 60 = 9 000 if 23 comes first.
      expect(n23).toMatchObject({ sold: 150, payout_if_first: 9000, colour: 'green', lines: 1 });
      // Palé 23-45: 10 × 1000 = 10 000; tripleta 23-45-67: 2 × 20 000 = 40 000.
      expect(n23.combination_payout).toBe(50_000);
      expect(n23.exposure).toBe(59_000);
      expect(cell(board, '45')).toMatchObject({ sold: 0, payout_if_first: 0, exposure: 50_000 });
      expect(cell(board, '67').exposure).toBe(40_000);
      expect(board.combinations).toEqual([
        expect.objectContaining({ bet_type: 'TRIPLETA', number: '234567', sold: 2, payout: 40_000 }),
        expect.objectContaining({ bet_type: 'PALE', number: '2345', sold: 10, payout: 10_000 }),
      ]);
      // Net sales: 162 less the banca's commissions.
      expect(board.totals.sales).toBe(162);
      expect(n23.net_risk).toBeCloseTo(59_000 - board.totals.net_sales, 2);
      expect(board.top_risk[0].number).toBe('23');
      expect(board.top_risk.map((n: BoardNumber) => n.number)).toEqual(['23', '45', '67']);
    });

    it('colores por parte del límite, bloqueados en negro, agotados, y filtro por banca', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'REAL');
      await addLimit(app, admin, {
        level: 'number',
        bet_type: 'DIRECTO',
        number: '31',
        max_amount: 100,
        draw_id: drawId,
      });
      await addLimit(app, admin, {
        level: 'number',
        bet_type: 'DIRECTO',
        number: '32',
        max_amount: 100,
        draw_id: drawId,
      });
      const block = await call(app, admin, 'POST', '/lottery/blocks', {
        number: '33',
        draw_id: drawId,
        reason: 'prueba',
      });
      expect(block.statusCode, block.body).toBe(201);
      await sell(app, juan, '31 50\n32 100', drawId);
      const board = (await call(app, admin, 'GET', `/lottery/draws/${drawId}/board`)).json();
      expect(cell(board, '31')).toMatchObject({ colour: 'yellow', sold: 50, available: 50, share: 50 });
      expect(cell(board, '32')).toMatchObject({ colour: 'red', available: 0 });
      expect(cell(board, '33').colour).toBe('black');
      expect(cell(board, '34').colour).toBe('green');
      expect(board.sold_out.map((n: BoardNumber) => n.number)).toEqual(['32', '33']);

      const other = await lotteryDb(app.platform.db)
        .selectFrom('lottery_bancas')
        .select('id')
        .where('code', '!=', '010')
        .executeTakeFirstOrThrow();
      const filtered = (
        await call(app, admin, 'GET', `/lottery/draws/${drawId}/board?banca_id=${other.id}`)
      ).json();
      expect(cell(filtered, '31').sold).toBe(0);
      const seller = await call(app, juan, 'GET', `/lottery/draws/${drawId}/board`);
      expect(seller.statusCode).toBe(403);
    });
  },
  { clock: THURSDAY_MORNING },
);

describeEngines(
  'anomalías',
  (t) => {
    it('ticket grande: > 5 × el promedio de la banca con al menos 20 tickets; no con 4 ×, ni sin muestra', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'LOTEKA');
      const early = await sell(app, juan, '11 100', drawId);
      expect(await anomalies(app, 'big_ticket')).toHaveLength(0);
      for (let i = 0; i < 19; i++) await sell(app, juan, `${String(40 + i)} 10`, drawId);
      // Average of the 20: (100 + 19 × 10) / 20 = 14.50 → 5 × = 72.50.
      const normal = await sell(app, juan, '71 70', drawId);
      expect((await anomalies(app, 'big_ticket')).map((a) => a.entity_id)).not.toContain(normal);
      // Then 21 tickets, 360.00: 5 × 17.14 = 85.71 < 100.
      const big = await sell(app, juan, '72 100', drawId);
      const found = await anomalies(app, 'big_ticket');
      expect(found.map((a) => a.entity_id)).toEqual([big]);
      expect(found[0].severity).toBe('medium');
      expect(found.map((a) => a.entity_id)).not.toContain(early);
    });

    it('duplicado: mismas jugadas en la misma banca dentro de 10 minutos; no después', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'LOTEKA');
      const first = await sell(app, juan, '05 3\n06 4', drawId);
      const second = await sell(app, juan, '05 3\n06 4', drawId);
      let found = await anomalies(app, 'duplicate_ticket');
      expect(found.map((a) => a.entity_id)).toEqual([second]);
      expect(JSON.parse(found[0].details_json).duplicate_of).toBe(first);
      app.clock.advance(11 * 60_000);
      await sell(app, juan, '05 3\n06 4', drawId);
      found = await anomalies(app, 'duplicate_ticket');
      expect(found).toHaveLength(1);
      app.clock.advance(-11 * 60_000);
    });

    it('cerca del límite: a partir del 90 %, una vez por contador', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'NACIONAL');
      await addLimit(app, admin, {
        level: 'number',
        bet_type: 'DIRECTO',
        number: '77',
        max_amount: 100,
        draw_id: drawId,
      });
      await sell(app, juan, '77 89', drawId);
      expect(await anomalies(app, 'near_limit')).toHaveLength(0);
      await sell(app, juan, '77 1', drawId);
      await sell(app, juan, '77 2', drawId);
      const found = await anomalies(app, 'near_limit');
      expect(found.map((a) => a.entity_id)).toEqual([`N|${drawId}|DIRECTO|77|*|sales`]);
      expect(JSON.parse(found[0].details_json)).toMatchObject({ sold: 90, limit: 100, number: '77' });
    });

    it('exposición > 1.5 × límite: palés que cargan un número más allá de su límite de directo', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'LEIDSA');
      await addLimit(app, admin, {
        level: 'number',
        bet_type: 'DIRECTO',
        number: '12',
        max_amount: 20,
        draw_id: drawId,
      });
      // Directo 12 for 20: 1 200 if first, its limit as payout is 20 × 60 = 1 200 → 1.0 ×.
      await sell(app, juan, '12 20', drawId, { exposure: true });
      expect(await anomalies(app, 'exposure_over_limit')).toHaveLength(0);
      // + palé 12-13 for 1 (1 000): 2 200 > 1.5 × 1 200 = 1 800.
      await sell(app, juan, '1213 1', drawId, { exposure: true });
      const found = await anomalies(app, 'exposure_over_limit');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'high', draw_id: drawId, entity_id: `${drawId}|12` });
      expect(JSON.parse(found[0].details_json)).toMatchObject({ exposure: 2200, payout_limit: 1200 });
    });

    it('cancelación tardía: la publica anular; dentro de la ventana no', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'NACIONAL');
      const onTime = await sell(app, juan, '81 5', drawId);
      const late = await sell(app, juan, '82 5', drawId);
      let response = await call(app, juan, 'POST', `/lottery/tickets/${onTime}/cancel`, {
        reason: 'error del cliente',
      });
      expect(response.statusCode, response.body).toBe(200);
      app.clock.advance(31 * 60_000);
      response = await call(app, admin, 'POST', `/lottery/tickets/${late}/cancel`, {
        reason: 'autorizado por gerencia',
      });
      expect(response.statusCode, response.body).toBe(200);
      await anomalyChecksDone(app.platform, `anomaly|late_cancellation|${late}`);
      app.clock.advance(-31 * 60_000);
      const found = await anomalies(app, 'late_cancellation');
      expect(found.map((a) => a.entity_id)).toEqual([late]);
      expect(found[0].severity).toBe('high');
    });

    it('cambio de resultado no autorizado: se guarda una vez, crítica, notifica; el de otra base de datos no', async () => {
      const app = t();
      const drawId = await openDraw(app, 'REAL');
      const payload = {
        kind: 'result_change_unauthorized',
        severity: 'critical',
        draw_id: drawId,
        by: 'juan001',
      };
      app.platform.bus.publish({
        type: 'lottery.anomaly',
        payload,
        audience: { permission: 'lottery.risk.read' },
      });
      app.platform.bus.publish({
        type: 'lottery.anomaly',
        payload,
        audience: { permission: 'lottery.risk.read' },
      });
      app.platform.bus.publish({
        type: 'lottery.anomaly',
        payload: { ...payload, draw_id: 'not-a-draw-here' },
        audience: { permission: 'lottery.risk.read' },
      });
      app.platform.bus.publish({ type: 'lottery.result.published', payload: { draw_id: drawId } });
      await anomalyChecksDone(app.platform, `anomaly|result_change_unauthorized|${drawId}`);
      await anomalyChecksDone(app.platform, 'anomaly|result_change_unauthorized|not-a-draw-here');
      await new Promise((resolve) => setTimeout(resolve, 100));
      // The shape correct-result publishes for a refused attempt: named by lottery, date and time.
      app.platform.bus.publish({
        type: 'lottery.anomaly',
        payload: {
          kind: 'result_change_unauthorized',
          severity: 'high',
          lottery: 'REAL',
          draw_date: '2026-01-29',
          draw_time: '12:55',
          by: 'supervisor1',
        },
      });
      await anomalyChecksDone(app.platform, 'anomaly|result_change_unauthorized|');
      const found = await anomalies(app, 'result_change_unauthorized');
      expect(found).toHaveLength(2);
      expect(found.find((a) => a.entity_id === drawId)).toMatchObject({
        severity: 'critical',
        entity: 'lottery_draw',
      });
      expect(found.find((a) => a.entity_id === 'REAL 2026-01-29 12:55')?.severity).toBe('critical');
      const supervisor = await app.login('supervisor1');
      const notes = (await call(app, supervisor, 'GET', '/notifications')).json();
      expect(notes.items.some((n: { kind: string }) => n.kind === 'lottery.anomaly')).toBe(true);
    });

    it('se reconoce con un comentario, una vez, auditado; el informe las cuenta', async () => {
      const app = t();
      const supervisor = await app.login('supervisor1');
      const list = (await call(app, supervisor, 'GET', '/lottery/anomalies?status=open')).json();
      expect(list.total).toBeGreaterThan(0);
      const id = list.items[0].id;
      let response = await call(app, supervisor, 'POST', `/lottery/anomalies/${id}/acknowledge`, {
        comment: 'revisado con la banca',
      });
      expect(response.statusCode, response.body).toBe(200);
      response = await call(app, supervisor, 'POST', `/lottery/anomalies/${id}/acknowledge`, {
        comment: 'otra vez',
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('ANOMALY_ALREADY_ACKNOWLEDGED');
      const acknowledged = (
        await call(app, supervisor, 'GET', '/lottery/anomalies?status=acknowledged')
      ).json();
      expect(acknowledged.items[0]).toMatchObject({
        id,
        comment: 'revisado con la banca',
        acknowledged_by: 'supervisor1',
      });
      const admin = await app.login('admin');
      const audit = (await call(app, admin, 'GET', `/audit?entity=lottery_anomaly&entity_id=${id}`)).json();
      expect(JSON.stringify(audit)).toContain('revisado con la banca');
      const report = (await call(app, supervisor, 'GET', '/lottery/anomalies/report')).json();
      expect(report.total).toBe(list.total);
      expect(report.open).toBe(list.total - 1);
      expect(report.by_kind.big_ticket.total).toBe(1);
    });
  },
  { clock: THURSDAY_MORNING },
);

describeEngines(
  'bote (excedentes) y tablero',
  (t) => {
    it('exportar parte de un número caliente; sale 23 y las partes de la casa y del socio suman el premio', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'REAL');
      let response = await call(app, admin, 'POST', '/lottery/pots/partners', {
        code: 'OPX',
        name: 'Operador X',
        commission: 2,
      });
      expect(response.statusCode, response.body).toBe(201);
      const partnerId = response.json().id as string;
      response = await call(app, admin, 'PUT', '/lottery/pots/retention', {
        bet_type: 'DIRECTO',
        number: '23',
        max_amount: 500,
        reason: 'límite interno',
      });
      expect(response.statusCode, response.body).toBe(200);
      await sell(app, juan, '23 500', drawId);
      await sell(app, juan, '23 300\n45 10', drawId);
      const exportBody = {
        lottery: 'REAL',
        draw_id: drawId,
        number: '23',
        bet_type: 'DIRECTO',
        partner: 'OPX',
      };
      response = await call(app, admin, 'POST', '/lottery/pots/export', { ...exportBody, amount: 301 });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({
        code: 'LAYOFF_EXCEEDS_EXCESS',
        details: { available: 300 },
      });
      response = await call(app, admin, 'POST', '/lottery/pots/export', { ...exportBody, amount: 200 });
      expect(response.statusCode, response.body).toBe(201);
      response = await call(app, admin, 'POST', '/lottery/pots/export', { ...exportBody, amount: 101 });
      expect(response.json().error.code).toBe('LAYOFF_EXCEEDS_EXCESS');
      response = await call(app, admin, 'POST', '/lottery/pots/export', { ...exportBody, amount: 100 });
      expect(response.statusCode, response.body).toBe(201);
      response = await call(app, admin, 'POST', '/lottery/pots/import', {
        ...exportBody,
        number: '45',
        amount: 25,
        commission: 3,
      });
      expect(response.statusCode, response.body).toBe(201);

      // Settlement as issue 6 writes it: the winning lines with their class and prize; the draw is settled.
      const db = lotteryDb(app.platform.db);
      await db
        .updateTable('lottery_draws')
        .set({
          status: 'settled',
          result_json: JSON.stringify({ format: 'quiniela', first: '23', second: '45', third: '78' }),
        })
        .where('id', '=', drawId)
        .execute();
      const winners = await db
        .selectFrom('lottery_ticket_lines')
        .select(['id', 'ticket_id', 'bet_amount', 'multiplier', 'bet_number'])
        .where('draw_id', '=', drawId)
        .where('bet_type', '=', 'DIRECTO')
        .where('bet_number', 'in', ['23', '45'])
        .execute();
      let prize23 = 0;
      for (const line of winners) {
        const [cls, x] = line.bet_number === '23' ? ['first', 60] : ['second', 8];
        const prize = Number(line.bet_amount) * Number(line.multiplier) * x;
        if (line.bet_number === '23') prize23 += prize;
        await db
          .insertInto('lottery_winning_lines')
          .values({
            ticket_id: line.ticket_id,
            line_id: line.id,
            draw_id: drawId,
            bet_type: 'DIRECTO',
            prize_class: cls,
            prize_amount: prize,
          })
          .execute();
      }
      expect(prize23).toBe(4_800_000);

      response = await call(app, admin, 'POST', `/lottery/draws/${drawId}/pots/settle`);
      expect(response.statusCode, response.body).toBe(200);
      const shares = response.json().shares as {
        direction: string;
        number: string;
        share: number;
        prize: number;
      }[];
      const exported = shares.filter((s) => s.direction === 'export');
      const partnerPart = exported.reduce((sum, s) => sum + s.share, 0);
      // 800 sold, 300 exported: the partner pays 3/8 of 48 000 = 18 000; the house 30 000.
      expect(partnerPart).toBe(18_000);
      expect(48_000 - partnerPart).toBe(30_000);
      expect(exported.every((s) => s.prize === 48_000)).toBe(true);
      // The import of 45 for 25 owes 25 × 8 = 200 (45 came second).
      expect(shares.find((s) => s.direction === 'import')).toMatchObject({ number: '45', share: 200 });

      // Settling again writes nothing new.
      const before = await db
        .selectFrom('lottery_ledger_entries')
        .select('id')
        .where('banca_id', '=', 'house')
        .execute();
      await call(app, admin, 'POST', `/lottery/draws/${drawId}/pots/settle`);
      const after = await db
        .selectFrom('lottery_ledger_entries')
        .select('id')
        .where('banca_id', '=', 'house')
        .execute();
      expect(after.length).toBe(before.length);

      const statement = (
        await call(app, admin, 'GET', `/lottery/pots/partners/${partnerId}/statement`)
      ).json();
      expect(statement.totals).toMatchObject({
        exported: 300,
        export_commission: 6,
        export_prize_shares: 18_000,
        imported: 25,
        import_commission: 0.75,
        import_prizes_owed: 200,
      });
      // Owed by the partner: 6 + 18 000 + 25 − 300 − 0.75 − 200.
      expect(statement.balance).toBe(17_530.25);
    });

    it('tablero por rol: banca del vendedor, zona del supervisor, red del administrador', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const response = await call(app, juan, 'GET', '/lottery/dashboard');
      expect(response.statusCode, response.body).toBe(200);
      const own = response.json();
      expect(own.scope).toBe('banca');
      expect(own.metrics.sales.today).toBe(810);
      expect(own.metrics.tickets.today).toBe(2);
      expect(own.metrics.sales.change).toBeNull();
      expect(own.next_draws.length).toBeGreaterThan(0);
      expect(own.hot_numbers[0]).toMatchObject({ number: '23', sold: 800 });
      expect(own.sales_by_hour).toHaveLength(24);
      expect((await call(app, juan, 'GET', '/lottery/dashboard?scope=network')).statusCode).toBe(403);
      const supervisor = await app.login('supervisor1');
      const zone = (await call(app, supervisor, 'GET', '/lottery/dashboard')).json();
      expect(zone.scope).toBe('zone');
      expect(zone.metrics.sales.today).toBe(810);
      const admin = await app.login('admin');
      const network = (await call(app, admin, 'GET', '/lottery/dashboard')).json();
      expect(network.scope).toBe('network');
      expect(network.metrics.sales.today).toBe(810);
    });
  },
  { clock: THURSDAY_MORNING },
);

describeEngines(
  'bote con importación',
  (t) => {
    it('número importado y exportado: las exportaciones se llevan su parte de todo lo que la casa tiene en él, importación incluida', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'NACIONAL');
      let response = await call(app, admin, 'POST', '/lottery/pots/partners', {
        code: 'OPY',
        name: 'Operador Y',
        commission: 0,
      });
      expect(response.statusCode, response.body).toBe(201);
      response = await call(app, admin, 'PUT', '/lottery/pots/retention', {
        bet_type: 'DIRECTO',
        number: '48',
        max_amount: 50,
        reason: 'límite interno',
      });
      expect(response.statusCode, response.body).toBe(200);
      await sell(app, juan, '48 400', drawId);
      const layoff = {
        lottery: 'NACIONAL',
        draw_id: drawId,
        number: '48',
        bet_type: 'DIRECTO',
        partner: 'OPY',
      };
      response = await call(app, admin, 'POST', '/lottery/pots/import', {
        ...layoff,
        amount: 100,
        commission: 0,
      });
      expect(response.statusCode, response.body).toBe(201);
      // Held 400 sold + 100 imported = 500, retention 50: 450 may go out, more than the house sold.
      for (const amount of [300, 150]) {
        response = await call(app, admin, 'POST', '/lottery/pots/export', { ...layoff, amount });
        expect(response.statusCode, response.body).toBe(201);
      }

      const db = lotteryDb(app.platform.db);
      await db
        .updateTable('lottery_draws')
        .set({
          status: 'settled',
          result_json: JSON.stringify({ format: 'quiniela', first: '48', second: '23', third: '11' }),
        })
        .where('id', '=', drawId)
        .execute();
      for (const line of await db
        .selectFrom('lottery_ticket_lines')
        .select(['id', 'ticket_id', 'bet_amount', 'multiplier'])
        .where('draw_id', '=', drawId)
        .where('bet_number', '=', '48')
        .execute()) {
        await db
          .insertInto('lottery_winning_lines')
          .values({
            ticket_id: line.ticket_id,
            line_id: line.id,
            draw_id: drawId,
            bet_type: 'DIRECTO',
            prize_class: 'first',
            prize_amount: Number(line.bet_amount) * Number(line.multiplier) * 60,
          })
          .execute();
      }

      response = await call(app, admin, 'POST', `/lottery/draws/${drawId}/pots/settle`);
      expect(response.statusCode, response.body).toBe(200);
      const shares = response.json().shares as { direction: string; amount: number; share: number }[];
      // 48 first pays 60: 400 × 60 = 24 000 to the house's players, 100 × 60 = 6 000 owed on the import.
      expect(shares.find((s) => s.direction === 'import')?.share).toBe(6_000);
      // The partner takes 450 of the 500 held: 30 000 × 300/500 and × 150/500.
      const exported = shares.filter((s) => s.direction === 'export').sort((a, b) => b.amount - a.amount);
      expect(exported.map((s) => s.share)).toEqual([18_000, 9_000]);
      // The house is left paying exactly its retention of 50: 24 000 + 6 000 − 27 000 = 50 × 60.
      expect(24_000 + 6_000 - 18_000 - 9_000).toBe(50 * 60);
    });

    it('al publicar el resultado, las partes del bote se calculan solas con la liquidación', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'LOTEKA');
      expect(
        (
          await call(app, admin, 'POST', '/lottery/pots/partners', {
            code: 'OPZ',
            name: 'Operador Z',
            commission: 0,
          })
        ).statusCode,
      ).toBe(201);
      await call(app, admin, 'PUT', '/lottery/pots/retention', {
        bet_type: 'DIRECTO',
        number: '31',
        max_amount: 100,
        reason: 'límite interno',
      });
      await sell(app, juan, '31 400', drawId);
      const layoff = {
        lottery: 'LOTEKA',
        draw_id: drawId,
        number: '31',
        bet_type: 'DIRECTO',
        partner: 'OPZ',
      };
      const exported = await call(app, admin, 'POST', '/lottery/pots/export', { ...layoff, amount: 300 });
      expect(exported.statusCode, exported.body).toBe(201);

      const db = lotteryDb(app.platform.db);
      const draw = await db
        .selectFrom('lottery_draws')
        .select(['draw_date', 'draw_time'])
        .where('id', '=', drawId)
        .executeTakeFirstOrThrow();
      const closed = await call(app, admin, 'POST', `/lottery/draws/${drawId}/close`, {
        reason: 'prueba del bote',
      });
      expect(closed.statusCode, closed.body).toBe(200);
      const published = await call(app, admin, 'POST', '/lottery/results', {
        lottery: 'LOTEKA',
        draw_date: draw.draw_date,
        draw_time: draw.draw_time,
        first: '31',
        second: '02',
        third: '03',
      });
      expect(published.statusCode, published.body).toBe(201);
      // 31 first pays 60 on 400 = 24 000; the partner holds 300 of 400: 18 000, booked without a click.
      await expect
        .poll(async () =>
          Number(
            (
              await db
                .selectFrom('lottery_layoffs')
                .select('prize_share')
                .where('draw_id', '=', drawId)
                .executeTakeFirstOrThrow()
            ).prize_share,
          ),
        )
        .toBe(1_800_000);
    });
  },
  { clock: THURSDAY_MORNING },
);
