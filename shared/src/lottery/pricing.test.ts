import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BetTypeCode, parseEntry } from './grammar.ts';
import { MAX_DISCOUNT_BP, potentialPrize, priceLine, priceTicket } from './pricing.ts';

const COMMISSION_BP: Partial<Record<BetTypeCode, number>> = { DIRECTO: 800, PALE: 1000, TRIPLETA: 1200 };

/** The spec's worked examples, typed in the product grammar (DOMAIN §10: 23P → 2345, 456T → 456789). */
function ticketFrom(entry: string, config: { discountBp: number; multiplier: number }) {
  const { plays, errors } = parseEntry(entry);
  expect(errors).toEqual([]);
  return priceTicket(
    plays.map((play) => ({ betCents: play.amountCents, commissionBp: COMMISSION_BP[play.betType] ?? 0 })),
    config,
  );
}

describe('priceLine', () => {
  it('spec 002 paso 6: REAL|23|100, descuento 10 %, x2, comisión 8 % → 180.00, comisión 14.40, neto 165.60', () => {
    expect(priceLine({ betCents: 10_000, discountBp: 1000, multiplier: 2, commissionBp: 800 })).toEqual({
      bet_amount: 10_000,
      discount_bp: 1000,
      discount_amount: 1000,
      subtotal: 9000,
      multiplier: 2,
      total_with_multiplier: 18_000,
      commission_bp: 800,
      commission_amount: 1440,
      net_amount: 16_560,
    });
  });

  it('redondea el descuento y la comisión a medio centavo hacia arriba, por línea', () => {
    // 0.05 × 10 % = 0.005 → 0.01; 12.345 → 12.35 style rounding on the commission.
    expect(priceLine({ betCents: 5, discountBp: 1000, multiplier: 1, commissionBp: 0 }).discount_amount).toBe(
      1,
    );
    expect(priceLine({ betCents: 4, discountBp: 1000, multiplier: 1, commissionBp: 0 }).discount_amount).toBe(
      0,
    );
    const line = priceLine({ betCents: 12_345, discountBp: 0, multiplier: 1, commissionBp: 1250 });
    expect(line.commission_amount).toBe(1543); // 1543.125 → 1543
    expect(
      priceLine({ betCents: 100, discountBp: 0, multiplier: 1, commissionBp: 850 }).commission_amount,
    ).toBe(9);
  });

  it('aplica el descuento antes del multiplicador', () => {
    const line = priceLine({ betCents: 2550, discountBp: 1000, multiplier: 5, commissionBp: 0 });
    expect(line.discount_amount).toBe(255);
    expect(line.subtotal).toBe(2295);
    expect(line.total_with_multiplier).toBe(11_475);
  });

  it('rechaza multiplicadores no enteros o menores que 1 y descuentos fuera de 0…50 %', () => {
    const base = { betCents: 10_000, discountBp: 0, multiplier: 1, commissionBp: 800 };
    for (const multiplier of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => priceLine({ ...base, multiplier })).toThrow(RangeError);
    }
    for (const discountBp of [-1, MAX_DISCOUNT_BP + 1, 12.5]) {
      expect(() => priceLine({ ...base, discountBp })).toThrow(RangeError);
    }
    expect(() => priceLine({ ...base, commissionBp: 10_001 })).toThrow(RangeError);
    expect(() => priceLine({ ...base, betCents: 10.5 })).toThrow(RangeError);
    expect(() => priceLine({ ...base, betCents: -100 })).toThrow(RangeError);
    expect(priceLine({ ...base, discountBp: MAX_DISCOUNT_BP }).subtotal).toBe(5000);
  });
});

