import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate.ts';
import { BET_TYPE_CODES, BET_TYPES } from './games.ts';
import {
  type BetTypeCode,
  drawLuckyNumber,
  EXPECTED,
  formatPlay,
  MAX_PLAYS_PER_ENTRY,
  type ParseError,
  type ParseOptions,
  parseEntry,
  parseErrorText,
  parseLine,
  type ResultFormat,
} from './grammar.ts';

const FORMATS: Record<string, ResultFormat> = {
  REAL: 'quiniela',
  NACIONAL: 'quiniela',
  LEIDSA: 'quiniela',
  'LA PRIMERA': 'quiniela',
  JPS: 'tiempos',
  'NEW YORK PICK3': 'pick3',
  'NEW YORK PICK4': 'pick4',
  'FLORIDA PICK5': 'pick5',
  'SUPER PALE': 'composite',
};
const withFormats: ParseOptions = { formatOf: (code) => FORMATS[code] };

function only(text: string, options: ParseOptions = {}) {
  const result = parseEntry(text, options);
  expect(result.errors).toEqual([]);
  expect(result.plays).toHaveLength(1);
  return result.plays[0];
}

function numbers(text: string, options: ParseOptions = {}) {
  const result = parseEntry(text, options);
  expect(result.errors).toEqual([]);
  return result.plays.map((play) => `${play.betType}:${play.number}`);
}

function firstError(text: string, options: ParseOptions = {}) {
  const result = parseEntry(text, options);
  expect(result.plays).toEqual([]);
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors[0];
}

describe('tipos de jugada según lo tecleado (DOMAIN §4)', () => {
  const cases: Array<[typed: string, betType: BetTypeCode, number: string]> = [
    ['23', 'DIRECTO', '23'],
    ['05', 'DIRECTO', '05'],
    ['2345', 'PALE', '2345'],
    ['4523', 'PALE', '2345'],
    ['45-23', 'PALE', '2345'],
    ['563412', 'TRIPLETA', '123456'],
    ['56-34-12', 'TRIPLETA', '123456'],
    ['S4523', 'SUPER_PALE', '2345'],
    ['s23-45', 'SUPER_PALE', '2345'],
    ['S2323', 'SUPER_PALE', '2323'],
    ['7', 'PULITO', '7'],
    ['123', 'CASH3_STRAIGHT', '123'],
    ['123-', 'CASH3_STRAIGHT', '123'],
    ['321+', 'CASH3_BOX', '321'],
    ['12F+', 'CASH3_FRONT_BOX', '12'],
    ['12b+', 'CASH3_BACK_BOX', '12'],
    ['1234-', 'PLAY4_STRAIGHT', '1234'],
    ['4321+', 'PLAY4_BOX', '4321'],
    ['12345-', 'PICK5_STRAIGHT', '12345'],
    ['54321+', 'PICK5_BOX', '54321'],
    ['12f', 'PICK2_FRONT', '12'],
    ['12b', 'PICK2_BACK', '12'],
    ['12-2', 'PICK2_MIDDLE', '12'],
    ['12+1', 'BOLITA_1', '12'],
    ['12+2', 'BOLITA_2', '12'],
    ['4-1', 'SINGULACION_1', '4'],
    ['4-2', 'SINGULACION_2', '4'],
    ['4-3', 'SINGULACION_3', '4'],
  ];

  it.each(cases)('%s → %s %s', (typed, betType, number) => {
    const play = only(`REAL|${typed}|10`);
    expect(play).toMatchObject({
      betType,
      number,
      typed,
      lotteryCode: 'REAL',
      amountCents: 1000,
      line: 1,
      column: 6,
    });
    expect(play.lucky).toBeUndefined();
  });

  it('23 es tiempos y 23r reventado en una lotería de formato tiempos', () => {
    expect(numbers('JPS|23|100\nJPS|23r|50', withFormats)).toEqual(['TIEMPOS:23', 'REVENTADO:23']);
  });

  it('12f y 12b son el par de delante/atrás del cash 3 en un pick 3 y el pick 2 en un pick 4', () => {
    expect(numbers('NEW YORK PICK3|12f|1\nNEW YORK PICK3|12b|1', withFormats)).toEqual([
      'CASH3_FRONT_STRAIGHT:12',
      'CASH3_BACK_STRAIGHT:12',
    ]);
    expect(numbers('NEW YORK PICK4|12f|1\nNEW YORK PICK4|12b|1', withFormats)).toEqual([
      'PICK2_FRONT:12',
      'PICK2_BACK:12',
    ]);
    expect(firstError('NEW YORK PICK4|12f+|1', withFormats).code).toBe('INVALID_BET_FOR_LOTTERY');
    expect(firstError('NEW YORK PICK3|123f|1', withFormats).expected).toMatch(/par de 2 dígitos/);
  });

  it('un combinado necesita al menos dos cifras distintas', () => {
    for (const typed of ['111+', '7777+', '22222+', '33f+']) {
      expect(firstError(`NY|${typed}|1`).expected).toMatch(/dos cifras distintas/);
    }
    expect(only('NY|111|1').betType).toBe('CASH3_STRAIGHT');
  });

  it('4 dígitos en una lotería compuesta son un super palé', () => {
    expect(only('SUPER PALE|4523|10', withFormats)).toMatchObject({ betType: 'SUPER_PALE', number: '2345' });
  });

  it('el palé y la tripleta necesitan números distintos', () => {
    expect(firstError('REAL|2323|10').expected).toMatch(/dos números distintos/);
    expect(firstError('REAL|23-23|10').expected).toMatch(/dos números distintos/);
    expect(only('REAL|141312|10').number).toBe('121314');
    expect(firstError('REAL|121312|10').expected).toMatch(/tres números distintos/);
  });

  it('los sufijos 23P y 456T de la spec no son jugadas y el error lo explica', () => {
    const error = firstError('REAL|23P|50');
    expect(error).toMatchObject({ code: 'PARSE_ERROR', line: 1, column: 6 });
    expect(error.expected).toMatch(/palé de 4 dígitos/);
    expect(firstError('NACIONAL|456t|25').expected).toMatch(/tripleta/);
  });

  it('5 dígitos sin - ni + piden el sufijo del pick 5', () => {
    expect(firstError('REAL|12345|10').expected).toMatch(/5 dígitos con -/);
  });
});

