import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeSale,
  documentCode,
  MAX_SALE_VALUE_CENTS,
  quantitiesOf,
  type SaleProduct,
  SaleTooLargeError,
} from './sale-math.ts';

const products = new Map<string, SaleProduct>([
  ['pan', { id: 'pan', code: 'P001', name: 'Pan francés', category: 'panaderia', priceCents: 35_050 }],
  ['biz', { id: 'biz', code: 'B001', name: 'Milhoja', category: 'bizcocheria', priceCents: 199_999 }],
]);
const q = (entries: [string, number][]) => new Map(entries);

describe('computeSale', () => {
  it('venta = devolución anterior + pedido + extras − devolución del día, comisión por categoría redondeada por línea', () => {
    const sale = computeSale({
      products,
      rates: { panaderia: 1250, bizcocheria: 1575 },
      previousReturn: q([
        ['pan', 5],
        ['biz', 2],
      ]),
      pedido: q([
        ['pan', 30],
        ['biz', 6],
      ]),
      extras: [q([['pan', 7]]), q([['biz', 3]])],
      dayReturn: q([
        ['pan', 12],
        ['biz', 1],
      ]),
    });
    expect(sale.negative).toEqual([]);
    expect(
      sale.lines.map((l) => [l.code, l.quantity, l.valueCents, l.commissionCents, l.payableCents]),
    ).toEqual([
      ['B001', 10, 1_999_990, 314_998, 1_684_992],
      ['P001', 30, 1_051_500, 131_438, 920_062],
    ]);
    expect(sale.byCategory.panaderia.valueCents).toBe(1_051_500);
    expect(sale.total).toEqual({
      quantity: 40,
      valueCents: 3_051_490,
      commissionCents: 446_436,
      payableCents: 2_605_054,
    });
  });

  it('informa cada producto con cantidad negativa', () => {
    const sale = computeSale({
      products,
      rates: { panaderia: 1000, bizcocheria: 1000 },
      previousReturn: new Map(),
      pedido: q([['pan', 2]]),
      extras: [],
      dayReturn: q([
        ['pan', 3],
        ['biz', 1],
      ]),
    });
    expect(sale.negative.map((n) => [n.code, n.quantity])).toEqual([
      ['P001', -1],
      ['B001', -1],
    ]);
  });

  it('una venta que vale más de lo que una comisión puede redondear exacto se rechaza, no se calcula mal', () => {
    const dear = new Map<string, SaleProduct>([
      [
        'top',
        { id: 'top', code: 'T1', name: 'Tope', category: 'bizcocheria', priceCents: MAX_SALE_VALUE_CENTS },
      ],
    ]);
    const sale = (quantity: number) =>
      computeSale({
        products: dear,
        rates: { panaderia: 10_000, bizcocheria: 10_000 },
        previousReturn: new Map(),
        pedido: q([['top', quantity]]),
        extras: [],
        dayReturn: new Map(),
      });
    expect(sale(1).total).toEqual({
      quantity: 1,
      valueCents: MAX_SALE_VALUE_CENTS,
      commissionCents: MAX_SALE_VALUE_CENTS,
      payableCents: 0,
    });
    expect(() => sale(2)).toThrow(SaleTooLargeError);
  });

  it('propiedades: totales = suma de líneas, venta = comisión + a pagar, comisión ≤ venta', () => {
    const quantities = fc.array(fc.tuple(fc.constantFrom('pan', 'biz'), fc.integer({ min: 1, max: 500 })), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        quantities,
        quantities,
        fc.array(quantities, { maxLength: 3 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (previous, pedido, extras, ratePan, rateBiz) => {
          const sale = computeSale({
            products,
            rates: { panaderia: ratePan, bizcocheria: rateBiz },
            previousReturn: quantitiesOf(previous.map(([productId, quantity]) => ({ productId, quantity }))),
            pedido: quantitiesOf(pedido.map(([productId, quantity]) => ({ productId, quantity }))),
            extras: extras.map((e) =>
              quantitiesOf(e.map(([productId, quantity]) => ({ productId, quantity }))),
            ),
            dayReturn: new Map(),
          });
          const sum = (pick: (l: (typeof sale.lines)[number]) => number) =>
            sale.lines.reduce((s, l) => s + pick(l), 0);
          expect(sale.total.valueCents).toBe(sum((l) => l.valueCents));
          expect(sale.total.commissionCents).toBe(sum((l) => l.commissionCents));
          expect(sale.total.valueCents).toBe(sale.total.commissionCents + sale.total.payableCents);
          expect(sale.byCategory.panaderia.valueCents + sale.byCategory.bizcocheria.valueCents).toBe(
            sale.total.valueCents,
          );
          for (const line of sale.lines) {
            expect(line.commissionCents).toBeLessThanOrEqual(line.valueCents);
            expect(line.quantity).toBe(line.previousQty + line.pedidoQty + line.extrasQty - line.returnQty);
          }
        },
      ),
    );
  });
});

describe('documentCode', () => {
  it('prefijo y cinco dígitos', () => {
    expect(documentCode('PD', 1)).toBe('PD-00001');
    expect(documentCode('DV', 123456)).toBe('DV-123456');
  });
});
