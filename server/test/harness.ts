import { afterAll, beforeAll, describe } from 'vitest';
import type { Engine } from '../src/platform/db/database.ts';
import { createTestApp, type TestApp, type TestAppOptions } from './app-factory.ts';

export { createTestApp, type TestApp, type TestAppOptions } from './app-factory.ts';

let warned = false;

export function testEngines(): Engine[] {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (!pgUrl && !warned) {
    warned = true;
    console.warn(
      '⚠ PostgreSQL OMITIDO en esta ejecución: defina TEST_DATABASE_URL=postgres://… para probar ambos motores.',
    );
  }
  return pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * Runs the same suite once per engine, each with its own fresh application:
 * `describeEngines('ventas', (t) => { it('…', async () => { const app = t(); … }) })`.
 */
export function describeEngines(
  title: string,
  suite: (app: () => TestApp) => void,
  options: TestAppOptions = {},
): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine}]`, () => {
      let current: TestApp | null = null;
      beforeAll(async () => {
        current = await createTestApp(engine, options);
      });
      afterAll(async () => {
        await current?.close();
      });
      suite(() => {
        if (!current) throw new Error('test app not ready');
        return current;
      });
    });
  }
}
