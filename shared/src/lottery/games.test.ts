import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BET_TYPE_CODES,
  BET_TYPE_LIST,
  BET_TYPES,
  type BetTypeCode,
  boxPrizeFromStraight,
  boxWays,
  DEFAULT_PRIZES,
  type DrawResult,
  evaluate,
  normalizeNumber,
  prizeTableKeys,
  validateNumber,
  validateResult,
} from './games.ts';

const quiniela = (text: string): DrawResult => {
  const [first, second, third] = text.split('-');
  return { format: 'quiniela', first, second, third };
};
const pick = (digits: string): DrawResult => ({
  format: `pick${digits.length}` as 'pick3' | 'pick4' | 'pick5',
  digits,
});
const tiempos = (number: string, ball: 'red' | 'white', reventadoMultiplier = 20_000): DrawResult => ({
  format: 'tiempos',
  number,
  ball,
  reventadoMultiplier,
});
const prizeOf = (betType: BetTypeCode, raw: string, result: DrawResult) =>
  evaluate(betType, normalizeNumber(betType, raw), result)?.prizeClass ?? null;

describe('catálogo de jugadas', () => {
  it('tiene las 25 jugadas, cada una con clases de premio y premio por defecto para cada clase', () => {
    expect(BET_TYPE_CODES).toHaveLength(25);
    for (const type of BET_TYPE_LIST) {
      expect(type.prizeClasses.length).toBeGreaterThan(0);
      expect(type.resultFormats.length).toBeGreaterThan(0);
      if (type.paysResultMultiplier) continue;
      expect(Object.keys(DEFAULT_PRIZES[type.code]).sort()).toEqual([...type.prizeClasses].sort());
      for (const value of Object.values(DEFAULT_PRIZES[type.code]))
        expect(Number.isSafeInteger(value)).toBe(true);
    }
    expect(prizeTableKeys()).toContainEqual({ betType: 'PALE', prizeClass: 'second_third' });
  });

  it('los premios por defecto son los de DOMAIN.md en centésimas', () => {
    expect(DEFAULT_PRIZES.DIRECTO).toEqual({ first: 6000, second: 800, third: 400 });
    expect(DEFAULT_PRIZES.PALE).toEqual({
      first_second: 100_000,
      first_third: 100_000,
      second_third: 10_000,
    });
    expect(DEFAULT_PRIZES.TRIPLETA).toEqual({ three: 2_000_000, two: 10_000 });
    expect(DEFAULT_PRIZES.CASH3_BOX).toEqual({ box_6: 8000, box_3: 16_000 });
    expect(DEFAULT_PRIZES.PLAY4_BOX).toEqual({
      box_24: 20_000,
      box_12: 40_000,
      box_6: 80_000,
      box_4: 120_000,
    });
    expect(DEFAULT_PRIZES.PICK5_BOX).toEqual({
      box_120: 25_000,
      box_60: 50_000,
      box_30: 100_000,
      box_20: 150_000,
      box_10: 300_000,
      box_5: 600_000,
    });
    expect(DEFAULT_PRIZES.TIEMPOS).toEqual({ hit: 9000 });
    expect(boxPrizeFromStraight(50_000, 6)).toBe(8333);
    expect(boxPrizeFromStraight(50_000, 3)).toBe(16_667);
  });
});

