/**
 * The play entry grammar (DOMAIN.md §4): what a seller types on the POS, read the way real banca
 * terminals read it. Pure and total: the browser shows the same plays and errors the server will
 * act on, and no input makes it throw.
 */
import { interpolate } from '../i18n/interpolate.ts';
import lotteryEs from '../i18n/lottery.es.json' with { type: 'json' };
import type { Cents } from '../money.ts';
import {
  BET_TYPES,
  type BetTypeCode,
  betTypesFor,
  type NumberProblem,
  type ResultFormat,
  validateNumber,
} from './games.ts';

export type { BetTypeCode, ResultFormat };

/** The business minimum per line (spec 003 §8.1); the grammar accepts 0.01 and the server enforces this. */
export const MIN_BET_CENTS: Cents = 100;
export const MAX_PLAYS_PER_ENTRY = 1000;
export const MAX_RANGE_NUMBERS = 100;

export interface ParsedPlay {
  /** 1-based line of the entry. */
  line: number;
  /** 1-based column where the number starts. */
  column: number;
  /** Upper-cased as typed; null in the short form (the caller sends the play to its selected draws). */
  lotteryCode: string | null;
  betType: BetTypeCode;
  /** Digits only; palé, super palé and tripleta pairs sorted ascending. Null only for an undrawn lucky pick. */
  number: string | null;
  /** The number field as the seller typed it, e.g. `23.` for both plays it expands to. */
  typed: string;
  amountCents: Cents;
  lucky?: true;
}

export type ParseErrorCode =
  | 'PARSE_ERROR'
  | 'INVALID_BET_FOR_LOTTERY'
  | 'TOO_MANY_PLAYS'
  | 'REVENTADO_WITHOUT_TIEMPOS';

/** Values of a parse error's texts; `bet_type`, `other_bet_type` and `allowed` (comma-separated) hold bet type codes. */
export type ParseErrorValues = Record<string, string | number>;

export interface ParseError {
  code: ParseErrorCode;
  line: number;
  column: number;
  /** What would have been valid there: a key under the catalogs' `grammar.expected`. */
  expectedKey: ExpectedKey;
  /** How the message says it: a key under `grammar` (`at`: "se esperaba …"). */
  saying: 'at' | 'not_played' | 'ambiguous';
  values: ParseErrorValues;
  /** Spanish: what would have been valid there. */
  expected: string;
  /** Spanish, ready to show: "Línea 2, columna 6: se esperaba …". */
  message: string;
}

export interface ParseResult {
  plays: ParsedPlay[];
  errors: ParseError[];
}

/** Returns an integer in [0, maxExclusive); the server passes `crypto.randomInt`. */
export type RandomInt = (maxExclusive: number) => number;

export interface ParseOptions {
  /**
   * Lottery codes of the draws selected on the POS. When present, lines may omit the lottery
   * (`23|100` or `23 100`) and their bet type is checked against every selected lottery.
   */
  selectedLotteries?: readonly string[];
  /** Resolves a lottery's result format; unknown lotteries are left to the caller. */
  formatOf?: (lotteryCode: string) => ResultFormat | undefined;
  /** Draws lucky picks (`*`) when given; without it they come back with `number: null`. */
  randomInt?: RandomInt;
}

const EXPECTED_KEYS = [
  'play',
  'playOrShort',
  'lottery',
  'number',
  'amount',
  'positiveAmount',
  'distinctPale',
  'distinctTripleta',
  'repeatedNumber',
  'pick5Suffix',
  'legacySuffix',
  'ascendingRange',
  'doublesRange',
  'lotteryFirst',
  'endOfLine',
  'pipes',
  'frontBackPair',
  'boxWays',
  'tooManyPlays',
  'playOf',
  'lotteryAtStart',
  'tiemposFirst',
] as const;
export type ExpectedKey = (typeof EXPECTED_KEYS)[number];

/** What would have been valid, by name: each is said in words by the catalogs' `grammar.expected`. */
export const EXPECTED = Object.fromEntries(EXPECTED_KEYS.map((key) => [key, key])) as {
  readonly [K in ExpectedKey]: K;
};

const NUMBER_PROBLEM_EXPECTED: Readonly<Record<NumberProblem, ExpectedKey>> = {
  FORMAT: EXPECTED.number,
  NOT_NORMALIZED: EXPECTED.number,
  REPEATED_NUMBER: EXPECTED.repeatedNumber,
  NO_BOX_WAYS: EXPECTED.boxWays,
};

