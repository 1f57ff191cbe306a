import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { lotteryDb } from './db.ts';

async function call(
  app: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
) {
  const response = await app.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload });
  return { status: response.statusCode, body: response.json() };
}

async function ids(app: TestApp) {
  const db = lotteryDb(app.platform.db);
  const zones = await db.selectFrom('lottery_zones').select(['id', 'code']).execute();
  const bancas = await db.selectFrom('lottery_bancas').select(['id', 'code']).execute();
  const lotteries = await db.selectFrom('lottery_lotteries').select(['id', 'code']).execute();
  const byCode = (rows: { id: string; code: string }[], code: string) =>
    rows.find((r) => r.code === code)!.id;
  return {
    zone: (code: string) => byCode(zones, code),
    banca: (code: string) => byCode(bancas, code),
    lottery: (code: string) => byCode(lotteries, code),
  };
}

async function counts(app: TestApp) {
  const db = lotteryDb(app.platform.db);
  const n = async (table: 'lottery_limit_rules' | 'lottery_blocked_numbers' | 'lottery_hot_numbers') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    rules: await n('lottery_limit_rules'),
    blocks: await n('lottery_blocked_numbers'),
    hot: await n('lottery_hot_numbers'),
  };
}

describeEngines('límites: quién los fija y cuáles pueden aplicarse', (t) => {
  it('un supervisor fija límites de su zona y sus bancas; lo global y de toda la red solo el administrador', async () => {
    const app = t();
    const admin = await app.login('admin');
    const supervisor = await app.login('supervisor1');
    const { zone, banca } = await ids(app);
    const before = await counts(app);
    const refused = [
      [{ level: 'global', max_amount: 100 }, 'LIMIT_NEEDS_ADMIN', 'level', 'nivel'],
      [
        { level: 'number', bet_type: 'DIRECTO', number: '23', max_amount: 100 },
        'LIMIT_NEEDS_ADMIN',
        'zone_id',
        'zona',
      ],
      [{ level: 'zone', zone_id: zone('NTE'), max_amount: 100 }, 'LIMIT_OUT_OF_SCOPE', 'zone_id', 'zona'],
      [
        { level: 'banca', banca_id: banca('030'), max_amount: 100 },
        'LIMIT_OUT_OF_SCOPE',
        'banca_id',
        'banca',
      ],
    ] as const;
    for (const [body, code, field, words] of refused) {
      const response = await call(app, supervisor, 'POST', '/lottery/limits', body);
      expect(response.status, JSON.stringify(body)).toBe(403);
      expect(response.body.error).toMatchObject({ code, details: { field } });
      expect(response.body.error.message.startsWith(`«${words}»: `), response.body.error.message).toBe(true);
    }
    const block = await call(app, supervisor, 'POST', '/lottery/blocks', {
      number: '13',
      reason: 'mala suerte',
    });
    expect(block.status).toBe(403);
    expect(block.body.error.code).toBe('BLOCK_NEEDS_ADMIN');
    const hot = await call(app, supervisor, 'POST', '/lottery/hot-numbers', {
      number: '13',
      directo: 50,
      reason: 'sale mucho',
    });
    expect(hot.body.error.code).toBe('BLOCK_NEEDS_ADMIN');
    expect(await counts(app)).toEqual(before);

    const ownZone = await call(app, supervisor, 'POST', '/lottery/limits', {
      level: 'zone',
      zone_id: zone('GIL'),
      max_amount: 5000,
    });
    expect(ownZone.status, JSON.stringify(ownZone.body)).toBe(201);
    const ownBanca = await call(app, supervisor, 'POST', '/lottery/limits', {
      level: 'number',
      bet_type: 'DIRECTO',
      number: '23',
      banca_id: banca('010'),
      max_amount: 50,
    });
    expect(ownBanca.status, JSON.stringify(ownBanca.body)).toBe(201);
    expect(
      (
        await call(app, supervisor, 'PATCH', `/lottery/limits/${ownZone.body.id}`, {
          max_amount: 4000,
          reason: 'ajuste',
        })
      ).status,
    ).toBe(200);

    const global = await call(app, admin, 'POST', '/lottery/limits', {
      level: 'global',
      max_amount: 900_000,
    });
    expect(global.status).toBe(201);
    const change = await call(app, supervisor, 'PATCH', `/lottery/limits/${global.body.id}`, {
      active: false,
      reason: 'no me deja vender',
    });
    expect(change.status).toBe(403);
    expect(change.body.error).toMatchObject({ code: 'LIMIT_NEEDS_ADMIN', details: { field: 'level' } });
    const adminBlock = await call(app, admin, 'POST', '/lottery/blocks', {
      number: '13',
      reason: 'mala suerte',
    });
    expect(adminBlock.status).toBe(201);
    const unblock = await call(app, supervisor, 'POST', `/lottery/blocks/${adminBlock.body.id}/remove`, {
      reason: 'lo quito',
    });
    expect(unblock.body.error.code).toBe('BLOCK_NEEDS_ADMIN');
    const rules = (await call(app, admin, 'GET', '/lottery/limits?active=true')).body.items as {
      id: string;
      active: boolean;
      max_amount: number;
    }[];
    expect(rules.find((r) => r.id === global.body.id)).toMatchObject({ active: true });
    expect(rules.find((r) => r.id === ownZone.body.id)).toMatchObject({ max_amount: 4000 });
    expect(
      (await call(app, admin, 'POST', `/lottery/blocks/${adminBlock.body.id}/remove`, { reason: 'fin' }))
        .status,
    ).toBe(200);
  });

  it('una regla, un bloqueo o un número caliente que nunca se aplicaría se rechaza nombrando el campo', async () => {
    const app = t();
    const admin = await app.login('admin');
    const { zone, banca, lottery } = await ids(app);
    const before = await counts(app);
    const refused = [
      [
        '/lottery/limits',
        { level: 'zone', zone_id: 'no-existe', max_amount: 10 },
        'LIMIT_TARGET_NOT_FOUND',
        'zone_id',
        '«zona»: no existe',
      ],
      [
        '/lottery/limits',
        { level: 'banca', zone_id: zone('NTE'), banca_id: banca('010'), max_amount: 10 },
        'LIMIT_TARGET_MISMATCH',
        'banca_id',
        '«banca» no corresponde a «zona»',
      ],
      [
        '/lottery/limits',
        { level: 'number', bet_type: 'DIRECTO', number: '123', max_amount: 10 },
        'LIMIT_NUMBER_INVALID',
        'number',
        '«número»: ',
      ],
      [
        '/lottery/limits',
        { level: 'bet_type', bet_type: 'PALE', lottery_id: lottery('FL_PICK3'), max_amount: 10 },
        'LIMIT_BET_TYPE_NOT_SOLD',
        'bet_type',
        '«tipo de jugada»: ',
      ],
      [
        '/lottery/blocks',
        { number: '123', bet_type: 'DIRECTO', reason: 'prueba' },
        'LIMIT_NUMBER_INVALID',
        'number',
        '«número»: ',
      ],
      [
        '/lottery/blocks',
        { number: '123', lottery_id: lottery('REAL'), reason: 'prueba' },
        'NUMBER_NEVER_SOLD',
        'number',
        '«número»: ',
      ],
      [
        '/lottery/hot-numbers',
        { number: '45', reason: 'sin límites' },
        'HOT_NUMBER_WITHOUT_LIMITS',
        'directo',
        '«directo»: ',
      ],
      [
        '/lottery/hot-numbers',
        { number: '45', lottery_id: 'no-existe', directo: 5, reason: 'prueba' },
        'LIMIT_TARGET_NOT_FOUND',
        'lottery_id',
        '«lotería»: no existe',
      ],
    ] as const;
    for (const [url, body, code, field, words] of refused) {
      const response = await call(app, admin, 'POST', url, body);
      expect(response.status, `${url} ${JSON.stringify(body)}`).toBe(422);
      expect(response.body.error).toMatchObject({ code, details: { field } });
      expect(response.body.error.message.startsWith(words), response.body.error.message).toBe(true);
    }
    expect(await counts(app)).toEqual(before);

    expect(
      (await call(app, admin, 'POST', '/lottery/blocks', { number: '17', reason: 'prueba' })).status,
    ).toBe(201);
    const twice = await call(app, admin, 'POST', '/lottery/blocks', { number: '17', reason: 'otra vez' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      code: 'BLOCK_DUPLICATE',
      details: { field: 'number', number: '17' },
    });
    const narrower = await call(app, admin, 'POST', '/lottery/blocks', {
      number: '17',
      lottery_id: lottery('REAL'),
      reason: 'solo en Real',
    });
    expect(narrower.status).toBe(201);
    const pale = await call(app, admin, 'POST', '/lottery/blocks', {
      number: '4523',
      bet_type: 'PALE',
      reason: 'prueba',
    });
    expect(pale.status).toBe(201);
    const samePale = await call(app, admin, 'POST', '/lottery/blocks', {
      number: '2345',
      bet_type: 'PALE',
      reason: 'prueba',
    });
    expect(samePale.body.error.code).toBe('BLOCK_DUPLICATE');
    // Two digits on a palé block every palé that carries them.
    const carried = await call(app, admin, 'POST', '/lottery/blocks', {
      number: '13',
      bet_type: 'PALE',
      reason: 'prueba',
    });
    expect(carried.status, JSON.stringify(carried.body)).toBe(201);

    expect(
      (
        await call(app, admin, 'POST', '/lottery/hot-numbers', {
          number: '45',
          directo: 50,
          reason: 'sale mucho',
        })
      ).status,
    ).toBe(201);
    const hotTwice = await call(app, admin, 'POST', '/lottery/hot-numbers', {
      number: '45',
      directo: 20,
      reason: 'otra vez',
    });
    expect(hotTwice.status).toBe(409);
    expect(hotTwice.body.error.code).toBe('HOT_NUMBER_DUPLICATE');
  });
});