describe('atajos que generan varias jugadas', () => {
  it('XY. → XY y YX; 22. → solo 22', () => {
    const result = parseEntry('REAL|23.|100');
    expect(result.plays.map((p) => [p.betType, p.number, p.typed, p.amountCents])).toEqual([
      ['DIRECTO', '23', '23.', 10_000],
      ['DIRECTO', '32', '23.', 10_000],
    ]);
    expect(numbers('REAL|22.|100')).toEqual(['DIRECTO:22']);
    expect(numbers('JPS|23.|100', withFormats)).toEqual(['TIEMPOS:23', 'TIEMPOS:32']);
  });

  it('00d33 → los dobles 00, 11, 22, 33; 05d40 → 11, 22, 33; sin dobles es error', () => {
    expect(numbers('REAL|00d33|10')).toEqual(['DIRECTO:00', 'DIRECTO:11', 'DIRECTO:22', 'DIRECTO:33']);
    expect(numbers('REAL|05D40|10')).toEqual(['DIRECTO:11', 'DIRECTO:22', 'DIRECTO:33']);
    expect(numbers('REAL|00d99|10')).toHaveLength(10);
    expect(firstError('REAL|12d20|10').expected).toMatch(/dobles/);
    expect(firstError('REAL|33d00|10').expected).toMatch(/dobles/);
  });

  it('ABCD. → el palé AB-CD y su vuelta BA-DC', () => {
    expect(numbers('REAL|2345.|10')).toEqual(['PALE:2345', 'PALE:3254']);
    expect(numbers('REAL|1213.|10')).toEqual(['PALE:1213', 'PALE:2131']);
    expect(numbers('REAL|2332.|10')).toEqual(['PALE:2332']);
    expect(firstError('REAL|2323.|10').expected).toMatch(/dos números distintos/);
  });

  it('ABCq → todas las permutaciones distintas como cash 3 directo', () => {
    expect(numbers('NY|123q|1')).toEqual(
      ['123', '132', '213', '231', '312', '321'].map((n) => `CASH3_STRAIGHT:${n}`),
    );
    expect(numbers('NY|112Q|1')).toEqual(['CASH3_STRAIGHT:112', 'CASH3_STRAIGHT:121', 'CASH3_STRAIGHT:211']);
    expect(numbers('NY|777q|1')).toEqual(['CASH3_STRAIGHT:777']);
  });

  it('AA+BB es un rango de directos; NN+1 y NN+2 siguen siendo bolita', () => {
    expect(numbers('REAL|10+13|5')).toEqual(['DIRECTO:10', 'DIRECTO:11', 'DIRECTO:12', 'DIRECTO:13']);
    expect(numbers('REAL|07+07|5')).toEqual(['DIRECTO:07']);
    const all = parseEntry('REAL|00+99|5');
    expect(all.plays).toHaveLength(100);
    expect(all.plays[99].number).toBe('99');
    expect(numbers('NY|23+1|5')).toEqual(['BOLITA_1:23']);
    expect(numbers('NY|23+2|5')).toEqual(['BOLITA_2:23']);
    expect(firstError('REAL|19+10|5')).toMatchObject({ code: 'PARSE_ERROR', column: 6 });
    expect(firstError('REAL|23+3|5').code).toBe('PARSE_ERROR');
  });

  it(`a lo sumo ${MAX_PLAYS_PER_ENTRY} jugadas por entrada`, () => {
    const ten = Array.from({ length: 10 }, () => 'REAL|00+99|1').join('\n');
    expect(parseEntry(ten).plays).toHaveLength(1000);
    const result = parseEntry(`${ten}\nREAL|23|1`);
    expect(result.plays).toHaveLength(1000);
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'TOO_MANY_PLAYS',
        line: 11,
        column: 1,
        expected: 'a lo sumo 1000 jugadas por ticket',
      }),
    ]);
  });
});

