import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';
import { call, newDocument, newProduct, newSeller, ok } from './bakery-test-kit.ts';
import { colombianHolidays } from './holidays.ts';

it('festivos de Colombia 2026 desde la librería, con Ley Emiliani y Virgen de Chiquinquirá', () => {
  const days = colombianHolidays(2026);
  expect(days.get('2026-01-12')).toMatch(/Reyes/);
  expect(days.get('2026-03-23')).toMatch(/José/);
  expect(days.get('2026-07-13')).toMatch(/Chiquinquirá/);
  expect(days.get('2026-07-20')).toMatch(/Independencia/);
  expect(colombianHolidays(2025).has('2025-07-14')).toBe(false);
  // 19 weekday festivos (18 plus Chiquinquirá) and Easter Sunday.
  expect([...days.keys()].filter((d) => new Date(`${d}T12:00:00Z`).getUTCDay() !== 0)).toHaveLength(19);
});

describeEngines(
  'calendario, proyección y paneles',
  (t) => {
    it('enero 2026 (al 29): 25 días hábiles, 23 transcurridos; la proyección se recalcula con cada venta', async () => {
      const app = t();
      const calendar = await ok(app, 'despacho1', 'GET', '/bakery/calendar?month=2026-01');
      expect(calendar.business_days).toBe(25);
      expect(calendar.days.find((d: { date: string }) => d.date === '2026-01-12')).toMatchObject({
        business_day: false,
        holiday: expect.stringMatching(/Reyes/),
      });

      const seller = await newSeller(app, 10, 10);
      const product = await newProduct(app, 'panaderia', 1000);
      const pd = await newDocument(app, 'PD', seller.id, '2026-01-27', [[product.code, 23]]);
      await ok(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-01-27',
        pedido_id: pd.id,
      });
      const panel = await ok(
        app,
        'despacho1',
        'GET',
        `/bakery/panel/summary?month=2026-01&seller_id=${seller.id}`,
      );
      expect(panel).toMatchObject({ business_days: 25, elapsed_business_days: 23 });
      // 23 000 sold over 23 elapsed business days × 25 = 25 000
      expect(panel.sellers).toEqual([
        expect.objectContaining({
          seller_id: seller.id,
          total_sold: 23000,
          commission: 2300,
          projection: 25000,
        }),
      ]);
      const pd2 = await newDocument(app, 'PD', seller.id, '2026-01-28', [[product.code, 23]]);
      await ok(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-01-28',
        pedido_id: pd2.id,
      });
      const after = await ok(
        app,
        'despacho1',
        'GET',
        `/bakery/panel/summary?month=2026-01&seller_id=${seller.id}`,
      );
      expect(after.sellers[0]).toMatchObject({ total_sold: 46000, projection: 50000 });
      expect(after.daily).toEqual([
        { date: '2026-01-27', total_sold: 23000 },
        { date: '2026-01-28', total_sold: 23000 },
      ]);
    });

    it('un mes pasado proyecta lo vendido; el vendedor ve su propio panel', async () => {
      const app = t();
      const me = await ok(app, 'ruta1', 'GET', '/auth/me');
      const december = await ok(
        app,
        'despacho1',
        'GET',
        `/bakery/panel/summary?month=2025-12&seller_id=${me.user.id}`,
      );
      expect(december.business_days).toBe(december.elapsed_business_days);
      expect(december.sellers[0].projection).toBe(december.sellers[0].month_sold);
      expect(december.sellers[0].month_sold).toBeGreaterThan(0);

      const own = await ok(app, 'ruta1', 'GET', '/bakery/panel/own');
      expect(own).toMatchObject({
        month: '2026-01',
        business_days: 25,
        elapsed_business_days: 23,
        baskets_lent: 0,
      });
      expect(own.month_sales).toBeGreaterThan(0);
      expect(own.projection).toBeGreaterThan(own.month_sales);
      const summary = await ok(
        app,
        'despacho1',
        'GET',
        `/bakery/panel/summary?month=2026-01&seller_id=${me.user.id}`,
      );
      expect(summary.sellers[0]).toMatchObject({
        total_sold: own.month_sales,
        commission: own.commission,
        projection: own.projection,
      });
    });

    it('demo: 40 productos en ambas categorías y 8 vendedores con % distintos', async () => {
      const app = t();
      const products = await ok(app, 'panadero', 'GET', '/bakery/products');
      const demo = products.items.filter((p: { code: string }) => /^[PB]0\d\d$/.test(p.code));
      expect(demo).toHaveLength(40);
      expect(demo.filter((p: { category: string }) => p.category === 'panaderia')).toHaveLength(20);
      const sellers = (await ok(app, 'despacho1', 'GET', '/bakery/sellers')).items.filter(
        (s: { username: string }) => /^ruta\d$/.test(s.username),
      );
      expect(sellers).toHaveLength(8);
      expect(new Set(sellers.map((s: { commission_panaderia: number }) => s.commission_panaderia)).size).toBe(
        8,
      );
      const panel = await ok(app, 'despacho1', 'GET', '/bakery/panel/summary?from=2026-01-02&to=2026-01-10');
      expect(panel.daily.length).toBeGreaterThan(5);
    });
  },
  { env: { MATRIZ_MODULES: 'bakery' } },
);

