/**
 * The bet types (DOMAIN.md §3): what number each takes, which results it applies to, and which
 * prize class a result gives it. Pure functions, so the POS, the server and the settlement agree.
 *
 * Multipliers are integers in HUNDREDTHS of a unit ("× 100"): 60× is 6000 and 83.33× is 8333, so a
 * prize stays exact in integer cents: prize = bet cents × multiplier ÷ 100 (rounded half-up).
 */
import { divideHalfUp } from '../money.ts';

export const RESULT_FORMATS = ['quiniela', 'pick3', 'pick4', 'pick5', 'tiempos', 'composite'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

export const BALL_COLOURS = ['red', 'white'] as const;
export type BallColour = (typeof BALL_COLOURS)[number];

/** A multiplier × 100 (60× = 6000). */
export type Hundredths = number;

/** A draw's result, one shape per result format. Every number is a string of digits ("07", "123"). */
export type DrawResult =
  | { format: 'quiniela'; first: string; second: string; third: string }
  | { format: 'pick3' | 'pick4' | 'pick5'; digits: string }
  /** `reventadoMultiplier` is announced with the result, in hundredths (200× = 20000). */
  | { format: 'tiempos'; number: string; ball: BallColour; reventadoMultiplier: Hundredths }
  /** Super Palé: `first` is the 1st prize of the first source draw, `second` the 1st of the other. */
  | { format: 'composite'; first: string; second: string };

export const BET_TYPE_CODES = [
  'DIRECTO',
  'PALE',
  'TRIPLETA',
  'SUPER_PALE',
  'PULITO',
  'CASH3_STRAIGHT',
  'CASH3_BOX',
  'CASH3_FRONT_STRAIGHT',
  'CASH3_FRONT_BOX',
  'CASH3_BACK_STRAIGHT',
  'CASH3_BACK_BOX',
  'PLAY4_STRAIGHT',
  'PLAY4_BOX',
  'PICK5_STRAIGHT',
  'PICK5_BOX',
  'PICK2_FRONT',
  'PICK2_MIDDLE',
  'PICK2_BACK',
  'BOLITA_1',
  'BOLITA_2',
  'SINGULACION_1',
  'SINGULACION_2',
  'SINGULACION_3',
  'TIEMPOS',
  'REVENTADO',
] as const;
export type BetTypeCode = (typeof BET_TYPE_CODES)[number];

export function isBetTypeCode(value: string): value is BetTypeCode {
  return (BET_TYPE_CODES as readonly string[]).includes(value);
}

/**
 * How the played number is read: `single` digits as one number, `pairs` two-digit numbers whose
 * order does not matter (stored ascending), `box` digits in any order (ways = distinct permutations).
 */
type NumberShape = 'single' | 'pairs' | 'box';

export interface BetTypeInfo {
  code: BetTypeCode;
  nameEs: string;
  nameEn: string;
  resultFormats: readonly ResultFormat[];
  /** Digits of the normalized number. */
  numberLength: number;
  numberPattern: RegExp;
  shape: NumberShape;
  /** Every class a win can fall into, best first. */
  prizeClasses: readonly string[];
  /** The prize is the multiplier announced with the result (REVENTADO), not a table entry. */
  paysResultMultiplier: boolean;
}

const digits = (n: number) => new RegExp(`^\\d{${n}}$`);

function info(
  code: BetTypeCode,
  nameEs: string,
  nameEn: string,
  resultFormats: readonly ResultFormat[],
  numberLength: number,
  shape: NumberShape,
  prizeClasses: readonly string[],
  paysResultMultiplier = false,
): BetTypeInfo {
  return {
    code,
    nameEs,
    nameEn,
    resultFormats,
    numberLength,
    numberPattern: digits(numberLength),
    shape,
    prizeClasses,
    paysResultMultiplier,
  };
}

const POSITIONS = ['first', 'second', 'third'] as const;
const STRAIGHT = ['straight'] as const;
const BOX_2 = ['box_2'] as const;
const BOX_3DIGITS = ['box_6', 'box_3'] as const;
const BOX_4DIGITS = ['box_24', 'box_12', 'box_6', 'box_4'] as const;
const BOX_5DIGITS = ['box_120', 'box_60', 'box_30', 'box_20', 'box_10', 'box_5'] as const;

export const BET_TYPES: Readonly<Record<BetTypeCode, BetTypeInfo>> = {
  DIRECTO: info('DIRECTO', 'Directo', 'Straight (quiniela)', ['quiniela'], 2, 'single', POSITIONS),
  PALE: info('PALE', 'Palé', 'Pale', ['quiniela'], 4, 'pairs', [
    'first_second',
    'first_third',
    'second_third',
  ]),
  TRIPLETA: info('TRIPLETA', 'Tripleta', 'Tripleta', ['quiniela'], 6, 'pairs', ['three', 'two']),
  SUPER_PALE: info('SUPER_PALE', 'Super Palé', 'Super Pale', ['composite'], 4, 'pairs', ['win']),
  PULITO: info('PULITO', 'Pulito', 'Pulito (last digit)', ['quiniela'], 1, 'single', POSITIONS),
  CASH3_STRAIGHT: info(
    'CASH3_STRAIGHT',
    'Cash 3 directo',
    'Cash 3 straight',
    ['pick3'],
    3,
    'single',
    STRAIGHT,
  ),
  CASH3_BOX: info('CASH3_BOX', 'Cash 3 combinado', 'Cash 3 box', ['pick3'], 3, 'box', BOX_3DIGITS),
  CASH3_FRONT_STRAIGHT: info(
    'CASH3_FRONT_STRAIGHT',
    'Cash 3 delante directo',
    'Cash 3 front straight',
    ['pick3'],
    2,
    'single',
    STRAIGHT,
  ),
  CASH3_FRONT_BOX: info(
    'CASH3_FRONT_BOX',
    'Cash 3 delante combinado',
    'Cash 3 front box',
    ['pick3'],
    2,
    'box',
    BOX_2,
  ),
  CASH3_BACK_STRAIGHT: info(
    'CASH3_BACK_STRAIGHT',
    'Cash 3 atrás directo',
    'Cash 3 back straight',
    ['pick3'],
    2,
    'single',
    STRAIGHT,
  ),
  CASH3_BACK_BOX: info(
    'CASH3_BACK_BOX',
    'Cash 3 atrás combinado',
    'Cash 3 back box',
    ['pick3'],
    2,
    'box',
    BOX_2,
  ),
  PLAY4_STRAIGHT: info(
    'PLAY4_STRAIGHT',
    'Play 4 directo',
    'Play 4 straight',
    ['pick4'],
    4,
    'single',
    STRAIGHT,
  ),
  PLAY4_BOX: info('PLAY4_BOX', 'Play 4 combinado', 'Play 4 box', ['pick4'], 4, 'box', BOX_4DIGITS),
  PICK5_STRAIGHT: info(
    'PICK5_STRAIGHT',
    'Pick 5 directo',
    'Pick 5 straight',
    ['pick5'],
    5,
    'single',
    STRAIGHT,
  ),
  PICK5_BOX: info('PICK5_BOX', 'Pick 5 combinado', 'Pick 5 box', ['pick5'], 5, 'box', BOX_5DIGITS),
  PICK2_FRONT: info('PICK2_FRONT', 'Pick 2 delante', 'Pick 2 front', ['pick4'], 2, 'single', STRAIGHT),
  PICK2_MIDDLE: info('PICK2_MIDDLE', 'Pick 2 medio', 'Pick 2 middle', ['pick4'], 2, 'single', STRAIGHT),
  PICK2_BACK: info('PICK2_BACK', 'Pick 2 atrás', 'Pick 2 back', ['pick4'], 2, 'single', STRAIGHT),
  BOLITA_1: info('BOLITA_1', 'Bolita 1', 'Bolita 1', ['pick3'], 2, 'single', STRAIGHT),
  BOLITA_2: info('BOLITA_2', 'Bolita 2', 'Bolita 2', ['pick3'], 2, 'single', STRAIGHT),
  SINGULACION_1: info('SINGULACION_1', 'Singulación 1', 'Single digit 1', ['pick3'], 1, 'single', STRAIGHT),
  SINGULACION_2: info('SINGULACION_2', 'Singulación 2', 'Single digit 2', ['pick3'], 1, 'single', STRAIGHT),
  SINGULACION_3: info('SINGULACION_3', 'Singulación 3', 'Single digit 3', ['pick3'], 1, 'single', STRAIGHT),
  TIEMPOS: info('TIEMPOS', 'Tiempos', 'Tiempos', ['tiempos'], 2, 'single', ['hit']),
  REVENTADO: info(
    'REVENTADO',
    'Reventado',
    'Reventado (red ball)',
    ['tiempos'],
    2,
    'single',
    ['red_ball'],
    true,
  ),
};

export const BET_TYPE_LIST: readonly BetTypeInfo[] = BET_TYPE_CODES.map((code) => BET_TYPES[code]);

/** The bet types that can be played on a draw with this result format. */
export function betTypesFor(format: ResultFormat): BetTypeCode[] {
  return BET_TYPE_CODES.filter((code) => BET_TYPES[code].resultFormats.includes(format));
}

/** Number of distinct orderings of the digits (6-way, 3-way, 24-way …). */
export function boxWays(number: string): number {
  const counts = new Map<string, number>();
  for (const digit of number) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  let ways = factorial(number.length);
  for (const count of counts.values()) ways /= factorial(count);
  return ways;
}

function factorial(n: number): number {
  let result = 1;
  for (let i = 2; i <= n; i++) result *= i;
  return result;
}

/** A box pays the straight prize divided by its ways (rounded half-up to the hundredth). */
export function boxPrizeFromStraight(straight: Hundredths, ways: number): Hundredths {
  return divideHalfUp(straight, ways);
}

function pairsOf(number: string): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < number.length; i += 2) pairs.push(number.slice(i, i + 2));
  return pairs;
}