describe('montos, loterías, líneas y columnas', () => {
  it('montos en unidades con hasta dos decimales', () => {
    expect(only('REAL|23|25.50').amountCents).toBe(2550);
    expect(only('REAL|23|25.5').amountCents).toBe(2550);
    expect(only('REAL|23|$100').amountCents).toBe(10_000);
    expect(only('REAL|23|0.01').amountCents).toBe(1);
    for (const bad of ['1.234', '-5', '1,50', 'cien', '.50', '1e3', '12345678']) {
      expect(firstError(`REAL|23|${bad}`)).toMatchObject({ code: 'PARSE_ERROR', column: 9 });
    }
    expect(firstError('REAL|23|0.00').expected).toMatch(/mayor que cero/);
  });

  it('el mensaje nombra la línea y la columna en español', () => {
    const result = parseEntry('REAL|23|100\nREAL|45|abc');
    expect(result.plays).toHaveLength(1);
    expect(result.errors).toEqual([
      {
        code: 'PARSE_ERROR',
        line: 2,
        column: 9,
        expectedKey: 'amount',
        saying: 'at',
        values: {},
        expected: 'un monto como 100 o 25.50',
        message: 'Línea 2, columna 9: se esperaba un monto como 100 o 25.50',
      },
    ]);
  });

  it('el mismo error dicho en inglés: cada texto del catálogo, y los tipos de jugada con su nombre en inglés', () => {
    const english = (error: ParseError) =>
      parseErrorText(
        error,
        (key, values) => translate('en', `grammar.${key}`, values),
        (code) => BET_TYPES[code].nameEn,
      ).message;
    const [amount] = parseEntry('REAL|23|100\nREAL|45|abc').errors;
    expect(english(amount)).toBe('Line 2, column 9: expected an amount like 100 or 25.50');
    const [notPlayed] = parseEntry('JPS|2345|10', { formatOf: () => 'tiempos' }).errors;
    expect(notPlayed.message).toMatch(/^Línea 1, columna 5: palé no se juega en JPS$/);
    expect(english(notPlayed)).toBe('Line 1, column 5: pale is not played in JPS');
    const [tiempos] = parseEntry('JPS|23r|10', { formatOf: () => 'tiempos' }).errors;
    expect(tiempos.code).toBe('REVENTADO_WITHOUT_TIEMPOS');
    expect(english(tiempos)).toBe(
      'Line 1, column 5: expected a tiempos on 23 in the same lottery, for an amount equal to or above the reventado',
    );
    // Every key the grammar can name is said in both catalogs, in each one's own words.
    for (const key of Object.keys(EXPECTED)) {
      const spanish = translate('es', `grammar.expected.${key}`);
      expect(spanish, key).not.toContain('grammar.');
      expect(translate('en', `grammar.expected.${key}`), key).not.toBe(spanish);
    }
  });

  it('las columnas cuentan los espacios que escribió el vendedor', () => {
    const result = parseEntry('  REAL | 4523 |  50 ');
    expect(result.plays[0]).toMatchObject({ column: 10, number: '2345', amountCents: 5000 });
    expect(firstError('  REAL | 99999 |  50 ')).toMatchObject({ column: 10 });
    expect(firstError('REAL|23|100|5')).toMatchObject({
      column: 12,
      expected: expect.stringMatching(/fin de la línea/),
    });
    expect(firstError('REAL||100')).toMatchObject({
      column: 6,
      expected: expect.stringMatching(/2, 4 o 6 dígitos/),
    });
    expect(firstError('REAL|23|')).toMatchObject({ column: 9, expected: 'un monto como 100 o 25.50' });
  });

  it('el código de lotería se devuelve en mayúsculas, sin espacios sobrantes', () => {
    expect(only('la   primera|23|10').lotteryCode).toBe('LA PRIMERA');
    expect(only('Gana Más|23|10').lotteryCode).toBe('GANA MÁS');
    expect(only('king_lottery|23|10').lotteryCode).toBe('KING_LOTTERY');
    expect(firstError('RE-AL|23|10')).toMatchObject({
      column: 1,
      expected: expect.stringMatching(/código de una lotería/),
    });
    expect(firstError(' |23|10')).toMatchObject({ column: 2 });
  });

  it('ignora líneas vacías y comentarios #; acepta \\r\\n', () => {
    const result = parseEntry('# jugadas de Juan\r\n\r\nREAL|23|100  # directo\r\n   \nREAL|45|50');
    expect(result.errors).toEqual([]);
    expect(result.plays.map((p) => [p.line, p.number])).toEqual([
      [3, '23'],
      [5, '45'],
    ]);
  });

  it('informa todos los errores, cada uno en su línea, y conserva las jugadas válidas', () => {
    const result = parseEntry('REAL|23|100\nbasura\nREAL|2345|x\nREAL|45|50');
    expect(result.plays.map((p) => p.number)).toEqual(['23', '45']);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 1],
      [3, 11],
    ]);
  });

  it('una entrada vacía no tiene jugadas ni errores', () => {
    expect(parseEntry('')).toEqual({ plays: [], errors: [] });
  });
});

