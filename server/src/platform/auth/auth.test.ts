import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';
import type { DomainEvent } from '../events/bus.ts';
import type { App } from '../http/types.ts';
import { installAuthGuard } from './guard.ts';

describeEngines('sesiones y acceso', (t) => {
  it('admin inicia sesión y /auth/me devuelve sus permisos', async () => {
    const app = t();
    const cookie = await app.login('admin');
    const me = await app.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user.username).toBe('admin');
    expect(body.user.roles).toEqual(['superadmin']);
    expect(body.user.permissions).toContain('platform.users.manage');
    expect(body.modules).toEqual(['lottery', 'bakery']);
  });

  it('la cookie de sesión es HttpOnly y SameSite=Lax', async () => {
    const response = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'supervisor1', password: 'demo1234' },
    });
    const cookie = response.cookies.find((c) => c.name === 'matriz_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  it('un segundo inicio de sesión cierra el primero con SESSION_REPLACED', async () => {
    const app = t();
    const first = await app.login('juan001');
    const second = await app.login('juan001');
    const old = await app.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: first } });
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('SESSION_REPLACED');
    expect(old.json().error.message).toMatch(/otro dispositivo/);
    const current = await app.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: second },
    });
    expect(current.statusCode).toBe(200);
  });

  it('20 contraseñas erróneas seguidas bloquean la cuenta con 429 y quedan auditadas', async () => {
    const app = t();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await app.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'cobrador1', password: `mala-${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    const locked = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'cobrador1', password: 'demo1234' },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');

    const admin = await app.login('admin');
    const audit = await app.app.inject({
      method: 'GET',
      url: '/api/v1/audit?user=cobrador1&page_size=100',
      headers: { cookie: admin },
    });
    const actions = audit.json().items.map((i: { action: string }) => i.action);
    expect(actions.filter((a: string) => a === 'login_failed').length).toBeGreaterThanOrEqual(4);
    expect(actions).toContain('login_lockout');
    expect(actions).toContain('login_locked');

    app.clock.advance(16 * 60_000);
    await expect(app.login('cobrador1')).resolves.toMatch(/^matriz_sid=/);
  });

  it('usuario desconocido y contraseña errónea dan el mismo error en español, y en inglés si se pide', async () => {
    const app = t();
    const unknown = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nadie', password: 'x' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual({
      success: false,
      error: { code: 'INVALID_CREDENTIALS', message: 'Usuario o contraseña incorrectos', details: {} },
    });
    const english = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'nadie', password: 'x' },
    });
    expect(english.json().error.message).toBe('Wrong username or password');
  });

  it('rechaza peticiones sin sesión, sin permiso y de otro origen', async () => {
    const app = t();
    const anonymous = await app.app.inject({ method: 'GET', url: '/api/v1/users' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');

    const seller = await app.login('juan001');
    const forbidden = await app.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: seller },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');

    const crossSite = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: seller, origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('CSRF_REJECTED');
    const still = await app.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: seller },
    });
    expect(still.statusCode).toBe(200);
  });

  it('la sesión expira tras el tiempo de inactividad', async () => {
    const app = t();
    const cookie = await app.login('despacho1');
    app.clock.advance((app.platform.config.sessionIdleMinutes + 1) * 60_000);
    const response = await app.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('cerrar sesión invalida la cookie y lo avisa a las demás pestañas e instancias', async () => {
    const app = t();
    const cookie = await app.login('ruta1');
    const heard: DomainEvent[] = [];
    const unsubscribe = app.platform.bus.subscribe((event) => heard.push(event));
    const out = await app.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    const after = await app.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    const ended = await app.platform.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.id')
      .where('users.username', '=', 'ruta1')
      .where('sessions.end_reason', '=', 'logout')
      .execute();
    expect(ended).toHaveLength(1);
    await expect
      .poll(() => heard.filter((e) => e.type === 'session.ended'))
      .toEqual([
        { type: 'session.ended', payload: { reason: 'SIGNED_OUT' }, audience: { sessionIds: [ended[0].id] } },
      ]);
    unsubscribe();
  });

  it('un token de API lleva solo los permisos de su alcance', async () => {
    const app = t();
    const admin = await app.login('admin');
    const created = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie: admin },
      payload: { name: 'feed de resultados', scopes: ['platform.audit.read'] },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer })).statusCode).toBe(
      200,
    );
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer })).statusCode).toBe(
      403,
    );
    await app.app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, headers: { cookie: admin } });
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer })).statusCode).toBe(
      401,
    );
  });

  it('cambiar la contraseña exige la actual y la nueva sirve para entrar', async () => {
    const app = t();
    const cookie = await app.login('panadero');
    const wrong = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { current_password: 'otra', new_password: 'nueva-clave-1' },
    });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const ok = await app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { current_password: 'demo1234', new_password: 'nueva-clave-1' },
    });
    expect(ok.statusCode).toBe(200);
    await expect(app.login('panadero', 'nueva-clave-1')).resolves.toMatch(/^matriz_sid=/);
  });
});

describeEngines('caché de sesiones', (t) => {
  it('las peticiones que llegan juntas leen la sesión una vez, y las que siguen la toman de la caché', async () => {
    const app = t();
    const cookie = await app.login('juan001');
    let reads = 0;
    const counted: KyselyPlugin = {
      transformQuery: (args) => {
        if (args.node.kind === 'SelectQueryNode') reads += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const screen = Fastify() as unknown as App;
    await screen.register(fastifyCookie);
    installAuthGuard(screen, { ...app.platform, db: app.platform.db.withPlugin(counted) });
    screen.get('/api/v1/quien', async (request) => ({ user: request.auth?.username }));
    const get = () => screen.inject({ method: 'GET', url: '/api/v1/quien', headers: { cookie } });
    const answers = await Promise.all(Array.from({ length: 20 }, get));
    expect(answers.map((a) => a.json().user)).toEqual(Array(20).fill('juan001'));
    const perLookup = reads;
    expect(perLookup).toBeGreaterThan(0);
    expect(perLookup).toBeLessThanOrEqual(3);

    await Promise.all(Array.from({ length: 5 }, get));
    expect(reads).toBe(perLookup);
    const stranger = await screen.inject({
      method: 'GET',
      url: '/api/v1/quien',
      headers: { cookie: 'matriz_sid=no-existe' },
    });
    expect(stranger.statusCode).toBe(401);
    await screen.close();
  });
});
