import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { lotteryDb } from './db.ts';
import { openDraw, THURSDAY_MORNING } from './lottery-test-kit.ts';

async function call(app: TestApp, cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return app.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload });
}

type RuleView = {
  number: string | null;
  weekday: number | null;
  starts_on: string | null;
  ends_on: string | null;
  draw: { lottery_code: string; draw_date: string; draw_time: string } | null;
};

describeEngines(
  'reglas de límite por sorteo, día de la semana y fechas',
  (t) => {
    it('el listado dice a qué sorteo, día y fechas se limita cada regla, y la venta de ese día se frena', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      const drawId = await openDraw(app, 'REAL');
      const draw = await lotteryDb(app.platform.db)
        .selectFrom('lottery_draws')
        .select(['lottery_id', 'draw_date', 'draw_time'])
        .where('id', '=', drawId)
        .executeTakeFirstOrThrow();
      const rule = { level: 'number', bet_type: 'DIRECTO', lottery_id: draw.lottery_id };
      for (const body of [
        { ...rule, number: '77', weekday: 4, max_amount: 10 },
        { ...rule, number: '78', starts_on: '2026-01-29', ends_on: '2026-01-29', max_amount: 5 },
        { ...rule, number: '79', weekday: 0, max_amount: 1 },
        { ...rule, number: '80', draw_id: drawId, max_amount: 3 },
      ]) {
        const created = await call(app, admin, 'POST', '/lottery/limits', body);
        expect(created.statusCode, created.body).toBe(201);
      }

      const items = (await call(app, admin, 'GET', '/lottery/limits')).json().items as RuleView[];
      const byNumber = (n: string) => items.find((r) => r.number === n);
      expect(byNumber('77')).toMatchObject({ weekday: 4, starts_on: null, ends_on: null, draw: null });
      expect(byNumber('78')).toMatchObject({ weekday: null, starts_on: '2026-01-29', ends_on: '2026-01-29' });
      expect(byNumber('80')?.draw).toEqual({
        lottery_code: 'REAL',
        draw_date: draw.draw_date,
        draw_time: draw.draw_time,
      });

      const sell = (entry: string) =>
        call(app, juan, 'POST', '/lottery/tickets', { entry, draw_ids: [drawId] });
      for (const [number, max] of [
        ['77', 10],
        ['78', 5],
        ['80', 3],
      ] as const) {
        expect((await sell(`${number} ${max}`)).statusCode).toBe(201);
        const over = await sell(`${number} 1`);
        expect(over.statusCode, over.body).toBe(422);
        expect(over.json().error.code).toBe('LIMIT_EXCEEDED');
      }
      // Thursday's draw: the Sunday rule does not apply.
      const sunday = await sell('79 5');
      expect(sunday.statusCode, sunday.body).toBe(201);
      expect(sunday.json().ticket.totals.total_bet_amount).toBe(5);
    });

    it('una regla que termina antes de empezar se rechaza nombrando la fecha final, sin crear nada', async () => {
      const app = t();
      const admin = await app.login('admin');
      const before = (await call(app, admin, 'GET', '/lottery/limits')).json().items.length;
      const refused = await call(app, admin, 'POST', '/lottery/limits', {
        level: 'number',
        bet_type: 'DIRECTO',
        number: '81',
        starts_on: '2026-02-10',
        ends_on: '2026-02-01',
        max_amount: 5,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({
        code: 'INVALID_DATE_RANGE',
        details: { field: 'ends_on' },
      });
      expect(refused.json().error.message).toMatch(/fecha final.*anterior a la inicial/);
      expect((await call(app, admin, 'GET', '/lottery/limits')).json().items.length).toBe(before);
    });
  },
  { clock: THURSDAY_MORNING },
);
