import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, login, newPage, PHONE, pageErrors, screenshot } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

type Draw = { id: string; lottery_code: string; lottery_name: string; draw_date: string; draw_time: string };

/** A JSON call with the page's session: its status and body. */
async function api(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) {
  const response = await page.request.fetch(`/api/v1${path}`, { method, data });
  return { status: response.status(), json: await response.json() };
}

/** The same, for a call that must succeed. */
async function ok(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) {
  const { status, json } = await api(page, method, path, data);
  expect(status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

async function openRealDraw(page: Page): Promise<Draw> {
  const { draws } = (await ok(page, 'GET', '/lottery/draws?status=open')) as { draws: Draw[] };
  return draws.find((d) => d.lottery_code === 'REAL')!;
}

/** Thursday 29 January 2026, 10:00 in Santo Domingo: the midday draws are on sale. */
const THURSDAY = '2026-01-29T10:00:00-04:00';

describe('límites por día, fechas y sorteo, y el estado de cuenta de un socio del bote', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ MATRIZ_CLOCK: THURSDAY });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The admin and the seller juan001, each signed in in a desktop profile of their own. */
  async function withAdminAndSeller(run: (admin: Page, seller: Page) => Promise<void>) {
    const admin = await newPage(browser, server.url, DESKTOP);
    const seller = await newPage(browser, server.url, DESKTOP);
    try {
      await login(admin.page, 'admin');
      await login(seller.page, 'juan001');
      await run(admin.page, seller.page);
      expect(pageErrors(admin.page)).toEqual([]);
    } finally {
      await admin.context.close();
      await seller.context.close();
    }
  }

  it('reglas solo los jueves, de una fecha a otra y de un sorteo: se ven en la tabla y frenan la venta de ese día', async () => {
    await withAdminAndSeller(async (page, seller) => {
      const draw = await openRealDraw(page);
      expect(draw.draw_date).toBe('2026-01-29');
      const drawLabel = `${draw.draw_date} ${draw.draw_time.slice(0, 5)}`;
      await page.goto('/lottery/limits');
      const save = page.getByTestId('rule-save');
      await save.waitFor();
      const pick = async (testId: string, option: string) => {
        await page.getByTestId(testId).click();
        await page.getByRole('option', { name: option, exact: true }).click();
      };
      const rows = page.getByTestId('limit-rules').getByTestId('table-row');
      /** Saves the form's rule; with no zone or banca it reaches the whole network and asks first. */
      const create = async (expected: string) => {
        const before = await rows.count();
        await save.click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        expect(await dialog.textContent()).toContain(expected);
        await page.getByTestId('confirm-accept').click();
        await page.getByTestId('confirm-accept').waitFor({ state: 'detached' });
        await expect.poll(() => rows.count()).toBe(before + 1);
      };

      // 77 in REAL only on Thursdays: 10.
      await pick('rule-lottery', draw.lottery_name);
      await page.getByTestId('rule-number').fill('77');
      await pick('rule-weekday', 'Jueves');
      await page.getByTestId('rule-max').fill('10');
      await create('cada Jueves');
      // 78 in every lottery from the 29th to the 29th: 5.
      await page.getByTestId('rule-number').fill('78');
      await page.getByTestId('rule-max').fill('5');
      await page.getByTestId('rule-starts-on').fill('2026-01-29');
      await page.getByTestId('rule-ends-on').fill('2026-01-28');
      // The end before the start: said on the field, nothing to save.
      expect(await save.isDisabled()).toBe(true);
      await page.getByText(/fecha final.*anterior a la inicial/).waitFor();
      await page.getByTestId('rule-ends-on').fill('2026-01-29');
      await create('del 2026-01-29 al 2026-01-29');
      // 79 only on Sundays: 1 — it must not stop Thursday's sales.
      await page.getByTestId('rule-number').fill('79');
      await pick('rule-weekday', 'Domingo');
      await page.getByTestId('rule-max').fill('1');
      await create('cada Domingo');
      // 80 in this very draw, picked from the lottery's draws of the day: 3.
      expect(await page.getByTestId('rule-draw').isDisabled()).toBe(true);
      await pick('rule-lottery', draw.lottery_name);
      await pick('rule-draw', drawLabel);
      await page.getByTestId('rule-number').fill('80');
      await page.getByTestId('rule-max').fill('3');
      await create(`en el sorteo ${draw.lottery_name} ${drawLabel}`);

      const row = (number: string) =>
        rows.filter({ has: page.getByRole('cell', { name: number, exact: true }) });
      expect(await row('77').textContent()).toContain('Jueves');
      expect(await row('78').textContent()).toContain('del 2026-01-29 al 2026-01-29');
      expect(await row('79').textContent()).toContain('Domingo');
      expect(await row('80').textContent()).toContain(drawLabel);
      await screenshot(page, 'limits-scoped-rules-1366');

      const sell = (entry: string) => api(seller, 'POST', '/lottery/tickets', { entry, draw_ids: [draw.id] });
      for (const [number, limit] of [
        ['77', 10],
        ['78', 5],
        ['80', 3],
      ] as const) {
        expect((await sell(`${number} ${limit}`)).status).toBe(201);
        const over = await sell(`${number} 1`);
        expect(over.status, JSON.stringify(over.json)).toBe(422);
        expect(over.json.error.code).toBe('LIMIT_EXCEEDED');
      }
      // The Sunday rule leaves Thursday alone: 5 of 79 sells whole.
      const sunday = await sell('79 5');
      expect(sunday.status, JSON.stringify(sunday.json)).toBe(201);
      expect(sunday.json.ticket.totals.total_bet_amount).toBe(5);
    });
  });

  it('estado de cuenta del socio desde el bote: movimientos, saldo que cuadra, Excel e impresión', async () => {
    await withAdminAndSeller(async (page, seller) => {
      const draw = await openRealDraw(page);
      await ok(page, 'POST', '/lottery/pots/partners', { code: 'OPE', name: 'Operador Este', commission: 2 });
      await ok(page, 'PUT', '/lottery/pots/retention', {
        bet_type: 'DIRECTO',
        number: '23',
        max_amount: 500,
        reason: 'límite interno',
      });
      await ok(seller, 'POST', '/lottery/tickets', { entry: '23 800', draw_ids: [draw.id] });
      const layoff = { draw_id: draw.id, bet_type: 'DIRECTO', partner: 'OPE' };
      await ok(page, 'POST', '/lottery/pots/export', { ...layoff, number: '23', amount: 300 });
      await ok(page, 'POST', '/lottery/pots/import', { ...layoff, number: '45', amount: 25, commission: 3 });
      await ok(page, 'POST', `/lottery/draws/${draw.id}/close`, {
        reason: 'cierre para el estado de cuenta',
      });
      await ok(page, 'POST', '/lottery/results', {
        lottery: 'REAL',
        draw_date: draw.draw_date,
        draw_time: draw.draw_time.slice(0, 5),
        first: '23',
        second: '45',
        third: '78',
      });

      await page.goto('/lottery/risk?tab=pots');
      await page.getByTestId('statement-OPE').click();
      await page.getByTestId('statement-title').waitFor();
      expect(await page.getByTestId('statement-title').textContent()).toContain('OPE Operador Este');
      const lines = page.getByTestId('statement-line');
      // Export, its commission, import, its commission, the partner's 3/8 of 48 000, the import's prize.
      await expect.poll(() => lines.count()).toBe(6);
      expect(await lines.nth(0).textContent()).toContain('Exportado al socio');
      expect(await lines.nth(4).textContent()).toContain('Parte del premio a cargo del socio');
      expect(await lines.nth(4).textContent()).toContain('18,000.00');
      // 6 + 25 + 18 000 − 300 − 0.75 − 200: what the partner owes, on the last line and in both totals.
      expect(await lines.nth(5).textContent()).toContain('17,530.25');
      expect(await page.getByTestId('statement-closing').textContent()).toContain('17,530.25');
      expect(await page.getByTestId('statement-balance').textContent()).toContain('17,530.25');
      expect(await page.getByTestId('statement-total-exported').textContent()).toContain('300.00');
      await screenshot(page, 'pots-statement-1366');

      const href = await page.getByTestId('statement-xlsx').getAttribute('href');
      expect(href).toContain('/statement/xlsx');
      const xlsx = await page.request.get(href!);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

      // Printed: the statement without the filters and buttons.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('statement-title').isVisible()).toBe(true);
      expect(await page.getByTestId('statement-from').isVisible()).toBe(false);
      expect(await page.getByTestId('statement-back').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });

      // A start after the end (today) is explained; a later range starts from what was owed and,
      // with nothing in it, ends there.
      await page.getByTestId('statement-from').fill('2026-01-30');
      await page
        .getByTestId('error-alert')
        .getByText(/fecha inicial.*posterior a la final/)
        .waitFor();
      await page.getByTestId('statement-to').fill('2026-01-30');
      await expect.poll(() => lines.count()).toBe(0);
      await expect.poll(() => page.getByTestId('statement-opening').textContent()).toContain('17,530.25');
      expect(await page.getByTestId('statement-closing').textContent()).toContain('17,530.25');

      await page.getByTestId('statement-back').click();
      await page.getByTestId('statement-OPE').waitFor();
      expect(pageErrors(page)).toEqual([]);

      const phone = await newPage(browser, server.url, PHONE);
      try {
        await login(phone.page, 'admin');
        await phone.page.goto('/lottery/risk?tab=pots');
        await phone.page.getByTestId('statement-OPE').click();
        await expect.poll(() => phone.page.getByTestId('statement-line').count()).toBe(6);
        await screenshot(phone.page, 'pots-statement-390');
        expect(pageErrors(phone.page)).toEqual([]);
      } finally {
        await phone.context.close();
      }
    });
  });
});
