import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { lotteryDb } from './db.ts';
import { partnerBalance } from './layoff.repo.ts';
import { openDraw, THURSDAY_MORNING } from './lottery-test-kit.ts';

async function call(
  app: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
) {
  return app.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload });
}

async function ok(
  app: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
) {
  const response = await call(app, cookie, method, url, payload);
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

type Line = { concept: string; charge: number; credit: number; balance: number; memo: string };
type Statement = {
  from: string;
  to: string;
  opening_balance: number;
  closing_balance: number;
  balance: number;
  lines: Line[];
  totals: Record<string, number>;
};
const brief = (lines: Line[]) => lines.map((l) => [l.concept, l.charge, l.credit, l.balance]);

describeEngines(
  'estado de cuenta de un socio del bote',
  (t) => {
    let partnerId = '';
    let realDraw = '';
    const statement = async (app: TestApp, cookie: string, query = '') =>
      (await ok(app, cookie, 'GET', `/lottery/pots/partners/${partnerId}/statement${query}`)) as Statement;

    it('exportación, importación y el número que sale: cada movimiento con su saldo, que cierra en el saldo del socio', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      realDraw = await openDraw(app, 'REAL');
      partnerId = (
        await ok(app, admin, 'POST', '/lottery/pots/partners', {
          code: 'OPS',
          name: 'Operador S',
          commission: 2,
        })
      ).id;
      await ok(app, admin, 'PUT', '/lottery/pots/retention', {
        bet_type: 'DIRECTO',
        number: '23',
        max_amount: 500,
        reason: 'límite interno',
      });
      await ok(app, juan, 'POST', '/lottery/tickets', { entry: '23 800', draw_ids: [realDraw] });
      const layoff = { lottery: 'REAL', draw_id: realDraw, bet_type: 'DIRECTO', partner: 'OPS' };
      await ok(app, admin, 'POST', '/lottery/pots/export', { ...layoff, number: '23', amount: 300 });
      await ok(app, admin, 'POST', '/lottery/pots/import', {
        ...layoff,
        number: '45',
        amount: 25,
        commission: 3,
      });

      const draw = await lotteryDb(app.platform.db)
        .selectFrom('lottery_draws')
        .select(['draw_date', 'draw_time'])
        .where('id', '=', realDraw)
        .executeTakeFirstOrThrow();
      await ok(app, admin, 'POST', `/lottery/draws/${realDraw}/close`, { reason: 'estado de cuenta' });
      await ok(app, admin, 'POST', '/lottery/results', {
        lottery: 'REAL',
        draw_date: draw.draw_date,
        draw_time: draw.draw_time,
        first: '23',
        second: '45',
        third: '78',
      });
      await expect.poll(async () => (await statement(app, admin)).lines.length).toBe(6);

      const current = await statement(app, admin);
      expect(current).toMatchObject({ from: '2026-01-01', to: '2026-01-29', opening_balance: 0 });
      // 800 sold on 23, 300 laid off at 2 %: the partner pays 3/8 of 48 000; 45 second owes 25 × 8.
      expect(brief(current.lines)).toEqual([
        ['export', 0, 300, -300],
        ['export_commission', 6, 0, -294],
        ['import', 25, 0, -269],
        ['import_commission', 0, 0.75, -269.75],
        ['export_prize_share', 18_000, 0, 17_730.25],
        ['import_prize', 0, 200, 17_530.25],
      ]);
      expect(current.lines[0].memo).toBe(
        `BOTE EXPORTADO REAL ${draw.draw_date} ${draw.draw_time} DIRECTO 23 OPS`,
      );
      expect(current.totals).toEqual({
        exported: 300,
        export_commission: 6,
        export_prize_shares: 18_000,
        imported: 25,
        import_commission: 0.75,
        import_prizes_owed: 200,
        other: 0,
        charges: 18_031,
        credits: 500.75,
      });
      expect(current.closing_balance).toBe(17_530.25);
      expect(current.balance).toBe(17_530.25);
      expect(await partnerBalance(lotteryDb(app.platform.db), partnerId)).toBe(1_753_025);
    });

    it('una corrección del resultado aparece como reverso y nuevo reparto; los totales quedan netos', async () => {
      const app = t();
      const admin = await app.login('admin');
      const draw = await lotteryDb(app.platform.db)
        .selectFrom('lottery_draws')
        .select(['draw_date', 'draw_time'])
        .where('id', '=', realDraw)
        .executeTakeFirstOrThrow();
      await ok(app, admin, 'POST', '/lottery/results/correct', {
        lottery: 'REAL',
        draw_date: draw.draw_date,
        draw_time: draw.draw_time,
        first: '45',
        second: '23',
        third: '78',
        reason: 'Acta oficial: 45-23-78',
      });
      await expect.poll(async () => (await statement(app, admin)).lines.length).toBe(10);
      const corrected = await statement(app, admin);
      // 23 second: 800 × 8 = 6 400, the partner's 3/8 is 2 400; 45 first: the import owes 25 × 60.
      const reposted = corrected.lines.slice(6).map((l) => `${l.concept} ${l.charge} ${l.credit}`);
      expect(reposted.sort()).toEqual([
        'export_prize_share 2400 0',
        'export_prize_share_reversal 0 18000',
        'import_prize 0 1500',
        'import_prize_reversal 200 0',
      ]);
      expect(corrected.totals).toMatchObject({ export_prize_shares: 2_400, import_prizes_owed: 1_500 });
      // 6 + 25 + 2 400 − 300 − 0.75 − 1 500
      expect(corrected.closing_balance).toBe(630.25);
      expect(corrected.lines.at(-1)?.balance).toBe(630.25);
      expect(corrected.balance).toBe(630.25);
    });

    it('por fechas: el saldo inicial trae lo anterior; un rango que llega a hoy cierra en el saldo del socio', async () => {
      const app = t();
      app.clock.set('2026-01-30T14:00:00Z');
      const admin = await app.login('admin');
      const nacional = await openDraw(app, 'NACIONAL');
      await ok(app, admin, 'POST', '/lottery/pots/import', {
        draw_id: nacional,
        bet_type: 'DIRECTO',
        number: '12',
        amount: 50,
        partner: 'OPS',
        commission: 0,
      });

      const today = await statement(app, admin, '?from=2026-01-30&to=2026-01-30');
      expect(today.opening_balance).toBe(630.25);
      expect(brief(today.lines)).toEqual([['import', 50, 0, 680.25]]);
      expect(today.closing_balance).toBe(680.25);
      expect(today.balance).toBe(680.25);

      const yesterday = await statement(app, admin, '?from=2026-01-29&to=2026-01-29');
      expect(yesterday.lines).toHaveLength(10);
      expect(yesterday.closing_balance).toBe(630.25);
      // Yesterday's statement closes where yesterday ended; today's balance already counts today.
      expect(yesterday.balance).toBe(680.25);

      const month = await statement(app, admin);
      expect(month).toMatchObject({ from: '2026-01-01', to: '2026-01-30', closing_balance: 680.25 });
      expect(month.closing_balance).toBe(month.balance);
      expect(month.totals.charges - month.totals.credits).toBeCloseTo(month.closing_balance, 10);
    });

    it('Excel con las mismas líneas; fechas al revés o un rango de más de un año se explican; un vendedor no lo ve', async () => {
      const app = t();
      const admin = await app.login('admin');
      const xlsx = await call(
        app,
        admin,
        'GET',
        `/lottery/pots/partners/${partnerId}/statement/xlsx?from=2026-01-30`,
      );
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const values = workbook.worksheets[0]
        .getSheetValues()
        .flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));
      expect(values).toContainEqual(['2026-01-30', 'Saldo inicial', undefined, undefined, undefined, 630.25]);
      expect(values).toContainEqual([
        '2026-01-30',
        'Importado del socio',
        expect.stringContaining('BOTE IMPORTADO NACIONAL'),
        50,
        undefined,
        680.25,
      ]);
      const english = await app.app.inject({
        method: 'GET',
        url: `/api/v1/lottery/pots/partners/${partnerId}/statement/xlsx?from=2026-01-30&lang=en`,
        headers: { cookie: admin, 'accept-language': 'es' },
      });
      expect(english.statusCode, english.body).toBe(200);
      const englishBook = new ExcelJS.Workbook();
      await englishBook.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
      expect(englishBook.worksheets[0].getSheetValues().flat()).toContain('Opening balance');

      const refusal = async (query: string) => {
        const response = await call(
          app,
          admin,
          'GET',
          `/lottery/pots/partners/${partnerId}/statement${query}`,
        );
        return { status: response.statusCode, error: response.json().error };
      };
      expect(await refusal('?from=2026-01-30&to=2026-01-01')).toMatchObject({
        status: 422,
        error: { code: 'DATE_RANGE_INVALID', details: { field: 'to' } },
      });
      const long = await refusal('?from=2025-01-01&to=2026-01-30');
      expect(long).toMatchObject({
        status: 422,
        error: { code: 'DATE_RANGE_TOO_LONG', details: { field: 'from', max: 366 } },
      });
      expect(long.error.message).toContain('366 días');
      expect((await refusal('?from=2026-02-30')).status).toBe(400);
      expect((await call(app, admin, 'GET', '/lottery/pots/partners/NOPE/statement')).statusCode).toBe(404);
      const juan = await app.login('juan001');
      expect((await call(app, juan, 'GET', `/lottery/pots/partners/${partnerId}/statement`)).statusCode).toBe(
        403,
      );
    });
  },
  { clock: THURSDAY_MORNING },
);
