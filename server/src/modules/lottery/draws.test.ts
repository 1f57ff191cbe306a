import { localTime } from '@matriz/shared/lottery/schedule';
import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { newId } from '../../platform/ids.ts';
import { advanceDraws } from './advance-draws.ts';
import { lotteryDb } from './db.ts';
import { findSellableDraws } from './draws.repo.ts';
import { generateDraws } from './generate-draws.ts';
import { openDraw, THURSDAY_MORNING } from './lottery-test-kit.ts';

interface Draw {
  id: string;
  lottery_code: string;
  draw_date: string;
  draw_time: string;
  close_at: string;
  draw_at: string;
  status: string;
  result_format: string;
}

async function call(
  app: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const response = await app.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { cookie },
    payload: payload as object,
  });
  return { status: response.statusCode, body: response.json() };
}

async function drawsOf(app: TestApp, cookie: string, query = ''): Promise<Draw[]> {
  return (await call(app, cookie, 'GET', `/lottery/draws${query}`)).body.draws;
}

const find = (draws: Draw[], code: string, time?: string) =>
  draws.find((d) => d.lottery_code === code && (!time || d.draw_time === time))!;

async function storedStatus(app: TestApp, id: string): Promise<string> {
  const row = await lotteryDb(app.platform.db)
    .selectFrom('lottery_draws')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.status;
}