/** A number shape before the lottery's format picks the bet type (`23` is tiempos in a tiempos lottery). */
type Game = BetTypeCode | 'TWO_DIGIT' | 'FOUR_DIGIT' | 'FRONT_PAIR' | 'BACK_PAIR' | 'LUCKY';

interface Candidate {
  game: Game;
  number: string | null;
}

type NumberReading = { candidates: Candidate[] } | { expected: ExpectedKey };

const SIMPLE_PATTERNS: ReadonlyArray<readonly [RegExp, Game]> = [
  [/^(\d)$/, 'PULITO'],
  [/^(\d{2})$/, 'TWO_DIGIT'],
  [/^(\d{4})$/, 'FOUR_DIGIT'],
  [/^(\d{3})-?$/, 'CASH3_STRAIGHT'],
  [/^(\d{3})\+$/, 'CASH3_BOX'],
  [/^(\d{2})f\+$/, 'CASH3_FRONT_BOX'],
  [/^(\d{2})b\+$/, 'CASH3_BACK_BOX'],
  [/^(\d{4})-$/, 'PLAY4_STRAIGHT'],
  [/^(\d{4})\+$/, 'PLAY4_BOX'],
  [/^(\d{5})-$/, 'PICK5_STRAIGHT'],
  [/^(\d{5})\+$/, 'PICK5_BOX'],
  [/^(\d{2})f$/, 'FRONT_PAIR'],
  [/^(\d{2})b$/, 'BACK_PAIR'],
  [/^(\d{2})-2$/, 'PICK2_MIDDLE'],
  [/^(\d{2})\+1$/, 'BOLITA_1'],
  [/^(\d{2})\+2$/, 'BOLITA_2'],
  [/^(\d)-1$/, 'SINGULACION_1'],
  [/^(\d)-2$/, 'SINGULACION_2'],
  [/^(\d)-3$/, 'SINGULACION_3'],
  [/^(\d{2})r$/, 'REVENTADO'],
];

function pairs(digits: string): string[] {
  return digits.match(/\d{2}/g) ?? [];
}

function sortedPairs(digits: string): string {
  return pairs(digits).sort().join('');
}

function hasDistinctPairs(digits: string): boolean {
  const list = pairs(digits);
  return new Set(list).size === list.length;
}

function uniqueCandidates(game: Game, numbers: readonly string[]): Candidate[] {
  return [...new Set(numbers)].map((number) => ({ game, number }));
}

function permutations(digits: string): string[] {
  if (digits.length <= 1) return [digits];
  const result: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    const rest = digits.slice(0, i) + digits.slice(i + 1);
    for (const tail of permutations(rest)) result.push(digits[i] + tail);
  }
  return result;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** Reads the number field into one or more candidate plays (shortcuts expand here). */