describe('normalizar y validar números', () => {
  it('palé, tripleta y super palé se guardan en orden ascendente', () => {
    expect(normalizeNumber('PALE', '45-23')).toBe('2345');
    expect(normalizeNumber('PALE', '2345')).toBe('2345');
    expect(normalizeNumber('TRIPLETA', '78 45 23')).toBe('234578');
    expect(normalizeNumber('SUPER_PALE', '90.12')).toBe('1290');
    expect(normalizeNumber('CASH3_STRAIGHT', '321')).toBe('321');
    expect(normalizeNumber('DIRECTO', ' 07 ')).toBe('07');
  });

  it('rechaza longitudes, repetidos y combinados sin combinaciones', () => {
    expect(validateNumber('DIRECTO', '7')).toBe('FORMAT');
    expect(validateNumber('DIRECTO', '07')).toBeNull();
    expect(validateNumber('PALE', '2323')).toBe('REPEATED_NUMBER');
    expect(validateNumber('PALE', '4523')).toBe('NOT_NORMALIZED');
    expect(validateNumber('TRIPLETA', '231245')).toBe('NOT_NORMALIZED');
    expect(validateNumber('TRIPLETA', '232345')).toBe('REPEATED_NUMBER');
    expect(validateNumber('SUPER_PALE', '2323')).toBeNull();
    expect(validateNumber('CASH3_BOX', '111')).toBe('NO_BOX_WAYS');
    expect(validateNumber('CASH3_BOX', '112')).toBeNull();
    expect(validateNumber('CASH3_FRONT_BOX', '44')).toBe('NO_BOX_WAYS');
    expect(validateNumber('PLAY4_BOX', '7777')).toBe('NO_BOX_WAYS');
    expect(validateNumber('PICK5_STRAIGHT', '12a45')).toBe('FORMAT');
    expect(validateNumber('SINGULACION_2', '7')).toBeNull();
    expect(validateNumber('PULITO', '12')).toBe('FORMAT');
  });

  it('propiedad: normalizar es idempotente y todo número normalizado de la longitud correcta es válido o un repetido', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BET_TYPE_CODES), fc.stringMatching(/^\d{1,6}$/), (betType, raw) => {
        const once = normalizeNumber(betType, raw);
        expect(normalizeNumber(betType, once)).toBe(once);
        const problem = validateNumber(betType, once);
        if (once.length !== BET_TYPES[betType].numberLength) expect(problem).toBe('FORMAT');
        else expect([null, 'REPEATED_NUMBER', 'NO_BOX_WAYS']).toContain(problem);
      }),
    );
  });

  it('formas de combinar: permutaciones distintas de los dígitos', () => {
    expect(boxWays('123')).toBe(6);
    expect(boxWays('112')).toBe(3);
    expect(boxWays('111')).toBe(1);
    expect(boxWays('1234')).toBe(24);
    expect(boxWays('1123')).toBe(12);
    expect(boxWays('1122')).toBe(6);
    expect(boxWays('1112')).toBe(4);
    expect(boxWays('12345')).toBe(120);
    expect(boxWays('11234')).toBe(60);
    expect(boxWays('11223')).toBe(30);
    expect(boxWays('11123')).toBe(20);
    expect(boxWays('11122')).toBe(10);
    expect(boxWays('11112')).toBe(5);
    expect(boxWays('12')).toBe(2);
  });
});

describe('quiniela 45-23-78', () => {
  const result = quiniela('45-23-78');

  it('directo paga 1ra, 2da o 3ra', () => {
    expect(prizeOf('DIRECTO', '45', result)).toBe('first');
    expect(prizeOf('DIRECTO', '23', result)).toBe('second');
    expect(prizeOf('DIRECTO', '78', result)).toBe('third');
    expect(prizeOf('DIRECTO', '54', result)).toBeNull();
  });

  it('palé: dos números en cualquier orden, por par de posiciones', () => {
    expect(prizeOf('PALE', '45-23', result)).toBe('first_second');
    expect(prizeOf('PALE', '23-45', result)).toBe('first_second');
    expect(prizeOf('PALE', '78-45', result)).toBe('first_third');
    expect(prizeOf('PALE', '23-78', result)).toBe('second_third');
    expect(prizeOf('PALE', '23-99', result)).toBeNull();
  });

  it('tripleta: 3 de 3 o 2 de 3', () => {
    expect(prizeOf('TRIPLETA', '78-23-45', result)).toBe('three');
    expect(prizeOf('TRIPLETA', '45-78-01', result)).toBe('two');
    expect(prizeOf('TRIPLETA', '45-01-02', result)).toBeNull();
  });

  it('pulito: último dígito de 1ra, 2da o 3ra', () => {
    expect(prizeOf('PULITO', '5', result)).toBe('first');
    expect(prizeOf('PULITO', '3', result)).toBe('second');
    expect(prizeOf('PULITO', '8', result)).toBe('third');
    expect(prizeOf('PULITO', '4', result)).toBeNull();
  });
});

