import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from './harness.ts';

/** Tables a refused request may still write: the trail of the refusal itself. */
const MAY_CHANGE_ON_REFUSAL = new Set([
  'audit_log',
  'audit_head',
  'sessions',
  'lottery_anomalies',
  'notifications',
  'job_runs',
  'jobs',
]);

/** The tables to count, introspected once per app (introspection is the slow part on PostgreSQL). */
const tablesOf = new WeakMap<TestApp, Promise<string[]>>();

async function countedTables(app: TestApp): Promise<string[]> {
  let tables = tablesOf.get(app);
  if (!tables) {
    tables = app.platform.db.introspection.getTables().then((all) =>
      all
        .filter(
          (t) =>
            !t.isView && (app.platform.database.schema === null || t.schema === app.platform.database.schema),
        )
        .map((t) => t.name)
        .filter((name) => !name.startsWith('kysely_') && !MAY_CHANGE_ON_REFUSAL.has(name)),
    );
    tablesOf.set(app, tables);
  }
  return tables;
}

async function rowCounts(app: TestApp): Promise<Map<string, number>> {
  const tables = await countedTables(app);
  const query = tables
    .map((name) => `select '${name}' as t, count(*) as n from "${name}"`)
    .join(' union all ');
  const rows = await sql.raw<{ t: string; n: number }>(query).execute(app.platform.db);
  return new Map(rows.rows.map((r) => [r.t, Number(r.n)]));
}

const SQL_INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT pg_sleep(1)',
  '%00',
  '../../etc/passwd',
];

/** Bodies that look almost right: a JSON object whose values are swapped for hostile ones. */
const mutatedBody = fc.oneof(
  fc.json(),
  fc
    .dictionary(
      fc.constantFrom(
        'username',
        'password',
        'lines',
        'entry',
        'reason',
        'amount',
        'code',
        'number',
        'draw_id',
        'bet_amount',
        'configuration',
        '__proto__',
        'constructor',
      ),
      fc.oneof(
        fc.constantFrom(...SQL_INJECTION),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.string()),
        fc.object(),
      ),
    )
    .map((o) => JSON.stringify(o)),
  fc.string({ maxLength: 200 }),
);

const hostileQuery = fc.dictionary(
  fc.constantFrom(
    'page',
    'page_size',
    'date',
    'from',
    'to',
    'q',
    'status',
    'banca',
    'format',
    'month',
    'scope',
    'id',
  ),
  fc.oneof(
    fc.constantFrom(...SQL_INJECTION, '-1', '1e309', 'NaN', '9'.repeat(40)),
    fc.string({ maxLength: 30 }),
  ),
);

describeEngines('fuzz por rol: nunca 500, y lo rechazado no cambia datos', (t) => {
  it('cuerpos, consultas y encabezados aleatorios en cada ruta como anónimo, vendedor, supervisor y admin', async () => {
    const app = t();
    const sessions: (string | undefined)[] = [
      undefined,
      await app.login('juan001'),
      await app.login('supervisor1'),
      await app.login('admin'),
    ];
    const routes = app.routes.filter(
      (r) => r.url.startsWith('/api/v1/') && !r.url.endsWith('/ws') && !r.url.endsWith('/logout'),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom(...sessions),
        mutatedBody,
        hostileQuery,
        fc.constantFrom(...SQL_INJECTION, 'x'),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        async (route, cookie, body, query, param, contentType) => {
          const before = await rowCounts(app);
          const url = `${route.url.replace(/:[a-z_]+/g, encodeURIComponent(param))}?${new URLSearchParams(query)}`;
          const response = await app.app.inject({
            method: route.method as 'GET',
            url,
            headers: {
              'content-type': contentType,
              'accept-language': 'es',
              'idempotency-key': param,
              ...(cookie ? { cookie } : {}),
            },
            payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : body,
          });
          if (response.statusCode >= 500)
            failures.push(`${route.method} ${url} → ${response.statusCode} ${response.body.slice(0, 200)}`);
          if (response.statusCode >= 400) {
            const after = await rowCounts(app);
            for (const [table, count] of before) {
              if (after.get(table) !== count)
                failures.push(`${route.method} ${url} refused (${response.statusCode}) but ${table} changed`);
            }
          }
          return true;
        },
      ),
      { numRuns: app.engine === 'sqlite' ? 600 : 250 },
    );
    expect(failures).toEqual([]);
  });
});