describe('priceTicket: ejemplos de la spec 003', () => {
  const section51 = 'REAL|23|100\nREAL|2345|50\nNACIONAL|456789|25';

  it('§5.1 y §6.1: descuento 10 %, comisiones 8/10/12 % → comisión 14.40, neto 143.10, total 157.50', () => {
    const ticket = ticketFrom(section51, { discountBp: 1000, multiplier: 1 });
    expect(ticket.totals).toEqual({
      total_lines: 3,
      total_bet_amount: 17_500,
      total_discount: 1750,
      total_subtotal: 15_750,
      total_with_multiplier: 15_750,
      total_commission: 1440,
      total_net: 14_310,
      grand_total: 15_750,
    });
    // §6.1 line by line.
    expect(
      ticket.lines.map((l) => [l.discount_amount, l.subtotal, l.commission_amount, l.net_amount]),
    ).toEqual([
      [1000, 9000, 720, 8280],
      [500, 4500, 450, 4050],
      [250, 2250, 270, 1980],
    ]);
  });

  it('§5.1 con una comisión única de 8 %: comisión 12.60, total a pagar 157.50', () => {
    const ticket = priceTicket(
      [10_000, 5000, 2500].map((betCents) => ({ betCents, commissionBp: 800 })),
      { discountBp: 1000, multiplier: 1 },
    );
    expect(ticket.totals.total_commission).toBe(1260);
    expect(ticket.totals.grand_total).toBe(15_750);
  });

  it('§7.1: REAL|23|100 → 100.00', () => {
    const ticket = ticketFrom('REAL|23|100', { discountBp: 0, multiplier: 1 });
    expect(ticket.lines[0].total_with_multiplier).toBe(10_000);
    expect(ticket.totals.grand_total).toBe(10_000);
  });

  it('§7.2: cuatro jugadas en REAL → 275.00', () => {
    const ticket = ticketFrom('REAL|23|100\nREAL|45|50\nREAL|67|75\nREAL|2345|50', {
      discountBp: 0,
      multiplier: 1,
    });
    expect(ticket.totals.total_lines).toBe(4);
    expect(ticket.totals.grand_total).toBe(27_500);
  });

  it('§7.3: seis jugadas en tres sorteos → 380.00', () => {
    // LEIDSA|789|30 is a cash 3 in the product grammar; priced the same.
    const entry = 'REAL|23|100\nREAL|45|50\nNACIONAL|23|100\nNACIONAL|67|75\nLEIDSA|456789|25\nLEIDSA|789|30';
    const ticket = ticketFrom(entry, { discountBp: 0, multiplier: 1 });
    expect(ticket.totals.total_lines).toBe(6);
    expect(ticket.totals.grand_total).toBe(38_000);
  });

  it('§7.4: x2 y descuento 10 % → líneas 180.00 y 90.00, total 270.00', () => {
    const ticket = ticketFrom('REAL|23|100\nREAL|45|50', { discountBp: 1000, multiplier: 2 });
    expect(ticket.lines.map((l) => l.total_with_multiplier)).toEqual([18_000, 9000]);
    expect(ticket.lines.map((l) => [l.discount_amount, l.subtotal])).toEqual([
      [1000, 9000],
      [500, 4500],
    ]);
    expect(ticket.totals).toMatchObject({
      total_bet_amount: 15_000,
      total_discount: 1500,
      total_subtotal: 13_500,
      grand_total: 27_000,
    });
  });

  it('un ticket sin líneas suma cero', () => {
    expect(priceTicket([], { discountBp: 0, multiplier: 1 }).totals.grand_total).toBe(0);
  });

  it('rechaza una configuración inválida aunque no haya líneas', () => {
    expect(() => priceTicket([], { discountBp: 0, multiplier: 2.5 })).toThrow(RangeError);
  });
});

describe('potentialPrize', () => {
  it('spec 003 §2.4: 100 × 2 × 60 = 12,000.00 (el descuento no reduce el premio)', () => {
    expect(potentialPrize(10_000, 2, 6000)).toBe(1_200_000);
  });

  it('redondea a medio centavo hacia arriba con multiplicadores de premio en centésimas', () => {
    expect(potentialPrize(1, 1, 50)).toBe(1); // 0.5 cent → 1
    expect(potentialPrize(1, 1, 49)).toBe(0);
    expect(potentialPrize(2550, 1, 8333)).toBe(212_492); // 25.50 × 83.33 = 2124.915 → 2124.92
  });

  it('no pierde precisión con montos grandes', () => {
    // 9,999,999.99 × x10 × 20000.00 = 1,999,999,998,000.00 — exact beyond 2^53 intermediates.
    expect(potentialPrize(999_999_999, 10, 2_000_000)).toBe(199_999_999_800_000);
  });

  it('rechaza entradas no enteras', () => {
    expect(() => potentialPrize(100, 1.5, 6000)).toThrow(RangeError);
    expect(() => potentialPrize(100, 1, 60.5)).toThrow(RangeError);
    expect(() => potentialPrize(-1, 1, 6000)).toThrow(RangeError);
  });
});

describe('propiedades', () => {
  const line = fc.record({
    betCents: fc.integer({ min: 1, max: 999_999_999 }),
    commissionBp: fc.integer({ min: 0, max: 10_000 }),
  });
  const config = fc.record({
    discountBp: fc.integer({ min: 0, max: MAX_DISCOUNT_BP }),
    multiplier: fc.integer({ min: 1, max: 100 }),
  });

  it('Σ totales de línea = grand_total; neto + comisión = total; el descuento nunca supera la apuesta; todo entero', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 50 }), config, (lines, cfg) => {
        const ticket = priceTicket(lines, cfg);
        let sum = 0;
        for (const priced of ticket.lines) {
          sum += priced.total_with_multiplier;
          expect(priced.net_amount + priced.commission_amount).toBe(priced.total_with_multiplier);
          expect(priced.discount_amount).toBeGreaterThanOrEqual(0);
          expect(priced.discount_amount).toBeLessThanOrEqual(priced.bet_amount);
          expect(priced.commission_amount).toBeLessThanOrEqual(priced.total_with_multiplier);
          for (const value of Object.values(priced)) expect(Number.isSafeInteger(value)).toBe(true);
        }
        expect(ticket.totals.grand_total).toBe(sum);
        expect(ticket.totals.total_net + ticket.totals.total_commission).toBe(ticket.totals.grand_total);
        expect(ticket.totals.total_subtotal + ticket.totals.total_discount).toBe(
          ticket.totals.total_bet_amount,
        );
        for (const value of Object.values(ticket.totals)) expect(Number.isSafeInteger(value)).toBe(true);
      }),
    );
  });

  it('el premio potencial es entero y crece con la apuesta', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        (betCents, multiplier, prizeMultiplier) => {
          const prize = potentialPrize(betCents, multiplier, prizeMultiplier);
          expect(Number.isSafeInteger(prize)).toBe(true);
          expect(potentialPrize(betCents + 1, multiplier, prizeMultiplier)).toBeGreaterThanOrEqual(prize);
          if (prizeMultiplier % 100 === 0) {
            expect(prize).toBe(Number(BigInt(betCents) * BigInt(multiplier) * BigInt(prizeMultiplier / 100)));
          }
        },
      ),
    );
  });
});
