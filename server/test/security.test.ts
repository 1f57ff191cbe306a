import { expect, it } from 'vitest';
import { describeEngines } from './harness.ts';

describeEngines('revisión de seguridad', (t) => {
  it('fijación de sesión: una cookie impuesta antes del login no sirve; el login emite otra', async () => {
    const app = t();
    const planted = 'matriz_sid=valor-impuesto-por-un-atacante';
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: planted },
      payload: { username: 'juan001', password: 'demo1234' },
    });
    const issued = response.cookies.find((c) => c.name === 'matriz_sid')!.value;
    expect(issued).not.toBe('valor-impuesto-por-un-atacante');
    expect(issued.length).toBeGreaterThanOrEqual(40);
    const withPlanted = await app.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: planted },
    });
    expect(withPlanted.statusCode).toBe(401);
  });

  it('encabezados de seguridad en la API y en la web', async () => {
    const response = await t().app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(String(response.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(response.headers['referrer-policy']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('política de contraseñas: menos de 8 caracteres se rechaza nombrando el campo', async () => {
    const app = t();
    const admin = await app.login('admin');
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: 'corta', full_name: 'Clave Corta', password: '1234567', roles: ['vendedor'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.field).toBe('body.password');
  });

  it('inyección SQL en campos de texto: se guarda como texto y no altera nada', async () => {
    const app = t();
    const admin = await app.login('admin');
    const name = "Robert'); DROP TABLE users; --";
    const created = await app.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: 'bobby', full_name: name, password: 'clave-segura', roles: ['vendedor'] },
    });
    expect(created.statusCode).toBe(201);
    const found = await app.app.inject({
      method: 'GET',
      url: `/api/v1/users?q=${encodeURIComponent("' OR '1'='1")}`,
      headers: { cookie: admin },
    });
    expect(found.statusCode).toBe(200);
    expect(found.json().total).toBe(0);
    const back = await app.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=bobby',
      headers: { cookie: admin },
    });
    expect(back.json().items[0].full_name).toBe(name);
  });

  it('JSON profundamente anidado o gigante se rechaza con 4xx', async () => {
    const app = t();
    const admin = await app.login('admin');
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const nested = await app.app.inject({
      method: 'POST',
      url: '/api/v1/lottery/tickets/validate',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: deep,
    });
    expect(nested.statusCode).toBeGreaterThanOrEqual(400);
    expect(nested.statusCode).toBeLessThan(500);
  });

  it('subidas: un nombre de archivo con ruta o un contenido que no es imagen se rechaza', async () => {
    const app = t();
    const panadero = await app.login('panadero');
    const traversal = await app.app.inject({
      method: 'PUT',
      url: '/api/v1/bakery/settings/logo',
      headers: { cookie: panadero },
      payload: {
        filename: '../../etc/passwd',
        mime: 'image/png',
        data_base64: Buffer.from('x').toString('base64'),
      },
    });
    expect(traversal.statusCode).toBeGreaterThanOrEqual(400);
    expect(traversal.statusCode).toBeLessThan(500);
    const notPng = await app.app.inject({
      method: 'PUT',
      url: '/api/v1/bakery/settings/logo',
      headers: { cookie: panadero },
      payload: {
        filename: 'logo.png',
        mime: 'image/png',
        data_base64: Buffer.from('<script>alert(1)</script>').toString('base64'),
      },
    });
    expect(notPng.statusCode).toBeGreaterThanOrEqual(400);
    expect(notPng.statusCode).toBeLessThan(500);
  });

  it('el límite de intentos de inicio de sesión por IP responde 429 con código estable', async () => {
    const app = t();
    let last = 0;
    let code = '';
    for (let i = 0; i < 110; i++) {
      const response = await app.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { username: `nadie${i}`, password: 'x' },
      });
      last = response.statusCode;
      code = response.json().error.code;
    }
    expect(last).toBe(429);
    expect(code).toBe('RATE_LIMITED');
  });
});
