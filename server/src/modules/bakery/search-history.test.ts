import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';
import { call, newDocument, newProduct, newSeller, ok } from './bakery-test-kit.ts';

interface Row {
  id: string;
  code: string;
  kind: string;
  date: string;
  seller_id: string;
  status: string;
}

describeEngines(
  'historial: documentos y ventas con filtros de fechas, tipo y vendedor, por páginas',
  (t) => {
    it('los documentos se filtran por fechas, tipo, vendedor y estado y se recorren por páginas sin repetir', async () => {
      const app = t();
      const seller = await newSeller(app, 10, 10);
      const product = await newProduct(app, 'panaderia', 1000);
      const written: { code: string; kind: string; date: string }[] = [];
      for (const [kind, date] of [
        ['PD', '2026-01-20'],
        ['EX', '2026-01-20'],
        ['PD', '2026-01-21'],
        ['DV', '2026-01-21'],
        ['PD', '2026-01-22'],
        ['EX', '2026-01-23'],
        ['PD', '2026-01-24'],
      ] as const) {
        const doc = await newDocument(app, kind, seller.id, date, [[product.code, 2]]);
        written.push({ code: doc.code, kind, date });
      }
      const list = (query: string) =>
        ok(app, 'despacho1', 'GET', `/bakery/documents?seller_id=${seller.id}&${query}`);

      // Three pages of three: every document once, newest day first.
      const pages = [];
      for (const page of [1, 2, 3]) pages.push(await list(`page=${page}&page_size=3`));
      expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
      expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
      const seen = pages.flatMap((p) => p.items as Row[]);
      expect(new Set(seen.map((d) => d.code)).size).toBe(7);
      expect(seen.map((d) => d.date)).toEqual([...seen.map((d) => d.date)].sort().reverse());

      const pedidos = await list('kind=PD&from=2026-01-21&to=2026-01-23');
      expect(pedidos.items.map((d: Row) => [d.kind, d.date])).toEqual([
        ['PD', '2026-01-22'],
        ['PD', '2026-01-21'],
      ]);
      expect(pedidos.total).toBe(2);
      const oneDay = await list('from=2026-01-20&to=2026-01-20');
      expect(oneDay.items.map((d: Row) => d.kind).sort()).toEqual(['EX', 'PD']);
      expect((await list('status=usado')).total).toBe(0);
      expect((await list('status=pendiente')).total).toBe(7);

      // A reversed range is refused, naming both dates; a bad kind names the field.
      const reversed = await call(app, 'despacho1', 'GET', '/bakery/documents?from=2026-01-23&to=2026-01-21');
      expect(reversed.status).toBe(422);
      expect(reversed.body.error).toMatchObject({
        code: 'DATE_RANGE_INVALID',
        message: 'La fecha inicial 2026-01-23 es posterior a la final 2026-01-21',
      });
      const badKind = await call(app, 'despacho1', 'GET', '/bakery/documents?kind=XX');
      expect(badKind.status).toBe(400);
      expect(badKind.body.error.details.field).toBe('querystring.kind');
    });

    it('el semiadmin consulta los documentos de todos los vendedores pero no escribe ninguno', async () => {
      const app = t();
      const seller = await newSeller(app, 10, 10);
      const product = await newProduct(app, 'panaderia', 1000);
      const doc = await newDocument(app, 'PD', seller.id, '2026-01-29', [[product.code, 4]]);
      const found = await ok(app, 'despacho1', 'GET', `/bakery/documents?code=${doc.code.toLowerCase()}`);
      expect(found.items.map((d: Row) => d.id)).toEqual([doc.id]);
      expect((await ok(app, 'despacho1', 'GET', `/bakery/documents/${doc.id}`)).document.code).toBe(doc.code);
      const write = await call(app, 'despacho1', 'POST', '/bakery/documents', {
        kind: 'PD',
        seller_id: seller.id,
        lines: [{ product_code: product.code, quantity: 1 }],
      });
      expect(write.status).toBe(403);
      const annul = await call(app, 'despacho1', 'POST', `/bakery/documents/${doc.id}/annul`, {
        reason: 'no debería poder',
      });
      expect(annul.status).toBe(403);
      expect((await ok(app, 'despacho1', 'GET', `/bakery/documents/${doc.id}`)).document.status).toBe(
        'pendiente',
      );
    });

    it('las ventas pasadas se listan con las anuladas, por páginas, con los totales de las confirmadas al centavo', async () => {
      const app = t();
      const seller = await newSeller(app, 10, 12.5);
      const bread = await newProduct(app, 'panaderia', 333.33);
      const cake = await newProduct(app, 'bizcocheria', 1250.5);
      const sell = async (date: string, quantity: number) => {
        const pd = await newDocument(app, 'PD', seller.id, date, [
          [bread.code, quantity],
          [cake.code, 1],
        ]);
        return (
          await ok(app, 'despacho1', 'POST', '/bakery/sales', {
            seller_id: seller.id,
            date,
            pedido_id: pd.id,
          })
        ).sale;
      };
      const first = await sell('2026-01-20', 3);
      const second = await sell('2026-01-21', 7);
      const third = await sell('2026-01-22', 1);
      await ok(app, 'panadero', 'POST', `/bakery/sales/${second.id}/annul`, { reason: 'pedido equivocado' });
      const again = await sell('2026-01-21', 2);

      const list = (query: string) =>
        ok(app, 'despacho1', 'GET', `/bakery/sales?seller_id=${seller.id}&${query}`);
      const all = await list('page_size=50');
      expect(all.total).toBe(4);
      expect(all.items.map((s: { date: string; status: string }) => [s.date, s.status])).toEqual([
        ['2026-01-22', 'confirmada'],
        ['2026-01-21', 'anulada'],
        ['2026-01-21', 'confirmada'],
        ['2026-01-20', 'confirmada'],
      ]);
      expect(all.items[1]).toMatchObject({ id: second.id, annul_reason: 'pedido equivocado' });
      // 3 × 333.33 + 1250.50 = 2250.49; 2 × … = 1917.16; 1 × … = 1583.83 → 5751.48; annulled ones count nothing.
      expect(all.confirmed_totals.value).toBe(5751.48);
      const summed = (key: 'value' | 'commission' | 'payable') =>
        [first, third, again].reduce((sum, s) => sum + Math.round(s[key] * 100), 0) / 100;
      expect(all.confirmed_totals).toEqual({
        value: summed('value'),
        commission: summed('commission'),
        payable: summed('payable'),
      });
      expect(
        Math.round(all.confirmed_totals.commission * 100) + Math.round(all.confirmed_totals.payable * 100),
      ).toBe(575_148);

      const paged = [await list('page=1&page_size=3'), await list('page=2&page_size=3')];
      expect(paged.map((p) => p.items.length)).toEqual([3, 1]);
      expect(new Set(paged.flatMap((p) => p.items.map((s: { id: string }) => s.id))).size).toBe(4);
      const annulled = await list('status=anulada');
      expect(annulled.items.map((s: { id: string }) => s.id)).toEqual([second.id]);
      expect(annulled.confirmed_totals.value).toBe(0);
      const range = await list('from=2026-01-21&to=2026-01-22&status=confirmada');
      expect(range.items.map((s: { id: string }) => s.id)).toEqual([third.id, again.id]);

      // The detail: lines with the price and rate they were confirmed with, and the documents used.
      const detail = (await ok(app, 'despacho1', 'GET', `/bakery/sales/${first.id}`)).sale;
      expect(detail.documents.pedido.code).toMatch(/^PD-/);
      expect(detail.lines.map((l: { product_code: string; quantity: number }) => l.quantity)).toEqual(
        expect.arrayContaining([3, 1]),
      );

      const reversed = await call(app, 'despacho1', 'GET', '/bakery/sales?from=2026-01-22&to=2026-01-20');
      expect(reversed.status).toBe(422);
      expect(reversed.body.error.code).toBe('DATE_RANGE_INVALID');
      expect((await call(app, 'despacho1', 'GET', '/bakery/sales?status=borrada')).status).toBe(400);
    });
  },
  { env: { MATRIZ_MODULES: 'bakery' } },
);