function readNumber(typed: string): NumberReading {
  const token = typed.toLowerCase();

  if (token === '*') return { candidates: [{ game: 'LUCKY', number: null }] };

  for (const [pattern, game] of SIMPLE_PATTERNS) {
    const match = pattern.exec(token);
    if (!match) continue;
    if (game === 'FOUR_DIGIT' && !hasDistinctPairs(match[1])) return { expected: EXPECTED.distinctPale };
    return { candidates: [{ game, number: game === 'FOUR_DIGIT' ? sortedPairs(match[1]) : match[1] }] };
  }

  // The printed forms (formatPlay) read back: 23-45 palé, 12-34-56 tripleta, S23-45 super palé.
  const pale = /^(\d{2})-(\d{2})$/.exec(token);
  if (pale) {
    const digits = pale[1] + pale[2];
    if (!hasDistinctPairs(digits)) return { expected: EXPECTED.distinctPale };
    return { candidates: [{ game: 'PALE', number: sortedPairs(digits) }] };
  }
  const tripleta = /^(\d{2})-?(\d{2})-?(\d{2})$/.exec(token);
  if (tripleta) {
    const digits = tripleta[1] + tripleta[2] + tripleta[3];
    if (!hasDistinctPairs(digits)) return { expected: EXPECTED.distinctTripleta };
    return { candidates: [{ game: 'TRIPLETA', number: sortedPairs(digits) }] };
  }
  // Super palé crosses two draws, so the same number twice is a real bet.
  const superPale = /^s(\d{2})-?(\d{2})$/.exec(token);
  if (superPale)
    return { candidates: [{ game: 'SUPER_PALE', number: sortedPairs(superPale[1] + superPale[2]) }] };

  // XY. → XY and YX (22. is just 22).
  const reversed = /^(\d)(\d)\.$/.exec(token);
  if (reversed) {
    const [, x, y] = reversed;
    return { candidates: uniqueCandidates('TWO_DIGIT', [x + y, y + x]) };
  }

  // ABCD. → the palé AB-CD and the palé of both numbers reversed, BA-DC, as terminals key it
  // ("el palé y su vuelta"); a palé that reads the same reversed (2332.) is one line.
  const paleReversed = /^(\d)(\d)(\d)(\d)\.$/.exec(token);
  if (paleReversed) {
    const [, a, b, c, d] = paleReversed;
    if (a + b === c + d) return { expected: EXPECTED.distinctPale };
    return { candidates: uniqueCandidates('PALE', [sortedPairs(a + b + c + d), sortedPairs(b + a + d + c)]) };
  }

  // AAdBB → every double (00, 11, … 99) between AA and BB inclusive.
  const doubles = /^(\d{2})d(\d{2})$/.exec(token);
  if (doubles) {
    const from = Number(doubles[1]);
    const to = Number(doubles[2]);
    const numbers: string[] = [];
    for (let digit = 0; digit <= 9; digit++) {
      const value = digit * 11;
      if (value >= from && value <= to) numbers.push(twoDigits(value));
    }
    if (numbers.length === 0) return { expected: EXPECTED.doublesRange };
    return { candidates: uniqueCandidates('TWO_DIGIT', numbers) };
  }

  // ABCq → every distinct ordering of the three digits, each a cash 3 straight.
  const quick = /^(\d{3})q$/.exec(token);
  if (quick) return { candidates: uniqueCandidates('CASH3_STRAIGHT', permutations(quick[1])) };

  // AA+BB → directos AA…BB. One digit after + is bolita (23+1), handled above.
  const range = /^(\d{2})\+(\d{2})$/.exec(token);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from > to || to - from + 1 > MAX_RANGE_NUMBERS) return { expected: EXPECTED.ascendingRange };
    const numbers: string[] = [];
    for (let value = from; value <= to; value++) numbers.push(twoDigits(value));
    return { candidates: uniqueCandidates('TWO_DIGIT', numbers) };
  }

  if (/^\d{5}$/.test(token)) return { expected: EXPECTED.pick5Suffix };
  if (/^\d{3}[fb]\+?$/.test(token)) return { expected: EXPECTED.frontBackPair };
  if (/^\d+[pt]$/.test(token)) return { expected: EXPECTED.legacySuffix };
  return { expected: EXPECTED.number };
}

function resolveBetType(game: Game, format: ResultFormat | undefined): BetTypeCode {
  switch (game) {
    case 'TWO_DIGIT':
      return format === 'tiempos' ? 'TIEMPOS' : 'DIRECTO';
    case 'FOUR_DIGIT':
      return format === 'composite' ? 'SUPER_PALE' : 'PALE';
    // `12f` on a pick 3 is the cash 3 front pair; on a pick 4 (or unknown) the pick 2 front.
    case 'FRONT_PAIR':
      return format === 'pick3' ? 'CASH3_FRONT_STRAIGHT' : 'PICK2_FRONT';
    case 'BACK_PAIR':
      return format === 'pick3' ? 'CASH3_BACK_STRAIGHT' : 'PICK2_BACK';
    case 'LUCKY':
      return LUCKY_BET_TYPE[format ?? 'quiniela'];
    default:
      return game;
  }
}

/** `*` plays the lottery's basic game. */
const LUCKY_BET_TYPE: Readonly<Record<ResultFormat, BetTypeCode>> = {
  quiniela: 'DIRECTO',
  tiempos: 'TIEMPOS',
  composite: 'SUPER_PALE',
  pick3: 'CASH3_STRAIGHT',
  pick4: 'PLAY4_STRAIGHT',
  pick5: 'PICK5_STRAIGHT',
};

function drawIndex(randomInt: RandomInt, maxExclusive: number): number {
  const value = randomInt(maxExclusive);
  if (!Number.isInteger(value) || value < 0 || value >= maxExclusive) {
    throw new RangeError(`randomInt(${maxExclusive}) returned ${value}`);
  }
  return value;
}

function drawDigits(randomInt: RandomInt, length: number): string {
  return String(drawIndex(randomInt, 10 ** length)).padStart(length, '0');
}

