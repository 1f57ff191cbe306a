import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBasketCode } from '@matriz/shared/bakery/basket-code';
import { toCents } from '@matriz/shared/money';
import { expect, it } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { describeEngines } from '../../../test/harness.ts';
import { call, cookieOf, newSeller, ok, unique } from './bakery-test-kit.ts';

const RULE = { prefix: 'CAN', length: 8, checkDigit: 'luhn' as const };
let serial = 1000;
/** A valid code no demo basket uses (the demo holds CAN0001…CAN0040). */
const freshCode = () => makeBasketCode(RULE, serial++);

const scan = (app: TestApp, user: string, code: string, sellerId: string, movement: 'sale' | 'entra') =>
  call(app, user, 'POST', '/bakery/baskets/scan', { code, seller_id: sellerId, movement });

async function basketByCode(app: TestApp, code: string) {
  const list = await ok(app, 'panadero', 'GET', `/bakery/baskets?code=${code}`);
  return list.items[0];
}

/** A fresh session (the kit caches one per user; after moving the clock they have expired). */
async function session(app: TestApp, username: string, password?: string) {
  const cookie = await app.login(username, password);
  return async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => {
    const response = await app.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie },
      ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
    });
    return { status: response.statusCode, body: response.json() };
  };
}

async function runLostJob(app: TestApp) {
  const job = app.jobs.find((j) => j.name === 'bakery.baskets.mark-lost');
  if (!job) throw new Error('job bakery.baskets.mark-lost not registered');
  return (await job.run(app.platform, {
    now: app.clock.now(),
    runId: 'test',
    attempt: 1,
    trigger: 'manual',
    instanceId: 'test',
  })) as { marked: number; cutoff: string };
}

