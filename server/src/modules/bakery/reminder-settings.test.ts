import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import type { JobContext } from '../../platform/jobs/job.ts';
import { pedidoReminderJob } from './bakery-jobs.ts';
import { call, newSeller, ok } from './bakery-test-kit.ts';

const URL = '/bakery/settings/reminders';

function runReminder(app: TestApp) {
  const context: JobContext = {
    now: app.clock.now(),
    runId: 'test',
    attempt: 1,
    trigger: 'manual',
    instanceId: 'test',
  };
  return pedidoReminderJob.run(app.platform, context) as Promise<Record<string, unknown>>;
}

describeEngines(
  'hora del recordatorio de pedidos',
  (t) => {
    it('sin configurar: 10:00 en la zona de la panadería', async () => {
      const app = t();
      expect(await ok(app, 'panadero', 'GET', URL)).toEqual({
        pedido_reminder_at: '10:00',
        timezone: 'America/Bogota',
      });
    });

    it('valores inválidos: 400 en español que nombra el campo, y nada cambia', async () => {
      const app = t();
      const bad: unknown[] = [
        { pedido_reminder_at: '25:00' },
        { pedido_reminder_at: '9:5' },
        { pedido_reminder_at: '09:60' },
        { pedido_reminder_at: '10:00:00' },
        { pedido_reminder_at: '' },
        { pedido_reminder_at: 930 },
        { pedido_reminder_at: null },
        {},
        { pedido_reminder_at: '09:30', extra: true },
      ];
      for (const payload of bad) {
        const response = await call(app, 'panadero', 'PUT', URL, payload);
        expect(response.status, JSON.stringify(payload)).toBe(400);
        expect(response.body.success).toBe(false);
        expect(response.body.error.code).toBe('VALIDATION_ERROR');
        if (!('extra' in (payload as object))) {
          expect(response.body.error.details.field).toBe('body.pedido_reminder_at');
          expect(response.body.error.message).toMatch(
            /^Datos inválidos en «hora del recordatorio del pedido»: /,
          );
        }
      }
      expect((await ok(app, 'panadero', 'GET', URL)).pedido_reminder_at).toBe('10:00');
      const audit = await ok(app, 'admin', 'GET', '/audit?entity=bakery_settings&entity_id=reminders');
      expect(audit.total).toBe(0);
    });

    it('un vendedor de ruta no la ve ni la cambia (403)', async () => {
      const app = t();
      expect((await call(app, 'ruta1', 'GET', URL)).status).toBe(403);
      const refused = await call(app, 'ruta1', 'PUT', URL, { pedido_reminder_at: '06:00' });
      expect(refused.status).toBe(403);
      expect(refused.body.success).toBe(false);
      expect((await ok(app, 'panadero', 'GET', URL)).pedido_reminder_at).toBe('10:00');
    });

    it('guardar: se lee de vuelta, queda auditado y la tarea usa la nueva hora', async () => {
      const app = t();
      await newSeller(app, 10, 10); // no pedido today: someone to remind
      expect(app.clock.now().toISOString()).toBe('2026-02-03T14:00:00.000Z'); // martes 09:00 en Bogotá
      expect(await runReminder(app)).toMatchObject({ skipped: 'before_hour', reminded: 0 });

      expect(await ok(app, 'panadero', 'PUT', URL, { pedido_reminder_at: '08:30' })).toEqual({
        pedido_reminder_at: '08:30',
        timezone: 'America/Bogota',
      });
      expect((await ok(app, 'panadero', 'GET', URL)).pedido_reminder_at).toBe('08:30');
      const audit = await ok(app, 'admin', 'GET', '/audit?entity=bakery_settings&entity_id=reminders');
      expect(audit.total).toBe(1);
      expect(audit.items[0]).toMatchObject({
        action: 'update',
        before: { pedido_reminder_at: '10:00' },
        after: { pedido_reminder_at: '08:30' },
      });

      const earlier = await runReminder(app); // 09:00, after the new 08:30
      expect(earlier.skipped).toBeUndefined();
      expect(earlier.reminded).toBeGreaterThanOrEqual(1);

      // A later hour holds the reminder past the old default of 10:00 (a seller added since: still due).
      await newSeller(app, 10, 10);
      await ok(app, 'panadero', 'PUT', URL, { pedido_reminder_at: '11:45' });
      app.clock.set('2026-02-03T15:30:00Z'); // 10:30
      expect(await runReminder(app)).toMatchObject({ skipped: 'before_hour', reminded: 0 });
      app.clock.set('2026-02-03T16:45:00Z'); // 11:45
      expect(await runReminder(app)).toMatchObject({ day: '2026-02-03', reminded: 1 });
      expect((await ok(app, 'admin', 'GET', '/audit?entity=bakery_settings&entity_id=reminders')).total).toBe(
        2,
      );
    });
  },
  { clock: '2026-02-03T14:00:00Z' },
);
