import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';
import { call, cookieOf, newDocument, newProduct, newSeller, ok } from './bakery-test-kit.ts';

const dir = mkdtempSync(join(tmpdir(), 'bakery-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(bytes: Buffer): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pdfPageSize(bytes: Buffer): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return (
    /Page size:\s+([\d.]+ x [\d.]+) pts/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ??
    ''
  );
}

// A 1×1 PNG.
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describeEngines(
  'reportes Excel y PDF media carta, logo e importación CSV',
  (t) => {
    it('el PDF de una venta es media carta, lleva el logo, el vendedor, las líneas y los totales', async () => {
      const app = t();
      const logo = await ok(app, 'panadero', 'PUT', '/bakery/settings/logo', {
        filename: 'logo.png',
        mime: 'image/png',
        data_base64: PNG_1PX.toString('base64'),
      });
      expect(logo).toEqual({ filename: 'logo.png', mime: 'image/png', size: PNG_1PX.length });
      const seller = await newSeller(app, 10, 12);
      const product = await newProduct(app, 'bizcocheria', 2500);
      const pd = await newDocument(app, 'PD', seller.id, '2026-01-29', [[product.code, 7]]);
      const { sale } = await ok(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-01-29',
        pedido_id: pd.id,
      });
      const response = await app.app.inject({
        method: 'GET',
        url: `/api/v1/bakery/sales/${sale.id}/pdf`,
        headers: { cookie: await cookieOf(app, 'despacho1') },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(pdfPageSize(response.rawPayload)).toBe('396 x 612');
      const text = pdfText(response.rawPayload);
      expect(text).toContain('Panadería La Espiga');
      expect(text).toContain(`Venta del día — Vendedor ${seller.username}`);
      expect(text).toContain(pd.code);
      expect(text).toMatch(
        new RegExp(
          `${product.code} +Producto.* 7\\s+\\$2\\.500,00\\s+\\$17\\.500,00\\s+12 %\\s+\\$2\\.100,00\\s+\\$15\\.400,00`,
        ),
      );
      expect(text).toContain('Totales');
      expect(text).toContain('Bizcochería $17.500,00');
      expect(response.rawPayload.includes(Buffer.from('/Subtype /Image'))).toBe(true);
    });

    it('el Excel por producto guarda números con formato moneda y totales como fórmulas con valor', async () => {
      const app = t();
      const response = await app.app.inject({
        method: 'GET',
        url: '/api/v1/bakery/reports/sales?group=product&from=2026-01-01&to=2026-01-31&format=xlsx',
        headers: { cookie: await cookieOf(app, 'despacho1') },
      });
      expect(response.statusCode).toBe(200);
      const json = await ok(
        app,
        'despacho1',
        'GET',
        '/bakery/reports/sales?group=product&from=2026-01-01&to=2026-01-31',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const headerRow = sheet.getRow(5);
      expect(headerRow.getCell(1).value).toBe('Código');
      const first = sheet.getRow(6);
      expect(first.getCell(1).value).toBe(json.rows[0].key);
      expect(typeof first.getCell(5).value).toBe('number');
      expect(first.getCell(5).value).toBe(json.rows[0].value);
      expect(first.getCell(5).numFmt).toContain('"$"#,##0.00');
      const totals = sheet.getRow(6 + json.rows.length);
      const formula = totals.getCell(5).value as { formula: string; result: number };
      expect(formula.formula).toBe(`SUM(E6:E${5 + json.rows.length})`);
      const expected =
        json.rows.reduce((sum: number, r: { value: number }) => sum + Math.round(r.value * 100), 0) / 100;
      expect(formula.result).toBe(expected);
    });

    it('reportes por categoría, vendedor y fecha en PDF; el vendedor de ruta descarga solo el suyo', async () => {
      const app = t();
      for (const group of ['category', 'seller', 'date']) {
        const response = await app.app.inject({
          method: 'GET',
          url: `/api/v1/bakery/reports/sales?group=${group}&from=2026-01-01&to=2026-01-31&format=pdf`,
          headers: { cookie: await cookieOf(app, 'panadero') },
        });
        expect(response.statusCode).toBe(200);
        expect(pdfPageSize(response.rawPayload)).toBe('396 x 612');
        if (group === 'category') expect(pdfText(response.rawPayload)).toMatch(/Bizcochería[\s\S]*Panadería/);
      }
      const own = await ok(
        app,
        'ruta1',
        'GET',
        '/bakery/reports/sales?group=seller&from=2026-01-01&to=2026-01-31',
      );
      expect(own.rows.map((r: { key: string }) => r.key)).toEqual(['ruta1']);
    });

    it('un rango invertido es un 422 en español, no un archivo de error, en JSON, Excel y PDF', async () => {
      const app = t();
      for (const format of ['json', 'xlsx', 'pdf']) {
        const response = await call(
          app,
          'panadero',
          'GET',
          `/bakery/reports/sales?group=product&from=2026-01-31&to=2026-01-01&format=${format}`,
        );
        expect(response.status).toBe(422);
        expect(response.raw.headers['content-disposition']).toBeUndefined();
        expect(response.body.error).toMatchObject({
          code: 'DATE_RANGE_INVALID',
          message: 'La fecha inicial 2026-01-31 es posterior a la final 2026-01-01',
          details: { from: '2026-01-31', to: '2026-01-01' },
        });
      }
    });

    it('las descargas siguen el idioma elegido en la app (?lang), no el del navegador', async () => {
      const app = t();
      const get = async (url: string, browserLanguage: string) =>
        app.app.inject({
          method: 'GET',
          url: `/api/v1${url}`,
          headers: { cookie: await cookieOf(app, 'panadero'), 'accept-language': browserLanguage },
        });
      const seller = await newSeller(app, 10, 10);
      const product = await newProduct(app, 'panaderia', 1000);
      const pd = await newDocument(app, 'PD', seller.id, '2026-01-29', [[product.code, 3]]);
      const { sale } = await ok(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-01-29',
        pedido_id: pd.id,
      });

      const english = await get(`/bakery/sales/${sale.id}/pdf?lang=en`, 'es-CO,es;q=0.9');
      expect(english.statusCode).toBe(200);
      expect(pdfText(english.rawPayload)).toContain(`Day's sale — Vendedor ${seller.username}`);
      const spanish = await get(`/bakery/sales/${sale.id}/pdf?lang=es`, 'en-US,en;q=0.9');
      expect(pdfText(spanish.rawPayload)).toContain(`Venta del día — Vendedor ${seller.username}`);
      // Without a choice the browser's language still applies.
      expect(pdfText((await get(`/bakery/sales/${sale.id}/pdf`, 'en')).rawPayload)).toContain("Day's sale");

      const xlsx = await get(
        '/bakery/reports/sales?group=product&from=2026-01-01&to=2026-01-31&format=xlsx&lang=en',
        'es',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets[0].getRow(5).getCell(1).value).toBe('Code');
      const baskets = await get('/bakery/baskets/report?kind=day&format=pdf&lang=en', 'es');
      expect(pdfText(baskets.rawPayload)).toContain('Baskets: end of day per seller');

      // A refusal of a download speaks the chosen language too; an unknown one is refused.
      const reversed = await get(
        '/bakery/reports/sales?group=product&from=2026-01-31&to=2026-01-01&format=pdf&lang=en',
        'es',
      );
      expect(reversed.statusCode).toBe(422);
      expect(reversed.json().error.message).toBe('Start date 2026-01-31 is after end date 2026-01-01');
      const unknown = await get(`/bakery/sales/${sale.id}/pdf?lang=fr`, 'es');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error).toMatchObject({
        code: 'VALIDATION_ERROR',
        details: { field: 'querystring.lang' },
      });
    });

    it('el logo solo acepta PNG/JPEG reales, hasta 512 KB y sin rutas en el nombre', async () => {
      const app = t();
      const send = (body: Record<string, unknown>) =>
        call(app, 'panadero', 'PUT', '/bakery/settings/logo', body);
      const base = { filename: 'logo.png', mime: 'image/png', data_base64: PNG_1PX.toString('base64') };
      expect((await send({ ...base, filename: '../../etc/passwd' })).body.error.code).toBe('LOGO_BAD_NAME');
      expect((await send({ ...base, mime: 'image/jpeg' })).body.error.code).toBe('LOGO_BAD_TYPE');
      expect((await send({ ...base, mime: 'image/svg+xml' })).status).toBe(400);
      const big = Buffer.concat([PNG_1PX, Buffer.alloc(520 * 1024)]);
      const tooLarge = await send({ ...base, data_base64: big.toString('base64') });
      expect([400, 413]).toContain(tooLarge.status);
      expect((await call(app, 'despacho1', 'PUT', '/bakery/settings/logo', base)).status).toBe(403);
    });

    it('importa una lista CSV: crea nuevos, actualiza conocidos, rechaza el archivo entero ante un error', async () => {
      const app = t();
      const bad = await call(app, 'panadero', 'POST', '/bakery/products/import', {
        csv: 'codigo,nombre,precio,categoria\nCSV1,Pan,100,panaderia\nCSV2,Torta,x,bizcocheria',
      });
      expect(bad.status).toBe(422);
      expect(bad.body.error).toMatchObject({ code: 'CSV_INVALID', details: { line: 3, field: 'price' } });
      expect((await ok(app, 'panadero', 'GET', '/bakery/products?q=CSV1')).items).toHaveLength(0);
      const imported = await ok(app, 'panadero', 'POST', '/bakery/products/import', {
        csv: 'codigo,nombre,precio,categoria\nCSV1,Pan CSV,100,panaderia\nCSV2,Torta CSV,2500.5,Bizcochería\nP001,Pan francés,450,panaderia',
      });
      expect(imported).toEqual({ created: 2, updated: 1 });
      const p001 = await ok(app, 'panadero', 'GET', '/bakery/products?q=P001');
      expect(p001.items[0].price).toBe(450);
    });
  },
  { env: { MATRIZ_MODULES: 'bakery' } },
);
