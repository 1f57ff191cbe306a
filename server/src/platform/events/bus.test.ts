import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainEvent, EventBus } from './bus.ts';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('bus de eventos entre instancias [postgres]', () => {
  const schema = `t_bus_${Math.random().toString(36).slice(2, 10)}`;
  let pool: pg.Pool;
  let sender: EventBus;
  let receiver: EventBus;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: url, max: 4 });
    sender = new EventBus(pool, schema);
    receiver = new EventBus(pool, schema);
    await sender.start();
    await receiver.start();
  });

  afterAll(async () => {
    await sender.stop();
    await receiver.stop();
    await pool.end();
  });

  it('los eventos de un mismo instante llegan a la otra instancia todos y en orden, también dos iguales', async () => {
    const heard: DomainEvent[] = [];
    const unsubscribe = receiver.subscribe((event) => heard.push(event));
    const sold = (code: string) => ({ type: 'lottery.ticket.sold', payload: { code } });
    const events = [sold('A-1'), sold('A-2'), sold('A-2'), { type: 'lottery.board.changed', payload: null }];
    for (const event of events) sender.publish(event);
    const big = { type: 'grande', payload: 'x'.repeat(9000) };
    sender.publish(big);
    await expect.poll(() => heard.length, { timeout: 5000 }).toBe(events.length);
    expect(heard).toEqual(events);
    unsubscribe();
  });
});