describeEngines(
  'proyección de julio 2026 con festivos',
  (t) => {
    it('julio 2026 con Chiquinquirá e Independencia: 25 días; el admin los ajusta y la proyección cambia', async () => {
      const app = t();
      const july = await ok(app, 'panadero', 'GET', '/bakery/calendar?month=2026-07');
      expect(july.business_days).toBe(25);
      const seller = await newSeller(app, 10, 10);
      const product = await newProduct(app, 'panaderia', 1100);
      const pd = await newDocument(app, 'PD', seller.id, '2026-07-14', [[product.code, 10]]);
      await ok(app, 'despacho1', 'POST', '/bakery/sales', {
        seller_id: seller.id,
        date: '2026-07-14',
        pedido_id: pd.id,
      });
      const before = await ok(app, 'despacho1', 'GET', `/bakery/panel/summary?seller_id=${seller.id}`);
      // 11 000 over 11 elapsed (1–14 July minus Sunday 5, Sunday 12 and the 13th) × 25 = 25 000
      expect(before).toMatchObject({ month: '2026-07', elapsed_business_days: 11, business_days: 25 });
      expect(before.sellers[0].projection).toBe(25000);

      expect(
        (
          await call(app, 'despacho1', 'PUT', '/bakery/calendar/2026-07-20', {
            is_business_day: true,
            reason: 'x',
          })
        ).status,
      ).toBe(403);
      await ok(app, 'panadero', 'PUT', '/bakery/calendar/2026-07-20', {
        is_business_day: true,
        reason: 'se trabaja el festivo',
      });
      await ok(app, 'panadero', 'PUT', '/bakery/calendar/2026-07-04', {
        is_business_day: false,
        reason: 'inventario',
      });
      const adjusted = await ok(app, 'despacho1', 'GET', `/bakery/panel/summary?seller_id=${seller.id}`);
      // The 4th no longer counts: 10 elapsed, 25 in the month → 11 000 / 10 × 25 = 27 500
      expect(adjusted).toMatchObject({ elapsed_business_days: 10, business_days: 25 });
      expect(adjusted.sellers[0].projection).toBe(27500);
      await ok(app, 'panadero', 'DELETE', '/bakery/calendar/2026-07-04');
      expect((await ok(app, 'panadero', 'GET', '/bakery/calendar?month=2026-07')).business_days).toBe(26);
    });
  },
  { env: { MATRIZ_MODULES: 'bakery' }, clock: '2026-07-14T15:00:00Z' },
);
