/**
 * Test support for the platform's jobs, notifications, mail and certificate routes: the real
 * application (harness-like), with these routes mounted under `/api/v1/_t` so the tests work
 * before and after they are wired into app.ts, plus a second "server instance" on the same database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { testEngines } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { ManualClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { type Database, type Engine, openDatabase } from '../db/database.ts';
import { DEMO_PASSWORD } from '../demo.ts';
import { EventBus } from '../events/bus.ts';
import { registerCertificateRoutes } from '../exports/sign-pdf.routes.ts';
import type { App } from '../http/types.ts';
import { registerMailRoutes } from '../mail/mail.routes.ts';
import { registerNotificationRoutes } from '../notifications/notifications.routes.ts';
import { createPlatform, type ModuleDefinition, type Platform } from '../platform.ts';
import { loadDemoIfEmpty, migrate } from '../setup.ts';
import type { JobDefinition } from './job.ts';
import { registerJobRoutes } from './jobs.routes.ts';

export const PREFIX = '/api/v1/_t';
const pgUrl = process.env.TEST_DATABASE_URL;

export interface KitApp {
  engine: Engine;
  app: App;
  platform: Platform;
  clock: ManualClock;
  /** Jobs known to the routes; tests push their own. */
  jobs: JobDefinition[];
  url: string;
  schema: string | null;
  login(username: string, password?: string): Promise<string>;
  /** A second server instance: its own connection pool and bus on the same database. */
  secondInstance(): Promise<{ platform: Platform; close(): Promise<void> }>;
  close(): Promise<void>;
}

export async function createKitApp(
  engine: Engine,
  options: { env?: Record<string, string> } = {},
): Promise<KitApp> {
  const dir = mkdtempSync(join(tmpdir(), 'matriz-kit-'));
  const schema = engine === 'postgres' ? `t_${Math.random().toString(36).slice(2, 12)}` : null;
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
    MATRIZ_DEMO: 'dr',
    MATRIZ_WEB_DIR: join(dir, 'no-web'),
    DATABASE_URL: url,
    ...options.env,
  });
  const database = openDatabase(url, { schema: schema ?? undefined, poolSize: 8 });
  const clock = new ManualClock('2026-01-29T14:00:00Z');
  const jobs: JobDefinition[] = [];
  const kitModule: ModuleDefinition = {
    name: 'lottery',
    migrations: {},
    async routes(api, platform) {
      await api.register(
        async (sub) => {
          const typed = sub as unknown as App;
          registerJobRoutes(typed, platform, jobs, { instanceId: 'http-test' });
          registerNotificationRoutes(typed, platform);
          registerMailRoutes(typed, platform);
          registerCertificateRoutes(typed, platform);
        },
        { prefix: '/_t' },
      );
    },
  };
  const built = await buildApp({ config, database, clock, modules: [kitModule] });
  // Platform tables and demo users only: independent of the business modules.
  await migrate(built.platform, []);
  await loadDemoIfEmpty(built.platform, []);
  await built.app.ready();
  const extra: Database[] = [];
  const buses: EventBus[] = [];

  return {
    engine,
    app: built.app,
    platform: built.platform,
    clock,
    jobs,
    url,
    schema,
    async login(username, password = DEMO_PASSWORD) {
      const response = await built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.body}`);
      return `matriz_sid=${response.cookies.find((c) => c.name === 'matriz_sid')!.value}`;
    },
    async secondInstance() {
      const second = openDatabase(url, { schema: schema ?? undefined, poolSize: 4 });
      const bus = new EventBus(second.pool, second.schema);
      await bus.start();
      extra.push(second);
      buses.push(bus);
      const platform = createPlatform(second, clock, config, bus);
      return {
        platform,
        async close() {
          await bus.stop();
          await second.close();
        },
      };
    },
    async close() {
      await built.app.close();
      for (const bus of buses) await bus.stop().catch(() => {});
      for (const db of extra) await db.close().catch(() => {});
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

/** Like the harness's describeEngines, with the kit application. */
export function describeKit(
  title: string,
  suite: (app: () => KitApp) => void,
  options: { env?: Record<string, string> } = {},
): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine}]`, () => {
      let current: KitApp | null = null;
      beforeAll(async () => {
        current = await createKitApp(engine, options);
      });
      afterAll(async () => {
        await current?.close();
      });
      suite(() => {
        if (!current) throw new Error('kit app not ready');
        return current;
      });
    });
  }
}

/** One API call as a user; returns status and JSON body. */
export async function call(
  kit: KitApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  payload?: unknown,
) {
  const response = await kit.app.inject({
    method,
    url: `${PREFIX}${path}`,
    headers: { cookie },
    ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
  });
  const json = response.headers['content-type']?.toString().includes('json') ? response.json() : null;
  return { status: response.statusCode, body: json, raw: response };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
