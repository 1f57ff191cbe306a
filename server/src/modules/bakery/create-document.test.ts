import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';
import { call, cookieOf, newDocument, newProduct, newSeller, ok, usedDayReturn } from './bakery-test-kit.ts';

describeEngines(
  'documentos PD/EX/DV: códigos, concurrencia y alcance por rol',
  (t) => {
    it('un vendedor de ruta registra su pedido escaneando códigos; los repetidos suman', async () => {
      const app = t();
      const created = await ok(app, 'ruta1', 'POST', '/bakery/documents', {
        kind: 'PD',
        comments: 'ruta norte',
        lines: [
          { product_code: 'p001', quantity: 3 },
          { product_code: 'B002', quantity: 2 },
          { product_code: 'P001', quantity: 1 },
        ],
      });
      expect(created.document).toMatchObject({
        kind: 'PD',
        status: 'pendiente',
        date: '2026-01-29',
        total_quantity: 6,
      });
      expect(created.document.code).toMatch(/^PD-\d{5}$/);
      expect(
        created.document.lines.map((l: { product_code: string; quantity: number }) => [
          l.product_code,
          l.quantity,
        ]),
      ).toEqual([
        ['B002', 2],
        ['P001', 4],
      ]);
      const unknown = await call(app, 'ruta1', 'POST', '/bakery/documents', {
        kind: 'EX',
        lines: [{ product_code: 'NOPE', quantity: 1 }],
      });
      expect(unknown.status).toBe(422);
      expect(unknown.body.error).toMatchObject({
        code: 'PRODUCT_NOT_FOUND',
        details: { code: 'NOPE', line: 1 },
      });
      const extraField = await call(app, 'ruta1', 'POST', '/bakery/documents', {
        kind: 'EX',
        lines: [{ product_code: 'P001', quantity: 1 }],
        price: 1,
      });
      expect(extraField.status).toBe(400);
    });

    it('un vendedor de ruta fecha sus documentos de ayer a 3 días adelante; el admin puede corregir fechas pasadas', async () => {
      const app = t();
      const me = await ok(app, 'ruta1', 'GET', '/auth/me');
      const write = (user: string, date: string, sellerId?: string) =>
        call(app, user, 'POST', '/bakery/documents', {
          kind: 'PD',
          date,
          ...(sellerId && { seller_id: sellerId }),
          lines: [{ product_code: 'P001', quantity: 1 }],
        });
      const mine = async () =>
        (await ok(app, 'ruta1', 'GET', '/bakery/documents?page_size=1')).total as number;
      const before = await mine();

      // Today is 2026-01-29 in Bogotá.
      const old = await write('ruta1', '2025-01-01');
      expect(old.status).toBe(422);
      expect(old.body.error).toMatchObject({
        code: 'DOCUMENT_DATE_TOO_EARLY',
        details: { date: '2025-01-01', min: '2026-01-28' },
      });
      expect(old.body.error.message).toContain('2026-01-28');
      expect((await write('ruta1', '2026-01-27')).body.error.code).toBe('DOCUMENT_DATE_TOO_EARLY');
      const ahead = await write('ruta1', '2026-02-02');
      expect(ahead.body.error).toMatchObject({
        code: 'DOCUMENT_DATE_TOO_LATE',
        details: { date: '2026-02-02', max: '2026-02-01' },
      });
      expect(await mine()).toBe(before);
      expect((await write('ruta1', '2026-01-28')).status).toBe(201);
      expect((await write('ruta1', '2026-02-01')).status).toBe(201);

      const backdated = await write('panadero', '2025-03-01', me.user.id);
      expect(backdated.status).toBe(201);
      expect((await write('panadero', '2024-12-31', me.user.id)).body.error.code).toBe(
        'DOCUMENT_DATE_TOO_EARLY',
      );
      const moved = await call(app, 'panadero', 'PATCH', `/bakery/documents/${backdated.body.document.id}`, {
        date: '2062-01-01',
        reason: 'fecha mal digitada',
      });
      expect(moved.body.error).toMatchObject({
        code: 'DOCUMENT_DATE_TOO_LATE',
        details: { date: '2062-01-01' },
      });
      const kept = await ok(app, 'panadero', 'GET', `/bakery/documents/${backdated.body.document.id}`);
      expect(kept.document.date).toBe('2025-03-01');
    });

    it('100 documentos creados en paralelo reciben 100 códigos distintos y consecutivos', async () => {
      const app = t();
      const seller = await newSeller(app, 10, 10);
      const product = await newProduct(app, 'panaderia', 100);
      const cookie = await cookieOf(app, 'panadero');
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          app.app.inject({
            method: 'POST',
            url: '/api/v1/bakery/documents',
            headers: { cookie },
            payload: {
              kind: 'EX',
              seller_id: seller.id,
              date: '2026-02-16',
              lines: [{ product_code: product.code, quantity: i + 1 }],
            },
          }),
        ),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(Array(100).fill(201));
      const codes = responses.map((r) => r.json().document.code as string);
      expect(new Set(codes).size).toBe(100);
      const numbers = codes.map((c) => Number(c.slice(3))).sort((a, b) => a - b);
      expect(numbers[99] - numbers[0]).toBe(99);
    });

    it('dos ventas en paralelo con la misma devolución anterior: solo una se confirma', async () => {
      const app = t();
      const seller = await newSeller(app, 10, 10);
      const product = await newProduct(app, 'panaderia', 100);
      const dv = await usedDayReturn(app, seller.id, '2026-02-16', product.code, 2);
      const pd2 = await newDocument(app, 'PD', seller.id, '2026-02-17', [[product.code, 10]]);
      const pd3 = await newDocument(app, 'PD', seller.id, '2026-02-18', [[product.code, 10]]);
      const cookie = await cookieOf(app, 'despacho1');
      const attempt = (date: string, pedidoId: string) =>
        app.app.inject({
          method: 'POST',
          url: '/api/v1/bakery/sales',
          headers: { cookie },
          payload: { seller_id: seller.id, date, pedido_id: pedidoId, previous_return_id: dv.id },
        });

      const [a, b] = await Promise.all([attempt('2026-02-17', pd2.id), attempt('2026-02-18', pd3.id)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      const refused = a.statusCode === 409 ? a : b;
      expect(refused.json().error).toMatchObject({ code: 'DOCUMENT_USED', details: { code: dv.code } });

      // Same seller and date from two screens at once: the unique day wins over the race.
      const p1 = await newDocument(app, 'PD', seller.id, '2026-02-19', [[product.code, 1]]);
      const p2 = await newDocument(app, 'PD', seller.id, '2026-02-19', [[product.code, 2]]);
      const sameDay = await Promise.all(
        [p1, p2].map((p) =>
          app.app.inject({
            method: 'POST',
            url: '/api/v1/bakery/sales',
            headers: { cookie },
            payload: { seller_id: seller.id, date: '2026-02-19', pedido_id: p.id },
          }),
        ),
      );
      expect(sameDay.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(sameDay.find((r) => r.statusCode === 409)!.json().error.code).toBe('SALE_EXISTS');
      const pending = await ok(
        app,
        'panadero',
        'GET',
        `/bakery/documents?seller_id=${seller.id}&status=pendiente`,
      );
      // The pedido of the refused sale of each race stays free.
      expect(pending.items).toHaveLength(2);
    });

    it('el admin edita, reasigna y anula solo documentos sin usar, con motivo auditado', async () => {
      const app = t();
      const seller = await newSeller(app, 10, 10);
      const other = await newSeller(app, 10, 10);
      const product = await newProduct(app, 'panaderia', 100);
      const doc = await newDocument(app, 'DV', seller.id, '2026-02-20', [[product.code, 4]]);
      const edited = await ok(app, 'panadero', 'PATCH', `/bakery/documents/${doc.id}`, {
        lines: [{ product_code: product.code, quantity: 3 }],
        reason: 'conteo corregido',
      });
      expect(edited.document.total_quantity).toBe(3);
      const moved = await ok(app, 'panadero', 'POST', `/bakery/documents/${doc.id}/reassign`, {
        seller_id: other.id,
        reason: 'vendedor equivocado',
      });
      expect(moved.document.seller_id).toBe(other.id);
      const annulled = await ok(app, 'panadero', 'POST', `/bakery/documents/${doc.id}/annul`, {
        reason: 'duplicado',
      });
      expect(annulled.document.status).toBe('anulado');
      const again = await call(app, 'panadero', 'PATCH', `/bakery/documents/${doc.id}`, {
        comments: 'x',
        reason: 'otra vez',
      });
      expect(again.body.error.code).toBe('DOCUMENT_USED');
      const trail = await app.platform.db
        .selectFrom('audit_log')
        .select(['action', 'after_json'])
        .where('entity_id', '=', doc.id)
        .orderBy('seq')
        .execute();
      expect(trail.map((r) => r.action)).toEqual(['create', 'update', 'reassign', 'annul']);
      expect(trail.slice(1).map((r) => JSON.parse(r.after_json!).reason)).toEqual([
        'conteo corregido',
        'vendedor equivocado',
        'duplicado',
      ]);
    });

    it('un semiadmin no puede cambiar productos ni vendedores, ni anular documentos', async () => {
      const app = t();
      const product = await newProduct(app, 'bizcocheria', 2500);
      const seller = await newSeller(app, 10, 10);
      const attempts = [
        call(app, 'despacho1', 'POST', '/bakery/products', {
          code: 'X1',
          name: 'x',
          price: 1,
          category: 'panaderia',
        }),
        call(app, 'despacho1', 'PATCH', `/bakery/products/${product.id}`, { price: 1 }),
        call(app, 'despacho1', 'DELETE', `/bakery/products/${product.id}`),
        call(app, 'despacho1', 'POST', '/bakery/products/import', { csv: 'X2,x,1,panaderia' }),
        call(app, 'despacho1', 'POST', '/bakery/sellers', {
          username: 'nuevo1',
          full_name: 'n',
          password: 'clave-larga-1',
          commission_panaderia: 1,
          commission_bizcocheria: 1,
        }),
        call(app, 'despacho1', 'PATCH', `/bakery/sellers/${seller.id}`, { commission_panaderia: 50 }),
        call(app, 'despacho1', 'DELETE', `/bakery/sellers/${seller.id}`),
        call(app, 'despacho1', 'POST', '/bakery/documents', {
          kind: 'PD',
          seller_id: seller.id,
          lines: [{ product_code: product.code, quantity: 1 }],
        }),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN');
      }
      const still = await ok(app, 'despacho1', 'GET', `/bakery/products?q=${product.code}`);
      expect(still.items[0].price).toBe(2500);
      // What a semiadmin can do: see every seller's history and generate sales.
      const all = await ok(app, 'despacho1', 'GET', '/bakery/documents?page_size=500');
      expect(new Set(all.items.map((d: { seller_id: string }) => d.seller_id)).size).toBeGreaterThan(1);
    });

    it('un vendedor de ruta solo ve sus propios documentos y ventas', async () => {
      const app = t();
      const me = await ok(app, 'ruta1', 'GET', '/auth/me');
      const mine = await ok(app, 'ruta1', 'GET', '/bakery/documents?page_size=500');
      expect(mine.total).toBeGreaterThan(0);
      expect(mine.items.every((d: { seller_id: string }) => d.seller_id === me.user.id)).toBe(true);
      // Asking for another seller's rows still returns only their own.
      const ruta2 = await ok(app, 'ruta2', 'GET', '/bakery/documents?page_size=1');
      const theirs = ruta2.items[0];
      const filtered = await ok(
        app,
        'ruta1',
        'GET',
        `/bakery/documents?seller_id=${theirs.seller_id}&page_size=500`,
      );
      expect(filtered.items.every((d: { seller_id: string }) => d.seller_id === me.user.id)).toBe(true);
      const direct = await call(app, 'ruta1', 'GET', `/bakery/documents/${theirs.id}`);
      expect(direct.status).toBe(404);
      const sales = await ok(app, 'ruta1', 'GET', '/bakery/sales?page_size=500');
      expect(sales.items.every((s: { seller_id: string }) => s.seller_id === me.user.id)).toBe(true);
      const otherSale = (await ok(app, 'ruta2', 'GET', '/bakery/sales?page_size=1')).items[0];
      expect((await call(app, 'ruta1', 'GET', `/bakery/sales/${otherSale.id}`)).status).toBe(404);
      expect((await call(app, 'ruta1', 'GET', `/bakery/sales/${otherSale.id}/pdf`)).status).toBe(404);
      // Writing for someone else, generating sales or reading the summary is refused.
      const forOther = await call(app, 'ruta1', 'POST', '/bakery/documents', {
        kind: 'PD',
        seller_id: theirs.seller_id,
        lines: [{ product_code: 'P001', quantity: 1 }],
      });
      expect(forOther.status).toBe(403);
      expect((await call(app, 'ruta1', 'GET', '/bakery/panel/summary')).status).toBe(403);
      const sale = await call(app, 'ruta1', 'POST', '/bakery/sales', {
        seller_id: me.user.id,
        date: '2026-01-29',
      });
      expect(sale.status).toBe(403);
    });
  },
  { env: { MATRIZ_MODULES: 'bakery' } },
);