/**
 * Canonical form of a typed number: separators (space - . / ,) removed and, for palé, tripleta
 * and super palé, the two-digit numbers in ascending order (45-23 ≡ 23-45 → "2345").
 * It does not judge validity; see `validateNumber`.
 */
export function normalizeNumber(betType: BetTypeCode, raw: string): string {
  const cleaned = raw.replace(/[\s\-./,]/g, '');
  const type = BET_TYPES[betType];
  if (type.shape === 'pairs' && type.numberPattern.test(cleaned)) return pairsOf(cleaned).sort().join('');
  return cleaned;
}

export type NumberProblem =
  /** Wrong length or not digits. */
  | 'FORMAT'
  /** Palé or tripleta naming the same number twice. */
  | 'REPEATED_NUMBER'
  /** A box with one way only (111, 22, 7777): play it straight. */
  | 'NO_BOX_WAYS'
  /** Pairs not in ascending order: normalize first. */
  | 'NOT_NORMALIZED';

/** null when `number` (already normalized) can be sold for `betType`. */
export function validateNumber(betType: BetTypeCode, number: string): NumberProblem | null {
  const type = BET_TYPES[betType];
  if (!type.numberPattern.test(number)) return 'FORMAT';
  if (type.shape === 'pairs') {
    const pairs = pairsOf(number);
    if (pairs.join('') !== [...pairs].sort().join('')) return 'NOT_NORMALIZED';
    const distinct = new Set(pairs).size === pairs.length;
    if (!distinct && betType !== 'SUPER_PALE') return 'REPEATED_NUMBER';
  }
  if (type.shape === 'box' && boxWays(number) === 1) return 'NO_BOX_WAYS';
  return null;
}

