import { CompiledQuery, type Kysely, PostgresAdapter } from 'kysely';
import { deferred } from './postgres-driver.ts';

/** Below PostgreSQL's 65,535 bind parameters per statement. */
const MAX_PARAMETERS = 60_000;

// biome-ignore lint/suspicious/noExplicitAny: runs statements against any schema
type AnyDb = Kysely<any>;

/**
 * Runs writes whose results nobody reads, as few round trips as the engine allows. On SQLite (in
 * process, no round trip) one after the other. On PostgreSQL they travel as ONE statement, each
 * write a data-modifying CTE (`WITH w0 AS (INSERT …), w1 AS (…) UPDATE …`): inside a transaction
 * every round trip waits for the event loop, which under load costs more than the writes.
 * The writes see the same snapshot and run in no set order, so none may read another's rows or
 * touch a row another touches; foreign keys are checked at the end of the statement.
 * Inside a transaction, 'with the next statement' saves the round trip: the writes go to PostgreSQL
 * in front of the transaction's next statement or its COMMIT, where their error then surfaces.
 */
export async function executeTogether(
  db: AnyDb,
  queries: readonly CompiledQuery[],
  travel: 'now' | 'with the next statement' = 'now',
): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    for (const query of queries) await db.executeQuery(query);
    return;
  }
  const send = (query: CompiledQuery) => db.executeQuery(travel === 'now' ? query : deferred(query));
  let group: CompiledQuery[] = [];
  let parameters = 0;
  for (const query of queries) {
    if (group.length > 0 && parameters + query.parameters.length > MAX_PARAMETERS) {
      await send(combined(group));
      group = [];
      parameters = 0;
    }
    group.push(query);
    parameters += query.parameters.length;
  }
  if (group.length > 0) await send(combined(group));
}

/**
 * Like `executeTogether`, for writes whose RETURNING rows the caller reads: the rows of each query,
 * in order. On PostgreSQL one statement whose CTEs each hand back their rows as JSON (so numbers
 * come back as numbers, whatever their SQL type); the main query reads the CTEs one after the other,
 * so they run, and take their row locks, in the order given, as they do on SQLite.
 */
export async function executeAllTogether(db: AnyDb, queries: readonly CompiledQuery[]): Promise<unknown[][]> {
  if (queries.length === 0) return [];
  const parameters = queries.reduce((sum, query) => sum + query.parameters.length, 0);
  if (
    !(db.getExecutor().adapter instanceof PostgresAdapter) ||
    queries.length === 1 ||
    parameters > MAX_PARAMETERS
  ) {
    const results: unknown[][] = [];
    for (const query of queries) results.push((await db.executeQuery(query)).rows as unknown[]);
    return results;
  }
  const { texts, parameters: all } = renumbered(queries);
  const selected = texts.map((_, i) => `(select coalesce(json_agg(w${i}), '[]'::json) from w${i}) as r${i}`);
  const { rows } = await db.executeQuery<Record<string, unknown[]>>(
    CompiledQuery.raw(
      `with ${texts.map((text, i) => `w${i} as (${text})`).join(', ')} select ${selected.join(', ')}`,
      all,
    ),
  );
  return texts.map((_, i) => rows[0][`r${i}`]);
}

/** The queries' texts with their `$n` placeholders numbered one after the other, and all their parameters. */
function renumbered(queries: readonly CompiledQuery[]) {
  const parameters: unknown[] = [];
  const texts = queries.map((query) => {
    const offset = parameters.length;
    parameters.push(...query.parameters);
    return offset === 0 ? query.sql : query.sql.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + offset}`);
  });
  return { texts, parameters };
}

function combined(queries: readonly CompiledQuery[]): CompiledQuery {
  if (queries.length === 1) return queries[0];
  const { texts, parameters } = renumbered(queries);
  const last = texts.pop()!;
  return CompiledQuery.raw(
    `with ${texts.map((text, i) => `w${i} as (${text})`).join(', ')} ${last}`,
    parameters,
  );
}
