import { type Expression, type RawBuilder, sql } from 'kysely';

/** SUM of integer cents as a number on both engines (PostgreSQL's SUM(bigint) is numeric). */
export function sumCents(expression: Expression<unknown> | string): RawBuilder<number> {
  const target = typeof expression === 'string' ? sql.ref(expression) : expression;
  return sql<number>`cast(coalesce(sum(${target}), 0) as bigint)`;
}

export function countAll(): RawBuilder<number> {
  return sql<number>`cast(count(*) as bigint)`;
}

/** Booleans are stored as 0/1 integers on both engines. */
export const flag = (value: boolean): 0 | 1 => (value ? 1 : 0);
export const isSet = (value: number | null | undefined): boolean => value === 1;

/** Escapes LIKE wildcards so user text is matched literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Accented letters of the operators' languages and the plain letter a search takes them for. */
const PLAIN_LETTERS: readonly [string, string][] = Object.entries({
  a: 'áàâäÁÀÂÄ',
  e: 'éèêëÉÈÊË',
  i: 'íìîïÍÌÎÏ',
  o: 'óòôöÓÒÔÖ',
  u: 'úùûüÚÙÛÜ',
  n: 'ñÑ',
  c: 'çÇ',
}).flatMap(([letter, accented]) => [...accented].map((c): [string, string] => [c, letter]));

/** Text as search compares it: lower case and without accents ("HIGÜEY" → "higuey"). */
export function searchFold(text: string): string {
  let plain = text;
  for (const [accented, letter] of PLAIN_LETTERS) plain = plain.replaceAll(accented, letter);
  return plain.toLowerCase();
}

/**
 * A column folded as `searchFold` folds text, on both engines: SQLite's lower() only knows ASCII
 * and neither engine has unaccent() without an extension, so the accented letters are replaced one
 * by one before lower().
 */
export function searchFolded(column: string): RawBuilder<string> {
  let folded: RawBuilder<string> = sql`${sql.ref(column)}`;
  for (const [accented, letter] of PLAIN_LETTERS)
    folded = sql`replace(${folded}, ${sql.lit(accented)}, ${sql.lit(letter)})`;
  return sql<string>`lower(${folded})`;
}
