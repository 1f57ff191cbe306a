import { localTime } from '@matriz/shared/lottery/schedule';
import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { advanceDraws } from './advance-draws.ts';
import { lotteryDb } from './db.ts';
import { findSellableDraws } from './draws.repo.ts';
import { generateDraws } from './generate-draws.ts';

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
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
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
