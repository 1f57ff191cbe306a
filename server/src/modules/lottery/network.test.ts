import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';

async function call(
  app: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const response = await app.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { cookie },
    payload: payload as object,
  });
  return { status: response.statusCode, body: response.json() };
}

async function auditActions(app: TestApp, cookie: string, entity: string) {
  const { body } = await call(app, cookie, 'GET', `/audit?entity=${entity}&page_size=200`);
  return (body.items as { action: string; after: unknown }[]).map((i) => i.action);
}

describeEngines('red de bancas', (t) => {
  it('la demo trae 3 zonas, 12 bancas y la banca 010 LA CENTRAL 10 de GILBERTO TL con juan001', async () => {
    const app = t();
    const admin = await app.login('admin');
    const zones = await call(app, admin, 'GET', '/lottery/zones');
    expect(zones.body.total).toBe(3);
    const bancas = await call(app, admin, 'GET', '/lottery/bancas?page_size=100');
    expect(bancas.body.total).toBe(12);
    const central = bancas.body.items.find((b: { code: string }) => b.code === '010');
    expect(central).toMatchObject({
      name: 'LA CENTRAL 10',
      owner_name: 'GILBERTO TL',
      zone_name: 'GRUPO GILBERTO TL',
      active: true,
      cancel_window_minutes: 30,
      print_format: 'thermal_80mm',
    });
    const people = await call(app, admin, 'GET', `/lottery/assignments?banca_id=${central.id}`);
    expect(people.body.items.map((p: { username: string; role: string }) => [p.username, p.role])).toEqual([
      ['juan001', 'vendedor'],
    ]);
  });

  it('buscar bancas no distingue mayúsculas ni acentos: HIGÜEY, higüey y higuey hallan la 023', async () => {
    const app = t();
    const admin = await app.login('admin');
    for (const q of ['HIGÜEY', 'higüey', 'higuey', 'Higuey centro']) {
      const found = await call(app, admin, 'GET', `/lottery/bancas?q=${encodeURIComponent(q)}`);
      expect(
        found.body.items.map((b: { code: string }) => b.code),
        q,
      ).toEqual(['023']);
    }
  });

  it('un vendedor solo ve sus bancas', async () => {
    const app = t();
    const seller = await app.login('juan001');
    const visible = await call(app, seller, 'GET', '/lottery/bancas');
    expect(visible.body.items.map((b: { code: string }) => b.code)).toEqual(['010']);
    const mine = await call(app, seller, 'GET', '/lottery/my-bancas');
    expect(mine.body.items.map((b: { code: string }) => b.code)).toEqual(['010']);
    const forbidden = await call(app, seller, 'POST', '/lottery/zones', { code: 'X', name: 'X' });
    expect(forbidden.status).toBe(403);
  });

  it('crea una banca con sus ajustes de riesgo en unidades y los guarda en centavos; rechaza campos desconocidos', async () => {
    const app = t();
    const admin = await app.login('admin');
    const zone = await call(app, admin, 'POST', '/lottery/zones', { code: 'sur', name: 'ZONA SUR' });
    expect(zone.status).toBe(201);
    expect(zone.body.zone.code).toBe('SUR');
    const unknown = await call(app, admin, 'POST', '/lottery/bancas', {
      code: '040',
      name: 'BANCA SUR',
      owner_name: 'DUEÑO',
      zone_id: zone.body.zone.id,
      balance: 10,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_ERROR');

    const created = await call(app, admin, 'POST', '/lottery/bancas', {
      code: '040',
      name: 'BANCA SUR',
      owner_name: 'DUEÑO SUR',
      zone_id: zone.body.zone.id,
      print_format: 'thermal_58mm',
      print_copies: 2,
      footer_lines: ['Gracias', '', 'Suerte'],
      max_ticket_amount: 2500.5,
      credit_limit: 10000,
      deactivation_balance: -2000,
      max_cancels_per_day: 5,
      accept_partial_lines: true,
      opens_at: '08:00',
      closes_at: '21:30',
    });
    expect(created.status).toBe(201);
    expect(created.body.banca).toMatchObject({
      code: '040',
      print_format: 'thermal_58mm',
      print_copies: 2,
      footer_lines: ['Gracias', '', 'Suerte'],
      cancel_window_minutes: 30,
      max_ticket_amount: 2500.5,
      deactivation_balance: -2000,
      daily_sales_limit: null,
      accept_partial_lines: true,
    });
    const row = await app.platform.db
      .withTables<{ lottery_bancas: { id: string; max_ticket_amount_cents: number } }>()
      .selectFrom('lottery_bancas')
      .select('max_ticket_amount_cents')
      .where('id', '=', created.body.banca.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.max_ticket_amount_cents)).toBe(250_050);

    const copies = await call(app, admin, 'PATCH', `/lottery/bancas/${created.body.banca.id}`, {
      print_copies: 4,
    });
    expect(copies.status).toBe(400);
    const hours = await call(app, admin, 'PATCH', `/lottery/bancas/${created.body.banca.id}`, {
      closes_at: null,
    });
    expect(hours.body.error.code).toBe('BANCA_HOURS_INCOMPLETE');
    const duplicate = await call(app, admin, 'POST', '/lottery/bancas', {
      code: '040',
      name: 'OTRA',
      owner_name: 'X',
      zone_id: zone.body.zone.id,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'CODE_TAKEN', details: { field: 'code' } });
    const edited = await call(app, admin, 'PATCH', `/lottery/bancas/${created.body.banca.id}`, {
      cancel_window_minutes: 15,
    });
    expect(edited.body.banca.cancel_window_minutes).toBe(15);
    expect(await auditActions(app, admin, 'lottery_banca')).toEqual(
      expect.arrayContaining(['create', 'update']),
    );
  });

  it('desactivar y reactivar queda auditado; borrar solo lo que nunca se usó', async () => {
    const app = t();
    const admin = await app.login('admin');
    const zone = await call(app, admin, 'POST', '/lottery/zones', { code: 'TMP', name: 'TEMPORAL' });
    const banca = await call(app, admin, 'POST', '/lottery/bancas', {
      code: '099',
      name: 'PRUEBA',
      owner_name: 'X',
      zone_id: zone.body.zone.id,
    });
    const zoneInUse = await call(app, admin, 'DELETE', `/lottery/zones/${zone.body.zone.id}`);
    expect(zoneInUse.status).toBe(409);
    expect(zoneInUse.body.error.code).toBe('RECORD_IN_USE');

    expect((await call(app, admin, 'POST', `/lottery/bancas/${banca.body.banca.id}/deactivate`)).status).toBe(
      200,
    );
    const inactive = await call(app, admin, 'GET', `/lottery/bancas?active=false`);
    expect(inactive.body.items.map((b: { code: string }) => b.code)).toEqual(['099']);
    expect((await call(app, admin, 'POST', `/lottery/bancas/${banca.body.banca.id}/reactivate`)).status).toBe(
      200,
    );

    const used = (await call(app, admin, 'GET', '/lottery/bancas?q=central 10')).body.items[0];
    const refused = await call(app, admin, 'DELETE', `/lottery/bancas/${used.id}`);
    expect(refused.body.error.code).toBe('RECORD_IN_USE');

    expect((await call(app, admin, 'DELETE', `/lottery/bancas/${banca.body.banca.id}`)).status).toBe(200);
    expect((await call(app, admin, 'DELETE', `/lottery/zones/${zone.body.zone.id}`)).status).toBe(200);
    expect(await auditActions(app, admin, 'lottery_banca')).toEqual(
      expect.arrayContaining(['deactivate', 'reactivate', 'delete']),
    );
  });

  it('vendedores y cajeros van a bancas; supervisores y cobradores a zonas', async () => {
    const app = t();
    const admin = await app.login('admin');
    const users = await call(app, admin, 'GET', '/users?q=maria011');
    const maria = users.body.items[0];
    const bancas = await call(app, admin, 'GET', '/lottery/bancas?page_size=100');
    const b013 = bancas.body.items.find((b: { code: string }) => b.code === '013');
    const zoneOnly = await call(app, admin, 'POST', '/lottery/assignments', {
      user_id: maria.id,
      role: 'cajero',
      zone_id: b013.zone_id,
    });
    expect(zoneOnly.body.error).toMatchObject({
      code: 'ASSIGNMENT_NEEDS_BANCA',
      details: { field: 'banca_id' },
    });
    const assigned = await call(app, admin, 'POST', '/lottery/assignments', {
      user_id: maria.id,
      role: 'cajero',
      banca_id: b013.id,
    });
    expect(assigned.status).toBe(201);
    expect(assigned.body.assignment).toMatchObject({
      username: 'maria011',
      banca_code: '013',
      zone_name: 'GRUPO GILBERTO TL',
    });
    const again = await call(app, admin, 'POST', '/lottery/assignments', {
      user_id: maria.id,
      role: 'vendedor',
      banca_id: b013.id,
    });
    expect(again.body.error.code).toBe('ALREADY_ASSIGNED');
    const supervisor = await call(app, admin, 'POST', '/lottery/assignments', {
      user_id: maria.id,
      role: 'supervisor',
      banca_id: b013.id,
    });
    expect(supervisor.body.error.code).toBe('ASSIGNMENT_NEEDS_ZONE');
    expect(
      (await call(app, admin, 'DELETE', `/lottery/assignments/${assigned.body.assignment.id}`)).status,
    ).toBe(200);
    expect(await auditActions(app, admin, 'lottery_assignment')).toEqual(['delete', 'create']);
  });

  it('agentes externos con su propia comisión', async () => {
    const app = t();
    const admin = await app.login('admin');
    const list = await call(app, admin, 'GET', '/lottery/agents');
    expect(
      list.body.items.map((a: { code: string; commission_percent: number }) => [
        a.code,
        a.commission_percent,
      ]),
    ).toEqual([
      ['AG01', 15],
      ['AG02', 12],
    ]);
    const created = await call(app, admin, 'POST', '/lottery/agents', {
      code: 'AG09',
      name: 'SOCIO',
      commission_percent: 13.5,
    });
    expect(created.body.agent).toMatchObject({ code: 'AG09', commission_percent: 13.5, active: true });
    const bad = await call(app, admin, 'POST', '/lottery/agents', {
      code: 'AG10',
      name: 'X',
      commission_percent: 13.555,
    });
    expect(bad.status).toBe(400);
    expect((await call(app, admin, 'DELETE', `/lottery/agents/${created.body.agent.id}`)).status).toBe(200);
  });

  it('ajustes del operador: prefijo LAN, RD$, y acepta colones y pesos colombianos', async () => {
    const app = t();
    const admin = await app.login('admin');
    const current = await call(app, admin, 'GET', '/lottery/settings');
    expect(current.body.settings).toMatchObject({
      ticket_prefix: 'LAN',
      currency_code: 'DOP',
      currency_symbol: 'RD$',
      time_zone: 'America/Santo_Domingo',
      future_sales_days: 7,
    });
    const colones = { ...current.body.settings, currency_code: 'crc', currency_symbol: '₡' };
    const saved = await call(app, admin, 'PUT', '/lottery/settings', colones);
    expect(saved.body.settings).toMatchObject({ currency_code: 'CRC', currency_symbol: '₡' });
    const badZone = await call(app, admin, 'PUT', '/lottery/settings', {
      ...colones,
      time_zone: 'Mars/Base',
    });
    expect(badZone.status).toBe(400);
    const restored = await call(app, admin, 'PUT', '/lottery/settings', current.body.settings);
    expect(restored.body.settings.currency_code).toBe('DOP');
    expect(await auditActions(app, admin, 'lottery_settings')).toEqual(['update', 'update']);
    const seller = await app.login('juan001');
    expect((await call(app, seller, 'PUT', '/lottery/settings', colones)).status).toBe(403);
  });

  it('idioma de los tickets impresos: español por defecto; un cliente que no lo envía lo conserva; otro valor se rechaza', async () => {
    const app = t();
    const admin = await app.login('admin');
    const current = (await call(app, admin, 'GET', '/lottery/settings')).body.settings;
    expect(current.ticket_language).toBe('es');
    const english = await call(app, admin, 'PUT', '/lottery/settings', { ...current, ticket_language: 'en' });
    expect(english.body.settings.ticket_language).toBe('en');
    const { ticket_language: _left, ...older } = current;
    const renamed = await call(app, admin, 'PUT', '/lottery/settings', { ...older, name: 'OTRO NOMBRE' });
    expect(renamed.body.settings).toMatchObject({ name: 'OTRO NOMBRE', ticket_language: 'en' });
    const bad = await call(app, admin, 'PUT', '/lottery/settings', { ...current, ticket_language: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe('body.ticket_language');
    expect(bad.body.error.message).toContain('idioma de los tickets impresos');
    expect((await call(app, admin, 'PUT', '/lottery/settings', current)).body.settings).toEqual(current);
  });

  it('desactivar una zona detiene en el acto la venta de sus bancas activas; reactivarla la devuelve', async () => {
    const app = t();
    const admin = await app.login('admin');
    const seller = await app.login('juan001');
    const zones = (await call(app, admin, 'GET', '/lottery/zones')).body.items as {
      id: string;
      name: string;
      active_banca_count: number;
    }[];
    const zone = zones.find((z) => z.name === 'GRUPO GILBERTO TL')!;
    const bancas = await call(
      app,
      admin,
      'GET',
      `/lottery/bancas?zone_id=${zone.id}&active=true&page_size=100`,
    );
    // What the deactivation dialog says will stop selling.
    expect(zone.active_banca_count).toBe(bancas.body.total);
    expect(zone.active_banca_count).toBeGreaterThan(0);
    const sell = () => call(app, seller, 'POST', '/lottery/tickets', { entry: 'REAL|61|10' });
    const tickets = async () =>
      Number(
        (
          await app.platform.db
            .withTables<{ lottery_tickets: { id: string } }>()
            .selectFrom('lottery_tickets')
            .select(({ fn }) => fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect((await sell()).status).toBe(201);

    expect((await call(app, admin, 'POST', `/lottery/zones/${zone.id}/deactivate`)).status).toBe(200);
    const before = await tickets();
    const refused = await sell();
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'BANCA_ZONE_INACTIVE',
      details: { banca: '010', zone: 'GRUPO GILBERTO TL' },
    });
    expect(refused.body.error.message).toBe(
      'La banca 010 no puede vender: su zona «GRUPO GILBERTO TL» está desactivada',
    );
    const validated = await call(app, seller, 'POST', '/lottery/tickets/validate', { entry: 'REAL|61|10' });
    expect(validated.body).toMatchObject({ success: false, errors: [{ code: 'BANCA_ZONE_INACTIVE' }] });
    expect(await tickets()).toBe(before);
    expect(
      ((await call(app, admin, 'GET', `/lottery/zones/${zone.id}`)).body.zone as { active: boolean }).active,
    ).toBe(false);

    expect((await call(app, admin, 'POST', `/lottery/zones/${zone.id}/reactivate`)).status).toBe(200);
    expect((await sell()).status).toBe(201);
  });

  it('dos personas editan la misma banca: la segunda recibe RECORD_CHANGED y lo guardado por la primera queda', async () => {
    const app = t();
    const admin = await app.login('admin');
    const banca = (await call(app, admin, 'GET', '/lottery/bancas?q=BANCA EL CRUCE')).body.items[0];
    const opened = (await call(app, admin, 'GET', `/lottery/bancas/${banca.id}`)).body.banca;
    expect(opened.version).toBe(banca.version);

    const first = await call(app, admin, 'PATCH', `/lottery/bancas/${banca.id}`, {
      name: 'BANCA EL CRUCE NUEVA',
      version: opened.version,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.banca.version).toBe(opened.version + 1);

    const second = await call(app, admin, 'PATCH', `/lottery/bancas/${banca.id}`, {
      name: 'BANCA EL CRUCE',
      cancel_window_minutes: 5,
      version: opened.version,
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'RECORD_CHANGED', details: { label: banca.code } });
    expect(second.body.error.message).toContain('Recargue');
    const now = (await call(app, admin, 'GET', `/lottery/bancas/${banca.id}`)).body.banca;
    expect(now).toMatchObject({
      name: 'BANCA EL CRUCE NUEVA',
      cancel_window_minutes: banca.cancel_window_minutes,
      version: opened.version + 1,
    });

    // Both at once from the same version: exactly one is saved.
    const race = await Promise.all(
      [7, 8].map((minutes) =>
        call(app, admin, 'PATCH', `/lottery/bancas/${banca.id}`, {
          cancel_window_minutes: minutes,
          version: now.version,
        }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = (await call(app, admin, 'GET', `/lottery/bancas/${banca.id}`)).body.banca;
    expect(after.version).toBe(now.version + 1);
    expect(after.cancel_window_minutes).toBe(
      race.find((r) => r.status === 200)!.body.banca.cancel_window_minutes,
    );

    // Integrations that send no version still save (last write wins), and a stale one is refused.
    const unversioned = await call(app, admin, 'PATCH', `/lottery/bancas/${banca.id}`, {
      name: 'BANCA EL CRUCE',
    });
    expect(unversioned.status).toBe(200);
    expect(unversioned.body.banca.version).toBe(after.version + 1);
    const bad = await call(app, admin, 'PATCH', `/lottery/bancas/${banca.id}`, { version: 'x' });
    expect(bad.status).toBe(400);
  });

  it('una banca nueva sin pie de ticket toma el del operador, no líneas vacías', async () => {
    const app = t();
    const admin = await app.login('admin');
    const current = (await call(app, admin, 'GET', '/lottery/settings')).body.settings;
    const footers = ['Gracias por su compra', 'Pague solo con ticket', 'Tel. 809-555-0100'];
    expect(
      (
        await call(app, admin, 'PUT', '/lottery/settings', {
          ...current,
          footer_lines: footers,
          print_copies: 2,
        })
      ).status,
    ).toBe(200);
    const zone = (await call(app, admin, 'GET', '/lottery/zones')).body.items[0];
    const created = await call(app, admin, 'POST', '/lottery/bancas', {
      code: '098',
      name: 'BANCA NUEVA',
      owner_name: 'DUEÑO',
      zone_id: zone.id,
    });
    expect(created.status).toBe(201);
    expect(created.body.banca).toMatchObject({ footer_lines: footers, print_copies: 2, version: 1 });
    expect((await call(app, admin, 'DELETE', `/lottery/bancas/${created.body.banca.id}`)).status).toBe(200);
    expect((await call(app, admin, 'PUT', '/lottery/settings', current)).status).toBe(200);
  });
});