describeEngines('canastas: escaneo, rechazos, deshacer, perdidas, reportes y concurrencia', (t) => {
  it('un código válido desconocido se registra en su primer escaneo; sale y entra quedan en el historial', async () => {
    const app = t();
    const seller = await newSeller(app, 10, 10);
    const code = freshCode();
    const lent = await ok(app, 'despacho1', 'POST', '/bakery/baskets/scan', {
      code: ` ${code.toLowerCase()} `,
      seller_id: seller.id,
      movement: 'sale',
    });
    expect(lent.registered).toBe(true);
    expect(lent.basket).toMatchObject({
      code,
      status: 'prestada',
      holder_id: seller.id,
      lent_date: '2026-01-29',
      auto_registered: true,
    });
    expect(lent.movement).toMatchObject({ kind: 'sale', seller_id: seller.id, username: 'despacho1' });

    const back = await ok(app, 'despacho1', 'POST', '/bakery/baskets/scan', {
      code,
      seller_id: seller.id,
      movement: 'entra',
    });
    expect(back.registered).toBe(false);
    expect(back.basket).toMatchObject({ status: 'disponible', holder_id: null });

    const again = await ok(app, 'panadero', 'POST', '/bakery/baskets/scan', {
      code,
      seller_id: seller.id,
      movement: 'sale',
    });
    expect(again.registered).toBe(false);
    const detail = await ok(app, 'despacho1', 'GET', `/bakery/baskets/${lent.basket.id}`);
    expect(detail.movements.map((m: { kind: string; username: string }) => [m.kind, m.username])).toEqual([
      ['sale', 'despacho1'],
      ['entra', 'despacho1'],
      ['sale', 'panadero'],
    ]);
    const audit = await ok(app, 'admin', 'GET', `/audit?entity=bakery_basket&entity_id=${lent.basket.id}`);
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual([
      'lend',
      'lend',
      'register',
      'return',
    ]);
  });

  it('rechaza códigos que no cumplen la regla, con la razón, sin registrar nada', async () => {
    const app = t();
    const seller = await newSeller(app, 10, 10);
    const good = freshCode();
    const badCheck = `${good.slice(0, 7)}${(Number(good[7]) + 1) % 10}`;
    const cases: [string, string, unknown][] = [
      [`XYZ${good.slice(3)}`, 'prefix', 'CAN'],
      [`${good}0`, 'length', 8],
      [badCheck, 'check_digit', Number(good[7])],
      ['CAN0A012', 'characters', 'digits'],
    ];
    for (const [code, reason, expected] of cases) {
      const refused = await scan(app, 'despacho1', code, seller.id, 'sale');
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'BASKET_CODE_INVALID',
        details: { reason, expected },
      });
      expect(refused.body.error.message).toContain('no es un código de canasta válido');
    }
    const english = await app.app.inject({
      method: 'POST',
      url: '/api/v1/bakery/baskets/scan',
      headers: { cookie: await cookieOf(app, 'despacho1'), 'accept-language': 'en' },
      payload: { code: badCheck, seller_id: seller.id, movement: 'sale' },
    });
    expect(english.json().error.message).toContain('is not a valid basket code');
    const list = await ok(app, 'panadero', 'GET', `/bakery/baskets?code=${badCheck}`);
    expect(list.total).toBe(0);

    // The operator changes the rule: the same code now passes.
    await ok(app, 'panadero', 'PUT', '/bakery/baskets/settings', {
      code_prefix: 'xyz',
      code_length: null,
      check_digit: 'none',
      lost_after_days: 7,
      default_charge: 25000,
    });
    expect(await ok(app, 'despacho1', 'GET', '/bakery/baskets/settings')).toMatchObject({
      code_prefix: 'XYZ',
      code_length: null,
    });
    expect((await scan(app, 'despacho1', `XYZ${good.slice(3)}`, seller.id, 'sale')).status).toBe(200);
    expect((await scan(app, 'despacho1', good, seller.id, 'sale')).body.error.details.reason).toBe('prefix');
    const semi = await call(app, 'despacho1', 'PUT', '/bakery/baskets/settings', {
      code_prefix: 'CAN',
      code_length: 8,
      check_digit: 'luhn',
      lost_after_days: 7,
      default_charge: 25000,
    });
    expect(semi.status).toBe(403);
    const tooShort = await call(app, 'panadero', 'PUT', '/bakery/baskets/settings', {
      code_prefix: 'CANASTA',
      code_length: 8,
      check_digit: 'luhn',
      lost_after_days: 7,
      default_charge: 25000,
    });
    expect(tooShort.body.error.code).toBe('BASKET_RULE_INVALID');
    await ok(app, 'panadero', 'PUT', '/bakery/baskets/settings', {
      code_prefix: 'CAN',
      code_length: 8,
      check_digit: 'luhn',
      lost_after_days: 7,
      default_charge: 25000,
    });
  });

  it('prestar una canasta ya prestada, recibir una no prestada o de otro vendedor: rechazos con nombre', async () => {
    const app = t();
    const ana = await newSeller(app, 10, 10);
    const beto = await newSeller(app, 10, 10);
    const code = freshCode();
    await ok(app, 'despacho1', 'POST', '/bakery/baskets/scan', { code, seller_id: ana.id, movement: 'sale' });

    const taken = await scan(app, 'despacho1', code, beto.id, 'sale');
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({
      code: 'BASKET_NOT_AVAILABLE',
      details: { code, status: 'prestada', holder: `Vendedor ${ana.username}`, holder_id: ana.id },
    });
    expect(taken.body.error.message).toContain(`Vendedor ${ana.username}`);

    const other = await scan(app, 'despacho1', code, beto.id, 'entra');
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({
      code: 'BASKET_OTHER_SELLER',
      details: { code, holder: `Vendedor ${ana.username}`, seller: `Vendedor ${beto.username}` },
    });

    await ok(app, 'despacho1', 'POST', '/bakery/baskets/scan', {
      code,
      seller_id: ana.id,
      movement: 'entra',
    });
    const notLent = await scan(app, 'despacho1', code, ana.id, 'entra');
    expect(notLent.status).toBe(409);
    expect(notLent.body.error).toMatchObject({
      code: 'BASKET_NOT_LENT',
      details: { code, status: 'disponible' },
    });

    // An unknown (valid) code scanned as a return: refused and not registered.
    const unknown = freshCode();
    const unknownReturn = await scan(app, 'despacho1', unknown, ana.id, 'entra');
    expect(unknownReturn.body.error.code).toBe('BASKET_NOT_LENT');
    expect((await ok(app, 'panadero', 'GET', `/bakery/baskets?code=${unknown}`)).total).toBe(0);

    const basket = await basketByCode(app, code);
    expect(basket).toMatchObject({ status: 'disponible', holder_id: null });
    const history = await ok(app, 'despacho1', 'GET', `/bakery/baskets/${basket.id}`);
    expect(history.movements).toHaveLength(2);

    // Scope and input: a route seller cannot scan; unknown fields and sellers are refused.
    expect((await scan(app, 'ruta1', freshCode(), ana.id, 'sale')).status).toBe(403);
    const extra = await call(app, 'despacho1', 'POST', '/bakery/baskets/scan', {
      code: freshCode(),
      seller_id: ana.id,
      movement: 'sale',
      holder: 'x',
    });
    expect(extra.status).toBe(400);
    const badMove = await call(app, 'despacho1', 'POST', '/bakery/baskets/scan', {
      code: freshCode(),
      seller_id: ana.id,
      movement: 'presta',
    });
    expect(badMove.status).toBe(400);
    expect((await scan(app, 'despacho1', freshCode(), 'no-such-seller', 'sale')).status).toBe(404);
    await ok(app, 'panadero', 'PATCH', `/bakery/sellers/${beto.id}`, { active: false });
    const inactive = await scan(app, 'despacho1', freshCode(), beto.id, 'sale');
    expect(inactive.body.error.code).toBe('SELLER_INACTIVE');
  });

  it('deshacer: solo el último escaneo propio, de los últimos 2 minutos, una sola vez; si no, lo rechaza', async () => {
    const app = t();
    const seller = await newSeller(app, 10, 10);
    const [a, b, c, d, e] = [freshCode(), freshCode(), freshCode(), freshCode(), freshCode()];
    const lend = async (user: string, code: string) =>
      (await ok(app, user, 'POST', '/bakery/baskets/scan', { code, seller_id: seller.id, movement: 'sale' }))
        .movement.id as string;
    const undo = (user: string, movementId: string) =>
      call(app, user, 'POST', '/bakery/baskets/scan/undo', { movement_id: movementId });
    const scanA = await lend('despacho1', a);
    const scanB = await lend('despacho1', b);

    // An older scan is not the last one: refused, `a` stays lent.
    const older = await undo('despacho1', scanA);
    expect(older.status).toBe(409);
    expect(older.body.error).toMatchObject({ code: 'SCAN_UNDO_NOT_LAST', details: { code: a } });
    expect(older.body.error.message).toContain(a);

    const undone = await undo('despacho1', scanB);
    expect(undone.status).toBe(200);
    expect(undone.body.movement).toMatchObject({ basket_code: b, kind: 'sale', undone: true });
    expect(undone.body.basket).toMatchObject({ code: b, status: 'disponible', holder_id: null });
    // One level only: tapping again neither repeats it nor walks back to `a`.
    const again = await undo('despacho1', scanB);
    expect(again.body.error).toMatchObject({ code: 'SCAN_UNDO_ALREADY', details: { code: b } });
    expect((await undo('despacho1', scanA)).body.error.code).toBe('SCAN_UNDO_NOT_LAST');
    expect(await basketByCode(app, a)).toMatchObject({ status: 'prestada', holder_id: seller.id });

    // Another user's scan is never theirs to undo.
    await lend('panadero', e);
    const foreign = await undo('panadero', scanA);
    expect(foreign.body.error.code).toBe('SCAN_UNDO_NOT_LAST');
    expect(await basketByCode(app, a)).toMatchObject({ status: 'prestada' });

    // Lend `c`, another user takes it back: the first user's undo is stale.
    const scanC = await lend('despacho1', c);
    const returned = await ok(app, 'panadero', 'POST', '/bakery/baskets/scan', {
      code: c,
      seller_id: seller.id,
      movement: 'entra',
    });
    const stale = await undo('despacho1', scanC);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'SCAN_UNDO_STALE', details: { code: c } });
    expect(await basketByCode(app, c)).toMatchObject({ status: 'disponible' });

    // The return by panadero can be undone: the basket is lent again to the seller.
    const back = await ok(app, 'panadero', 'POST', '/bakery/baskets/scan/undo', {
      movement_id: returned.movement.id,
    });
    expect(back.basket).toMatchObject({
      code: c,
      status: 'prestada',
      holder_id: seller.id,
      lent_date: '2026-01-29',
    });
    const history = await ok(app, 'panadero', 'GET', `/bakery/baskets/${back.basket.id}`);
    expect(history.movements.map((m: { kind: string; undone: boolean }) => [m.kind, m.undone])).toEqual([
      ['sale', false],
      ['entra', true],
    ]);
    const audit = await ok(
      app,
      'admin',
      'GET',
      `/audit?entity=bakery_basket&action=undo_scan&entity_id=${back.basket.id}`,
    );
    expect(audit.total).toBe(1);

    // Past the window the scan stays as it is.
    const scanD = await lend('despacho1', d);
    app.clock.advance(2 * 60_000 + 1_000);
    const late = await undo('despacho1', scanD);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'SCAN_UNDO_EXPIRED', details: { code: d, minutes: 2 } });
    expect(late.body.error.message).toContain('2 minutos');
    expect(await basketByCode(app, d)).toMatchObject({ status: 'prestada' });

    // A user who never scanned has nothing to undo; the movement must be named.
    const nothing = await undo('admin', scanD);
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.code).toBe('SCAN_NOTHING_TO_UNDO');
    expect((await call(app, 'despacho1', 'POST', '/bakery/baskets/scan/undo', {})).status).toBe(400);
  });

  it('cambiar la regla de códigos no impide recibir ni prestar las canastas ya registradas', async () => {
    const app = t();
    const seller = await newSeller(app, 10, 10);
    const lentCode = freshCode();
    const idleCode = freshCode();
    await ok(app, 'despacho1', 'POST', '/bakery/baskets/scan', {
      code: lentCode,
      seller_id: seller.id,
      movement: 'sale',
    });
    await ok(app, 'panadero', 'POST', '/bakery/baskets', { code: idleCode });
    const rule = { code_prefix: 'CAN', check_digit: 'luhn', lost_after_days: 7, default_charge: 25000 };
    await ok(app, 'panadero', 'PUT', '/bakery/baskets/settings', { ...rule, code_length: 10 });
    try {
      const back = await scan(app, 'despacho1', lentCode, seller.id, 'entra');
      expect(back.status).toBe(200);
      expect(back.body.basket).toMatchObject({ code: lentCode, status: 'disponible' });
      expect((await scan(app, 'despacho1', idleCode, seller.id, 'sale')).status).toBe(200);
      // Only a code never seen before must follow the new rule.
      const unknown = await scan(app, 'despacho1', freshCode(), seller.id, 'sale');
      expect(unknown.status).toBe(422);
      expect(unknown.body.error).toMatchObject({
        code: 'BASKET_CODE_INVALID',
        details: { reason: 'length', expected: 10 },
      });
      const longCode = makeBasketCode({ prefix: 'CAN', length: 10, checkDigit: 'luhn' }, serial++);
      expect((await scan(app, 'despacho1', longCode, seller.id, 'sale')).body.registered).toBe(true);
    } finally {
      await ok(app, 'panadero', 'PUT', '/bakery/baskets/settings', { ...rule, code_length: 8 });
    }
  });

  it('reportes: cierre del día por vendedor, afuera, historial; Excel y PDF; panel del vendedor', async () => {
    const app = t();
    const seller = await newSeller(app, 10, 10);
    const codes = Array.from({ length: 5 }, freshCode);
    for (const code of codes)
      await ok(app, 'despacho1', 'POST', '/bakery/baskets/scan', {
        code,
        seller_id: seller.id,
        movement: 'sale',
      });
    for (const code of codes.slice(0, 3))
      await ok(app, 'despacho1', 'POST', '/bakery/baskets/scan', {
        code,
        seller_id: seller.id,
        movement: 'entra',
      });

    const day = await ok(
      app,
      'despacho1',
      'GET',
      `/bakery/baskets/report?kind=day&date=2026-01-29&seller_id=${seller.id}`,
    );
    expect(day.rows).toEqual([
      expect.objectContaining({ seller_id: seller.id, lent: 5, returned: 3, out: 2, lost: 0, charged: 0 }),
    ]);
    const all = await ok(app, 'panadero', 'GET', '/bakery/baskets/report?kind=day&date=2026-01-29');
    expect(all.rows.length).toBeGreaterThan(1);

    const out = await ok(app, 'despacho1', 'GET', `/bakery/baskets/report?kind=out&seller_id=${seller.id}`);
    expect(out.rows.map((r: { code: string }) => r.code).sort()).toEqual(codes.slice(3).sort());

    const history = await ok(app, 'despacho1', 'GET', `/bakery/baskets/report?kind=history&code=${codes[0]}`);
    expect(history.rows).toHaveLength(2);
    expect(history.rows[0].movement).toContain('Sale');
    const missing = await call(app, 'despacho1', 'GET', '/bakery/baskets/report?kind=history');
    expect(missing.status).toBe(422);

    const xlsx = await call(app, 'despacho1', 'GET', '/bakery/baskets/report?kind=day&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await call(app, 'despacho1', 'GET', '/bakery/baskets/report?kind=lost&format=pdf');
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The demo's ruta2 holds five baskets: the panel hook and the own endpoint agree.
    const own = await ok(app, 'ruta2', 'GET', '/bakery/baskets/own');
    expect(own.out_count).toBe(5);
    expect(own.lost_count).toBe(0);
    const panel = await ok(app, 'ruta2', 'GET', '/bakery/panel/own');
    expect(panel.baskets_lent).toBe(5);
    expect((await ok(app, 'ruta1', 'GET', '/bakery/panel/own')).baskets_lent).toBe(0);
    expect((await call(app, 'ruta1', 'GET', '/bakery/baskets/report?kind=day')).status).toBe(403);
  });

  it('200 escaneos paralelos de canastas distintas: 200 préstamos, ni uno doble', async () => {
    const app = t();
    const seller = await newSeller(app, 10, 10);
    const cookie = await cookieOf(app, 'despacho1');
    const codes = Array.from({ length: 200 }, freshCode);
    const responses = await Promise.all(
      codes.map((code) =>
        app.app.inject({
          method: 'POST',
          url: '/api/v1/bakery/baskets/scan',
          headers: { cookie },
          payload: { code, seller_id: seller.id, movement: 'sale' },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(200).fill(200));
    const out = await ok(app, 'panadero', 'GET', `/bakery/baskets?seller_id=${seller.id}&page_size=500`);
    expect(out.total).toBe(200);
    expect(out.items.every((b: { status: string }) => b.status === 'prestada')).toBe(true);
    const day = await ok(app, 'panadero', 'GET', `/bakery/baskets/report?kind=day&seller_id=${seller.id}`);
    expect(day.rows[0]).toMatchObject({ lent: 200, out: 200 });
  });

  it('20 devoluciones paralelas de la misma canasta: una entra, 19 rechazadas; 20 préstamos paralelos de un código nuevo: uno', async () => {
    const app = t();
    const seller = await newSeller(app, 10, 10);
    const other = await newSeller(app, 10, 10);
    const code = freshCode();
    await ok(app, 'despacho1', 'POST', '/bakery/baskets/scan', {
      code,
      seller_id: seller.id,
      movement: 'sale',
    });
    const cookies = [await cookieOf(app, 'despacho1'), await cookieOf(app, 'panadero')];
    const returns = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.app.inject({
          method: 'POST',
          url: '/api/v1/bakery/baskets/scan',
          headers: { cookie: cookies[i % 2] },
          payload: { code, seller_id: seller.id, movement: 'entra' },
        }),
      ),
    );
    expect(returns.map((r) => r.statusCode).sort()).toEqual([200, ...Array(19).fill(409)]);
    expect(
      returns.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'BASKET_NOT_LENT'),
    ).toBe(true);
    const basket = await basketByCode(app, code);
    expect(basket).toMatchObject({ status: 'disponible', holder_id: null });
    const history = await ok(app, 'panadero', 'GET', `/bakery/baskets/${basket.id}`);
    expect(history.movements.map((m: { kind: string }) => m.kind)).toEqual(['sale', 'entra']);

    const brandNew = freshCode();
    const lends = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.app.inject({
          method: 'POST',
          url: '/api/v1/bakery/baskets/scan',
          headers: { cookie: cookies[i % 2] },
          payload: { code: brandNew, seller_id: i % 2 ? seller.id : other.id, movement: 'sale' },
        }),
      ),
    );
    expect(lends.map((r) => r.statusCode).sort()).toEqual([200, ...Array(19).fill(409)]);
    const winner = lends.find((r) => r.statusCode === 200)!.json();
    expect(winner.registered).toBe(true);
    const lent = await basketByCode(app, brandNew);
    expect(lent).toMatchObject({ status: 'prestada', holder_id: winner.basket.holder_id });
    const lentHistory = await ok(app, 'panadero', 'GET', `/bakery/baskets/${lent.id}`);
    expect(lentHistory.movements).toHaveLength(1);
  });

  it('el trabajo diario marca perdidas las prestadas 7 días o más; el admin cobra o da de baja', async () => {
    const app = t();
    const seller = await newSeller(app, 10, 10);
    const [old, recent, spare] = [freshCode(), freshCode(), freshCode()];
    await ok(app, 'despacho1', 'POST', '/bakery/baskets/scan', {
      code: old,
      seller_id: seller.id,
      movement: 'sale',
    });
    await ok(app, 'panadero', 'POST', '/bakery/baskets', { code: spare, colour: 'azul', size: 'grande' });
    const oldBasket = await basketByCode(app, old);
    const notLost = await call(app, 'panadero', 'POST', `/bakery/baskets/${oldBasket.id}/charge`, {});
    expect(notLost.body.error).toMatchObject({ code: 'BASKET_NOT_LOST', details: { status: 'prestada' } });

    // Time moves on: idle sessions expire, so every step signs in afresh.
    const at = async (instant: string) => {
      app.clock.set(instant);
      const admin = await session(app, 'panadero');
      const despacho = await session(app, 'despacho1');
      return { admin, despacho };
    };
    let { admin, despacho } = await at('2026-01-30T14:00:00Z');
    await despacho('POST', '/bakery/baskets/scan', { code: recent, seller_id: seller.id, movement: 'sale' });

    ({ admin, despacho } = await at('2026-02-04T14:00:00Z'));
    expect((await runLostJob(app)).cutoff).toBe('2026-01-28');
    expect((await admin('GET', `/bakery/baskets/${oldBasket.id}`)).body.basket.status).toBe('prestada');

    ({ admin, despacho } = await at('2026-02-05T10:00:00Z'));
    const run = await runLostJob(app);
    expect(run.cutoff).toBe('2026-01-29');
    expect(run.marked).toBeGreaterThanOrEqual(1);
    expect((await runLostJob(app)).marked).toBe(0);
    const lost = (await admin('GET', `/bakery/baskets/${oldBasket.id}`)).body;
    expect(lost.basket).toMatchObject({ status: 'perdida', holder_id: seller.id, days_out: 7 });
    expect(lost.movements.map((m: { kind: string; username: string }) => [m.kind, m.username])).toEqual([
      ['sale', 'despacho1'],
      ['perdida', 'sistema'],
    ]);
    const recentNow = await despacho('GET', `/bakery/baskets?code=${recent}`);
    expect(recentNow.body.items[0]).toMatchObject({ status: 'prestada', days_out: 6 });
    const lostLend = await despacho('POST', '/bakery/baskets/scan', {
      code: old,
      seller_id: seller.id,
      movement: 'sale',
    });
    expect(lostLend.body.error).toMatchObject({
      code: 'BASKET_NOT_AVAILABLE',
      details: { status: 'perdida' },
    });
    const lostList = await admin('GET', `/bakery/baskets/report?kind=lost&seller_id=${seller.id}`);
    expect(lostList.body.rows.map((r: { code: string }) => r.code)).toEqual([old]);

    // Only bakery.baskets.manage charges; the default amount applies.
    expect((await despacho('POST', `/bakery/baskets/${oldBasket.id}/charge`, {})).status).toBe(403);
    const charged = (await admin('POST', `/bakery/baskets/${oldBasket.id}/charge`, { note: 'ruta' })).body;
    expect(charged.basket).toMatchObject({ status: 'cobrada', charged: 25000, holder_id: seller.id });
    expect(charged.movement).toMatchObject({ kind: 'cobrada', amount: 25000, seller_id: seller.id });
    const twice = await admin('POST', `/bakery/baskets/${oldBasket.id}/charge`, { amount: 1 });
    expect(twice.body.error).toMatchObject({ code: 'BASKET_NOT_LOST', details: { status: 'cobrada' } });
    const day = await admin('GET', `/bakery/baskets/report?kind=day&seller_id=${seller.id}`);
    expect(day.body.rows[0]).toMatchObject({ charged: 25000, credited: 0, out: 1, lost: 0 });
    const chargedList = await admin('GET', `/bakery/baskets/report?kind=lost&seller_id=${seller.id}`);
    expect(chargedList.body.rows[0]).toMatchObject({ code: old, status_key: 'cobrada', charged: 25000 });

    // A lost basket that turns up with its seller is taken back.
    ({ admin, despacho } = await at('2026-02-06T10:00:00Z'));
    await runLostJob(app);
    const seller2 = await session(app, seller.username, 'clave-segura-1');
    const own = await seller2('GET', '/bakery/baskets/own');
    expect(own.body).toMatchObject({ out_count: 0, lost_count: 1 });
    expect(own.body.lost[0]).toMatchObject({ code: recent, days_out: 7 });
    const found = await despacho('POST', '/bakery/baskets/scan', {
      code: recent,
      seller_id: seller.id,
      movement: 'entra',
    });
    expect(found.body.basket).toMatchObject({ status: 'disponible', lost_at: null });

    // Write-off: a broken basket at the bakery; a lent one is refused.
    const spareBasket = (await admin('GET', `/bakery/baskets?code=${spare}`)).body.items[0];
    expect(spareBasket).toMatchObject({ colour: 'azul', size: 'grande', auto_registered: false });
    const off = await admin('POST', `/bakery/baskets/${spareBasket.id}/write-off`, { reason: 'rota' });
    expect(off.body.basket.status).toBe('baja');
    const offLend = await despacho('POST', '/bakery/baskets/scan', {
      code: spare,
      seller_id: seller.id,
      movement: 'sale',
    });
    expect(offLend.body.error.code).toBe('BASKET_NOT_AVAILABLE');
    await despacho('POST', '/bakery/baskets/scan', { code: recent, seller_id: seller.id, movement: 'sale' });
    const lentOff = await admin('POST', `/bakery/baskets/${found.body.basket.id}/write-off`, {
      reason: 'rota',
    });
    expect(lentOff.body.error).toMatchObject({ code: 'BASKET_NOT_LOST', details: { status: 'prestada' } });
    expect((await admin('POST', '/bakery/baskets', { code: spare })).body.error.code).toBe(
      'BASKET_CODE_TAKEN',
    );
    expect((await admin('POST', '/bakery/baskets/nope/charge', {})).status).toBe(404);
  });

  it('una canasta cobrada o dada de baja que vuelve se recibe: el cobro se abona al centavo, una vez, auditado', async () => {
    const app = t();
    const [charged, writtenOff, broken] = [freshCode(), freshCode(), freshCode()];
    const at = async (instant: string) => {
      app.clock.set(instant);
      return { admin: await session(app, 'panadero'), despacho: await session(app, 'despacho1') };
    };
    let { admin, despacho } = await at('2026-02-10T14:00:00Z');
    const newRouteSeller = async () => {
      const username = unique('v').toLowerCase();
      const created = await admin('POST', '/bakery/sellers', {
        username,
        full_name: `Vendedor ${username}`,
        password: 'clave-segura-1',
        commission_panaderia: 10,
        commission_bizcocheria: 10,
      });
      return { id: created.body.seller.id as string, username };
    };
    const seller = await newRouteSeller();
    const other = await newRouteSeller();
    const back = (code: string, sellerId = seller.id) => ({ code, seller_id: sellerId, movement: 'entra' });
    const dayRow = async (date: string) =>
      (await admin('GET', `/bakery/baskets/report?kind=day&date=${date}&seller_id=${seller.id}`)).body
        .rows[0];
    /** What the seller owes for baskets: every movement's amount not undone, in cents. */
    const owed = async (basketId: string) =>
      (await admin('GET', `/bakery/baskets/${basketId}`)).body.movements
        .filter((m: { undone: boolean; amount: number | null }) => !m.undone && m.amount !== null)
        .reduce((sum: number, m: { amount: number }) => sum + (toCents(m.amount) ?? Number.NaN), 0);

    for (const code of [charged, writtenOff]) {
      await despacho('POST', '/bakery/baskets/scan', { code, seller_id: seller.id, movement: 'sale' });
    }
    await admin('POST', '/bakery/baskets', { code: broken });

    ({ admin, despacho } = await at('2026-02-17T10:00:00Z'));
    await runLostJob(app);
    const basket = (await admin('GET', `/bakery/baskets?code=${charged}`)).body.items[0];
    const lostOne = (await admin('GET', `/bakery/baskets?code=${writtenOff}`)).body.items[0];
    const brokenOne = (await admin('GET', `/bakery/baskets?code=${broken}`)).body.items[0];
    expect([basket.status, lostOne.status]).toEqual(['perdida', 'perdida']);
    const charge = await admin('POST', `/bakery/baskets/${basket.id}/charge`, { amount: 18500.55 });
    expect(charge.body.basket).toMatchObject({ status: 'cobrada', charged: 18500.55 });
    expect(
      (await admin('POST', `/bakery/baskets/${lostOne.id}/write-off`, { reason: 'no apareció' })).status,
    ).toBe(200);
    expect(
      (await admin('POST', `/bakery/baskets/${brokenOne.id}/write-off`, { reason: 'rota' })).status,
    ).toBe(200);
    expect(await dayRow('2026-02-17')).toMatchObject({ charged: 18500.55, credited: 0 });
    expect(await owed(basket.id)).toBe(1_850_055);

    // Days later the charged basket turns up: only with the seller it was charged to.
    ({ admin, despacho } = await at('2026-02-19T15:00:00Z'));
    const wrong = await despacho('POST', '/bakery/baskets/scan', back(charged, other.id));
    expect(wrong.status).toBe(409);
    expect(wrong.body.error).toMatchObject({
      code: 'BASKET_OTHER_SELLER',
      details: { code: charged, holder_id: seller.id },
    });
    expect(wrong.body.error.message).toContain(`Vendedor ${seller.username}`);

    // Ten scans at once: one return, one credit.
    const tries = await Promise.all(
      Array.from({ length: 10 }, () => despacho('POST', '/bakery/baskets/scan', back(charged))),
    );
    const taken = tries.filter((r) => r.status === 200);
    expect(taken).toHaveLength(1);
    expect(tries.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(
      Array(9).fill('BASKET_NOT_LENT'),
    );
    const returned = taken[0].body;
    expect(returned.previous_status).toBe('cobrada');
    expect(returned.basket).toMatchObject({
      status: 'disponible',
      holder_id: null,
      lost_at: null,
      charged: null,
      closed_at: null,
    });
    expect(returned.movement).toMatchObject({ kind: 'entra', amount: -18500.55, seller_id: seller.id });
    expect(await owed(basket.id)).toBe(0);
    expect(await dayRow('2026-02-19')).toMatchObject({ returned: 1, charged: 0, credited: 18500.55 });
    expect(await dayRow('2026-02-17')).toMatchObject({ charged: 18500.55, credited: 0 });
    const lostReport = (await admin('GET', `/bakery/baskets/report?kind=lost&seller_id=${seller.id}`)).body;
    expect(lostReport.rows.map((r: { code: string }) => r.code)).not.toContain(charged);
    const auditor = await session(app, 'admin');
    const audit = (await auditor('GET', `/audit?entity=bakery_basket&action=recover&entity_id=${basket.id}`))
      .body;
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].before).toMatchObject({ status: 'cobrada', charged_cents: 1_850_055 });
    expect(audit.items[0].after).toMatchObject({
      status: 'disponible',
      seller_id: seller.id,
      credited_cents: 1_850_055,
    });

    // A mistaken scan undone: the charge stands again, exactly as it was, and nothing is credited.
    const undone = await despacho('POST', '/bakery/baskets/scan/undo', { movement_id: returned.movement.id });
    expect(undone.status).toBe(200);
    expect(undone.body.basket).toMatchObject({
      status: 'cobrada',
      holder_id: seller.id,
      charged: 18500.55,
      closed_at: charge.body.basket.closed_at,
      lost_at: charge.body.basket.lost_at,
    });
    expect(await owed(basket.id)).toBe(1_850_055);
    // Nothing left that day: no return, no credit.
    expect(await dayRow('2026-02-19')).toBeUndefined();

    // Received again for real; the basket lends like any other.
    expect((await despacho('POST', '/bakery/baskets/scan', back(charged))).body.movement.amount).toBe(
      -18500.55,
    );
    expect(await owed(basket.id)).toBe(0);
    expect(await dayRow('2026-02-19')).toMatchObject({ returned: 1, credited: 18500.55 });
    const lent = await despacho('POST', '/bakery/baskets/scan', {
      code: charged,
      seller_id: other.id,
      movement: 'sale',
    });
    expect(lent.body.basket).toMatchObject({ status: 'prestada', holder_id: other.id });

    // Written off while lost: it comes back with its seller, with nothing to credit.
    const found = await despacho('POST', '/bakery/baskets/scan', back(writtenOff));
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      previous_status: 'baja',
      basket: { status: 'disponible', closed_at: null },
    });
    expect(found.body.movement.amount).toBeNull();
    expect(await dayRow('2026-02-19')).toMatchObject({ returned: 2, credited: 18500.55 });
    // Broken at the bakery, it was never out: nothing to receive.
    const never = await despacho('POST', '/bakery/baskets/scan', back(broken));
    expect(never.body.error).toMatchObject({ code: 'BASKET_NOT_LENT', details: { status: 'baja' } });

    // The half-letter closing of that day shows every header and the credit whole.
    const pdf = await app.app.inject({
      method: 'GET',
      url: `/api/v1/bakery/baskets/report?kind=day&date=2026-02-19&seller_id=${seller.id}&format=pdf`,
      headers: { cookie: await app.login('panadero') },
    });
    const dir = mkdtempSync(join(tmpdir(), 'baskets-pdf-'));
    try {
      writeFileSync(join(dir, 'day.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'day.pdf'), '-'], { encoding: 'utf8' });
      for (const header of ['Prestadas', 'Devueltas', 'Afuera', 'Perdidas', 'Cobrado', 'Abonado']) {
        expect(text).toContain(header);
      }
      expect(text).toMatch(/\$0,00\s+\$18\.500,55/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