describe('quiniela con dobles 22-45-22', () => {
  const result = quiniela('22-45-22');

  it('directo a un número repetido solo paga la primera posición', () => {
    expect(prizeOf('DIRECTO', '22', result)).toBe('first');
    expect(prizeOf('DIRECTO', '45', result)).toBe('second');
  });

  it('palé con el número repetido paga el mejor par de posiciones', () => {
    expect(prizeOf('PALE', '45-22', result)).toBe('first_second');
    expect(prizeOf('PALE', '22-78', result)).toBeNull();
  });

  it('tripleta cuenta números distintos acertados', () => {
    expect(prizeOf('TRIPLETA', '22-45-78', result)).toBe('two');
    expect(prizeOf('TRIPLETA', '22-10-78', result)).toBeNull();
  });

  it('pulito a un dígito repetido paga la primera posición', () => {
    expect(prizeOf('PULITO', '2', result)).toBe('first');
  });

  it('palé 2da+3ra cuando 1ra no participa', () => {
    expect(prizeOf('PALE', '45-22', quiniela('10-45-22'))).toBe('second_third');
  });
});

describe('pick3 / pick4 / pick5', () => {
  it('cash3 directo y combinado 6-way y 3-way', () => {
    expect(prizeOf('CASH3_STRAIGHT', '123', pick('123'))).toBe('straight');
    expect(prizeOf('CASH3_STRAIGHT', '321', pick('123'))).toBeNull();
    for (const drawn of ['123', '132', '213', '231', '312', '321']) {
      expect(prizeOf('CASH3_BOX', '321', pick(drawn))).toBe('box_6');
    }
    for (const drawn of ['112', '121', '211']) expect(prizeOf('CASH3_BOX', '121', pick(drawn))).toBe('box_3');
    expect(prizeOf('CASH3_BOX', '124', pick('123'))).toBeNull();
  });

  it('cash3 delante y atrás, directo y combinado', () => {
    const result = pick('472');
    expect(prizeOf('CASH3_FRONT_STRAIGHT', '47', result)).toBe('straight');
    expect(prizeOf('CASH3_FRONT_STRAIGHT', '74', result)).toBeNull();
    expect(prizeOf('CASH3_FRONT_BOX', '74', result)).toBe('box_2');
    expect(prizeOf('CASH3_BACK_STRAIGHT', '72', result)).toBe('straight');
    expect(prizeOf('CASH3_BACK_BOX', '27', result)).toBe('box_2');
    expect(prizeOf('CASH3_BACK_BOX', '47', result)).toBeNull();
  });

  it('bolita y singulación sobre un pick3', () => {
    const result = pick('905');
    expect(prizeOf('BOLITA_1', '90', result)).toBe('straight');
    expect(prizeOf('BOLITA_2', '05', result)).toBe('straight');
    expect(prizeOf('BOLITA_2', '90', result)).toBeNull();
    expect(prizeOf('SINGULACION_1', '9', result)).toBe('straight');
    expect(prizeOf('SINGULACION_2', '0', result)).toBe('straight');
    expect(prizeOf('SINGULACION_3', '5', result)).toBe('straight');
    expect(prizeOf('SINGULACION_3', '9', result)).toBeNull();
  });

  it('play4 directo y todas las formas de combinado', () => {
    expect(prizeOf('PLAY4_STRAIGHT', '1234', pick('1234'))).toBe('straight');
    expect(prizeOf('PLAY4_STRAIGHT', '4321', pick('1234'))).toBeNull();
    expect(prizeOf('PLAY4_BOX', '4321', pick('1234'))).toBe('box_24');
    expect(prizeOf('PLAY4_BOX', '3121', pick('1123'))).toBe('box_12');
    expect(prizeOf('PLAY4_BOX', '2121', pick('1122'))).toBe('box_6');
    expect(prizeOf('PLAY4_BOX', '2111', pick('1112'))).toBe('box_4');
    expect(prizeOf('PLAY4_BOX', '2111', pick('1122'))).toBeNull();
  });

  it('pick2 delante, medio y atrás sobre un pick4', () => {
    const result = pick('5081');
    expect(prizeOf('PICK2_FRONT', '50', result)).toBe('straight');
    expect(prizeOf('PICK2_MIDDLE', '08', result)).toBe('straight');
    expect(prizeOf('PICK2_BACK', '81', result)).toBe('straight');
    expect(prizeOf('PICK2_BACK', '50', result)).toBeNull();
  });

  it('pick5 directo y todas las formas de combinado', () => {
    expect(prizeOf('PICK5_STRAIGHT', '12345', pick('12345'))).toBe('straight');
    const ways: [string, string][] = [
      ['54321', 'box_120'],
      ['43211', 'box_60'],
      ['32211', 'box_30'],
      ['32111', 'box_20'],
      ['22111', 'box_10'],
      ['21111', 'box_5'],
    ];
    for (const [played, prizeClass] of ways) {
      const drawn = [...played].sort().join('');
      expect(prizeOf('PICK5_BOX', played, pick(drawn))).toBe(prizeClass);
    }
    expect(prizeOf('PICK5_BOX', '12346', pick('12345'))).toBeNull();
  });

  it('propiedad: un combinado gana con cualquier permutación del número jugado, con las formas de ese número', () => {
    fc.assert(
      fc.property(
        fc
          .stringMatching(/^\d{4}$/)
          .filter((played) => boxWays(played) > 1)
          .chain((played) =>
            fc.tuple(fc.constant(played), fc.shuffledSubarray([...played], { minLength: 4, maxLength: 4 })),
          ),
        ([played, permutation]) => {
          const drawn = permutation.join('');
          expect(prizeOf('PLAY4_BOX', played, pick(drawn))).toBe(`box_${boxWays(played)}`);
        },
      ),
    );
  });
});

