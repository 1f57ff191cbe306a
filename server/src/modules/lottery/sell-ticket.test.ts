import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { lotteryDb } from './db.ts';
import { openDraw, THURSDAY_MORNING } from './lottery-test-kit.ts';
import { prepareSale } from './prepare-sale.ts';
import { createSalesCommitter } from './sell-ticket.ts';

async function sell(app: TestApp, cookie: string, body: unknown, headers: Record<string, string> = {}) {
  return app.app.inject({
    method: 'POST',
    url: '/api/v1/lottery/tickets',
    headers: { cookie, ...headers },
    payload: body as object,
  });
}

async function ticketCount(app: TestApp): Promise<number> {
  const row = await lotteryDb(app.platform.db)
    .selectFrom('lottery_tickets')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function counterSum(app: TestApp, prefix: string): Promise<number> {
  const rows = await lotteryDb(app.platform.db)
    .selectFrom('lottery_limit_counters')
    .select(['key', 'sold'])
    .execute();
  return rows.filter((r) => r.key.startsWith(prefix)).reduce((sum, r) => sum + Number(r.sold), 0);
}

/** One second after a draw's sales close, by the server clock. */
async function justAfterClose(app: TestApp, drawId: string): Promise<Date> {
  const draw = await lotteryDb(app.platform.db)
    .selectFrom('lottery_draws')
    .select('close_at')
    .where('id', '=', drawId)
    .executeTakeFirstOrThrow();
  return new Date(Date.parse(draw.close_at) + 1000);
}

async function setPartialAcceptance(app: TestApp, admin: string, accept: boolean) {
  const banca = await lotteryDb(app.platform.db)
    .selectFrom('lottery_bancas')
    .select('id')
    .where('code', '=', '010')
    .executeTakeFirstOrThrow();
  const response = await app.app.inject({
    method: 'PATCH',
    url: `/api/v1/lottery/bancas/${banca.id}`,
    headers: { cookie: admin },
    payload: { accept_partial_lines: accept },
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function addLimit(app: TestApp, admin: string, body: object) {
  const response = await app.app.inject({
    method: 'POST',
    url: '/api/v1/lottery/limits',
    headers: { cookie: admin },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

describeEngines(
  'venta de tickets',
  (t) => {
    it('spec 003 §6.1: descuento 10 %, comisiones 8/10/12 % → total 157.50, comisión 14.40, neto 143.10', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const response = await sell(app, juan, {
        configuration: { global_multiplier: 1, global_discount: 10 },
        lines: [
          { lottery_code: 'REAL', bet_number: '23', bet_type_code: 'DIRECTO', bet_amount: 100 },
          { lottery_code: 'REAL', bet_number: '2345', bet_type_code: 'PALE', bet_amount: 50 },
          { lottery_code: 'NACIONAL', bet_number: '456789', bet_type_code: 'TRIPLETA', bet_amount: 25 },
        ],
      });
      expect(response.statusCode, response.body).toBe(201);
      const ticket = response.json().ticket;
      expect(ticket.ticket_code).toMatch(/^LAN-20260129-\d{4}$/);
      expect(ticket.totals).toEqual({
        total_lines: 3,
        total_bet_amount: 175,
        total_discount: 17.5,
        total_subtotal: 157.5,
        total_with_multiplier: 157.5,
        total_commission: 14.4,
        total_net: 143.1,
        grand_total: 157.5,
        total_prize: 0,
      });
      expect(
        ticket.lines.map((l: { amounts: { commission_amount: number } }) => l.amounts.commission_amount),
      ).toEqual([7.2, 4.5, 2.7]);
      expect(ticket.branch).toMatchObject({
        branch_code: '010',
        branch_name: 'LA CENTRAL 10',
        branch_owner: 'GILBERTO TL',
      });
      expect(ticket.metadata.total_lotteries).toBe(2);
      expect(ticket.qr).toMatch(/^MTZ1:LAN-20260129-\d{4}:/);
      expect(ticket.lines[0].prize.prize_multipliers).toMatchObject({ first: 60, second: 8, third: 4 });
    });

    it('spec 003 §7.1–7.3 por texto: 100.00, 275.00 y 380.00', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const totals: number[] = [];
      for (const entry of [
        'REAL|23|100',
        'REAL|23|100\nREAL|45|50\nREAL|67|75\nREAL|2345|50',
        'REAL|23|100\nREAL|45|50\nNACIONAL|23|100\nNACIONAL|67|75\nLEIDSA|456789|25\nLEIDSA|89|30',
      ]) {
        const response = await sell(app, juan, { entry });
        expect(response.statusCode, response.body).toBe(201);
        totals.push(response.json().ticket.totals.grand_total);
      }
      expect(totals).toEqual([100, 275, 380]);
    });

    it('spec 003 §7.4: multiplicador x2 y descuento 10 % → líneas 180 y 90, total 270', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const response = await sell(app, juan, {
        entry: 'REAL|23|100\nREAL|45|50',
        configuration: { global_multiplier: 2, global_discount: 10 },
      });
      const ticket = response.json().ticket;
      expect(
        ticket.lines.map(
          (l: { amounts: { total_with_multiplier: number } }) => l.amounts.total_with_multiplier,
        ),
      ).toEqual([180, 90]);
      expect(ticket.totals).toMatchObject({
        total_bet_amount: 150,
        total_discount: 15,
        total_subtotal: 135,
        grand_total: 270,
      });
    });

    it('una jugada en dos sorteos seleccionados a la vez', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const draws = [await openDraw(app, 'REAL'), await openDraw(app, 'LOTEKA')];
      const response = await sell(app, juan, { entry: '23 10\n2345 5', draw_ids: draws });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().ticket.lines).toHaveLength(4);
    });

    it('un error de lo tecleado se dice en el idioma de la app: el mensaje y lo que se esperaba, sin mezclar idiomas', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const english = { 'accept-language': 'en-US,en;q=0.9' };
      const cases = [
        {
          entry: '23 100',
          es: 'Línea 1, columna 1: se esperaba el código de la lotería antes del número, como REAL|23|100 (o elegir sorteos primero)',
          en: 'Line 1, column 1: expected the lottery code before the number, like REAL|23|100 (or select draws first)',
        },
        {
          entry: 'REAL|23|100\nREAL|2x|5',
          es: 'Línea 2, columna 6: se esperaba un número de 2, 4 o 6 dígitos (o una jugada como 123, 1234-, 23. o *)',
          en: 'Line 2, column 6: expected a number of 2, 4 or 6 digits (or a play like 123, 1234-, 23. or *)',
        },
      ];
      for (const { entry, es, en } of cases) {
        const spanish = (await sell(app, juan, { entry })).json().error;
        expect(spanish).toMatchObject({ code: 'PARSE_ERROR', message: es });
        const inEnglish = (await sell(app, juan, { entry }, english)).json().error;
        expect(inEnglish).toMatchObject({ code: 'PARSE_ERROR', message: en });
        expect(inEnglish.details.expected).toBe(en.slice(en.indexOf('expected ') + 'expected '.length));
        const checked = await app.app.inject({
          method: 'POST',
          url: '/api/v1/lottery/tickets/validate',
          headers: { cookie: juan, ...english },
          payload: { entry },
        });
        expect(JSON.stringify(checked.json())).not.toMatch(/Línea|se esperaba/);
      }
      const tooMany = Array.from({ length: 1001 }, () => 'REAL|23|1').join('\n');
      expect((await sell(app, juan, { entry: tooMany }, english)).json().error.message).toBe(
        'Line 1001, column 1: expected at most 1000 plays per ticket',
      );
      expect((await sell(app, juan, { entry: tooMany })).json().error.message).toBe(
        'Línea 1001, columna 1: se esperaba a lo sumo 1000 jugadas por ticket',
      );
    });

    it('errores claros y nada cambia: sintaxis, número bloqueado, línea duplicada, reventado sin base', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const admin = await app.login('admin');
      const before = await lotteryDb(app.platform.db)
        .selectFrom('lottery_tickets')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const parse = await sell(app, juan, { entry: 'REAL|23|100\nREAL|2x|5' });
      expect(parse.statusCode).toBe(400);
      expect(parse.json().error).toMatchObject({ code: 'PARSE_ERROR', details: { line: 2 } });
      expect(parse.json().error.message).toMatch(/[Ll]ínea 2/);

      const blocked = await app.app.inject({
        method: 'POST',
        url: '/api/v1/lottery/blocks',
        headers: { cookie: admin },
        payload: { number: '13', reason: 'número de mala suerte' },
      });
      expect(blocked.statusCode).toBe(201);
      const refused = await sell(app, juan, { entry: 'REAL|13|10' });
      expect(refused.json().error).toMatchObject({
        code: 'NUMBER_BLOCKED',
        details: { number: '13', line: 1 },
      });
      // A blocked number blocks every play that carries it: palé, tripleta.
      for (const entry of ['REAL|1345|10', 'REAL|451367|1']) {
        const carried = await sell(app, juan, { entry });
        expect(carried.json().error, entry).toMatchObject({ code: 'NUMBER_BLOCKED' });
      }

      const duplicate = await sell(app, juan, { entry: 'REAL|44|10\nREAL|44|5' });
      expect(duplicate.json().error.code).toBe('DUPLICATE_LINE');

      const english = await sell(app, juan, { entry: 'REAL|44|0.5' }, { 'accept-language': 'en' });
      expect(english.json().error.code).toBe('AMOUNT_TOO_SMALL');
      expect(english.json().error.message).not.toMatch(/mínimo/);

      const after = await lotteryDb(app.platform.db)
        .selectFrom('lottery_tickets')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('una venta reintentada con su Idempotency-Key después del cierre del sorteo recibe su ticket, no DRAW_CLOSED', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'REAL');
      const key = { 'idempotency-key': 'caja1-cierre' };
      const first = await sell(app, juan, { entry: '23 10', draw_ids: [drawId] }, key);
      expect(first.statusCode, first.body).toBe(201);
      const saved = app.clock.now();
      app.clock.set(await justAfterClose(app, drawId));
      const retried = await sell(app, juan, { entry: '23 10', draw_ids: [drawId] }, key);
      const other = await sell(app, juan, { entry: '24 10', draw_ids: [drawId] }, key);
      app.clock.set(saved);
      expect(retried.statusCode, retried.body).toBe(200);
      expect(retried.json().ticket.ticket_code).toBe(first.json().ticket.ticket_code);
      expect(other.statusCode).toBe(422);
      expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('el reloj decide: un sorteo que aún dice "open" no vende después de su cierre', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'REAL');
      const saved = app.clock.now();
      app.clock.set(await justAfterClose(app, drawId));
      const response = await sell(app, juan, { entry: '23 10', draw_ids: [drawId] });
      app.clock.set(saved);
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'DRAW_CLOSED', details: { lottery: 'REAL' } });
    });

    it('200 ventas en paralelo a un número con límite aceptan exactamente floor(límite/monto)', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'LOTEDOM');
      await setPartialAcceptance(app, admin, false);
      await addLimit(app, admin, {
        level: 'number',
        bet_type: 'DIRECTO',
        number: '77',
        max_amount: 1000,
        draw_id: drawId,
      });
      const responses = await Promise.all(
        Array.from({ length: 200 }, () => sell(app, juan, { entry: '77 7', draw_ids: [drawId] })),
      );
      const accepted = responses.filter((r) => r.statusCode === 201).length;
      expect(accepted).toBe(Math.floor(1000 / 7));
      const refusals = responses.filter((r) => r.statusCode !== 201).map((r) => r.json().error.code);
      expect(new Set(refusals)).toEqual(new Set(['LIMIT_EXCEEDED']));
      const last = responses.find((r) => r.statusCode !== 201)!.json().error.details;
      expect(last).toMatchObject({
        lottery: 'LOTEDOM',
        number: '77',
        limit: 1000,
        sold: 994,
        requested: 7,
        available: 6,
      });
      expect(await counterSum(app, `N|${drawId}|DIRECTO|77`)).toBe(accepted * 700);
      const lines = await lotteryDb(app.platform.db)
        .selectFrom('lottery_ticket_lines')
        .select(['bet_amount'])
        .where('draw_id', '=', drawId)
        .where('bet_number', '=', '77')
        .execute();
      expect(lines.reduce((s, l) => s + Number(l.bet_amount), 0)).toBe(accepted * 700);
      // Batches reserve ticket and audit numbers for every sale they hold; the refused ones give theirs back.
      const numbers = responses
        .filter((r) => r.statusCode === 201)
        .map((r) => Number(r.json().ticket.ticket_code.split('-').pop()))
        .sort((a, b) => a - b);
      expect(numbers.at(-1)! - numbers[0] + 1).toBe(accepted);
      const day = /-(\d{4})(\d{2})(\d{2})-/.exec(
        responses.find((r) => r.statusCode === 201)!.json().ticket.ticket_code,
      )!;
      const dayCounter = await app.platform.db
        .selectFrom('counters')
        .select('value')
        .where('name', '=', `lottery.ticket.${day[1]}-${day[2]}-${day[3]}`)
        .executeTakeFirstOrThrow();
      expect(Number(dayCounter.value)).toBe(numbers.at(-1));
      expect(await verifyAuditChain(app.platform.db)).toMatchObject({ ok: true });
    });

    it('un lote de ventas simultáneas a un número sin vender aún no pasa su límite al crear el contador', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'LOTEDOM');
      await setPartialAcceptance(app, admin, false);
      await addLimit(app, admin, {
        level: 'number',
        bet_type: 'DIRECTO',
        number: '31',
        max_amount: 100,
        draw_id: drawId,
      });
      const responses = await Promise.all(
        Array.from({ length: 60 }, () => sell(app, juan, { entry: '31 7', draw_ids: [drawId] })),
      );
      const accepted = responses.filter((r) => r.statusCode === 201).length;
      expect(accepted).toBe(Math.floor(100 / 7));
      expect(await counterSum(app, `N|${drawId}|DIRECTO|31`)).toBe(accepted * 700);
    });

    it('con límites de zona y global por sorteo en juego, ningún contador se pasa y todos cuadran', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      // A draw no earlier test sold into: the zone and global limits then start from nothing sold.
      const drawId = await openDraw(app, 'GANAMAS');
      const zone = await lotteryDb(app.platform.db)
        .selectFrom('lottery_bancas')
        .select('zone_id')
        .where('code', '=', '010')
        .executeTakeFirstOrThrow();
      await setPartialAcceptance(app, admin, false);
      await addLimit(app, admin, { level: 'global', max_amount: 900, draw_id: drawId });
      await addLimit(app, admin, { level: 'zone', zone_id: zone.zone_id, max_amount: 500, draw_id: drawId });
      await addLimit(app, admin, { level: 'number', bet_type: 'DIRECTO', max_amount: 60, draw_id: drawId });
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          sell(app, juan, { entry: `${String(i % 20).padStart(2, '0')} 5`, draw_ids: [drawId] }),
        ),
      );
      const accepted = responses.filter((r) => r.statusCode === 201).length;
      expect(accepted).toBe(100);
      expect(await counterSum(app, `Z|${drawId}`)).toBe(50_000);
      expect(await counterSum(app, `G|${drawId}`)).toBe(50_000);
      const counters = await lotteryDb(app.platform.db)
        .selectFrom('lottery_limit_counters')
        .select(['key', 'sold', 'lim'])
        .where('draw_id', '=', drawId)
        .execute();
      for (const counter of counters) expect(Number(counter.sold)).toBeLessThanOrEqual(Number(counter.lim));
    });

    it('con aceptación parcial, la línea que no cabe entera se vende por lo disponible y marca lo que falta', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      await setPartialAcceptance(app, admin, true);
      const drawId = await openDraw(app, 'REAL');
      await addLimit(app, admin, {
        level: 'number',
        bet_type: 'DIRECTO',
        number: '66',
        max_amount: 100,
        draw_id: drawId,
      });
      await sell(app, juan, { entry: '66 70', draw_ids: [drawId] });
      const partial = await sell(app, juan, { entry: '66 50\n67 10', draw_ids: [drawId] });
      expect(partial.statusCode, partial.body).toBe(201);
      const [line66, line67] = partial.json().ticket.lines;
      expect(line66.amounts).toMatchObject({ requested_amount: 50, bet_amount: 30, missing_amount: 20 });
      expect(line67.amounts).toMatchObject({ bet_amount: 10, missing_amount: 0 });
      expect(partial.json().ticket.totals.grand_total).toBe(40);
      expect(await counterSum(app, `N|${drawId}|DIRECTO|66`)).toBe(10_000);
      await setPartialAcceptance(app, admin, false);
    });

    it('con aceptación parcial y 40 ventas en paralelo, el número se llena justo hasta su límite', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      await setPartialAcceptance(app, admin, true);
      const drawId = await openDraw(app, 'LOTEDOM');
      await addLimit(app, admin, {
        level: 'number',
        bet_type: 'DIRECTO',
        number: '48',
        max_amount: 100,
        draw_id: drawId,
      });
      const responses = await Promise.all(
        Array.from({ length: 40 }, () => sell(app, juan, { entry: '48 7', draw_ids: [drawId] })),
      );
      await setPartialAcceptance(app, admin, false);
      const sold = responses.filter((r) => r.statusCode === 201).map((r) => r.json().ticket.lines[0].amounts);
      expect(sold).toHaveLength(15);
      expect(sold.filter((a) => a.missing_amount > 0)).toEqual([
        expect.objectContaining({ requested_amount: 7, bet_amount: 2, missing_amount: 5 }),
      ]);
      const refusals = responses.filter((r) => r.statusCode !== 201).map((r) => r.json().error.code);
      expect(new Set(refusals)).toEqual(new Set(['LIMIT_EXCEEDED']));
      expect(await counterSum(app, `N|${drawId}|DIRECTO|48`)).toBe(10_000);
      const lines = await lotteryDb(app.platform.db)
        .selectFrom('lottery_ticket_lines')
        .select('bet_amount')
        .where('draw_id', '=', drawId)
        .where('bet_number', '=', '48')
        .execute();
      expect(lines.reduce((s, l) => s + Number(l.bet_amount), 0)).toBe(10_000);
    });

    it('la misma Idempotency-Key 20 veces en paralelo crea un solo ticket y consume su límite una sola vez', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'REAL');
      await addLimit(app, admin, { level: 'global', draw_id: drawId, max_amount: 1_000_000 });
      const soldBefore = await counterSum(app, `G|${drawId}`);
      const retry = () =>
        sell(app, juan, { entry: '31 10', draw_ids: [drawId] }, { 'idempotency-key': 'caja1-0001' });
      const responses = await Promise.all(Array.from({ length: 20 }, retry));
      for (let i = 0; i < 3; i++) responses.push(await retry());
      const codes = new Set(responses.map((r) => r.json().ticket.ticket_code));
      expect(codes.size).toBe(1);
      expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(await counterSum(app, `G|${drawId}`)).toBe(soldBefore + 10_00);
      const rows = await lotteryDb(app.platform.db)
        .selectFrom('lottery_tickets')
        .select('id')
        .where('idempotency_key', '=', 'caja1-0001')
        .execute();
      expect(rows).toHaveLength(1);
    });

    it('un límite guardado mientras una venta va en camino vale para ella: lo planeado antes no se vende y devuelve lo tomado', async () => {
      const app = t();
      const admin = await app.login('admin');
      const drawId = await openDraw(app, 'LOTEDOM');
      const seller = await lotteryDb(app.platform.db)
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'juan001')
        .executeTakeFirstOrThrow();
      const actor = { userId: seller.id, username: 'juan001', ip: null };
      const plan = async (number: string) => {
        const line = {
          lotteryCode: 'LOTEDOM',
          drawId,
          betNumber: number,
          betType: 'DIRECTO' as const,
          betAmount: 100,
        };
        const prepared = await prepareSale(app.platform, seller.id, {
          multiplier: 1,
          discountBp: 0,
          lines: [line],
        });
        return prepared.plan!;
      };
      await setPartialAcceptance(app, admin, false);
      await addLimit(app, admin, { level: 'global', draw_id: drawId, max_amount: 1_000_000 });
      const before = await plan('44');
      await addLimit(app, admin, { level: 'number', bet_type: 'DIRECTO', number: '44', max_amount: 50 });
      const after = await plan('45');
      const soldBefore = {
        draw: await counterSum(app, `G|${drawId}`),
        number: await counterSum(app, `N|${drawId}|DIRECTO|44`),
        tickets: await ticketCount(app),
      };
      const committer = createSalesCommitter(app.platform);
      const [stale, current] = await Promise.allSettled([
        committer.submit({ actor, plan: before, extras: {} }),
        committer.submit({ actor, plan: after, extras: {} }),
      ]);
      expect(stale).toMatchObject({ status: 'rejected', reason: { message: 'RULES_CHANGED' } });
      expect(current.status).toBe('fulfilled');
      expect(await counterSum(app, `N|${drawId}|DIRECTO|44`)).toBe(soldBefore.number);
      expect(await counterSum(app, `G|${drawId}`)).toBe(soldBefore.draw + 100_00);
      expect(await ticketCount(app)).toBe(soldBefore.tickets + 1);
      const juan = await app.login('juan001');
      const replanned = await sell(app, juan, { entry: '44 100', draw_ids: [drawId] });
      expect(replanned.statusCode).toBe(422);
      expect(replanned.json().error).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 50 } });
      expect(await verifyAuditChain(app.platform.db)).toMatchObject({ ok: true });
    });

    it('la misma Idempotency-Key con otras jugadas se rechaza y no vende nada, tampoco en paralelo', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const key = { 'idempotency-key': 'caja1-0002' };
      const first = await sell(app, juan, { entry: 'REAL|31|10' }, key);
      expect(first.statusCode, first.body).toBe(201);
      const again = await sell(app, juan, { entry: 'REAL|31|10' }, key);
      expect(again.statusCode).toBe(200);
      expect(again.json().ticket.ticket_code).toBe(first.json().ticket.ticket_code);
      const other = await sell(app, juan, { entry: 'REAL|13|500' }, key);
      expect(other.statusCode).toBe(422);
      expect(other.json().error).toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
        details: { field: 'headers.idempotency-key', ticket_code: first.json().ticket.ticket_code },
      });
      expect(other.json().error.message).toMatch(/ya se usó con otra/);

      const racing = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          sell(app, juan, { entry: `REAL|${40 + (i % 2)}|10` }, { 'idempotency-key': 'caja1-0003' }),
        ),
      );
      const numberOf = (r: (typeof racing)[number]) => r.json().ticket.lines[0].bet_number;
      const sold = racing.filter((r) => r.statusCode === 201).map(numberOf);
      expect(sold).toHaveLength(1);
      const replayed = racing.filter((r) => r.statusCode === 200);
      expect(replayed).toHaveLength(4);
      expect(new Set(replayed.map(numberOf))).toEqual(new Set(sold));
      const refused = racing.filter((r) => r.statusCode === 422);
      expect(refused.map((r) => r.json().error.code)).toEqual(Array(5).fill('IDEMPOTENCY_KEY_REUSED'));
      const rows = await lotteryDb(app.platform.db)
        .selectFrom('lottery_tickets')
        .select('id')
        .where('idempotency_key', 'in', ['caja1-0002', 'caja1-0003'])
        .execute();
      expect(rows).toHaveLength(2);
    });

    it('anular dentro de la ventana libera el límite; fuera de ella solo el superadmin, y queda como tardía', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'LA PRIMERA').catch(() => openDraw(app, 'REAL'));
      await addLimit(app, admin, {
        level: 'number',
        bet_type: 'DIRECTO',
        number: '88',
        max_amount: 100,
        draw_id: drawId,
      });
      const first = (await sell(app, juan, { entry: '88 100', draw_ids: [drawId] })).json().ticket;
      expect((await sell(app, juan, { entry: '88 1', draw_ids: [drawId] })).json().error.code).toBe(
        'LIMIT_EXCEEDED',
      );
      const cancel = await app.app.inject({
        method: 'POST',
        url: `/api/v1/lottery/tickets/${first.ticket_code}/cancel`,
        headers: { cookie: juan },
        payload: { reason: 'cliente se equivocó' },
      });
      expect(cancel.statusCode, cancel.body).toBe(200);
      expect(cancel.json().ticket.status).toBe('cancelled');
      expect(await counterSum(app, `N|${drawId}|DIRECTO|88`)).toBe(0);
      const again = await app.app.inject({
        method: 'POST',
        url: `/api/v1/lottery/tickets/${first.ticket_code}/cancel`,
        headers: { cookie: juan },
        payload: { reason: 'otra vez' },
      });
      expect(again.json().error.code).toBe('TICKET_NOT_CANCELLABLE');

      const second = (await sell(app, juan, { entry: '88 50', draw_ids: [drawId] })).json().ticket;
      app.clock.advance(31 * 60_000);
      const late = await app.app.inject({
        method: 'POST',
        url: `/api/v1/lottery/tickets/${second.ticket_code}/cancel`,
        headers: { cookie: juan },
        payload: { reason: 'tarde' },
      });
      expect(late.json().error.code).toBe('CANCEL_WINDOW_PASSED');
      const superadmin = await app.app.inject({
        method: 'POST',
        url: `/api/v1/lottery/tickets/${second.ticket_code}/cancel`,
        headers: { cookie: admin },
        payload: { reason: 'autorizado por gerencia' },
      });
      expect(superadmin.statusCode, superadmin.body).toBe(200);
      expect(superadmin.json().late).toBe(true);
      app.clock.advance(-31 * 60_000);
      const ledger = await lotteryDb(app.platform.db)
        .selectFrom('lottery_ledger_entries')
        .select(['kind', 'amount'])
        .where('memo', 'like', `%${second.ticket_code}`)
        .execute();
      expect(ledger.map((e) => e.kind).sort()).toEqual([
        'commission',
        'commission_reversal',
        'sale',
        'sale_reversal',
      ]);
    });

    it('validar informa lo disponible por línea sin reservar nada', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'REAL');
      await addLimit(app, admin, {
        level: 'number',
        bet_type: 'DIRECTO',
        number: '09',
        max_amount: 500,
        draw_id: drawId,
      });
      await sell(app, juan, { entry: '09 475', draw_ids: [drawId] });
      const validate = await app.app.inject({
        method: 'POST',
        url: '/api/v1/lottery/tickets/validate',
        headers: { cookie: juan },
        payload: { entry: '09 100\n10 5', draw_ids: [drawId] },
      });
      expect(validate.statusCode).toBe(200);
      const body = validate.json();
      expect(body.ok).toBe(false);
      expect(body.lines[0]).toMatchObject({ ok: false, error: 'LIMIT_EXCEEDED', available: 25 });
      expect(body.lines[1]).toMatchObject({ ok: true });
      expect(body.totals.grand_total).toBe(105);
      expect(await counterSum(app, `N|${drawId}|DIRECTO|09`)).toBe(47_500);
    });

    it('un vendedor no ve tickets de otra banca', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const code = (await sell(app, juan, { entry: 'REAL|55|10' })).json().ticket.ticket_code;
      const admin = await app.login('admin');
      const other = await lotteryDb(app.platform.db)
        .selectFrom('lottery_assignments as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .innerJoin('lottery_bancas as b', 'b.id', 'a.banca_id')
        .select('u.username')
        .where('b.code', '!=', '010')
        .executeTakeFirstOrThrow();
      expect(
        (
          await app.app.inject({
            method: 'GET',
            url: `/api/v1/lottery/tickets/${code}`,
            headers: { cookie: admin },
          })
        ).statusCode,
      ).toBe(200);
      const seller = await app.login(other.username);
      const response = await app.app.inject({
        method: 'GET',
        url: `/api/v1/lottery/tickets/${code}`,
        headers: { cookie: seller },
      });
      expect(response.statusCode).toBe(404);
      const cancel = await app.app.inject({
        method: 'POST',
        url: `/api/v1/lottery/tickets/${code}/cancel`,
        headers: { cookie: seller },
        payload: { reason: 'no es mío' },
      });
      expect(cancel.statusCode).toBe(404);
    });

    it('una jugada desactivada no se vende ni se valida, y la línea lo dice; reactivada vuelve a venderse', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'REAL');
      const off = await app.app.inject({
        method: 'POST',
        url: '/api/v1/lottery/bet-types/PALE/deactivate',
        headers: { cookie: admin },
      });
      expect(off.statusCode, off.body).toBe(200);
      const before = await ticketCount(app);

      const refused = await sell(app, juan, { entry: '41 5\n2345|10', draw_ids: [drawId] });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({
        code: 'BET_TYPE_INACTIVE',
        details: { line: 2, bet_type: 'PALE', lottery: 'REAL' },
      });
      expect(refused.json().error.message).toBe('Línea 2: la jugada PALE está desactivada y no se vende');
      const byLines = await sell(app, juan, {
        lines: [{ lottery_code: 'REAL', bet_number: '4523', bet_type_code: 'PALE', bet_amount: 10 }],
      });
      expect(byLines.json().error).toMatchObject({ code: 'BET_TYPE_INACTIVE', details: { line: 1 } });
      const validate = await app.app.inject({
        method: 'POST',
        url: '/api/v1/lottery/tickets/validate',
        headers: { cookie: juan },
        payload: { entry: '2345|10', draw_ids: [drawId] },
      });
      expect(validate.statusCode).toBe(200);
      expect(validate.json()).toMatchObject({
        ok: false,
        errors: [{ code: 'BET_TYPE_INACTIVE', line: 1, bet_type: 'PALE' }],
      });
      expect(await ticketCount(app)).toBe(before);

      await app.app.inject({
        method: 'POST',
        url: '/api/v1/lottery/bet-types/PALE/reactivate',
        headers: { cookie: admin },
      });
      const sold = await sell(app, juan, { entry: '2345|10', draw_ids: [drawId] });
      expect(sold.statusCode, sold.body).toBe(201);
      expect(sold.json().ticket.lines[0].bet.bet_type_code).toBe('PALE');
    });

    it('una lotería desactivada sale de los sorteos abiertos y venderle responde LOTTERY_INACTIVE, nunca 500', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'REAL');
      const real = await lotteryDb(app.platform.db)
        .selectFrom('lottery_lotteries')
        .select('id')
        .where('code', '=', 'REAL')
        .executeTakeFirstOrThrow();
      const off = await app.app.inject({
        method: 'POST',
        url: `/api/v1/lottery/lotteries/${real.id}/deactivate`,
        headers: { cookie: admin },
      });
      expect(off.statusCode, off.body).toBe(200);
      try {
        const draws = async (query: string) =>
          (
            await app.app.inject({
              method: 'GET',
              url: `/api/v1/lottery/draws${query}`,
              headers: { cookie: juan },
            })
          ).json().draws as { id: string; lottery_code: string; status: string; lottery_active: boolean }[];
        expect((await draws('?status=open')).filter((d) => d.lottery_code === 'REAL')).toEqual([]);
        expect((await draws('')).find((d) => d.id === drawId)).toMatchObject({
          status: 'closed',
          lottery_active: false,
        });
        expect((await draws('')).find((d) => d.lottery_code === 'LOTEKA')).toMatchObject({
          status: 'open',
          lottery_active: true,
        });

        const before = await ticketCount(app);
        const selected = await sell(app, juan, { entry: '23 100', draw_ids: [drawId] });
        expect(selected.statusCode, selected.body).toBe(422);
        expect(selected.json().error).toMatchObject({
          code: 'LOTTERY_INACTIVE',
          details: { line: 1, lottery: 'REAL' },
        });
        expect(selected.json().error.message).toBe(
          'Línea 1: la lotería REAL está desactivada; sus sorteos no se venden',
        );
        const named = await sell(app, juan, { entry: 'REAL|23|100' });
        expect(named.json().error).toMatchObject({ code: 'LOTTERY_INACTIVE', details: { line: 1 } });
        const byLines = await sell(app, juan, {
          lines: [{ lottery_code: 'REAL', bet_number: '23', bet_amount: 100 }],
        });
        expect(byLines.json().error).toMatchObject({ code: 'LOTTERY_INACTIVE', details: { line: 1 } });
        const validate = await app.app.inject({
          method: 'POST',
          url: '/api/v1/lottery/tickets/validate',
          headers: { cookie: juan },
          payload: { entry: '23 100', draw_ids: [drawId] },
        });
        expect(validate.statusCode, validate.body).toBe(200);
        expect(validate.json()).toMatchObject({ ok: false, errors: [{ code: 'LOTTERY_INACTIVE', line: 1 }] });
        expect(await ticketCount(app)).toBe(before);
      } finally {
        await app.app.inject({
          method: 'POST',
          url: `/api/v1/lottery/lotteries/${real.id}/reactivate`,
          headers: { cookie: admin },
        });
      }
      expect((await sell(app, juan, { entry: '23 1', draw_ids: [drawId] })).statusCode).toBe(201);
    });

    it('el horario de la banca puede cerrar a medianoche o cruzarla, en la hora del operador; apertura = cierre se rechaza', async () => {
      const app = t();
      const banca = await lotteryDb(app.platform.db)
        .selectFrom('lottery_bancas')
        .select('id')
        .where('code', '=', '010')
        .executeTakeFirstOrThrow();
      // Fresh sign-ins: the clock jumps by hours, past the sessions' idle timeout.
      const hours = async (opens_at: string | null, closes_at: string | null) =>
        app.app.inject({
          method: 'PATCH',
          url: `/api/v1/lottery/bancas/${banca.id}`,
          headers: { cookie: await app.login('admin') },
          payload: { opens_at, closes_at },
        });
      /** A one-peso sale into NACIONAL's next draw at a Santo Domingo wall-clock time of 29–30 January. */
      const sellAt = async (instant: string) => {
        app.clock.set(instant);
        const juan = await app.login('juan001');
        return (await sell(app, juan, { entry: 'NACIONAL|64|1' })).json().error?.code ?? 'SOLD';
      };
      const saved = app.clock.now();
      try {
        expect((await hours('08:00', '00:00')).statusCode).toBe(200);
        expect(await sellAt('2026-01-29T14:05:00Z')).toBe('SOLD'); // 10:05
        expect(await sellAt('2026-01-30T03:59:00Z')).toBe('SOLD'); // 23:59
        expect(await sellAt('2026-01-30T04:00:00Z')).toBe('BANCA_CLOSED_HOURS'); // 00:00
        expect(await sellAt('2026-01-29T11:59:00Z')).toBe('BANCA_CLOSED_HOURS'); // 07:59

        expect((await hours('22:00', '08:00')).statusCode).toBe(200);
        expect(await sellAt('2026-01-29T14:05:00Z')).toBe('BANCA_CLOSED_HOURS'); // 10:05
        expect(await sellAt('2026-01-30T03:30:00Z')).toBe('SOLD'); // 23:30
        expect(await sellAt('2026-01-30T11:30:00Z')).toBe('SOLD'); // 07:30 the next morning
        expect(await sellAt('2026-01-30T12:00:00Z')).toBe('BANCA_CLOSED_HOURS'); // 08:00

        const empty = await hours('08:00', '08:00');
        expect(empty.statusCode).toBe(422);
        expect(empty.json().error).toMatchObject({
          code: 'BANCA_HOURS_EMPTY',
          details: { field: 'closes_at' },
        });
        expect(empty.json().error.message).toMatch(/^«hora de cierre»: /);
        const stored = await lotteryDb(app.platform.db)
          .selectFrom('lottery_bancas')
          .select(['opens_at', 'closes_at'])
          .where('id', '=', banca.id)
          .executeTakeFirstOrThrow();
        expect(stored).toEqual({ opens_at: '22:00', closes_at: '08:00' });
      } finally {
        app.clock.set(saved);
        expect((await hours(null, null)).statusCode).toBe(200);
      }
    });
  },
  { clock: THURSDAY_MORNING },
);
