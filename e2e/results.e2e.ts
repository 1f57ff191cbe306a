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

describe('resultados: el operador escribe el resultado de un sorteo cerrado en la pantalla', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ MATRIZ_CLOCK: '2026-01-29T10:00:00-04:00' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('typed key by key, 23-45-67 for REAL is published and settles the draw', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'admin');
      const open = await apiCall(page, 'GET', '/lottery/draws?status=open');
      const draw = open.json.draws.find((d: { lottery_code: string }) => d.lottery_code === 'REAL');
      const closed = await apiCall(page, 'POST', `/lottery/draws/${draw.id}/close`, {
        reason: 'cierre para la prueba de resultados',
      });
      expect(closed.status, JSON.stringify(closed.json)).toBe(200);

      await page.goto(`/lottery/results?date=${draw.draw_date}&lottery=REAL`);
      await page.getByTestId('enter-REAL').click();
      // Real typing, one key event at a time: each keystroke re-renders the form.
      await page.getByTestId('result-first').pressSequentially('23');
      await page.getByTestId('result-second').pressSequentially('45');
      await page.getByTestId('result-third').pressSequentially('67');
      expect(await page.getByTestId('result-first').inputValue()).toBe('23');
      await screenshot(page, 'results-1-typed-1366');
      // Publishing settles the draw: the confirmation says back what was typed before it goes live.
      await page.getByTestId('result-save').click();
      const dialog = page.getByTestId('confirm-dialog');
      await dialog.getByTestId('confirm-accept').waitFor();
      expect(await dialog.textContent()).toContain('23-45-67');
      await screenshot(page, 'results-2-confirm-1366');
      await dialog.getByTestId('confirm-accept').click();

      await expect
        .poll(async () => (await apiCall(page, 'GET', `/lottery/draws/${draw.id}`)).json.draw.status)
        .toMatch(/^(resulted|settled)$/);
      const listed = await apiCall(page, 'GET', `/lottery/results?date=${draw.draw_date}&lottery=REAL`);
      expect(JSON.stringify(listed.json)).toContain('23-45-67');
      expect(pageErrors(page)).toEqual([]);
    } catch (error) {
      await screenshot(page, 'results-failure-1366');
      throw error;
    } finally {
      await context.close();
    }
  });
});