// The harness clock starts on Thursday 2026-01-29 at 10:00 in Santo Domingo (14:00 UTC).
describeEngines('sorteos del día', (t) => {
  it('≈70 sorteos hoy, con la forma que espera la venta', async () => {
    const app = t();
    const seller = await app.login('juan001');
    const draws = await drawsOf(app, seller);
    expect(draws.length).toBeGreaterThanOrEqual(65);
    expect(draws.length).toBeLessThanOrEqual(75);
    const real = find(draws, 'REAL');
    expect(real).toMatchObject({
      lottery_name: 'LOTERÍA REAL',
      draw_date: '2026-01-29',
      close_at: '2026-01-29T16:45:00.000Z',
      draw_at: '2026-01-29T16:55:00.000Z',
      status: 'open',
      result_format: 'quiniela',
    });
    expect(find(draws, 'SP_REAL_GM')).toMatchObject({
      result_format: 'composite',
      close_at: '2026-01-29T16:45:00.000Z',
    });
    expect(find(draws, 'JPS', '19:30').draw_at).toBe('2026-01-30T01:30:00.000Z');
    const open = await drawsOf(app, seller, '?status=open');
    expect(open.every((d) => d.status === 'open' && d.close_at > '2026-01-29T14:00:00.000Z')).toBe(true);
    expect(open.length).toBeLessThan(draws.length);
    expect(find(await drawsOf(app, seller, '?status=closed'), 'ANGUILLA', '10:00').close_at).toBe(
      '2026-01-29T13:50:00.000Z',
    );
  });

  it('New York a las 22:30 cae a las 23:30 en Santo Domingo en enero y a las 22:30 en julio', async () => {
    const app = t();
    const admin = await app.login('admin');
    const january = find(await drawsOf(app, admin), 'NEWYORK', '22:30');
    expect(january.draw_at).toBe('2026-01-30T03:30:00.000Z');
    expect(localTime(new Date(january.draw_at), 'America/Santo_Domingo')).toBe('23:30');

    const generated = await call(app, admin, 'POST', '/lottery/draws/generate', {
      from: '2026-07-15',
      days: 1,
    });
    expect(generated.body.created).toBeGreaterThan(60);
    const july = find(await drawsOf(app, admin, '?date=2026-07-15'), 'NEWYORK', '22:30');
    expect(july.draw_at).toBe('2026-07-16T02:30:00.000Z');
    expect(localTime(new Date(july.draw_at), 'America/Santo_Domingo')).toBe('22:30');
    expect(july.status).toBe('scheduled');
    const again = await call(app, admin, 'POST', '/lottery/draws/generate', { from: '2026-07-15', days: 1 });
    expect(again.body.created).toBe(0);
  });

  it('el domingo Leidsa sortea a las 15:55 y Nacional a las 18:00', async () => {
    const app = t();
    const admin = await app.login('admin');
    const sunday = await drawsOf(app, admin, '?date=2026-02-01');
    expect(find(sunday, 'LEIDSA').draw_time).toBe('15:55');
    expect(find(sunday, 'NACIONAL').draw_time).toBe('18:00');
    expect(find(sunday, 'SP_NAC_LEIDSA')).toMatchObject({
      draw_time: '18:00',
      close_at: '2026-02-01T19:45:00.000Z',
    });
    const monday = await drawsOf(app, admin, '?date=2026-02-02');
    expect(find(monday, 'LEIDSA').draw_time).toBe('20:55');
    const week = await call(app, admin, 'GET', '/lottery/schedules');
    const leidsa = week.body.lotteries.find((l: { code: string }) => l.code === 'LEIDSA');
    expect(leidsa.slots.filter((s: { weekday: number }) => s.weekday === 0)).toEqual([
      { weekday: 0, close_time: '15:45', draw_time: '15:55' },
    ]);
  });

  it('cambiar el horario valida las franjas y genera los sorteos nuevos dentro de la ventana de venta', async () => {
    const app = t();
    const admin = await app.login('admin');
    const lotteries = await call(app, admin, 'GET', '/lottery/lotteries?q=loteka');
    const loteka = lotteries.body.items[0];
    const bad = await call(app, admin, 'PUT', `/lottery/lotteries/${loteka.id}/schedule`, {
      slots: [{ weekday: 4, close_time: '20:00', draw_time: '19:55' }],
    });
    expect(bad.body.error).toMatchObject({ code: 'SCHEDULE_SLOT_INVALID', details: { field: 'slots.0' } });
    const current = (await call(app, admin, 'GET', `/lottery/lotteries/${loteka.id}/schedule`)).body.slots;
    const withMorning = [...current, { weekday: 4, close_time: '11:50', draw_time: '12:00' }];
    const saved = await call(app, admin, 'PUT', `/lottery/lotteries/${loteka.id}/schedule`, {
      slots: withMorning,
    });
    expect(saved.body.slots).toHaveLength(8);
    const today = await drawsOf(app, admin, `?lottery_id=${loteka.id}`);
    expect(today.map((d) => d.draw_time)).toEqual(['12:00', '19:55']);
    const duplicate = await call(app, admin, 'PUT', `/lottery/lotteries/${loteka.id}/schedule`, {
      slots: [...withMorning, { weekday: 4, close_time: '11:40', draw_time: '12:00' }],
    });
    expect(duplicate.body.error.code).toBe('SCHEDULE_SLOT_DUPLICATE');
  });

  it('mover la hora de un sorteo quita los sorteos futuros sin ventas de la hora vieja; los que tienen ventas quedan y se informan', async () => {
    const app = t();
    const admin = await app.login('admin');
    const seller = await app.login('juan001');
    const real = (await call(app, admin, 'GET', '/lottery/lotteries?page_size=100')).body.items.find(
      (l: { code: string }) => l.code === 'REAL',
    );
    const original = (await call(app, admin, 'GET', `/lottery/lotteries/${real.id}/schedule`)).body.slots as {
      weekday: number;
      close_time: string;
      draw_time: string;
    }[];
    const timesOn = async (date: string) =>
      (await drawsOf(app, admin, `?lottery_id=${real.id}&date=${date}`)).map((d) => d.draw_time);
    /** REAL's draws at that time not closed yet, whatever day (earlier tests generated some in July). */
    const upcoming = async (time: string) =>
      (
        await lotteryDb(app.platform.db)
          .selectFrom('lottery_draws')
          .select('id')
          .where('lottery_id', '=', real.id)
          .where('draw_time', '=', time)
          .where('status', 'in', ['scheduled', 'open'])
          .execute()
      ).length;
    const tomorrow = find(
      await drawsOf(app, admin, `?lottery_id=${real.id}&date=2026-01-30`),
      'REAL',
      '12:55',
    );
    const sold = await call(app, seller, 'POST', '/lottery/tickets', {
      entry: '57 1',
      draw_ids: [tomorrow.id],
    });
    expect(sold.status).toBe(201);

    const before = await upcoming('12:55');
    const later = original.map((s) =>
      s.draw_time === '12:55' ? { ...s, close_time: '13:20', draw_time: '13:30' } : s,
    );
    const moved = await call(app, admin, 'PUT', `/lottery/lotteries/${real.id}/schedule`, { slots: later });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.draws).toMatchObject({
      removed: before - 1,
      close_changed: 0,
      kept_with_sales: [{ id: tomorrow.id, draw_date: '2026-01-30', draw_time: '12:55' }],
    });
    expect(await timesOn('2026-01-29')).toEqual(['13:30']);
    expect(await timesOn('2026-01-30')).toEqual(['12:55', '13:30']);
    expect(await timesOn('2026-02-04')).toEqual(['13:30']);
    expect(find(await drawsOf(app, seller, '?status=open'), 'REAL')).toMatchObject({
      draw_time: '13:30',
      close_at: '2026-01-29T17:20:00.000Z',
    });

    const closesLater = later.map((s) => ({ ...s, close_time: '13:25' }));
    const retimed = await call(app, admin, 'PUT', `/lottery/lotteries/${real.id}/schedule`, {
      slots: closesLater,
    });
    expect(retimed.body.draws).toMatchObject({
      removed: 0,
      close_changed: await upcoming('13:30'),
      kept_with_sales: [{ id: tomorrow.id }],
    });
    expect(find(await drawsOf(app, admin, `?lottery_id=${real.id}`), 'REAL', '13:30').close_at).toBe(
      '2026-01-29T17:25:00.000Z',
    );

    const at1330 = await upcoming('13:30');
    const back = await call(app, admin, 'PUT', `/lottery/lotteries/${real.id}/schedule`, { slots: original });
    expect(back.body.draws).toMatchObject({ removed: at1330, kept_with_sales: [] });
    expect(await timesOn('2026-01-29')).toEqual(['12:55']);
    expect(await timesOn('2026-01-30')).toEqual(['12:55']);
    const audit = await call(app, admin, 'GET', `/audit?entity=lottery_schedule&entity_id=${real.id}`);
    expect(audit.body.items[0].after.draws_removed).toHaveLength(at1330);
  });

  it('con ventas en sorteos sin liquidar, el formato y la zona horaria no cambian; el resto sí', async () => {
    const app = t();
    const admin = await app.login('admin');
    const seller = await app.login('juan001');
    const loteka = (await call(app, admin, 'GET', '/lottery/lotteries?q=LOTEKA')).body.items[0];
    const patch = (body: object) => call(app, admin, 'PATCH', `/lottery/lotteries/${loteka.id}`, body);
    // Without sales nothing stops the change.
    expect((await patch({ time_zone: 'America/New_York' })).status).toBe(200);
    expect((await patch({ time_zone: loteka.time_zone })).status).toBe(200);

    const sold = await call(app, seller, 'POST', '/lottery/tickets', { entry: 'LOTEKA|23|10' });
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
    for (const [field, value] of [
      ['result_format', 'pick3'],
      ['time_zone', 'America/New_York'],
    ] as const) {
      const refused = await patch({ [field]: value, name: 'OTRO NOMBRE' });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'LOTTERY_HAS_SALES',
        details: { field, fields: [field], lottery: loteka.name, draws: 1 },
      });
      expect(refused.body.error.message).toContain(`La lotería «${loteka.name}» tiene ventas en 1 sorteo(s)`);
    }
    const unchanged = (await call(app, admin, 'GET', `/lottery/lotteries/${loteka.id}`)).body.lottery;
    expect(unchanged).toMatchObject({
      name: loteka.name,
      result_format: 'quiniela',
      time_zone: loteka.time_zone,
    });

    // The form sends every field: the same format and zone with a new name and order is saved.
    const renamed = await patch({
      name: 'LOTEKA NOCHE',
      sort_order: 99,
      result_format: loteka.result_format,
      time_zone: loteka.time_zone,
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.lottery).toMatchObject({ name: 'LOTEKA NOCHE', sort_order: 99 });
    expect((await patch({ name: loteka.name, sort_order: loteka.sort_order })).status).toBe(200);

    // Once the sale is cancelled no sold ticket depends on them any more.
    const cancelled = await call(
      app,
      seller,
      'POST',
      `/lottery/tickets/${sold.body.ticket.ticket_code}/cancel`,
      {
        reason: 'cliente se arrepintió',
      },
    );
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect((await patch({ time_zone: 'America/New_York' })).status).toBe(200);
    expect((await patch({ time_zone: loteka.time_zone })).status).toBe(200);
  });

  it('un Super Palé con ventas sin liquidar conserva sus loterías de origen: contra ellas se pagan', async () => {
    const app = t();
    const admin = await app.login('admin');
    const seller = await app.login('juan001');
    const lotteries = (await call(app, admin, 'GET', '/lottery/lotteries?page_size=100')).body.items;
    const byCode = (code: string) => lotteries.find((l: { code: string }) => l.code === code);
    const superPale = byCode('SP_REAL_GM');
    const other = byCode('NACIONAL');
    const patch = (body: object) => call(app, admin, 'PATCH', `/lottery/lotteries/${superPale.id}`, body);
    expect((await patch({ source_b_id: other.id })).status).toBe(200);
    expect((await patch({ source_b_id: superPale.source_b_id })).status).toBe(200);

    const sold = await call(app, seller, 'POST', '/lottery/tickets', { entry: 'SP_REAL_GM|2350|10' });
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
    const refused = await patch({ source_a_id: superPale.source_a_id, source_b_id: other.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'LOTTERY_HAS_SALES',
      details: { field: 'source_b_id', fields: ['source_b_id'], draws: 1 },
    });
    expect(refused.body.error.message).toContain('sus loterías de origen');
    const kept = (await call(app, admin, 'GET', `/lottery/lotteries/${superPale.id}`)).body.lottery;
    expect([kept.source_a_id, kept.source_b_id]).toEqual([superPale.source_a_id, superPale.source_b_id]);
    // The form sends the sources it was given: unchanged, with a new name, they are saved.
    const renamed = await patch({
      name: 'SUPER PALÉ TARDE',
      source_a_id: superPale.source_a_id,
      source_b_id: superPale.source_b_id,
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect((await patch({ name: superPale.name })).status).toBe(200);
  });

  it('buscar loterías no distingue mayúsculas ni acentos', async () => {
    const app = t();
    const admin = await app.login('admin');
    const codes = async (q: string) =>
      (
        await call(app, admin, 'GET', `/lottery/lotteries?page_size=100&q=${encodeURIComponent(q)}`)
      ).body.items.map((l: { code: string }) => l.code);
    expect(await codes('GANA MÁS')).toEqual(expect.arrayContaining(['GANAMAS', 'SP_REAL_GM']));
    expect(await codes('gana mas')).toEqual(await codes('GANA MÁS'));
    expect(await codes('loteria')).toEqual(expect.arrayContaining(['REAL', 'NACIONAL']));
    expect(await codes('LOTERÍA')).toEqual(await codes('loteria'));
    expect(await codes('pale')).toEqual(expect.arrayContaining(['SP_REAL_GM']));
  });

  it('un compuesto necesita dos loterías de quiniela distintas', async () => {
    const app = t();
    const admin = await app.login('admin');
    const quinielas = (
      await call(app, admin, 'GET', '/lottery/lotteries?result_format=quiniela&page_size=100')
    ).body.items;
    const pick3 = (await call(app, admin, 'GET', '/lottery/lotteries?result_format=pick3')).body.items[0];
    const base = {
      code: 'SP_X',
      name: 'SUPER PALÉ X',
      country: 'DO',
      time_zone: 'America/Santo_Domingo',
      result_format: 'composite',
    };
    const missing = await call(app, admin, 'POST', '/lottery/lotteries', base);
    expect(missing.body.error).toMatchObject({
      code: 'COMPOSITE_NEEDS_SOURCES',
      details: { field: 'source_a_id' },
    });
    const wrong = await call(app, admin, 'POST', '/lottery/lotteries', {
      ...base,
      source_a_id: quinielas[0].id,
      source_b_id: pick3.id,
    });
    expect(wrong.body.error).toMatchObject({
      code: 'COMPOSITE_SOURCE_INVALID',
      details: { field: 'source_b_id' },
    });
    const created = await call(app, admin, 'POST', '/lottery/lotteries', {
      ...base,
      source_a_id: quinielas[0].id,
      source_b_id: quinielas[1].id,
    });
    expect(created.status).toBe(201);
    const badZone = await call(app, admin, 'POST', '/lottery/lotteries', {
      ...base,
      code: 'SP_Y',
      time_zone: 'Nowhere/City',
    });
    expect(badZone.status).toBe(400);
    expect((await call(app, admin, 'DELETE', `/lottery/lotteries/${created.body.lottery.id}`)).status).toBe(
      200,
    );
    const real = quinielas.find((l: { code: string }) => l.code === 'REAL');
    const source = await call(app, admin, 'DELETE', `/lottery/lotteries/${real.id}`);
    expect(source.body.error.code).toBe('RECORD_IN_USE');
  });
});

