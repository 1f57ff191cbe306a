import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../e2e/support/server.ts';
import {
  call,
  checkInvariants,
  login,
  openScratch,
  type Session,
  scratchDatabase,
  stressEngines,
} from './stress-kit.ts';

const RUNS = 5;
const CLIENTS = 12;
/** A Thursday morning in Santo Domingo: the day's draws are open for the whole run. */
const CLOCK = '2026-01-29T10:00:00-04:00';

interface Outcome {
  sold: string[];
  cancelled: string[];
}

/**
 * Sells (with Idempotency-Keys) and cancels from several clients until the server dies under them;
 * remembers every ticket the server acknowledged.
 */
async function driveUntilKilled(server: TestServer, seller: Session, killAfterMs: number): Promise<Outcome> {
  const outcome: Outcome = { sold: [], cancelled: [] };
  let dead = false;
  const killer = new Promise<void>((resolve) =>
    setTimeout(async () => {
      dead = true;
      await server.crash();
      resolve();
    }, killAfterMs),
  );
  const client = async (id: number) => {
    for (let n = 0; !dead; n++) {
      const numbers = [n % 100, (n * 7 + id) % 100, (n * 13 + id * 3) % 100].map((x) =>
        String(x).padStart(2, '0'),
      );
      const entry = [...new Set(numbers)].map((x) => `REAL|${x}|5`).join('\n');
      try {
        const sale = await call(
          server.url,
          seller,
          'POST',
          '/lottery/tickets',
          { entry },
          { 'idempotency-key': `c${id}-${n}` },
        );
        if (sale.status === 201) {
          outcome.sold.push(sale.body.ticket.ticket_code);
          if (n % 5 === 0) {
            const code = sale.body.ticket.ticket_code;
            const cancel = await call(server.url, seller, 'POST', `/lottery/tickets/${code}/cancel`, {
              reason: 'prueba de caída',
            });
            if (cancel.status === 200) outcome.cancelled.push(code);
          }
        }
      } catch {
        return;
      }
    }
  };
  await Promise.all([killer, ...Array.from({ length: CLIENTS }, (_, id) => client(id))]);
  return outcome;
}

for (const engine of stressEngines()) {
  describe(`caída brusca (kill -9) en plena venta [${engine}]`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups) await cleanup();
    });

    for (let run = 1; run <= RUNS; run++) {
      const killAfterMs = 1500 + Math.floor(Math.random() * 4500);
      it(`corrida ${run}: kill -9 a los ${killAfterMs} ms; tras reiniciar nada falta, nada sobra, todo cuadra`, async () => {
        const scratch = await scratchDatabase(engine);
        cleanups.push(scratch.drop);
        const env = { DATABASE_URL: scratch.url, MATRIZ_CLOCK: CLOCK, LOG_LEVEL: 'warn' };
        const first = await startServer(env, { dataDir: scratch.dataDir });
        const seller = await login(first.url, 'juan001');
        const outcome = await driveUntilKilled(first, seller, killAfterMs);
        expect(outcome.sold.length).toBeGreaterThan(0);

        const second = await startServer(env, { dataDir: scratch.dataDir });
        cleanups.push(second.stop);
        const admin = await login(second.url, 'admin');
        for (const code of outcome.sold) {
          const found = await call(second.url, admin, 'GET', `/lottery/tickets/${code}`);
          expect(found.status, `${code} was acknowledged (201) and must exist`).toBe(200);
        }
        for (const code of outcome.cancelled) {
          const found = await call(second.url, admin, 'GET', `/lottery/tickets/${code}`);
          expect(found.body.ticket.status).toBe('cancelled');
        }
        const database = openScratch(scratch.url);
        try {
          expect(await checkInvariants(database)).toEqual([]);
        } finally {
          await database.close();
        }
        await second.stop();
      });
    }
  });
}
