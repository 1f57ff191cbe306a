import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  DESKTOP,
  launchBrowser,
  login,
  newPage,
  pageErrors,
  screenshot,
} from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

describe('pizarra en vivo: un vendedor vende y el supervisor lo ve sin recargar', () => {
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

  it('juan001 vende 23 en REAL y la pizarra de supervisor1 cambia de color e importe en menos de 1 s', async () => {
    const seller = await newPage(browser, server.url, DESKTOP);
    const supervisor = await newPage(browser, server.url, DESKTOP);
    const admin = await newPage(browser, server.url, DESKTOP);
    try {
      await login(seller.page, 'juan001');
      await login(supervisor.page, 'supervisor1');
      await login(admin.page, 'admin');

      // A first small sale tells which REAL draw is on sale now.
      const first = await apiCall(seller.page, 'POST', '/lottery/tickets', { entry: 'REAL|55|1' });
      expect(first.status, JSON.stringify(first.json)).toBe(201);
      const drawId = first.json.ticket.lines[0].lottery.draw_id as string;
      // Limit of 23 in that draw: 150, so a sale of 100 turns it from green to yellow (66 %).
      const limit = await apiCall(admin.page, 'POST', '/lottery/limits', {
        level: 'number',
        bet_type: 'DIRECTO',
        number: '23',
        max_amount: 150,
        draw_id: drawId,
      });
      expect(limit.status, JSON.stringify(limit.json)).toBe(201);

      await supervisor.page.goto(`/lottery/risk?tab=board&draw=${drawId}`);
      const cell = supervisor.page.getByTestId('board-cell-23');
      await cell.waitFor();
      expect(await cell.getAttribute('data-colour')).toBe('green');
      expect(await cell.getAttribute('data-sold')).toBe('0');
      // The socket is open once the page has subscribed; give it a moment to connect.
      await supervisor.page.waitForFunction(() => performance.now() > 0);
      await supervisor.page.waitForTimeout(1500);
      const navigations: string[] = [];
      supervisor.page.on('framenavigated', (frame) => {
        if (frame === supervisor.page.mainFrame()) navigations.push(frame.url());
      });

      const sale = await apiCall(seller.page, 'POST', '/lottery/tickets', {
        entry: 'REAL|23|100',
        draw_ids: [drawId],
      });
      expect(sale.status, JSON.stringify(sale.json)).toBe(201);
      const soldAt = Date.now();
      await supervisor.page.waitForFunction(
        () => {
          const el = document.querySelector('[data-testid="board-cell-23"]');
          return el?.getAttribute('data-colour') === 'yellow' && el?.getAttribute('data-sold') === '100';
        },
        undefined,
        { timeout: 1000, polling: 25 },
      );
      const elapsed = Date.now() - soldAt;
      expect(elapsed).toBeLessThan(1000);
      expect(await supervisor.page.getByTestId('board-sold-23').textContent()).toContain('100');
      expect(navigations).toEqual([]);

      // Cancelling gives it back, live as well.
      const cancel = await apiCall(
        seller.page,
        'POST',
        `/lottery/tickets/${sale.json.ticket.ticket_code}/cancel`,
        {
          reason: 'cliente se arrepintió',
        },
      );
      expect(cancel.status, JSON.stringify(cancel.json)).toBe(200);
      await supervisor.page.waitForFunction(
        () =>
          document.querySelector('[data-testid="board-cell-23"]')?.getAttribute('data-colour') === 'green',
        undefined,
        { timeout: 1000, polling: 25 },
      );
      await screenshot(supervisor.page, 'board-supervisor-desktop');
      expect(pageErrors(supervisor.page)).toEqual([]);
      expect(pageErrors(seller.page)).toEqual([]);
    } finally {
      await seller.context.close();
      await supervisor.context.close();
      await admin.context.close();
    }
  });
});