/** Distinct 2-digit numbers, uniformly: each draw indexes the numbers not yet taken. */
function drawDistinctPairs(randomInt: RandomInt, count: number): string {
  const taken: number[] = [];
  for (let i = 0; i < count; i++) {
    let value = drawIndex(randomInt, 100 - taken.length);
    for (const used of taken) if (value >= used) value++;
    taken.push(value);
    taken.sort((a, b) => a - b);
  }
  return taken.map(twoDigits).join('');
}

/** A uniformly random number that games.ts accepts for the bet type, normalized like parsed numbers. */
export function drawLuckyNumber(betType: BetTypeCode, randomInt: RandomInt): string {
  const type = BET_TYPES[betType];
  if (type.shape === 'pairs' && betType !== 'SUPER_PALE')
    return drawDistinctPairs(randomInt, type.numberLength / 2);
  // Rejection keeps the draw uniform over valid numbers (a box needs two distinct digits).
  for (let attempt = 0; attempt < 100; attempt++) {
    const digits = drawDigits(randomInt, type.numberLength);
    const number = type.shape === 'pairs' ? sortedPairs(digits) : digits;
    if (validateNumber(betType, number) === null) return number;
  }
  throw new RangeError(`randomInt gave no valid ${betType} number in 100 draws`);
}

/** The number as the ticket prints it; it reads back to the same play (`23-45`, `123+`, `S23-45`). */
export function formatPlay(play: Pick<ParsedPlay, 'betType' | 'number'>): string {
  const { number } = play;
  if (number === null) return '*';
  switch (play.betType) {
    case 'PALE':
    case 'TRIPLETA':
      return pairs(number).join('-');
    case 'SUPER_PALE':
      return `S${pairs(number).join('-')}`;
    case 'CASH3_BOX':
    case 'PLAY4_BOX':
    case 'PICK5_BOX':
      return `${number}+`;
    case 'CASH3_FRONT_STRAIGHT':
    case 'PICK2_FRONT':
      return `${number}f`;
    case 'CASH3_FRONT_BOX':
      return `${number}f+`;
    case 'CASH3_BACK_STRAIGHT':
    case 'PICK2_BACK':
      return `${number}b`;
    case 'CASH3_BACK_BOX':
      return `${number}b+`;
    case 'PLAY4_STRAIGHT':
    case 'PICK5_STRAIGHT':
      return `${number}-`;
    case 'PICK2_MIDDLE':
      return `${number}-2`;
    case 'BOLITA_1':
      return `${number}+1`;
    case 'BOLITA_2':
      return `${number}+2`;
    case 'SINGULACION_1':
      return `${number}-1`;
    case 'SINGULACION_2':
      return `${number}-2`;
    case 'SINGULACION_3':
      return `${number}-3`;
    case 'REVENTADO':
      return `${number}r`;
    default:
      return number;
  }
}

type GrammarWord = (key: string, values: ParseErrorValues) => string;

const spanishWord: GrammarWord = (key, values) => {
  let node: unknown = lotteryEs.grammar;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return interpolate(typeof node === 'string' ? node : key, values);
};

/**
 * A parse error said in a language: `word` reads the catalogs' `grammar` section (the server's
 * `translate`, the browser's i18next), `betTypeName` names a bet type in that language.
 */
export function parseErrorText(
  error: Pick<ParseError, 'line' | 'column' | 'expectedKey' | 'saying' | 'values'>,
  word: GrammarWord,
  betTypeName: (code: BetTypeCode) => string,
): { expected: string; message: string } {
  const name = (code: string | number | undefined) =>
    code === undefined ? '' : betTypeName(code as BetTypeCode).toLowerCase();
  const values: ParseErrorValues = {
    ...error.values,
    line: error.line,
    column: error.column,
    bet_type: name(error.values.bet_type),
    other_bet_type: name(error.values.other_bet_type),
    allowed: String(error.values.allowed ?? '')
      .split(',')
      .filter(Boolean)
      .map(name)
      .join(', '),
  };
  const expected = word(`expected.${error.expectedKey}`, values);
  return { expected, message: word(error.saying, { ...values, expected }) };
}

function parseError(
  code: ParseErrorCode,
  line: number,
  column: number,
  expectedKey: ExpectedKey,
  values: ParseErrorValues = {},
  saying: ParseError['saying'] = 'at',
): ParseError {
  const error = { code, line, column, expectedKey, saying, values };
  return { ...error, ...parseErrorText(error, spanishWord, (c) => BET_TYPES[c]?.nameEs ?? c) };
}