describeEngines('el reloj cierra las ventas', (t) => {
  it('después de close_at no se vende aunque la fila siga diciendo open', async () => {
    const app = t();
    const admin = await app.login('admin');
    const real = find(await drawsOf(app, admin), 'REAL');
    const db = lotteryDb(app.platform.db);
    expect((await findSellableDraws(db, [real.id], app.clock.now())).map((d) => d.id)).toEqual([real.id]);

    app.clock.set('2026-01-29T16:44:59.999Z');
    expect(await findSellableDraws(db, [real.id], app.clock.now())).toHaveLength(1);
    app.clock.set('2026-01-29T16:45:00.000Z');
    expect(await storedStatus(app, real.id)).toBe('open');
    expect(await findSellableDraws(db, [real.id], app.clock.now())).toHaveLength(0);
    expect(find(await drawsOf(app, admin), 'REAL').status).toBe('closed');
    expect(find(await drawsOf(app, admin, '?status=open'), 'REAL')).toBeUndefined();

    const { closed } = await advanceDraws(app.platform);
    expect(closed).toContain(real.id);
    expect(await storedStatus(app, real.id)).toBe('closed');
    const audit = await call(app, admin, 'GET', '/audit?entity=lottery_draw&action=close_by_clock');
    expect(audit.body.items[0].after.ids).toContain(real.id);
  });

  it('un admin cierra antes de hora y reabre antes del sorteo, con motivo auditado', async () => {
    const app = t();
    const admin = await app.login('admin');
    const loteka = find(await drawsOf(app, admin), 'LOTEKA');
    const noReason = await call(app, admin, 'POST', `/lottery/draws/${loteka.id}/close`, {});
    expect(noReason.status).toBe(400);
    const closed = await call(app, admin, 'POST', `/lottery/draws/${loteka.id}/close`, {
      reason: 'Falla del proveedor',
    });
    expect(closed.body.draw.status).toBe('closed');
    expect(await findSellableDraws(lotteryDb(app.platform.db), [loteka.id], app.clock.now())).toHaveLength(0);
    const twice = await call(app, admin, 'POST', `/lottery/draws/${loteka.id}/close`, { reason: 'otra vez' });
    expect(twice.body.error).toMatchObject({ code: 'DRAW_NOT_OPEN', details: { status: 'closed' } });

    const late = await call(app, admin, 'POST', `/lottery/draws/${loteka.id}/reopen`, {
      reason: 'Proveedor restablecido',
      close_at: '2026-01-30T01:00:00Z',
    });
    expect(late.body.error).toMatchObject({ code: 'DRAW_CLOSE_AT_INVALID', details: { field: 'close_at' } });
    const reopened = await call(app, admin, 'POST', `/lottery/draws/${loteka.id}/reopen`, {
      reason: 'Proveedor restablecido',
    });
    expect(reopened.body.draw).toMatchObject({ status: 'open', close_at: loteka.close_at });
    const notClosed = await call(app, admin, 'POST', `/lottery/draws/${loteka.id}/reopen`, {
      reason: 'x'.repeat(5),
    });
    expect(notClosed.body.error.code).toBe('DRAW_NOT_CLOSED');

    const audit = await call(app, admin, 'GET', `/audit?entity=lottery_draw&entity_id=${loteka.id}`);
    expect(
      audit.body.items.map((i: { action: string; after: { reason: string } }) => [i.action, i.after.reason]),
    ).toEqual([
      ['reopen', 'Proveedor restablecido'],
      ['close_early', 'Falla del proveedor'],
    ]);

    // Past its close by the clock: reopening until a later instant before the draw is allowed.
    app.clock.set('2026-01-29T23:50:00.000Z');
    const extended = await call(app, admin, 'POST', `/lottery/draws/${loteka.id}/reopen`, {
      reason: 'Extensión autorizada',
      close_at: '2026-01-29T19:52:00-04:00',
    });
    expect(extended.body.draw).toMatchObject({ status: 'open', close_at: '2026-01-29T23:52:00.000Z' });
    app.clock.set('2026-01-29T23:56:00.000Z');
    const drawn = await call(app, admin, 'POST', `/lottery/draws/${loteka.id}/reopen`, {
      reason: 'demasiado tarde',
    });
    expect(drawn.body.error.code).toBe('DRAW_ALREADY_DRAWN');

    const seller = await app.login('juan001');
    expect(
      (await call(app, seller, 'POST', `/lottery/draws/${loteka.id}/close`, { reason: 'no puedo' })).status,
    ).toBe(403);
  });

  it('los sorteos más allá de la ventana quedan programados y se abren cuando entran en ella', async () => {
    const app = t();
    app.clock.set('2026-01-29T14:00:00.000Z');
    const { created } = await generateDraws(app.platform, '2026-02-06', 1);
    expect(created).toBeGreaterThan(60);
    const admin = await app.login('admin');
    const later = await drawsOf(app, admin, '?date=2026-02-06');
    expect(new Set(later.map((d) => d.status))).toEqual(new Set(['scheduled']));
    app.clock.set('2026-01-30T14:00:00.000Z');
    const { opened } = await advanceDraws(app.platform);
    expect(opened).toEqual(expect.arrayContaining(later.map((d) => d.id)));
    const nextDay = await app.login('admin');
    expect(new Set((await drawsOf(app, nextDay, '?date=2026-02-06')).map((d) => d.status))).toEqual(
      new Set(['open']),
    );
  });
});