export type ResultProblem = { field: string; reason: 'FORMAT' | 'BALL' | 'MULTIPLIER' };

/** null when a result is well formed for its format. */
export function validateResult(result: DrawResult): ResultProblem | null {
  const two = digits(2);
  switch (result.format) {
    case 'quiniela':
      for (const field of POSITIONS) if (!two.test(result[field])) return { field, reason: 'FORMAT' };
      return null;
    case 'pick3':
    case 'pick4':
    case 'pick5':
      return digits(Number(result.format.slice(4))).test(result.digits)
        ? null
        : { field: 'digits', reason: 'FORMAT' };
    case 'tiempos':
      if (!two.test(result.number)) return { field: 'number', reason: 'FORMAT' };
      if (!BALL_COLOURS.includes(result.ball)) return { field: 'ball', reason: 'BALL' };
      if (!Number.isSafeInteger(result.reventadoMultiplier) || result.reventadoMultiplier < 0) {
        return { field: 'reventadoMultiplier', reason: 'MULTIPLIER' };
      }
      return null;
    case 'composite':
      if (!two.test(result.first)) return { field: 'first', reason: 'FORMAT' };
      return two.test(result.second) ? null : { field: 'second', reason: 'FORMAT' };
  }
}

export interface Evaluation {
  prizeClass: string;
  /** REVENTADO only: the multiplier announced with the result, in hundredths. */
  resultMultiplier?: Hundredths;
}