describe('forma corta con sorteos elegidos', () => {
  const selected: ParseOptions = { ...withFormats, selectedLotteries: ['REAL', 'NACIONAL', 'REAL'] };

  it('NUM|MONTO y NUM MONTO devuelven jugadas sin lotería', () => {
    const result = parseEntry('23|100\n2345 50\n  56.\t25', selected);
    expect(result.errors).toEqual([]);
    expect(result.plays.map((p) => [p.lotteryCode, p.betType, p.number, p.amountCents, p.column])).toEqual([
      [null, 'DIRECTO', '23', 10_000, 1],
      [null, 'PALE', '2345', 5000, 1],
      [null, 'DIRECTO', '56', 2500, 3],
      [null, 'DIRECTO', '65', 2500, 3],
    ]);
  });

  it('se mezcla con líneas que nombran su lotería', () => {
    expect(parseEntry('23 100\nJPS|23|5', selected).plays.map((p) => [p.lotteryCode, p.betType])).toEqual([
      [null, 'DIRECTO'],
      ['JPS', 'TIEMPOS'],
    ]);
  });

  it('sin sorteos elegidos la forma corta pide la lotería', () => {
    expect(firstError('23 100').expected).toMatch(/código de la lotería antes del número/);
    expect(firstError('23|100').expected).toMatch(/código de la lotería antes del número/);
  });

  it('un número sin monto señala dónde falta el monto', () => {
    expect(firstError('23', selected)).toMatchObject({ column: 3, expected: 'un monto como 100 o 25.50' });
    expect(firstError('REAL 23 100', selected)).toMatchObject({
      column: 9,
      expected: expect.stringMatching(/separe/),
    });
  });

  it('la jugada debe valer en cada lotería elegida', () => {
    const error = firstError('123 10', selected);
    expect(error).toMatchObject({ code: 'INVALID_BET_FOR_LOTTERY', line: 1, column: 1 });
    expect(error.message).toBe('Línea 1, columna 1: cash 3 directo no se juega en REAL');
  });

  it('un número que es directo en un sorteo y tiempos en otro exige la lotería', () => {
    const error = firstError('23 10', { ...withFormats, selectedLotteries: ['REAL', 'JPS'] });
    expect(error.code).toBe('INVALID_BET_FOR_LOTTERY');
    expect(error.message).toMatch(/directo en unos sorteos elegidos y tiempos en JPS/);
  });

  it('todas tiempos: 23 es tiempos para todas', () => {
    const options = { formatOf: () => 'tiempos' as const, selectedLotteries: ['JPS 1', 'JPS 2'] };
    expect(numbers('23 10', options)).toEqual(['TIEMPOS:23']);
  });
});

