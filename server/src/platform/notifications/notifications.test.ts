import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { call, describeKit, type KitApp, sleep } from '../jobs/test-kit.ts';
import { outboxDir } from '../mail/outbox.ts';
import { notifyNow } from './notify.ts';

async function userId(kit: KitApp, username: string): Promise<string> {
  const row = await kit.platform.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function listen(kit: KitApp, cookie: string) {
  // biome-ignore lint/suspicious/noExplicitAny: pushed JSON of any shape
  const messages: { type: string; payload: any }[] = [];
  const socket = await kit.app.injectWS('/api/v1/ws', { headers: { cookie } });
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  return {
    messages,
    close: () => socket.terminate(),
    async waitFor(type: string, count = 1) {
      const deadline = Date.now() + 5000;
      while (messages.filter((m) => m.type === type).length < count && Date.now() < deadline) await sleep(10);
      return messages.filter((m) => m.type === type);
    },
  };
}

describeKit('centro de notificaciones', (t) => {
  it('notificación por permiso: se guarda y llega en vivo por el websocket solo a su destinatario', async () => {
    const kit = t();
    const admin = await kit.login('admin');
    const seller = await kit.login('juan001');
    const adminWs = await listen(kit, admin);
    const sellerWs = await listen(kit, seller);
    await sleep(50);

    const delivery = await kit.platform.db.transaction().execute(async (trx) => {
      const { notify } = await import('./notify.ts');
      return notify(kit.platform, trx, {
        permission: 'platform.audit.read',
        kind: 'audit.broken',
        title: { key: 'notifications.audit_broken.title' },
        body: { key: 'notifications.audit_broken.body', values: { seq: 7, reason: 'x', checked: 6 } },
        link: '/admin/audit',
      });
    });
    // Nothing is pushed before the commit's delivery step.
    await sleep(30);
    expect(adminWs.messages.filter((m) => m.type === 'notification')).toHaveLength(0);
    await delivery.deliver();

    const [pushed] = await adminWs.waitFor('notification');
    expect(pushed.payload.unread).toBe(1);
    expect(pushed.payload.notification).toMatchObject({
      kind: 'audit.broken',
      link: '/admin/audit',
      read_at: null,
    });
    expect(pushed.payload.notification.title).toMatch(/Auditoría/);
    await sleep(50);
    expect(sellerWs.messages.filter((m) => m.type === 'notification')).toHaveLength(0);

    const list = await call(kit, admin, 'GET', '/notifications');
    expect(list.body.unread).toBe(1);
    expect(list.body.items[0].id).toBe(pushed.payload.notification.id);
    expect((await call(kit, seller, 'GET', '/notifications')).body).toMatchObject({ unread: 0, total: 0 });

    // Another user cannot mark it; the owner can, idempotently; the count is pushed to their screens.
    expect((await call(kit, seller, 'POST', `/notifications/${list.body.items[0].id}/read`)).status).toBe(
      404,
    );
    const read = await call(kit, admin, 'POST', `/notifications/${list.body.items[0].id}/read`);
    expect(read.body).toEqual({ unread: 0 });
    expect((await call(kit, admin, 'POST', `/notifications/${list.body.items[0].id}/read`)).status).toBe(200);
    const [update] = await adminWs.waitFor('notification.read');
    expect(update.payload).toEqual({ unread: 0 });
    adminWs.close();
    sellerWs.close();
  });

  it('preferencias por tipo: sin "en la aplicación" no se guarda; idioma inglés; marcar todas', async () => {
    const kit = t();
    const seller = await kit.login('juan001');
    const sellerId = await userId(kit, 'juan001');
    const prefs = await call(kit, seller, 'GET', '/notifications/preferences');
    expect(prefs.body.language).toBe('es');
    expect(prefs.body.kinds.find((k: { kind: string }) => k.kind === 'lottery.draw')).toEqual({
      kind: 'lottery.draw',
      in_app: true,
      email: true,
    });
    const saved = await call(kit, seller, 'PUT', '/notifications/preferences', {
      language: 'en',
      kinds: [{ kind: 'lottery.draw', in_app: false, email: false }],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.language).toBe('en');
    expect((await call(kit, seller, 'PUT', '/notifications/preferences', { extra: 1 })).status).toBe(400);

    await notifyNow(kit.platform, {
      userIds: [sellerId],
      kind: 'lottery.draw',
      title: 'Sorteo cerrado',
      body: 'x',
    });
    for (const i of [1, 2]) {
      await notifyNow(kit.platform, {
        userIds: [sellerId],
        kind: 'job.failed',
        title: { key: 'notifications.job_failed.title', values: { job: `j${i}` } },
        body: 'b',
      });
    }
    const list = await call(kit, seller, 'GET', '/notifications?unread=true');
    expect(list.body.unread).toBe(2);
    expect(list.body.items.map((n: { title: string }) => n.title)).toEqual([
      'The scheduled job “j2” failed',
      'The scheduled job “j1” failed',
    ]);
    expect((await call(kit, seller, 'POST', '/notifications/read-all')).body).toEqual({ unread: 0 });
    expect((await call(kit, seller, 'GET', '/notifications?unread=true')).body.total).toBe(0);
    expect((await call(kit, seller, 'GET', '/notifications')).body.total).toBe(2);
  });

  it('con correo: sin SMTP_URL el correo queda en la bandeja de salida, en el idioma del usuario', async () => {
    const kit = t();
    const adminId = await userId(kit, 'admin');
    await kit.platform.db
      .updateTable('users')
      .set({ email: 'admin@example.test' })
      .where('id', '=', adminId)
      .execute();
    const delivery = await notifyNow(kit.platform, {
      userIds: [adminId],
      kind: 'job.failed',
      title: { key: 'notifications.job_failed.title', values: { job: 'bakery.reminder' } },
      body: {
        key: 'notifications.job_failed.body',
        values: { job: 'bakery.reminder', attempts: 3, error: 'boom' },
      },
      link: '/admin/jobs',
      email: true,
    });
    expect(delivery.emails).toEqual([{ userId: adminId, to: 'admin@example.test', language: 'es' }]);
    const files = readdirSync(outboxDir(kit.platform.config.dataDir));
    const eml = readFileSync(join(outboxDir(kit.platform.config.dataDir), files.at(-1)!), 'utf8');
    expect(eml).toMatch(/To: admin@example.test/);
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(eml).toMatch(/Abrir en Matriz: \/admin\/jobs/);

    const admin = await kit.login('admin');
    const outbox = await call(kit, admin, 'GET', '/mail/outbox');
    expect(outbox.body.items[0]).toMatchObject({ to: 'admin@example.test' });
    expect(outbox.body.items[0].subject).toBe('La tarea programada “bakery.reminder” falló');
  });
});
