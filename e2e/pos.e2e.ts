import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, pageErrors, screenshot, VIEWPORTS } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

interface Draw {
  id: string;
  lottery_code: string;
  result_format: string;
  status: string;
  close_at: string;
  business_date: string;
}

/** Two quiniela draws still open for at least 10 minutes: today's if there are two, else tomorrow's. */
async function twoQuinielaDraws(page: Page): Promise<Draw[]> {
  const today = (await (await page.request.get('/api/v1/lottery/draws')).json()) as { draws: Draw[] };
  const usable = (draws: Draw[]) =>
    draws.filter(
      (d) =>
        d.status === 'open' &&
        d.result_format === 'quiniela' &&
        Date.parse(d.close_at) > Date.now() + 10 * 60_000,
    );
  let found = usable(today.draws);
  if (found.length < 2) {
    const date = new Date(`${today.draws[0].business_date}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 1);
    const tomorrow = (await (
      await page.request.get(`/api/v1/lottery/draws?date=${date.toISOString().slice(0, 10)}`)
    ).json()) as { draws: Draw[] };
    found = usable(tomorrow.draws);
  }
  const lotteries = new Set<string>();
  const picked = found.filter((d) => !lotteries.has(d.lottery_code) && lotteries.add(d.lottery_code));
  expect(picked.length, 'two open quiniela draws').toBeGreaterThanOrEqual(2);
  return picked.slice(0, 2);
}

const rd = (cents: number) =>
  `RD$${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;

describe('point of sale: sell, print, find and cancel', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}`;
    it(`a seller at ${viewport.width}×${viewport.height} sells 23, 2345 and 456789 on two draws, prints, finds and cancels the ticket`, async () => {
      const { context, page } = await newPage(browser, server.url, viewport);
      try {
        await login(page, 'juan001');
        await page.goto('/lottery/sell');
        const input = page.getByTestId('pos-input');
        await input.waitFor();
        const draws = await twoQuinielaDraws(page);
        for (const draw of draws) {
          const chip = page.getByTestId(`pos-draw-${draw.id}`);
          await chip.waitFor();
          await chip.locator('label').click();
        }
        await screenshot(page, `pos-1-draws-${size}`);

        // Keyboard: each Enter adds a line in the short form (the selected draws' lotteries).
        await input.click();
        for (const play of ['23 100', '2345 50', '456789 25']) {
          await input.fill(play);
          await input.press('Enter');
        }
        // 3 plays × 2 draws; 175 per draw.
        await expect.poll(() => page.getByTestId('pos-line').count()).toBe(6);
        const expected = 2 * 17_500;
        await expect.poll(() => page.getByTestId('pos-total').textContent()).toBe(rd(expected));
        const server = page.getByTestId('pos-server-total');
        await server.waitFor();
        expect(Number(await server.getAttribute('data-cents'))).toBe(expected);
        expect(await server.textContent()).toContain('✓');
        await screenshot(page, `pos-2-lines-${size}`);

        // Confirm: F12 on the desktop keyboard, the button on the phone.
        if (viewport.mobile) await page.getByTestId('pos-confirm').click();
        else await input.press('F12');
        await page.waitForURL(/\/lottery\/tickets\/[A-Z0-9]+-\d{8}-\d{4,}\/print/);
        const code = decodeURIComponent(new URL(page.url()).pathname.split('/')[3]);
        const frame = page.frameLocator('[data-testid="print-frame"]');
        await frame.getByTestId('print-code').first().waitFor();
        expect(await frame.getByTestId('print-code').first().textContent()).toBe(code);
        const printed = await frame.getByTestId('print-lines').first().textContent();
        for (const number of ['23', '2345', '456789']) expect(printed).toContain(number);
        expect(await frame.locator('body').textContent()).toContain(rd(expected));
        await screenshot(page, `pos-3-print-${size}`);

        // Find it by code (what a USB scanner types) and cancel it inside the window.
        await page.goto('/lottery/tickets');
        const search = page.getByTestId('tickets-search');
        await search.fill(code);
        await search.press('Enter');
        await page.getByTestId('ticket-detail').waitFor();
        expect(await page.getByTestId('ticket-total').textContent()).toBe(rd(expected));
        await screenshot(page, `pos-4-found-${size}`);
        await page.getByTestId('ticket-cancel').click();
        await page.getByTestId('ticket-cancel-reason').fill('Cliente se equivocó');
        await screenshot(page, `pos-5-cancel-confirm-${size}`);
        await page.getByTestId('confirm-accept').click();
        await page.getByTestId('ticket-cancelled').waitFor();
        await screenshot(page, `pos-6-cancelled-${size}`);
        const check = await page.request.get(`/api/v1/lottery/tickets/${code}`);
        expect((await check.json()).ticket.status).toBe('cancelled');
        expect(pageErrors(page)).toEqual([]);
      } catch (error) {
        await screenshot(page, `pos-failure-${size}`);
        throw error;
      } finally {
        await context.close();
      }
    });
  }
});
