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