describe('super palé (compuesto)', () => {
  const result: DrawResult = { format: 'composite', first: '45', second: '12' };
  it('gana cuando sus dos números son los primeros de los dos sorteos, en cualquier orden', () => {
    expect(prizeOf('SUPER_PALE', '45-12', result)).toBe('win');
    expect(prizeOf('SUPER_PALE', '12-45', result)).toBe('win');
    expect(prizeOf('SUPER_PALE', '45-13', result)).toBeNull();
    expect(prizeOf('SUPER_PALE', '23-23', { format: 'composite', first: '23', second: '23' })).toBe('win');
  });
});

describe('tiempos y reventado (Costa Rica)', () => {
  it('tiempos gana con el número, sea cual sea la bolita', () => {
    expect(prizeOf('TIEMPOS', '07', tiempos('07', 'white'))).toBe('hit');
    expect(prizeOf('TIEMPOS', '07', tiempos('07', 'red'))).toBe('hit');
    expect(prizeOf('TIEMPOS', '70', tiempos('07', 'red'))).toBeNull();
  });

  it('reventado solo con el número y la bolita roja, al multiplicador del resultado', () => {
    expect(evaluate('REVENTADO', '07', tiempos('07', 'red', 20_000))).toEqual({
      prizeClass: 'red_ball',
      resultMultiplier: 20_000,
    });
    expect(evaluate('REVENTADO', '07', tiempos('07', 'white'))).toBeNull();
    expect(evaluate('REVENTADO', '08', tiempos('07', 'red'))).toBeNull();
  });
});

describe('formatos de resultado', () => {
  it('una jugada sobre un formato ajeno es un error de programación', () => {
    expect(() => evaluate('DIRECTO', '23', pick('123'))).toThrow(RangeError);
    expect(() => evaluate('TIEMPOS', '23', quiniela('23-45-67'))).toThrow(RangeError);
  });

  it('valida resultados', () => {
    expect(validateResult(quiniela('45-23-78'))).toBeNull();
    expect(validateResult(quiniela('45-2-78'))).toEqual({ field: 'second', reason: 'FORMAT' });
    expect(validateResult(pick('1234'))).toBeNull();
    expect(validateResult({ format: 'pick3', digits: '12' })).toEqual({ field: 'digits', reason: 'FORMAT' });
    expect(validateResult(tiempos('07', 'red', 20_000))).toBeNull();
    expect(
      validateResult({ format: 'tiempos', number: '07', ball: 'blue' as 'red', reventadoMultiplier: 0 }),
    ).toEqual({
      field: 'ball',
      reason: 'BALL',
    });
    expect(validateResult({ format: 'composite', first: '12', second: '3' })).toEqual({
      field: 'second',
      reason: 'FORMAT',
    });
  });
});