describe('jugada incompatible con el formato de la lotería', () => {
  it.each([
    ['REAL|123|10', 'cash 3 directo no se juega en REAL'],
    ['REAL|23r|10', 'reventado no se juega en REAL'],
    ['NEW YORK PICK3|23|10', 'directo no se juega en NEW YORK PICK3'],
    ['NEW YORK PICK3|1234-|10', 'play 4 directo no se juega en NEW YORK PICK3'],
    ['JPS|2345|10', 'palé no se juega en JPS'],
    ['SUPER PALE|23|10', 'directo no se juega en SUPER PALE'],
  ])('%s', (text, message) => {
    const error = firstError(text, withFormats);
    expect(error.code).toBe('INVALID_BET_FOR_LOTTERY');
    expect(error.column).toBe(text.indexOf('|') + 2);
    expect(error.message).toContain(message);
  });

  it('una lotería desconocida no se valida aquí (la resuelve quien llama)', () => {
    expect(only('MARTE|123|10', withFormats).betType).toBe('CASH3_STRAIGHT');
  });
});

describe('reventado junto a su tiempos', () => {
  it('necesita un tiempos al mismo número y lotería por un monto igual o mayor', () => {
    expect(parseEntry('JPS|23r|100\nJPS|23|100', withFormats).errors).toEqual([]);
    const alone = parseEntry('JPS|23|100\nJPS|45r|10', withFormats);
    expect(alone.plays.map((p) => p.number)).toEqual(['23']);
    expect(alone.errors).toEqual([
      expect.objectContaining({ code: 'REVENTADO_WITHOUT_TIEMPOS', line: 2, column: 5 }),
    ]);
    const tooMuch = parseEntry('JPS|23|100\nJPS|23r|60\nJPS|23r|50', withFormats);
    expect(tooMuch.plays).toHaveLength(2);
    expect(tooMuch.errors.map((e) => [e.code, e.line])).toEqual([['REVENTADO_WITHOUT_TIEMPOS', 3]]);
  });
});

describe('jugada al azar (*)', () => {
  it('sin randomInt vuelve marcada lucky y sin número', () => {
    expect(only('REAL|*|10')).toMatchObject({ betType: 'DIRECTO', number: null, lucky: true, typed: '*' });
    expect(only('JPS|*|10', withFormats)).toMatchObject({ betType: 'TIEMPOS', lucky: true });
    expect(only('NEW YORK PICK3|*|10', withFormats)).toMatchObject({
      betType: 'CASH3_STRAIGHT',
      lucky: true,
    });
  });

  it('con randomInt el número ya viene sorteado', () => {
    expect(only('REAL|*|10', { randomInt: () => 7 })).toMatchObject({ number: '07', lucky: true });
    expect(only('* 10', { selectedLotteries: ['REAL'], randomInt: (max) => max - 1 }).number).toBe('99');
  });

  it('drawLuckyNumber da números válidos en los extremos', () => {
    const low = () => 0;
    const high = (max: number) => max - 1;
    expect(drawLuckyNumber('PALE', low)).toBe('0001');
    expect(drawLuckyNumber('PALE', high)).toBe('9899');
    expect(drawLuckyNumber('TRIPLETA', low)).toBe('000102');
    expect(drawLuckyNumber('TRIPLETA', high)).toBe('979899');
    expect(drawLuckyNumber('PULITO', high)).toBe('9');
    expect(() => drawLuckyNumber('PICK5_BOX', low)).toThrow(RangeError);
    const sequence = [0, 1];
    expect(drawLuckyNumber('CASH3_BOX', () => sequence.shift() ?? 0)).toBe('001');
    expect(() => drawLuckyNumber('DIRECTO', () => 100)).toThrow(RangeError);
    expect(() => drawLuckyNumber('DIRECTO', () => 0.5)).toThrow(RangeError);
  });
});

