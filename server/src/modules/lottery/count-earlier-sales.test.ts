import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { lotteryDb } from './db.ts';
import { openDraw, THURSDAY_MORNING } from './lottery-test-kit.ts';

async function call(app: TestApp, cookie: string, method: 'POST' | 'PATCH', url: string, payload: object) {
  const response = await app.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload });
  return { status: response.statusCode, body: response.json() };
}

async function sell(app: TestApp, cookie: string, entry: string, drawId: string) {
  return call(app, cookie, 'POST', '/lottery/tickets', { entry, draw_ids: [drawId] });
}

/** Refuses what does not fit whole, so a refusal shows what is left. */
async function refusePartialLines(app: TestApp, admin: string): Promise<void> {
  const banca = await lotteryDb(app.platform.db)
    .selectFrom('lottery_bancas')
    .select('id')
    .where('code', '=', '010')
    .executeTakeFirstOrThrow();
  const patched = await call(app, admin, 'PATCH', `/lottery/bancas/${banca.id}`, {
    accept_partial_lines: false,
  });
  expect(patched.status).toBe(200);
}

describeEngines(
  'límites puestos después de vender',
  (t) => {
    it('una regla nueva cuenta lo ya vendido: el palé 1234 con 400 vendidos no acepta más con límite 300; anular lo devuelve', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      await refusePartialLines(app, admin);
      const drawId = await openDraw(app, 'GANAMAS');
      const first = await sell(app, juan, '1234 400', drawId);
      expect(first.status, JSON.stringify(first.body)).toBe(201);

      const rule = await call(app, admin, 'POST', '/lottery/limits', {
        level: 'number',
        bet_type: 'PALE',
        number: '1234',
        max_amount: 300,
        draw_id: drawId,
      });
      expect(rule.status, JSON.stringify(rule.body)).toBe(201);
      const refused = await sell(app, juan, '1234 100', drawId);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        details: { limit: 300, sold: 400, available: 0 },
      });

      // Cancelling the earlier ticket gives back what the rule counted for it: 300 fit again.
      const cancelled = await call(
        app,
        juan,
        'POST',
        `/lottery/tickets/${first.body.ticket.ticket_code}/cancel`,
        {
          reason: 'error del cliente',
        },
      );
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
      expect((await sell(app, juan, '1234 300', drawId)).status).toBe(201);
      expect((await sell(app, juan, '1234 1', drawId)).status).toBe(422);
    });

    it('un número caliente marcado después de vender cuenta lo vendido: 56 con 300 vendidos no acepta más con límite 100', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      await refusePartialLines(app, admin);
      const drawId = await openDraw(app, 'LOTEDOM');
      expect((await sell(app, juan, '56 300', drawId)).status).toBe(201);
      const hot = await call(app, admin, 'POST', '/lottery/hot-numbers', {
        number: '56',
        directo: 100,
        reason: 'número de la suerte del día',
      });
      expect(hot.status, JSON.stringify(hot.body)).toBe(201);
      const refused = await sell(app, juan, '56 50', drawId);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        details: { sold: 300, available: 0 },
      });
      // Another number of the same draw is not touched.
      expect((await sell(app, juan, '57 50', drawId)).status).toBe(201);
    });
  },
  { clock: THURSDAY_MORNING },
);
