import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type BuiltApp, buildApp } from '../src/app.ts';
import { allModules } from '../src/modules/index.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Engine, openDatabase } from '../src/platform/db/database.ts';
import { DEMO_PASSWORD } from '../src/platform/demo.ts';
import { loadDemoIfEmpty, migrate } from '../src/platform/setup.ts';

export interface TestApp extends BuiltApp {
  engine: Engine;
  clock: ManualClock;
  /** Signs in and returns the Cookie header value. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  demo?: 'dr' | 'cr' | 'none';
  clock?: string;
  env?: Record<string, string>;
  /** PostgreSQL connections (benchmarks want more than tests). */
  poolSize?: number;
}

/** A fresh application on a throw-away database: a temp SQLite file, or a random PostgreSQL schema. */
export async function createTestApp(engine: Engine, options: TestAppOptions = {}): Promise<TestApp> {
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
  if (engine === 'postgres' && !pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const dir = mkdtempSync(join(tmpdir(), 'matriz-test-'));
  const schema = `t_${Math.random().toString(36).slice(2, 12)}`;
  let url = `sqlite:${join(dir, 'test.db')}`;
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    url = pgUrl!;
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    MATRIZ_DATA_DIR: dir,
    MATRIZ_SECRET: 'test-secret',
    MATRIZ_DEMO: options.demo ?? 'dr',
    MATRIZ_WEB_DIR: join(dir, 'no-web'),
    DATABASE_URL: url,
    ...options.env,
  });
  const database = openDatabase(url, {
    schema: engine === 'postgres' ? schema : undefined,
    poolSize: options.poolSize ?? 8,
  });
  const clock = new ManualClock(options.clock ?? '2026-01-29T14:00:00Z');
  const built = await buildApp({ config, database, clock, modules: allModules });
  await migrate(built.platform, allModules);
  await loadDemoIfEmpty(built.platform, allModules);
  await built.app.ready();

  return {
    ...built,
    engine,
    clock,
    async login(username, password = DEMO_PASSWORD) {
      const response = await built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'matriz_sid');
      return `matriz_sid=${cookie!.value}`;
    },
    async close() {
      await built.app.close();
      await database.close();
      if (engine === 'postgres') {
        const admin = new pg.Client({ connectionString: pgUrl });
        await admin.connect();
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