const win = (prizeClass: string): Evaluation => ({ prizeClass });
const sortDigits = (text: string) => [...text].sort().join('');
const straightIf = (hit: boolean): Evaluation | null => (hit ? win('straight') : null);
const boxIf = (played: string, drawn: string): Evaluation | null =>
  sortDigits(played) === sortDigits(drawn) ? win(`box_${boxWays(played)}`) : null;

/**
 * The prize class a normalized, valid number wins against a result, or null when it loses.
 * A line wins at most one class: the first in `prizeClasses` order that it hits.
 * Throws when the result's format is not one the bet type is played on (a programming error).
 */
export function evaluate(betType: BetTypeCode, number: string, result: DrawResult): Evaluation | null {
  if (!BET_TYPES[betType].resultFormats.includes(result.format)) {
    throw new RangeError(`${betType} is not played on ${result.format} results`);
  }
  switch (result.format) {
    case 'quiniela':
      return evaluateQuiniela(betType, number, [result.first, result.second, result.third]);
    case 'composite':
      return sortedPairs([result.first, result.second]) === number ? win('win') : null;
    case 'tiempos':
      if (number !== result.number) return null;
      if (betType === 'TIEMPOS') return win('hit');
      return result.ball === 'red'
        ? { prizeClass: 'red_ball', resultMultiplier: result.reventadoMultiplier }
        : null;
    default:
      return evaluateDigits(betType, number, result.digits);
  }
}

function sortedPairs(pairs: string[]): string {
  return [...pairs].sort().join('');
}

function evaluateQuiniela(betType: BetTypeCode, number: string, drawn: readonly string[]): Evaluation | null {
  switch (betType) {
    case 'DIRECTO': {
      // A number drawn twice pays only its first position.
      const position = drawn.indexOf(number);
      return position < 0 ? null : win(POSITIONS[position]);
    }
    case 'PULITO': {
      const position = drawn.findIndex((n) => n[1] === number);
      return position < 0 ? null : win(POSITIONS[position]);
    }
    case 'PALE': {
      const [a, b] = pairsOf(number);
      const pairings: [string, number, number][] = [
        ['first_second', 0, 1],
        ['first_third', 0, 2],
        ['second_third', 1, 2],
      ];
      for (const [prizeClass, i, j] of pairings) {
        if ((drawn[i] === a && drawn[j] === b) || (drawn[i] === b && drawn[j] === a)) return win(prizeClass);
      }
      return null;
    }
    case 'TRIPLETA': {
      const hits = pairsOf(number).filter((n) => drawn.includes(n)).length;
      if (hits === 3) return win('three');
      return hits === 2 ? win('two') : null;
    }
    default:
      throw new RangeError(`${betType} is not a quiniela bet type`);
  }
}

