import { expect, it } from 'vitest';
import WebSocket from 'ws';
import { describeEngines } from '../../../test/harness.ts';

describeEngines('administración de usuarios', (t) => {
  it('crea, edita, desactiva y reactiva un usuario; todo queda auditado', async () => {
    const app = t();
    const admin = await app.login('admin');
    const created = await app.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: {
        username: 'Maria02',
        full_name: 'María Gómez',
        password: 'clave-segura',
        roles: ['vendedor'],
      },
    });
    expect(created.statusCode).toBe(201);
    const user = created.json().user;
    expect(user).toMatchObject({ username: 'maria02', roles: ['vendedor'], active: true });

    const duplicate = await app.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: 'maria02', full_name: 'Otra', password: 'clave-segura', roles: ['vendedor'] },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({
      code: 'USERNAME_TAKEN',
      message: 'El nombre de usuario «maria02» ya existe',
    });

    const edited = await app.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: { cookie: admin },
      payload: { roles: ['vendedor', 'cobrador'] },
    });
    expect(edited.json().user.roles).toEqual(['cobrador', 'vendedor']);

    const maria = await app.login('maria02', 'clave-segura');
    const off = await app.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/deactivate`,
      headers: { cookie: admin },
    });
    expect(off.json().user.active).toBe(false);
    const ended = await app.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: maria } });
    expect(ended.statusCode).toBe(401);
    const refused = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'maria02', password: 'clave-segura' },
    });
    expect(refused.json().error.code).toBe('USER_INACTIVE');

    await app.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/reactivate`,
      headers: { cookie: admin },
    });
    await expect(app.login('maria02', 'clave-segura')).resolves.toMatch(/^matriz_sid=/);

    const audit = await app.app.inject({
      method: 'GET',
      url: `/api/v1/audit?entity=user&entity_id=${user.id}`,
      headers: { cookie: admin },
    });
    const actions = audit.json().items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'deactivate', 'reactivate']));
    const update = audit.json().items.find((i: { action: string }) => i.action === 'update');
    expect(update.before.roles).toEqual(['vendedor']);
    expect(update.after.roles).toEqual(['cobrador', 'vendedor']);
  });

  it('borra para siempre solo a quien no tiene historial', async () => {
    const app = t();
    const admin = await app.login('admin');
    const fresh = (
      await app.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { cookie: admin },
        payload: {
          username: 'errata',
          full_name: 'Creado por error',
          password: 'clave-segura',
          roles: ['vendedor'],
        },
      })
    ).json().user;
    const list = await app.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=juan',
      headers: { cookie: admin },
    });
    const juan = list.json().items[0];
    expect(juan.username).toBe('juan001');
    await app.login('juan001');
    const refused = await app.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${juan.id}`,
      headers: { cookie: admin },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('USER_HAS_HISTORY');
    const deleted = await app.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${fresh.id}`,
      headers: { cookie: admin },
    });
    expect(deleted.statusCode).toBe(200);
    const gone = await app.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=errata',
      headers: { cookie: admin },
    });
    expect(gone.json().total).toBe(0);
  });

  it('un rol desconocido se rechaza sin crear nada', async () => {
    const app = t();
    const admin = await app.login('admin');
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: 'fantasma', full_name: 'X', password: 'clave-segura', roles: ['rey'] },
    });
    expect(response.json().error).toMatchObject({ code: 'UNKNOWN_ROLE', details: { role: 'rey' } });
    const list = await app.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=fantasma',
      headers: { cookie: admin },
    });
    expect(list.json().total).toBe(0);
  });

  it('el navegador viejo recibe session.ended por websocket al iniciar sesión en otro lado', async () => {
    const app = t();
    const address = await app.app.listen({ port: 0, host: '127.0.0.1' });
    const first = await app.login('supervisor1');
    const socket = new WebSocket(`${address.replace('http', 'ws')}/api/v1/ws`, {
      headers: { cookie: first },
    });
    const messages: { type: string; payload: { reason?: string } }[] = [];
    await new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        messages.push(JSON.parse(String(data)));
        if (messages.length === 1) resolve();
      });
      socket.on('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await app.login('supervisor1');
    expect(await closed).toBe(4001);
    expect(messages.at(-1)).toEqual({ type: 'session.ended', payload: { reason: 'SESSION_REPLACED' } });
  });
});
