import { expect, it, vi } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { insertUser } from '../../platform/auth/users.repo.ts';
import type { DomainEvent } from '../../platform/events/bus.ts';
import { newId } from '../../platform/ids.ts';
import { advanceDraws } from './advance-draws.ts';
import { lotteryDb } from './db.ts';
import { expirePrizes } from './expire-prizes.ts';
import { generateDrawsForSalesWindow } from './generate-draws.ts';
import { accountBalance } from './payments.repo.ts';

type Line = { draw_id: string; bet_number: string; bet_type_code: string; bet_amount: number };

/** Moves the clock and lets the draws follow it (close, open, tickets active). */
async function at(app: TestApp, iso: string) {
  app.clock.set(new Date(iso));
  // The test jumps hours at a time: keep the signed-in sessions from idling out.
  await app.platform.db
    .updateTable('sessions')
    .set({ last_seen_at: iso })
    .where('ended_at', 'is', null)
    .execute();
  await generateDrawsForSalesWindow(app.platform);
  await advanceDraws(app.platform);
}

async function drawOf(app: TestApp, lottery: string, date: string, time?: string) {
  let q = lotteryDb(app.platform.db)
    .selectFrom('lottery_draws as d')
    .innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id')
    .select(['d.id', 'd.status', 'd.draw_time', 'd.close_at'])
    .where('l.code', '=', lottery)
    .where('d.draw_date', '=', date);
  if (time) q = q.where('d.draw_time', '=', time);
  return q.orderBy('d.draw_at').executeTakeFirstOrThrow();
}

