import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
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

const NARROW: Viewport = { width: 360, height: 780, mobile: true };

interface DocumentJson {
  id: string;
  code: string;
  lines: { product_code: string; quantity: number }[];
}

/** The `data-code` of every document card shown. */
const shownCodes = (page: Page) =>
  page.getByTestId('document-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code') ?? ''));

/** Elements among `locator` whose text does not fit their box, or that reach past the viewport's right edge. */
async function cutOff(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements) =>
    elements
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return el.scrollWidth > el.clientWidth || box.right > document.documentElement.clientWidth;
      })
      .map((el) => `${el.textContent} (${el.scrollWidth}>${el.clientWidth})`),
  );
}

/** Clears a field the way a user does (select all, erase), then types. */
async function retype(field: Locator, text: string) {
  await field.selectText();
  await field.press('Backspace');
  expect(await field.inputValue()).toBe('');
  await field.pressSequentially(text);
}

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

  it('a semiadmin finds the documents in the menu and consults every seller’s by dates, type and seller, page by page', async () => {
    const { context, page } = await newPage(browser, server.url, NARROW);
    try {
      await login(page, 'despacho1');
      await openNavigation(page);
      await page.getByTestId('nav-bakery-documents').click();
      await page.waitForURL((url) => url.pathname === '/bakery/documents');
      const rows = page.getByTestId('document-row');
      await rows.first().waitFor();
      // Consulting only: no form to write a document.
      expect(await page.getByTestId('scan-input').count()).toBe(0);
      expect(await page.getByTestId('submit-document').count()).toBe(0);

      // Twenty a page; the second page brings the next ones, none repeated.
      const first = await shownCodes(page);
      expect(first).toHaveLength(20);
      const total = Number(/\d+/.exec((await page.getByTestId('document-total').textContent()) ?? '')?.[0]);
      expect(total).toBeGreaterThan(20);
      await page.getByTestId('document-pages').getByRole('button', { name: '2', exact: true }).click();
      await expect.poll(async () => (await shownCodes(page))[0]).not.toBe(first[0]);
      expect((await shownCodes(page)).filter((code) => first.includes(code))).toEqual([]);

      // Pedidos of one seller between two dates.
      await page.getByTestId('document-filter-kind').click();
      await page.getByRole('option', { name: 'Pedido', exact: true }).click();
      await page.getByTestId('document-filter-seller').click();
      await page.getByRole('option', { name: 'Carlos Ruta Uno' }).click();
      await expect
        .poll(async () => (await shownCodes(page)).every((code) => code.startsWith('PD-')))
        .toBe(true);
      const metas = page.getByTestId('document-meta');
      await expect
        .poll(async () => (await metas.allTextContents()).every((m) => m.includes('Carlos Ruta Uno')))
        .toBe(true);
      const dates = (await metas.allTextContents()).map((m) => m.slice(0, 10));
      const [to, from] = [dates[1], dates[3]];
      const shownDates = async () => (await metas.allTextContents()).map((m) => m.slice(0, 10));
      // One date, then the other, each applied before the next as a person types them.
      await page.getByTestId('document-filter-from').fill(from);
      await expect.poll(shownDates).toEqual(dates.filter((d) => d >= from));
      await page.getByTestId('document-filter-to').fill(to);
      await expect.poll(shownDates).toEqual(dates.filter((d) => d >= from && d <= to));
      expect(page.url()).toContain('kind=PD');
      await screenshot(page, 'bakery-documents-semiadmin-360');

      // The filters live in the address: a reload keeps them.
      await page.reload();
      await expect.poll(shownDates).toEqual(dates.filter((d) => d >= from && d <= to));
      // A reversed range says so instead of listing nothing.
      await page.getByTestId('document-filter-from').fill(to);
      await expect.poll(shownDates).toEqual(dates.filter((d) => d === to));
      await page.getByTestId('document-filter-to').fill(from);
      await page.getByTestId('document-range-invalid').waitFor();
      expect(await rows.count()).toBe(0);
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

  it('at 360 px a quantity can be cleared and retyped: the pedido and its admin edit keep exactly that quantity', async () => {
    const documentOf = async (page: Page, code: string): Promise<DocumentJson> =>
      (await (await page.request.get(`/api/v1/bakery/documents?code=${code}`)).json()).items[0];
    let code = '';
    const seller = await newPage(browser, server.url, NARROW);
    try {
      const { page } = seller;
      await login(page, 'ruta5');
      await page.goto('/bakery/documents');
      const scan = page.getByTestId('scan-input');
      await scan.waitFor();
      await scan.fill('P003');
      await scan.press('Enter');
      const quantity = page.getByTestId('qty-P003');
      await expect.poll(() => quantity.inputValue()).toBe('1');

      // Emptied, the field stays empty; submitting it is refused on the screen, naming the line.
      await quantity.selectText();
      await quantity.press('Backspace');
      expect(await quantity.inputValue()).toBe('');
      await page.getByTestId('submit-document').click();
      const problem = page.getByTestId('qty-error-P003');
      await problem.waitFor();
      expect(await problem.textContent()).toContain('P003');
      expect(await page.getByTestId('created-document').count()).toBe(0);

      await quantity.pressSequentially('24');
      expect(await quantity.inputValue()).toBe('24');
      expect(await problem.count()).toBe(0);
      expect(await page.getByTestId('document-totals').textContent()).toContain('1 productos · 24 unidades');
      await screenshot(page, 'bakery-documents-quantity-360');
      await page.getByTestId('submit-document').click();
      const created = page.getByTestId('created-document');
      await created.waitFor();
      code = /PD-\d{5}/.exec((await created.textContent()) ?? '')?.[0] ?? '';
      expect(code).toMatch(/^PD-\d{5}$/);
      expect((await documentOf(page, code)).lines).toMatchObject([{ product_code: 'P003', quantity: 24 }]);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await seller.context.close();
    }

    const admin = await newPage(browser, server.url, NARROW);
    try {
      const { page } = admin;
      await login(page, 'panadero');
      await page.goto('/bakery/documents');
      const row = page.locator(`[data-testid="document-row"][data-code="${code}"]`);
      await row.getByTestId('document-edit').click();
      const edit = page.getByRole('dialog');
      const quantity = edit.getByTestId('qty-P003');
      await expect.poll(() => quantity.inputValue()).toBe('24');
      await retype(quantity, '30');
      await edit.getByTestId('document-reason').fill('Conteo corregido en el despacho');
      await edit.getByTestId('document-action-submit').click();
      await edit.waitFor({ state: 'detached' });
      await expect.poll(() => row.getByTestId('document-meta').textContent()).toContain('30 u.');
      expect((await documentOf(page, code)).lines).toMatchObject([{ product_code: 'P003', quantity: 30 }]);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await admin.context.close();
    }
  });

  it('with two pedidos the same day the sale screen asks which one, warns without a day return, and annulling asks for a reason', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'panadero');
      const sellers = (await (await page.request.get('/api/v1/bakery/sellers')).json()).items as {
        id: string;
        username: string;
      }[];
      const sandra = sellers.find((s) => s.username === 'ruta6')!;
      const pedido = async (quantity: number) =>
        (
          (await (
            await page.request.post('/api/v1/bakery/documents', {
              data: {
                kind: 'PD',
                seller_id: sandra.id,
                lines: [{ product_code: 'P004', quantity }],
              },
            })
          ).json()) as { document: DocumentJson }
        ).document.code;
      const small = await pedido(7);
      const large = await pedido(40);

      await page.goto('/bakery/sales');
      await page.getByTestId('sale-seller').click();
      await page.getByRole('option', { name: /Sandra Ruta Seis/ }).click();
      const choice = page.getByTestId('sale-pedido-choice');
      await choice.waitFor();
      const options = choice.getByTestId('sale-pedido-option');
      expect(await options.allTextContents()).toEqual(
        expect.arrayContaining([`${small} · 7 u.`, `${large} · 40 u.`]),
      );
      expect(await page.getByTestId('sale-pedido').inputValue()).toBe('');
      expect(await page.getByTestId('sale-no-return').textContent()).toContain('devolución del día');
      await screenshot(page, 'bakery-sale-pedido-choice-1366');

      await options.filter({ hasText: small }).click();
      await expect.poll(() => page.getByTestId('sale-pedido').inputValue()).toContain(small);
      expect(await choice.count()).toBe(0);
      const confirm = page.getByTestId('confirm-sale');
      await expect.poll(() => confirm.isDisabled()).toBe(false);
      await page.getByTestId('sale-lines').getByText('P004', { exact: true }).waitFor();
      await confirm.click();
      await page.getByTestId('sale-done').waitFor();
      const pdf = await page.getByTestId('download-pdf').getAttribute('href');
      const saleId = /sales\/([^/]+)\/pdf/.exec(pdf ?? '')?.[1];
      expect(saleId).toBeTruthy();
      const sold = (await (await page.request.get(`/api/v1/bakery/sales/${saleId}`)).json()).sale;
      expect(sold.documents.pedido.code).toBe(small);
      expect(sold.lines.find((l: { product_code: string }) => l.product_code === 'P004').pedido_qty).toBe(7);

      await page.getByTestId('annul-sale').click();
      const dialog = page.getByTestId('sale-annul-dialog');
      const submit = dialog.getByTestId('sale-annul-submit');
      await submit.waitFor();
      expect(await submit.isDisabled()).toBe(true);
      await dialog.getByTestId('document-reason').fill('no');
      expect(await submit.isDisabled()).toBe(true);
      await dialog.getByTestId('document-reason').fill('Se usó el pedido equivocado');
      await submit.click();
      await dialog.waitFor({ state: 'detached' });
      const annulled = (await (await page.request.get(`/api/v1/bakery/sales/${saleId}`)).json()).sale;
      expect(annulled).toMatchObject({ status: 'anulada', annul_reason: 'Se usó el pedido equivocado' });
      // Its pedido is free again, so the screen asks again.
      await choice.waitFor();
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the sales history lists past sales page by page, finds the annulled one and opens it', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'despacho1');
      await page.getByTestId('nav-bakery-sales-history').click();
      await page.waitForURL((url) => url.pathname === '/bakery/sales-history');
      const table = page.getByTestId('sales-history');
      const rows = table.getByTestId('table-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(25);
      const firstPage = await rows.allTextContents();
      await table.getByRole('button', { name: '2', exact: true }).click();
      await expect.poll(async () => (await rows.allTextContents())[0]).not.toBe(firstPage[0]);
      expect((await rows.allTextContents()).filter((r) => firstPage.includes(r))).toEqual([]);

      // Sandra's sale annulled earlier, found by seller and status.
      await page.getByTestId('sales-filter-seller').click();
      await page.getByRole('option', { name: 'Sandra Ruta Seis' }).click();
      await page.getByTestId('sales-filter-status').click();
      await page.getByRole('option', { name: 'Anulada', exact: true }).click();
      await expect
        .poll(async () => (await rows.getByTestId('sale-row-status').allTextContents()).join())
        .toMatch(/^Anulada(,Anulada)*$/);
      expect(await rows.first().textContent()).toContain('Sandra Ruta Seis');
      await screenshot(page, 'bakery-sales-history-1366');
      await rows.first().getByTestId('sale-open').click();
      const detail = page.getByTestId('sale-detail');
      await detail.getByTestId('sale-lines').waitFor();
      expect(await detail.getByTestId('sale-detail-status').getAttribute('data-status')).toBe('anulada');
      expect(await detail.getByTestId('sale-detail-annulled').textContent()).toContain(
        'Se usó el pedido equivocado',
      );
      expect(await detail.getByTestId('sale-detail-pdf').getAttribute('href')).toContain('lang=es');
      expect(await detail.getByTestId('sale-detail-annul').count()).toBe(0);
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });

      // Confirmed ones carry the sums of the filter.
      await page.getByTestId('sales-filter-status').click();
      await page.getByRole('option', { name: 'Confirmada', exact: true }).click();
      await expect
        .poll(async () =>
          (await rows.getByTestId('sale-row-status').allTextContents()).every((s) => s === 'Confirmada'),
        )
        .toBe(true);
      expect(await page.getByTestId('sales-total-value').textContent()).toMatch(/\$[\d.]+,\d{2}/);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a route seller’s sales history shows only their own sales', async () => {
    const { context, page } = await newPage(browser, server.url, NARROW);
    try {
      await login(page, 'ruta1');
      await openNavigation(page);
      await page.getByTestId('nav-bakery-sales-history').click();
      const rows = page.getByTestId('sales-history').getByTestId('table-row');
      await rows.first().waitFor();
      // No seller to choose and no seller column: every sale listed is theirs.
      expect(await page.getByTestId('sales-filter-seller').count()).toBe(0);
      const own = await (await page.request.get('/api/v1/bakery/sales?page_size=500')).json();
      expect(new Set(own.items.map((s: { seller_name: string }) => s.seller_name))).toEqual(
        new Set(['Carlos Ruta Uno']),
      );
      expect(await page.getByTestId('table-total').textContent()).toBe(`${own.total} registros`);
      await screenshot(page, 'bakery-sales-history-360');
      await rows.first().getByTestId('sale-open').click();
      await page.getByTestId('sale-detail').getByTestId('sale-lines').waitFor();
      expect(await page.getByTestId('sale-detail').textContent()).toContain('Carlos Ruta Uno');
      expect(await page.getByTestId('sale-detail-annul').count()).toBe(0);
      await screenshot(page, 'bakery-sale-detail-360');
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('at 360 px every figure of the panel is whole: the seller’s own and the summary per seller', async () => {
    for (const username of ['ruta1', 'panadero']) {
      const { context, page } = await newPage(browser, server.url, NARROW);
      try {
        await login(page, username);
        await page.goto('/bakery/panel');
        const figures =
          username === 'ruta1'
            ? page.locator(
                '[data-testid^="own-"]:not([data-testid^="own-baskets-"]):not([data-testid="own-figures"])',
              )
            : page.getByTestId('panel-amount');
        await expect.poll(() => figures.count()).toBeGreaterThanOrEqual(4);
        await expect
          .poll(async () => (await figures.allTextContents()).some((t) => t.includes('…')))
          .toBe(false);
        expect(await cutOff(figures)).toEqual([]);
        // The amounts on the chart's axis start inside the chart, not cut at its left edge.
        const chart = page.getByTestId('panel-chart');
        await chart.locator('.recharts-yAxis-tick-labels text').first().waitFor();
        const chartLeft = (await chart.boundingBox())?.x ?? 0;
        const tickLefts = await chart
          .locator('.recharts-yAxis-tick-labels text')
          .evaluateAll((ticks) => ticks.map((tick) => tick.getBoundingClientRect().left));
        expect(tickLefts.filter((left) => left < chartLeft)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await screenshot(page, `bakery-panel-${username}-360`);
        expect(pageErrors(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('downloads follow the language chosen in the app, not the browser’s', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'despacho1');
      await page.goto('/bakery/reports');
      const pdf = page.getByTestId('report-pdf');
      await pdf.waitFor();
      expect(await pdf.getAttribute('href')).toContain('lang=es');
      // The browser asks for Spanish (es-DO); the user switches the app to English.
      await page.getByTestId('language-switch').click();
      await expect.poll(() => pdf.getAttribute('href')).toContain('lang=en');
      const [download] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
      const text = execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' });
      expect(text).toContain('Sales by product');
      await page.getByTestId('language-switch').click();
      await expect.poll(() => pdf.getAttribute('href')).toContain('lang=es');
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a reversed date range disables the report downloads with a message instead of downloading an error', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'despacho1');
      await page.goto('/bakery/reports');
      const pdf = page.getByTestId('report-pdf');
      await pdf.waitFor();
      expect(await pdf.getAttribute('href')).toContain('format=pdf');
      await page.getByLabel('Desde').fill('2026-11-30');
      await page.getByLabel('Hasta').fill('2026-11-01');
      const message = page.getByTestId('report-range-invalid');
      await message.waitFor();
      expect(await message.textContent()).toContain('2026-11-30');
      for (const button of [pdf, page.getByTestId('report-xlsx')]) {
        expect(await button.getAttribute('href')).toBeNull();
        expect(await button.getAttribute('data-disabled')).toBe('true');
      }
      await page.getByLabel('Hasta').fill('2026-11-30');
      await expect.poll(() => pdf.getAttribute('href')).toContain('from=2026-11-30&to=2026-11-30');
      expect(await message.count()).toBe(0);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
