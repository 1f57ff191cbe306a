import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, login, newPage, PHONE, pageErrors, screenshot } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

describe('bakery route sales', () => {
  let server: TestServer;
  let browser: Browser;
  let pedidoCode = '';

  beforeAll(async () => {
    server = await startServer({ MATRIZ_MODULES: 'bakery' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a route seller scans three product codes into a pedido on the phone and submits it', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    try {
      await login(page, 'ruta1');
      await page.goto('/bakery/documents');
      const scan = page.getByTestId('scan-input');
      await scan.waitFor();
      // The scanner types the code and Enter; a repeated scan adds one unit.
      for (const code of ['P001', 'p002', 'B001', 'P001']) {
        await scan.fill(code);
        await scan.press('Enter');
      }
      await expect.poll(() => page.getByTestId('document-line').count()).toBe(3);
      expect(await page.getByTestId('qty-P001').inputValue()).toBe('2');
      await page.getByRole('button', { name: '+' }).nth(2).click();
      expect(await page.getByTestId('qty-B001').inputValue()).toBe('2');
      expect(await page.getByTestId('document-totals').textContent()).toContain('3 productos · 5 unidades');
      await screenshot(page, 'bakery-documents-390');
      await page.getByTestId('submit-document').click();
      const created = page.getByTestId('created-document');
      await created.waitFor();
      pedidoCode = /PD-\d{5}/.exec((await created.textContent()) ?? '')?.[0] ?? '';
      expect(pedidoCode).toMatch(/^PD-\d{5}$/);
      await page.getByTestId('document-list').getByText(pedidoCode, { exact: false }).first().waitFor();
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a semiadmin generates that seller’s sale on the desktop and downloads the half-letter PDF', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'despacho1');
      await page.goto('/bakery/sales');
      await page.getByTestId('sale-seller').click();
      await page.getByRole('option', { name: /Carlos Ruta Uno/ }).click();
      const pedido = page.getByTestId('sale-pedido');
      await expect.poll(() => pedido.inputValue()).toContain(pedidoCode);
      const lines = page.getByTestId('sale-lines');
      await lines.waitFor();
      for (const code of ['P001', 'P002', 'B001']) await lines.getByText(code, { exact: true }).waitFor();
      await screenshot(page, 'bakery-sale-1366');
      await page.getByTestId('confirm-sale').click();
      await page.getByTestId('sale-done').waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-pdf').click(),
      ]);
      const file = await download.path();
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+396 x 612 pts/);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Carlos Ruta Uno');
      expect(text).toContain(pedidoCode);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the bakery admin edits, reassigns and annuls unused documents, each with a reason', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'panadero');
      await page.goto('/bakery/documents');
      const scan = page.getByTestId('scan-input');
      await scan.waitFor();
      await page.getByTestId('document-seller').click();
      await page.getByRole('option', { name: /Carlos Ruta Uno/ }).click();
      const created = page.getByTestId('created-document');
      const codes: string[] = [];
      for (const code of ['P001', 'B001']) {
        await scan.fill(code);
        await scan.press('Enter');
        await expect.poll(() => page.getByTestId('document-line').count()).toBe(1);
        await page.getByTestId('submit-document').click();
        await expect
          .poll(async () => /PD-\d{5}/.exec((await created.textContent()) ?? '')?.[0])
          .not.toBe(codes[0]);
        codes.push(/PD-\d{5}/.exec((await created.textContent()) ?? '')?.[0] ?? '');
      }
      const [toReassign, toAnnul] = codes;
      expect(toReassign).toMatch(/^PD-\d{5}$/);
      expect(toAnnul).toMatch(/^PD-\d{5}$/);
      const row = (code: string) => page.locator(`[data-testid="document-row"][data-code="${code}"]`);
      await row(toAnnul).waitFor();

      // The document already used by the sale of the previous test offers no actions.
      await row(pedidoCode).waitFor();
      expect(await row(pedidoCode).getByTestId('document-actions').count()).toBe(0);
      expect(await row(pedidoCode).getByTestId('document-status').getAttribute('data-status')).toBe('usado');

      // Edit: one more unit of P001, with a reason.
      await row(toReassign).getByTestId('document-edit').click();
      const edit = page.getByRole('dialog');
      await edit.getByTestId('qty-P001').waitFor();
      await edit.getByRole('button', { name: '+' }).click();
      expect(await edit.getByTestId('qty-P001').inputValue()).toBe('2');
      const save = edit.getByTestId('document-action-submit');
      expect(await save.isDisabled()).toBe(true);
      await edit.getByTestId('document-reason').fill('Faltó una unidad en el pedido');
      await save.click();
      await edit.waitFor({ state: 'detached' });
      await expect.poll(() => row(toReassign).getByTestId('document-meta').textContent()).toContain('2 u.');

      // Reassign to another active route seller, with a reason.
      await row(toReassign).getByTestId('document-reassign').click();
      const reassign = page.getByRole('dialog');
      await reassign.getByTestId('reassign-seller').click();
      await page.getByRole('option', { name: /Luz Marina Ruta Dos/ }).click();
      await reassign.getByTestId('document-reason').fill('Pedido registrado al vendedor equivocado');
      await reassign.getByTestId('document-action-submit').click();
      await reassign.waitFor({ state: 'detached' });
      await expect
        .poll(() => row(toReassign).getByTestId('document-meta').textContent())
        .toContain('Luz Marina Ruta Dos');
      expect(await row(toReassign).getByTestId('document-status').getAttribute('data-status')).toBe(
        'pendiente',
      );

      await row(toReassign).scrollIntoViewIfNeeded();
      await screenshot(page, 'bakery-documents-actions-1366');

      // Annul on a 360 px screen: a confirmation with a required reason.
      await page.setViewportSize({ width: 360, height: 780 });
      await row(toAnnul).getByTestId('document-annul').click();
      const annul = page.getByRole('dialog');
      const confirm = annul.getByTestId('document-action-submit');
      await confirm.waitFor();
      expect(await confirm.isDisabled()).toBe(true);
      await annul.getByTestId('document-reason').fill('Pedido duplicado');
      await screenshot(page, 'bakery-documents-annul-360');
      await confirm.click();
      await annul.waitFor({ state: 'detached' });
      await expect
        .poll(() => row(toAnnul).getByTestId('document-status').getAttribute('data-status'))
        .toBe('anulado');
      expect(await row(toAnnul).getByTestId('document-status').textContent()).toBe('Anulado');
      expect(await row(toAnnul).getByTestId('document-actions').count()).toBe(0);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
