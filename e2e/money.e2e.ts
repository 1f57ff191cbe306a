import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  launchBrowser,
  login,
  newPage,
  openNavigation,
  PHONE,
  pageErrors,
  screenshot,
  type Viewport,
} from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

/** The server clock starts here (a weekday morning in Santo Domingo: the day's draws are open). */
const CLOCK = '2026-01-29T10:00:00-04:00';
const DAY = '2026-01-29';
const BANCA = '010 LA CENTRAL 10';
/** The phone width of the cashier's screenshot. */
const NARROW: Viewport = { width: 360, height: 780, mobile: true };

/** Displayed money ("1,234.56", "-50.00", "RD$1,234.56", "-RD$0.50") → integer cents. */
function cents(text: string | null): number {
  const clean = (text ?? '').replace(/[^\d.-]/g, '');
  expect(clean, `money text "${text}"`).toMatch(/^-?\d+\.\d{2}$/);
  const negative = clean.startsWith('-');
  const [whole, fraction] = clean.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(fraction);
  return negative ? -value : value;
}

/** Integer cents → the money screen's text (en-US grouping, two decimals, no symbol). */
function plain(value: number): string {
  const abs = Math.abs(value);
  return `${value < 0 ? '-' : ''}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** Integer cents → the reports' money text (currency symbol, sign before it). */
const rd = (value: number) => `${value < 0 ? '-' : ''}RD$${plain(Math.abs(value))}`;

/** A fresh profile whose browser clock runs from the same instant as the server's. */
async function open(
  browser: Browser,
  url: string,
  viewport: Viewport,
  username: string,
  time = CLOCK,
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser, url, viewport);
  await opened.context.clock.install({ time: new Date(time) });
  await login(opened.page, username);
  return opened;
}

/** Picks an option of a searchable Mantine select. */
async function choose(page: Page, testId: string, option: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect.poll(() => input.inputValue()).toBe(option);
}

async function moneyTab(page: Page, tab: 'movements' | 'loans' | 'cuadre') {
  await page.goto('/lottery/money');
  await page.getByTestId(`money-tab-${tab}`).click();
  await expect.poll(() => page.getByTestId(`money-tab-${tab}`).getAttribute('aria-selected')).toBe('true');
}

/** The cuadre (cash count) of banca 010 for the day, as shown: its "cash to hand over". */
async function openCuadre(page: Page) {
  await moneyTab(page, 'cuadre');
  expect(await page.getByTestId('cuadre-date').inputValue()).toBe(DAY);
  await choose(page, 'money-banca', BANCA);
  await page.getByTestId('cuadre-expected').waitFor();
}

/** Banca 010's row of the "Balance de bancas" report: the balance it owes, as displayed. */
async function balanceCell(page: Page) {
  await page.goto('/lottery/reports');
  await choose(page, 'report-kind', 'Balance de bancas');
  await expect.poll(() => page.getByTestId('report-title').textContent()).toBe('Balance de bancas');
  const row = page.getByTestId('report-table').locator('tbody tr', { hasText: BANCA });
  await row.waitFor();
  // Columns: banca, zone, balance, …
  return row.locator('td').nth(2);
}

describe('money: balances, cobros, cuadre, reports', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ MATRIZ_CLOCK: CLOCK });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a seller's sale moves banca 010's balance and its cuadre by the sale's net (sale minus commission)", async () => {
    const { context, page } = await open(browser, server.url, DESKTOP, 'supervisor1');
    const seller = await open(browser, server.url, PHONE, 'juan001');
    try {
      const balance = await balanceCell(page);
      const before = cents(await balance.textContent());
      await openCuadre(page);
      const cuadreBefore = cents(await page.getByTestId('cuadre-expected').textContent());
      const salesBefore = cents(await page.getByTestId('cuadre-sales').textContent());

      const sold = await seller.page.request.post('/api/v1/lottery/tickets', {
        headers: { 'Idempotency-Key': `money-e2e-${Date.now()}` },
        data: {
          lines: [
            { lottery_code: 'REAL', bet_number: '23', bet_type_code: 'DIRECTO', bet_amount: 100 },
            { lottery_code: 'REAL', bet_number: '2345', bet_type_code: 'PALE', bet_amount: 35.5 },
          ],
        },
      });
      const body = await sold.json();
      expect(sold.status(), JSON.stringify(body)).toBe(201);
      const total = Math.round(body.ticket.totals.grand_total * 100);
      const commission = Math.round(body.ticket.totals.total_commission * 100);
      expect(total).toBe(13_550);
      expect(commission).toBeGreaterThan(0);
      const net = total - commission;

      await expect
        .poll(async () => (await balanceCell(page)).textContent(), { timeout: 15_000 })
        .toBe(rd(before + net));
      await screenshot(page, 'money-1-balances-1366');

      await openCuadre(page);
      await expect
        .poll(() => page.getByTestId('cuadre-sales').textContent())
        .toBe(plain(salesBefore + total));
      expect(await page.getByTestId('cuadre-expected').textContent()).toBe(plain(cuadreBefore + net));
      expect(pageErrors(page)).toEqual([]);
    } catch (error) {
      await screenshot(page, 'money-failure-sale-1366');
      throw error;
    } finally {
      await seller.context.close();
      await context.close();
    }
  });

  it('the seller at 360 px opens "Mi turno", opens a shift with 100.00, sells, closes it counted 12.34 short after confirming, and gets the 80 mm cuadre', async () => {
    const { context, page } = await open(browser, server.url, NARROW, 'juan001');
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    try {
      await openNavigation(page);
      await page.getByTestId('nav-lottery-shift').click();
      await page.waitForURL((url) => url.pathname === '/lottery/shift');
      await page.getByRole('heading', { name: 'Mi turno' }).waitFor();

      // No shift yet: open one with 100.00 in the drawer (a minus sign is not taken).
      const opening = page.getByTestId('shift-opening');
      await opening.fill('-100.00');
      expect(await opening.inputValue()).toBe('100.00');
      await opening.fill('100.00');
      await page.getByTestId('shift-open').click();
      await page.getByTestId('shift-counted').waitFor();
      expect(await page.getByTestId('cuadre-opening_cash').textContent()).toBe('100.00');
      expect(await page.getByTestId('cuadre-sales').textContent()).toBe('0.00');
      expect(await page.getByTestId('cuadre-expected').textContent()).toBe('100.00');
      expect(await overflow(), 'no horizontal scroll of the page').toBeLessThanOrEqual(0);

      const sold = await page.request.post('/api/v1/lottery/tickets', {
        headers: { 'Idempotency-Key': `money-e2e-shift-${Date.now()}` },
        data: {
          lines: [{ lottery_code: 'REAL', bet_number: '45', bet_type_code: 'DIRECTO', bet_amount: 50 }],
        },
      });
      const body = await sold.json();
      expect(sold.status(), JSON.stringify(body)).toBe(201);
      const total = Math.round(body.ticket.totals.grand_total * 100);
      const commission = Math.round(body.ticket.totals.total_commission * 100);
      expect(total).toBe(5_000);
      const expected = 10_000 + total - commission;

      // The shift's live cuadre counts the sale.
      await page.reload();
      await page.getByTestId('shift-counted').waitFor();
      expect(await page.getByTestId('cuadre-sales').textContent()).toBe(plain(total));
      expect(await page.getByTestId('cuadre-commission').textContent()).toBe(plain(-commission));
      expect(await page.getByTestId('cuadre-expected').textContent()).toBe(plain(expected));

      // Counted 12.34 short; the confirmation shows counted, expected and the difference before closing.
      const counted = expected - 1_234;
      const countedInput = page.getByTestId('shift-counted');
      await countedInput.fill(`-${(counted / 100).toFixed(2)}`);
      expect(await countedInput.inputValue()).toBe((counted / 100).toFixed(2));
      await page.getByTestId('shift-close').click();
      await page.getByTestId('confirm-dialog').getByTestId('confirm-accept').waitFor();
      expect(await page.getByTestId('shift-confirm-counted').textContent()).toBe(plain(counted));
      expect(await page.getByTestId('shift-confirm-expected').textContent()).toBe(plain(expected));
      expect(await page.getByTestId('shift-confirm-difference').textContent()).toBe('-12.34');
      await screenshot(page, 'money-9-shift-confirm-360');
      const [popup] = await Promise.all([
        page.waitForEvent('popup'),
        page.getByTestId('confirm-accept').click(),
      ]);
      expect(popup.url()).toMatch(/\/api\/v1\/lottery\/money\/shifts\/[^/]+\/print\?format=80mm&lang=es$/);
      await popup.close();

      // Closed: the frozen figures and the difference, and the shift is no longer editable.
      await page.getByTestId('shift-closed').waitFor();
      expect(await page.getByTestId('shift-expected').textContent()).toBe(plain(expected));
      expect(await page.getByTestId('shift-counted-cash').textContent()).toBe(plain(counted));
      expect(await page.getByTestId('shift-difference').textContent()).toBe('-12.34');
      expect(await page.getByTestId('shift-counted').count()).toBe(0);
      await page.getByTestId('shift-open').waitFor();
      expect(await overflow(), 'no horizontal scroll of the page').toBeLessThanOrEqual(0);
      await screenshot(page, 'money-10-shift-closed-360');
      // A reload (a phone that dropped the page) still shows the day's closed shift and its figures.
      await page.reload();
      await page.getByTestId('shift-closed').waitFor();
      expect(await page.getByTestId('shift-difference').textContent()).toBe('-12.34');
      expect(await page.getByTestId('shift-counted-cash').textContent()).toBe(plain(counted));
      const again = await page.request.post('/api/v1/lottery/money/shifts/close', {
        data: { counted_cash: 1 },
      });
      expect(again.ok()).toBe(false);

      // The 80 mm cuadre of the closed shift is a PDF.
      const href = await page.getByTestId('shift-print').getAttribute('href');
      const printed = await page.request.get(href!);
      expect(printed.status()).toBe(200);
      expect(printed.headers()['content-type']).toContain('application/pdf');
      expect((await printed.body()).subarray(0, 4).toString()).toBe('%PDF');
      expect(pageErrors(page)).toEqual([]);
    } catch (error) {
      await screenshot(page, 'money-failure-shift-360');
      throw error;
    } finally {
      await context.close();
    }
  });

  it('a seller of two bancas must pick the banca before opening a shift; the shift opens there, and after closing it the earlier one of the day is still listed', async () => {
    const admin = await open(browser, server.url, DESKTOP, 'admin');
    const { context, page } = await open(browser, server.url, NARROW, 'juan001');
    let assignmentId: string | null = null;
    try {
      const bancas = await (await admin.page.request.get('/api/v1/lottery/bancas?q=011')).json();
      const banca011 = bancas.items.find((b: { code: string }) => b.code === '011');
      const users = await (await admin.page.request.get('/api/v1/users?q=juan001')).json();
      const juan = users.items.find((u: { username: string }) => u.username === 'juan001');
      const assigned = await admin.page.request.post('/api/v1/lottery/assignments', {
        data: { user_id: juan.id, role: 'vendedor', banca_id: banca011.id },
      });
      expect(assigned.status(), await assigned.text()).toBe(201);
      assignmentId = (await assigned.json()).assignment.id;

      await page.goto('/lottery/shift');
      await page.getByTestId('shift-banca').waitFor();
      await page.getByTestId('shift-opening').fill('50.00');
      expect(await page.getByTestId('shift-open').isDisabled()).toBe(true);
      await page.getByTestId('shift-banca').selectOption({ label: `011 · ${banca011.name}` });
      await page.getByTestId('shift-open').click();
      await page.getByTestId('shift-counted').waitFor();
      const current = await (await page.request.get('/api/v1/lottery/money/shift')).json();
      expect(current.shift.banca_id).toBe(banca011.id);
      expect(await page.getByTestId('cuadre-opening_cash').textContent()).toBe('50.00');
      // While this shift is open, the one closed earlier today is a line below it.
      await page.getByTestId('shift-earlier').getByText('· 010').waitFor();

      await page.getByTestId('shift-counted').fill('50.00');
      await page.getByTestId('shift-close').click();
      const [popup] = await Promise.all([
        page.waitForEvent('popup'),
        page.getByTestId('confirm-dialog').getByTestId('confirm-accept').click(),
      ]);
      await popup.close();
      await page.reload();
      await page.getByTestId('shift-closed').waitFor();
      expect(await page.getByTestId('shift-difference').textContent()).toBe('0.00');
      expect(await page.getByTestId('shift-closed-banca').textContent()).toContain('011');
      // The shift closed earlier today (at banca 010) is one line below, with its own reprint.
      await page.getByTestId('shift-earlier').getByText('· 010').waitFor();
      await screenshot(page, 'money-11-shift-two-bancas-360');
      expect(pageErrors(page)).toEqual([]);
    } catch (error) {
      await screenshot(page, 'money-failure-shift-bancas-360');
      throw error;
    } finally {
      if (assignmentId) await admin.page.request.delete(`/api/v1/lottery/assignments/${assignmentId}`);
      await context.close();
      await admin.context.close();
    }
  });

  it('the cobrador records a cobro from banca 010 on the screen: it is listed as approved and the balance drops by exactly that amount', async () => {
    const { context, page } = await open(browser, server.url, DESKTOP, 'cobrador1');
    const admin = await open(browser, server.url, DESKTOP, 'admin');
    try {
      const balanceBefore = cents(await (await balanceCell(admin.page)).textContent());
      await openCuadre(page);
      const expectedBefore = cents(await page.getByTestId('cuadre-expected').textContent());
      const cobrosBefore = cents(await page.getByTestId('cuadre-cobros').textContent());

      // A cobrador lands on "Cobros y pagos".
      await page.goto('/lottery/money');
      expect(await page.getByTestId('money-tab-movements').getAttribute('aria-selected')).toBe('true');
      const rows = page.getByTestId('movement-row');
      const listed = await rows.count();
      await choose(page, 'money-banca', BANCA);
      const amount = page.getByTestId('money-amount');
      await amount.fill('23.45');
      await expect.poll(() => page.getByTestId('money-collect').isEnabled()).toBe(true);
      await screenshot(page, 'money-2-cobro-form-1366');
      await page.getByTestId('money-collect').click();

      // Confirmation: the form clears and the cobro heads the list, approved, for the amount typed.
      await expect.poll(() => rows.count()).toBe(listed + 1);
      const row = rows.first();
      const cells = row.locator('td');
      expect(await cells.nth(0).textContent()).toBe(DAY);
      expect(await cells.nth(1).textContent()).toBe('Cobro');
      expect(await cells.nth(2).textContent()).toBe('010');
      expect(await cells.nth(3).textContent()).toBe('23.45');
      expect(await cells.nth(4).textContent()).toBe('Aprobado');
      expect(await cells.nth(5).textContent()).toBe('cobrador1');
      expect(await amount.inputValue()).toBe('');
      await screenshot(page, 'money-3-cobro-listed-1366');

      // The banca owes exactly 23.45 less; its cuadre hands over 23.45 less.
      await expect
        .poll(async () => (await balanceCell(admin.page)).textContent())
        .toBe(rd(balanceBefore - 2_345));
      await openCuadre(page);
      expect(await page.getByTestId('cuadre-cobros').textContent()).toBe(plain(cobrosBefore - 2_345));
      expect(await page.getByTestId('cuadre-expected').textContent()).toBe(plain(expectedBefore - 2_345));
      expect(pageErrors(page)).toEqual([]);
      expect(pageErrors(admin.page)).toEqual([]);
    } catch (error) {
      await screenshot(page, 'money-failure-cobro-1366');
      throw error;
    } finally {
      await admin.context.close();
      await context.close();
    }
  });

  it("the cobrador closes banca 010's day: expected vs counted, the difference shown, and the day refuses more cobros", async () => {
    const { context, page } = await open(browser, server.url, DESKTOP, 'cobrador1');
    try {
      await openCuadre(page);
      const expected = cents(await page.getByTestId('cuadre-expected').textContent());
      expect(expected).toBeGreaterThan(5_025);
      const counted = expected - 5_025; // the drawer is 50.25 short
      await page.getByTestId('cuadre-counted').fill((counted / 100).toFixed(2));
      await screenshot(page, 'money-4-cuadre-counted-1366');
      await page.getByTestId('cuadre-close').click();

      const closed = page.getByTestId('cuadre-closed');
      await closed.waitFor();
      expect(await closed.textContent()).toContain('Día cerrado el 2026-01-29');
      expect(await page.getByTestId('cuadre-counted-cash').textContent()).toBe(plain(counted));
      expect(await page.getByTestId('cuadre-difference').textContent()).toBe('-50.25');
      expect(await page.getByTestId('cuadre-expected').textContent()).toBe(plain(expected));
      expect(await page.getByTestId('cuadre-close').count()).toBe(0);
      // Nothing cancelled: the deduction reads 0.00, not "-0.00".
      expect(await page.getByTestId('cuadre-cancelled').textContent()).toBe('0.00');
      await screenshot(page, 'money-5-cuadre-closed-1366');

      // The printable cuadre the buttons open is a PDF.
      const href = await page.getByRole('link', { name: 'Imprimir 80 mm' }).getAttribute('href');
      const printed = await page.request.get(href!);
      expect(printed.status()).toBe(200);
      expect(printed.headers()['content-type']).toContain('application/pdf');

      // A closed day takes no more cobros: the screen shows the refusal.
      await page.goto('/lottery/money');
      await choose(page, 'money-banca', BANCA);
      await page.getByTestId('money-amount').fill('10');
      await page.getByTestId('money-collect').click();
      await page.getByRole('alert').filter({ hasText: /cerr/i }).waitFor();
      expect(pageErrors(page)).toEqual([]);
    } catch (error) {
      await screenshot(page, 'money-failure-cuadre-1366');
      throw error;
    } finally {
      await context.close();
    }
  });

  it('the supervisor opens the charts and downloads the balances report as Excel and PDF', async () => {
    const { context, page } = await open(browser, server.url, DESKTOP, 'supervisor1');
    try {
      await balanceCell(page);
      for (const [format, type] of [
        ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        ['pdf', 'application/pdf'],
      ] as const) {
        const link = page.getByTestId(`report-export-${format}`);
        const href = await link.getAttribute('href');
        expect(href).toContain(`/api/v1/lottery/reports/balances/export/${format}`);
        const response = await page.request.get(href!);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toContain(type);
        const bytes = await response.body();
        expect(bytes.subarray(0, format === 'pdf' ? 4 : 2).toString()).toBe(format === 'pdf' ? '%PDF' : 'PK');
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
        expect(await download.failure()).toBeNull();
      }

      await page.getByTestId('reports-tab-charts').click();
      const charts = page.getByTestId('report-charts');
      await charts.waitFor();
      await expect.poll(() => charts.locator('svg.recharts-surface').count()).toBeGreaterThanOrEqual(4);
      // Today's sales (the sale of the first test) draw bars in the by-lottery chart.
      await expect.poll(() => charts.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
      await screenshot(page, 'money-6-report-charts-1366');
      expect(pageErrors(page)).toEqual([]);
    } catch (error) {
      await screenshot(page, 'money-failure-report-1366');
      throw error;
    } finally {
      await context.close();
    }
  });

  it('the money screen is in Spanish by default and in English after the switch', async () => {
    const { context, page } = await open(browser, server.url, DESKTOP, 'admin');
    try {
      await page.goto('/lottery/money');
      await page.getByRole('heading', { name: 'Dinero' }).waitFor();
      expect(await page.getByTestId('money-tab-movements').textContent()).toBe('Cobros y pagos');
      expect(await page.getByTestId('money-tab-cuadre').textContent()).toBe('Cuadre de caja');
      expect(await page.getByTestId('money-collect').textContent()).toBe('Registrar cobro');

      await page.getByTestId('language-switch').click();
      await page.getByRole('heading', { name: 'Money' }).waitFor();
      expect(await page.getByTestId('money-tab-movements').textContent()).toBe('Collections and payments');
      expect(await page.getByTestId('money-tab-cuadre').textContent()).toBe('Cash count');
      expect(await page.getByTestId('money-collect').textContent()).toBe('Record collection');
      // The listed cobro is labelled in English too.
      await page.getByTestId('movement-row').first().waitFor();
      expect(await page.getByTestId('movement-row').first().textContent()).toContain('Collection');
      await screenshot(page, 'money-7-english-1366');

      // English is fetched when chosen; after a reload the first render is already in English.
      await page.reload();
      expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Money');
      expect(await page.getByTestId('money-tab-cuadre').textContent()).toBe('Cash count');

      await page.getByTestId('language-switch').click();
      await page.getByRole('heading', { name: 'Dinero' }).waitFor();
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the cobrador's screen (cobros y pagos) fits a 360 px phone", async () => {
    const { context, page } = await open(browser, server.url, NARROW, 'cobrador1');
    try {
      await page.goto('/lottery/money');
      await page.getByTestId('movement-row').first().waitFor();
      await page.getByTestId('money-collect').waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, 'no horizontal scroll of the page').toBeLessThanOrEqual(0);
      await screenshot(page, 'money-8-cobros-360');
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('at 21:30 in Santo Domingo (already tomorrow in UTC) the cuadre still opens on the local day', async () => {
    const { context, page } = await open(
      browser,
      server.url,
      DESKTOP,
      'cobrador1',
      '2026-01-29T21:30:00-04:00',
    );
    try {
      await moneyTab(page, 'cuadre');
      expect(await page.getByTestId('cuadre-date').inputValue()).toBe(DAY);
    } finally {
      await context.close();
    }
  });
});