const ALL_BET_TYPES = [...BET_TYPE_CODES];
const LOTTERY_OF_FORMAT: Record<ResultFormat, string> = {
  quiniela: 'REAL',
  tiempos: 'JPS',
  composite: 'SUPER PALE',
  pick3: 'NEW YORK PICK3',
  pick4: 'NEW YORK PICK4',
  pick5: 'FLORIDA PICK5',
};

describe('propiedades', () => {
  it('parseEntry nunca lanza y cada error tiene línea y columna ≥ 1 dentro de la entrada', () => {
    const alphabet = fc.constantFrom(...'0123456789|+-.*#dfbqrSpt \t\n\rREAL$'.split(''));
    const text = fc.oneof(
      fc.string({ unit: alphabet, maxLength: 80 }),
      fc.string({ unit: 'binary' }),
      fc.string(),
    );
    const options = fc.constantFrom<ParseOptions>(
      {},
      withFormats,
      { ...withFormats, selectedLotteries: ['REAL', 'JPS'] },
      { selectedLotteries: [], randomInt: () => 0 },
    );
    fc.assert(
      fc.property(text, options, (input, opts) => {
        const { plays, errors } = parseEntry(input, opts);
        const lines = input.split(/\r\n|\r|\n/);
        for (const error of errors) {
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.column).toBeGreaterThanOrEqual(1);
          expect(error.line).toBeLessThanOrEqual(lines.length);
          expect(error.column).toBeLessThanOrEqual(lines[error.line - 1].length + 1);
          expect(error.message.startsWith(`Línea ${error.line}, columna ${error.column}: `)).toBe(true);
        }
        for (const play of plays) {
          expect(Number.isSafeInteger(play.amountCents) && play.amountCents > 0).toBe(true);
          expect(ALL_BET_TYPES).toContain(play.betType);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('formatPlay se lee de vuelta como la misma jugada, para cada tipo de jugada', () => {
    const bet = fc.constantFrom(...ALL_BET_TYPES);
    const randoms = fc.infiniteStream(fc.nat());
    fc.assert(
      fc.property(bet, randoms, (betType, stream) => {
        const iterator = stream[Symbol.iterator]();
        const number = drawLuckyNumber(betType, (max) => (iterator.next().value as number) % max);
        const lottery = LOTTERY_OF_FORMAT[BET_TYPES[betType].resultFormats[0]];
        const typed = formatPlay({ betType, number });
        // A reventado rides on its tiempos, so the round trip includes one.
        const entry = `${lottery}|${formatPlay({ betType: 'TIEMPOS', number })}|5\n${lottery}|${typed}|5`;
        const { plays, errors } = parseEntry(
          betType === 'REVENTADO' ? entry : `${lottery}|${typed}|5`,
          withFormats,
        );
        expect(errors).toEqual([]);
        const play = plays[plays.length - 1];
        expect([play.betType, play.number]).toEqual([betType, number]);
      }),
      { numRuns: 1000 },
    );
  });

  it('formatPlay imprime palé y tripleta con guiones', () => {
    expect(formatPlay({ betType: 'PALE', number: '2345' })).toBe('23-45');
    expect(formatPlay({ betType: 'TRIPLETA', number: '123456' })).toBe('12-34-56');
    expect(formatPlay({ betType: 'SUPER_PALE', number: '2345' })).toBe('S23-45');
    expect(formatPlay({ betType: 'DIRECTO', number: null })).toBe('*');
  });
});

describe('parseLine', () => {
  it('parsea una sola línea con el número de línea dado', () => {
    expect(parseLine('REAL|23|100', {}, 4).plays[0]).toMatchObject({ line: 4, column: 6, number: '23' });
    expect(parseLine('REAL|2x|100', {}, 4).errors[0].message).toMatch(/^Línea 4, columna 6: /);
    expect(parseLine('# nada')).toEqual({ plays: [], errors: [] });
  });
});
