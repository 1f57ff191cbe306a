import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';

interface Operation {
  method: string;
  url: string;
}

/** Every operation in the OpenAPI document, with path parameters filled by `fill`. */
function operations(openapi: { paths: Record<string, Record<string, unknown>> }, fill: string): Operation[] {
  const result: Operation[] = [];
  for (const [path, methods] of Object.entries(openapi.paths)) {
    for (const method of Object.keys(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      result.push({
        method: method.toUpperCase(),
        url: path.replace(/\{[^}]+\}/g, encodeURIComponent(fill)),
      });
    }
  }
  return result;
}

const garbageBodies = [
  '{"a":',
  'null',
  '[]',
  '"texto"',
  '12',
  '{"username": 5, "password": {"$gt": ""}}',
  '{"__proto__": {"admin": true}}',
  `{"x": "${"'; DROP TABLE users; --".repeat(10)}"}`,
  JSON.stringify({ deep: JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`) }),
  JSON.stringify({ amount: 1e308, page: -1, id: null, lines: [{}] }),
];

describeEngines('entradas inválidas nunca dan 500', (t) => {
  it('el documento OpenAPI lista las rutas y /api/docs responde', async () => {
    const app = t();
    const doc = await app.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toContain('/api/v1/auth/login');
    const docs = await app.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBeLessThan(400);
  });

  it('un tipo equivocado se explica en español, sin el inglés de zod', async () => {
    const app = t();
    const juan = await app.login('juan001');
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/v1/lottery/tickets',
      headers: { cookie: juan },
      payload: { entry: 'REAL|23|10', configuration: { global_multiplier: 1, global_discount: false } },
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.details.field).toBe('body.configuration.global_discount');
    expect(error.message).not.toMatch(/Invalid input|expected|received/);
    expect(error.message).toMatch(/se esperaba número, recibido booleano/);
  });

  it('basura en cada ruta, con y sin sesión de admin: siempre 4xx con código estable', async () => {
    const app = t();
    const openapi = (await app.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const admin = await app.login('admin');
    const seen: string[] = [];
    for (const fill of ['x', '../../etc/passwd', "1' OR '1'='1", '0'.repeat(150)]) {
      for (const op of operations(openapi, fill)) {
        for (const body of garbageBodies) {
          for (const cookie of [undefined, admin]) {
            if (op.url.endsWith('/auth/logout') || op.url.endsWith('/auth/login')) continue;
            const response = await app.app.inject({
              method: op.method as 'GET',
              url: `${op.url}?page=-5&page_size=abc&from=ayer&unknown=1`,
              headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
              payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : body,
            });
            seen.push(`${op.method} ${op.url}`);
            expect(
              response.statusCode,
              `${op.method} ${op.url} ${body.slice(0, 40)} → ${response.body}`,
            ).toBeLessThan(500);
            if (response.statusCode >= 400) {
              const error = response.json().error;
              expect(error.code).toMatch(/^[A-Z_]+$/);
              expect(error.message.length).toBeGreaterThan(0);
            }
          }
        }
      }
    }
    expect(seen.length).toBeGreaterThan(50);
  });

  it('cuerpos enormes dan 413 y JSON roto da 400 INVALID_JSON', async () => {
    const app = t();
    const huge = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a'.repeat(2 * 1024 * 1024), password: 'x' }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin", ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({
      code: 'INVALID_JSON',
      message: 'El cuerpo de la solicitud no es JSON válido',
    });
  });

  it('campos desconocidos y tipos erróneos nombran el campo en español', async () => {
    const app = t();
    const admin = await app.login('admin');
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: {
        username: 'nuevo',
        full_name: 'Nuevo',
        password: 'clave-segura',
        roles: ['vendedor'],
        is_root: true,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_ERROR');
    const wrongType = await app.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: 'nuevo', full_name: 7, password: 'clave-segura', roles: ['vendedor'] },
    });
    expect(wrongType.json().error.details.field).toBe('body.full_name');
    expect(wrongType.json().error.message).toMatch(/^Datos inválidos en «nombre completo»: /);
  });

  it('un error en una línea de una venta de lotería nombra la línea con palabras', async () => {
    const app = t();
    const juan = await app.login('juan001');
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/v1/lottery/tickets',
      headers: { cookie: juan },
      payload: {
        lines: [
          { lottery_code: 'REAL', bet_number: '23', bet_amount: 10 },
          { lottery_code: 'REAL', bet_number: '45', bet_amount: -5 },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.details.field).toBe('body.lines.1.bet_amount');
    expect(error.details.issues[0].field).toBe('lines.1.bet_amount');
    expect(error.message).toMatch(/^Datos inválidos en «monto» de la línea 2: /);
    expect(error.message).not.toContain('body.');
  });

  it('un error en una línea de un pedido de panadería nombra la línea con palabras, en el idioma pedido', async () => {
    const app = t();
    const ruta = await app.login('ruta1');
    const order = (language: string) =>
      app.app.inject({
        method: 'POST',
        url: '/api/v1/bakery/documents',
        headers: { cookie: ruta, 'accept-language': language },
        payload: {
          kind: 'PD',
          lines: [
            { product_code: 'P001', quantity: 3 },
            { product_code: 'B002', quantity: 0 },
          ],
        },
      });
    const spanish = (await order('es')).json().error;
    expect(spanish.details.field).toBe('body.lines.1.quantity');
    expect(spanish.message).toMatch(/^Datos inválidos en «cantidad» de la línea 2: Demasiado pequeño/);
    const english = (await order('en')).json().error;
    expect(english.details.field).toBe('body.lines.1.quantity');
    expect(english.message).toMatch(/^Invalid data in “quantity” on line 2: Too small/);
  });

  it('el motivo de zod llega en el idioma de quien pregunta; el mensaje propio del esquema se conserva', async () => {
    const app = t();
    const admin = await app.login('admin');
    const close = (counted: number, language: string) =>
      app.app.inject({
        method: 'POST',
        url: '/api/v1/lottery/money/cash-closes',
        headers: { cookie: admin, 'accept-language': language },
        payload: { banca_id: 'x', date: '2026-01-29', counted_cash: counted, note: null },
      });
    const spanish = (await close(-1, 'es')).json().error;
    expect(spanish.details.field).toBe('body.counted_cash');
    expect(spanish.message).toMatch(/^Datos inválidos en «efectivo contado»: Demasiado pequeño/);
    const english = (await close(-1, 'en')).json().error;
    expect(english.details.reason).toMatch(/^Too small/);
    expect(english.message).toMatch(/^Invalid data in “counted cash”: Too small/);
    expect((await close(1.234, 'en')).json().error.details.reason).toBe('máximo dos decimales');
  });

  it('propiedad: cualquier cuerpo aleatorio en el login da 4xx, nunca 500', async () => {
    const app = t();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string()), async (payload) => {
        const response = await app.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload,
        });
        return response.statusCode >= 400 && response.statusCode < 500;
      }),
      { numRuns: 60 },
    );
  });

  it('una ruta inexistente da 404 ROUTE_NOT_FOUND', async () => {
    const response = await t().app.inject({ method: 'GET', url: '/api/v1/nada' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