function evaluateDigits(betType: BetTypeCode, number: string, drawn: string): Evaluation | null {
  switch (betType) {
    case 'CASH3_STRAIGHT':
    case 'PLAY4_STRAIGHT':
    case 'PICK5_STRAIGHT':
      return straightIf(number === drawn);
    case 'CASH3_BOX':
    case 'PLAY4_BOX':
    case 'PICK5_BOX':
      return boxIf(number, drawn);
    case 'CASH3_FRONT_STRAIGHT':
    case 'BOLITA_1':
    case 'PICK2_FRONT':
      return straightIf(number === drawn.slice(0, 2));
    case 'CASH3_FRONT_BOX':
      return boxIf(number, drawn.slice(0, 2));
    case 'CASH3_BACK_STRAIGHT':
    case 'BOLITA_2':
      return straightIf(number === drawn.slice(-2));
    case 'CASH3_BACK_BOX':
      return boxIf(number, drawn.slice(-2));
    case 'PICK2_MIDDLE':
      return straightIf(number === drawn.slice(1, 3));
    case 'PICK2_BACK':
      return straightIf(number === drawn.slice(2, 4));
    case 'SINGULACION_1':
    case 'SINGULACION_2':
    case 'SINGULACION_3':
      return straightIf(number === drawn[Number(betType.slice(-1)) - 1]);
    default:
      throw new RangeError(`${betType} is not a digits bet type`);
  }
}

const PICK5_STRAIGHT_PRIZE = 3_000_000;

/**
 * Default prize multipliers (hundredths) per bet type and prize class, from DOMAIN.md §3; the
 * operator overrides them per banca, lottery or draw. Where the domain says "configurable" the
 * value is a starting point: PULITO keeps directo's 72 % return (5 / 1.5 / 0.7), the two-digit
 * pick games pay 50× straight and 25× box. REVENTADO has no entry: it pays the result's multiplier.
 */
export const DEFAULT_PRIZES: Readonly<Record<BetTypeCode, Readonly<Record<string, Hundredths>>>> = {
  DIRECTO: { first: 6000, second: 800, third: 400 },
  PALE: { first_second: 100_000, first_third: 100_000, second_third: 10_000 },
  TRIPLETA: { three: 2_000_000, two: 10_000 },
  SUPER_PALE: { win: 200_000 },
  PULITO: { first: 500, second: 150, third: 70 },
  CASH3_STRAIGHT: { straight: 50_000 },
  CASH3_BOX: { box_6: 8000, box_3: 16_000 },
  CASH3_FRONT_STRAIGHT: { straight: 5000 },
  CASH3_FRONT_BOX: { box_2: 2500 },
  CASH3_BACK_STRAIGHT: { straight: 5000 },
  CASH3_BACK_BOX: { box_2: 2500 },
  PLAY4_STRAIGHT: { straight: 500_000 },
  PLAY4_BOX: { box_24: 20_000, box_12: 40_000, box_6: 80_000, box_4: 120_000 },
  PICK5_STRAIGHT: { straight: PICK5_STRAIGHT_PRIZE },
  PICK5_BOX: Object.fromEntries(
    BOX_5DIGITS.map((prizeClass) => [
      prizeClass,
      boxPrizeFromStraight(PICK5_STRAIGHT_PRIZE, Number(prizeClass.slice(4))),
    ]),
  ),
  PICK2_FRONT: { straight: 5000 },
  PICK2_MIDDLE: { straight: 5000 },
  PICK2_BACK: { straight: 5000 },
  BOLITA_1: { straight: 5000 },
  BOLITA_2: { straight: 5000 },
  SINGULACION_1: { straight: 900 },
  SINGULACION_2: { straight: 900 },
  SINGULACION_3: { straight: 900 },
  TIEMPOS: { hit: 9000 },
  REVENTADO: {},
};

/** Every (bet type, prize class) pair a prize table can hold. */
export function prizeTableKeys(): { betType: BetTypeCode; prizeClass: string }[] {
  return BET_TYPE_LIST.filter((t) => !t.paysResultMultiplier).flatMap((t) =>
    t.prizeClasses.map((prizeClass) => ({ betType: t.code, prizeClass })),
  );
}

export function isPrizeClassOf(betType: BetTypeCode, prizeClass: string): boolean {
  return BET_TYPES[betType].prizeClasses.includes(prizeClass);
}
