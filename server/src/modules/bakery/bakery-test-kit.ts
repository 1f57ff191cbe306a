import type { TestApp } from '../../../test/harness.ts';

/**
 * Small helpers for the bakery API tests. Sessions are one per user, so cookies are cached per
 * application: a second login would end the first.
 */
const cookies = new WeakMap<TestApp, Map<string, string>>();

export async function cookieOf(app: TestApp, username: string): Promise<string> {
  let byUser = cookies.get(app);
  if (!byUser) {
    byUser = new Map();
    cookies.set(app, byUser);
  }
  let cookie = byUser.get(username);
  if (!cookie) {
    cookie = await app.login(username);
    byUser.set(username, cookie);
  }
  return cookie;
}

export async function call(
  app: TestApp,
  username: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const response = await app.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { cookie: await cookieOf(app, username) },
    ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
  });
  return {
    status: response.statusCode,
    body: String(response.headers['content-type'] ?? '').includes('json') ? response.json() : null,
    raw: response,
  };
}

/** A call that must succeed; returns the JSON body. */
export async function ok(
  app: TestApp,
  username: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const response = await call(app, username, method, url, payload);
  if (response.status >= 300) throw new Error(`${method} ${url} → ${response.status} ${response.raw.body}`);
  return response.body;
}

let counter = 0;
/** A unique suffix so suites sharing one database never collide on codes or usernames. */
export const unique = (prefix: string) =>
  `${prefix}${Date.now().toString(36).slice(-4)}${(counter++).toString(36)}`.toUpperCase();

export async function newSeller(
  app: TestApp,
  panaderia: number,
  bizcocheria: number,
): Promise<{ id: string; username: string }> {
  const username = unique('v').toLowerCase();
  const body = await ok(app, 'panadero', 'POST', '/bakery/sellers', {
    username,
    full_name: `Vendedor ${username}`,
    password: 'clave-segura-1',
    commission_panaderia: panaderia,
    commission_bizcocheria: bizcocheria,
  });
  return { id: body.seller.id, username };
}

export async function newProduct(
  app: TestApp,
  category: 'panaderia' | 'bizcocheria',
  price: number,
): Promise<{ id: string; code: string }> {
  const code = unique(category === 'panaderia' ? 'P' : 'B');
  const body = await ok(app, 'panadero', 'POST', '/bakery/products', {
    code,
    name: `Producto ${code}`,
    price,
    category,
  });
  return { id: body.product.id, code };
}

export async function newDocument(
  app: TestApp,
  kind: 'PD' | 'EX' | 'DV',
  sellerId: string,
  date: string,
  lines: [string, number][],
): Promise<{ id: string; code: string }> {
  const body = await ok(app, 'panadero', 'POST', '/bakery/documents', {
    kind,
    seller_id: sellerId,
    date,
    lines: lines.map(([product_code, quantity]) => ({ product_code, quantity })),
  });
  return { id: body.document.id, code: body.document.code };
}

/** A devolución already used as the day's return of a sale on its date: the next sale's devolución anterior. */
export async function usedDayReturn(
  app: TestApp,
  sellerId: string,
  date: string,
  productCode: string,
  quantity: number,
): Promise<{ id: string; code: string }> {
  const pedido = await newDocument(app, 'PD', sellerId, date, [[productCode, quantity + 10]]);
  const dayReturn = await newDocument(app, 'DV', sellerId, date, [[productCode, quantity]]);
  await ok(app, 'despacho1', 'POST', '/bakery/sales', {
    seller_id: sellerId,
    date,
    pedido_id: pedido.id,
    return_id: dayReturn.id,
  });
  return dayReturn;
}