async function sell(app: TestApp, cookie: string, plays: Line[]) {
  const draws = await lotteryDb(app.platform.db)
    .selectFrom('lottery_draws')
    .select(['id', 'lottery_id'])
    .where(
      'id',
      'in',
      plays.map((p) => p.draw_id),
    )
    .execute();
  const lines = plays.map((p) => ({ ...p, lottery_id: draws.find((d) => d.id === p.draw_id)!.lottery_id }));
  const response = await app.app.inject({
    method: 'POST',
    url: '/api/v1/lottery/tickets',
    headers: { cookie },
    payload: { lines },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().ticket as { ticket_code: string; qr: string };
}

async function publish(app: TestApp, cookie: string, body: object) {
  return app.app.inject({
    method: 'POST',
    url: '/api/v1/lottery/results',
    headers: { cookie },
    payload: body,
  });
}

async function ticket(app: TestApp, cookie: string, code: string) {
  const response = await app.app.inject({
    method: 'GET',
    url: `/api/v1/lottery/tickets/${code}`,
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().ticket as {
    status: string;
    totals: { total_prize: number };
    lines: {
      lottery: { lottery_code: string; lottery_name: string };
      bet: { bet_number: string; bet_type_code: string };
      prize: { prize_amount: number; winning_class: string | null };
      status: { line_status: string };
    }[];
  };
}

const outcome = (t: Awaited<ReturnType<typeof ticket>>) =>
  t.lines.map((l) => [
    l.bet.bet_type_code,
    l.bet.bet_number,
    l.status.line_status,
    l.prize.winning_class,
    l.prize.prize_amount,
  ]);

async function createUser(app: TestApp, username: string, roles: string[]) {
  const at = app.clock.now().toISOString();
  await insertUser(
    app.platform.db,
    {
      id: newId(),
      username,
      full_name: username,
      email: null,
      password_hash: await hashPassword('demo1234'),
      active: 1,
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      created_at: at,
      updated_at: at,
      last_login_at: null,
      version: 1,
    },
    roles,
  );
  return app.login(username);
}

function collect(app: TestApp) {
  const events: DomainEvent[] = [];
  const stop = app.platform.bus.subscribe((e) => events.push(e));
  return { events, stop };
}

describeEngines('resultados, liquidación y pagos', (t) => {
  it('quiniela por posición, palé, tripleta, pulito y dobles que pagan solo la primera posición', async () => {
    const app = t();
    await at(app, '2026-01-30T13:00:00Z');
    const juan = await app.login('juan001');
    const admin = await app.login('admin');
    const real = await drawOf(app, 'REAL', '2026-01-30');
    const lotedom = await drawOf(app, 'LOTEDOM', '2026-01-30');
    const l = (draw: string, type: string, n: string): Line => ({
      draw_id: draw,
      bet_type_code: type,
      bet_number: n,
      bet_amount: 10,
    });
    const realTicket = await sell(app, juan, [
      l(real.id, 'DIRECTO', '23'),
      l(real.id, 'DIRECTO', '45'),
      l(real.id, 'DIRECTO', '78'),
      l(real.id, 'DIRECTO', '99'),
      l(real.id, 'PALE', '2345'),
      l(real.id, 'PALE', '2378'),
      l(real.id, 'PALE', '4578'),
      l(real.id, 'PALE', '2399'),
      l(real.id, 'TRIPLETA', '234578'),
      l(real.id, 'TRIPLETA', '234599'),
      l(real.id, 'TRIPLETA', '002399'),
      l(real.id, 'PULITO', '3'),
      l(real.id, 'PULITO', '8'),
    ]);
    const doubles = await sell(app, juan, [
      l(lotedom.id, 'DIRECTO', '07'),
      l(lotedom.id, 'PALE', '0711'),
      l(lotedom.id, 'TRIPLETA', '071199'),
    ]);
    // Not closed yet: refused.
    const early = await publish(app, admin, {
      lottery: 'REAL',
      draw_date: '2026-01-30',
      first: '23',
      second: '45',
      third: '78',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('RESULT_DRAW_NOT_CLOSED');

    await at(app, '2026-01-30T19:00:00Z');
    expect((await ticket(app, juan, realTicket.ticket_code)).status).toBe('active');
    const wrongFormat = await publish(app, admin, {
      lottery: 'REAL',
      draw_date: '2026-01-30',
      numbers: '457',
    });
    expect(wrongFormat.statusCode).toBe(422);
    expect(wrongFormat.json().error).toMatchObject({
      code: 'INVALID_RESULT',
      details: { field: 'numbers', reason: 'UNEXPECTED' },
    });
    const badNumber = await publish(app, admin, {
      lottery: 'REAL',
      draw_date: '2026-01-30',
      first: '2',
      second: '45',
      third: '78',
    });
    expect(badNumber.json().error).toMatchObject({ code: 'INVALID_RESULT', details: { field: 'first' } });

    const published = await publish(app, admin, {
      lottery: 'REAL',
      draw_date: '2026-01-30',
      first: '23',
      second: '45',
      third: '78',
    });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ result: { first: '23', second: '45', third: '78' } });
    const again = await publish(app, admin, {
      lottery: 'REAL',
      draw_date: '2026-01-30',
      first: '11',
      second: '45',
      third: '78',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('RESULT_EXISTS');

    const settled = await ticket(app, juan, realTicket.ticket_code);
    // The pay screen names the lottery of every line.
    expect(settled.lines[0].lottery).toMatchObject({ lottery_code: 'REAL', lottery_name: 'LOTERÍA REAL' });
    expect(outcome(settled)).toEqual([
      ['DIRECTO', '23', 'winner', 'first', 600],
      ['DIRECTO', '45', 'winner', 'second', 80],
      ['DIRECTO', '78', 'winner', 'third', 40],
      ['DIRECTO', '99', 'loser', null, 0],
      ['PALE', '2345', 'winner', 'first_second', 10000],
      ['PALE', '2378', 'winner', 'first_third', 10000],
      ['PALE', '4578', 'winner', 'second_third', 1000],
      ['PALE', '2399', 'loser', null, 0],
      ['TRIPLETA', '234578', 'winner', 'three', 200000],
      ['TRIPLETA', '234599', 'winner', 'two', 1000],
      ['TRIPLETA', '002399', 'loser', null, 0],
      ['PULITO', '3', 'winner', 'first', 50],
      ['PULITO', '8', 'winner', 'third', 7],
    ]);
    expect(settled.status).toBe('winner');
    expect(settled.totals.total_prize).toBe(600 + 80 + 40 + 10000 + 10000 + 1000 + 200000 + 1000 + 50 + 7);

    const dbl = await publish(app, admin, {
      lottery: 'LOTEDOM',
      draw_date: '2026-01-30',
      first: '07',
      second: '11',
      third: '07',
    });
    expect(dbl.statusCode, dbl.body).toBe(201);
    expect(outcome(await ticket(app, juan, doubles.ticket_code))).toEqual([
      ['DIRECTO', '07', 'winner', 'first', 600],
      ['PALE', '0711', 'winner', 'first_second', 10000],
      ['TRIPLETA', '071199', 'winner', 'two', 1000],
    ]);

    const draws = await app.app.inject({
      method: 'GET',
      url: '/api/v1/lottery/results?date=2026-01-30&lottery=REAL',
      headers: { cookie: admin },
    });
    expect(draws.json().draws[0]).toMatchObject({
      status: 'settled',
      result_text: '23-45-78',
      source: 'screen',
      entered_by: 'admin',
    });
    const winners = await app.app.inject({
      method: 'GET',
      url: `/api/v1/lottery/results/${real.id}/winners`,
      headers: { cookie: admin },
    });
    expect(winners.json().total).toBe(10);
    expect(winners.json().items[0]).toMatchObject({
      bet_type: 'TRIPLETA',
      prize_amount: 200000,
      code: realTicket.ticket_code,
    });
  });

  it('pick 3/4/5: directo, combinado por vías (6, 3, 24, 12, 120), delante/atrás, bolita, singulación, pick 2', async () => {
    const app = t();
    await at(app, '2026-01-31T13:00:00Z');
    const juan = await app.login('juan001');
    const admin = await app.login('admin');
    const date = '2026-01-31';
    const ny3 = await drawOf(app, 'NY_PICK3', date, '14:30');
    const fl3 = await drawOf(app, 'FL_PICK3', date, '13:30');
    const ny4 = await drawOf(app, 'NY_PICK4', date, '14:30');
    const fl4 = await drawOf(app, 'FL_PICK4', date, '13:30');
    const fl5 = await drawOf(app, 'FL_PICK5', date, '13:30');
    const l = (draw: string, type: string, n: string): Line => ({
      draw_id: draw,
      bet_type_code: type,
      bet_number: n,
      bet_amount: 10,
    });
    const p3 = await sell(app, juan, [
      l(ny3.id, 'CASH3_STRAIGHT', '457'),
      l(ny3.id, 'CASH3_STRAIGHT', '754'),
      l(ny3.id, 'CASH3_BOX', '745'),
      l(ny3.id, 'CASH3_FRONT_STRAIGHT', '45'),
      l(ny3.id, 'CASH3_FRONT_BOX', '54'),
      l(ny3.id, 'CASH3_BACK_STRAIGHT', '57'),
      l(ny3.id, 'CASH3_BACK_BOX', '75'),
      l(ny3.id, 'BOLITA_1', '45'),
      l(ny3.id, 'BOLITA_2', '57'),
      l(ny3.id, 'SINGULACION_1', '4'),
      l(ny3.id, 'SINGULACION_2', '5'),
      l(ny3.id, 'SINGULACION_3', '7'),
      l(ny3.id, 'SINGULACION_3', '4'),
      l(fl3.id, 'CASH3_BOX', '474'),
    ]);
    const p45 = await sell(app, juan, [
      l(ny4.id, 'PLAY4_STRAIGHT', '1234'),
      l(ny4.id, 'PLAY4_BOX', '4321'),
      l(ny4.id, 'PICK2_FRONT', '12'),
      l(ny4.id, 'PICK2_MIDDLE', '23'),
      l(ny4.id, 'PICK2_BACK', '34'),
      l(fl4.id, 'PLAY4_BOX', '3211'),
      l(fl5.id, 'PICK5_STRAIGHT', '12345'),
      l(fl5.id, 'PICK5_BOX', '54321'),
    ]);
    await at(app, '2026-02-01T05:00:00Z');
    for (const body of [
      { lottery: 'NY_PICK3', draw_date: date, draw_time: '14:30', numbers: '457' },
      { lottery: 'FL_PICK3', draw_date: date, draw_time: '13:30', numbers: '447' },
      { lottery: 'NY_PICK4', draw_date: date, draw_time: '14:30', numbers: '1234' },
      { lottery: 'FL_PICK4', draw_date: date, draw_time: '13:30', numbers: '1123' },
      { lottery: 'FL_PICK5', draw_date: date, draw_time: '13:30', numbers: '12345' },
    ]) {
      const response = await publish(app, admin, body);
      expect(response.statusCode, response.body).toBe(201);
    }
    const noTime = await publish(app, admin, { lottery: 'NY_PICK3', draw_date: date, numbers: '111' });
    expect(noTime.json().error).toMatchObject({
      code: 'DRAW_TIME_REQUIRED',
      details: { field: 'draw_time' },
    });
    // The other draw of the day (22:30) is still waiting: the ticket of the 14:30 draw is decided.
    expect(outcome(await ticket(app, juan, p3.ticket_code))).toEqual([
      ['CASH3_STRAIGHT', '457', 'winner', 'straight', 5000],
      ['CASH3_STRAIGHT', '754', 'loser', null, 0],
      ['CASH3_BOX', '745', 'winner', 'box_6', 800],
      ['CASH3_FRONT_STRAIGHT', '45', 'winner', 'straight', 500],
      ['CASH3_FRONT_BOX', '54', 'winner', 'box_2', 250],
      ['CASH3_BACK_STRAIGHT', '57', 'winner', 'straight', 500],
      ['CASH3_BACK_BOX', '75', 'winner', 'box_2', 250],
      ['BOLITA_1', '45', 'winner', 'straight', 500],
      ['BOLITA_2', '57', 'winner', 'straight', 500],
      ['SINGULACION_1', '4', 'winner', 'straight', 90],
      ['SINGULACION_2', '5', 'winner', 'straight', 90],
      ['SINGULACION_3', '7', 'winner', 'straight', 90],
      ['SINGULACION_3', '4', 'loser', null, 0],
      ['CASH3_BOX', '474', 'winner', 'box_3', 1600],
    ]);
    expect(outcome(await ticket(app, juan, p45.ticket_code))).toEqual([
      ['PLAY4_STRAIGHT', '1234', 'winner', 'straight', 50000],
      ['PLAY4_BOX', '4321', 'winner', 'box_24', 2000],
      ['PICK2_FRONT', '12', 'winner', 'straight', 500],
      ['PICK2_MIDDLE', '23', 'winner', 'straight', 500],
      ['PICK2_BACK', '34', 'winner', 'straight', 500],
      ['PLAY4_BOX', '3211', 'winner', 'box_12', 4000],
      ['PICK5_STRAIGHT', '12345', 'winner', 'straight', 300000],
      ['PICK5_BOX', '54321', 'winner', 'box_120', 2500],
    ]);
  });

  it('super palé se calcula solo cuando ambas fuentes tienen resultado; tiempos con y sin bola roja', async () => {
    const app = t();
    await at(app, '2026-02-02T13:00:00Z');
    const juan = await app.login('juan001');
    const admin = await app.login('admin');
    const date = '2026-02-02';
    const sp = await drawOf(app, 'SP_REAL_GM', date);
    const jps1 = await drawOf(app, 'JPS', date, '12:55');
    const jps2 = await drawOf(app, 'JPS', date, '16:30');
    const l = (draw: string, type: string, n: string, amount = 10): Line => ({
      draw_id: draw,
      bet_type_code: type,
      bet_number: n,
      bet_amount: amount,
    });
    const superPale = await sell(app, juan, [l(sp.id, 'SUPER_PALE', '2350'), l(sp.id, 'SUPER_PALE', '2351')]);
    const tiempos = await sell(app, juan, [
      l(jps1.id, 'TIEMPOS', '07'),
      l(jps1.id, 'REVENTADO', '07', 5),
      l(jps2.id, 'TIEMPOS', '07'),
      l(jps2.id, 'REVENTADO', '07', 5),
    ]);
    await at(app, '2026-02-03T02:00:00Z');
    const events = collect(app);
    expect(
      (
        await publish(app, admin, {
          lottery: 'REAL',
          draw_date: date,
          first: '23',
          second: '01',
          third: '02',
        })
      ).statusCode,
    ).toBe(201);
    expect((await ticket(app, juan, superPale.ticket_code)).status).toBe('active');
    const composite = await publish(app, admin, {
      lottery: 'SP_REAL_GM',
      draw_date: date,
      first: '23',
      second: '50',
    });
    expect(composite.json().error.code).toBe('RESULT_COMPUTED');
    expect(
      (
        await publish(app, admin, {
          lottery: 'GANAMAS',
          draw_date: date,
          first: '50',
          second: '03',
          third: '04',
        })
      ).statusCode,
    ).toBe(201);
    await vi.waitFor(() =>
      expect(events.events.filter((e) => e.type === 'lottery.draw.settled').length).toBe(3),
    );
    events.stop();
    expect(outcome(await ticket(app, juan, superPale.ticket_code))).toEqual([
      ['SUPER_PALE', '2350', 'winner', 'win', 20000],
      ['SUPER_PALE', '2351', 'loser', null, 0],
    ]);
    const day = (
      await app.app.inject({
        method: 'GET',
        url: `/api/v1/lottery/results?date=${date}&lottery=SP_REAL_GM`,
        headers: { cookie: admin },
      })
    ).json();
    expect(day.draws[0]).toMatchObject({
      result: { first: '23', second: '50' },
      source: 'composite',
      status: 'settled',
    });

    const redBall = await publish(app, admin, {
      lottery: 'JPS',
      draw_date: date,
      draw_time: '12:55',
      number: '07',
      ball: 'red',
      reventado_multiplier: 200,
    });
    expect(redBall.statusCode, redBall.body).toBe(201);
    const noMultiplier = await publish(app, admin, {
      lottery: 'JPS',
      draw_date: date,
      draw_time: '16:30',
      number: '07',
      ball: 'red',
    });
    expect(noMultiplier.json().error).toMatchObject({
      code: 'INVALID_RESULT',
      details: { field: 'reventado_multiplier' },
    });
    expect((await ticket(app, juan, tiempos.ticket_code)).status).toBe('active');
    expect(
      (
        await publish(app, admin, {
          lottery: 'JPS',
          draw_date: date,
          draw_time: '16:30',
          number: '07',
          ball: 'white',
        })
      ).statusCode,
    ).toBe(201);
    const tv = await ticket(app, juan, tiempos.ticket_code);
    // JPS pays 70× on tiempos (lottery override); the red ball pays the announced 200× on the reventado.
    expect(outcome(tv)).toEqual([
      ['TIEMPOS', '07', 'winner', 'hit', 700],
      ['REVENTADO', '07', 'winner', 'red_ball', 1000],
      ['TIEMPOS', '07', 'winner', 'hit', 700],
      ['REVENTADO', '07', 'loser', null, 0],
    ]);
    expect(tv).toMatchObject({ status: 'winner', totals: { total_prize: 2400 } });
  });

  it('ticket de varias líneas: ganador, perdedor, o pendiente mientras falta un sorteo; CSV todo o nada; token de API', async () => {
    const app = t();
    await at(app, '2026-02-03T13:00:00Z');
    const juan = await app.login('juan001');
    const admin = await app.login('admin');
    const date = '2026-02-03';
    const real = await drawOf(app, 'REAL', date);
    const loteka = await drawOf(app, 'LOTEKA', date);
    const l = (draw: string, n: string): Line => ({
      draw_id: draw,
      bet_type_code: 'DIRECTO',
      bet_number: n,
      bet_amount: 10,
    });
    const winnerLater = await sell(app, juan, [l(real.id, '23'), l(loteka.id, '55')]);
    const loser = await sell(app, juan, [l(real.id, '98'), l(loteka.id, '97')]);
    const pendingThenWinner = await sell(app, juan, [l(real.id, '99'), l(loteka.id, '11')]);
    await at(app, '2026-02-03T17:30:00Z');
    // A results feed publishes with an API token.
    const token = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie: admin },
      payload: { name: 'feed', scopes: ['lottery.results.publish'] },
    });
    expect(token.statusCode, token.body).toBeLessThan(300);
    const bearer = token.json().token as string;
    const viaApi = await app.app.inject({
      method: 'POST',
      url: '/api/v1/lottery/results',
      headers: { authorization: `Bearer ${bearer}` },
      payload: { lottery: 'REAL', draw_date: date, first: '23', second: '24', third: '25' },
    });
    expect(viaApi.statusCode, viaApi.body).toBe(201);
    const mid = await ticket(app, juan, winnerLater.ticket_code);
    // LOTEKA still sells: the ticket stays pending, its REAL line already won.
    expect(mid.status).toBe('pending');
    expect(outcome(mid).map((o) => o[2])).toEqual(['winner', 'pending']);
    expect((await ticket(app, juan, loser.ticket_code)).status).toBe('pending');
    await at(app, '2026-02-03T23:56:00Z');
    const closed = await ticket(app, juan, winnerLater.ticket_code);
    expect(closed.status).toBe('active');
    expect(outcome(closed).map((o) => o[2])).toEqual(['winner', 'active']);

    await at(app, '2026-02-04T01:00:00Z');
    const badCsv = [
      'lottery,draw_date,draw_time,first,second,third',
      `LOTEKA,${date},,11,12,13`,
      `NOPE,${date},,11,12,13`,
      `LEIDSA,${date},,1,12,13`,
    ].join('\n');
    const refused = await app.app.inject({
      method: 'POST',
      url: '/api/v1/lottery/results/import',
      headers: { cookie: admin },
      payload: { csv: badCsv },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.errors).toMatchObject([
      { line: 3, field: 'lottery', code: 'RESULT_LOTTERY_UNKNOWN' },
      { line: 4, field: 'first', code: 'INVALID_RESULT' },
    ]);
    expect((await drawOf(app, 'LOTEKA', date)).status).toBe('closed');
    const csv = ['lottery,draw_date,draw_time,first,second,third', `LOTEKA,${date},,11,12,13`].join('\n');
    const imported = await app.app.inject({
      method: 'POST',
      url: '/api/v1/lottery/results/import',
      headers: { cookie: admin },
      payload: { csv },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(await ticket(app, juan, winnerLater.ticket_code)).toMatchObject({
      status: 'winner',
      totals: { total_prize: 600 },
    });
    expect(await ticket(app, juan, loser.ticket_code)).toMatchObject({
      status: 'loser',
      totals: { total_prize: 0 },
    });
    expect(await ticket(app, juan, pendingThenWinner.ticket_code)).toMatchObject({
      status: 'winner',
      totals: { total_prize: 600 },
    });
  });

  it('corrección: resultado erróneo, nada pagado, corregido = ejecución limpia (ganadores, premios, saldos); solo superadmin', async () => {
    const app = t();
    await at(app, '2026-02-05T13:00:00Z');
    const juan = await app.login('juan001');
    const admin = await app.login('admin');
    const plainAdmin = await createUser(app, 'admin2', ['admin']);
    const date = '2026-02-05';
    const wrongDraw = await drawOf(app, 'PRIMERA', date, '12:00');
    const cleanDraw = await drawOf(app, 'SUERTE', date, '12:30');
    const plays = (draw: string): Line[] => [
      { draw_id: draw, bet_type_code: 'DIRECTO', bet_number: '10', bet_amount: 20 },
      { draw_id: draw, bet_type_code: 'DIRECTO', bet_number: '20', bet_amount: 15 },
      { draw_id: draw, bet_type_code: 'PALE', bet_number: '1020', bet_amount: 5 },
      { draw_id: draw, bet_type_code: 'DIRECTO', bet_number: '33', bet_amount: 7 },
    ];
    const sellBoth = async () => [
      await sell(app, juan, plays(wrongDraw.id)),
      await sell(app, juan, plays(cleanDraw.id)),
    ];
    const sold = [await sellBoth(), await sellBoth(), await sellBoth()];
    await at(app, '2026-02-05T18:00:00Z');
    const bancaId = (
      await lotteryDb(app.platform.db)
        .selectFrom('lottery_bancas')
        .select('id')
        .where('code', '=', '010')
        .executeTakeFirstOrThrow()
    ).id;
    const balances = async () => ({
      payable: await accountBalance(lotteryDb(app.platform.db), `banca:${bancaId}:prizes_payable`),
      house: await accountBalance(lotteryDb(app.platform.db), 'house:prizes'),
    });
    const b0 = await balances();
    expect(
      (
        await publish(app, admin, {
          lottery: 'PRIMERA',
          draw_date: date,
          draw_time: '12:00',
          first: '33',
          second: '10',
          third: '44',
        })
      ).statusCode,
    ).toBe(201);
    expect((await ticket(app, juan, sold[0][0].ticket_code)).status).toBe('winner');

    const events = collect(app);
    const refused = await app.app.inject({
      method: 'POST',
      url: '/api/v1/lottery/results/correct',
      headers: { cookie: plainAdmin },
      payload: {
        lottery: 'PRIMERA',
        draw_date: date,
        draw_time: '12:00',
        first: '10',
        second: '20',
        third: '44',
        reason: 'me equivoqué',
      },
    });
    expect(refused.statusCode).toBe(403);
    // On PostgreSQL events travel through NOTIFY: wait for them.
    await vi.waitFor(() =>
      expect(
        events.events.some(
          (e) =>
            e.type === 'lottery.anomaly' &&
            (e.payload as { kind: string }).kind === 'result_change_unauthorized',
        ),
      ).toBe(true),
    );

    const corrected = await app.app.inject({
      method: 'POST',
      url: '/api/v1/lottery/results/correct',
      headers: { cookie: admin },
      payload: {
        lottery: 'PRIMERA',
        draw_date: date,
        draw_time: '12:00',
        first: '10',
        second: '20',
        third: '44',
        reason: 'Acta oficial: 10-20-44',
      },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({
      status: 'settled',
      result: { first: '10', second: '20', third: '44' },
    });
    const critical = await vi.waitFor(() => {
      const found = events.events.find(
        (e) => e.type === 'lottery.anomaly' && (e.payload as { kind: string }).kind === 'result_corrected',
      );
      expect(found).toBeDefined();
      return found;
    });
    expect(critical?.payload).toMatchObject({
      severity: 'critical',
      before: { first: '33' },
      after: { first: '10' },
    });
    events.stop();
    const b1 = await balances();

    expect(
      (
        await publish(app, admin, {
          lottery: 'SUERTE',
          draw_date: date,
          draw_time: '12:30',
          first: '10',
          second: '20',
          third: '44',
        })
      ).statusCode,
    ).toBe(201);
    const b2 = await balances();
    for (const [wrong, clean] of sold) {
      const a = await ticket(app, juan, wrong.ticket_code);
      const b = await ticket(app, juan, clean.ticket_code);
      expect(outcome(a)).toEqual(outcome(b));
      expect(a.status).toBe(b.status);
      expect(a.totals.total_prize).toBe(b.totals.total_prize);
    }
    expect(outcome(await ticket(app, juan, sold[0][0].ticket_code))).toEqual([
      ['DIRECTO', '10', 'winner', 'first', 1200],
      ['DIRECTO', '20', 'winner', 'second', 120],
      ['PALE', '1020', 'winner', 'first_second', 5000],
      ['DIRECTO', '33', 'loser', null, 0],
    ]);
    expect(b1.payable - b0.payable).toBe(b2.payable - b1.payable);
    expect(b1.house - b0.house).toBe(b2.house - b1.house);
    expect(b1.payable - b0.payable).toBe(-3 * (120_000 + 12_000 + 500_000));
    const audit = await app.platform.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', wrongDraw.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['result_publish', 'settle', 'result_correct', 'settlement_reverse']),
    );
  });

  it('pagar: rechazos, 50 pagos en paralelo pagan una sola vez, misma Idempotency-Key = mismo recibo, vencimiento', async () => {
    const app = t();
    await at(app, '2026-02-06T13:00:00Z');
    const juan = await app.login('juan001');
    const maria = await app.login('maria011');
    const admin = await app.login('admin');
    const date = '2026-02-06';
    const real = await drawOf(app, 'REAL', date);
    const loteka = await drawOf(app, 'LOTEKA', date);
    const l = (draw: string, n: string): Line => ({
      draw_id: draw,
      bet_type_code: 'DIRECTO',
      bet_number: n,
      bet_amount: 10,
    });
    const win = await sell(app, juan, [l(real.id, '23')]);
    const win2 = await sell(app, juan, [l(real.id, '23')]);
    const lose = await sell(app, juan, [l(real.id, '99')]);
    const open = await sell(app, juan, [l(real.id, '23'), l(loteka.id, '11')]);
    const cancelled = await sell(app, juan, [l(real.id, '23')]);
    const pay = (cookie: string, code: string, headers: Record<string, string> = {}) =>
      app.app.inject({
        method: 'POST',
        url: `/api/v1/lottery/tickets/${encodeURIComponent(code)}/pay`,
        headers: { cookie, ...headers },
      });
    expect(
      (
        await app.app.inject({
          method: 'POST',
          url: `/api/v1/lottery/tickets/${cancelled.ticket_code}/cancel`,
          headers: { cookie: juan },
          payload: { reason: 'cliente se arrepintió' },
        })
      ).statusCode,
    ).toBe(200);
    await at(app, '2026-02-06T17:30:00Z');
    expect((await pay(juan, win.ticket_code)).json().error.code).toBe('TICKET_NOT_SETTLED');
    expect(
      (
        await publish(app, admin, {
          lottery: 'REAL',
          draw_date: date,
          first: '23',
          second: '24',
          third: '25',
        })
      ).statusCode,
    ).toBe(201);

    expect((await pay(juan, lose.ticket_code)).json().error.code).toBe('TICKET_NOT_WINNER');
    expect((await pay(juan, open.ticket_code)).json().error.code).toBe('TICKET_NOT_SETTLED');
    expect((await pay(juan, cancelled.ticket_code)).json().error.code).toBe('TICKET_CANCELLED');
    const forged = `${win.qr.slice(0, -4)}AAAA`;
    expect((await pay(juan, forged)).json().error.code).toBe('TICKET_FORGED');
    const other = await pay(maria, win.ticket_code);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('PAY_OTHER_BANCA');

    const bancaId = (
      await lotteryDb(app.platform.db)
        .selectFrom('lottery_bancas')
        .select('id')
        .where('code', '=', '010')
        .executeTakeFirstOrThrow()
    ).id;
    const cash0 = await accountBalance(lotteryDb(app.platform.db), `banca:${bancaId}:cash`);
    const responses = await Promise.all(Array.from({ length: 50 }, () => pay(juan, win.qr)));
    expect(responses.filter((r) => r.statusCode === 200).length).toBe(1);
    const refusals = responses.filter((r) => r.statusCode !== 200);
    expect(refusals.length).toBe(49);
    expect(new Set(refusals.map((r) => r.json().error.code))).toEqual(new Set(['ALREADY_PAID']));
    expect(refusals[0].json().error.details).toMatchObject({ paid_by: 'juan001', code: win.ticket_code });
    // The cashier reads when in Santo Domingo time (UTC−4), not the stored UTC instant.
    const { paid_at: paidAt, paid_at_local: paidAtLocal } = refusals[0].json().error.details;
    const santoDomingo = new Date(Date.parse(paidAt) - 4 * 3_600_000)
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ');
    expect(paidAtLocal).toBe(santoDomingo);
    expect(refusals[0].json().error.message).toContain(`(${santoDomingo}, por juan001)`);
    const ok = responses.find((r) => r.statusCode === 200)!.json();
    expect(ok).toMatchObject({
      ticket: { status: 'paid' },
      receipt: { amount: 600, paid_by: 'juan001', receipt_number: `PAG-${win.ticket_code}` },
    });
    expect(cash0 - (await accountBalance(lotteryDb(app.platform.db), `banca:${bancaId}:cash`))).toBe(
      -60000 * -1,
    );
    const paidRows = await lotteryDb(app.platform.db)
      .selectFrom('lottery_payments')
      .select('id')
      .where('code', '=', win.ticket_code)
      .execute();
    expect(paidRows.length).toBe(1);

    const receipt = await app.app.inject({
      method: 'GET',
      url: `/api/v1/lottery/tickets/${win.ticket_code}/receipt`,
      headers: { cookie: juan },
    });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toContain('text/html');
    expect(receipt.body).toContain('PAGADO RD$600.00');

    // Same Idempotency-Key, same user: the same receipt again; concurrent repeats too.
    const keyed = await Promise.all(
      Array.from({ length: 10 }, () => pay(juan, win2.ticket_code, { 'idempotency-key': 'pay-win2' })),
    );
    expect(keyed.every((r) => r.statusCode === 200)).toBe(true);
    expect(new Set(keyed.map((r) => r.json().receipt.receipt_number)).size).toBe(1);
    expect(keyed.filter((r) => r.json().replayed === false).length).toBe(1);

    // Unclaimed list, then expiry after 90 days.
    const unclaimed = await app.app.inject({
      method: 'GET',
      url: '/api/v1/lottery/prizes/unclaimed',
      headers: { cookie: juan },
    });
    const codes = unclaimed.json().items.map((i: { code: string }) => i.code);
    expect(unclaimed.json().total).toBeGreaterThan(0);
    expect(codes).not.toContain(win.ticket_code);
    expect(codes).not.toContain(open.ticket_code);
    const waiting = await sell(app, juan, [l((await drawOf(app, 'LOTEKA', '2026-02-07')).id, '40')]);
    await at(app, '2026-02-08T05:00:00Z');
    expect(
      (
        await publish(app, admin, {
          lottery: 'LOTEKA',
          draw_date: '2026-02-07',
          first: '40',
          second: '41',
          third: '42',
        })
      ).statusCode,
    ).toBe(201);
    expect((await ticket(app, juan, waiting.ticket_code)).status).toBe('winner');
    await at(app, '2026-05-10T12:00:00Z');
    const expired = await expirePrizes(app.platform);
    expect(expired.expired).toBeGreaterThanOrEqual(1);
    expect((await ticket(app, juan, waiting.ticket_code)).status).toBe('expired');
    const refused = (await pay(juan, waiting.ticket_code)).json().error;
    expect(refused.code).toBe('TICKET_EXPIRED');
    expect(refused.message).toContain(`venció el ${refused.details.expires_at_local}:`);
    expect(refused.details.expires_at_local).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect((await expirePrizes(app.platform)).expired).toBe(0);
  });

  it('sorteos a la misma hora: el ticket se decide cuando todos están liquidados; una corrección lo reabre', async () => {
    const app = t();
    await at(app, '2026-05-11T13:00:00Z');
    const juan = await app.login('juan001');
    const admin = await app.login('admin');
    const date = '2026-05-11';
    const king = await drawOf(app, 'KING', date, '12:30');
    const suerte = await drawOf(app, 'SUERTE', date, '12:30');
    const l = (draw: string, n: string): Line => ({
      draw_id: draw,
      bet_type_code: 'DIRECTO',
      bet_number: n,
      bet_amount: 10,
    });
    const first = await sell(app, juan, [l(king.id, '11'), l(suerte.id, '22')]);
    const second = await sell(app, juan, [l(king.id, '33'), l(suerte.id, '44')]);
    await at(app, '2026-05-11T17:00:00Z');
    const pay = (code: string) =>
      app.app.inject({
        method: 'POST',
        url: `/api/v1/lottery/tickets/${encodeURIComponent(code)}/pay`,
        headers: { cookie: juan },
      });
    const unclaimed = async () =>
      (
        await app.app.inject({
          method: 'GET',
          url: '/api/v1/lottery/prizes/unclaimed',
          headers: { cookie: juan },
        })
      )
        .json()
        .items.map((i: { code: string }) => i.code);
    const quiniela = (lottery: string, numbers: [string, string, string]) =>
      publish(app, admin, {
        lottery,
        draw_date: date,
        draw_time: '12:30',
        first: numbers[0],
        second: numbers[1],
        third: numbers[2],
      });

    expect((await quiniela('SUERTE', ['22', '50', '51'])).statusCode).toBe(201);
    // KING, at the same instant, is not settled yet: the SUERTE line won, the ticket waits.
    const waiting = await ticket(app, juan, first.ticket_code);
    expect(waiting).toMatchObject({ status: 'active', totals: { total_prize: 0 } });
    expect(outcome(waiting).map((o) => o[2])).toEqual(['active', 'winner']);
    expect((await pay(first.ticket_code)).json().error.code).toBe('TICKET_NOT_SETTLED');
    expect(await unclaimed()).not.toContain(first.ticket_code);

    expect((await quiniela('KING', ['97', '98', '99'])).statusCode).toBe(201);
    expect(await ticket(app, juan, first.ticket_code)).toMatchObject({
      status: 'winner',
      totals: { total_prize: 600 },
    });
    expect((await ticket(app, juan, second.ticket_code)).status).toBe('loser');
    expect(await unclaimed()).toContain(first.ticket_code);

    const corrected = await app.app.inject({
      method: 'POST',
      url: '/api/v1/lottery/results/correct',
      headers: { cookie: admin },
      payload: {
        lottery: 'SUERTE',
        draw_date: date,
        draw_time: '12:30',
        first: '44',
        second: '50',
        third: '51',
        reason: 'Acta oficial',
      },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await ticket(app, juan, first.ticket_code)).toMatchObject({
      status: 'loser',
      totals: { total_prize: 0 },
    });
    expect(await ticket(app, juan, second.ticket_code)).toMatchObject({
      status: 'winner',
      totals: { total_prize: 600 },
    });
    const codes = await unclaimed();
    expect(codes).toContain(second.ticket_code);
    expect(codes).not.toContain(first.ticket_code);
    expect((await pay(first.ticket_code)).json().error.code).toBe('TICKET_NOT_WINNER');
    expect((await pay(second.ticket_code)).statusCode).toBe(200);
  });
});
