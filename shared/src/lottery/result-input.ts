/**
 * Results as people and feeds type them (spec 002 "Procesamiento de resultados") ↔ the
 * `DrawResult` the games evaluate. Pure, so the results screen checks exactly what the server will.
 */
import { toCents } from '../money.ts';
import {
  BALL_COLOURS,
  type BallColour,
  type DrawResult,
  type ResultFormat,
  validateResult,
} from './games.ts';

/** The fields a result may carry, by format: quiniela first/second/third, pick numbers, tiempos number+ball. */
export interface ResultFields {
  first?: string | null;
  second?: string | null;
  third?: string | null;
  numbers?: string | null;
  number?: string | null;
  ball?: string | null;
  /** Major units: 200 means 200×. */
  reventado_multiplier?: number | string | null;
}

export type ResultFieldProblem = { field: string; reason: 'REQUIRED' | 'FORMAT' | 'UNEXPECTED' | 'COMPUTED' };

const clean = (value: string | null | undefined) => (value ?? '').replace(/[\s\-./]/g, '');
const present = (value: unknown) => value !== undefined && value !== null && value !== '';

const FIELDS_BY_FORMAT: Record<Exclude<ResultFormat, 'composite'>, (keyof ResultFields)[]> = {
  quiniela: ['first', 'second', 'third'],
  pick3: ['numbers'],
  pick4: ['numbers'],
  pick5: ['numbers'],
  tiempos: ['number', 'ball', 'reventado_multiplier'],
};

/** The result a lottery of `format` gets from the typed fields, or the first field at fault. */
export function resultFromFields(
  format: ResultFormat,
  fields: ResultFields,
): { result: DrawResult } | { problem: ResultFieldProblem } {
  if (format === 'composite') return { problem: { field: 'lottery', reason: 'COMPUTED' } };
  const expected = FIELDS_BY_FORMAT[format];
  for (const key of Object.keys(FIELDS_BY_FORMAT).flatMap(
    (f) => FIELDS_BY_FORMAT[f as keyof typeof FIELDS_BY_FORMAT],
  )) {
    const k = key as keyof ResultFields;
    if (!expected.includes(k) && present(fields[k])) return { problem: { field: k, reason: 'UNEXPECTED' } };
  }
  for (const key of expected) {
    if (key === 'reventado_multiplier') continue;
    if (!present(fields[key])) return { problem: { field: key, reason: 'REQUIRED' } };
  }
  let result: DrawResult;
  switch (format) {
    case 'quiniela':
      result = {
        format,
        first: clean(fields.first),
        second: clean(fields.second),
        third: clean(fields.third),
      };
      break;
    case 'tiempos': {
      const ball = String(fields.ball).trim().toLowerCase();
      if (!BALL_COLOURS.includes(ball as BallColour)) return { problem: { field: 'ball', reason: 'FORMAT' } };
      const raw = fields.reventado_multiplier;
      const hundredths = present(raw) ? toCents(raw as number | string) : 0;
      if (hundredths === null || hundredths < 0)
        return { problem: { field: 'reventado_multiplier', reason: 'FORMAT' } };
      if (ball === 'red' && hundredths === 0)
        return { problem: { field: 'reventado_multiplier', reason: 'REQUIRED' } };
      result = {
        format,
        number: clean(fields.number),
        ball: ball as BallColour,
        reventadoMultiplier: hundredths,
      };
      break;
    }
    default:
      result = { format, digits: clean(fields.numbers) };
  }
  const problem = validateResult(result);
  if (problem) {
    const field =
      problem.field === 'digits'
        ? 'numbers'
        : problem.field === 'reventadoMultiplier'
          ? 'reventado_multiplier'
          : problem.field;
    return { problem: { field, reason: 'FORMAT' } };
  }
  return { result };
}

/** The API shape of a stored result (multipliers in major units). */
export function resultFields(result: DrawResult): Record<string, string | number> {
  switch (result.format) {
    case 'quiniela':
      return { first: result.first, second: result.second, third: result.third };
    case 'composite':
      return { first: result.first, second: result.second };
    case 'tiempos':
      return {
        number: result.number,
        ball: result.ball,
        reventado_multiplier: result.reventadoMultiplier / 100,
      };
    default:
      return { numbers: result.digits };
  }
}

/** "45-23-78", "457", "07 roja ×200": how a result reads on screens and receipts. */
export function resultText(result: DrawResult): string {
  switch (result.format) {
    case 'quiniela':
      return `${result.first}-${result.second}-${result.third}`;
    case 'composite':
      return `${result.first}-${result.second}`;
    case 'tiempos':
      return result.ball === 'red'
        ? `${result.number} roja ×${result.reventadoMultiplier / 100}`
        : `${result.number} blanca`;
    default:
      return result.digits;
  }
}

export const RESULT_CSV_COLUMNS = [
  'lottery',
  'draw_date',
  'draw_time',
  'first',
  'second',
  'third',
  'numbers',
  'number',
  'ball',
  'reventado_multiplier',
] as const;

export interface CsvResultRow extends ResultFields {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  lottery: string;
  draw_date: string;
  draw_time: string | null;
}

export type CsvProblem = { line: number; field: string; reason: string };

function splitCsvLine(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((s) => s.trim());
}

/**
 * Reads a results CSV: a header naming some of RESULT_CSV_COLUMNS (lottery and draw_date required),
 * then one result per line. Leading zeros matter, so cells are kept as text.
 */
export function parseResultsCsv(csv: string): { rows: CsvResultRow[]; problems: CsvProblem[] } {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: CsvProblem[] = [];
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  for (const [i, name] of header.entries()) {
    if (!(RESULT_CSV_COLUMNS as readonly string[]).includes(name))
      problems.push({ line: 1, field: name || `#${i + 1}`, reason: 'UNKNOWN_COLUMN' });
  }
  for (const required of ['lottery', 'draw_date'])
    if (!header.includes(required)) problems.push({ line: 1, field: required, reason: 'REQUIRED' });
  if (problems.length > 0) return { rows: [], problems };
  const rows: CsvResultRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = splitCsvLine(lines[i]);
    if (cells.length > header.length) {
      problems.push({ line: i + 1, field: `#${cells.length}`, reason: 'TOO_MANY_CELLS' });
      continue;
    }
    const get = (name: string) => {
      const at = header.indexOf(name);
      const value = at < 0 ? '' : (cells[at] ?? '');
      return value === '' ? null : value;
    };
    const lottery = get('lottery');
    const date = get('draw_date');
    if (!lottery) problems.push({ line: i + 1, field: 'lottery', reason: 'REQUIRED' });
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date))
      problems.push({ line: i + 1, field: 'draw_date', reason: date ? 'FORMAT' : 'REQUIRED' });
    const time = get('draw_time');
    if (time && !/^\d{2}:\d{2}$/.test(time))
      problems.push({ line: i + 1, field: 'draw_time', reason: 'FORMAT' });
    rows.push({
      line: i + 1,
      lottery: lottery ?? '',
      draw_date: date ?? '',
      draw_time: time,
      first: get('first'),
      second: get('second'),
      third: get('third'),
      numbers: get('numbers'),
      number: get('number'),
      ball: get('ball'),
      reventado_multiplier: get('reventado_multiplier'),
    });
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: 2, field: 'lottery', reason: 'REQUIRED' });
  return { rows, problems };
}
