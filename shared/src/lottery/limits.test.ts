import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardColour, claimsForLine, type LimitRule, mergeClaims } from './limits.ts';

const rule = (over: Partial<LimitRule>): LimitRule => ({
  id: Math.random().toString(36),
  level: 'number',
  measure: 'sales',
  maxCents: 50_000,
  lotteryId: null,
  drawId: null,
  zoneId: null,
  bancaId: null,
  betType: 'DIRECTO',
  number: null,
  weekday: null,
  startsOn: null,
  endsOn: null,
  ...over,
});

const line = {
  drawId: 'd1',
  lotteryId: 'real',
  betType: 'DIRECTO' as const,
  number: '23',
  salesCents: 10_000,
  payoutCents: 600_000,
};
const scope = { zoneId: 'z1', bancaId: 'b1', drawDate: '2026-01-29' };

describe('límites por línea', () => {
  it('el número concreto manda sobre "todos los números" y comparten contador', () => {
    const claims = claimsForLine(line, scope, [
      rule({ maxCents: 50_000 }),
      rule({ number: '23', maxCents: 30_000 }),
    ]);
    expect(claims).toEqual([
      expect.objectContaining({ key: 'N|d1|DIRECTO|23|*|sales', limitCents: 30_000, amountCents: 10_000 }),
    ]);
  });

  it('cada nivel es un contador propio: global, zona, banca, tipo y número', () => {
    const claims = claimsForLine(line, scope, [
      rule({ level: 'global', betType: null, maxCents: 100_000_000 }),
      rule({ level: 'zone', betType: null, zoneId: 'z1', maxCents: 10_000_000 }),
      rule({ level: 'banca', betType: null, bancaId: 'b1', maxCents: 1_000_000 }),
      rule({ level: 'bet_type', maxCents: 20_000_000 }),
      rule({ maxCents: 50_000 }),
      rule({ level: 'zone', betType: null, zoneId: 'otra', maxCents: 1 }),
    ]);
    expect(claims.map((c) => c.key).sort()).toEqual([
      'B|d1|b1|sales',
      'G|d1|sales',
      'N|d1|DIRECTO|23|*|sales',
      'T|d1|DIRECTO|*|sales',
      'Z|d1|z1|sales',
    ]);
  });

  it('reglas por día de la semana y por vigencia solo aplican en su fecha', () => {
    const thursday = rule({ weekday: 4, maxCents: 1_000 });
    const expired = rule({ endsOn: '2026-01-28', maxCents: 500 });
    expect(claimsForLine(line, scope, [rule({}), thursday, expired])[0].limitCents).toBe(1_000);
    expect(
      claimsForLine(line, { ...scope, drawDate: '2026-01-30' }, [rule({}), thursday])[0].limitCents,
    ).toBe(50_000);
  });

  it('el límite por pago potencial cuenta el premio, no la venta', () => {
    const [claim] = claimsForLine(line, scope, [rule({ measure: 'payout', maxCents: 5_000_000 })]);
    expect(claim.amountCents).toBe(600_000);
  });

  it('un número caliente da su propio límite al directo y al palé según cuántos calientes lleva', () => {
    const hot = [
      {
        number: '23',
        lotteryId: null,
        directoCents: 2_000,
        pale1Cents: 1_000,
        pale2Cents: 500,
        tripleta1Cents: null,
        tripleta2Cents: null,
        tripleta3Cents: null,
      },
      {
        number: '45',
        lotteryId: null,
        directoCents: 2_000,
        pale1Cents: 1_000,
        pale2Cents: 500,
        tripleta1Cents: null,
        tripleta2Cents: null,
        tripleta3Cents: null,
      },
    ];
    expect(claimsForLine(line, scope, [], hot)).toEqual([
      expect.objectContaining({ key: 'H|d1|DIRECTO|23', limitCents: 2_000 }),
    ]);
    const pale = { ...line, betType: 'PALE' as const, number: '2345' };
    expect(claimsForLine(pale, scope, [], hot)[0].limitCents).toBe(500);
    expect(claimsForLine({ ...pale, number: '2367' }, scope, [], hot)[0].limitCents).toBe(1_000);
  });

  it('propiedad: fusionar suma por clave y ordena, sin perder montos', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom('a', 'b', 'c', 'd'),
            amountCents: fc.nat(1_000_000),
            limitCents: fc.nat(10_000_000),
          }),
        ),
        (raw) => {
          const claims = raw.map((c) => ({ ...c, level: 'number' as const, ruleId: null, number: null }));
          const merged = mergeClaims(claims);
          const keys = merged.map((c) => c.key);
          const total = (list: { amountCents: number }[]) => list.reduce((s, c) => s + c.amountCents, 0);
          return (
            new Set(keys).size === keys.length &&
            [...keys].sort().join() === keys.join() &&
            total(merged) === total(claims)
          );
        },
      ),
    );
  });
});

describe('colores de la pizarra', () => {
  it('< 30 % verde, 30–70 amarillo, 70–90 naranja, > 90 rojo, bloqueado negro', () => {
    expect(boardColour(2_999, 10_000, false)).toBe('green');
    expect(boardColour(3_000, 10_000, false)).toBe('yellow');
    expect(boardColour(7_000, 10_000, false)).toBe('orange');
    expect(boardColour(9_000, 10_000, false)).toBe('orange');
    expect(boardColour(9_001, 10_000, false)).toBe('red');
    expect(boardColour(0, 10_000, true)).toBe('black');
  });
});
