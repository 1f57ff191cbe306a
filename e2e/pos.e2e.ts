import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  DESKTOP,
  isOnScreen,
  launchBrowser,
  login,
  newPage,
  pageErrors,
  screenshot,
  VIEWPORTS,
  type Viewport,
} from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

interface Draw {
  id: string;
  lottery_code: string;
  lottery_name: string;
  draw_date: string;
  draw_time: string;
  result_format: string;
  status: string;
  close_at: string;
  draw_at: string;
  business_date: string;
}

/** HH:MM of an instant in a zone (the operator's: chips show draw times there, whatever the browser's). */
const hhmm = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

/** What a phone user would have to scroll sideways to see. */
const overflowOf = (page: Page) =>
  page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

/** Two draws of a format (quiniela unless told) still open for at least 10 minutes: today's if there are two, else tomorrow's. */
async function twoQuinielaDraws(page: Page, format = 'quiniela'): Promise<Draw[]> {
  const today = (await (await page.request.get('/api/v1/lottery/draws')).json()) as { draws: Draw[] };
  const usable = (draws: Draw[]) =>
    draws.filter(
      (d) =>
        d.status === 'open' &&
        d.result_format === format &&
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
  expect(picked.length, `two open ${format} draws`).toBeGreaterThanOrEqual(2);
  return picked.slice(0, 2);
}

const rd = (cents: number) =>
  `RD$${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;

/** For what waits on the server (a validation, a settlement). */
const WAIT = { timeout: 10_000 };

/** The narrowest phone a seller uses. */
const NARROW: Viewport = { width: 360, height: 780, mobile: true };

interface Ticket {
  ticket_code: string;
  status: string;
  totals: { grand_total: number; total_prize: number };
  payment: { paid_at: string } | null;
}

/** The sale screen with the first usable quiniela draw picked. */
async function saleOnOneDraw(page: Page): Promise<{ input: Locator; draw: Draw }> {
  await page.goto('/lottery/sell');
  const input = page.getByTestId('pos-input');
  await input.waitFor();
  const [draw] = await twoQuinielaDraws(page);
  const chip = page.getByTestId(`pos-draw-${draw.id}`);
  await chip.waitFor();
  await chip.locator('label').click();
  return { input, draw };
}

/** Each play typed into the plays box and added with Enter. */
async function typePlays(input: Locator, plays: readonly string[]): Promise<void> {
  await input.click();
  for (const play of plays) {
    await input.fill(play);
    await input.press('Enter');
  }
}

/** A JSON call with the page's session that must succeed. */
async function call<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(`/api/v1${path}`, { method, data });
  const body = await response.json();
  expect(response.ok(), `${method} ${path}: ${JSON.stringify(body)}`).toBe(true);
  return body as T;
}

const ticketOf = async (page: Page, code: string) =>
  (await call<{ ticket: Ticket }>(page, 'GET', `/lottery/tickets/${code}`)).ticket;

/** The admin caps what may still be bet on a number (directo) in one draw. */
const limitNumber = (admin: Page, draw: Draw, number: string, maxAmount: number) =>
  call(admin, 'POST', '/lottery/limits', {
    level: 'number',
    bet_type: 'DIRECTO',
    number,
    max_amount: maxAmount,
    draw_id: draw.id,
  });

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

  /** juan001 at the given size, and admin in a second profile to set limits and results. */
  async function asSellerWithAdmin(
    viewport: Viewport,
    failure: string,
    steps: (page: Page, admin: Page) => Promise<void>,
  ): Promise<void> {
    const seller = await newPage(browser, server.url, viewport);
    const admin = await newPage(browser, server.url, DESKTOP);
    try {
      await login(seller.page, 'juan001');
      await login(admin.page, 'admin');
      await steps(seller.page, admin.page);
      expect(pageErrors(seller.page)).toEqual([]);
    } catch (error) {
      await screenshot(seller.page, failure);
      throw error;
    } finally {
      await seller.context.close();
      await admin.context.close();
    }
  }

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

  it('the pay screen pays only the ticket it shows, after a confirmation naming code and prize; "Pagar" on a ticket opens it looked up', () =>
    asSellerWithAdmin(DESKTOP, 'pay-failure-1366', async (page, admin) => {
      // Two winning tickets, A and B: 61 in a draw that is then closed and drawn with 61 first.
      const [draw] = await twoQuinielaDraws(page);
      const sell = async () =>
        (
          await call<{ ticket: Ticket }>(page, 'POST', '/lottery/tickets', {
            entry: '61 10',
            draw_ids: [draw.id],
          })
        ).ticket.ticket_code;
      const a = await sell();
      const b = await sell();
      await call(admin, 'POST', `/lottery/draws/${draw.id}/close`, { reason: 'prueba de pago' });
      await call(admin, 'POST', '/lottery/results', {
        lottery: draw.lottery_code,
        draw_date: draw.draw_date,
        draw_time: draw.draw_time.slice(0, 5),
        first: '61',
        second: '62',
        third: '63',
      });
      await expect.poll(async () => (await ticketOf(page, a)).status, WAIT).toBe('winner');
      const prize = Math.round((await ticketOf(page, a)).totals.total_prize * 100);
      expect(prize).toBeGreaterThan(0);

      await page.goto('/lottery/pay');
      const scan = page.getByTestId('pay-scan');
      await scan.fill(a);
      await page.getByTestId('pay-look-up').click();
      await page.getByTestId('pay-status').waitFor();
      expect(await page.getByTestId('pay-status').textContent()).toBe('GANADOR');
      expect(await page.getByTestId('pay-prize').textContent()).toBe(`Premio: ${rd(prize)}`);
      // Its line names the lottery and the play as the seller knows them.
      expect(await page.getByTestId('pay-ticket').textContent()).toContain(
        `${draw.lottery_name} ${draw.draw_time} · Directo 61 · RD$10.00`,
      );

      // The results screen's winners read the same: the play's name and amounts with their symbol.
      await admin.goto(`/lottery/results?tab=winners&date=${draw.business_date}&draw=${draw.id}`);
      const winner = admin.getByRole('row').filter({ hasText: a });
      await winner.waitFor(WAIT);
      const row = await winner.textContent();
      expect(row).toContain('Directo 61');
      expect(row).toContain('RD$10.00');
      expect(row).toContain(rd(prize));
      expect(row).not.toContain('DIRECTO');

      // B typed over A without Buscar: A leaves the screen and PAGAR with it.
      await scan.fill(b);
      expect(await page.getByTestId('pay-ticket').count()).toBe(0);
      expect(await page.getByTestId('pay-button').count()).toBe(0);

      // PAGAR asks first, naming the code and the prize; cancelling pays nothing.
      await scan.fill(a);
      await scan.press('Enter');
      await page.getByTestId('pay-button').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const question = await dialog.textContent();
      expect(question).toContain(a);
      expect(question).toContain(rd(prize));
      await screenshot(page, 'pay-1-confirm-1366');
      await page.getByTestId('confirm-cancel').click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await ticketOf(page, a)).status).toBe('winner');

      await page.getByTestId('pay-button').click();
      await page.getByTestId('confirm-accept').click();
      await expect.poll(() => page.getByTestId('pay-status').textContent(), WAIT).toBe('PAGADO');
      const paid = await ticketOf(page, a);
      expect(paid.status).toBe('paid');
      expect((await ticketOf(page, b)).status).toBe('winner');
      // When it was paid, in the browser's zone (Santo Domingo), not UTC.
      const local = await page.evaluate(
        (iso) =>
          new Intl.DateTimeFormat('es-DO', {
            day: '2-digit',
            month: '2-digit',
            year: 'numeric',
            hour: 'numeric',
            minute: '2-digit',
          }).format(new Date(iso)),
        paid.payment!.paid_at,
      );
      expect(await page.getByTestId('pay-paid-on').textContent()).toBe(`Pagado el ${local}`);
      await screenshot(page, 'pay-2-paid-1366');

      // The ticket page's Pagar opens the pay screen with B already looked up.
      await page.goto(`/lottery/tickets/${b}`);
      await page.getByTestId('ticket-pay').click();
      await page.waitForURL(/\/lottery\/pay\?code=/);
      await page.getByTestId('pay-code').waitFor();
      expect(await page.getByTestId('pay-code').textContent()).toBe(b);
      expect(await page.getByTestId('pay-status').textContent()).toBe('GANADOR');
      expect(await scan.inputValue()).toBe(b);
    }));

  it('F12 and Ctrl+Enter sell only when CONFIRMAR would; a ticket the limits cut is shown as such before it prints', () =>
    asSellerWithAdmin(DESKTOP, 'pos-keys-failure-1366', async (page, admin) => {
      const { input, draw } = await saleOnOneDraw(page);
      await limitNumber(admin, draw, '45', 25);
      const sold = async () =>
        (await call<{ total: number }>(page, 'GET', '/lottery/tickets?page_size=1')).total;
      const before = await sold();

      await typePlays(input, ['45 100', '77 10']);
      await page.getByTestId('pos-line-limit').first().waitFor();
      await expect
        .poll(() => page.getByTestId('pos-line-limit').first().textContent(), WAIT)
        .toContain('Solo puede apostar RD$25.00 más al 45');
      expect(await page.getByTestId('pos-confirm').isDisabled()).toBe(true);
      await input.press('F12');
      await input.press('Control+Enter');
      await page.waitForTimeout(1_000);
      expect(new URL(page.url()).pathname).toBe('/lottery/sell');
      expect(await sold()).toBe(before);
      expect(await page.getByTestId('pos-line').count()).toBe(2);

      // The limit drops after the lines were checked: the server cuts 46 to 25 and the seller sees it.
      await input.press('F4');
      await typePlays(input, ['46 100', '77 10']);
      const server = page.getByTestId('pos-server-total');
      await server.waitFor();
      await expect.poll(() => server.getAttribute('data-cents'), WAIT).toBe('11000');
      await limitNumber(admin, draw, '46', 25);
      await input.press('F12');
      await page.getByTestId('pos-cut').waitFor();
      expect(new URL(page.url()).pathname).toBe('/lottery/sell');
      expect(await page.getByTestId('pos-cut-sold').textContent()).toBe(rd(3_500));
      expect(await page.getByTestId('pos-cut-typed').textContent()).toBe(rd(11_000));
      expect(await page.getByTestId('pos-cut-line').textContent()).toContain('46');
      await screenshot(page, 'pos-cut-1366');
      await page.getByTestId('pos-cut-print').click();
      await page.waitForURL(/\/lottery\/tickets\/[A-Z0-9]+-\d{8}-\d{4,}\/print/);
      expect(await sold()).toBe(before + 1);
    }));

  it('at 360×780 a line keeps its amount, × and limit text on screen, a listed ticket its status and total; its short number finds it', () =>
    asSellerWithAdmin(NARROW, 'pos-narrow-failure-360', async (page, admin) => {
      const { input, draw } = await saleOnOneDraw(page);
      await limitNumber(admin, draw, '47', 25);

      await typePlays(input, ['47 100', '456789 20']);
      const limit = page.getByTestId('pos-line-limit').first();
      await limit.waitFor();
      await expect.poll(() => limit.textContent(), WAIT).toContain('Solo puede apostar RD$25.00 más al 47');
      await screenshot(page, 'pos-lines-360');
      const onScreen = async (name: string, locator: Locator) => {
        await locator.scrollIntoViewIfNeeded();
        expect(await isOnScreen(locator), `${name} on screen`).toBe(true);
      };
      await onScreen('amount', page.getByTestId('pos-line-amount').first());
      expect(await page.getByTestId('pos-line-amount').first().textContent()).toBe(rd(10_000));
      await onScreen('×', page.getByTestId('pos-line-remove').first());
      await onScreen('limit text', limit);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await page.getByTestId('pos-line-remove').first().click();
      await expect.poll(() => page.getByTestId('pos-line').count()).toBe(1);
      await expect.poll(() => page.getByTestId('pos-confirm').isEnabled(), WAIT).toBe(true);
      await page.getByTestId('pos-confirm').click();
      await page.waitForURL(/\/lottery\/tickets\/[A-Z0-9]+-\d{8}-\d{4,}\/print/);
      const code = decodeURIComponent(new URL(page.url()).pathname.split('/')[3]);

      await page.goto('/lottery/tickets');
      const first = page.getByTestId('tickets-row-code').first();
      await first.waitFor();
      await expect.poll(() => first.textContent(), WAIT).toBe(code);
      await onScreen('status', page.getByTestId('tickets-row-status').first());
      await onScreen('total', page.getByTestId('tickets-row-total').first());
      expect(await page.getByTestId('tickets-row-total').first().textContent()).toBe(rd(2_000));
      await screenshot(page, 'tickets-list-360');

      // The number after the last dash, with or without its zeros, is today's ticket.
      const sequence = code.split('-')[2];
      for (const typed of [sequence, String(Number(sequence))]) {
        await page.goto('/lottery/tickets');
        const search = page.getByTestId('tickets-search');
        await search.fill(typed);
        await search.press('Enter');
        await page.waitForURL((url) => url.pathname === `/lottery/tickets/${code}`);
        await page.getByTestId('ticket-detail').waitFor();
        expect(await page.getByTestId('ticket-total').textContent()).toBe(rd(2_000));
      }
      // The detail's lines stack on the phone: nothing to scroll sideways, amount and status in view.
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await onScreen('line amount', page.getByTestId('ticket-line').first().getByText(rd(2_000)));
      await onScreen('line status', page.getByTestId('ticket-line-status').first());
      expect(await page.getByTestId('ticket-line-status').first().textContent()).toBe('Pendiente');
      await screenshot(page, 'ticket-detail-360');
    }));

  it("in English the lines being typed and the sold ticket name each bet type in English; the printed ticket follows the operator's ticket language", () =>
    asSellerWithAdmin(DESKTOP, 'pos-english-failure', async (page, admin) => {
      const { input } = await saleOnOneDraw(page);
      await typePlays(input, ['23 10', '2345 5']);
      const lines = page.getByTestId('pos-line');
      await expect.poll(() => lines.count(), WAIT).toBe(2);
      expect(await lines.nth(0).textContent()).toContain('Directo');
      expect(await lines.nth(1).textContent()).toContain('Palé');
      await page.getByTestId('language-switch').click();
      await expect.poll(() => lines.nth(0).textContent(), WAIT).toContain('Straight (quiniela)');
      expect(await lines.nth(1).textContent()).toContain('Pale');
      expect(await lines.nth(1).textContent()).not.toContain('Palé');
      // A mistyped line is explained in English too.
      await typePlays(input, ['2x 5']);
      const error = page.getByTestId('pos-line-error').first();
      await expect.poll(() => error.textContent(), WAIT).toContain('expected a number of 2, 4 or 6 digits');
      expect(await error.textContent()).not.toMatch(/se esperaba|Línea/);
      await input.press('Backspace');
      await input.fill('');
      await expect.poll(() => page.getByTestId('pos-line-error').count(), WAIT).toBe(0);

      await expect.poll(() => page.getByTestId('pos-confirm').isEnabled(), WAIT).toBe(true);
      await page.getByTestId('pos-confirm').click();
      await page.waitForURL(/\/lottery\/tickets\/[A-Z0-9]+-\d{8}-\d{4,}\/print/);
      const code = decodeURIComponent(new URL(page.url()).pathname.split('/')[3]);
      await page.goto(`/lottery/tickets/${code}`);
      const detail = page.getByTestId('ticket-line');
      await detail.first().waitFor();
      expect(await detail.allTextContents()).toEqual([
        expect.stringContaining('Straight (quiniela)'),
        expect.stringMatching(/Pale(?!é)/),
      ]);

      // The printed ticket is the customer's: Spanish, whatever the seller's screen says…
      const printed = () => page.frameLocator('[data-testid="print-frame"]').locator('body');
      await page.goto(`/lottery/tickets/${code}/print`);
      await expect.poll(() => printed().textContent(), WAIT).toContain('¡SUERTE!');
      // …until the operator chooses English for tickets on the settings screen.
      await admin.goto('/lottery/settings');
      const language = admin.getByTestId('settings-ticket-language');
      await language.click();
      await admin.getByRole('option', { name: 'English' }).click();
      await admin.getByTestId('settings-save').click();
      await expect
        .poll(
          async () => (await apiCall(admin, 'GET', '/lottery/settings')).json.settings.ticket_language,
          WAIT,
        )
        .toBe('en');
      try {
        await page.reload();
        await expect.poll(() => printed().textContent(), WAIT).toContain('GOOD LUCK!');
        expect(await printed().textContent()).toContain('Straight (quiniela)');
      } finally {
        const settings = (await apiCall(admin, 'GET', '/lottery/settings')).json.settings;
        await apiCall(admin, 'PUT', '/lottery/settings', { ...settings, ticket_language: 'es' });
      }
    }));

  it('at 360×780 the draw chips read "Lottery HH:MM" in the operator\'s zone, never internal codes; an early close leaves the screen at once and says so; reopened, it comes back as fast', () =>
    asSellerWithAdmin(NARROW, 'pos-chips-failure-360', async (page, admin) => {
      const { draw } = await saleOnOneDraw(page);
      const chips = page.locator('[data-testid^="pos-draw-"][data-lottery]');
      await expect.poll(() => chips.count()).toBeGreaterThan(5);
      const texts = await chips.allTextContents();
      for (const text of texts) {
        expect(text, 'a draw time').toMatch(/\d{2}:\d{2}/);
        expect(text, 'no internal code').not.toMatch(/[A-Z0-9]+_[A-Z0-9]/);
      }
      const superPale = page.locator('[data-lottery="SP_REAL_GM"]').first();
      await superPale.scrollIntoViewIfNeeded();
      expect(await superPale.textContent()).toMatch(/^Super Palé Real · Gana Más\s14:30/);
      expect(await superPale.getAttribute('title')).toMatch(
        /SUPER PALÉ REAL · GANA MÁS · sorteo 14:30 · cierra \d{2}:\d{2}/,
      );
      const chip = page.getByTestId(`pos-draw-${draw.id}`);
      const time = hhmm(draw.draw_at, 'America/Santo_Domingo');
      expect(await chip.getByTestId('pos-draw-time').textContent()).toBe(time);
      expect(await chip.getAttribute('title')).toContain(
        `cierra ${hhmm(draw.close_at, 'America/Santo_Domingo')}`,
      );
      // Selected (with its check mark), the longest chip still fits the phone's width.
      await superPale.locator('label').click();
      const widest = await chips.evaluateAll((all) =>
        Math.max(...all.map((c) => c.querySelector('label')!.getBoundingClientRect().right)),
      );
      expect(widest).toBeLessThanOrEqual(360);
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'pos-chips-360');

      // The admin stops sales of the selected draw: pushed, it leaves long before the minute's refresh.
      const asked = Date.now();
      await call(admin, 'POST', `/lottery/draws/${draw.id}/close`, { reason: 'Falla en la transmisión' });
      await page.getByTestId('pos-draw-closed').waitFor({ timeout: 5_000 });
      expect(Date.now() - asked).toBeLessThan(5_000);
      expect(await chip.count()).toBe(0);
      expect(await page.getByTestId('pos-draw-closed').textContent()).toContain(time);
      await screenshot(page, 'pos-draw-closed-360');

      const reopenedAt = Date.now();
      await call(admin, 'POST', `/lottery/draws/${draw.id}/reopen`, { reason: 'Proveedor restablecido' });
      await chip.waitFor({ timeout: 5_000 });
      expect(Date.now() - reopenedAt).toBeLessThan(5_000);
    }));
});

describe('point of sale in Costa Rica: colones and San José time on every seller screen', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ MATRIZ_DEMO: 'cr' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a tiempos sale, its ticket, the prize and its receipt read ₡ and San José time, never RD$ or UTC', async () => {
    const seller = await newPage(browser, server.url, NARROW);
    const admin = await newPage(browser, server.url, DESKTOP);
    const page = seller.page;
    const colones = (cents: number) => rd(cents).replace('RD$', '₡');
    try {
      await login(page, 'juan001');
      await login(admin.page, 'admin');
      await page.goto('/lottery/sell');
      const input = page.getByTestId('pos-input');
      await input.waitFor();
      const [draw] = await twoQuinielaDraws(page, 'tiempos');
      const chip = page.getByTestId(`pos-draw-${draw.id}`);
      await chip.waitFor();
      // The browser is in Santo Domingo; the operator, and so the chip, in San José.
      expect(await chip.getByTestId('pos-draw-time').textContent()).toBe(
        hhmm(draw.draw_at, 'America/Costa_Rica'),
      );
      await chip.locator('label').click();
      await typePlays(input, ['23 100']);
      await expect.poll(() => page.getByTestId('pos-total').textContent()).toBe(colones(10_000));
      await expect
        .poll(() => page.getByTestId('pos-line-amount').first().textContent())
        .toBe(colones(10_000));
      await screenshot(page, 'pos-cr-360');
      await expect.poll(() => page.getByTestId('pos-confirm').isEnabled(), WAIT).toBe(true);
      await page.getByTestId('pos-confirm').click();
      await page.waitForURL(/\/lottery\/tickets\/[A-Z0-9]+-\d{8}-\d{4,}\/print/);
      const code = decodeURIComponent(new URL(page.url()).pathname.split('/')[3]);
      const frame = page.frameLocator('[data-testid="print-frame"]');
      await frame.getByTestId('print-code').first().waitFor();
      expect(await frame.locator('body').textContent()).toContain(colones(10_000));

      await page.goto(`/lottery/tickets/${code}`);
      await page.getByTestId('ticket-detail').waitFor();
      expect(await page.getByTestId('ticket-total').textContent()).toBe(colones(10_000));
      expect(await page.getByTestId('ticket-detail').textContent()).not.toContain('RD$');

      await call(admin.page, 'POST', `/lottery/draws/${draw.id}/close`, { reason: 'prueba de pago' });
      await call(admin.page, 'POST', '/lottery/results', {
        lottery: draw.lottery_code,
        draw_date: draw.draw_date,
        draw_time: draw.draw_time.slice(0, 5),
        number: '23',
        ball: 'white',
      });
      await expect.poll(async () => (await ticketOf(page, code)).status, WAIT).toBe('winner');
      const prize = Math.round((await ticketOf(page, code)).totals.total_prize * 100);

      await page.goto(`/lottery/tickets/${code}`);
      await page.getByTestId('ticket-line-status').first().waitFor();
      expect(await page.getByTestId('ticket-line-status').first().textContent()).toBe('Ganador · Acierto');
      await page.goto(`/lottery/pay?code=${encodeURIComponent(code)}`);
      await page.getByTestId('pay-status').waitFor();
      expect(await page.getByTestId('pay-prize').textContent()).toBe(`Premio: ${colones(prize)}`);
      await page.getByTestId('pay-button').click();
      expect(await page.getByRole('dialog').textContent()).toContain(colones(prize));
      await page.getByTestId('confirm-accept').click();
      await expect.poll(() => page.getByTestId('pay-status').textContent(), WAIT).toBe('PAGADO');

      // The printed receipt: when it was paid in San José time, the prize in colones.
      const paid = await ticketOf(page, code);
      const receipt = await (await page.request.get(`/api/v1/lottery/tickets/${code}/receipt`)).text();
      const local = new Intl.DateTimeFormat('es-DO', {
        timeZone: 'America/Costa_Rica',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      }).format(new Date(paid.payment!.paid_at));
      expect(receipt).toContain(local);
      expect(receipt).not.toContain('UTC');
      expect(receipt).toContain(`PAGADO ${colones(prize)}`);
      expect(receipt).not.toContain('RD$');
      expect(pageErrors(page)).toEqual([]);
    } catch (error) {
      await screenshot(page, 'pos-cr-failure-360');
      throw error;
    } finally {
      await seller.context.close();
      await admin.context.close();
    }
  });
});
