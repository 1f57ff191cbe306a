import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { advanceDraws } from './advance-draws.ts';
import { openDraw } from './lottery-test-kit.ts';

interface Pushed {
  type: string;
  payload: { draw_ids: string[]; early?: boolean; close_at?: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the server pushes to a signed-in screen, as the POS hears it. */
async function screenOf(app: TestApp, cookie: string) {
  const messages: Pushed[] = [];
  const socket = await app.app.injectWS('/api/v1/ws', { headers: { cookie } });
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as Pushed));
  const ofType = (type: string) => messages.filter((m) => m.type === type);
  const waitFor = async (type: string, count: number) => {
    const deadline = Date.now() + 5_000;
    while (ofType(type).length < count && Date.now() < deadline) await sleep(10);
    return ofType(type);
  };
  return {
    closed: () => ofType('lottery.draw.closed'),
    reopened: () => ofType('lottery.draw.reopened'),
    waitForClosed: (count: number) => waitFor('lottery.draw.closed', count),
    waitForReopened: (count: number) => waitFor('lottery.draw.reopened', count),
    changed: () => ofType('lottery.draws.changed'),
    waitForChanged: (count: number) => waitFor('lottery.draws.changed', count),
    close: () => socket.terminate(),
  };
}

const closeEarly = (app: TestApp, cookie: string, id: string, reason: string) =>
  app.app.inject({
    method: 'POST',
    url: `/api/v1/lottery/draws/${id}/close`,
    headers: { cookie },
    payload: { reason },
  });

const reopen = (app: TestApp, cookie: string, id: string, body: { reason: string; close_at?: string }) =>
  app.app.inject({
    method: 'POST',
    url: `/api/v1/lottery/draws/${id}/reopen`,
    headers: { cookie },
    payload: body,
  });

describeEngines('cierre de sorteos: las pantallas de venta se enteran al momento', (t) => {
  it('un cierre anticipado llega al vendedor por el websocket; un cierre rechazado no avisa nada', async () => {
    const app = t();
    const admin = await app.login('admin');
    const seller = await screenOf(app, await app.login('juan001'));
    try {
      const loteka = await openDraw(app, 'LOTEKA');
      await sleep(50);

      const refused = await closeEarly(app, admin, loteka, 'x');
      expect(refused.statusCode).toBe(400);
      const closed = await closeEarly(app, admin, loteka, 'Falla en la transmisión');
      expect(closed.statusCode, closed.body).toBe(200);

      const [pushed] = await seller.waitForClosed(1);
      expect(pushed.payload).toEqual({ draw_ids: [loteka], early: true });

      const again = await closeEarly(app, admin, loteka, 'Falla en la transmisión');
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('DRAW_NOT_OPEN');
      await sleep(200);
      expect(seller.closed()).toHaveLength(1);
    } finally {
      seller.close();
    }
  });

  it('una reapertura llega al vendedor por el websocket; una reapertura rechazada no avisa nada', async () => {
    const app = t();
    const admin = await app.login('admin');
    const seller = await screenOf(app, await app.login('juan001'));
    try {
      const loteka = await openDraw(app, 'LOTEKA');
      await sleep(50);

      const notClosed = await reopen(app, admin, loteka, { reason: 'Proveedor restablecido' });
      expect(notClosed.statusCode).toBe(409);
      expect(notClosed.json().error.code).toBe('DRAW_NOT_CLOSED');
      expect((await closeEarly(app, admin, loteka, 'Falla en la transmisión')).statusCode).toBe(200);
      await seller.waitForClosed(1);

      const past = await reopen(app, admin, loteka, {
        reason: 'Proveedor restablecido',
        close_at: '2026-01-01T12:00:00Z',
      });
      expect(past.json().error.code).toBe('DRAW_CLOSE_AT_INVALID');
      const reopened = await reopen(app, admin, loteka, { reason: 'Proveedor restablecido' });
      expect(reopened.statusCode, reopened.body).toBe(200);

      const [pushed] = await seller.waitForReopened(1);
      expect(pushed.payload).toEqual({ draw_ids: [loteka], close_at: reopened.json().draw.close_at });
      await sleep(200);
      expect(seller.reopened()).toHaveLength(1);
    } finally {
      seller.close();
    }
  });

  it('el cierre por hora avisa una vez con los sorteos que cerró, y nada cuando no cierra ninguno', async () => {
    const app = t();
    const seller = await screenOf(app, await app.login('juan001'));
    try {
      const real = await openDraw(app, 'REAL');
      const nacional = await openDraw(app, 'NACIONAL');
      await sleep(50);

      // 13:00 in Santo Domingo: REAL (12:55) has closed, NACIONAL (21:00) sells on.
      app.clock.set(new Date('2026-01-29T17:00:00Z'));
      const moved = await advanceDraws(app.platform);
      expect(moved.closed).toContain(real);

      const [pushed] = await seller.waitForClosed(1);
      expect(pushed.payload.early).toBe(false);
      expect(pushed.payload.draw_ids).toEqual(moved.closed);
      expect(pushed.payload.draw_ids).not.toContain(nacional);

      expect((await advanceDraws(app.platform)).closed).toEqual([]);
      await sleep(200);
      expect(seller.closed()).toHaveLength(1);
    } finally {
      seller.close();
    }
  });

  it('un cambio de zona horaria que mueve sorteos avisa a las pantallas de venta; cambiar solo el nombre no', async () => {
    const app = t();
    const admin = await app.login('admin');
    const seller = await screenOf(app, await app.login('juan001'));
    try {
      const primera = await openDraw(app, 'PRIMERA');
      const lottery = (
        await app.app.inject({
          method: 'GET',
          url: '/api/v1/lottery/lotteries?q=PRIMERA',
          headers: { cookie: admin },
        })
      ).json().items[0] as { id: string };
      const patch = (payload: object) =>
        app.app.inject({
          method: 'PATCH',
          url: `/api/v1/lottery/lotteries/${lottery.id}`,
          headers: { cookie: admin },
          payload,
        });
      expect((await patch({ name: 'LA PRIMERA RD' })).statusCode).toBe(200);
      await sleep(200);
      expect(seller.changed()).toHaveLength(0);

      expect((await patch({ time_zone: 'America/Costa_Rica' })).statusCode).toBe(200);
      const [pushed] = await seller.waitForChanged(1);
      expect(pushed.payload.draw_ids).toContain(primera);
    } finally {
      seller.close();
    }
  });
});