function invalidBetError(
  line: number,
  column: number,
  betType: BetTypeCode,
  lottery: string,
  format: ResultFormat,
): ParseError {
  const allowed = betTypesFor(format).join(',');
  return parseError(
    'INVALID_BET_FOR_LOTTERY',
    line,
    column,
    EXPECTED.playOf,
    { lottery, allowed, bet_type: betType },
    'not_played',
  );
}

interface Field {
  text: string;
  /** 1-based column of the first non-blank character (or where the empty field is). */
  column: number;
}

function pipedFields(content: string): Field[] {
  const fields: Field[] = [];
  let offset = 0;
  for (const raw of content.split('|')) {
    const leading = raw.length - raw.trimStart().length;
    fields.push({ text: raw.trim(), column: offset + leading + 1 });
    offset += raw.length + 1;
  }
  return fields;
}

function whitespaceFields(content: string): Field[] {
  return [...content.matchAll(/\S+/g)].map((match) => ({ text: match[0], column: (match.index ?? 0) + 1 }));
}

function parseAmount(text: string): Cents | null {
  const match = /^\$?(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function normalizeLotteryCode(text: string): string | null {
  if (!/^[\p{L}\p{N}_ ]+$/u.test(text)) return null;
  return text.replace(/\s+/g, ' ').toUpperCase();
}

interface Target {
  lotteryCode: string;
  format: ResultFormat | undefined;
}

type Layout = { fields: [Field | null, Field, Field] } | { column: number; expected: ExpectedKey };

/** Finds the lottery, number and amount fields: `LOT|NUM|AMOUNT`, or `NUM|AMOUNT` / `NUM AMOUNT` with draws selected. */
function layoutOf(content: string, shortFormAllowed: boolean): Layout {
  const playExample = shortFormAllowed ? EXPECTED.playOrShort : EXPECTED.play;
  if (content.includes('|')) {
    const fields = pipedFields(content);
    if (fields.length === 3) return { fields: [fields[0], fields[1], fields[2]] };
    if (fields.length > 3)
      return { column: content.split('|', 3).join('|').length + 1, expected: EXPECTED.endOfLine };
    if (!shortFormAllowed) return { column: fields[0].column, expected: EXPECTED.lotteryFirst };
    return { fields: [null, fields[0], fields[1]] };
  }
  const tokens = whitespaceFields(content);
  if (tokens.length === 2) {
    if (!shortFormAllowed) return { column: tokens[0].column, expected: EXPECTED.lotteryFirst };
    return { fields: [null, tokens[0], tokens[1]] };
  }
  if (tokens.length > 2) return { column: tokens[2].column, expected: EXPECTED.pipes };
  const [only] = tokens;
  if (shortFormAllowed && 'candidates' in readNumber(only.text)) {
    return { column: only.column + only.text.length, expected: EXPECTED.amount };
  }
  return { column: only.column, expected: playExample };
}

/**
 * Parses one line. `line` is the 1-based line number used in positions and messages.
 * Entry-wide rules (the play cap, reventado beside its tiempos) live in parseEntry.
 */
export function parseLine(text: string, options: ParseOptions = {}, line = 1): ParseResult {
  const hash = text.indexOf('#');
  const content = hash === -1 ? text : text.slice(0, hash);
  if (content.trim() === '') return { plays: [], errors: [] };
  const fail = (column: number, expected: ExpectedKey): ParseResult => ({
    plays: [],
    errors: [parseError('PARSE_ERROR', line, column, expected)],
  });

  const layout = layoutOf(content, options.selectedLotteries !== undefined);
  if ('expected' in layout) return fail(layout.column, layout.expected);
  const [lotteryField, numberField, amountField] = layout.fields;

  let lotteryCode: string | null = null;
  if (lotteryField) {
    lotteryCode = normalizeLotteryCode(lotteryField.text);
    if (lotteryCode === null) return fail(lotteryField.column, EXPECTED.lottery);
  }

  if (numberField.text === '') return fail(numberField.column, EXPECTED.number);
  const reading = readNumber(numberField.text);
  if ('expected' in reading) return fail(numberField.column, reading.expected);

  const amountCents = parseAmount(amountField.text);
  if (amountCents === null) return fail(amountField.column, EXPECTED.amount);
  if (amountCents === 0) return fail(amountField.column, EXPECTED.positiveAmount);

  const targets: Target[] = lotteryCode
    ? [{ lotteryCode, format: options.formatOf?.(lotteryCode) }]
    : uniqueTargets(options);

  const plays: ParsedPlay[] = [];
  for (const candidate of reading.candidates) {
    const betType = betTypeForTargets(candidate.game, targets, line, numberField.column);
    if (typeof betType !== 'string') return { plays: [], errors: [betType] };
    const problem = candidate.number === null ? null : validateNumber(betType, candidate.number);
    if (problem !== null) return fail(numberField.column, NUMBER_PROBLEM_EXPECTED[problem]);
    const lucky = candidate.game === 'LUCKY';
    const number =
      lucky && options.randomInt ? drawLuckyNumber(betType, options.randomInt) : candidate.number;
    plays.push({
      line,
      column: numberField.column,
      lotteryCode,
      betType,
      number,
      typed: numberField.text,
      amountCents,
      ...(lucky ? { lucky: true as const } : {}),
    });
  }
  return { plays, errors: [] };
}

function uniqueTargets(options: ParseOptions): Target[] {
  const codes = new Set<string>();
  for (const code of options.selectedLotteries ?? []) {
    const normalized = normalizeLotteryCode(code.trim());
    if (normalized) codes.add(normalized);
  }
  return [...codes].map((lotteryCode) => ({ lotteryCode, format: options.formatOf?.(lotteryCode) }));
}

/** One bet type valid in every target lottery, or the error for the first that refuses it. */
function betTypeForTargets(
  game: Game,
  targets: readonly Target[],
  line: number,
  column: number,
): BetTypeCode | ParseError {
  let chosen: BetTypeCode | null = null;
  for (const target of targets) {
    const betType = resolveBetType(game, target.format);
    if (target.format && !BET_TYPES[betType].resultFormats.includes(target.format)) {
      return invalidBetError(line, column, betType, target.lotteryCode, target.format);
    }
    if (chosen !== null && chosen !== betType) {
      // e.g. `23` is a directo in REAL and a tiempos in a JPS draw: the seller must say which.
      return parseError(
        'INVALID_BET_FOR_LOTTERY',
        line,
        column,
        EXPECTED.lotteryAtStart,
        { lottery: target.lotteryCode, bet_type: betType, other_bet_type: chosen },
        'ambiguous',
      );
    }
    chosen = betType;
  }
  return chosen ?? resolveBetType(game, undefined);
}

/** A reventado rides on a tiempos of the same number and lottery, for no more than that tiempos. */
function checkReventados(plays: ParsedPlay[]): ParseResult {
  const tiemposCents = new Map<string, number>();
  const keyOf = (play: ParsedPlay) => `${play.lotteryCode ?? ''}|${play.number}`;
  for (const play of plays) {
    if (play.betType === 'TIEMPOS')
      tiemposCents.set(keyOf(play), (tiemposCents.get(keyOf(play)) ?? 0) + play.amountCents);
  }
  const reventadoCents = new Map<string, number>();
  const kept: ParsedPlay[] = [];
  const errors: ParseError[] = [];
  for (const play of plays) {
    if (play.betType !== 'REVENTADO') {
      kept.push(play);
      continue;
    }
    const key = keyOf(play);
    const sum = (reventadoCents.get(key) ?? 0) + play.amountCents;
    if (sum > (tiemposCents.get(key) ?? 0)) {
      errors.push(
        parseError('REVENTADO_WITHOUT_TIEMPOS', play.line, play.column, EXPECTED.tiemposFirst, {
          number: play.number ?? '',
        }),
      );
      continue;
    }
    reventadoCents.set(key, sum);
    kept.push(play);
  }
  return { plays: kept, errors };
}

/** Parses a whole entry: one play per line, blank lines and `#` comments ignored. Never throws. */
export function parseEntry(text: string, options: ParseOptions = {}): ParseResult {
  const source = typeof text === 'string' ? text : '';
  const plays: ParsedPlay[] = [];
  const errors: ParseError[] = [];
  const lines = source.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const result = parseLine(lines[index], options, index + 1);
    errors.push(...result.errors);
    if (plays.length + result.plays.length > MAX_PLAYS_PER_ENTRY) {
      errors.push(
        parseError('TOO_MANY_PLAYS', index + 1, 1, EXPECTED.tooManyPlays, { max: MAX_PLAYS_PER_ENTRY }),
      );
      break;
    }
    plays.push(...result.plays);
  }
  const checked = checkReventados(plays);
  return { plays: checked.plays, errors: [...errors, ...checked.errors].sort((a, b) => a.line - b.line) };
}
