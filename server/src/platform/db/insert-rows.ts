import {
  type Compilable,
  CompiledQuery,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  PostgresAdapter,
} from 'kysely';
import { executeTogether } from './execute-together.ts';

/** SQLite binds at most 32,766 variables per statement, PostgreSQL 65,535. */
const MAX_VARIABLES = 32_000;
/** Rows per JSON parameter on PostgreSQL: keeps one parameter to a few megabytes. */
const JSON_ROWS = 5_000;
const texts = new Map<string, string>();

/**
 * A multi-row INSERT without the query builder's per-value work (a sale batch writes hundreds of
 * rows): Kysely compiles the one-row form, so quoting and placeholders are the dialect's, and that
 * text is repeated for n rows and kept. Every row has the columns of the first (missing = null).
 */
export async function insertRows(
  // biome-ignore lint/suspicious/noExplicitAny: inserts into any schema's table
  db: Kysely<any>,
  table: string,
  rows: readonly object[],
): Promise<void> {
  await executeTogether(db, insertRowsQueries(db, table, rows));
}

/**
 * The statements of `insertRows`, to run together with others (`executeTogether`). `finish` adds
 * what follows the values (`onConflict`, `returning`); it may not bind parameters of its own.
 */
export function insertRowsQueries(
  // biome-ignore lint/suspicious/noExplicitAny: inserts into any schema's table
  db: Kysely<any>,
  table: string,
  rows: readonly object[],
  // biome-ignore lint/suspicious/noExplicitAny: the caller knows its table's builder type
  finish: (oneRow: InsertQueryBuilder<any, any, InsertResult>) => Compilable = (oneRow) => oneRow,
): CompiledQuery[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const chunk = Math.max(1, Math.floor(MAX_VARIABLES / columns.length));
  const cell = (row: object, column: string) => (row as Record<string, unknown>)[column] ?? null;
  const first = Object.fromEntries(columns.map((column) => [column, cell(rows[0], column)]));
  const compiled = finish(db.insertInto(table).values(first)).compile();
  if (compiled.parameters.length !== columns.length)
    throw new Error(`insertRowsQueries: what follows the values of ${table} may not bind parameters`);
  const one = compiled.sql;
  const queries: CompiledQuery[] = [];
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (let start = 0; start < rows.length; start += JSON_ROWS) {
      const part = JSON.stringify(rows.slice(start, start + JSON_ROWS));
      queries.push(CompiledQuery.raw(jsonTextFor(one, table, columns), [part]));
    }
    return queries;
  }
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const params: unknown[] = [];
    for (const row of part) for (const column of columns) params.push(cell(row, column));
    queries.push(CompiledQuery.raw(textFor(one, columns.length, part.length), params));
  }
  return queries;
}

/**
 * PostgreSQL: the rows travel as ONE parameter, a JSON array read back into the table's own column
 * types (a key missing or undefined is null), so the text is the same whatever the number of rows:
 * no thousands of placeholders to bind, parse and plan at every batch. Rows come out in the order
 * given, which keeps the lock order. `where true` keeps `on conflict` from reading as a join's `on`.
 */
function jsonTextFor(oneRow: string, table: string, columns: readonly string[]): string {
  const key = `json|${oneRow}`;
  let text = texts.get(key);
  if (!text) {
    const head = oneRow.slice(0, oneRow.indexOf(' values ('));
    const tail = oneRow.slice(oneRow.indexOf(')', head.length + ' values '.length) + 1);
    const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
    text = `${head} select ${columns.map((column) => `r.${quoted(column)}`).join(', ')} from json_populate_recordset(null::${quoted(table)}, $1) as r where true${tail}`;
    if (texts.size > 2000) texts.clear();
    texts.set(key, text);
  }
  return text;
}

function textFor(oneRow: string, width: number, count: number): string {
  const key = `${count}|${oneRow}`;
  let text = texts.get(key);
  if (!text) {
    const head = oneRow.slice(0, oneRow.indexOf(' values (') + ' values '.length);
    const tail = oneRow.slice(oneRow.indexOf(')', head.length) + 1);
    const numbered = oneRow.includes('$1');
    const groups = Array.from({ length: count }, (_, row) =>
      numbered
        ? `(${Array.from({ length: width }, (_, i) => `$${row * width + i + 1}`).join(', ')})`
        : `(${Array.from({ length: width }, () => '?').join(', ')})`,
    );
    text = head + groups.join(', ') + tail;
    if (texts.size > 2000) texts.clear();
    texts.set(key, text);
  }
  return text;
}