describeEngines('cambiar la zona horaria de una lotería', (t) => {
  const HOUR = 3_600_000;
  const lotteryNamed = async (app: TestApp, cookie: string, code: string) =>
    (await call(app, cookie, 'GET', `/lottery/lotteries?q=${code}`)).body.items[0] as {
      id: string;
      time_zone: string;
    };
  const storedDraws = (app: TestApp, lotteryId: string) =>
    lotteryDb(app.platform.db)
      .selectFrom('lottery_draws')
      .select(['id', 'draw_date', 'draw_time', 'status', 'close_at', 'draw_at', 'business_date', 'closed_at'])
      .where('lottery_id', '=', lotteryId)
      .orderBy('draw_at')
      .execute();
  const sellInto = (app: TestApp, cookie: string, drawId: string) =>
    call(app, cookie, 'POST', '/lottery/tickets', { entry: '57 1', draw_ids: [drawId] });
  const lastAudit = async (app: TestApp, cookie: string, lotteryId: string) =>
    (await call(app, cookie, 'GET', `/audit?entity=lottery_lottery&entity_id=${lotteryId}`)).body.items[0];

  it('de Santo Domingo a Costa Rica los sorteos abiertos cierran y sortean dos horas después; uno ya cerrado queda igual', async () => {
    const app = t();
    app.clock.set(THURSDAY_MORNING);
    await generateDraws(app.platform, '2026-01-28', 1);
    const admin = await app.login('admin');
    const seller = await app.login('juan001');
    const primera = await lotteryNamed(app, admin, 'PRIMERA');
    expect(primera.time_zone).toBe('America/Santo_Domingo');
    // A ticket sold and cancelled leaves nothing under a customer: its draw moves like the others.
    const evening = find(await drawsOf(app, seller, `?lottery_id=${primera.id}`), 'PRIMERA', '20:00');
    const voided = await sellInto(app, seller, evening.id);
    expect(voided.status, JSON.stringify(voided.body)).toBe(201);
    const cancel = await call(
      app,
      seller,
      'POST',
      `/lottery/tickets/${voided.body.ticket.ticket_code}/cancel`,
      {
        reason: 'cliente se arrepintió',
      },
    );
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    const before = await storedDraws(app, primera.id);
    const closed = before.filter((d) => d.status === 'closed');
    const ahead = before.filter((d) => d.status === 'open' || d.status === 'scheduled');
    expect(closed.map((d) => d.draw_date)).toEqual(['2026-01-28', '2026-01-28']);
    expect(ahead.length).toBeGreaterThan(2);

    const changed = await call(app, admin, 'PATCH', `/lottery/lotteries/${primera.id}`, {
      time_zone: 'America/Costa_Rica',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const after = await storedDraws(app, primera.id);
    const shifted = (iso: string) => new Date(Date.parse(iso) + 2 * HOUR).toISOString();
    expect(after).toEqual(
      expect.arrayContaining([
        ...closed,
        ...ahead.map((d) => ({ ...d, close_at: shifted(d.close_at), draw_at: shifted(d.draw_at) })),
      ]),
    );
    expect(after).toHaveLength(before.length);
    expect(await lastAudit(app, admin, primera.id)).toMatchObject({
      before: { time_zone: 'America/Santo_Domingo' },
      after: { time_zone: 'America/Costa_Rica', draws_moved: ahead.length, draws_closed: [] },
    });

    // Today's 12:00 draw now closes at 11:50 in Costa Rica (17:50Z), no longer 11:50 in Santo Domingo (15:50Z).
    const noon = find(await drawsOf(app, seller, `?lottery_id=${primera.id}`), 'PRIMERA', '12:00');
    expect(noon).toMatchObject({ close_at: '2026-01-29T17:50:00.000Z', draw_at: '2026-01-29T18:00:00.000Z' });
    app.clock.set('2026-01-29T16:00:00.000Z');
    const late = await sellInto(app, seller, noon.id);
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    app.clock.set('2026-01-29T17:50:00.001Z');
    const tooLate = await sellInto(app, seller, noon.id);
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.error).toMatchObject({
      code: 'DRAW_CLOSED',
      details: { lottery: 'PRIMERA', close_at: '2026-01-29T17:50:00.000Z' },
    });
    app.clock.set(THURSDAY_MORNING);
  });

  it('un sorteo cuyo cierre en la zona nueva ya pasó queda cerrado, sin venta, y la auditoría lo dice', async () => {
    const app = t();
    app.clock.set('2026-01-29T16:00:00.000Z');
    const admin = await app.login('admin');
    const seller = await app.login('juan001');
    const suerte = await lotteryNamed(app, admin, 'SUERTE');
    const today = (await storedDraws(app, suerte.id)).filter((d) => d.draw_date === '2026-01-29');
    expect(today.map((d) => [d.draw_time, d.status, d.close_at])).toEqual([
      ['12:30', 'open', '2026-01-29T16:20:00.000Z'],
      ['18:00', 'open', '2026-01-29T21:50:00.000Z'],
    ]);

    // 12:20 in São Paulo (UTC−3) was 15:20Z: already past at 16:00Z.
    const changed = await call(app, admin, 'PATCH', `/lottery/lotteries/${suerte.id}`, {
      time_zone: 'America/Sao_Paulo',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const [midday, evening] = (await storedDraws(app, suerte.id)).filter((d) => d.draw_date === '2026-01-29');
    expect(midday).toMatchObject({
      id: today[0].id,
      status: 'closed',
      close_at: '2026-01-29T15:20:00.000Z',
      closed_at: '2026-01-29T15:20:00.000Z',
      draw_at: '2026-01-29T15:30:00.000Z',
    });
    expect(evening).toMatchObject({ status: 'open', close_at: '2026-01-29T20:50:00.000Z' });
    expect((await lastAudit(app, admin, suerte.id)).after).toMatchObject({ draws_closed: [midday.id] });
    const refused = await sellInto(app, seller, midday.id);
    expect(refused.body.error).toMatchObject({ code: 'DRAW_CLOSED', details: { lottery: 'SUERTE' } });
    expect((await sellInto(app, seller, evening.id)).status).toBe(201);
    app.clock.set(THURSDAY_MORNING);
  });

  it('una venta en curso mientras se cambia la zona: el cambio la espera y se rechaza con LOTTERY_HAS_SALES', async () => {
    const app = t();
    app.clock.set(THURSDAY_MORNING);
    const admin = await app.login('admin');
    const seller = await app.login('juan001');
    const lotedom = await lotteryNamed(app, admin, 'LOTEDOM');
    const elsewhere = await sellInto(app, seller, await openDraw(app, 'REAL'));
    expect(elsewhere.status).toBe(201);
    const soldLine = await lotteryDb(app.platform.db)
      .selectFrom('lottery_ticket_lines')
      .selectAll()
      .where('ticket_id', '=', elsewhere.body.ticket.ticket_id)
      .executeTakeFirstOrThrow();
    const drawId = find(await drawsOf(app, admin, `?lottery_id=${lotedom.id}`), 'LOTEDOM').id;

    let finishSale!: () => void;
    let lineWritten!: () => void;
    const written = new Promise<void>((resolve) => {
      lineWritten = resolve;
    });
    // A sale's transaction that has written its line and not committed yet.
    const sale = app.platform.db.transaction().execute(async (trx) => {
      await lotteryDb(trx)
        .insertInto('lottery_ticket_lines')
        .values({ ...soldLine, id: newId(), draw_id: drawId, lottery_id: lotedom.id, status: 'pending' })
        .execute();
      lineWritten();
      await new Promise<void>((resolve) => {
        finishSale = resolve;
      });
    });
    await written;
    const change = call(app, admin, 'PATCH', `/lottery/lotteries/${lotedom.id}`, {
      time_zone: 'America/Costa_Rica',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    finishSale();
    await sale;
    const refused = await change;
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'LOTTERY_HAS_SALES', details: { draws: 1 } });
    expect((await call(app, admin, 'GET', `/lottery/lotteries/${lotedom.id}`)).body.lottery.time_zone).toBe(
      'America/Santo_Domingo',
    );
  });
});
