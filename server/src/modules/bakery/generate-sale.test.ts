import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';
import { call, newDocument, newProduct, newSeller, ok, usedDayReturn } from './bakery-test-kit.ts';

describeEngines(
  'venta del día: fórmula, trazabilidad y reglas de documentos',
  (t) => {
    it('aplica devolución anterior + pedido + extras − devolución del día al centavo y guarda precio y % por línea', async () => {
      const app = t();
      const seller = await newSeller(app, 12.5, 15.75);
      const pan = await newProduct(app, 'panaderia', 350.5);
      const biz = await newProduct(app, 'bizcocheria', 1999.99);

      // Day 1: no devolución anterior yet.
      const pd1 = await newDocument(app, 'PD', seller.id, '2026-02-02', [
        [pan.code, 40],
        [biz.code, 10],
      ]);
      const dv1 = await newDocument(app, 'DV', seller.id, '2026-02-02', [
        [pan.code, 5],
        [biz.code, 2],
      ]);
      const sale1 = await ok(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-02-02',
        pedido_id: pd1.id,
        return_id: dv1.id,
      });
      expect(sale1.sale.total).toEqual({
        quantity: 43,
        value: 28267.42,
        commission: 4053.43,
        payable: 24213.99,
      });

      // Day 2: the proposal brings day 1's return back as devolución anterior.
      const pd2 = await newDocument(app, 'PD', seller.id, '2026-02-03', [
        [pan.code, 30],
        [biz.code, 6],
      ]);
      const ex1 = await newDocument(app, 'EX', seller.id, '2026-02-03', [[pan.code, 7]]);
      const ex2 = await newDocument(app, 'EX', seller.id, '2026-02-03', [[biz.code, 3]]);
      const dv2 = await newDocument(app, 'DV', seller.id, '2026-02-03', [
        [pan.code, 12],
        [biz.code, 1],
      ]);
      const proposal = await ok(
        app,
        'despacho1',
        'GET',
        `/bakery/sales/proposal?seller_id=${seller.id}&date=2026-02-03`,
      );
      expect(proposal.proposed).toEqual({
        pedido_id: pd2.id,
        extra_ids: expect.arrayContaining([ex1.id, ex2.id]),
        previous_return_id: dv1.id,
        return_id: dv2.id,
      });
      const preview = await ok(app, 'despacho1', 'POST', '/bakery/sales/preview', {
        seller_id: seller.id,
        date: '2026-02-03',
        ...proposal.proposed,
      });
      const created = await ok(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-02-03',
        ...proposal.proposed,
      });
      const sale2 = created.sale;
      expect(preview.total).toEqual(sale2.total);

      const panLine = sale2.lines.find((l: { product_code: string }) => l.product_code === pan.code);
      const bizLine = sale2.lines.find((l: { product_code: string }) => l.product_code === biz.code);
      // 5 + 30 + 7 − 12 = 30 × 350.50 = 10 515.00; 12.5 % = 1 314.375 → 1 314.38
      expect(panLine).toMatchObject({
        category: 'panaderia',
        previous_qty: 5,
        pedido_qty: 30,
        extras_qty: 7,
        return_qty: 12,
        quantity: 30,
        price: 350.5,
        commission_percent: 12.5,
        value: 10515,
        commission: 1314.38,
        payable: 9200.62,
      });
      // 2 + 6 + 3 − 1 = 10 × 1 999.99 = 19 999.90; 15.75 % = 3 149.98425 → 3 149.98
      expect(bizLine).toMatchObject({
        category: 'bizcocheria',
        quantity: 10,
        price: 1999.99,
        commission_percent: 15.75,
        value: 19999.9,
        commission: 3149.98,
        payable: 16849.92,
      });
      expect(sale2.by_category.panaderia).toEqual({
        quantity: 30,
        value: 10515,
        commission: 1314.38,
        payable: 9200.62,
      });
      expect(sale2.by_category.bizcocheria).toEqual({
        quantity: 10,
        value: 19999.9,
        commission: 3149.98,
        payable: 16849.92,
      });
      expect(sale2.total).toEqual({ quantity: 40, value: 30514.9, commission: 4464.36, payable: 26050.54 });
      expect(sale2.documents).toEqual({
        pedido: { id: pd2.id, code: pd2.code },
        extras: [
          { id: ex1.id, code: ex1.code },
          { id: ex2.id, code: ex2.code },
        ],
        previous_return: { id: dv1.id, code: dv1.code },
        return: { id: dv2.id, code: dv2.code },
      });

      // A later change of price and rate leaves the stored sale exactly as it was…
      await ok(app, 'panadero', 'PATCH', `/bakery/products/${pan.id}`, { price: 400 });
      await ok(app, 'panadero', 'PATCH', `/bakery/sellers/${seller.id}`, { commission_panaderia: 20 });
      const again = await ok(app, 'despacho1', 'GET', `/bakery/sales/${sale2.id}`);
      expect(again.sale.lines).toEqual(sale2.lines);
      expect(again.sale.total).toEqual(sale2.total);

      // …while the next sale uses the new ones.
      const pd3 = await newDocument(app, 'PD', seller.id, '2026-02-04', [[pan.code, 10]]);
      const next = await ok(app, 'despacho1', 'POST', '/bakery/sales/preview', {
        seller_id: seller.id,
        date: '2026-02-04',
        pedido_id: pd3.id,
      });
      expect(next.lines[0]).toMatchObject({
        price: 400,
        commission_percent: 20,
        value: 4000,
        commission: 800,
        payable: 3200,
      });

      // Documents are marked used, each devolución with its two uses named.
      const docs = await ok(app, 'panadero', 'GET', `/bakery/documents?seller_id=${seller.id}&page_size=20`);
      const byCode = new Map(docs.items.map((d: { code: string }) => [d.code, d]));
      expect(byCode.get(pd2.code)).toMatchObject({ status: 'usado', sale_id: sale2.id });
      expect(byCode.get(dv1.code)).toMatchObject({
        status: 'usado',
        used_as_return_sale_id: sale1.sale.id,
        used_as_previous_sale_id: sale2.id,
      });
      expect(byCode.get(dv2.code)).toMatchObject({
        status: 'usado',
        used_as_return_sale_id: sale2.id,
        used_as_previous_sale_id: null,
      });
    });

    it('rechaza documento de otro vendedor, documento usado, cantidad negativa y segunda venta del día', async () => {
      const app = t();
      const seller = await newSeller(app, 10, 10);
      const other = await newSeller(app, 10, 10);
      const pan = await newProduct(app, 'panaderia', 1000);
      const mine = await newDocument(app, 'PD', seller.id, '2026-02-10', [[pan.code, 5]]);
      const theirs = await newDocument(app, 'EX', other.id, '2026-02-10', [[pan.code, 5]]);

      const foreign = await call(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-02-10',
        pedido_id: mine.id,
        extra_ids: [theirs.id],
      });
      expect(foreign.status).toBe(409);
      expect(foreign.body.error).toMatchObject({
        code: 'DOCUMENT_OTHER_SELLER',
        details: { code: theirs.code },
      });

      const tooMuch = await newDocument(app, 'DV', seller.id, '2026-02-10', [[pan.code, 6]]);
      const negative = await call(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-02-10',
        pedido_id: mine.id,
        return_id: tooMuch.id,
      });
      expect(negative.status).toBe(422);
      expect(negative.body.error).toMatchObject({
        code: 'NEGATIVE_QUANTITY',
        details: { product_code: pan.code, quantity: -1 },
      });
      expect(negative.body.error.message).toContain(pan.code);

      await ok(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-02-10',
        pedido_id: mine.id,
      });
      const reused = await call(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-02-11',
        pedido_id: mine.id,
      });
      expect(reused.status).toBe(409);
      expect(reused.body.error).toMatchObject({ code: 'DOCUMENT_USED', details: { code: mine.code } });

      const another = await newDocument(app, 'PD', seller.id, '2026-02-10', [[pan.code, 1]]);
      const twice = await call(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-02-10',
        pedido_id: another.id,
      });
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe('SALE_EXISTS');

      const edit = await call(app, 'panadero', 'PATCH', `/bakery/documents/${mine.id}`, {
        comments: 'x',
        reason: 'corrección',
      });
      expect(edit.status).toBe(409);
      expect(edit.body.error.code).toBe('DOCUMENT_USED');
    });

    it('una devolución se usa como máximo dos veces: día y anterior', async () => {
      const app = t();
      const seller = await newSeller(app, 10, 10);
      const pan = await newProduct(app, 'panaderia', 500);
      const pd1 = await newDocument(app, 'PD', seller.id, '2026-03-02', [[pan.code, 10]]);
      const dv = await newDocument(app, 'DV', seller.id, '2026-03-02', [[pan.code, 2]]);
      await ok(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-03-02',
        pedido_id: pd1.id,
        return_id: dv.id,
      });
      const pd2 = await newDocument(app, 'PD', seller.id, '2026-03-03', [[pan.code, 10]]);
      // Its first use is spent: it cannot be the day's return again.
      const asReturn = await call(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-03-03',
        pedido_id: pd2.id,
        return_id: dv.id,
      });
      expect(asReturn.body.error.code).toBe('DOCUMENT_USED');
      await ok(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-03-03',
        pedido_id: pd2.id,
        previous_return_id: dv.id,
      });
      const pd3 = await newDocument(app, 'PD', seller.id, '2026-03-04', [[pan.code, 10]]);
      const third = await call(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-03-04',
        pedido_id: pd3.id,
        previous_return_id: dv.id,
      });
      expect(third.status).toBe(409);
      expect(third.body.error).toMatchObject({ code: 'DOCUMENT_USED', details: { code: dv.code } });
    });

    it('la propuesta nunca toma un pedido de otra fecha y, con varios pedidos del día, no elige ninguno', async () => {
      const app = t();
      const seller = await newSeller(app, 10, 10);
      const pan = await newProduct(app, 'panaderia', 500);
      const old = await newDocument(app, 'PD', seller.id, '2026-11-21', [[pan.code, 9]]);
      const propose = (date: string) =>
        ok(app, 'despacho1', 'GET', `/bakery/sales/proposal?seller_id=${seller.id}&date=${date}`);

      const none = await propose('2026-11-23');
      expect(none.proposed.pedido_id).toBeNull();
      expect(none.candidates.pedidos).toEqual([]);
      expect(none.pedido_choice_required).toBe(false);

      const first = await newDocument(app, 'PD', seller.id, '2026-11-23', [[pan.code, 10]]);
      const single = await propose('2026-11-23');
      expect(single.proposed.pedido_id).toBe(first.id);
      expect(single.candidates.pedidos.map((d: { id: string }) => d.id)).toEqual([first.id]);

      const second = await newDocument(app, 'PD', seller.id, '2026-11-23', [[pan.code, 25]]);
      const several = await propose('2026-11-23');
      expect(several.proposed.pedido_id).toBeNull();
      expect(several.pedido_choice_required).toBe(true);
      expect(
        several.candidates.pedidos
          .map((d: { id: string; total_quantity: number }) => [d.id, d.total_quantity])
          .sort(),
      ).toEqual(
        [
          [first.id, 10],
          [second.id, 25],
        ].sort(),
      );
      // The older pedido is still its own day's.
      expect((await propose('2026-11-21')).proposed.pedido_id).toBe(old.id);
    });

    it('cada documento de la venta tiene la fecha que le corresponde: pedido, extras y devolución del día, la de la venta; la anterior, una previa', async () => {
      const app = t();
      const seller = await newSeller(app, 10, 10);
      const pan = await newProduct(app, 'panaderia', 500);
      const sell = (body: Record<string, unknown>) =>
        call(app, 'despacho1', 'POST', '/bakery/sales', { seller_id: seller.id, ...body });

      const future = await newDocument(app, 'PD', seller.id, '2027-01-15', [[pan.code, 10]]);
      const farBack = await sell({ date: '1999-01-01', pedido_id: future.id });
      expect(farBack.status).toBe(422);
      expect(farBack.body.error).toMatchObject({
        code: 'DOCUMENT_NOT_SALE_DATE',
        details: { code: future.code, role: 'pedido', document_date: '2027-01-15', sale_date: '1999-01-01' },
      });
      expect(farBack.body.error.message).toContain(future.code);
      const preview = await call(app, 'despacho1', 'POST', '/bakery/sales/preview', {
        seller_id: seller.id,
        date: '2027-01-14',
        pedido_id: future.id,
      });
      expect(preview.body.error.code).toBe('DOCUMENT_NOT_SALE_DATE');

      const pd = await newDocument(app, 'PD', seller.id, '2026-09-10', [[pan.code, 10]]);
      const extra = await newDocument(app, 'EX', seller.id, '2026-09-09', [[pan.code, 2]]);
      const dayReturn = await newDocument(app, 'DV', seller.id, '2026-09-11', [[pan.code, 1]]);
      const wrongExtra = await sell({ date: '2026-09-10', pedido_id: pd.id, extra_ids: [extra.id] });
      expect(wrongExtra.body.error).toMatchObject({
        code: 'DOCUMENT_NOT_SALE_DATE',
        details: { code: extra.code, role: 'extra' },
      });
      const wrongReturn = await sell({ date: '2026-09-10', pedido_id: pd.id, return_id: dayReturn.id });
      expect(wrongReturn.body.error).toMatchObject({
        code: 'DOCUMENT_NOT_SALE_DATE',
        details: { code: dayReturn.code, role: 'return' },
      });

      // A return of 2026-11-20, used on its day, is no devolución anterior of 2026-09-10.
      const laterDv = await usedDayReturn(app, seller.id, '2026-11-20', pan.code, 3);
      const backwards = await sell({ date: '2026-09-10', pedido_id: pd.id, previous_return_id: laterDv.id });
      expect(backwards.status).toBe(422);
      expect(backwards.body.error).toMatchObject({
        code: 'PREVIOUS_RETURN_NOT_BEFORE',
        details: { code: laterDv.code, document_date: '2026-11-20', sale_date: '2026-09-10' },
      });
      expect(backwards.body.error.message).toContain('anterior');
      const sameDay = await call(app, 'despacho1', 'POST', '/bakery/sales/preview', {
        seller_id: seller.id,
        date: '2026-11-20',
        previous_return_id: laterDv.id,
      });
      expect(sameDay.body.error.code).toBe('PREVIOUS_RETURN_NOT_BEFORE');

      // Nothing was used by the refusals; with the right dates the sale goes through.
      const pending = await ok(
        app,
        'panadero',
        'GET',
        `/bakery/documents?seller_id=${seller.id}&status=pendiente`,
      );
      expect(pending.items.map((d: { code: string }) => d.code).sort()).toEqual(
        [future.code, pd.code, extra.code, dayReturn.code].sort(),
      );
      const sale = await ok(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-11-21',
        previous_return_id: laterDv.id,
      });
      expect(sale.sale.total.quantity).toBe(3);
    });

    it('importes enormes: precio y cantidades con tope, y una venta que no cabe en enteros seguros es un 422, nunca un 500', async () => {
      const app = t();
      const seller = await newSeller(app, 10, 10);
      const tooDear = await call(app, 'panadero', 'POST', '/bakery/products', {
        code: 'CARO1',
        name: 'Torta carísima',
        price: 100_000_000,
        category: 'bizcocheria',
      });
      expect(tooDear.status).toBe(400);
      expect(tooDear.body.error).toMatchObject({
        code: 'VALIDATION_ERROR',
        details: { field: 'body.price' },
      });

      const cake = await newProduct(app, 'bizcocheria', 1_000_000);
      // 300 lines of the same product are one line of their sum: past 100 000 units it is refused.
      const merged = await call(app, 'panadero', 'POST', '/bakery/documents', {
        kind: 'PD',
        seller_id: seller.id,
        date: '2026-04-06',
        lines: Array.from({ length: 300 }, () => ({ product_code: cake.code, quantity: 100_000 })),
      });
      expect(merged.status).toBe(400);
      expect(merged.body.error).toMatchObject({
        code: 'VALIDATION_ERROR',
        details: { field: 'body.lines.1.quantity' },
      });
      expect(merged.body.error.details.reason).toContain(cake.code);

      // 100 000 cakes of a million: the commission could not be rounded exactly, so the sale is refused.
      const huge = await newDocument(app, 'PD', seller.id, '2026-04-06', [[cake.code, 100_000]]);
      const body = { seller_id: seller.id, date: '2026-04-06', pedido_id: huge.id };
      for (const url of ['/bakery/sales/preview', '/bakery/sales']) {
        const refused = await call(app, 'despacho1', 'POST', url, body);
        expect(refused.status).toBe(422);
        expect(refused.body.error).toMatchObject({
          code: 'SALE_TOO_LARGE',
          details: { value: 100_000_000_000, max: 9_007_199_254.74 },
        });
        expect(refused.body.error.message).toContain('más de lo que una venta puede valer');
      }
      const pending = await ok(app, 'panadero', 'GET', `/bakery/documents/${huge.id}`);
      expect(pending.document.status).toBe('pendiente');
      // The largest sales that fit are computed to the cent.
      const large = await newDocument(app, 'PD', seller.id, '2026-04-06', [[cake.code, 9_000]]);
      const fits = await ok(app, 'despacho1', 'POST', '/bakery/sales/preview', {
        seller_id: seller.id,
        date: '2026-04-06',
        pedido_id: large.id,
      });
      expect(fits.total).toEqual({
        quantity: 9_000,
        value: 9_000_000_000,
        commission: 900_000_000,
        payable: 8_100_000_000,
      });
    });

    it('anular una venta libera sus documentos y queda auditado con el motivo; solo el admin', async () => {
      const app = t();
      const seller = await newSeller(app, 10, 10);
      const pan = await newProduct(app, 'panaderia', 500);
      const pd1 = await newDocument(app, 'PD', seller.id, '2026-03-09', [[pan.code, 10]]);
      const dv1 = await newDocument(app, 'DV', seller.id, '2026-03-09', [[pan.code, 1]]);
      const sale1 = (
        await ok(app, 'despacho1', 'POST', '/bakery/sales', {
          seller_id: seller.id,
          date: '2026-03-09',
          pedido_id: pd1.id,
          return_id: dv1.id,
        })
      ).sale;
      const pd2 = await newDocument(app, 'PD', seller.id, '2026-03-10', [[pan.code, 10]]);
      const sale2 = (
        await ok(app, 'despacho1', 'POST', '/bakery/sales', {
          seller_id: seller.id,
          date: '2026-03-10',
          pedido_id: pd2.id,
          previous_return_id: dv1.id,
        })
      ).sale;

      const bySemiadmin = await call(app, 'despacho1', 'POST', `/bakery/sales/${sale2.id}/annul`, {
        reason: 'error de digitación',
      });
      expect(bySemiadmin.status).toBe(403);
      // Day 1's return was already taken by day 2: day 1 cannot be annulled first.
      const blocked = await call(app, 'panadero', 'POST', `/bakery/sales/${sale1.id}/annul`, {
        reason: 'error de digitación',
      });
      expect(blocked.status).toBe(409);
      expect(blocked.body.error).toMatchObject({ code: 'RETURN_USED_LATER', details: { code: dv1.code } });

      const annulled = await ok(app, 'panadero', 'POST', `/bakery/sales/${sale2.id}/annul`, {
        reason: 'error de digitación',
      });
      expect(annulled.sale.status).toBe('anulada');
      const freed = await ok(app, 'panadero', 'GET', `/bakery/documents/${pd2.id}`);
      expect(freed.document).toMatchObject({ status: 'pendiente', sale_id: null });
      const dv = await ok(app, 'panadero', 'GET', `/bakery/documents/${dv1.id}`);
      expect(dv.document).toMatchObject({
        status: 'usado',
        used_as_return_sale_id: sale1.id,
        used_as_previous_sale_id: null,
      });
      // The slot of that day is free again.
      await ok(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-03-10',
        pedido_id: pd2.id,
        previous_return_id: dv1.id,
      });

      const audit = await ok(app, 'panadero', 'GET', '/bakery/sales?status=anulada&page_size=5');
      expect(audit.items.some((s: { id: string }) => s.id === sale2.id)).toBe(true);
      const trail = await app.platform.db
        .selectFrom('audit_log')
        .select(['action', 'after_json', 'username'])
        .where('entity', '=', 'bakery_sale')
        .where('entity_id', '=', sale2.id)
        .orderBy('seq')
        .execute();
      expect(trail.map((r) => r.action)).toEqual(['confirm', 'annul']);
      expect(JSON.parse(trail[1].after_json!)).toMatchObject({
        reason: 'error de digitación',
        freed: expect.arrayContaining([pd2.code, dv1.code]),
      });
      expect(trail[1].username).toBe('panadero');
    });
  },
  { env: { MATRIZ_MODULES: 'bakery' } },
);
