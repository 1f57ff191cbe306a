import { applyRate } from '@matriz/shared/money';
import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { lotteryDb } from './db.ts';
import { resolveCommissionRate, resolveCommissionRates } from './resolve-commissions.ts';
import { prizeKey, resolvePrizeMultiplier, resolvePrizeTablesForSale } from './resolve-prizes.ts';

async function call(
  app: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
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

interface Ids {
  banca: Record<string, string>;
  lottery: Record<string, string>;
}

async function ids(app: TestApp, cookie: string): Promise<Ids> {
  const bancas = (await call(app, cookie, 'GET', '/lottery/bancas?page_size=100')).body.items;
  const lotteries = (await call(app, cookie, 'GET', '/lottery/lotteries?page_size=100')).body.items;
  return {
    banca: Object.fromEntries(bancas.map((b: { code: string; id: string }) => [b.code, b.id])),
    lottery: Object.fromEntries(lotteries.map((l: { code: string; id: string }) => [l.code, l.id])),
  };
}

async function realDraws(app: TestApp, cookie: string, lotteryId: string) {
  const today = (await call(app, cookie, 'GET', `/lottery/draws?lottery_id=${lotteryId}`)).body.draws[0];
  const tomorrow = (await call(app, cookie, 'GET', `/lottery/draws?lottery_id=${lotteryId}&date=2026-01-30`))
    .body.draws[0];
  return { today, tomorrow };
}

describeEngines('jugadas, premios y comisiones', (t) => {
  it('las 25 jugadas con sus clases de premio; se desactivan y reactivan con auditoría', async () => {
    const app = t();
    const admin = await app.login('admin');
    const list = await call(app, admin, 'GET', '/lottery/bet-types');
    expect(list.body.bet_types).toHaveLength(25);
    expect(list.body.bet_types.find((b: { code: string }) => b.code === 'PALE')).toMatchObject({
      name: 'Palé',
      result_formats: ['quiniela'],
      number_length: 4,
      prize_classes: ['first_second', 'first_third', 'second_third'],
      active: true,
    });
    expect((await call(app, admin, 'POST', '/lottery/bet-types/PULITO/deactivate')).status).toBe(200);
    const after = await call(app, admin, 'GET', '/lottery/bet-types');
    expect(after.body.bet_types.find((b: { code: string }) => b.code === 'PULITO').active).toBe(false);
    expect((await call(app, admin, 'POST', '/lottery/bet-types/PULITO/reactivate')).status).toBe(200);
    expect((await call(app, admin, 'POST', '/lottery/bet-types/NOPE/deactivate')).status).toBe(400);
    const audit = await call(app, admin, 'GET', '/audit?entity=lottery_bet_type');
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual(['reactivate', 'deactivate']);
  });

  it('precedencia de premios: general < banca < lotería < sorteo', async () => {
    const app = t();
    const admin = await app.login('admin');
    const { banca, lottery } = await ids(app, admin);
    const { today, tomorrow } = await realDraws(app, admin, lottery.REAL);
    const effective = async (bancaCode: string, drawId: string) => {
      const response = await call(
        app,
        admin,
        'GET',
        `/lottery/prize-tables/effective?banca_id=${banca[bancaCode]}&draw_id=${drawId}`,
      );
      return response.body.entries.find(
        (e: { bet_type: string; prize_class: string }) =>
          e.bet_type === 'DIRECTO' && e.prize_class === 'first',
      );
    };
    expect(await effective('011', today.id)).toEqual({
      bet_type: 'DIRECTO',
      prize_class: 'first',
      multiplier: 60,
      source: 'default',
    });
    expect((await effective('020', today.id)).multiplier).toBe(56);

    const general = (await call(app, admin, 'GET', '/lottery/prize-tables?scope=default')).body.entries;
    const edited = general
      .filter((e: { multiplier: number | null }) => e.multiplier !== null)
      .map((e: { bet_type: string; prize_class: string; multiplier: number }) => ({
        bet_type: e.bet_type,
        prize_class: e.prize_class,
        multiplier: e.bet_type === 'DIRECTO' && e.prize_class === 'first' ? 65 : e.multiplier,
      }));
    expect(
      (await call(app, admin, 'PUT', '/lottery/prize-tables', { scope: 'default', entries: edited })).status,
    ).toBe(200);
    expect((await effective('011', today.id)).multiplier).toBe(65);

    const put = (scope: string, scopeId: string, multiplier: number) =>
      call(app, admin, 'PUT', '/lottery/prize-tables', {
        scope,
        scope_id: scopeId,
        entries: [{ bet_type: 'DIRECTO', prize_class: 'first', multiplier }],
      });
    expect(
      (await put('banca', banca['011'], 70)).body.entries.find(
        (e: { bet_type: string; prize_class: string }) =>
          e.bet_type === 'DIRECTO' && e.prize_class === 'first',
      ),
    ).toEqual({
      bet_type: 'DIRECTO',
      prize_class: 'first',
      multiplier: 70,
      effective_multiplier: 70,
      source: 'banca',
    });
    expect(await effective('011', today.id)).toMatchObject({ multiplier: 70, source: 'banca' });
    await put('lottery', lottery.REAL, 75);
    expect(await effective('011', today.id)).toMatchObject({ multiplier: 75, source: 'lottery' });
    await put('draw', today.id, 80);
    expect(await effective('011', today.id)).toMatchObject({ multiplier: 80, source: 'draw' });
    expect(await effective('012', today.id)).toMatchObject({ multiplier: 80, source: 'draw' });
    expect(await effective('011', tomorrow.id)).toMatchObject({ multiplier: 75, source: 'lottery' });

    const db = lotteryDb(app.platform.db);
    expect(
      await resolvePrizeMultiplier(db, {
        bancaId: banca['011'],
        lotteryId: lottery.REAL,
        drawId: today.id,
        betType: 'DIRECTO',
        prizeClass: 'first',
      }),
    ).toEqual({ multiplier: 8000, source: 'draw' });
    expect(
      await resolvePrizeMultiplier(db, {
        bancaId: banca['011'],
        lotteryId: lottery.NACIONAL,
        betType: 'DIRECTO',
        prizeClass: 'first',
      }),
    ).toEqual({ multiplier: 7000, source: 'banca' });
    expect(await resolvePrizeMultiplier(db, { betType: 'REVENTADO', prizeClass: 'red_ball' })).toBeNull();
    const forSale = await resolvePrizeTablesForSale(db, banca['011'], [
      { id: today.id, lottery_id: lottery.REAL },
      { id: tomorrow.id, lottery_id: lottery.REAL },
    ]);
    expect(forSale.get(today.id)!.get(prizeKey('DIRECTO', 'first'))!.multiplier).toBe(8000);
    expect(forSale.get(tomorrow.id)!.get(prizeKey('DIRECTO', 'first'))!.multiplier).toBe(7500);
    expect(forSale.get(tomorrow.id)!.get(prizeKey('PALE', 'first_second'))).toEqual({
      multiplier: 100_000,
      source: 'default',
    });

    const cleared = await call(app, admin, 'PUT', '/lottery/prize-tables', {
      scope: 'draw',
      scope_id: today.id,
      entries: [],
    });
    expect(cleared.status).toBe(200);
    expect(await effective('011', today.id)).toMatchObject({ multiplier: 75, source: 'lottery' });
    const audit = await call(app, admin, 'GET', '/audit?entity=lottery_prize_table');
    expect(audit.body.items).toHaveLength(5);
  });

  it('las tablas de premios rechazan clases ajenas, repetidos, más de dos decimales y ámbitos sin id', async () => {
    const app = t();
    const admin = await app.login('admin');
    const { banca } = await ids(app, admin);
    const put = (body: object) => call(app, admin, 'PUT', '/lottery/prize-tables', body);
    const entry = (bet_type: string, prize_class: string, multiplier = 10) => ({
      bet_type,
      prize_class,
      multiplier,
    });
    const scope = { scope: 'banca', scope_id: banca['030'] };
    expect((await put({ ...scope, entries: [entry('PALE', 'first')] })).body.error).toMatchObject({
      code: 'PRIZE_CLASS_UNKNOWN',
      details: { field: 'entries.0.prize_class' },
    });
    expect((await put({ ...scope, entries: [entry('REVENTADO', 'red_ball')] })).body.error.code).toBe(
      'PRIZE_CLASS_UNKNOWN',
    );
    expect(
      (await put({ ...scope, entries: [entry('DIRECTO', 'first'), entry('DIRECTO', 'first')] })).body.error,
    ).toMatchObject({
      code: 'DUPLICATE_ENTRY',
      details: { field: 'entries.1' },
    });
    expect((await put({ scope: 'banca', entries: [] })).body.error.code).toBe('PRIZE_SCOPE_ID_REQUIRED');
    expect((await put({ ...scope, entries: [entry('CASH3_BOX', 'box_6', 83.333)] })).status).toBe(400);
    const box = await put({ ...scope, entries: [entry('CASH3_BOX', 'box_6', 83.33)] });
    expect(
      box.body.entries.find((e: { prize_class: string }) => e.prize_class === 'box_6').effective_multiplier,
    ).toBe(83.33);
    const row = await lotteryDb(app.platform.db)
      .selectFrom('lottery_prize_multipliers')
      .select('multiplier')
      .where('scope_id', '=', banca['030'])
      .executeTakeFirstOrThrow();
    expect(Number(row.multiplier)).toBe(8333);
    const seller = await app.login('juan001');
    expect((await call(app, seller, 'PUT', '/lottery/prize-tables', { ...scope, entries: [] })).status).toBe(
      403,
    );
  });

  it('comisiones de la demo = tabla de spec 002, y reproducen spec 003 §6.1 (14.40 y neto 143.10)', async () => {
    const app = t();
    const seller = await app.login('juan001');
    const admin = await app.login('admin');
    const { banca, lottery } = await ids(app, admin);
    const scheme = await call(app, seller, 'GET', `/lottery/commissions?banca_id=${banca['010']}`);
    const percent = Object.fromEntries(
      scheme.body.entries.map((e: { bet_type: string; effective_percent: number }) => [
        e.bet_type,
        e.effective_percent,
      ]),
    );
    expect(percent).toMatchObject({
      DIRECTO: 8,
      PALE: 10,
      TRIPLETA: 12,
      CASH3_STRAIGHT: 7,
      CASH3_BOX: 7,
      PLAY4_STRAIGHT: 7,
      PLAY4_BOX: 7,
    });
    expect(percent.SUPER_PALE).toBe(0);

    // Spec 003 §6.1: lines of 100, 50 and 25 with a 10 % discount → totals 90, 45 and 22.50.
    const rateOf = await resolveCommissionRates(lotteryDb(app.platform.db), banca['010'], [
      lottery.REAL,
      lottery.NACIONAL,
    ]);
    const lines: [string, string, number][] = [
      [lottery.REAL, 'DIRECTO', 9000],
      [lottery.REAL, 'PALE', 4500],
      [lottery.NACIONAL, 'TRIPLETA', 2250],
    ];
    const commission = lines.reduce(
      (sum, [lotteryId, betType, total]) => sum + applyRate(total, rateOf(lotteryId, betType).rateBp),
      0,
    );
    expect(commission).toBe(1440);
    expect(15_750 - commission).toBe(14_310);
  });

  it('precedencia de comisiones: banca×lotería < … la más específica gana', async () => {
    const app = t();
    const admin = await app.login('admin');
    const { banca, lottery } = await ids(app, admin);
    const put = (
      banca_id: string | null,
      lottery_id: string | null,
      entries: { bet_type: string; percent: number }[],
    ) => call(app, admin, 'PUT', '/lottery/commissions', { banca_id, lottery_id, entries });
    expect((await put(null, null, [{ bet_type: 'DIRECTO', percent: 5 }])).status).toBe(200);
    expect((await put(null, lottery.LOTEKA, [{ bet_type: 'DIRECTO', percent: 6 }])).status).toBe(200);
    const withLottery = await put(banca['010'], lottery.REAL, [{ bet_type: 'DIRECTO', percent: 9.5 }]);
    expect(withLottery.body.entries.find((e: { bet_type: string }) => e.bet_type === 'DIRECTO')).toEqual({
      bet_type: 'DIRECTO',
      percent: 9.5,
      effective_percent: 9.5,
      source: 'banca_lottery',
    });
    const zone = (await call(app, admin, 'GET', '/lottery/zones')).body.items[0];
    const fresh = (
      await call(app, admin, 'POST', '/lottery/bancas', {
        code: '077',
        name: 'NUEVA',
        owner_name: 'X',
        zone_id: zone.id,
      })
    ).body.banca;

    const db = lotteryDb(app.platform.db);
    const rate = (bancaId: string, lotteryId: string) =>
      resolveCommissionRate(db, { bancaId, lotteryId, betType: 'DIRECTO' });
    expect(await rate(banca['010'], lottery.REAL)).toEqual({ rateBp: 950, source: 'banca_lottery' });
    expect(await rate(banca['010'], lottery.LOTEKA)).toEqual({ rateBp: 800, source: 'banca' });
    expect(await rate(fresh.id, lottery.LOTEKA)).toEqual({ rateBp: 600, source: 'all_lottery' });
    expect(await rate(fresh.id, lottery.REAL)).toEqual({ rateBp: 500, source: 'all' });
    expect(await resolveCommissionRate(db, { bancaId: fresh.id, lotteryId: null, betType: 'PALE' })).toEqual({
      rateBp: 0,
      source: 'none',
    });

    expect((await put(banca['010'], null, [{ bet_type: 'DIRECTO', percent: 8.125 }])).status).toBe(400);
    const duplicate = await put(banca['010'], null, [
      { bet_type: 'DIRECTO', percent: 8 },
      { bet_type: 'DIRECTO', percent: 9 },
    ]);
    expect(duplicate.body.error.code).toBe('DUPLICATE_ENTRY');
    const audit = await call(app, admin, 'GET', '/audit?entity=lottery_commission_scheme');
    expect(audit.body.items).toHaveLength(3);
  });
});

describeEngines(
  'perfil de demostración cr: tiempos en colones',
  (t) => {
    it('JPS 12:55, 16:30 y 19:30 en America/Costa_Rica, sorteos privados, ₡ y tiempos a 90× (JPS 70×)', async () => {
      const app = t();
      const admin = await app.login('admin');
      const settings = (await call(app, admin, 'GET', '/lottery/settings')).body.settings;
      expect(settings).toMatchObject({
        currency_code: 'CRC',
        currency_symbol: '₡',
        time_zone: 'America/Costa_Rica',
      });
      const draws = (await call(app, admin, 'GET', '/lottery/draws')).body.draws as {
        lottery_code: string;
        draw_time: string;
        result_format: string;
        business_date: string;
      }[];
      expect(draws.filter((d) => d.lottery_code === 'JPS').map((d) => d.draw_time)).toEqual([
        '12:55',
        '16:30',
        '19:30',
      ]);
      expect(new Set(draws.map((d) => d.result_format))).toEqual(new Set(['tiempos']));
      expect(draws.length).toBeGreaterThan(10);
      expect(draws[0].business_date).toBe('2026-01-29');
      const { banca, lottery } = await ids(app, admin);
      expect(Object.keys(banca)).toContain('P01');
      const db = lotteryDb(app.platform.db);
      expect(
        await resolvePrizeMultiplier(db, {
          bancaId: banca.P01,
          lotteryId: lottery.TICA,
          betType: 'TIEMPOS',
          prizeClass: 'hit',
        }),
      ).toEqual({
        multiplier: 9000,
        source: 'default',
      });
      expect(
        await resolvePrizeMultiplier(db, {
          bancaId: banca.P01,
          lotteryId: lottery.JPS,
          betType: 'TIEMPOS',
          prizeClass: 'hit',
        }),
      ).toEqual({
        multiplier: 7000,
        source: 'lottery',
      });
      const seller = await app.login('juan001');
      expect((await call(app, seller, 'GET', '/lottery/my-bancas')).body.items[0]).toMatchObject({
        code: 'P01',
        print_format: 'thermal_58mm',
      });
    });
  },
  { demo: 'cr' },
);
