import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportableCents, layoffCommission, splitPrize, splitPrizeAmong } from './layoff.ts';

describe('reparto de premios exportados (bote)', () => {
  it('ejemplo de la especificación: vendido 800, exportado 300 → el socio paga 3/8 del premio', () => {
    expect(splitPrize(4_800_000, 80_000, 30_000)).toEqual({ house: 3_000_000, partner: 1_800_000 });
  });

  it('mitad hacia arriba y suma exacta', () => {
    expect(splitPrize(100, 3, 1)).toEqual({ house: 67, partner: 33 });
    expect(splitPrize(101, 2, 1)).toEqual({ house: 50, partner: 51 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        (prize, sold, exportedRaw) => {
          const exported = exportedRaw % (sold + 1);
          const { house, partner } = splitPrize(prize, sold, exported);
          return house + partner === prize && house >= 0 && partner >= 0;
        },
      ),
    );
  });

  it('varios socios: las partes suman el premio', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 10 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 5 }),
        (prize, exports) => {
          const sold = exports.reduce((a, b) => a + b, 0) + 1;
          const split = splitPrizeAmong(prize, sold, exports);
          return split.house + split.partners.reduce((a, b) => a + b, 0) === prize && split.house >= 0;
        },
      ),
    );
    expect(() => splitPrize(100, 10, 11)).toThrow(RangeError);
  });

  it('excedente exportable y comisión', () => {
    expect(exportableCents(80_000, 0, 50_000, 0)).toBe(30_000);
    expect(exportableCents(80_000, 0, 50_000, 30_000)).toBe(0);
    expect(exportableCents(40_000, 0, 50_000, 0)).toBe(0);
    expect(layoffCommission(30_000, 200)).toBe(600);
  });
});
