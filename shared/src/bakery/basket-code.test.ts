import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BasketCodeRule,
  DEFAULT_BASKET_CODE_RULE,
  hasValidLuhn,
  luhnCheckDigit,
  makeBasketCode,
  validateBasketCode,
} from './basket-code.ts';

describe('Luhn mod 10', () => {
  it('da los dígitos de control conocidos', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(hasValidLuhn('79927398713')).toBe(true);
    expect(hasValidLuhn('79927398710')).toBe(false);
    expect(luhnCheckDigit('0000')).toBe(0);
    expect(luhnCheckDigit('0001')).toBe(8);
    expect(hasValidLuhn('4539578763621486')).toBe(true); // a test card number
  });

  it('detecta todo error de un solo dígito', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 15 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (payload, at, delta) => {
          const valid = payload + String(luhnCheckDigit(payload));
          const i = at % valid.length;
          const changed = valid.slice(0, i) + String((Number(valid[i]) + delta) % 10) + valid.slice(i + 1);
          return hasValidLuhn(valid) && !hasValidLuhn(changed);
        },
      ),
    );
  });

  it('rechaza entradas que no son dígitos', () => {
    expect(() => luhnCheckDigit('12a')).toThrow();
    expect(hasValidLuhn('1')).toBe(false);
    expect(hasValidLuhn('12x4')).toBe(false);
  });
});

describe('regla de código de canasta', () => {
  const rule = DEFAULT_BASKET_CODE_RULE;

  it('acepta los códigos que genera y los normaliza', () => {
    const code = makeBasketCode(rule, 1);
    expect(code).toBe('CAN00018');
    expect(validateBasketCode(' can00018 ', rule)).toEqual({ ok: true, code: 'CAN00018' });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        (n) => validateBasketCode(makeBasketCode(rule, n), rule).ok,
      ),
    );
  });

  it('da la razón: prefijo, longitud, dígito de control, caracteres, vacío', () => {
    expect(validateBasketCode('XAN00018', rule)).toMatchObject({
      ok: false,
      reason: 'prefix',
      expected: 'CAN',
    });
    expect(validateBasketCode('CAN000018', rule)).toMatchObject({ ok: false, reason: 'length', expected: 8 });
    expect(validateBasketCode('CAN00017', rule)).toMatchObject({
      ok: false,
      reason: 'check_digit',
      expected: 8,
    });
    expect(validateBasketCode('CAN0A018', rule)).toMatchObject({ ok: false, reason: 'characters' });
    expect(validateBasketCode('CAN#0018', rule)).toMatchObject({ ok: false, reason: 'characters' });
    expect(validateBasketCode('   ', rule)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('sin dígito de control ni longitud fija acepta cualquier código razonable', () => {
    const free: BasketCodeRule = { prefix: '', length: null, checkDigit: 'none' };
    expect(validateBasketCode('C-17', free)).toEqual({ ok: true, code: 'C-17' });
    expect(validateBasketCode('AB', free)).toMatchObject({ ok: false, reason: 'length' });
    expect(validateBasketCode('X'.repeat(33), free)).toMatchObject({ ok: false, reason: 'length' });
    expect(makeBasketCode({ prefix: 'K', length: 5, checkDigit: 'none' }, 42)).toBe('K0042');
    expect(() => makeBasketCode(rule, 10_000)).toThrow();
  });
});