describeEngines('bloqueos y números calientes simultáneos', (t) => {
  it('20 peticiones idénticas a la vez dejan una sola fila; las demás reciben el mismo error que la repetida', async () => {
    const app = t();
    const admin = await app.login('admin');
    const { lottery } = await ids(app);
    const db = lotteryDb(app.platform.db);
    const cases = [
      {
        url: '/lottery/blocks',
        body: { number: '31', lottery_id: lottery('REAL'), reason: 'a la vez' },
        code: 'BLOCK_DUPLICATE',
        rows: () =>
          db
            .selectFrom('lottery_blocked_numbers')
            .select('id')
            .where('number', '=', '31')
            .where('active', '=', 1)
            .execute(),
      },
      {
        // Every lottery (no lottery_id): NULLs must collide too.
        url: '/lottery/blocks',
        body: { number: '32', reason: 'a la vez' },
        code: 'BLOCK_DUPLICATE',
        rows: () =>
          db
            .selectFrom('lottery_blocked_numbers')
            .select('id')
            .where('number', '=', '32')
            .where('active', '=', 1)
            .execute(),
      },
      {
        url: '/lottery/hot-numbers',
        body: { number: '33', directo: 40, reason: 'a la vez' },
        code: 'HOT_NUMBER_DUPLICATE',
        rows: () =>
          db
            .selectFrom('lottery_hot_numbers')
            .select('id')
            .where('number', '=', '33')
            .where('active', '=', 1)
            .execute(),
      },
    ];
    for (const { url, body, code, rows } of cases) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => call(app, admin, 'POST', url, body)),
      );
      const label = `${url} ${JSON.stringify(body)}`;
      expect(answers.filter((a) => a.status === 201).length, label).toBe(1);
      const refused = answers.filter((a) => a.status !== 201);
      expect(refused.length, label).toBe(19);
      for (const answer of refused) {
        expect(answer.status, JSON.stringify(answer.body)).toBe(409);
        expect(answer.body.error).toMatchObject({ code, details: { field: 'number', number: body.number } });
        expect(answer.body.error.message).toContain(body.number);
      }
      expect((await rows()).length, label).toBe(1);
    }

    // Lifted, the same block can be set again: only active rows are unique.
    const block = (await cases[0].rows())[0];
    expect(
      (await call(app, admin, 'POST', `/lottery/blocks/${block.id}/remove`, { reason: 'fin' })).status,
    ).toBe(200);
    expect((await call(app, admin, 'POST', '/lottery/blocks', cases[0].body)).status).toBe(201);
  });
});
