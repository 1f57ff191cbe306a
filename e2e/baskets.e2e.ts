import { makeBasketCode } from '@matriz/shared/bakery/basket-code';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, PHONE, pageErrors, screenshot } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

const RULE = { prefix: 'CAN', length: 8, checkDigit: 'luhn' as const };
/** Three demo baskets at the bakery (CAN0030…) and two codes the system has never seen. */
const CODES = [30, 31, 32, 7001, 7002].map((n) => makeBasketCode(RULE, n));
const SELLER = 'Gloria Ruta Ocho';

/** What a USB scanner does: types the characters fast, then Enter. */
async function scanLikeAScanner(page: Page, code: string) {
  const field = page.getByTestId('basket-scan-input');
  await field.pressSequentially(code, { delay: 5 });
  await field.press('Enter');
}

const successes = (page: Page) => page.locator('[data-testid="scan-entry"][data-outcome="ok"]').count();

describe('canastas at phone size', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ MATRIZ_MODULES: 'bakery' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the dispatcher lends 5 baskets and takes 3 back by scanning; the end-of-day report shows 2 out', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    try {
      await login(page, 'despacho1');
      await page.goto('/bakery/baskets');
      const field = page.getByTestId('basket-scan-input');
      await field.waitFor();
      expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);

      await page.getByTestId('scan-seller').click();
      await page.getByRole('option', { name: SELLER }).click();
      // Choosing the seller hands the focus back to the scan field.
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);

      for (const code of CODES) await scanLikeAScanner(page, code);
      await expect.poll(() => successes(page)).toBe(5);
      expect(await field.inputValue()).toBe('');
      expect(await page.getByTestId('scan-count').textContent()).toContain('5');

      // A code with a wrong check digit is refused with the reason; the counter does not move.
      await scanLikeAScanner(page, `${CODES[0].slice(0, 7)}${(Number(CODES[0][7]) + 1) % 10}`);
      const refused = page.locator('[data-testid="scan-entry"][data-outcome="error"]');
      await refused.first().waitFor();
      expect(await refused.first().textContent()).toContain('dígito de control');

      await page.getByTestId('scan-movement').getByText('Entra (devolución)').click();
      for (const code of CODES.slice(0, 3)) await scanLikeAScanner(page, code);
      await expect.poll(() => successes(page)).toBe(8);
      expect(await page.getByTestId('scan-count').textContent()).toContain('8');
      expect(await page.getByTestId('scan-entry').count()).toBe(9);
      // The seller stayed selected through all the scans.
      expect(await page.getByTestId('scan-seller').inputValue()).toBe(SELLER);
      await screenshot(page, 'baskets-scan-390');

      await page.getByTestId('baskets-tab-report').click();
      await page.waitForURL((url) => url.pathname === '/bakery/baskets/report');
      await page.getByTestId('basket-report-seller').click();
      await page.getByRole('option', { name: SELLER }).click();
      const row = page.getByTestId('basket-report-row');
      await expect.poll(() => row.count()).toBe(1);
      await expect.poll(() => row.locator('[data-col="seller"]').textContent()).toBe(SELLER);
      expect(await row.locator('[data-col="lent"]').textContent()).toBe('5');
      expect(await row.locator('[data-col="returned"]').textContent()).toBe('3');
      expect(await row.locator('[data-col="out"]').textContent()).toBe('2');
      await screenshot(page, 'baskets-report-390');
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('undo asks first, naming the basket and the movement, and undoes only the last scan, once', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    try {
      await login(page, 'despacho1');
      await page.goto('/bakery/baskets');
      await page.getByTestId('basket-scan-input').waitFor();
      await page.getByTestId('scan-seller').click();
      await page.getByRole('option', { name: SELLER }).click();
      const [first, second] = [7003, 7004].map((n) => makeBasketCode(RULE, n));
      await page.getByTestId('scan-movement').getByText('Sale (préstamo)').click();
      for (const code of [first, second]) await scanLikeAScanner(page, code);
      await expect.poll(() => successes(page)).toBe(2);

      const undo = page.getByTestId('scan-undo');
      const dialog = page.getByRole('dialog');
      const accept = page.getByTestId('confirm-accept');
      await undo.click();
      await accept.waitFor();
      const question = (await dialog.textContent()) ?? '';
      expect(question).toContain(second);
      expect(question).toContain('Sale (préstamo)');
      expect(question).toContain(SELLER);
      await screenshot(page, 'baskets-undo-confirm-390');
      // Cancelling changes nothing.
      await page.getByTestId('confirm-cancel').click();
      await accept.waitFor({ state: 'hidden' });
      expect(await page.locator('[data-testid="scan-entry"][data-outcome="undone"]').count()).toBe(0);

      await undo.click();
      await accept.click();
      await accept.waitFor({ state: 'hidden' });
      const undone = page.locator('[data-testid="scan-entry"][data-outcome="undone"]');
      await expect.poll(() => undone.count()).toBe(1);
      expect(await undone.textContent()).toContain(second);
      // One level only: the scan before it cannot be reached by tapping again.
      expect(await undo.isDisabled()).toBe(true);
      const lent = await (await page.request.get(`/api/v1/bakery/baskets?code=${first}`)).json();
      expect(lent.items[0]).toMatchObject({ code: first, status: 'prestada' });
      const back = await (await page.request.get(`/api/v1/bakery/baskets?code=${second}`)).json();
      expect(back.items[0]).toMatchObject({ code: second, status: 'disponible' });
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the basket settings say that a new code rule applies to new baskets only', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    try {
      await login(page, 'panadero');
      await page.goto('/bakery/baskets/settings');
      const note = page.getByTestId('basket-rule-new-only');
      await note.waitFor();
      expect(await note.textContent()).toContain('solo a canastas nuevas');
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a route seller sees the baskets they have out and lost on their own panel', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    try {
      // The demo lends five baskets to ruta2 yesterday; ruta4 has two already lost.
      await login(page, 'ruta2');
      await page.goto('/bakery/panel');
      const out = page.getByTestId('own-baskets-out');
      await out.waitFor();
      await expect.poll(() => page.getByTestId('own-baskets').textContent()).toBe('5');
      expect(await out.textContent()).toContain('CAN0001');
      expect(await page.getByTestId('own-baskets-lost').textContent()).toContain('0');
      await screenshot(page, 'baskets-own-panel-390');
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a lost basket charged to its seller that turns up is received at the door and the charge is credited', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    try {
      // The demo's only basket lost by ruta5 is the fifteenth.
      const code = makeBasketCode(RULE, 15);
      const seller = 'Edwin Ruta Cinco';
      await login(page, 'panadero');
      await page.goto('/bakery/baskets/report');
      await page.getByTestId('basket-report-kind-phone').getByText('Canastas perdidas').click();
      await page.getByTestId(`charge-${code}`).click();
      await page.getByTestId('confirm-accept').click();
      await page.getByTestId('confirm-accept').waitFor({ state: 'hidden' });
      await expect
        .poll(
          async () => (await (await page.request.get(`/api/v1/bakery/baskets?code=${code}`)).json()).items[0],
        )
        .toMatchObject({ status: 'cobrada', charged: 25000 });

      await page.getByTestId('baskets-tab-scan').click();
      await page.getByTestId('scan-seller').click();
      await page.getByRole('option', { name: seller }).click();
      await page.getByTestId('scan-movement').getByText('Entra (devolución)').click();
      await scanLikeAScanner(page, code);
      const entry = page.locator('[data-testid="scan-entry"][data-outcome="ok"]');
      await entry.waitFor();
      expect(await entry.textContent()).toContain('se le abonan $25.000,00 del cobro');
      await screenshot(page, 'baskets-charged-return-390');
      const back = (await (await page.request.get(`/api/v1/bakery/baskets?code=${code}`)).json()).items[0];
      expect(back).toMatchObject({ status: 'disponible', holder_id: null, charged: null });

      // The day's closing shows the charge and its credit side by side: nothing left to pay.
      await page.getByTestId('baskets-tab-report').click();
      await page.getByTestId('basket-report-kind-phone').getByText('Cierre del día por vendedor').click();
      await page.getByTestId('basket-report-seller').click();
      await page.getByRole('option', { name: seller }).click();
      const row = page.getByTestId('basket-report-row');
      await expect.poll(() => row.count()).toBe(1);
      await expect.poll(() => row.locator('[data-col="seller"]').textContent()).toBe(seller);
      expect(await row.locator('[data-col="returned"]').textContent()).toBe('1');
      expect(await row.locator('[data-col="charged"]').textContent()).toBe('$25.000,00');
      expect(await row.locator('[data-col="credited"]').textContent()).toBe('$25.000,00');
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
