import { describe, expect, it } from 'vitest';
import { drawExposure, type ExposureGroup, netRisk } from './exposure.ts';

const directo = (number: string, betCents: number, multiplier = 1, first = 6000): ExposureGroup => ({
  betType: 'DIRECTO',
  number,
  multiplier,
  prizeMultipliers: { first, second: 800, third: 400 },
  betCents,
  netCents: betCents * multiplier,
  lines: 1,
});

describe('exposición por número', () => {
  it('directo: apuesta × multiplicador del ticket × premio de primera de la línea', () => {
    const result = drawExposure([
      directo('23', 10_000),
      directo('23', 5_000, 2),
      directo('23', 1_000, 1, 5600),
    ]);
    const n23 = result.numbers.get('23')!;
    // 100 × 60 + 50 × 2 × 60 + 10 × 56 = 6000 + 6000 + 560
    expect(n23.payoutIfFirstCents).toBe(1_256_000);
    expect(n23.salesCents).toBe(10_000 + 10_000 + 1_000);
    expect(n23.exposureCents).toBe(1_256_000);
    expect(result.combinations).toEqual([]);
  });

  it('palé: su mejor premio (1ra+2da, 1000×) cuenta en la combinación y en la exposición de sus dos números', () => {
    const result = drawExposure([
      directo('23', 1_000),
      {
        betType: 'PALE',
        number: '2345',
        multiplier: 1,
        prizeMultipliers: { first_second: 100_000, first_third: 100_000, second_third: 10_000 },
        betCents: 500,
        netCents: 450,
        lines: 1,
      },
    ]);
    expect(result.combinations).toEqual([
      {
        betType: 'PALE',
        number: '2345',
        numbers: ['23', '45'],
        salesCents: 500,
        payoutCents: 500_000,
        lines: 1,
      },
    ]);
    const n23 = result.numbers.get('23')!;
    expect(n23.payoutIfFirstCents).toBe(60_000);
    expect(n23.combinationPayoutCents).toBe(500_000);
    expect(n23.exposureCents).toBe(560_000);
    expect(result.numbers.get('45')!.exposureCents).toBe(500_000);
    expect(result.netSalesCents).toBe(1_450);
    expect(netRisk(n23.exposureCents, result.netSalesCents)).toBe(558_550);
  });

  it('tripleta: 3 de 3 (20000×) con multiplicador x2, y premios fraccionarios redondeados a la mitad hacia arriba', () => {
    const result = drawExposure([
      {
        betType: 'TRIPLETA',
        number: '234567',
        multiplier: 2,
        prizeMultipliers: { three: 2_000_000, two: 10_000 },
        betCents: 250,
        netCents: 440,
        lines: 1,
      },
      directo('67', 3, 1, 8333),
    ]);
    // 2.50 × 2 × 20000 = 100 000.00
    expect(result.combinations[0]).toMatchObject({ payoutCents: 10_000_000, numbers: ['23', '45', '67'] });
    for (const n of ['23', '45', '67'])
      expect(result.numbers.get(n)!.combinationPayoutCents).toBe(10_000_000);
    // 0.03 × 83.33 = 2.4999 → 2.50
    expect(result.numbers.get('67')!.payoutIfFirstCents).toBe(250);
  });
});
